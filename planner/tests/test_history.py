"""A plan's history: every wizard save records who changed which fields from what to what, and the
history page shows it to every member in words, not codes."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from planner import services
from planner.models import Goal, Plan
from tests.factories import GoalFactory

pytestmark = pytest.mark.django_db


def save_basics(client, plan, **changes):
    data = {
        "title": plan.title,
        "organization": plan.organization_id,
        "language": plan.language,
        "industry": plan.industry,
        "start_date": plan.start_date.isoformat(),
        "horizon_months": plan.horizon_months,
        "summary": plan.summary,
        "revision": plan.revision,
        "nav": "stay",
        **changes,
    }
    return client.post(reverse("planner:step", args=[plan.pk, "basics"]), data)


def test_a_wizard_save_records_the_fields_that_changed(lead_client, lead, plan):
    response = save_basics(lead_client, plan, title="Strategie 2028", language="en", horizon_months="18")
    assert response.status_code == 302
    entry = LogEntry.objects.get(additional_data__plan_id=plan.pk)
    assert entry.actor == lead and entry.action == LogEntry.Action.UPDATE
    assert entry.changes_dict == {
        "title": [plan.title, "Strategie 2028"],
        "language": ["de", "en"],
        "horizon_months": [12, 18],
    }


def test_an_unchanged_save_records_nothing(lead_client, plan):
    save_basics(lead_client, plan)
    assert not LogEntry.objects.filter(additional_data__plan_id=plan.pk).exists()


def test_rows_added_changed_and_removed_are_recorded(lead_client, lead, plan):
    kept = GoalFactory(plan=plan, title="Bekanntheit", priority=2, category="awareness")
    gone = GoalFactory(plan=plan, title="Alt")
    data = {
        "revision": Plan.objects.get(pk=plan.pk).revision,
        "nav": "stay",
        "goals-TOTAL_FORMS": 3,
        "goals-INITIAL_FORMS": 2,
        "goals-0-id": kept.pk,
        "goals-0-title": "Bekanntheit steigern",
        "goals-0-category": "awareness",
        "goals-0-priority": 1,
        "goals-0-kpis-TOTAL_FORMS": 0,
        "goals-0-kpis-INITIAL_FORMS": 0,
        "goals-1-id": gone.pk,
        "goals-1-title": gone.title,
        "goals-1-category": gone.category,
        "goals-1-priority": gone.priority,
        "goals-1-DELETE": "on",
        "goals-1-kpis-TOTAL_FORMS": 0,
        "goals-1-kpis-INITIAL_FORMS": 0,
        "goals-2-title": "Service",
        "goals-2-category": "service",
        "goals-2-priority": 3,
        "goals-2-kpis-TOTAL_FORMS": 0,
        "goals-2-kpis-INITIAL_FORMS": 0,
    }
    response = lead_client.post(reverse("planner:step", args=[plan.pk, "goals"]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    entries = {(e.action, e.object_repr): e for e in LogEntry.objects.filter(additional_data__plan_id=plan.pk)}
    changed = entries[(LogEntry.Action.UPDATE, "Bekanntheit steigern")]
    assert changed.changes_dict == {"title": ["Bekanntheit", "Bekanntheit steigern"], "priority": [2, 1]}
    assert (LogEntry.Action.DELETE, "Alt") in entries
    created = entries[(LogEntry.Action.CREATE, "Service")]
    assert created.changes_dict["title"] == [None, "Service"] and created.changes_dict["category"] == [None, "service"]
    assert Goal.objects.filter(plan=plan).count() == 2


def test_every_member_reads_the_history_in_words_a_stranger_finds_nothing(
    client, lead_client, plan, executive, stranger
):
    save_basics(lead_client, plan, language="en", start_date="2027-03-01")
    client.force_login(executive)
    page = client.get(reverse("planner:plan_history", args=[plan.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Sprache" in html or "Language" in html  # the field's name, not "language"
    assert "Englisch" in html or "English" in html  # the choice's label, not "en"
    assert "01.03.2027" in html or "03/01/2027" in html  # a date as the reader writes it
    assert plan.created_by is None or plan.created_by.get_full_name() in html
    client.force_login(stranger)
    assert client.get(reverse("planner:plan_history", args=[plan.pk])).status_code == 404


def test_the_overview_links_to_the_history(lead_client, plan):
    page = lead_client.get(reverse("planner:plan", args=[plan.pk])).content.decode()
    assert reverse("planner:plan_history", args=[plan.pk]) in page


def test_archiving_and_restoring_are_recorded_with_who_did_it(lead_client, lead, plan):
    url = reverse("planner:plan_archive", args=[plan.pk])
    assert lead_client.post(url).status_code == 302  # archive
    assert lead_client.post(url).status_code == 302  # restore
    entries = list(LogEntry.objects.filter(additional_data__plan_id=plan.pk).order_by("pk"))
    assert [(e.action, e.actor, e.changes_dict) for e in entries] == [
        (LogEntry.Action.UPDATE, lead, {"status": ["draft", "archived"]}),
        (LogEntry.Action.UPDATE, lead, {"status": ["archived", "draft"]}),
    ]
    assert {(e.content_type.model_class(), e.object_id) for e in entries} == {(Plan, plan.pk)}
    html = lead_client.get(reverse("planner:plan_history", args=[plan.pk])).content.decode()
    assert "Archiviert" in html or "Archived" in html  # the status's label, not "archived"


def test_a_status_the_plan_has_already_is_neither_written_nor_recorded(lead, plan):
    services.plan_archive(plan=plan, user=lead)
    revision = Plan.objects.get(pk=plan.pk).revision
    services.plan_archive(plan=plan, user=lead)
    assert Plan.objects.get(pk=plan.pk).revision == revision
    entry = LogEntry.objects.get(additional_data__plan_id=plan.pk)
    assert entry.actor == lead and entry.changes_dict == {"status": ["draft", "archived"]}
