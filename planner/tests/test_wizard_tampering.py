"""A tampered or careless wizard POST gets a clear answer, never a 5xx, and never leaves a
draft that breaks the step again on the next visit."""

import pytest
from django.urls import reverse

from planner.models import Competitor, Goal, StepDraft
from tests.factories import PASSWORD, GoalFactory, PlanFactory

from .test_wizard_steps import SITUATION, rows_post, step_url

pytestmark = pytest.mark.django_db


def test_a_row_count_beyond_the_plans_limits_is_refused_quickly_and_not_kept(lead_client, plan):
    data = {"revision": plan.revision, "groups-TOTAL_FORMS": 2001, "groups-INITIAL_FORMS": 0}
    response = lead_client.post(step_url(plan, "target-groups"), data)
    assert response.status_code == 400
    assert "nothing was saved" in response.content.decode() or "nichts gespeichert" in response.content.decode()
    assert not StepDraft.objects.exists()
    autosave = lead_client.post(reverse("planner:step_autosave", args=[plan.pk, "target-groups"]), data)
    assert autosave.status_code == 400
    assert not StepDraft.objects.exists()


def test_many_rows_that_add_up_beyond_5000_are_refused(lead_client, plan):
    data = {"revision": plan.revision, "goals-TOTAL_FORMS": 11, "goals-INITIAL_FORMS": 0}
    data.update({f"goals-{i}-kpis-TOTAL_FORMS": 500 for i in range(11)})
    assert lead_client.post(step_url(plan, "goals"), data).status_code == 400


def test_a_stored_draft_with_a_runaway_row_count_is_dropped_and_the_step_opens(client, lead, plan):
    StepDraft.objects.create(plan=plan, step="goals", updated_by=lead, data={"goals-TOTAL_FORMS": ["2001"]})
    client.login(username=lead.username, password=PASSWORD)
    assert client.get(step_url(plan, "goals")).status_code == 200
    assert not StepDraft.objects.exists()


@pytest.mark.parametrize("data", [{}, {"answers-sf-customer-delight-status": "done"}, {"answers-TOTAL_FORMS": "3"}])
def test_a_checklist_post_with_missing_fields_shows_errors(lead_client, plan, channels, data):
    response = lead_client.post(step_url(plan, "checklist"), {"revision": plan.revision, **data})
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    assert lead_client.get(step_url(plan, "checklist")).status_code == 200  # the draft it left opens too


def test_a_row_id_of_another_plan_is_refused_not_turned_into_a_new_row(lead_client, plan):
    other = GoalFactory(plan=PlanFactory(), title="Fremdes Ziel")
    data = {
        "revision": plan.revision,
        "nav": "stay",
        "goals-TOTAL_FORMS": 1,
        "goals-INITIAL_FORMS": 0,
        "goals-0-id": other.pk,
        "goals-0-title": "Übernommen",
        "goals-0-category": "image",
        "goals-0-priority": 1,
        "goals-0-kpis-TOTAL_FORMS": 0,
        "goals-0-kpis-INITIAL_FORMS": 0,
    }
    response = lead_client.post(step_url(plan, "goals"), data)
    assert response.status_code == 200
    assert not plan.goals.exists()
    assert Goal.objects.get(pk=other.pk).title == "Fremdes Ziel"


def test_a_nul_character_is_a_field_error_and_the_draft_keeps_the_rest(lead_client, plan, lead):
    data = rows_post(plan, "competitors", [{"name": "Lens\x00best", "notes": "aktiv"}], **SITUATION)
    response = lead_client.post(step_url(plan, "situation"), data)
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    assert not Competitor.objects.exists()
    draft = StepDraft.objects.get()
    assert draft.data["competitors-0-name"] == ["Lensbest"]


def test_a_text_over_20000_characters_is_refused(lead_client, plan):
    data = rows_post(plan, "competitors", [{"name": "x" * 20_001, "notes": ""}], **SITUATION)
    response = lead_client.post(step_url(plan, "situation"), data)
    assert response.status_code == 200
    assert not Competitor.objects.exists()


@pytest.mark.parametrize("name", ["step", "step_row", "step_autosave", "step_discard"])
def test_a_reader_gets_403_and_a_stranger_404_on_every_wizard_url(client, executive, stranger, plan, name):
    url = reverse(f"planner:{name}", args=[plan.pk, "goals"])
    method = client.get if name in ("step", "step_row") else client.post
    client.login(username=executive.username, password=PASSWORD)
    assert method(url).status_code == 403
    client.login(username=stranger.username, password=PASSWORD)
    assert method(url).status_code == 404


def test_a_database_that_refuses_the_write_leaves_the_plan_intact_and_the_input_on_screen(lead_client, plan):
    from django.db import connection

    GoalFactory(plan=plan, title="Gespeichertes Ziel")
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION refuse_write() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ "
            "LANGUAGE plpgsql; CREATE TRIGGER refuse_goal_writes BEFORE INSERT OR UPDATE ON planner_goal "
            "FOR EACH STATEMENT EXECUTE FUNCTION refuse_write();"
        )
    goal = plan.goals.get()
    data = {
        "revision": plan.revision,
        "nav": "stay",
        "goals-TOTAL_FORMS": 1,
        "goals-INITIAL_FORMS": 1,
        "goals-0-id": goal.pk,
        "goals-0-title": "Neuer Titel, getippt",
        "goals-0-category": "image",
        "goals-0-priority": 1,
        "goals-0-kpis-TOTAL_FORMS": 0,
        "goals-0-kpis-INITIAL_FORMS": 0,
    }
    response = lead_client.post(step_url(plan, "goals"), data)
    assert response.status_code == 503
    assert "Neuer Titel, getippt" in response.content.decode()
    assert plan.goals.get().title == "Gespeichertes Ziel"
    before = plan.revision
    plan.refresh_from_db()
    assert plan.revision == before


def test_a_lead_cannot_move_a_plan_into_an_organization_where_they_only_read(lead_client, lead, plan):
    from planner.models import Membership
    from tests.factories import MembershipFactory

    elsewhere = MembershipFactory(user=lead, role=Membership.Role.EXECUTIVE).organization
    page = lead_client.get(step_url(plan, "basics")).content.decode()
    assert f'<option value="{elsewhere.pk}"' not in page  # (the navbar's switcher lists every organization)
    data = {
        "revision": plan.revision,
        "nav": "stay",
        "title": plan.title,
        "organization": elsewhere.pk,
        "language": "de",
        "start_date": "2027-01-01",
        "horizon_months": 12,
    }
    response = lead_client.post(step_url(plan, "basics"), data)
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    plan.refresh_from_db()
    assert plan.organization_id != elsewhere.pk
