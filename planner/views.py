"""Plan pages and the wizard. Each view gets its plan through ``plan_for_user`` (read) or
``plan_for_editor`` (change), binds forms, calls a service, and redirects or renders."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from checklists.check import plan_check

from . import limits, services
from .forms import PlanFromTemplateForm, PlanImportForm, RevisionForm
from .models import Organization, Plan
from .plan_file import PlanFileError, document_dumps, plan_to_document, prefetched_plan_to_document, read_upload
from .selectors import (
    CURRENT_ORGANIZATION_SESSION_KEY,
    can_edit,
    current_organization,
    editable_organizations_for_user,
    plan_for_editor,
    plan_for_user,
    plan_history,
    plans_for_user,
    with_parts,
)
from .steps import (
    STEPS,
    Step,
    StepForms,
    TooManyRowsError,
    completeness,
    neighbours,
    state_context,
    step_or_404,
    step_states,
)
from .steps.base import posted_row_count
from .steps.basics import PlanBasicsForm
from .steps.content import content_mix
from .templates_catalog import plan_template_get, plan_template_list

logger = logging.getLogger(__name__)


@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    archived = request.GET.get("archived") == "1"
    # The plans of the organization the user works in (the navbar's switcher chooses it).
    current = current_organization(request.user, request.session.get(CURRENT_ORGANIZATION_SESSION_KEY))
    plans = plans_for_user(request.user).filter(organization=current).order_by("-updated_at")
    plans = plans.filter(status=Plan.Status.ARCHIVED) if archived else plans.exclude(status=Plan.Status.ARCHIVED)
    context = state_context()
    rows = [
        {
            "plan": plan,
            "completeness": completeness(step_states(prefetched_plan_to_document(plan, link_order=False), context)),
            "can_edit": can_edit(plan),
        }
        for plan in with_parts(plans)
    ]
    can_create = editable_organizations_for_user(request.user).exists()
    return render(request, "planner/dashboard.html", {"rows": rows, "can_create": can_create, "archived": archived})


def _editable_organizations_or_403(request: HttpRequest):
    organizations = editable_organizations_for_user(request.user)
    if not organizations.exists():
        raise PermissionDenied
    return organizations


def _new_plan_organization(request: HttpRequest, organizations) -> Organization:
    """Where a new plan goes: the organization the user works in, if they may write plans there."""
    current = current_organization(request.user, request.session.get(CURRENT_ORGANIZATION_SESSION_KEY))
    return current if current and organizations.filter(pk=current.pk).exists() else organizations.first()


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest) -> HttpResponse:
    organizations = _editable_organizations_or_403(request)
    target = _new_plan_organization(request, organizations)
    form = PlanBasicsForm(
        request.POST if request.method == "POST" else None,  # an empty POST is bound too: it shows its errors
        organizations=organizations,
        initial={"organization": target.pk, "horizon_months": 12, "language": target.default_language},
    )
    if request.method == "POST" and form.is_valid():
        plan = services.plan_create(user=request.user, **form.values())
        messages.success(request, _("The plan was created. Next: take stock of the situation."))
        return redirect("planner:step", pk=plan.pk, step=STEPS[1].slug)
    template_form = PlanFromTemplateForm(
        organizations=organizations, templates=plan_template_list(), initial={"organization": target}
    )
    return render(request, "planner/plan_create.html", {"form": form, "template_form": template_form, "steps": STEPS})


@login_required
@require_http_methods(["POST"])
def plan_create_from_template(request: HttpRequest) -> HttpResponse:
    organizations = _editable_organizations_or_403(request)
    form = PlanFromTemplateForm(request.POST, organizations=organizations, templates=plan_template_list())
    if not form.is_valid():
        messages.error(request, _("Please choose a template and an organization."))
        return redirect("planner:plan_create")
    plan = services.plan_create_from_template(
        template=plan_template_get(form.cleaned_data["template"]),
        organization=form.cleaned_data["organization"],
        user=request.user,
    )
    messages.success(request, _("The plan was created from the template. Adapt it step by step."))
    return redirect("planner:step", pk=plan.pk, step=STEPS[0].slug)


@login_required
@require_http_methods(["GET", "POST"])
def plan_import(request: HttpRequest) -> HttpResponse:
    organizations = _editable_organizations_or_403(request)
    form = PlanImportForm(
        request.POST if request.method == "POST" else None,  # an empty POST is bound too: it shows its errors
        request.FILES if request.method == "POST" else None,
        organizations=organizations,
        initial={"organization": _new_plan_organization(request, organizations)},
    )
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_import_file(
                raw=read_upload(form.cleaned_data["file"]),
                organization=form.cleaned_data["organization"],
                user=request.user,
            )
        except PlanFileError as error:
            problems = error.problems
        else:
            messages.success(request, _("The plan was imported."))
            return redirect("planner:plan", pk=plan.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "planner/plan_import.html", {"form": form, "problems": problems}, status=status)


@login_required
@require_safe
def plan_export(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for_user(request.user, pk)
    response = HttpResponse(document_dumps(plan_to_document(plan)), content_type="application/json; charset=utf-8")
    filename = f"{slugify(plan.title) or 'plan'}-{plan.pk}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["POST"])
def plan_duplicate(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for_editor(request.user, pk)
    copy = services.plan_duplicate(plan=plan, user=request.user)
    messages.success(request, _("The plan was duplicated. This is the copy."))
    return redirect("planner:plan", pk=copy.pk)


@login_required
@require_http_methods(["POST"])
def plan_archive(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for_editor(request.user, pk)
    if plan.status == Plan.Status.ARCHIVED:
        services.plan_restore(plan=plan)
        messages.success(request, _("The plan was restored from the archive."))
    else:
        services.plan_archive(plan=plan)
        messages.success(request, _("The plan was archived. You find it under “Archived plans”."))
    return redirect("planner:plan", pk=plan.pk)


@login_required
@require_safe
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for_user(request.user, pk, parts=True)
    document = prefetched_plan_to_document(plan)
    states = step_states(document)
    check = plan_check(document)
    return render(
        request,
        "planner/plan_detail.html",
        {
            "plan": plan,
            "states": states,
            "completeness": completeness(states),
            "mix": content_mix(list(plan.content_themes.all())),
            "can_edit": can_edit(plan),
            "check": check,
            "findings": check.findings,
        },
    )


@login_required
@require_safe
def plan_history_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Who changed what in the plan and when, newest first; every member may read it."""
    plan = plan_for_user(request.user, pk)
    return render(request, "planner/plan_history.html", {"plan": plan, "history": plan_history(plan)})


@login_required
@require_http_methods(["GET", "POST"])
def wizard_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    plan = plan_for_editor(request.user, pk, parts=True)
    current = step_or_404(step)
    if request.method == "GET":
        return _step_get(request, plan, current)
    try:
        forms = current.forms(plan=plan, user=request.user, data=request.POST)
    except TooManyRowsError:
        messages.error(request, _too_many_rows_message())
        return _step_page(request, plan, current, current.forms(plan=plan, user=request.user), status=400)
    if not forms.is_valid():
        services.step_draft_save(plan=plan, step=step, user=request.user, data=request.POST)
        if _nav(request) in ("back", "jump"):
            messages.warning(
                request,
                _("Your input on “%(step)s” has errors; it was kept as a draft for you to finish later.")
                % {"step": current.title},
            )
            return redirect(_navigation_target(request, plan.pk, current))
        messages.error(request, _("Please correct the marked fields. Nothing you typed was lost."))
        return _step_page(request, plan, current, forms)
    try:
        services.plan_edit_save(
            plan=plan, user=request.user, step=step, expected_revision=_posted_revision(request), edit=forms.edit()
        )
    except DatabaseError:
        logger.exception("saving step %s of plan %s failed", step, plan.pk)
        messages.error(
            request,
            _(
                "The plan could not be saved: the database did not accept the change. Nothing was changed, "
                "and your input is still in the form below. Please try again in a moment."
            ),
        )
        return _step_page(request, plan, current, forms, status=503)
    except services.StalePlanError:
        services.step_draft_save(plan=plan, step=step, user=request.user, data=request.POST)
        messages.error(
            request,
            _(
                "Someone else saved this plan while you were editing. Nothing was overwritten: "
                "your input is still in the form below. Compare it with the current plan and "
                "save again to keep your version."
            ),
        )
        current_plan = plan_for_editor(request.user, pk, parts=True)
        return _step_page(request, current_plan, current, forms, status=409, conflict=True)
    messages.success(request, _("Saved."))
    return redirect(_navigation_target(request, plan.pk, current))


def _step_get(request: HttpRequest, plan: Plan, current: Step) -> HttpResponse:
    draft = services.step_draft_load(plan=plan, step=current.slug, user=request.user)
    if draft is None:
        return _step_page(request, plan, current, current.forms(plan=plan, user=request.user))
    try:
        forms = current.forms(plan=plan, user=request.user, data=draft)
    except TooManyRowsError:
        services.step_draft_discard(plan=plan, step=current.slug, user=request.user)
        messages.warning(request, _too_many_rows_message())
        return _step_page(request, plan, current, current.forms(plan=plan, user=request.user))
    forms.is_valid()  # show the draft's errors
    return _step_page(request, plan, current, forms, restored=True)


def _step_page(
    request: HttpRequest,
    plan: Plan,
    current: Step,
    forms: StepForms,
    *,
    status: int = 200,
    restored: bool = False,
    conflict: bool = False,
) -> HttpResponse:
    document = prefetched_plan_to_document(plan)
    previous, following = neighbours(current.slug)
    context = {
        "plan": plan,
        "step": current,
        "previous": previous,
        "following": following,
        "states": step_states(document),
        "step_number": STEPS.index(current) + 1,
        "step_count": len(STEPS),
        "revision": plan.revision,
        "restored": restored,
        "conflict": conflict,
        "step_findings": plan_check(document).for_step(current.slug),
        **forms.context(),
    }
    return render(request, forms.template, context, status=status)


def _too_many_rows_message() -> str:
    return _("The form holds more rows than a plan may have; nothing was saved. Reload the page and try again.")


def _posted_revision(request: HttpRequest) -> int:
    revision = RevisionForm(request.POST)
    return revision.cleaned_data["revision"] if revision.is_valid() else -1


def _nav(request: HttpRequest) -> str:
    """Which button submitted the step: back, next, stay, finish, or a step in the list (jump)."""
    if request.POST.get("to"):
        return "jump"
    return request.POST.get("nav", "next")


def _navigation_target(request: HttpRequest, pk: int, current: Step) -> str:
    previous, following = neighbours(current.slug)
    nav = _nav(request)
    if nav == "back" and previous:
        return reverse("planner:step", args=[pk, previous.slug])
    if nav == "jump" and request.POST.get("to") in {s.slug for s in STEPS}:
        return reverse("planner:step", args=[pk, request.POST["to"]])
    if nav == "next" and following:
        return reverse("planner:step", args=[pk, following.slug])
    if nav == "stay":
        return reverse("planner:step", args=[pk, current.slug])
    return reverse("planner:plan", args=[pk])


@login_required
@require_http_methods(["GET"])
def step_row(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """A new blank row for one of the step's formsets (htmx): the row, and the formset's
    row count, updated out of band."""
    plan = plan_for_editor(request.user, pk, parts=True)
    current = step_or_404(step)
    prefix = request.GET.get("prefix", "")
    try:
        index = int(request.GET.get(f"{prefix}-TOTAL_FORMS", ""))
    except ValueError:
        return HttpResponseBadRequest(_("The row count is missing."))
    if not 0 <= index < limits.MAX_LIST:
        return HttpResponseBadRequest(_("At most %(count)s rows are possible.") % {"count": limits.MAX_LIST})
    row = current.forms(plan=plan, user=request.user).new_row(prefix=prefix, index=index, params=request.GET)
    if row is None:
        return HttpResponseBadRequest(_("This step has no such list."))
    template, context = row
    return render(
        request,
        "planner/steps/_new_row.html",
        {"plan": plan, "step": current, "row_template": template, "prefix": prefix, "total": index + 1, **context},
    )


@login_required
@require_http_methods(["POST"])
def step_draft_autosave(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """Keep what is being typed as a draft (htmx, on change), so a session that times out
    before the user saves loses nothing. A form older than the plan is not kept."""
    plan = plan_for_editor(request.user, pk)
    step_or_404(step)
    if _posted_revision(request) != plan.revision:
        return HttpResponse(status=409)
    try:
        posted_row_count(request.POST)
    except TooManyRowsError:
        return HttpResponseBadRequest(_too_many_rows_message())
    services.step_draft_save(plan=plan, step=step, user=request.user, data=request.POST)
    return HttpResponse(status=204)


@login_required
@require_http_methods(["POST"])
def step_draft_discard(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    plan = plan_for_editor(request.user, pk)
    step_or_404(step)
    services.step_draft_discard(plan=plan, step=step, user=request.user)
    return redirect("planner:step", pk=plan.pk, step=step)
