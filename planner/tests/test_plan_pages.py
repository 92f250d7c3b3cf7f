"""The plan overview, the dashboard, upload and download, templates, duplicate and archive."""

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from planner.models import Plan, TargetGroup
from planner.plan_file import MAX_BYTES, plan_to_document
from tests.factories import EXAMPLE, PASSWORD, PlanFactory

pytestmark = pytest.mark.django_db


def test_the_overview_shows_every_part_of_the_plan(lead_client, example_plan):
    page = lead_client.get(reverse("planner:plan", args=[example_plan.pk])).content.decode()
    for text in [
        example_plan.summary[:30],
        example_plan.strengths[0],
        example_plan.competitors.first().name,
        example_plan.goals.first().title,
        example_plan.goals.first().kpis.first().name,
        example_plan.target_groups.first().name,
        example_plan.channels.first().purpose,
        example_plan.content_themes.first().title,
        example_plan.off_limits[0],
        example_plan.roles.first().person,
        example_plan.guidelines.first().topic,
        example_plan.milestones.first().title,
        example_plan.review_report_to,
    ]:
        assert text in page, text


def test_the_executive_reads_the_overview_without_edit_buttons(client, executive, example_plan):
    client.login(username=executive.username, password=PASSWORD)
    page = client.get(reverse("planner:plan", args=[example_plan.pk])).content.decode()
    assert example_plan.title in page
    assert reverse("planner:plan_duplicate", args=[example_plan.pk]) not in page
    assert client.post(reverse("planner:plan_duplicate", args=[example_plan.pk])).status_code == 403


def test_dashboard_shows_status_last_change_and_completeness(lead_client, example_plan):
    page = lead_client.get(reverse("planner:dashboard")).content.decode()
    assert example_plan.title in page
    assert "Entwurf" in page
    # Ten of the eleven steps are complete; the example plan answers no checklist item yet.
    assert 'aria-valuenow="91"' in page


def test_download_gives_the_plan_file(lead_client, example_plan):
    response = lead_client.get(reverse("planner:plan_export", args=[example_plan.pk]))
    assert response["Content-Disposition"].startswith("attachment;")
    assert json.loads(response.content) == json.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_stranger_cannot_download(stranger_client, plan):
    assert stranger_client.get(reverse("planner:plan_export", args=[plan.pk])).status_code == 404


def test_upload_imports_into_the_chosen_organization(lead_client, organization, channels):
    upload = SimpleUploadedFile("plan.json", EXAMPLE.read_bytes(), content_type="application/json")
    response = lead_client.post(reverse("planner:plan_import"), {"organization": organization.pk, "file": upload})
    plan = Plan.objects.get()
    assert response.url == reverse("planner:plan", args=[plan.pk])
    assert plan.organization == organization
    assert plan_to_document(plan) == json.loads(EXAMPLE.read_text(encoding="utf-8"))


def upload_with_problems(client, organization, **headers):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["plan"]["horizon_months"] = 99
    document["plan"]["roles"][0]["is_owner"] = "ja"
    upload = SimpleUploadedFile("plan.json", json.dumps(document).encode(), content_type="application/json")
    return client.post(reverse("planner:plan_import"), {"organization": organization.pk, "file": upload}, **headers)


def test_an_invalid_upload_lists_the_problems_in_the_pages_language_and_imports_nothing(
    lead_client, organization, channels
):
    response = upload_with_problems(lead_client, organization)
    page = response.content.decode()
    assert response.status_code == 400
    assert "plan.horizon_months: darf höchstens 60 sein" in page
    assert "plan.roles[0].is_owner: muss true oder false sein" in page
    assert "must be" not in page
    assert not Plan.objects.exists()


def test_an_english_page_lists_the_problems_in_english(lead_client, organization, channels):
    page = upload_with_problems(lead_client, organization, headers={"accept-language": "en"}).content.decode()
    assert "plan.horizon_months: must be at most 60" in page
    assert "plan.roles[0].is_owner: must be true or false" in page


def test_an_upload_over_2_mb_is_refused_unread(lead_client, organization, channels):
    upload = SimpleUploadedFile("big.json", b" " * (MAX_BYTES + 1), content_type="application/json")
    response = lead_client.post(reverse("planner:plan_import"), {"organization": organization.pk, "file": upload})
    assert response.status_code == 400
    assert "2 MB" in response.content.decode()
    assert not Plan.objects.exists()


def test_upload_into_a_strangers_organization_is_refused(lead_client, stranger, channels):
    upload = SimpleUploadedFile("plan.json", EXAMPLE.read_bytes(), content_type="application/json")
    foreign = stranger.memberships.get().organization
    response = lead_client.post(reverse("planner:plan_import"), {"organization": foreign.pk, "file": upload})
    assert response.status_code == 400
    assert not Plan.objects.exists()


@pytest.mark.parametrize(
    ("template", "language"),
    [
        ("kontaktlinsen-versand", "de"),
        ("it-dienstleister-b2b", "de"),
        ("contact-lens-mail-order", "en"),
        ("it-service-provider-b2b", "en"),
    ],
)
def test_new_plan_from_a_template(lead_client, organization, channels, template, language):
    page = lead_client.get(reverse("planner:plan_create")).content.decode()
    assert f'value="{template}"' in page
    response = lead_client.post(
        reverse("planner:plan_from_template"), {"template": template, "organization": organization.pk}
    )
    plan = Plan.objects.get()
    assert response.url == reverse("planner:step", args=[plan.pk, "basics"])
    assert plan.organization == organization and plan.language == language
    assert plan.goals.exists() and plan.channels.exists()


def test_the_templates_in_the_users_language_come_first(lead_client):
    german = lead_client.get(reverse("planner:plan_create")).content.decode()
    english = lead_client.get(reverse("planner:plan_create"), headers={"accept-language": "en"}).content.decode()
    first = lambda page: re.search(r'name="template" value="([\w-]+)"', page).group(1)  # noqa: E731
    assert first(german) in ("kontaktlinsen-versand", "it-dienstleister-b2b")
    assert first(english) in ("contact-lens-mail-order", "it-service-provider-b2b")
    assert "· English" in english and "· Deutsch" in german


def test_an_archived_plan_says_so_and_offers_the_undo(lead_client, plan):
    lead_client.post(reverse("planner:plan_archive", args=[plan.pk]))
    page = lead_client.get(reverse("planner:plan", args=[plan.pk])).content.decode()
    assert "Dieser Plan ist archiviert" in page and "Rückgängig: Plan wiederherstellen" in page
    lead_client.post(reverse("planner:plan_archive", args=[plan.pk]))  # the undo button's form
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT
    assert "Dieser Plan ist archiviert" not in lead_client.get(reverse("planner:plan", args=[plan.pk])).content.decode()


def test_duplicate_copies_every_part(lead_client, example_plan):
    response = lead_client.post(reverse("planner:plan_duplicate", args=[example_plan.pk]))
    copy = Plan.objects.exclude(pk=example_plan.pk).get()
    assert response.url == reverse("planner:plan", args=[copy.pk])
    original, copied = plan_to_document(example_plan)["plan"], plan_to_document(copy)["plan"]
    assert copied.pop("title").endswith(original.pop("title"))
    assert copied == original


def test_archive_hides_the_plan_from_the_dashboard_and_restore_brings_it_back(lead_client, plan):
    url = reverse("planner:plan_archive", args=[plan.pk])
    lead_client.post(url)
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ARCHIVED
    assert plan.title not in lead_client.get(reverse("planner:dashboard")).content.decode()
    assert plan.title in lead_client.get(reverse("planner:dashboard") + "?archived=1").content.decode()
    lead_client.post(url)
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT


def test_stranger_cannot_duplicate_or_archive(stranger_client, plan):
    assert stranger_client.post(reverse("planner:plan_duplicate", args=[plan.pk])).status_code == 404
    assert stranger_client.post(reverse("planner:plan_archive", args=[plan.pk])).status_code == 404
    assert Plan.objects.count() == 1


def test_why_speaks_the_users_language_not_the_plans(lead_client, organization):
    plan = PlanFactory(organization=organization, language="en")
    page = lead_client.get(reverse("planner:step", args=[plan.pk, "roles"])).content.decode()
    assert "Social Media macht man nicht nebenbei" in page
    assert "Social media is not done on the side" not in page
    english = lead_client.get(reverse("planner:step", args=[plan.pk, "roles"]), headers={"accept-language": "en"})
    assert "Social media is not done on the side" in english.content.decode()


def test_needs_written_one_per_line_are_listed_on_the_overview(lead_client, plan):
    TargetGroup.objects.create(plan=plan, name="Einsteiger", needs="Vertrauen\nErklärungen\n- Schnelle Hilfe")
    page = lead_client.get(reverse("planner:plan", args=[plan.pk])).content.decode()
    assert "<li>Vertrauen</li><li>Erklärungen</li><li>Schnelle Hilfe</li>" in page


def test_the_plan_check_beside_the_form_says_what_it_describes(lead_client, plan):
    url = reverse("planner:step", args=[plan.pk, "resources"])
    assert "Zuletzt gespeichert:" in lead_client.get(url).content.decode()
    invalid = lead_client.post(url, {"revision": plan.revision, "nav": "stay", "staff_hours_per_week": "viel"})
    page = invalid.content.decode()
    assert "Sie beschreibt den gespeicherten Plan, nicht die ungespeicherten Eingaben im Formular." in page
    assert "Zuletzt gespeichert:" not in page


def test_each_wizard_step_has_its_own_heading(lead_client, plan):
    for step in ("basics", "goals", "checklist"):
        page = lead_client.get(reverse("planner:step", args=[plan.pk, step])).content.decode()
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1).strip()
        assert heading == {"basics": "Grundlagen", "goals": "Ziele und KPIs", "checklist": "Checkliste"}[step]
