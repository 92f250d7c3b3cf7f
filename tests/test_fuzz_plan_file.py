"""Fuzzing the plan file: ``parse_document`` refuses anything that is not a valid plan file with one
line per problem and never raises anything else; whatever it accepts imports (``plan_import``),
exports to a file that imports again, and goes through the plan check (``plan_check``) without an
error, both as the parsed document and as the stored plan the pages show. The same through the
upload page: a plan or a page of problems, never a 5xx, and no plan from a refused file."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from checklists.check import plan_check
from checklists.models import Channel, ChecklistItem
from planner.models import Plan
from planner.plan_file import PlanFileError, document_dumps, parse_document, plan_import, plan_to_document
from tests.strategies import mutated_documents, plan_documents, raw_files
from tests.support import examples, rolled_back

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(channels) -> tuple[list[str], list[str]]:
    return sorted(channels), sorted(ChecklistItem.objects.values_list("slug", flat=True))


def accepted_or_refused(raw: bytes | str):
    """The parsed document, or None when refused with at least one readable problem line."""
    try:
        return parse_document(raw)
    except PlanFileError as error:
        assert error.problems, "refused without a problem"
        assert all(isinstance(line, str) and line.strip() for line in error.problems)
        return None


def assert_the_plan_holds(document, organization, user) -> None:
    """An accepted document: checked, imported, its pages' check and a round trip through the file."""
    plan_check(document.model_dump(mode="json"))
    with rolled_back():
        plan = plan_import(document=document, organization=organization, user=user)
        stored = plan_to_document(plan.pk)
        plan_check(stored)  # what the plan page and every wizard step compute
        again = parse_document(document_dumps(stored))  # the export imports again
        assert again.plan.title == document.plan.title


def kpi_plan(*, start: str, baseline, target, due: str, metric: str = "followers", horizon: int = 12) -> str:
    kpi = {"name": "K", "metric": metric, "baseline": baseline, "target": target, "due": due}
    goal = {"key": "g", "category": "sales", "title": "Ziel", "kpis": [kpi]}
    plan = {"title": "Grenzfall", "start_date": start, "horizon_months": horizon, "goals": [goal]}
    return json.dumps({"format": "social-media-strategy-plan", "version": 1, "plan": plan})


# The tester's plan that answered 500 forever: a KPI from 1 to 100,000,000,000 due one day after the start.
HUGE_GROWTH_IN_A_DAY = kpi_plan(start="2027-01-01", baseline=1, target=100_000_000_000, due="2027-01-02")
# The far end of the calendar the format allows, with a sales KPI (the early-sales rule) and a long horizon.
LAST_DAY_CONVERSIONS = kpi_plan(
    start="2199-12-31", baseline=0, target=10**12, due="2199-12-31", metric="conversions", horizon=60
)
FIRST_DAY_REACH = kpi_plan(start="1900-01-01", baseline=-(10**12), target=10**12, due="1900-01-01", metric="reach")


EXTREMES = pytest.mark.parametrize(
    "raw",
    [HUGE_GROWTH_IN_A_DAY, LAST_DAY_CONVERSIONS, FIRST_DAY_REACH],
    ids=["x1e11-in-a-day", "last-day-conversions", "first-day-reach"],
)


@EXTREMES
def test_an_extreme_but_valid_document_is_accepted_checked_imported_and_exported(catalogue, organization, lead, raw):
    document = accepted_or_refused(raw)
    assert document is not None
    assert_the_plan_holds(document, organization, lead)


@settings(max_examples=examples(ci=25))
@given(data=st.data())
def test_every_document_within_the_limits_is_accepted_checked_imported_and_exported(
    catalogue, organization, lead, data
):
    raw = json.dumps(data.draw(plan_documents(*catalogue), label="document"))
    document = accepted_or_refused(raw)
    assert document is not None, "a document within the limits was refused"
    assert_the_plan_holds(document, organization, lead)


@settings(max_examples=examples(ci=40))
@given(data=st.data())
def test_a_nearly_valid_document_is_refused_with_its_problems_or_holds(catalogue, organization, lead, data):
    raw = data.draw(mutated_documents(*catalogue), label="file")
    document = accepted_or_refused(raw)
    if document is not None:
        assert_the_plan_holds(document, organization, lead)


@settings(max_examples=examples(ci=30))
@given(raw=raw_files())
def test_bytes_that_are_no_plan_file_are_refused_with_a_problem(raw):
    assert accepted_or_refused(raw) is None


@EXTREMES
def test_an_extreme_but_valid_plan_opens_in_the_planner(catalogue, lead_client, organization, raw):
    upload = SimpleUploadedFile("plan.json", raw.encode(), "application/json")
    response = lead_client.post(reverse("planner:plan_import"), {"organization": organization.pk, "file": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    plan = Plan.objects.get()
    assert lead_client.get(reverse("planner:plan", args=[plan.pk])).status_code == 200
    for step in ("goals", "roadmap", "checklist"):
        assert lead_client.get(reverse("planner:step", args=[plan.pk, step])).status_code == 200


@settings(max_examples=examples(ci=12))
@given(data=st.data())
def test_an_uploaded_file_gives_a_plan_or_its_problems_never_a_5xx(catalogue, organization, lead, data):
    raw = data.draw(st.one_of(mutated_documents(*catalogue), raw_files()), label="file")
    raw = raw.encode() if isinstance(raw, str) else raw
    target = data.draw(st.sampled_from([organization.pk, "", "0", "-1", "x\x00", "9" * 30]), label="organization")
    client = Client()
    client.force_login(lead)
    with rolled_back():
        plans = Plan.objects.count()
        upload = SimpleUploadedFile(
            data.draw(st.sampled_from(["plan.json", "x" * 300, "\u202eosj.exe", "..json"])), raw
        )
        response = client.post(reverse("planner:plan_import"), {"organization": target, "file": upload})
        assert response.status_code in (302, 400), response.status_code
        if response.status_code == 302:
            plan = Plan.objects.latest("pk")
            assert client.get(reverse("planner:plan", args=[plan.pk])).status_code == 200
            parse_document(document_dumps(plan_to_document(plan.pk)))
        else:
            assert Plan.objects.count() == plans
            page = response.content.decode()
            assert "alert" in page or "is-invalid" in page, "refused without saying why"


def test_the_generated_plans_name_real_channels_and_checklist_items(catalogue):
    """Else the fuzzing would never reach the channel and checklist rules."""
    channels, items = catalogue
    assert "linkedin" in channels
    assert items
    assert Channel.objects.filter(slug__in=channels).count() == len(channels)
