"""What changed between two versions, as sentences a reader understands: every kind of change of a
plan, in the wizard's order, in German and English; on the page that compares any two versions (or
a version with the plan now) and that the short summary links to."""

import copy
import json

import pytest
from django.urls import reverse
from django.utils import translation

from checklists.models import Channel, ChecklistItem
from planner.models import KPI, PlanChannel, Role
from reports.differences import plan_differences
from reports.document import difference_vocabulary
from reports.services import version_approve, version_freeze
from tests.factories import EXAMPLE

pytestmark = pytest.mark.django_db


def every_kind_of_change(old: dict) -> dict:
    new = copy.deepcopy(old)
    plan = new["plan"]
    plan.update(title="Social-Media-Strategie 2027/28", start_date="2027-02-01", horizon_months=18, summary="Neu.")
    plan["situation"]["strengths"].append("Treue Kundschaft")
    plan["situation"]["threats"] = []
    plan["situation"]["competitors"][0]["notes"] = "jetzt auch auf TikTok"
    loyalty = plan["goals"][0]
    loyalty.update(title="Kundenbindung deutlich stärken", priority=2)
    loyalty["kpis"][0]["target"] = 45
    loyalty["kpis"][0]["actuals"] = [{"date": "2027-03-31", "value": 39, "note": ""}]
    loyalty["kpis"].pop(1)
    loyalty["kpis"].append(
        {"name": "Bewertungen", "metric": "reviews", "unit": "Stück", "baseline": 10, "target": 50, "due": "2027-12-31"}
    )
    plan["goals"] = [goal for goal in plan["goals"] if goal["key"] != "service"]
    recruit = {"key": "recruit", "category": "employer_branding", "title": "Fachkräfte gewinnen", "kpis": []}
    plan["goals"].append(recruit)
    plan["target_groups"][0]["priority"] = 2
    plan["target_groups"][1]["needs"] = "Vertrauen"
    plan["channels"] = [channel for channel in plan["channels"] if channel["channel"] != "forum"]
    next(channel for channel in plan["channels"] if channel["channel"] == "blog")["posts_per_week"] = 2
    plan["channels"].append(
        {"channel": "tiktok", "purpose": "Kurzvideos", "dialogue": True, "target_groups": [], "goals": [], "phase": 2}
    )
    plan["content_themes"][0]["formats"] = ["Artikel"]
    plan["off_limits"].append("Preise der Konkurrenz")
    plan["roles"][0]["is_owner"], plan["roles"][1]["is_owner"] = False, True
    plan["roles"][1]["hours_per_week"] = 12
    plan["guidelines"][0]["text"] = "Wir siezen."
    plan["guidelines"].pop(1)
    plan["milestones"][1]["end"] = "2027-09-30"
    plan["resources"]["paid_media_budget_eur"] = 8000
    plan["review"]["cadence_months"] = 3
    plan["checklist"] = [{"item": "sf-customer-delight", "status": "done", "note": ""}]
    return new


@pytest.fixture
def documents(channels):
    assert ChecklistItem.objects.filter(slug="sf-customer-delight").exists()
    old = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    old["plan"]["goals"] = [goal for goal in old["plan"]["goals"] if goal["key"] in ("loyalty", "service")]
    return old, every_kind_of_change(old)


def sentences(old: dict, new: dict, language: str) -> list[tuple[str, str]]:
    with translation.override(language):
        return [(line.section, line.text) for line in plan_differences(old, new, difference_vocabulary())]


def test_every_kind_of_change_is_one_sentence_under_its_wizard_step(documents):
    assert sentences(*documents, "de") == [
        ("basics", "Titel „Social-Media-Strategie 2027“ → „Social-Media-Strategie 2027/28“"),
        ("basics", "Beginn 01.01.2027 → 01.02.2027"),
        ("basics", "Zeitraum 12 Monate → 18 Monate"),
        ("basics", "Zusammenfassung geändert"),
        ("situation", "Stärke hinzugefügt: „Treue Kundschaft“"),
        ("situation", "Risiko entfernt: „Große Wettbewerber mit eigenen Communities“"),
        ("situation", "Wettbewerber „Linsen-Direkt“: Notizen geändert"),
        ("goals", "Ziel „Fachkräfte gewinnen“ hinzugefügt"),
        ("goals", "Ziel „Kundenbindung stärken“: umbenannt in „Kundenbindung deutlich stärken“, Priorität 1 → 2"),
        ("goals", "Ziel „Kundenservice entlasten“ entfernt"),
        ("goals", "Ziel „Kundenbindung stärken“: KPI „Bewertungen“ hinzugefügt"),
        ("goals", "Ziel „Kundenbindung stärken“: KPI „Wiederkaufrate“: Zielwert 42 → 45"),
        ("goals", "Ziel „Kundenbindung stärken“: KPI „Net Promoter Score“ entfernt"),
        ("goals", "Ziel „Kundenbindung stärken“: KPI „Wiederkaufrate“, Messwert vom 31.03.2027: 39"),
        ("target-groups", "Zielgruppe „Bestandskunden 25-45“: Priorität 1 → 2"),
        ("target-groups", "Zielgruppe „Kontaktlinsen-Einsteiger“: Bedürfnisse geändert"),
        ("channels", "Kanal TikTok in Phase 2 hinzugefügt"),
        ("channels", "Kanal Foren und Communities entfernt"),
        ("channels", "Kanal Unternehmensblog: Beiträge pro Woche 1 → 2"),
        ("content", "Inhaltsthema „Pflege-ABC“: Formate Artikel, Video → Artikel"),
        ("content", "Tabuthema hinzugefügt: „Preise der Konkurrenz“"),
        ("roles", "Hauptverantwortung wechselt von Marko K. zu Service-Team"),
        ("roles", "Rolle „Service-Team“: Stunden pro Woche 10 → 12"),
        ("guidelines", "Richtlinie „Ton“: Text geändert"),
        ("guidelines", "Richtlinie „Fehler“ entfernt"),
        ("roadmap", "Meilenstein „Pilot: Blog und Facebook für Bestandskunden“: Ende 31.08.2027 → 30.09.2027"),
        ("resources", "Paid-Media-Budget 6.000 € → 8.000 €"),
        ("resources", "Überprüfungsrhythmus 6 Monate → 3 Monate"),
        ("checklist", "Checkliste: „Kunden begeistern“ offen → erledigt"),
    ]


def test_the_sentences_in_english(documents):
    lines = dict((text, section) for section, text in sentences(*documents, "en"))
    for text in (
        "Goal “Kundenbindung stärken”: KPI “Wiederkaufrate”: target 42 → 45",
        "Channel TikTok added in phase 2",
        "Owner changed from Marko K. to Service-Team",
        "Goal “Kundenbindung stärken”: renamed to “Kundenbindung deutlich stärken”, priority 1 → 2",
        "Review cycle 6 months → 3 months",
        "Checklist: “Delight your customers” open → done",
    ):
        assert text in lines, text


def test_only_the_check_in_is_a_measurement(documents):
    old, new = documents
    with translation.override("en"):
        lines = plan_differences(old, new, difference_vocabulary())
    measurements = [line.text for line in lines if line.measurement]
    assert measurements == ["Goal “Kundenbindung stärken”: KPI “Wiederkaufrate”, check-in of 03/31/2027: 39"]


def test_no_change_is_no_sentence_and_the_way_back_is_the_mirror(documents):
    old, new = documents
    assert sentences(old, copy.deepcopy(old), "de") == []
    back = [text for _, text in sentences(new, old, "de")]
    assert "Kanal TikTok entfernt" in back
    assert "Hauptverantwortung wechselt von Service-Team zu Marko K." in back
    assert "Ziel „Kundenbindung deutlich stärken“: KPI „Wiederkaufrate“: Zielwert 45 → 42" in back
    assert "Ziel „Kundenbindung deutlich stärken“: KPI „Wiederkaufrate“, Messwert vom 31.03.2027 entfernt" in back


def test_the_page_compares_two_versions_and_the_approved_one_with_now(example_plan, people, clients):
    first = version_freeze(plan=example_plan, user=people["lead"])
    version_approve(version=first, user=people["executive"], open_comments=0)
    # The lead edits the plan: a KPI's target, a channel in phase 2, the owner.
    KPI.objects.filter(goal__plan=example_plan, name="Wiederkaufrate").update(target=40)
    PlanChannel.objects.create(plan=example_plan, channel=Channel.objects.get(slug="tiktok"), phase=2)
    Role.objects.filter(plan=example_plan).update(is_owner=False)
    Role.objects.filter(plan=example_plan, person="Service-Team").update(is_owner=True)
    second = version_freeze(plan=example_plan, user=people["lead"])
    assert second.number == 2
    expected = (
        "Ziel „Kundenbindung stärken“: KPI „Wiederkaufrate“: Zielwert 42 → 40",
        "Kanal TikTok in Phase 2 hinzugefügt",
        "Hauptverantwortung wechselt von Marko K. zu Service-Team",
    )

    url = reverse("reports:changes", args=[example_plan.pk])
    for query in ("?old=1&new=2", "", "?old=1&new=current"):  # by default: the approved version with now
        page = clients["executive"].get(url + query).content.decode()
        assert "3 Änderungen" in page, query
        for line in expected:
            assert line in page, (query, line)
    assert "Keine Änderungen." in clients["executive"].get(url + "?old=2&new=current").content.decode()

    # The review page's short summary of version 2 links to the same comparison.
    summary_link = f'{url}?old=1&amp;new=2">{second.change_summary}</a>'
    from signoff.models import ReviewRequest

    ReviewRequest.objects.create(plan=example_plan, version=second, requested_by=people["lead"])
    assert summary_link in clients["executive"].get(reverse("signoff:review", args=[example_plan.pk])).content.decode()
    assert second.change_summary  # e.g. "1 KPI geändert, 1 Kanal hinzugefügt, ..."


def test_a_version_of_another_plan_cannot_be_compared(example_plan, people, clients):
    version_freeze(plan=example_plan, user=people["lead"])
    response = clients["stranger"].get(reverse("reports:changes", args=[example_plan.pk]) + "?old=1&new=current")
    assert response.status_code == 404
    response = clients["lead"].get(reverse("reports:changes", args=[example_plan.pk]) + "?old=7&new=current")
    assert response.status_code == 404
