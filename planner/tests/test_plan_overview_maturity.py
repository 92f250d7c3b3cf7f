"""The overview shows the plan check (what the plan's own data says) and the self-assessment (the
checklist) apart, and a maturity stage only once 60 % of the checklist is answered."""

import pytest
from django.urls import reverse

from checklists.models import ChecklistItem
from planner.models import ChecklistAnswer, Role

pytestmark = pytest.mark.django_db


def overview(client, plan) -> str:
    return client.get(reverse("planner:plan", args=[plan.pk])).content.decode()


def answer_all(plan, status="done"):
    ChecklistAnswer.objects.bulk_create(
        ChecklistAnswer(plan=plan, item=item, status=status) for item in ChecklistItem.objects.all()
    )


def test_an_unanswered_checklist_is_not_assessed_and_the_plan_check_still_shows(lead_client, example_plan):
    page = overview(lead_client, example_plan)
    assert "stage-not-assessed" in page and "Noch nicht bewertet: 0 von 43 Punkten der Checkliste" in page
    assert "Planprüfung: was die Angaben im Plan sagen" in page and "plan-check-scores" in page
    assert "self-assessment-scores" not in page
    checklist = reverse("planner:step", args=[example_plan.pk, "checklist"])
    assert (
        f'<a href="{checklist}">Beantworten Sie die Checkliste der Erfolgsfaktoren</a>, um zu sehen, wie reif der '
        "Social-Media-Einsatz Ihres Unternehmens ist." in page
    )


def test_an_executive_who_cannot_edit_is_not_asked_to_answer_the_checklist(client, executive, example_plan):
    from tests.factories import PASSWORD

    client.login(username=executive.username, password=PASSWORD)
    page = overview(client, example_plan)
    assert "stage-not-assessed" in page and "Beantworten Sie die Checkliste" not in page


def test_an_answered_checklist_shows_the_stage_and_both_parts_apart(lead_client, example_plan):
    answer_all(example_plan)
    page = overview(lead_client, example_plan)
    assert "stage-transformation" in page and "Social Media gehört zur Arbeitsweise des Unternehmens." in page
    assert page.count('aria-label="Planprüfung: ') == 7 and page.count('aria-label="Selbsteinschätzung: ') == 7
    assert "M&amp;I/Partners (2011)" in page


def test_a_trainee_owner_shows_what_holds_the_plan_back(lead_client, example_plan):
    answer_all(example_plan)
    Role.objects.filter(plan=example_plan, is_owner=True).update(title="Werkstudent Social Media")
    page = overview(lead_client, example_plan)
    assert "stage-experimental" in page
    assert "Was dem Plan für „Funktional“ noch fehlt:" in page
    assert "eine erfahrene hauptverantwortliche Person aus dem eigenen Haus" in page
    assert "Nicht an Azubi oder Praktikant abschieben" in page.split("diese Punkte zählen daher nicht")[1]


def test_the_critical_findings_are_counted_with_the_severitys_one_word(lead_client, example_plan):
    Role.objects.filter(plan=example_plan).delete()
    page = overview(lead_client, example_plan)
    assert "1 kritisch" in page and "Kritisch" in page
