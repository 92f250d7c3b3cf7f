from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST, require_safe
from django_htmx.http import reswap, retarget

from planner.models import Plan
from planner.plan_file import plan_to_document
from planner.selectors import can_edit, plan_for_user

from . import services
from .differences import plan_differences
from .document import difference_vocabulary, differences_by_step
from .models import Report
from .selectors import report_for_user, reports_for_plan, version_of_plan, versions_for_plan

CURRENT = "current"  # the plan as it is now, in the "what changed" page's choice of versions


def _status_response(request: HttpRequest, report: Report) -> HttpResponse:
    if request.htmx:
        return render(request, "reports/_report_row.html", {"report": report})
    return redirect("planner:plan", pk=report.plan_id)


def _refusal(request: HttpRequest, plan: Plan, error: Exception) -> HttpResponse:
    """No render was queued: say why, and show the plan's reports as they are now (the pending
    one among them). htmx puts the answer over the list instead of adding a row."""
    if isinstance(error, services.ReportPendingError):
        notice = _("%(variant)s: version %(number)s is already being prepared, so no second one was queued.") % {
            "variant": error.report.get_variant_display(),
            "number": error.report.number,
        }
    else:
        notice = ngettext(
            "You already have %(count)s report being prepared. Request this one when it is ready.",
            "You already have %(count)s reports being prepared. Request this one when one of them is ready.",
            error.limit,
        ) % {"count": error.limit}
    if request.htmx:
        response = render(request, "reports/_plan_reports.html", {"reports": reports_for_plan(plan), "notice": notice})
        return reswap(retarget(response, "#plan-reports"), "outerHTML")
    messages.warning(request, notice)
    return redirect("planner:plan", pk=plan.pk)


@login_required
@require_POST
def report_create(request: HttpRequest, plan_pk: int) -> HttpResponse:
    plan = plan_for_user(request.user, plan_pk)
    variant = request.POST.get("variant", Report.Variant.FULL)
    if variant not in Report.Variant.values:
        variant = Report.Variant.FULL
    try:
        report = services.report_request(plan=plan, user=request.user, variant=variant)
    except (services.ReportPendingError, services.TooManyPendingReportsError) as error:
        return _refusal(request, plan, error)
    if request.htmx:
        return render(request, "reports/_report_created.html", {"report": report})
    messages.info(request, _("The report is queued; this page shows when it is ready."))
    return redirect("planner:plan", pk=plan.pk)


@login_required
@require_GET
def report_status(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_for_user(request.user, pk)
    return render(request, "reports/_report_row.html", {"report": report})


@login_required
@require_POST
def report_retry(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_for_user(request.user, pk)
    try:
        services.report_retry(report=report, user=request.user)
    except (services.ReportPendingError, services.TooManyPendingReportsError) as error:
        return _refusal(request, report.plan, error)
    report.refresh_from_db()
    return _status_response(request, report)


@login_required
@require_GET
def report_download(request: HttpRequest, pk: int) -> FileResponse:
    report = report_for_user(request.user, pk)
    if report.status != Report.Status.DONE or not report.file:
        raise Http404(_("This report has no file yet."))
    return FileResponse(
        report.file.open("rb"),
        as_attachment=True,
        filename=services.report_filename(report),
        content_type="application/pdf",
    )


def _version_choice(value: str | None, default: str) -> str:
    value = (value or "").strip()
    return value if value == CURRENT or value.isdigit() else default


@login_required
@require_safe
def version_changes(request: HttpRequest, plan_pk: int) -> HttpResponse:
    """What changed between two versions of the plan, or between a version and the plan as it is now;
    by default between the approved version (else the latest) and now."""
    plan = plan_for_user(request.user, plan_pk)
    versions = list(versions_for_plan(plan))
    approved = next((v for v in versions if v.is_approved), None)
    start = approved or (versions[0] if versions else None)
    old = _version_choice(request.GET.get("old"), str(start.number) if start else CURRENT)
    new = _version_choice(request.GET.get("new"), CURRENT)

    def document(choice: str) -> dict:
        return plan_to_document(plan) if choice == CURRENT else version_of_plan(plan, int(choice)).snapshot

    differences = plan_differences(document(old), document(new), difference_vocabulary()) if old != new else []
    return render(
        request,
        "reports/changes.html",
        {
            "plan": plan,
            "versions": versions,
            "approved": approved,
            "old": old,
            "new": new,
            "current": CURRENT,
            "steps": differences_by_step(differences),
            "count": len(differences),
            "can_edit": can_edit(plan),
        },
    )
