"""Share links: made and revoked by the plan's editors, read by whoever holds one."""

from __future__ import annotations

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from planner.selectors import can_edit, plan_for_editor, plan_for_user
from reports.models import Report
from reports.services import approved_version, report_filename

from .. import services
from ..forms import ShareLinkForm
from ..models import ShareLinkUse
from ..selectors import share_link_by_token, share_link_for_editor
from .common import form_errors, sections, version_context


@login_required
@require_safe
def share_links(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for_user(request.user, pk)
    links = plan.share_links.select_related("version", "created_by").annotate(
        use_count=Count("uses"), last_used=Max("uses__used_at")
    )
    uses = ShareLinkUse.objects.filter(link__plan=plan).select_related("link")[:50]
    context = {
        "plan": plan,
        "links": links,
        "uses": uses,
        "approved": approved_version(plan),
        "can_edit": can_edit(plan),
        "form": ShareLinkForm(),
    }
    return render(request, "signoff/share_links.html", context)


@login_required
@require_POST
def share_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for_editor(request.user, pk)
    form = ShareLinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect("signoff:share_links", pk=plan.pk)
    try:
        link, token = services.share_link_create(
            plan=plan, user=request.user, label=form.cleaned_data["label"], valid_days=form.cleaned_data["valid_days"]
        )
    except services.ShareError as error:
        messages.error(request, str(error))
        return redirect("signoff:share_links", pk=plan.pk)
    url = request.build_absolute_uri(reverse("signoff:shared", args=[token]))
    messages.success(
        request,
        _("The link to version %(number)s, shown only now, so copy it: %(url)s")
        % {"number": link.version.number, "url": url},
    )
    return redirect("signoff:share_links", pk=plan.pk)


@login_required
@require_POST
def share_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    link = share_link_for_editor(request.user, pk)
    services.share_link_revoke(link=link, user=request.user)
    messages.success(request, _("The link was revoked: it opens nothing any more."))
    return redirect("signoff:share_links", pk=link.plan_id)


def _shared_pdf_report(link) -> Report | None:
    return (
        link.version.reports.filter(variant=Report.Variant.FULL, status=Report.Status.DONE)
        .exclude(file="")
        .order_by("-number")
        .first()
    )


def _client_address(request: HttpRequest) -> str | None:
    """The reader's address as the sign-in throttling sees it: behind ALLAUTH_TRUSTED_PROXY_COUNT
    proxies, from X-Forwarded-For; else the connection's."""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return None


def _private(response: HttpResponse) -> HttpResponse:
    # The token is in the address: no cache keeps the page, no search engine lists it, no link to
    # another site leaks it. Same-origin, not no-referrer: with no-referrer the browser sends
    # "Origin: null", and CSRF refuses the page's own language switch.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response


@require_safe
def shared(request: HttpRequest, token: str) -> HttpResponse:
    """The approved version a share link opens, read-only, for anyone who holds the link."""
    link = share_link_by_token(token)
    services.share_link_use(link=link, address=_client_address(request), what=ShareLinkUse.What.PAGE)
    context = {
        "link": link,
        "plan": link.plan,
        "version": link.version,
        "document": version_context(link.version.snapshot, link.version.number),
        "pdf_ready": _shared_pdf_report(link) is not None,
        "token": token,
        "sections": sections(),
    }
    return _private(render(request, "signoff/shared.html", context))


@require_safe
def shared_pdf(request: HttpRequest, token: str) -> FileResponse:
    link = share_link_by_token(token)
    report = _shared_pdf_report(link)
    if report is None:
        raise Http404(_("The PDF of this version is not ready yet."))
    services.share_link_use(link=link, address=_client_address(request), what=ShareLinkUse.What.PDF)
    response = FileResponse(
        report.file.open("rb"), as_attachment=True, filename=report_filename(report), content_type="application/pdf"
    )
    return _private(response)
