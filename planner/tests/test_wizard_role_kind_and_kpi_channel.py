"""The wizard edits the format's new keys: a role's kind, pre-filled from its job title and overridden
by the user's pick, and the channel a KPI is measured on, chosen from the plan's own channels."""

import re

import pytest

from planner.models import KPI, Role
from planner.plan_file import plan_to_document

from .test_wizard_steps import _form_data, step_url

pytestmark = pytest.mark.django_db


def form_of(client, plan, step) -> dict:
    return _form_data(client.get(step_url(plan, step)).content.decode())


def selected(html: str, name: str) -> str:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.search(r'<option value="([^"]*)"[^>]*selected', select).group(1)


def options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [label.strip() for label in re.findall(r"<option[^>]*>([^<]*)</option>", select)]


def save(client, plan, step, data) -> None:
    plan.refresh_from_db()
    response = client.post(step_url(plan, step), {**data, "revision": plan.revision, "nav": "stay"})
    assert response.status_code == 302, response.content.decode()[:2000]


# --- the kind of a role ------------------------------------------------------------------------------


def test_the_kind_is_pre_filled_from_the_job_title(lead_client, example_plan):
    html = lead_client.get(step_url(example_plan, "roles")).content.decode()
    assert selected(html, "roles-0-kind") == "staff"  # Leiter Kommunikation
    assert selected(html, "roles-2-kind") == "management"  # Geschäftsführung
    assert "Aus der Funktion vorbelegt" in html


def test_saving_the_pre_filled_kind_keeps_reading_the_title(lead_client, example_plan):
    save(lead_client, example_plan, "roles", form_of(lead_client, example_plan, "roles"))
    assert set(Role.objects.filter(plan=example_plan).values_list("kind", flat=True)) == {""}
    data = form_of(lead_client, example_plan, "roles")
    data["roles-0-title"] = "Werkstudentin Social Media"  # the select still shows "employee"
    save(lead_client, example_plan, "roles", data)
    assert Role.objects.get(plan=example_plan, person="Marko K.").kind == ""
    page = lead_client.get(step_url(example_plan, "roles")).content.decode()
    assert 'data-code="owner_is_intern"' in page


def test_the_users_pick_overrides_the_title(lead_client, example_plan):
    data = form_of(lead_client, example_plan, "roles")
    data["roles-0-kind"] = "external"
    save(lead_client, example_plan, "roles", data)
    assert Role.objects.get(plan=example_plan, person="Marko K.").kind == "external"
    assert plan_to_document(example_plan)["plan"]["roles"][0]["kind"] == "external"
    page = lead_client.get(step_url(example_plan, "roles")).content.decode()
    assert selected(page, "roles-0-kind") == "external"
    assert 'data-code="agency_owns_it"' in page


def test_a_picked_kind_can_be_given_back_to_the_title(lead_client, example_plan):
    Role.objects.filter(plan=example_plan, person="Marko K.").update(kind="trainee")
    data = form_of(lead_client, example_plan, "roles")
    data["roles-0-kind"] = ""
    save(lead_client, example_plan, "roles", data)
    assert Role.objects.get(plan=example_plan, person="Marko K.").kind == ""


def test_an_english_plans_intern_is_pre_filled_as_trainee(lead_client, example_plan):
    example_plan.language = "en"
    example_plan.save()
    Role.objects.filter(plan=example_plan, person="Marko K.").update(title="Social media intern")
    html = lead_client.get(step_url(example_plan, "roles")).content.decode()
    assert selected(html, "roles-0-kind") == "trainee"


# --- the channel of a KPI -----------------------------------------------------------------------------


def test_a_kpi_offers_the_plans_own_channels(lead_client, example_plan):
    html = lead_client.get(step_url(example_plan, "goals")).content.decode()
    assert options(html, "goals-0-kpis-0-channel") == [
        "Kein bestimmter Kanal (allgemeiner Richtwert)",
        "Foren und Communities",
        "Unternehmensblog",
        "Facebook",
        "YouTube",
    ]


def test_the_chosen_channel_is_saved_and_judges_the_kpi(lead_client, example_plan, channels):
    data = form_of(lead_client, example_plan, "goals")
    data["goals-2-kpis-0-channel"] = str(channels["facebook"].pk)
    save(lead_client, example_plan, "goals", data)
    kpi = plan_to_document(example_plan)["plan"]["goals"][2]["kpis"][0]
    assert (kpi["name"], kpi["channel"]) == ("Erwähnungen", "facebook")


def test_a_channel_the_plan_does_not_use_is_refused(lead_client, example_plan, channels):
    data = form_of(lead_client, example_plan, "goals")
    data["goals-2-kpis-0-channel"] = str(channels["tiktok"].pk)
    example_plan.refresh_from_db()
    response = lead_client.post(step_url(example_plan, "goals"), {**data, "revision": example_plan.revision})
    assert response.status_code == 200 and "is-invalid" in response.content.decode()
    assert not KPI.objects.filter(goal__plan=example_plan, channel__isnull=False).exists()


def test_a_kpi_measured_on_a_channel_the_plan_does_not_use_keeps_it_when_saved_unchanged(
    lead_client, example_plan, channels
):
    KPI.objects.filter(goal__plan=example_plan, name="Erwähnungen").update(channel=channels["instagram"])
    save(lead_client, example_plan, "goals", form_of(lead_client, example_plan, "goals"))
    assert KPI.objects.get(goal__plan=example_plan, name="Erwähnungen").channel == channels["instagram"]
