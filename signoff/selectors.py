"""Reads of the sign-off: who may decide, the comments of a plan, its review cycle, and the objects
behind a share link or a calendar address. Every view gets its object through one of these."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import Max, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from planner.models import KPI, Membership, Plan
from planner.selectors import can_edit, plan_for_user, plans_for_user

from .models import CalendarFeed, Comment, ReviewMeeting, ReviewRequest, ShareLink

DECIDE_ROLES = (Membership.Role.EXECUTIVE, Membership.Role.ADMIN)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --- access ------------------------------------------------------------------------------------


def can_decide(plan: Plan) -> bool:
    """Whether the user the plan was read for (``plans_for_user``) may approve it or ask for changes:
    its organization's executives and admins; never its marketing leads."""
    return getattr(plan, "user_role", None) in DECIDE_ROLES


def plan_for_decider(user: AbstractBaseUser, pk: int) -> Plan:
    """The plan if the user may decide on it; 404 for a stranger, 403 for a member who may not."""
    plan = plan_for_user(user, pk)
    if not can_decide(plan):
        raise PermissionDenied
    return plan


def review_request_of_plan(plan: Plan, pk: int) -> ReviewRequest:
    return get_object_or_404(ReviewRequest.objects.select_related("version"), plan=plan, pk=pk)


def comment_for_user(user: AbstractBaseUser, pk: int) -> Comment:
    """The comment if its plan belongs to one of the user's organizations, else 404."""
    return get_object_or_404(Comment.objects.filter(plan__in=plans_for_user(user)).select_related("plan"), pk=pk)


def share_link_for_editor(user: AbstractBaseUser, pk: int) -> ShareLink:
    """The share link if the user may edit its plan; 404 for a stranger, 403 for a member who may only read."""
    link = get_object_or_404(ShareLink.objects.filter(plan__in=plans_for_user(user)), pk=pk)
    plan = plans_for_user(user).get(pk=link.plan_id)
    if not can_edit(plan):
        raise PermissionDenied
    return link


def share_link_by_token(token: str) -> ShareLink:
    """The link a token opens: 404 when it is unknown, revoked or expired, all alike."""
    link = ShareLink.objects.select_related("plan", "plan__organization", "version").filter(
        token_hash=token_hash(token), revoked_at=None, expires_at__gt=timezone.now()
    )
    return get_object_or_404(link)


def calendar_feed_by_token(token: str) -> CalendarFeed:
    """The feed a token opens: 404 when it is unknown, replaced, or its user left the organization."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("plan", "user"), token_hash=token_hash(token))
    if not Membership.objects.filter(user=feed.user, organization_id=feed.plan.organization_id).exists():
        raise Http404
    return feed


def kpi_of_plan(plan: Plan, pk: int) -> KPI:
    return get_object_or_404(KPI.objects.select_related("goal"), goal__plan=plan, pk=pk)


# --- comments ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Thread:
    comment: Comment
    answers: list[Comment]

    @property
    def is_resolved(self) -> bool:
        return self.comment.is_resolved


def threads_by_section(plan: Plan) -> dict[str, list[Thread]]:
    """The plan's comment threads per section, oldest first; one query."""
    comments = Comment.objects.filter(plan=plan).select_related("author", "resolved_by", "version")
    answers: dict[int, list[Comment]] = defaultdict(list)
    roots = []
    for comment in comments:
        if comment.parent_id is None:
            roots.append(comment)
        else:
            answers[comment.parent_id].append(comment)
    threads: dict[str, list[Thread]] = defaultdict(list)
    for root in roots:
        threads[root.section].append(Thread(root, answers[root.pk]))
    return dict(threads)


def open_threads(plan: Plan, section: str) -> list[Thread]:
    return [thread for thread in threads_by_section(plan).get(section, []) if not thread.is_resolved]


def open_comment_count(plan: Plan) -> int:
    return Comment.objects.filter(plan=plan, parent=None, resolved_at=None).count()


def open_comment_counts(plan: Plan) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for section in Comment.objects.filter(plan=plan, parent=None, resolved_at=None).values_list("section", flat=True):
        counts[section] += 1
    return dict(counts)


# --- reviews -----------------------------------------------------------------------------------


def review_requests_for_plan(plan: Plan) -> QuerySet[ReviewRequest]:
    return plan.review_requests.select_related("version", "requested_by", "decision").defer("version__snapshot")


def latest_review_request(plan: Plan) -> ReviewRequest | None:
    return review_requests_for_plan(plan).first()


# --- the review cycle --------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewDue:
    due_on: dt.date
    days: int  # from today: negative when overdue
    cadence_months: int

    @property
    def overdue_days(self) -> int:
        return max(0, -self.days)


def review_due_date(
    *, cadence_months: int | None, last_held: dt.date | None, start: dt.date | None, created: dt.date
) -> dt.date | None:
    """When the next review is due: ``cadence_months`` after the last review held, else after the
    plan's start, else after it was created. None without a cadence."""
    if not cadence_months:
        return None
    return (last_held or start or created) + relativedelta(months=cadence_months)


def reviews_due(plans: Iterable[Plan], today: dt.date | None = None) -> dict[int, ReviewDue]:
    """The next review of each plan that has a cadence, by plan id; one query however many plans."""
    today = today or timezone.localdate()
    plans = list(plans)
    held = dict(
        ReviewMeeting.objects.filter(plan__in=[p.pk for p in plans])
        .values("plan")
        .annotate(last=Max("held_on"))
        .values_list("plan", "last")
    )
    due = {}
    for plan in plans:
        due_on = review_due_date(
            cadence_months=plan.review_cadence_months,
            last_held=held.get(plan.pk),
            start=plan.start_date,
            created=timezone.localdate(plan.created_at),
        )
        if due_on is not None:
            due[plan.pk] = ReviewDue(due_on, (due_on - today).days, plan.review_cadence_months)
    return due


def review_due(plan: Plan, today: dt.date | None = None) -> ReviewDue | None:
    return reviews_due([plan], today).get(plan.pk)


def review_meetings_for_plan(plan: Plan) -> QuerySet[ReviewMeeting]:
    return plan.review_meetings.select_related("recorded_by")


# --- who is told -------------------------------------------------------------------------------


def members_with_roles(plan: Plan, roles: Iterable[str]) -> list:
    """The users of the plan's organization with one of ``roles`` and an e-mail address."""
    users = get_user_model().objects.filter(
        memberships__organization_id=plan.organization_id, memberships__role__in=list(roles)
    )
    return list(users.exclude(email="").order_by("pk"))


def plan_owners(plan: Plan) -> list:
    """Who is reminded of the plan's review: the member who created it while they still lead or
    administer its organization, else its leads and admins."""
    editors = members_with_roles(plan, (Membership.Role.LEAD, Membership.Role.ADMIN))
    creator = [user for user in editors if user.pk == plan.created_by_id]
    return creator or editors
