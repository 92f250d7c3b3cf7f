from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from reports.selectors import reports_for_plan

from . import services
from .forms import PlanBasicsForm, RevisionForm
from .models import Membership
from .selectors import EDIT_ROLES, can_edit, organizations_for_user, plan_for_user, plans_for_user
from .wizard import STEP_BY_SLUG, STEPS, neighbours, step_states


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    plans = plans_for_user(request.user).select_related("organization").order_by("-updated_at")
    can_create = Membership.objects.filter(user=request.user, role__in=EDIT_ROLES).exists()
    return render(request, "planner/dashboard.html", {"plans": plans, "can_create": can_create})


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest) -> HttpResponse:
    organizations = organizations_for_user(request.user).filter(memberships__role__in=EDIT_ROLES)
    if not organizations.exists():
        raise PermissionDenied
    form = PlanBasicsForm(
        request.POST or None,
        organizations=organizations,
        initial={"organization": organizations.first(), "horizon_months": 12, "language": request.LANGUAGE_CODE},
    )
    if request.method == "POST" and form.is_valid():
        plan = services.plan_create(form=form, user=request.user)
        messages.success(request, _("The plan was created. Next: its goals and KPIs."))
        return redirect("planner:step", pk=plan.pk, step=STEPS[1].slug)
    return render(request, "planner/plan_create.html", {"form": form, "steps": STEPS})


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for_user(request.user, pk)
    goals = plan.goals.prefetch_related("kpis")
    return render(
        request,
        "planner/plan_detail.html",
        {
            "plan": plan,
            "goals": goals,
            "states": step_states(plan),
            "reports": reports_for_plan(plan),
            "can_edit": can_edit(request.user, plan),
        },
    )


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

    context = {
        "plan": plan,
        "step": current,
        "previous": previous,
        "following": following,
        "states": step_states(plan),
        "step_number": STEPS.index(current) + 1,
        "step_count": len(STEPS),
        "revision": plan.revision,
        "restored": restored,
        "conflict": conflict,
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


@login_required
@require_http_methods(["POST"])
def step_draft_discard(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    plan = plan_for_user(request.user, pk)
    services.step_draft_discard(plan=plan, step=step, user=request.user)
    return redirect("planner:step", pk=plan.pk, step=step)
