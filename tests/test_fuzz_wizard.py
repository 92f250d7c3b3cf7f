"""Fuzzing every wizard step through the test client: the form the lead's browser would send,
tampered with (anything in any field, NUL and control characters, 100,000 characters, right-to-left
text, NaN and 1e309, impossible and far dates, missing and extra fields, row counts and indexes,
row ids of another plan). The answer is a page with clear errors or a clear refusal, never a 5xx;
a refused POST leaves the plan exactly as it was; an accepted one leaves a plan whose pages open
and whose file imports again; and the draft a refused POST leaves opens again."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from checklists.check import plan_check
from planner.plan_file import document_dumps, parse_document, plan_to_document
from planner.steps import STEPS
from tests.factories import GoalFactory, KPIFactory, PlanFactory
from tests.strategies import tampered_post
from tests.support import examples, post_form, rolled_back

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead_browser(world) -> Client:
    client = Client()
    client.force_login(world.users["lead"])
    return client


@pytest.fixture
def foreign_ids(world) -> list[int]:
    """Row ids that exist, but in another organization's plan."""
    goal = GoalFactory(plan=world.other_plan)
    return [goal.pk, KPIFactory(goal=goal).pk, PlanFactory().pk]


@pytest.fixture
def forms_seen() -> dict:
    return {}


def exported(plan) -> str:
    return document_dumps(plan_to_document(plan.pk))


def assert_answer_is_clear(response, plan, before: str) -> None:
    """Never a 5xx; saved (a redirect) or refused with errors on the page and the plan unchanged."""
    assert response.status_code < 500, response.status_code
    if response.status_code == 302:
        document = plan_to_document(plan.pk)
        parse_document(document_dumps(document))  # what the wizard saved is a valid plan file
        plan_check(document)
        return
    assert response.status_code in (200, 400, 409), response.status_code
    page = response.content.decode()
    # The step's page with its errors, or the 400 page for a request that cannot be read at all.
    assert "alert-danger" in page or "is-invalid" in page or 'id="error-title"' in page, "refused without saying why"
    assert exported(plan) == before, "a refused POST changed the plan"


@pytest.mark.parametrize("step", [step.slug for step in STEPS])
@settings(max_examples=examples(ci=6))
@given(data=st.data())
def test_a_tampered_step_post_is_answered_clearly_and_keeps_the_plan(
    world, lead_browser, foreign_ids, forms_seen, step, data
):
    plan = world.plan
    url = reverse("planner:step", args=[plan.pk, step])
    if step not in forms_seen:
        form = post_form(lead_browser.get(url).content.decode(), url)
        assert form is not None
        forms_seen[step] = form.fields
    posted = data.draw(tampered_post(forms_seen[step], foreign_ids), label="POST")
    with rolled_back():
        before = exported(plan)
        response = lead_browser.post(url, posted)
        assert_answer_is_clear(response, plan, before)
        # The draft a refused POST leaves behind, and the plan's pages, open again.
        assert lead_browser.get(url).status_code == 200
        assert lead_browser.get(reverse("planner:plan", args=[plan.pk])).status_code == 200


@settings(max_examples=examples(ci=6))
@given(data=st.data())
def test_a_tampered_autosave_keeps_a_draft_that_opens_again(world, lead_browser, foreign_ids, forms_seen, data):
    plan = world.plan
    step = data.draw(st.sampled_from([step.slug for step in STEPS]), label="step")
    url = reverse("planner:step", args=[plan.pk, step])
    if step not in forms_seen:
        forms_seen[step] = post_form(lead_browser.get(url).content.decode(), url).fields
    posted = data.draw(tampered_post(forms_seen[step], foreign_ids), label="POST")
    with rolled_back():
        before = exported(plan)
        response = lead_browser.post(reverse("planner:step_autosave", args=[plan.pk, step]), posted)
        assert response.status_code in (204, 400, 409), response.status_code
        assert exported(plan) == before  # a draft is no save
        assert lead_browser.get(url).status_code == 200


@pytest.mark.parametrize("endpoint", ["planner:step", "planner:step_autosave"])
def test_a_nul_character_in_a_field_name_is_answered_clearly(world, lead_browser, endpoint):
    """Found by the fuzzing: PostgreSQL's jsonb refuses U+0000 in a key of the saved draft too."""
    plan = world.plan
    url = reverse("planner:step", args=[plan.pk, "situation"])
    posted = post_form(lead_browser.get(url).content.decode(), url).data()
    posted["competitors-0-name\x00"] = ["x"]
    posted["competitors-TOTAL_FORMS"] = ["x"]  # invalid, so the input is kept as a draft
    before = exported(plan)
    response = lead_browser.post(reverse(endpoint, args=[plan.pk, "situation"]), posted)
    assert response.status_code in (200, 204)
    assert exported(plan) == before
    assert lead_browser.get(url).status_code == 200
