"""Fuzzing the forms outside the wizard's steps: a new plan, a plan from a template, the login, the
language switch, the wizard's "add a row" endpoint and the report request. Each answers with a page
that says what is wrong, a clear refusal, or does what was asked; never a 5xx, and a refused form
writes nothing."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from hypothesis import given, settings
from hypothesis import strategies as st

from checklists.check import plan_check
from planner.models import Plan
from planner.plan_file import document_dumps, parse_document, plan_to_document
from planner.steps import STEPS
from reports.models import Report
from tests.strategies import COUNT_TEXTS, date_texts, number_texts, texts
from tests.support import changed_tables, database_fingerprint, examples, rolled_back

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead_browser(world) -> Client:
    client = Client()
    client.force_login(world.users["lead"])
    return client


def maybe(strategy):
    """A field's value, or the field left out of the POST."""
    return st.one_of(st.none(), strategy)


def without_missing(fields: dict) -> dict:
    return {name: value for name, value in fields.items() if value is not None}


@settings(max_examples=examples(ci=15))
@given(
    fields=st.fixed_dictionaries(
        {
            "title": maybe(texts()),
            "organization": maybe(st.one_of(number_texts(), texts())),
            "language": maybe(st.one_of(st.sampled_from(["de", "en", "fr", ""]), texts())),
            "industry": maybe(texts()),
            "start_date": maybe(date_texts()),
            "horizon_months": maybe(number_texts()),
            "summary": maybe(texts()),
        },
        optional={"extra": texts(), "organization_id": number_texts(), "created_by": number_texts()},
    ),
    own_organization=st.booleans(),
)
def test_a_new_plan_is_created_valid_or_refused_with_errors(world, lead_browser, fields, own_organization):
    if own_organization:
        fields["organization"] = str(world.plan.organization_id)
    with rolled_back():
        plans = set(Plan.objects.values_list("pk", flat=True))
        response = lead_browser.post(reverse("planner:plan_create"), without_missing(fields))
        assert response.status_code in (200, 302), response.status_code
        new = Plan.objects.exclude(pk__in=plans)
        if response.status_code == 302:
            plan = new.get()
            assert plan.organization_id == world.plan.organization_id
            document = plan_to_document(plan.pk)
            parse_document(document_dumps(document))  # a plan made in the wizard is a valid plan file
            plan_check(document)
            assert lead_browser.get(reverse("planner:plan", args=[plan.pk])).status_code == 200
            assert lead_browser.get(reverse("planner:step", args=[plan.pk, "basics"])).status_code == 200
        else:
            assert not new.exists()
            assert "is-invalid" in response.content.decode()


@settings(max_examples=examples(ci=8))
@given(
    template=maybe(
        st.one_of(st.sampled_from(["kontaktlinsen-versand", "it-dienstleister-b2b", "../settings"]), texts())
    ),
    organization=maybe(st.one_of(number_texts(), texts())),
)
def test_a_plan_from_a_template_is_created_or_refused(world, lead_browser, template, organization):
    with rolled_back():
        before = database_fingerprint()
        data = without_missing({"template": template, "organization": organization})
        response = lead_browser.post(reverse("planner:plan_from_template"), data)
        assert response.status_code == 302, response.status_code
        if response["Location"] == reverse("planner:plan_create"):  # refused, with a message
            assert changed_tables(before, database_fingerprint()) == []


@settings(max_examples=examples(ci=10))
@given(username=texts(), password=texts(), following=maybe(texts()))
def test_the_login_form_refuses_anything_without_a_5xx(world, username, password, following):
    with rolled_back():
        response = Client().post(
            reverse("login"), without_missing({"username": username, "password": password, "next": following})
        )
        assert response.status_code == 200, response.status_code
        assert "alert" in response.content.decode() or "is-invalid" in response.content.decode()


@settings(max_examples=examples(ci=10))
@given(language=maybe(texts()), following=maybe(st.one_of(texts(), st.sampled_from(["//evil.example", "/\\evil"]))))
def test_the_language_switch_stays_on_the_site(world, lead_browser, language, following):
    response = lead_browser.post(reverse("set_language"), without_missing({"language": language, "next": following}))
    assert response.status_code in (204, 302)
    if response.status_code == 302:
        assert url_has_allowed_host_and_scheme(response["Location"], allowed_hosts={"testserver"})


@settings(max_examples=examples(ci=12))
@given(
    step=st.sampled_from([step.slug for step in STEPS]),
    prefix=st.one_of(st.sampled_from(["goals", "goals-0-kpis", "goals-999-kpis", "groups", "roles", "x"]), texts()),
    count=st.one_of(st.sampled_from(COUNT_TEXTS), texts()),
    template=maybe(texts()),
)
def test_the_add_row_endpoint_answers_a_row_or_a_clear_refusal(world, lead_browser, step, prefix, count, template):
    query = without_missing({"prefix": prefix, f"{prefix}-TOTAL_FORMS": count, "template": template})
    with rolled_back():
        before = database_fingerprint()
        response = lead_browser.get(reverse("planner:step_row", args=[world.plan.pk, step]), query)
        assert response.status_code in (200, 400), response.status_code
        assert changed_tables(before, database_fingerprint()) == []


@settings(max_examples=examples(ci=6))
@given(variant=maybe(texts()))
def test_a_report_request_with_any_variant_queues_a_known_variant(world, lead_browser, variant):
    with rolled_back():
        response = lead_browser.post(
            reverse("reports:create", args=[world.plan.pk]), without_missing({"variant": variant})
        )
        assert response.status_code in (302, 200, 429), response.status_code
        for report in Report.objects.filter(plan=world.plan).exclude(pk=world.report.pk):
            assert report.variant in Report.Variant.values
