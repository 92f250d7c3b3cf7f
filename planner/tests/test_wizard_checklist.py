"""Issue 4 applied to a plan: the checklist step, the findings on the steps they concern
and on the overview, and the readiness radar."""

import re

import pytest
from django.urls import reverse

from checklists.models import Checklist, ChecklistItem
from planner.models import ChecklistAnswer
from planner.plan_file import plan_to_document

from .test_wizard_steps import HELPER, OWNER, rows_post, step_url

pytestmark = pytest.mark.django_db


def checklist_post(plan, answers, nav="stay"):
    """answers: {item slug: (status, note)}; every active item is posted, as the page does."""
    data = {"revision": plan.revision, "nav": nav}
    for item in ChecklistItem.objects.filter(active=True):
        status, note = answers.get(item.slug, ("open", ""))
        data.update({f"answers-{item.slug}-status": status, f"answers-{item.slug}-note": note})
    return data


def test_the_checklist_step_shows_every_active_item_with_explanation_and_measures(lead_client, plan, channels):
    hidden = ChecklistItem.objects.get(slug="sf-learn-from-others")
    hidden.active = False
    hidden.save()
    page = lead_client.get(step_url(plan, "checklist")).content.decode()
    shown = ChecklistItem.objects.filter(active=True)
    assert page.count('<div class="checklist-item ') == shown.count()
    assert hidden.title not in page
    factor = ChecklistItem.objects.get(slug="sf-customer-delight")
    assert factor.title in page and factor.explanation in page
    assert "Die Geschäftsleitung ins Boot holen" in page  # one of its measures, in German


def test_the_items_are_grouped_by_checklist_and_an_answered_checklist_is_folded(lead_client, plan, channels):
    first = Checklist.objects.filter(items__active=True).distinct().order_by("order", "pk").first()
    items = ChecklistItem.objects.filter(active=True, checklist=first)
    answers = {item.slug: ("done", "") for item in items}
    answers[items[0].slug] = ("not_applicable", "")
    assert lead_client.post(step_url(plan, "checklist"), checklist_post(plan, answers)).status_code == 302
    page = lead_client.get(step_url(plan, "checklist")).content.decode()
    sections = re.findall(r'<section class="card mb-3 checklist-group".*?</section>', page, re.S)
    assert len(sections) == Checklist.objects.filter(items__active=True).distinct().count()
    done = next(section for section in sections if first.title in section)
    assert f"{items.count()} von {items.count()} beantwortet" in done
    assert "<details open>" not in done  # folded: nothing left to answer there
    others = [section for section in sections if section is not done]
    assert "<details open>" in others[0]  # the first one with open items: the one to go on with
    assert all("<details open>" not in section and " von " in section for section in others[1:])
    assert "data-checklist-bulk hidden" in page  # the "set all open items" control, shown by checklist.js


def test_answers_are_saved_and_go_into_the_plan_file(lead_client, plan, channels):
    data = checklist_post(
        plan, {"sf-customer-delight": ("done", "Chefin ist an Bord"), "sf-open-culture": ("not_applicable", "")}
    )
    assert lead_client.post(step_url(plan, "checklist"), data).status_code == 302
    answers = {a["item"]: (a["status"], a["note"]) for a in plan_to_document(plan)["plan"]["checklist"]}
    assert answers == {"sf-customer-delight": ("done", "Chefin ist an Bord"), "sf-open-culture": ("not_applicable", "")}


def test_an_invalid_answer_is_refused_and_the_notes_kept(lead_client, plan, channels):
    data = checklist_post(plan, {"sf-customer-delight": ("maybe", "Noch mit der Chefin klären")})
    response = lead_client.post(step_url(plan, "checklist"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Noch mit der Chefin klären" in page
    assert "is-invalid" in page
    assert not ChecklistAnswer.objects.exists()


def test_a_curators_edit_shows_in_the_wizard(lead_client, plan, channels):
    item = ChecklistItem.objects.get(slug="sf-customer-delight")
    item.title_de = "Kunden begeistern – von der Redaktion überarbeitet"
    item.save()
    page = lead_client.get(step_url(plan, "checklist")).content.decode()
    assert "Kunden begeistern – von der Redaktion überarbeitet" in page


def test_a_finding_appears_on_its_step_and_disappears_once_fixed(lead_client, plan, channels):
    def roles_findings():
        page = lead_client.get(step_url(plan, "roles")).content.decode()
        return page[page.index('id="step-findings"') :]

    assert 'data-code="no_owner"' in roles_findings()
    assert 'data-code="no_goals"' not in roles_findings()  # shown on the goals step, not here
    data = rows_post(plan, "roles", [{**OWNER, "is_owner": "on"}, HELPER])
    assert lead_client.post(step_url(plan, "roles"), data).status_code == 302
    assert 'data-code="no_owner"' not in roles_findings()


def test_the_overview_shows_findings_readiness_and_the_radar(lead_client, example_plan):
    page = lead_client.get(reverse("planner:plan", args=[example_plan.pk])).content.decode()
    assert 'id="findings"' in page
    codes = re.findall(r'data-code="(\w+)"', page[page.index('id="findings"') :])
    assert codes == ["pilot_not_focused"]  # the example plan's only finding (the plan format says so)
    assert "<svg" in page and 'id="readiness"' in page
    assert "not-assessed" in page  # nothing on its checklist is answered yet: no stage
