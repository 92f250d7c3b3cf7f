"""A plan's summary (step states, what each step lacks, the plan check) is kept in the cache per plan revision,
language, content revision and day (planner.summaries). What a page shows is never older than the plan and the
curated content it is read for, and never another plan's. The cache here is Redis, as in production."""

import os

import lxml.html
import pytest
from django.core.cache import cache
from django.urls import reverse

from bench.forms import form_values
from checklists.models import ChecklistItem, ContentRevision
from planner.models import Role
from tests.factories import PASSWORD, MembershipFactory, PlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def redis_cache(settings):
    """The cache as in production: Redis (bin/test's, a database of its own)."""
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0").rsplit("/", 1)[0] + "/6"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    cache.clear()
    yield
    cache.clear()


def findings(page) -> set[str]:
    return set(lxml.html.fromstring(page.content).xpath("//li[contains(@class, 'finding ')]/@data-code"))


def messages(page) -> list[str]:
    return [
        " ".join(t.split()) for t in lxml.html.fromstring(page.content).xpath("//span[@class='finding-message']/text()")
    ]


def summary_of(page) -> tuple:
    """What the summary puts on a page: the step states, what each step lacks, the completeness, the findings."""
    return (
        [(step.slug, state) for step, state in page.context["states"]],
        dict(page.context["missing"]),
        page.context["completeness"],
        messages(page),
    )


def overview(client, plan, **headers):
    page = client.get(reverse("planner:plan", args=[plan.pk]), headers=headers)
    assert page.status_code == 200
    return page


def fresh_overview(client, plan, **headers):
    """The overview computed anew, with nothing in the cache."""
    cache.clear()
    return overview(client, plan, **headers)


def form_values_of(client, url: str) -> list[tuple[str, str]]:
    """What the browser posts for the step's form as it is shown."""
    return form_values(lxml.html.fromstring(client.get(url).content).get_element_by_id("step-form"))


def save_step(client, plan, step: str, change=lambda data: data) -> None:
    url = reverse("planner:step", args=[plan.pk, step])
    posted: dict[str, list[str]] = {}
    for name, value in change([*form_values_of(client, url), ("nav", "stay")]):
        posted.setdefault(name, []).append(value)
    response = client.post(url, posted)
    if response.status_code != 302:
        page = lxml.html.fromstring(response.content)
        errors = page.xpath("//*[contains(@class, 'invalid-feedback') or contains(@class, 'alert-danger')]")
        raise AssertionError([" ".join(error.text_content().split()) for error in errors])


def test_a_save_shows_in_the_next_overview_and_step(lead_client, example_plan):
    roles = reverse("planner:step", args=[example_plan.pk, "roles"])
    assert "owner_without_time" not in findings(overview(lead_client, example_plan))  # now in the cache
    assert "owner_without_time" not in findings(lead_client.get(roles))
    owner = Role.objects.get(plan=example_plan, is_owner=True)
    prefix = next(n for n, v in form_values_of(lead_client, roles) if n.endswith("-id") and v == str(owner.pk))[:-3]

    def one_hour(data):
        return [(name, "1" if name == f"{prefix}-hours_per_week" else value) for name, value in data]

    save_step(lead_client, example_plan, "roles", one_hour)
    shown = overview(lead_client, example_plan)
    assert "owner_without_time" in findings(shown)
    assert "owner_without_time" in findings(lead_client.get(roles))
    assert summary_of(shown) == summary_of(fresh_overview(lead_client, example_plan))


def test_the_dashboard_shows_the_completeness_after_a_save(lead_client, lead, organization):
    plan = PlanFactory(organization=organization, created_by=lead, start_date=None)
    dashboard = reverse("planner:dashboard")

    def shown() -> int:
        page = lead_client.get(dashboard)
        return next(row["completeness"] for row in page.context["rows"] if row["plan"].pk == plan.pk)

    before = shown()  # now in the cache
    save_step(
        lead_client, plan, "basics", lambda data: [(n, "2027-01-01" if n == "start_date" else v) for n, v in data]
    )
    after = shown()
    assert after > before
    cache.clear()
    assert shown() == after


def test_an_admins_edit_of_a_measure_shows_in_the_next_overview(client, lead, admin_user, organization, channels):
    plan = PlanFactory(organization=organization, created_by=lead)  # no goals: "no_goals" cites the item below
    assert client.login(username=lead.username, password=PASSWORD)
    assert "no_goals" in findings(overview(client, plan))
    item = ChecklistItem.objects.get(slug="pitfall-no-plan")
    client.force_login(admin_user)
    url = reverse("admin:checklists_checklistitem_change", args=[item.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {name: value for name, value in data.items() if value is not None and value is not False}
    for name in ("measures_de", "measures_en"):
        data[name] = form[name].field.prepare_value(data.get(name) or [])
    data["measures_de"] = "Vor dem ersten Post: Ziele mit der Geschäftsführung vereinbaren"
    assert client.post(url, data).status_code == 302
    client.force_login(lead)
    assert "Vor dem ersten Post: Ziele mit der Geschäftsführung vereinbaren" in overview(client, plan).content.decode()


def test_an_admin_deactivating_an_item_shows_in_the_next_overview(client, lead, admin_user, example_plan):
    client.force_login(lead)
    before = summary_of(overview(client, example_plan))  # now in the cache
    item = ChecklistItem.objects.filter(active=True).order_by("pk").first()
    client.force_login(admin_user)
    changelist = reverse("admin:checklists_checklistitem_changelist")
    client.post(changelist, {"action": "deactivate", "_selected_action": [item.pk]})  # a bulk update(): no signal
    client.force_login(lead)
    after = summary_of(overview(client, example_plan))
    assert after != before
    assert after == summary_of(fresh_overview(client, example_plan))


def test_every_change_of_the_content_counts_up_its_revision(channels):
    before = ContentRevision.objects.get().number
    item = ChecklistItem.objects.first()
    item.save()
    item.delete()
    assert ContentRevision.objects.get().number == before + 2


def test_the_summary_is_written_in_the_readers_language(lead_client, example_plan):
    german = summary_of(overview(lead_client, example_plan, accept_language="de"))  # now in the cache
    english = summary_of(overview(lead_client, example_plan, accept_language="en"))
    assert english[3] != german[3] and english[1] != german[1]
    assert english == summary_of(fresh_overview(lead_client, example_plan, accept_language="en"))


def test_plans_at_the_same_revision_do_not_share_a_summary(client, channels, organization, lead):
    """Two plans of two organizations, both at revision 1: each overview shows its own check, and a stranger
    asking for the other plan gets a 404 before any summary is read."""
    complete = PlanFactory(organization=organization, created_by=lead)
    Role.objects.create(plan=complete, person="Lena", is_owner=True, hours_per_week=10, order=0)
    other_lead = MembershipFactory(role="lead").user
    bare = PlanFactory(organization=other_lead.memberships.get().organization, created_by=other_lead)
    assert complete.revision == bare.revision == 1
    client.force_login(lead)
    mine = findings(overview(client, complete))
    client.force_login(other_lead)
    theirs = findings(overview(client, bare))
    assert "no_owner" in theirs and "no_owner" not in mine
    assert client.get(reverse("planner:plan", args=[complete.pk])).status_code == 404
    assert client.get(reverse("planner:step", args=[complete.pk, "goals"])).status_code == 404
    dashboard = client.get(reverse("planner:dashboard")).content.decode()
    assert bare.title in dashboard and complete.title not in dashboard
