"""Plan pages and the wizard. Each view gets its plan through ``plan_for_user`` (read) or
``plan_for_editor`` (change), binds forms, calls a service, and redirects or renders."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from . import limits, services
from .conflicts import (
    Difference,
    Merge,
    apply_choices,
    merge,
    querydict_data,
    read_differences,
    read_signed,
    sign_base,
    sign_differences,
    to_querydict,
)
from .forms import PlanFromTemplateForm, PlanImportForm, RevisionForm
from .models import Organization, Plan
from .plan_file import PlanFileError, document_dumps, plan_to_document, read_upload
from .selectors import (
    CURRENT_ORGANIZATION_SESSION_KEY,
    can_edit,
    current_organization,
    editable_organizations_for_user,
    plan_for_editor,
    plan_for_user,
    plan_history,
    plans_for_user,
)
from .steps import (
    STEP_BY_SLUG,
    STEPS,
    Step,
    StepForms,
    TooManyRowsError,
    neighbours,
    step_or_404,
)
from .steps.base import posted_row_count
from .steps.basics import PlanBasicsForm
from .steps.content import content_mix
from .summaries import TIMEOUT_S as SUMMARY_TIMEOUT_S
from .summaries import plan_summaries, plan_summary
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
    plans = list(plans.select_related("organization"))
    summaries = plan_summaries(plans)  # stored per plan revision: no plan is read with its parts unless new
    rows = [
        {"plan": plan, "completeness": summaries[plan.pk].completeness, "can_edit": can_edit(plan)}
        for plan in plans
        if plan.pk in summaries
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
        organizations=organizations,
        templates=plan_template_list(language=get_language()),
        initial={"organization": target},
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
    summary = plan_summary(plan)
    return render(
        request,
        "planner/plan_detail.html",
        {
            "plan": plan,
            "states": summary.step_states,
            "missing": summary.missing,
            "completeness": summary.completeness,
            "mix": content_mix(list(plan.content_themes.all())),
            "can_edit": can_edit(plan),
            "check": summary.check,
            "findings": summary.check.findings,
            "summary_version": summary.version,
            "overview_cache_s": SUMMARY_TIMEOUT_S,
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
    plan = plan_for_editor(request.user, pk, parts=_parts_of(step))
    current = step_or_404(step)
    if request.method == "GET":
        return _step_get(request, plan, current)
    try:
        posted_row_count(request.POST)
    except TooManyRowsError:
        messages.error(request, _too_many_rows_message())
        return _step_page(request, plan, current, current.forms(plan=plan, user=request.user), status=400)
    data = request.POST
    if _revision_of(data) != plan.revision:
        # Saved meanwhile (by someone else, or in another tab): compare field by field first.
        merged = _merge_with_saved(request, plan, current, data)
        if merged.differences:
            return _merge_page(request, plan, current, merged, status=409)
        data = to_querydict(merged.data)
    differences = read_differences(data.get("merge"))
    if differences:
        chosen, open_choices = apply_choices(querydict_data(data), differences)
        if open_choices:
            messages.error(request, _("Please choose a version for each field that both of you changed."))
            forms = current.forms(plan=plan, user=request.user, data=data)
            return _step_page(request, plan, current, forms, status=400, differences=differences)
        data = to_querydict(chosen)
    forms = current.forms(plan=plan, user=request.user, data=data)
    if not forms.is_valid():
        services.step_draft_save(plan=plan, step=step, user=request.user, data=data)
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
            plan=plan, user=request.user, step=step, expected_revision=plan.revision, edit=forms.edit()
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
    except services.StalePlanError:  # saved by someone else in the moment between reading and writing
        current_plan = plan_for_editor(request.user, pk, parts=current.forms.parts)
        merged = _merge_with_saved(request, current_plan, current, data)
        return _merge_page(request, current_plan, current, merged, status=409)
    messages.success(request, _("Saved."))
    return redirect(_navigation_target(request, plan.pk, current))


def _merge_with_saved(request: HttpRequest, plan: Plan, current: Step, data: QueryDict) -> Merge:
    """The user's input (``data``, made on an older revision) merged with the step as saved now."""
    saved = current.forms(plan=plan, user=request.user).shown_data()
    return merge(base=read_signed(data.get("base")), mine=querydict_data(data), theirs=saved)


def _merge_page(request: HttpRequest, plan: Plan, current: Step, merged: Merge, *, status: int) -> HttpResponse:
    """The step with both versions in the form and the other's changes listed beside; kept as a
    draft of the current revision, so leaving and coming back shows the same."""
    data = to_querydict(merged.data)
    data["revision"] = str(plan.revision)
    data["base"] = sign_base(current.forms(plan=plan, user=request.user).shown_data())
    data["merge"] = sign_differences(merged.differences)
    services.step_draft_save(plan=plan, step=current.slug, user=request.user, data=data)
    if merged.conflicts:
        messages.warning(
            request,
            _(
                "Someone else saved this step while you were editing. Nothing was overwritten: their changes and "
                "yours are both in the form. Where you both changed the same field, choose which version to keep."
            ),
        )
    else:
        messages.info(
            request,
            _(
                "Someone else saved this step while you were editing. Their changes are now in the form, together "
                "with yours; nothing was saved yet. Check and save."
            ),
        )
    forms = current.forms(plan=plan, user=request.user, data=data)
    return _step_page(request, plan, current, forms, status=status, differences=merged.differences)


def _parts_of(slug: str) -> tuple[str, ...]:
    """The parts of the plan a step's forms read; an unknown step reads none (it is a 404 after the access check)."""
    step = STEP_BY_SLUG.get(slug)
    return step.forms.parts if step else ()


def _step_get(request: HttpRequest, plan: Plan, current: Step) -> HttpResponse:
    draft = services.step_draft_load(plan=plan, step=current.slug, user=request.user)
    if draft is None:
        return _step_page(request, plan, current, current.forms(plan=plan, user=request.user))
    try:
        posted_row_count(draft)
    except TooManyRowsError:
        services.step_draft_discard(plan=plan, step=current.slug, user=request.user)
        messages.warning(request, _too_many_rows_message())
        return _step_page(request, plan, current, current.forms(plan=plan, user=request.user))
    if _revision_of(draft) != plan.revision:  # a draft of an older plan: never restored as it was
        merged = _merge_with_saved(request, plan, current, draft)
        if merged.differences:
            return _merge_page(request, plan, current, merged, status=200)
        draft = to_querydict(merged.data)
    forms = current.forms(plan=plan, user=request.user, data=draft)
    forms.is_valid()  # show the draft's errors
    return _step_page(request, plan, current, forms, restored=True, differences=read_differences(draft.get("merge")))


def _step_page(
    request: HttpRequest,
    plan: Plan,
    current: Step,
    forms: StepForms,
    *,
    status: int = 200,
    restored: bool = False,
    differences: list[Difference] | None = None,
) -> HttpResponse:
    summary = plan_summary(plan)
    previous, following = neighbours(current.slug)
    states, missing = summary.step_states, summary.missing
    context = {
        "plan": plan,
        "step": current,
        "previous": previous,
        "following": following,
        "states": states,
        "missing": missing,
        "step_missing": missing[current.slug],
        "completeness": summary.completeness,
        "step_number": STEPS.index(current) + 1,
        "step_count": len(STEPS),
        "revision": plan.revision,
        "restored": restored and not differences,
        # The plan as the page was built from it: a later save compares against it (planner.conflicts).
        "base": forms.data.get("base", "") if forms.data is not None else sign_base(forms.shown_data()),
        "differences": forms.difference_rows(differences or []),
        "signed_differences": sign_differences(differences) if differences else "",
        # The plan check and the states describe the saved plan; the form may hold unsaved input.
        "unsaved": forms.data is not None,
        "step_findings": summary.check.for_step(current.slug),
        **forms.context(),
    }
    return render(request, forms.template, context, status=status)


def _too_many_rows_message() -> str:
    return _("The form holds more rows than a plan may have; nothing was saved. Reload the page and try again.")


def _posted_revision(request: HttpRequest) -> int:
    return _revision_of(request.POST)


def _revision_of(data: QueryDict) -> int:
    """The plan revision a form (posted, or kept as a draft) was made on; -1 when it says none."""
    revision = RevisionForm(data)
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
    plan = plan_for_editor(request.user, pk, parts=_parts_of(step))
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
