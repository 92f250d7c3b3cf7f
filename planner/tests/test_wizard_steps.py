"""Every wizard step after the basics: a valid save, an invalid save that keeps the input,
and the saved input in the plan file."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from checklists.models import GuidelineTemplate
from planner.models import ContentTheme, Milestone, PlanChannel, Role, StepDraft, TargetGroup
from planner.plan_file import plan_to_document
from tests.factories import GoalFactory

pytestmark = pytest.mark.django_db


def step_url(plan, step):
    return reverse("planner:step", args=[plan.pk, step])


def rows_post(plan, prefix, rows, nav="stay", **fields):
    data = {"revision": plan.revision, "nav": nav, f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": 0}
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{i}-{key}"] = value
    return {**data, **fields}


def document(plan):
    return plan_to_document(plan)["plan"]


def assert_refused_and_kept(response, plan, step, *typed):
    page = response.content.decode()
    assert response.status_code == 200
    for text in typed:
        assert text in page, text
    assert "is-invalid" in page or "alert-danger" in page
    assert StepDraft.objects.filter(plan=plan, step=step).exists()


# --- situation -------------------------------------------------------------------------

SITUATION = {
    "strengths": "Schneller Versand\nOptiker im Service",
    "weaknesses": "Kaum Bekanntheit",
    "opportunities": "Kunden fragen online",
    "threats": "Preisvergleich",
}


def test_situation_is_saved_as_lists_with_competitors(lead_client, plan):
    data = rows_post(plan, "competitors", [{"name": "Lensbest", "notes": "aktiv auf Instagram"}], **SITUATION)
    assert lead_client.post(step_url(plan, "situation"), data).status_code == 302
    situation = document(plan)["situation"]
    assert situation["strengths"] == ["Schneller Versand", "Optiker im Service"]
    assert situation["threats"] == ["Preisvergleich"]
    assert situation["competitors"] == [{"name": "Lensbest", "notes": "aktiv auf Instagram"}]


def test_invalid_situation_keeps_the_input(lead_client, plan):
    data = rows_post(plan, "competitors", [{"name": "Lensbest", "notes": "x" * 5, "id": "nope"}], **SITUATION)
    response = lead_client.post(step_url(plan, "situation"), data)
    assert_refused_and_kept(response, plan, "situation", "Schneller Versand", "Lensbest")
    plan.refresh_from_db()
    assert plan.strengths == []


# --- target groups ---------------------------------------------------------------------

GROUP = {
    "name": "Bestandskunden",
    "priority": "1",
    "description": "Kaufen regelmäßig",
    "needs": "Pflegetipps",
    "creators": "5",
    "critics": "30",
    "spectators": "70",
}


def test_target_group_with_technographics_is_saved_with_a_key(lead_client, plan):
    assert lead_client.post(step_url(plan, "target-groups"), rows_post(plan, "groups", [GROUP])).status_code == 302
    group = TargetGroup.objects.get()
    assert group.key == "bestandskunden"
    [exported] = document(plan)["target_groups"]
    assert exported["technographics"] == {"creators": 5, "critics": 30, "spectators": 70}
    assert exported["needs"] == "Pflegetipps"


def test_invalid_target_group_keeps_the_input(lead_client, plan):
    response = lead_client.post(
        step_url(plan, "target-groups"), rows_post(plan, "groups", [{**GROUP, "critics": "130"}])
    )
    assert_refused_and_kept(response, plan, "target-groups", 'value="Bestandskunden"', 'value="130"')
    assert not TargetGroup.objects.exists()


def test_the_step_explains_each_technographics_rung(lead_client, plan):
    TargetGroup.objects.create(plan=plan, key="bestand", name="Bestandskunden")
    page = lead_client.get(step_url(plan, "target-groups")).content.decode()
    assert "Social-Technographics-Profil" in page
    assert page.count("form-text") >= 7


# --- channels --------------------------------------------------------------------------


@pytest.fixture
def group(plan):
    return TargetGroup.objects.create(plan=plan, key="bestand", name="Bestandskunden")


def channel_row(channels, group, goal, **overrides):
    row = {
        "channel": channels["facebook"].pk,
        "phase": "1",
        "purpose": "Service und Dialog",
        "posts_per_week": "3",
        "dialogue": "on",
        "target_groups": [group.pk],
        "goals": [goal.pk],
    }
    return {**row, **overrides}


def test_channel_with_target_groups_goals_and_phase(lead_client, plan, channels, group):
    goal = GoalFactory(plan=plan, key="bindung")
    response = lead_client.post(
        step_url(plan, "channels"), rows_post(plan, "channels", [channel_row(channels, group, goal)])
    )
    assert response.status_code == 302
    [exported] = document(plan)["channels"]
    assert exported == {
        "channel": "facebook",
        "purpose": "Service und Dialog",
        "dialogue": True,
        "target_groups": ["bestand"],
        "goals": ["bindung"],
        "posts_per_week": 3,
        "phase": 1,
    }


def test_invalid_channel_keeps_the_input(lead_client, plan, channels, group):
    goal = GoalFactory(plan=plan)
    row = channel_row(channels, group, goal, posts_per_week="500", purpose="Zu viel")
    response = lead_client.post(step_url(plan, "channels"), rows_post(plan, "channels", [row]))
    assert_refused_and_kept(response, plan, "channels", "Zu viel", 'value="500"')
    assert not PlanChannel.objects.exists()


def test_a_channel_cannot_serve_another_plans_target_group(lead_client, plan, channels, group):
    from tests.factories import PlanFactory

    foreign = TargetGroup.objects.create(plan=PlanFactory(), name="Fremd")
    goal = GoalFactory(plan=plan)
    row = channel_row(channels, group, goal, target_groups=[foreign.pk])
    response = lead_client.post(step_url(plan, "channels"), rows_post(plan, "channels", [row]))
    assert response.status_code == 200
    assert not PlanChannel.objects.exists()


# --- content ---------------------------------------------------------------------------


def theme_row(channels, group, **overrides):
    row = {
        "title": "Pflege-ABC",
        "kind": "educational",
        "description": "Tipps unserer Optiker",
        "target_groups": [group.pk],
        "channels": [channels["blog"].pk, channels["youtube"].pk],
        "formats": "Artikel\nVideo",
        "expert_source": "Optikermeisterin",
    }
    return {**row, **overrides}


def test_content_themes_and_off_limits_are_saved_and_the_mix_shown(lead_client, plan, channels, group):
    for slug in ("blog", "youtube"):
        PlanChannel.objects.create(plan=plan, channel=channels[slug])
    rows = [theme_row(channels, group), theme_row(channels, group, title="Aktion", kind="promotional")]
    data = rows_post(plan, "themes", rows, off_limits="Umsatzzahlen\nInterne Strategie")
    assert lead_client.post(step_url(plan, "content"), data).status_code == 302
    body = document(plan)
    assert body["off_limits"] == ["Umsatzzahlen", "Interne Strategie"]
    assert body["content_themes"][0] == {
        "title": "Pflege-ABC",
        "description": "Tipps unserer Optiker",
        "kind": "educational",
        "target_groups": ["bestand"],
        "channels": ["blog", "youtube"],
        "formats": ["Artikel", "Video"],
        "expert_source": "Optikermeisterin",
    }
    page = lead_client.get(step_url(plan, "content")).content.decode()
    assert "50%" in page and "mix-promotional" in page


def test_a_content_theme_offers_only_the_plans_own_channels(lead_client, plan, channels, group):
    PlanChannel.objects.create(plan=plan, channel=channels["blog"])
    data = rows_post(plan, "themes", [theme_row(channels, group)], off_limits="Umsatz")
    page = lead_client.get(
        reverse("planner:step_row", args=[plan.pk, "content"]), {"prefix": "themes", "themes-TOTAL_FORMS": 0}
    )
    offered = page.content.decode()
    assert channels["blog"].name in offered and channels["youtube"].name not in offered
    response = lead_client.post(step_url(plan, "content"), data)  # YouTube is not one of the plan's channels
    assert response.status_code == 200
    assert not ContentTheme.objects.exists()


def test_invalid_content_theme_keeps_the_input(lead_client, plan, channels, group):
    data = rows_post(plan, "themes", [theme_row(channels, group, title="", kind="werbung")], off_limits="Umsatz")
    response = lead_client.post(step_url(plan, "content"), data)
    assert_refused_and_kept(response, plan, "content", "Tipps unserer Optiker", "Umsatz")
    assert not ContentTheme.objects.exists()


# --- roles -----------------------------------------------------------------------------

OWNER = {"person": "Marko", "title": "Social Media Manager", "responsibilities": "Redaktion", "hours_per_week": "20"}
HELPER = {"person": "Swetlana", "title": "Geschäftsführung", "responsibilities": "Freigaben", "hours_per_week": "2"}


def test_roles_with_exactly_one_owner(lead_client, plan):
    data = rows_post(plan, "roles", [{**OWNER, "is_owner": "on"}, HELPER])
    assert lead_client.post(step_url(plan, "roles"), data).status_code == 302
    roles = document(plan)["roles"]
    assert [(r["person"], r["is_owner"], r["hours_per_week"]) for r in roles] == [
        ("Marko", True, 20),
        ("Swetlana", False, 2),
    ]


@pytest.mark.parametrize("owners", [0, 2])
def test_roles_without_exactly_one_owner_are_refused_and_kept(lead_client, plan, owners):
    rows = [
        {**OWNER, **({"is_owner": "on"} if owners else {})},
        {**HELPER, **({"is_owner": "on"} if owners > 1 else {})},
    ]
    response = lead_client.post(step_url(plan, "roles"), rows_post(plan, "roles", rows))
    assert_refused_and_kept(response, plan, "roles", 'value="Marko"', 'value="Swetlana"')
    assert "Markieren Sie genau eine Person als hauptverantwortlich" in response.content.decode()
    assert not Role.objects.exists()


# --- guidelines ------------------------------------------------------------------------


def test_guidelines_are_saved(lead_client, plan):
    data = rows_post(plan, "guidelines", [{"topic": "Tonalität", "text": "Wir duzen."}])
    assert lead_client.post(step_url(plan, "guidelines"), data).status_code == 302
    assert document(plan)["guidelines"] == [{"topic": "Tonalität", "text": "Wir duzen."}]


def test_invalid_guideline_keeps_the_input(lead_client, plan):
    data = rows_post(plan, "guidelines", [{"topic": "", "text": "Text ohne Thema"}])
    response = lead_client.post(step_url(plan, "guidelines"), data)
    assert_refused_and_kept(response, plan, "guidelines", "Text ohne Thema")


def test_guideline_templates_are_offered(lead_client, plan):
    GuidelineTemplate.objects.create(slug="tone", topic="Tonalität", text="Freundlich und auf Augenhöhe.", order=1)
    GuidelineTemplate.objects.create(slug="old", topic="Veraltet", text="-", active=False)
    page = lead_client.get(step_url(plan, "guidelines")).content.decode()
    assert '"template": "tone"' in page and "+ Tonalität" in page
    assert "Veraltet" not in page


# --- roadmap ---------------------------------------------------------------------------

MILESTONE = {"title": "Zuhören", "phase": "0", "start": "2027-01-01", "end": "2027-03-31"}


def test_milestones_are_saved(lead_client, plan):
    assert lead_client.post(step_url(plan, "roadmap"), rows_post(plan, "milestones", [MILESTONE])).status_code == 302
    assert document(plan)["milestones"] == [
        {"title": "Zuhören", "phase": 0, "start": "2027-01-01", "end": "2027-03-31"}
    ]


def test_a_milestone_ending_before_it_starts_is_refused_and_kept(lead_client, plan):
    row = {**MILESTONE, "end": "2026-12-01"}
    response = lead_client.post(step_url(plan, "roadmap"), rows_post(plan, "milestones", [row]))
    assert_refused_and_kept(response, plan, "roadmap", 'value="Zuhören"', 'value="2026-12-01"')
    assert not Milestone.objects.exists()


# --- resources and review --------------------------------------------------------------

RESOURCES = {
    "staff_hours_per_week": "31",
    "paid_media_budget_eur": "6000",
    "tools_budget_eur": "1200.50",
    "review_cadence_months": "6",
    "review_report_to": "Geschäftsführung",
}


def test_resources_and_review_are_saved(lead_client, plan):
    data = {"revision": plan.revision, "nav": "finish", **RESOURCES}
    response = lead_client.post(step_url(plan, "resources"), data)
    assert response.url == reverse("planner:plan", args=[plan.pk])
    plan.refresh_from_db()
    assert plan.tools_budget_eur == Decimal("1200.50")
    body = document(plan)
    assert body["resources"] == {"staff_hours_per_week": 31, "paid_media_budget_eur": 6000, "tools_budget_eur": 1200.5}
    assert body["review"] == {"cadence_months": 6, "report_to": "Geschäftsführung"}


def test_invalid_resources_keep_the_input(lead_client, plan):
    data = {"revision": plan.revision, "nav": "stay", **RESOURCES, "review_cadence_months": "36"}
    response = lead_client.post(step_url(plan, "resources"), data)
    assert_refused_and_kept(response, plan, "resources", 'value="Geschäftsführung"', 'value="36"')
    plan.refresh_from_db()
    assert plan.review_cadence_months is None


# --- every step ------------------------------------------------------------------------


def test_every_step_of_a_complete_plan_renders_its_saved_parts(lead_client, example_plan):
    expected = {
        "basics": example_plan.title,
        "situation": example_plan.strengths[0],
        "goals": example_plan.goals.first().title,
        "target-groups": example_plan.target_groups.first().name,
        "channels": example_plan.channels.first().purpose,
        "content": example_plan.content_themes.first().title,
        "roles": example_plan.roles.first().person,
        "guidelines": example_plan.guidelines.first().topic,
        "roadmap": example_plan.milestones.first().title,
        "resources": example_plan.review_report_to,
    }
    for step, text in expected.items():
        page = lead_client.get(step_url(example_plan, step)).content.decode()
        assert text in page, step


def test_saving_an_unchanged_complete_plan_changes_nothing_in_its_file(lead_client, example_plan):
    from planner.steps import STEPS

    before = plan_to_document(example_plan)
    for step in STEPS:
        page = lead_client.get(step_url(example_plan, step.slug))
        data = _form_data(page.content.decode())
        response = lead_client.post(step_url(example_plan, step.slug), {**data, "nav": "stay"})
        assert response.status_code == 302, (step.slug, response.content.decode()[:3000])
    assert plan_to_document(example_plan) == before


def _form_data(html: str) -> dict:
    """The values a browser would submit from the step form (inputs, checked boxes, selects, textareas)."""
    from html.parser import HTMLParser

    class Parser(HTMLParser):
        def __init__(self):
            super().__init__()
            self.data: dict[str, list[str]] = {}
            self.in_form = self.in_template = False
            self.select = self.textarea = None
            self.text = ""

        def add(self, name, value):
            self.data.setdefault(name, []).append(value)

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "form" and a.get("id") == "step-form":
                self.in_form = True
            if not self.in_form:
                return
            if tag == "template":
                self.in_template = True
            if self.in_template or not a.get("name"):
                if tag == "option" and self.select and "selected" in a:
                    self.add(self.select, a.get("value", ""))
                return
            if tag == "input":
                kind = a.get("type", "text")
                if kind in ("submit", "button"):
                    return
                if kind in ("checkbox", "radio") and "checked" not in a:
                    return
                self.add(a["name"], a.get("value", "on" if kind == "checkbox" else ""))
            elif tag == "select":
                self.select = a["name"]
            elif tag == "textarea":
                self.textarea, self.text = a["name"], ""

        def handle_endtag(self, tag):
            if tag == "template":
                self.in_template = False
            elif tag == "select":
                self.select = None
            elif tag == "textarea" and self.textarea:
                self.add(self.textarea, self.text.removeprefix("\n"))
                self.textarea = None
            elif tag == "form":
                self.in_form = False

        def handle_data(self, data):
            if self.textarea:
                self.text += data

    parser = Parser()
    parser.convert_charrefs = True
    parser.feed(html)
    return {k: v if len(v) > 1 else v[0] for k, v in parser.data.items()}


def test_the_rollout_phases_are_told_apart(lead_client, plan, channels):
    row = reverse("planner:step_row", args=[plan.pk, "roadmap"])
    page = lead_client.get(row, {"prefix": "milestones", "milestones-TOTAL_FORMS": 0}).content.decode()
    assert "2 – Ausbau, Stufe 1" in page and "9 – Ausbau, Stufe 8" in page
    labels = re.findall(r'<option value="\d"[^>]*>([^<]+)</option>', page)
    assert len(labels) == len(set(labels)) == 10
