"""The wizard's foundation: plan basics, goals with KPIs, drafts, stale forms, progress."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from planner.models import KPI, Goal, Plan, StepDraft
from tests.factories import GoalFactory, KPIFactory

pytestmark = pytest.mark.django_db


def basics(organization, **overrides):
    data = {
        "title": "Social-Media-Strategie 2027",
        "organization": organization.pk,
        "language": "de",
        "industry": "E-Commerce",
        "start_date": "2027-01-01",
        "horizon_months": "12",
        "summary": "Dialog statt Werbung.",
    }
    return {**data, **overrides}


def goals_post(plan, goals, nav="next"):
    """POST data for the goals step: goals is a list of (goal fields, [kpi fields])."""
    data = {"revision": plan.revision, "nav": nav, "goals-TOTAL_FORMS": len(goals), "goals-INITIAL_FORMS": 0}
    for i, (goal, kpis) in enumerate(goals):
        for key, value in goal.items():
            data[f"goals-{i}-{key}"] = value
        data[f"goals-{i}-kpis-TOTAL_FORMS"] = len(kpis)
        data[f"goals-{i}-kpis-INITIAL_FORMS"] = 0
        for j, kpi in enumerate(kpis):
            for key, value in kpi.items():
                data[f"goals-{i}-kpis-{j}-{key}"] = value
    return data


GOAL = {"category": "loyalty", "title": "Kundenbindung stärken", "description": "", "priority": "1"}
KPI_ROW = {
    "name": "Wiederkaufrate",
    "metric": "repurchase_rate",
    "unit": "%",
    "baseline": "38",
    "target": "42",
    "due": "2027-12-31",
}


def test_creating_a_plan_leads_to_the_situation_step(lead_client, organization):
    response = lead_client.post(reverse("planner:plan_create"), basics(organization))
    plan = Plan.objects.get()
    assert response.url == reverse("planner:step", args=[plan.pk, "situation"])
    assert (plan.title, plan.start_date, plan.horizon_months) == (
        "Social-Media-Strategie 2027",
        dt.date(2027, 1, 1),
        12,
    )


def test_invalid_basics_keep_what_was_typed_and_say_why(lead_client, organization):
    response = lead_client.post(
        reverse("planner:plan_create"), basics(organization, horizon_months="0", start_date="31.02.2027")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert not Plan.objects.exists()
    assert 'value="Social-Media-Strategie 2027"' in page
    assert "Dialog statt Werbung." in page
    assert "größer oder gleich 1" in page
    assert 'value="31.02.2027"' in page


def test_goals_with_kpis_are_saved_in_order(lead_client, plan):
    second = {**GOAL, "title": "Service entlasten", "category": "service", "priority": "2"}
    response = lead_client.post(
        reverse("planner:step", args=[plan.pk, "goals"]), goals_post(plan, [(GOAL, [KPI_ROW]), (second, [])])
    )
    assert response.status_code == 302
    goals = list(plan.goals.all())
    assert [g.title for g in goals] == ["Kundenbindung stärken", "Service entlasten"]
    assert goals[0].key == "kundenbindung-starken"
    kpi = goals[0].kpis.get()
    assert (kpi.name, kpi.baseline, kpi.target, kpi.due) == ("Wiederkaufrate", 38, 42, dt.date(2027, 12, 31))


def test_removing_a_goal_and_a_kpi(lead_client, plan):
    keep = GoalFactory(plan=plan, title="Bleibt")
    kpi_gone = KPIFactory(goal=keep, name="Weg")
    gone = GoalFactory(plan=plan, title="Fällt weg")
    data = {"revision": plan.revision, "nav": "stay", "goals-TOTAL_FORMS": 2, "goals-INITIAL_FORMS": 2}
    for i, goal in enumerate([keep, gone]):
        data.update(
            {
                f"goals-{i}-id": goal.pk,
                f"goals-{i}-plan": plan.pk,
                f"goals-{i}-category": goal.category,
                f"goals-{i}-title": goal.title,
                f"goals-{i}-priority": goal.priority,
                f"goals-{i}-kpis-TOTAL_FORMS": 0,
                f"goals-{i}-kpis-INITIAL_FORMS": 0,
            }
        )
    data.update(
        {
            "goals-0-kpis-TOTAL_FORMS": 1,
            "goals-0-kpis-INITIAL_FORMS": 1,
            "goals-0-kpis-0-id": kpi_gone.pk,
            "goals-0-kpis-0-goal": keep.pk,
            "goals-0-kpis-0-DELETE": "on",
            **{f"goals-0-kpis-0-{k}": v for k, v in KPI_ROW.items()},
        }
    )
    data["goals-1-DELETE"] = "on"
    response = lead_client.post(reverse("planner:step", args=[plan.pk, "goals"]), data)
    assert response.status_code == 302
    assert list(Goal.objects.values_list("title", flat=True)) == ["Bleibt"]
    assert not KPI.objects.exists()


def test_invalid_kpi_keeps_the_input_and_names_the_problem(lead_client, plan):
    bad = {**KPI_ROW, "target": "viel mehr", "due": ""}
    response = lead_client.post(reverse("planner:step", args=[plan.pk, "goals"]), goals_post(plan, [(GOAL, [bad])]))
    page = response.content.decode()
    assert response.status_code == 200
    assert not Goal.objects.exists()
    assert 'value="Kundenbindung stärken"' in page
    assert 'value="viel mehr"' in page
    assert "Bitte geben Sie eine Zahl ein, z. B. 1.200,5." in page  # the UI speaks German by default
    assert "Dieses Feld ist zwingend erforderlich." in page


def test_back_with_invalid_input_keeps_it_as_a_draft_that_comes_back(lead_client, plan):
    bad = {**KPI_ROW, "target": "viel mehr"}
    url = reverse("planner:step", args=[plan.pk, "goals"])
    response = lead_client.post(url, goals_post(plan, [(GOAL, [bad])], nav="back"))
    assert response.url == reverse("planner:step", args=[plan.pk, "situation"])
    assert StepDraft.objects.filter(plan=plan, step="goals").exists()
    page = lead_client.get(url).content.decode()
    assert 'value="viel mehr"' in page
    assert "nicht gespeicherten Eingaben vom letzten Mal" in page


def test_valid_back_saves_and_next_shows_the_saved_goals(lead_client, plan):
    url = reverse("planner:step", args=[plan.pk, "goals"])
    lead_client.post(url, goals_post(plan, [(GOAL, [KPI_ROW])], nav="back"))
    page = lead_client.get(url).content.decode()
    assert 'value="Kundenbindung stärken"' in page
    assert 'value="Wiederkaufrate"' in page


def test_a_stale_form_is_refused_and_the_input_kept(lead_client, plan):
    url = reverse("planner:step", args=[plan.pk, "basics"])
    stale = {**basics(plan.organization, title="Meine Fassung"), "revision": plan.revision, "nav": "stay"}
    Plan.objects.filter(pk=plan.pk).update(title="Fassung der Kollegin", revision=plan.revision + 1)
    response = lead_client.post(url, stale)
    assert response.status_code == 409
    assert 'value="Meine Fassung"' in response.content.decode()
    plan.refresh_from_db()
    assert plan.title == "Fassung der Kollegin"


def test_progress_and_step_states_are_shown(lead_client, plan):
    GoalFactory(plan=plan)
    page = lead_client.get(reverse("planner:step", args=[plan.pk, "goals"])).content.decode()
    assert "Schritt 3 von 11" in page
    # The bar is the plan's completeness, as on the dashboard and the overview: basics 2 of 22 points.
    assert 'aria-label="Vollständigkeit des Plans" aria-valuenow="14"' in page
    assert "Plan zu 14 % vollständig" in page
    assert f"Das Ziel „{plan.goals.get().title}“ hat noch keine KPI." in page  # what the step lacks, in one line
    states = dict(
        re.findall(r'value="([\w-]+)"[^>]*>[^<]*</button>\s*<span class="badge rounded-pill state-(\w+)', page)
    )
    assert states["goals"] == "started"  # the goal has no KPI yet
    assert states["basics"] == "complete"
    assert states["situation"] == "empty"


def test_typing_is_kept_as_a_draft_before_saving_so_a_timed_out_session_loses_nothing(client, lead, plan):
    from tests.factories import PASSWORD

    client.login(username=lead.username, password=PASSWORD)
    typed = goals_post(plan, [({**GOAL, "title": "Halb getippt"}, [])])
    assert client.post(reverse("planner:step_autosave", args=[plan.pk, "goals"]), typed).status_code == 204
    client.logout()  # the session ends before the user presses Save
    client.login(username=lead.username, password=PASSWORD)
    page = client.get(reverse("planner:step", args=[plan.pk, "goals"])).content.decode()
    assert 'value="Halb getippt"' in page
    assert not Goal.objects.exists()


def test_a_late_autosave_from_an_older_form_is_not_kept(lead_client, plan):
    stale = goals_post(plan, [(GOAL, [])])
    Plan.objects.filter(pk=plan.pk).update(revision=plan.revision + 1)
    response = lead_client.post(reverse("planner:step_autosave", args=[plan.pk, "goals"]), stale)
    assert response.status_code == 409
    assert not StepDraft.objects.exists()
