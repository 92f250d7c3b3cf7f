"""The review page: a version by section with its comments, the review requests and the decisions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from planner.plan_file import plan_to_document
from planner.selectors import can_edit, plan_for_editor, plan_for_user
from reports.history import same_strategy
from reports.models import Version
from reports.services import approved_version

from .. import services
from ..forms import AnswerForm, CommentForm, DecisionForm, ReviewRequestForm
from ..selectors import (
    can_decide,
    comment_for_user,
    latest_review_request,
    open_comment_count,
    plan_for_decider,
    review_request_of_plan,
    review_requests_for_plan,
    threads_by_section,
)
from .common import base_url, form_errors, next_url, sections, version_context


def review_url(plan_pk: int, section: str = "") -> str:
    return reverse("signoff:review", args=[plan_pk]) + (f"#section-{section}" if section else "")


@login_required
@require_safe
def review_page(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for_user(request.user, pk)
    current = latest_review_request(plan)
    version = Version.objects.get(pk=current.version_id) if current else None
    approved = approved_version(plan)
    context = {
        "plan": plan,
        "current": current,
        "version": version,
        "requests": review_requests_for_plan(plan),
        "threads": threads_by_section(plan),
        "open_count": open_comment_count(plan),
        "approved": approved,
        "changed_since_approval": approved is not None and not same_strategy(approved.snapshot, plan_to_document(plan)),
        "can_edit": can_edit(plan),
        "can_decide": can_decide(plan),
        "request_form": ReviewRequestForm(),
        "decision_form": DecisionForm(),
        "comment_form": CommentForm(),
        "answer_form": AnswerForm(),
        "sections": sections(),
    }
    if version is not None:
        context["document"] = version_context(version.snapshot, version.number)
    return render(request, "signoff/review.html", context)


@login_required
@require_POST
def review_request(request: HttpRequest, pk: int) -> HttpResponse:
    """A lead or admin asks for a review of the plan as it is now."""
    plan = plan_for_editor(request.user, pk)
    form = ReviewRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect(review_url(plan.pk))
    created = services.review_request_create(
        plan=plan, user=request.user, message=form.cleaned_data["message"], base_url=base_url(request)
    )
    messages.success(
        request,
        _("Version %(number)s is waiting for a decision; the executives were told by e-mail.")
        % {"number": created.version.number},
    )
    return redirect(review_url(plan.pk))


@login_required
@require_POST
def decide(request: HttpRequest, pk: int, request_pk: int) -> HttpResponse:
    """An executive or admin approves the version under review or asks for changes."""
    plan = plan_for_decider(request.user, pk)
    review = review_request_of_plan(plan, request_pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect(review_url(plan.pk))
    try:
        decision = services.decision_make(
            review_request=review,
            user=request.user,
            outcome=form.cleaned_data["outcome"],
            reason=form.cleaned_data["reason"],
            base_url=base_url(request),
        )
    except services.DecisionError as error:
        messages.warning(request, str(error))
        return redirect(review_url(plan.pk))
    if decision.outcome == decision.Outcome.APPROVE:
        messages.success(request, _("Version %(number)s is approved.") % {"number": review.version.number})
    else:
        messages.success(request, _("Changes were requested; the marketing lead was told by e-mail."))
    return redirect(review_url(plan.pk))


@login_required
@require_POST
def comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Any member comments on a section of the plan (on the version under review, if there is one)."""
    plan = plan_for_user(request.user, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect(next_url(request, review_url(plan.pk)))
    current = latest_review_request(plan)
    comment = services.comment_create(
        plan=plan,
        user=request.user,
        section=form.cleaned_data["section"],
        text=form.cleaned_data["text"],
        version=current.version if current else None,
    )
    return redirect(next_url(request, review_url(plan.pk, comment.section)))


@login_required
@require_POST
def comment_answer(request: HttpRequest, pk: int) -> HttpResponse:
    parent = comment_for_user(request.user, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
    else:
        services.comment_create(
            plan=parent.plan, user=request.user, section=parent.section, text=form.cleaned_data["text"], parent=parent
        )
    return redirect(next_url(request, review_url(parent.plan_id, parent.section)))


@login_required
@require_POST
def comment_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    comment = comment_for_user(request.user, pk)
    services.comment_resolve(comment=comment, user=request.user)
    return redirect(next_url(request, review_url(comment.plan_id, comment.section)))
