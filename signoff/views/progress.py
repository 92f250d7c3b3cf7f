"""KPI progress and check-ins, the reviews held, and the plan's calendar."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from planner.models import Plan
from planner.plan_file import prefetched_plan_to_document
from planner.selectors import can_edit, plan_for_editor, plan_for_user
from reports.document import kpi_progress_rows

from .. import services
from ..calendar import plan_calendar
from ..forms import CheckInForm, ReviewMeetingForm
from ..selectors import calendar_feed_by_token, kpi_of_plan, review_due, review_meetings_for_plan
from .common import form_errors


def _progress_page(request: HttpRequest, plan: Plan, *, bound: tuple[int, CheckInForm] | None = None, status=200):
    document = prefetched_plan_to_document(plan)
    kpis = [kpi for goal in plan.goals.all() for kpi in goal.kpis.all()]  # the document's order
    rows = []
    for kpi, row in zip(kpis, kpi_progress_rows(document["plan"], chart_width=300), strict=True):
        form = bound[1] if bound and bound[0] == kpi.pk else CheckInForm(prefix=f"kpi-{kpi.pk}")
        rows.append({**row, "pk": kpi.pk, "form": form})
    context = {
        "plan": plan,
        "rows": rows,
        "due": review_due(plan),
        "meetings": review_meetings_for_plan(plan),
        "can_edit": can_edit(plan),
    }
    return render(request, "signoff/progress.html", context, status=status)


@login_required
@require_safe
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    return _progress_page(request, plan_for_user(request.user, pk, parts=True))


@login_required
@require_POST
def checkin_create(request: HttpRequest, pk: int, kpi_pk: int) -> HttpResponse:
    """A lead or admin records a KPI's value on a date."""
    plan = plan_for_editor(request.user, pk, parts=True)
    kpi = kpi_of_plan(plan, kpi_pk)
    form = CheckInForm(request.POST, prefix=f"kpi-{kpi.pk}")
    if not form.is_valid():
        messages.error(request, _("The check-in was not saved: %(errors)s") % {"errors": form_errors(form)})
        return _progress_page(request, plan, bound=(kpi.pk, form), status=400)
    try:
        services.checkin_record(kpi=kpi, user=request.user, **form.cleaned_data)
    except services.CheckInError as error:
        messages.error(request, _("The check-in was not saved: %(errors)s") % {"errors": "; ".join(error.problems)})
        return _progress_page(request, plan, bound=(kpi.pk, form), status=400)
    messages.success(request, _("Check-in saved."))
    return redirect(reverse("signoff:progress", args=[plan.pk]) + f"#kpi-{kpi.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def review_hold(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a review held with the executives; it starts the next review cycle."""
    plan = plan_for_editor(request.user, pk, parts=True)
    kpi_names = [kpi.name for goal in plan.goals.all() for kpi in goal.kpis.all() if kpi.name]
    form = ReviewMeetingForm(request.POST if request.method == "POST" else None, kpi_names=kpi_names)
    if request.method == "POST" and form.is_valid():
        services.review_meeting_record(plan=plan, user=request.user, **form.cleaned_data)
        messages.success(request, _("The review was recorded; the next cycle starts from its date."))
        return redirect("signoff:progress", pk=plan.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "signoff/review_hold.html", {"plan": plan, "form": form, "due": review_due(plan)}, status=status
    )


def _ics(plan: Plan, *, download: bool) -> HttpResponse:
    response = HttpResponse(plan_calendar(plan), content_type="text/calendar; charset=utf-8")
    if download:
        response["Content-Disposition"] = f'attachment; filename="{slugify(plan.title) or "plan"}.ics"'
    return response


@login_required
@require_safe
def calendar_download(request: HttpRequest, pk: int) -> HttpResponse:
    return _ics(plan_for_user(request.user, pk), download=True)


@login_required
@require_POST
def calendar_feed_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Any member makes their own secret calendar address for the plan (a new one replaces theirs)."""
    plan = plan_for_user(request.user, pk)
    token = services.calendar_feed_create(plan=plan, user=request.user)
    url = request.build_absolute_uri(reverse("signoff:calendar_feed", args=[token]))
    messages.success(
        request,
        _("Your calendar address, shown only now: subscribe to it in Outlook or Google Calendar. %(url)s")
        % {"url": url},
    )
    return redirect("signoff:progress", pk=plan.pk)


@require_safe
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    feed = calendar_feed_by_token(token)
    response = _ics(feed.plan, download=False)
    response["Cache-Control"] = "private, no-store"
    return response
