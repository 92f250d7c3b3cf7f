from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from checklists.models import ChecklistItem
from reports.charts import radar_chart
from reports.selectors import reports_for_plan

from . import services
from .findings import PlanCheck, plan_check, readiness_context
from .forms import PlanBasicsForm, PlanFromTemplateForm, PlanImportForm, RevisionForm
from .models import Plan
from .plan_file import PlanFileError, document_dumps, plan_to_document, prefetched_plan_to_document
from .selectors import (
    can_edit,
    editable_organizations_for_user,
    plan_for_user,
    plan_with_parts,
    plans_for_user,
    with_parts,
)
from .steps import STEP_BY_SLUG, STEPS, completeness, neighbours, state_context, step_states
from .steps.content import content_mix
from .templates_catalog import plan_template_get, plan_template_list


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    archived = request.GET.get("archived") == "1"
    plans = plans_for_user(request.user).select_related("organization").order_by("-updated_at")
    plans = plans.filter(status=Plan.Status.ARCHIVED) if archived else plans.exclude(status=Plan.Status.ARCHIVED)
    editable = set(editable_organizations_for_user(request.user).values_list("pk", flat=True))
    context = state_context()
    rows = []
    for plan in with_parts(plans):
        states = step_states(prefetched_plan_to_document(plan, link_order=False), context)
        rows.append({"plan": plan, "completeness": completeness(states), "can_edit": plan.organization_id in editable})
    return render(request, "planner/dashboard.html", {"rows": rows, "can_create": bool(editable), "archived": archived})


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest) -> HttpResponse:
    organizations = editable_organizations_for_user(request.user)
    if not organizations.exists():
        raise PermissionDenied
    form = PlanBasicsForm(
        request.POST or None,
        organizations=organizations,
        initial={"organization": organizations.first(), "horizon_months": 12, "language": request.LANGUAGE_CODE},
    )
    if request.method == "POST" and form.is_valid():
        plan = services.plan_create(form=form, user=request.user)
        messages.success(request, _("The plan was created. Next: take stock of the situation."))
        return redirect("planner:step", pk=plan.pk, step=STEPS[1].slug)
    template_form = PlanFromTemplateForm(
        organizations=organizations, templates=plan_template_list(), initial={"organization": organizations.first()}
    )
    return render(request, "planner/plan_create.html", {"form": form, "template_form": template_form, "steps": STEPS})


@login_required
@require_http_methods(["POST"])
def plan_create_from_template(request: HttpRequest) -> HttpResponse:
    organizations = editable_organizations_for_user(request.user)
    if not organizations.exists():
        raise PermissionDenied
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
    organizations = editable_organizations_for_user(request.user)
    if not organizations.exists():
        raise PermissionDenied
    form = PlanImportForm(
        request.POST or None,
        request.FILES or None,
        organizations=organizations,
        initial={"organization": organizations.first()},
    )
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_import_file(
                raw=form.cleaned_data["file"].read(), organization=form.cleaned_data["organization"], user=request.user
            )
        except PlanFileError as error:
            problems = error.problems
        else:
            messages.success(request, _("The plan was imported."))
            return redirect("planner:plan", pk=plan.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "planner/plan_import.html", {"form": form, "problems": problems}, status=status)


@login_required
def plan_export(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for_user(request.user, pk)
    response = HttpResponse(document_dumps(plan_to_document(plan)), content_type="application/json; charset=utf-8")
    filename = f"{slugify(plan.title) or 'plan'}-{plan.pk}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["POST"])
def plan_duplicate(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_to_edit(request, pk)
    copy = services.plan_duplicate(plan=plan, user=request.user)
    messages.success(request, _("The plan was duplicated. This is the copy."))
    return redirect("planner:plan", pk=copy.pk)


@login_required
@require_http_methods(["POST"])
def plan_archive(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_to_edit(request, pk)
    if plan.status == Plan.Status.ARCHIVED:
        services.plan_restore(plan=plan)
        messages.success(request, _("The plan was restored from the archive."))
    else:
        services.plan_archive(plan=plan)
        messages.success(request, _("The plan was archived. You find it under “Archived plans”."))
    return redirect("planner:plan", pk=plan.pk)


def _plan_to_edit(request: HttpRequest, pk: int) -> Plan:
    plan = plan_for_user(request.user, pk)
    if not can_edit(request.user, plan):
        raise PermissionDenied
    return plan


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_with_parts(plan_for_user(request.user, pk).pk)
    document = prefetched_plan_to_document(plan)
    states = step_states(document)
    return render(
        request,
        "planner/plan_detail.html",
        {
            "plan": plan,
            "states": states,
            "completeness": completeness(states),
            "mix": content_mix(list(plan.content_themes.all())),
            "reports": reports_for_plan(plan),
            "can_edit": can_edit(request.user, plan),
            **_check_context(plan_check(document)),
        },
    )


def _check_context(check: PlanCheck) -> dict:
    labels = dict(ChecklistItem.Dimension.choices)
    return {
        "check": check,
        "findings": check.findings,
        "radar": radar_chart(
            [(str(labels[d]), score) for d, score in check.readiness.dimensions.items()],
            size=320,
            label=gettext("Readiness per dimension"),
        ),
        **readiness_context(check),
    }


@login_required
@require_http_methods(["GET", "POST"])
def wizard_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    plan = plan_for_user(request.user, pk)
    if step not in STEP_BY_SLUG:
        raise Http404
    if not can_edit(request.user, plan):
        raise PermissionDenied
    current = STEP_BY_SLUG[step]
    previous, following = neighbours(step)
    restored = False
    conflict = False

    if request.method == "POST":
        forms = current.forms(plan=plan, user=request.user, data=request.POST)
        revision = RevisionForm(request.POST)
        expected = revision.cleaned_data["revision"] if revision.is_valid() else -1
        target = _navigation_target(request, plan.pk, current.slug, previous, following)
        if forms.is_valid():
            try:
                services.plan_step_save(
                    plan=plan, forms=forms, expected_revision=expected, user=request.user, step=step
                )
            except services.StalePlanError:
                conflict = True
                plan.refresh_from_db()
                services.step_draft_save(plan=plan, step=step, user=request.user, data=request.POST)
                messages.error(
                    request,
                    _(
                        "Someone else saved this plan while you were editing. Nothing was overwritten: "
                        "your input is still in the form below. Compare it with the current plan and "
                        "save again to keep your version."
                    ),
                )
            else:
                messages.success(request, _("Saved."))
                return redirect(target)
        else:
            services.step_draft_save(plan=plan, step=step, user=request.user, data=request.POST)
            if _nav(request) in ("back", "jump"):
                messages.warning(
                    request,
                    _("Your input on “%(step)s” has errors; it was kept as a draft for you to finish later.")
                    % {"step": current.title},
                )
                return redirect(target)
            messages.error(request, _("Please correct the marked fields. Nothing you typed was lost."))
    else:
        draft = services.step_draft_load(plan=plan, step=step, user=request.user)
        forms = current.forms(plan=plan, user=request.user, data=draft)
        if draft is not None:
            restored = True
            forms.is_valid()  # show the draft's errors

    document = plan_to_document(plan)
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
        "step_findings": plan_check(document).for_step(step),
        **forms.context(),
    }
    return render(request, forms.template, context, status=409 if conflict else 200)


def _nav(request: HttpRequest) -> str:
    """Which button submitted the step: back, next, stay, finish, or a step in the list (jump)."""
    if request.POST.get("to"):
        return "jump"
    return request.POST.get("nav", "next")


def _navigation_target(request: HttpRequest, pk: int, slug: str, previous, following) -> str:
    nav = _nav(request)
    if nav == "back" and previous:
        return reverse("planner:step", args=[pk, previous.slug])
    if nav == "jump" and request.POST.get("to") in STEP_BY_SLUG:
        return reverse("planner:step", args=[pk, request.POST["to"]])
    if nav == "next" and following:
        return reverse("planner:step", args=[pk, following.slug])
    if nav == "stay":
        return reverse("planner:step", args=[pk, slug])
    return reverse("planner:plan", args=[pk])


MAX_ROWS = 500  # the plan file's limit for a list


@login_required
@require_http_methods(["GET"])
def step_row(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """A new blank row for one of the step's formsets (htmx): the row, and the formset's
    row count, updated out of band."""
    plan = plan_for_user(request.user, pk)
    if step not in STEP_BY_SLUG or not can_edit(request.user, plan):
        raise Http404
    prefix = request.GET.get("prefix", "")
    try:
        index = int(request.GET.get(f"{prefix}-TOTAL_FORMS", ""))
    except ValueError:
        return HttpResponseBadRequest(_("The row count is missing."))
    if not 0 <= index < MAX_ROWS:
        return HttpResponseBadRequest(_("At most %(count)s rows are possible.") % {"count": MAX_ROWS})
    current = STEP_BY_SLUG[step]
    row = current.forms(plan=plan, user=request.user).row(prefix=prefix, index=index, params=request.GET)
    if row is None:
        raise Http404
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
    plan = plan_for_user(request.user, pk)
    if step not in STEP_BY_SLUG or not can_edit(request.user, plan):
        raise Http404
    revision = RevisionForm(request.POST)
    if revision.is_valid() and revision.cleaned_data["revision"] == plan.revision:
        services.step_draft_save(plan=plan, step=step, user=request.user, data=request.POST)
        return HttpResponse(status=204)
    return HttpResponse(status=409)


@login_required
@require_http_methods(["POST"])
def step_draft_discard(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    plan = plan_for_user(request.user, pk)
    services.step_draft_discard(plan=plan, step=step, user=request.user)
    return redirect("planner:step", pk=plan.pk, step=step)
