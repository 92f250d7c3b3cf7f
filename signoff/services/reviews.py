"""Review requests, comments and decisions."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from planner.models import Membership, Plan
from reports.models import Version
from reports.services import version_approve, version_freeze

from ..models import Comment, Decision, ReviewRequest, display_name
from ..selectors import members_with_roles, open_comment_count
from .emails import plan_mail, review_page_url


class DecisionError(Exception):
    """The review request was decided already (by someone else, meanwhile)."""


@transaction.atomic
def review_request_create(*, plan: Plan, user, message: str, base_url: str) -> ReviewRequest:
    """Freeze the plan as a version (its latest, when unchanged), ask for its review, replacing an open
    request, and tell the organization's executives by e-mail."""
    version = version_freeze(plan=plan, user=user)  # locks the plan: one request at a time
    now = timezone.now()
    ReviewRequest.objects.filter(plan=plan, status=ReviewRequest.Status.OPEN).update(
        status=ReviewRequest.Status.SUPERSEDED, closed_at=now
    )
    request = ReviewRequest.objects.create(plan=plan, version=version, message=message, requested_by=user)
    executives = [u.email for u in members_with_roles(plan, [Membership.Role.EXECUTIVE])]
    context = {
        "plan": plan,
        "version": version,
        "message": message,
        "requester": display_name(user),
        "link": review_page_url(base_url, plan),
    }
    transaction.on_commit(
        lambda: plan_mail(plan=plan, template="review_requested", context=context, recipients=executives)
    )
    return request


@transaction.atomic
def comment_create(
    *, plan: Plan, user, section: str, text: str, parent: Comment | None = None, version: Version | None = None
) -> Comment:
    """A comment on a section of the plan, or an answer to a thread (an answer to an answer joins
    the thread)."""
    if parent is not None:
        parent = parent.parent or parent
        section = parent.section
    return Comment.objects.create(plan=plan, section=section, parent=parent, version=version, author=user, text=text)


@transaction.atomic
def comment_resolve(*, comment: Comment, user) -> bool:
    """Resolve the comment's thread; False when it was resolved already. Nothing is deleted."""
    root = comment.parent or comment
    return bool(
        Comment.objects.filter(pk=root.pk, resolved_at=None).update(resolved_at=timezone.now(), resolved_by=user)
    )


@transaction.atomic
def decision_make(*, review_request: ReviewRequest, user, outcome: str, reason: str, base_url: str) -> Decision:
    """Approve the request's version or ask for changes; raises DecisionError when it is no longer
    open. An approval is recorded on the version itself, with the comments open at that moment."""
    current = ReviewRequest.objects.select_for_update().get(pk=review_request.pk)
    if current.status != ReviewRequest.Status.OPEN:
        raise DecisionError(_("This review request has been decided or replaced already."))
    approve = outcome == Decision.Outcome.APPROVE
    decision = Decision.objects.create(
        review_request=current,
        version=current.version,
        outcome=outcome,
        reason=reason,
        decided_by=user,
        decider_name=display_name(user),
    )
    current.status = ReviewRequest.Status.APPROVED if approve else ReviewRequest.Status.CHANGES_REQUESTED
    current.closed_at = timezone.now()
    current.save(update_fields=["status", "closed_at"])
    plan = current.plan
    if approve:
        version_approve(version=current.version, user=user, open_comments=open_comment_count(plan))
    requester = current.requested_by
    if requester is not None and requester.email:
        context = {
            "plan": plan,
            "version": current.version,
            "decision": decision,
            "approved": approve,
            "link": review_page_url(base_url, plan),
        }
        transaction.on_commit(
            lambda: plan_mail(plan=plan, template="decision", context=context, recipients=[requester.email])
        )
    return decision
