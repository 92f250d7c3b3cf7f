"""Adding a row in place: the "Add" buttons fetch a blank row from the server (htmx) with
the next index, and the formset's row count is updated with it."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def row_url(plan, step):
    return reverse("planner:step_row", args=[plan.pk, step])


def test_a_new_goal_row_gets_the_next_index_and_its_own_kpi_formset(lead_client, plan):
    response = lead_client.get(row_url(plan, "goals"), {"prefix": "goals", "goals-TOTAL_FORMS": 2})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="goals-2-title"' in page
    assert 'name="goals-2-kpis-TOTAL_FORMS"' in page
    assert '"prefix": "goals-2-kpis"' in page  # its "Add KPI" button
    assert 'id="id_goals-TOTAL_FORMS" hx-swap-oob="true"' in page and 'name="goals-TOTAL_FORMS" value="3"' in page


def test_a_kpi_row_for_a_goal_added_in_the_browser(lead_client, plan):
    params = {"prefix": "goals-2-kpis", "goals-2-kpis-TOTAL_FORMS": 0}
    page = lead_client.get(row_url(plan, "goals"), params).content.decode()
    assert 'name="goals-2-kpis-0-target"' in page
    assert 'name="goals-2-kpis-TOTAL_FORMS" value="1"' in page
    assert 'id="empty-goals-2-kpis" hx-swap-oob="delete"' in page


@pytest.mark.parametrize(
    "step,prefix",
    [
        ("situation", "competitors"),
        ("target-groups", "groups"),
        ("channels", "channels"),
        ("content", "themes"),
        ("roles", "roles"),
        ("guidelines", "guidelines"),
        ("roadmap", "milestones"),
    ],
)
def test_every_repeating_section_adds_rows_in_place(lead_client, plan, channels, step, prefix):
    page = lead_client.get(row_url(plan, step), {"prefix": prefix, f"{prefix}-TOTAL_FORMS": 4}).content.decode()
    assert f'name="{prefix}-4-' in page
    assert "data-formset-remove" in page  # and can be removed again
    assert f'name="{prefix}-TOTAL_FORMS" value="5"' in page


def test_a_guideline_can_start_from_a_curated_template_in_the_plans_language(lead_client, plan, channels):
    params = {"prefix": "guidelines", "guidelines-TOTAL_FORMS": 0, "template": "mistakes"}
    page = lead_client.get(row_url(plan, "guidelines"), params).content.decode()
    assert 'value="Fehler"' in page
    assert "Fehler sind erlaubt." in page


def test_an_unknown_formset_or_a_bad_count_is_refused(lead_client, plan):
    assert lead_client.get(row_url(plan, "goals"), {"prefix": "nope", "nope-TOTAL_FORMS": 0}).status_code == 400
    assert lead_client.get(row_url(plan, "goals"), {"prefix": "goals"}).status_code == 400
    assert lead_client.get(row_url(plan, "goals"), {"prefix": "goals", "goals-TOTAL_FORMS": 500}).status_code == 400


def test_strangers_and_executives_get_no_rows(client, stranger, executive, plan):
    params = {"prefix": "goals", "goals-TOTAL_FORMS": 0}
    client.login(username=stranger.username, password=PASSWORD)
    assert client.get(row_url(plan, "goals"), params).status_code == 404
    client.login(username=executive.username, password=PASSWORD)
    assert client.get(row_url(plan, "goals"), params).status_code == 403


def test_the_step_pages_use_htmx_for_adding_rows(lead_client, plan):
    page = lead_client.get(reverse("planner:step", args=[plan.pk, "goals"])).content.decode()
    assert f'hx-get="{row_url(plan, "goals")}"' in page
    assert 'hx-include="#id_goals-TOTAL_FORMS"' in page
    assert "<template" not in page
