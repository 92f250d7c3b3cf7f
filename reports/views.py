from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from planner.selectors import plan_for_user

from . import services
from .models import Report
from .selectors import report_for_user


def _status_response(request: HttpRequest, report: Report) -> HttpResponse:
    if request.htmx:
        return render(request, "reports/_report_row.html", {"report": report})
    return redirect("planner:plan", pk=report.plan_id)


@login_required
@require_POST
def report_create(request: HttpRequest, plan_pk: int) -> HttpResponse:
    plan = plan_for_user(request.user, plan_pk)
    variant = request.POST.get("variant", Report.Variant.FULL)
    if variant not in Report.Variant.values:
        variant = Report.Variant.FULL
    report = services.report_request(plan=plan, user=request.user, variant=variant)
    if not request.htmx:
        messages.info(request, _("The report is queued; this page shows when it is ready."))
    return _status_response(request, report)


@login_required
@require_GET
def report_status(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_for_user(request.user, pk)
    return render(request, "reports/_report_row.html", {"report": report})


@login_required
@require_POST
def report_retry(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_for_user(request.user, pk)
    services.report_retry(report=report)
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
