"""Two tabs, one plan: what the other saved meanwhile is shown beside the user's own input, field by
field; the user takes either; nothing is lost without the user choosing it, and an old draft never
comes back as it was."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from planner.models import Goal, Membership, Plan, StepDraft
from tests.factories import GoalFactory, MembershipFactory
from tests.support import post_form

pytestmark = pytest.mark.django_db


def opened(client, plan, step):
    """The step's form as a browser tab shows it: what it would post unchanged."""
    url = reverse("planner:step", args=[plan.pk, step])
    page = client.get(url).content.decode()
    return url, post_form(page, url).data()


def saved_in_other_tab(client, plan, step, **changes):
    url, data = opened(client, plan, step)
    data.update({key: [value] for key, value in changes.items()}, nav=["stay"])
    assert client.post(url, data).status_code == 302


def differences(page: str) -> dict[str, str]:
    """The rows of the "changed meanwhile" table: field name -> its row's text."""
    rows = re.findall(r'<tr class="difference[^"]*" data-field="([^"]+)">(.*?)</tr>', page, re.S)
    return {name: re.sub(r"<[^>]+>|\s+", " ", row).strip() for name, row in rows}


@pytest.fixture
def situation(plan):
    Plan.objects.filter(pk=plan.pk).update(strengths=["Schneller Versand"], weaknesses=["Kaum bekannt"])
    plan.refresh_from_db()
    return plan


def test_a_stale_save_shows_the_others_change_beside_mine_and_overwrites_nothing(lead_client, situation):
    url, mine = opened(lead_client, situation, "situation")
    saved_in_other_tab(lead_client, situation, "situation", strengths="Schneller Versand\nOptiker im Team")
    mine.update(strengths=["Schneller Versand\nGute Bewertungen"], nav=["stay"])
    response = lead_client.post(url, mine)
    page = response.content.decode()
    assert response.status_code == 409
    assert differences(page)["strengths"].count("Schneller Versand") == 2
    assert "Gute Bewertungen" in differences(page)["strengths"] and "Optiker im Team" in differences(page)["strengths"]
    situation.refresh_from_db()
    assert situation.strengths == ["Schneller Versand", "Optiker im Team"]  # nothing was overwritten


@pytest.mark.parametrize(
    ("choice", "kept"),
    [
        ("mine", ["Schneller Versand", "Gute Bewertungen"]),
        ("theirs", ["Schneller Versand", "Optiker im Team"]),
        ("both", ["Schneller Versand", "Gute Bewertungen", "Optiker im Team"]),
    ],
)
def test_the_user_takes_either_version_or_the_lines_of_both(lead_client, situation, choice, kept):
    url, mine = opened(lead_client, situation, "situation")
    saved_in_other_tab(lead_client, situation, "situation", strengths="Schneller Versand\nOptiker im Team")
    mine.update(strengths=["Schneller Versand\nGute Bewertungen"], nav=["stay"])
    conflict_page = lead_client.post(url, mine).content.decode()
    answer = post_form(conflict_page, url).data()
    answer.update({"merge-strengths": [choice], "nav": ["stay"]})
    assert lead_client.post(url, answer).status_code == 302
    situation.refresh_from_db()
    assert situation.strengths == kept


def test_saving_without_choosing_is_refused_and_keeps_both_versions(lead_client, situation):
    url, mine = opened(lead_client, situation, "situation")
    saved_in_other_tab(lead_client, situation, "situation", strengths="Optiker im Team")
    mine.update(strengths=["Gute Bewertungen"], nav=["stay"])
    conflict_page = lead_client.post(url, mine).content.decode()
    response = lead_client.post(url, {**post_form(conflict_page, url).data(), "nav": ["stay"]})
    assert response.status_code == 400
    assert "Bitte wählen Sie für jedes Feld, das Sie beide geändert haben, eine Fassung." in response.content.decode()
    situation.refresh_from_db()
    assert situation.strengths == ["Optiker im Team"]


def test_what_only_the_other_changed_is_taken_and_what_only_i_changed_is_kept(lead_client, situation):
    url, mine = opened(lead_client, situation, "situation")
    saved_in_other_tab(lead_client, situation, "situation", weaknesses="Kein Budget")
    mine.update(strengths=["Schneller Versand\nGute Bewertungen"], nav=["stay"])
    page = lead_client.post(url, mine).content.decode()
    assert "Kein Budget" in differences(page)["weaknesses"] and "ins Formular übernommen" in page
    answer = post_form(page, url).data()  # no conflict: nothing to choose
    assert lead_client.post(url, {**answer, "nav": ["stay"]}).status_code == 302
    situation.refresh_from_db()
    assert (situation.strengths, situation.weaknesses) == (["Schneller Versand", "Gute Bewertungen"], ["Kein Budget"])


def test_a_save_in_another_step_meanwhile_is_no_conflict(lead_client, situation):
    url, mine = opened(lead_client, situation, "situation")
    saved_in_other_tab(lead_client, situation, "resources", staff_hours_per_week="10")
    mine.update(strengths=["Gute Bewertungen"], nav=["stay"])
    assert lead_client.post(url, mine).status_code == 302
    situation.refresh_from_db()
    assert (situation.strengths, situation.staff_hours_per_week) == (["Gute Bewertungen"], 10)


@pytest.fixture
def colleague_client(organization):
    colleague = MembershipFactory(organization=organization, role=Membership.Role.LEAD).user
    client = Client()
    client.force_login(colleague)
    return client


def test_the_old_draft_comes_back_compared_not_as_it_was(lead_client, colleague_client, situation):
    url, mine = opened(lead_client, situation, "situation")
    autosave = reverse("planner:step_autosave", args=[situation.pk, "situation"])
    mine.update(weaknesses=["Kaum bekannt\nKein Budget"])
    assert lead_client.post(autosave, mine).status_code == 204  # typed, not saved; then a colleague saves
    saved_in_other_tab(colleague_client, situation, "situation", strengths="Schneller Versand\nOptiker im Team")
    assert StepDraft.objects.count() == 1
    page = lead_client.get(url).content.decode()
    assert "Optiker im Team" in differences(page)["strengths"]
    form = post_form(page, url).data()
    assert form["strengths"] == ["Schneller Versand\nOptiker im Team"]  # the other's line is in the form
    assert form["weaknesses"] == ["Kaum bekannt\nKein Budget"]  # and so is mine
    assert lead_client.post(url, {**form, "nav": ["stay"]}).status_code == 302
    situation.refresh_from_db()
    assert situation.strengths == ["Schneller Versand", "Optiker im Team"]
    assert situation.weaknesses == ["Kaum bekannt", "Kein Budget"]
    assert not lead_client.get(url).content.decode().count('class="difference')  # and it does not come back


def test_rows_are_matched_by_id_a_row_added_meanwhile_is_kept_and_a_changed_row_removed_meanwhile_comes_back(
    lead_client, plan
):
    first, second = GoalFactory(plan=plan, title="Bekanntheit"), GoalFactory(plan=plan, title="Service")
    url, mine = opened(lead_client, plan, "goals")
    # The other tab removes "Bekanntheit" and adds "Recruiting"; this tab renames "Bekanntheit".
    other_url, other = opened(lead_client, plan, "goals")
    other.update({"goals-0-DELETE": ["on"], "goals-TOTAL_FORMS": ["3"], "nav": ["stay"]})
    other.update({"goals-2-title": ["Recruiting"], "goals-2-category": ["recruiting"], "goals-2-priority": ["3"]})
    other.update({"goals-2-kpis-TOTAL_FORMS": ["0"], "goals-2-kpis-INITIAL_FORMS": ["0"]})
    assert lead_client.post(other_url, other).status_code == 302
    assert set(Goal.objects.values_list("title", flat=True)) == {"Service", "Recruiting"}
    mine.update({"goals-0-title": ["Bekanntheit der Marke"], "nav": ["stay"]})
    page = lead_client.post(url, mine).content.decode()
    found = " ".join(differences(page).values())
    assert "Recruiting" in found and "hinzugefügt" in found
    assert "Bekanntheit der Marke" in found and "als neuer Eintrag erhalten" in found
    assert lead_client.post(url, {**post_form(page, url).data(), "nav": ["stay"]}).status_code == 302
    assert set(Goal.objects.values_list("title", flat=True)) == {"Service", "Recruiting", "Bekanntheit der Marke"}
    assert not Goal.objects.filter(pk=first.pk).exists() and Goal.objects.filter(pk=second.pk).exists()
