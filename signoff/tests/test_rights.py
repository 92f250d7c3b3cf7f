"""Who may do what in the sign-off, for every new page and action: the lead, the executive and the
admin of the plan's organization, a member of another organization, and someone not signed in.
A refused request writes nothing; an allowed one does what it says."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse

from planner.models import KPI
from reports.services import version_approve, version_freeze
from signoff import services
from signoff.models import Comment, Decision, ReviewRequest
from tests.support import changed_tables, database_fingerprint

pytestmark = pytest.mark.django_db

MEMBERS = {"lead", "executive", "admin"}
EDITORS = {"lead", "admin"}
DECIDERS = {"executive", "admin"}


@dataclass
class State:
    plan: object
    review: ReviewRequest
    comment: Comment
    link_pk: int
    kpi: KPI


@pytest.fixture
def state(example_plan, people):
    version = version_freeze(plan=example_plan, user=people["lead"])
    version_approve(version=version, user=people["executive"], open_comments=0)
    review = ReviewRequest.objects.create(plan=example_plan, version=version, requested_by=people["lead"])
    comment = Comment.objects.create(plan=example_plan, section="goals", author=people["executive"], text="Warum?")
    link, _token = services.share_link_create(plan=example_plan, user=people["lead"], label="Beirat", valid_days=30)
    kpi = KPI.objects.filter(goal__plan=example_plan).order_by("pk").first()
    return State(example_plan, review, comment, link.pk, kpi)


@dataclass(frozen=True)
class Action:
    method: str
    url: Callable[[State], str]
    allowed: set[str]
    data: Callable[[State], dict] = lambda s: {}


ACTIONS = {
    "review page": Action("GET", lambda s: reverse("signoff:review", args=[s.plan.pk]), MEMBERS),
    "request a review": Action(
        "POST", lambda s: reverse("signoff:review_request", args=[s.plan.pk]), EDITORS, lambda s: {"message": "Bitte"}
    ),
    "approve": Action(
        "POST",
        lambda s: reverse("signoff:decide", args=[s.plan.pk, s.review.pk]),
        DECIDERS,
        lambda s: {"outcome": "approve"},
    ),
    "request changes": Action(
        "POST",
        lambda s: reverse("signoff:decide", args=[s.plan.pk, s.review.pk]),
        DECIDERS,
        lambda s: {"outcome": "request_changes", "reason": "Weniger Kanäle"},
    ),
    "comment": Action(
        "POST",
        lambda s: reverse("signoff:comment_create", args=[s.plan.pk]),
        MEMBERS,
        lambda s: {"section": "channels", "text": "Warum TikTok?"},
    ),
    "answer": Action(
        "POST", lambda s: reverse("signoff:comment_answer", args=[s.comment.pk]), MEMBERS, lambda s: {"text": "Darum."}
    ),
    "resolve": Action("POST", lambda s: reverse("signoff:comment_resolve", args=[s.comment.pk]), MEMBERS),
    "what changed": Action("GET", lambda s: reverse("reports:changes", args=[s.plan.pk]), MEMBERS),
    "share links": Action("GET", lambda s: reverse("signoff:share_links", args=[s.plan.pk]), MEMBERS),
    "create a share link": Action(
        "POST",
        lambda s: reverse("signoff:share_create", args=[s.plan.pk]),
        EDITORS,
        lambda s: {"label": "Bank", "valid_days": "7"},
    ),
    "revoke a share link": Action("POST", lambda s: reverse("signoff:share_revoke", args=[s.link_pk]), EDITORS),
    "KPI progress": Action("GET", lambda s: reverse("signoff:progress", args=[s.plan.pk]), MEMBERS),
    "record a check-in": Action(
        "POST",
        lambda s: reverse("signoff:checkin_create", args=[s.plan.pk, s.kpi.pk]),
        EDITORS,
        lambda s: {f"kpi-{s.kpi.pk}-date": "2027-04-01", f"kpi-{s.kpi.pk}-value": "39.5"},
    ),
    "review form": Action("GET", lambda s: reverse("signoff:review_hold", args=[s.plan.pk]), EDITORS),
    "record a review held": Action(
        "POST",
        lambda s: reverse("signoff:review_hold", args=[s.plan.pk]),
        EDITORS,
        lambda s: {"held_on": "2027-07-01", "participants": "Geschäftsführung, Marketing", "decisions": "Weiter so"},
    ),
    "calendar download": Action("GET", lambda s: reverse("signoff:calendar_download", args=[s.plan.pk]), MEMBERS),
    "calendar address": Action("POST", lambda s: reverse("signoff:calendar_feed_create", args=[s.plan.pk]), MEMBERS),
}
IDENTITIES = ("lead", "executive", "admin", "stranger", "anonymous")


@pytest.mark.parametrize("who", IDENTITIES)
@pytest.mark.parametrize("name", ACTIONS)
def test_each_role_gets_exactly_its_rights(name, who, state, clients):
    action = ACTIONS[name]
    url = action.url(state)
    before = database_fingerprint()
    if action.method == "GET":
        response = clients[who].get(url)
    else:
        response = clients[who].post(url, action.data(state))
    wrote = changed_tables(before, database_fingerprint())
    if who == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), name
        assert wrote == []
    elif who == "stranger":
        assert response.status_code == 404, name  # another organization learns nothing about the plan
        assert wrote == []
    elif who not in action.allowed:
        assert response.status_code == 403, name
        assert "403.html" in [t.name for t in response.templates], "the app's 403 page, which explains the roles"
        assert wrote == []
    elif action.method == "GET":
        assert response.status_code == 200, name
        assert wrote == []
    else:
        assert response.status_code == 302, name
        assert wrote, f"{name} by {who} wrote nothing"


def test_a_lead_cannot_approve_their_own_plan(state, clients):
    response = clients["lead"].post(
        reverse("signoff:decide", args=[state.plan.pk, state.review.pk]), {"outcome": "approve"}
    )
    assert response.status_code == 403
    assert "403.html" in [t.name for t in response.templates]
    state.review.refresh_from_db()
    assert state.review.status == "open"


def test_the_decision_form_is_shown_to_deciders_only(state, clients):
    for who in ("executive", "admin"):
        assert 'id="decide"' in clients[who].get(reverse("signoff:review", args=[state.plan.pk])).content.decode()
    assert 'id="decide"' not in clients["lead"].get(reverse("signoff:review", args=[state.plan.pk])).content.decode()


def test_a_decided_request_cannot_be_decided_again(state, clients):
    url = reverse("signoff:decide", args=[state.plan.pk, state.review.pk])
    clients["executive"].post(url, {"outcome": "request_changes", "reason": "Zu viel auf einmal"})
    response = clients["admin"].post(url, {"outcome": "approve"}, follow=True)
    assert "bereits entschieden" in response.content.decode()
    state.review.refresh_from_db()
    assert state.review.status == "changes_requested" and Decision.objects.count() == 1


def test_changes_can_only_be_requested_with_a_reason(state, clients):
    response = clients["executive"].post(
        reverse("signoff:decide", args=[state.plan.pk, state.review.pk]), {"outcome": "request_changes", "reason": " "}
    )
    assert response.status_code == 302
    state.review.refresh_from_db()
    assert state.review.status == "open"


def test_a_comment_of_another_plan_cannot_be_answered_or_resolved(state, clients, stranger):
    from tests.factories import PlanFactory

    other = PlanFactory(organization=stranger.memberships.get().organization)
    theirs = Comment.objects.create(plan=other, section="goals", author=stranger, text="Intern")
    for url in (
        reverse("signoff:comment_answer", args=[theirs.pk]),
        reverse("signoff:comment_resolve", args=[theirs.pk]),
    ):
        assert clients["lead"].post(url, {"text": "Hallo"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.resolved_at is None and not theirs.answers.exists()


def test_a_check_in_for_a_kpi_of_another_plan_is_refused(state, clients, stranger):
    from tests.factories import GoalFactory, KPIFactory, PlanFactory

    other = PlanFactory(organization=stranger.memberships.get().organization)
    kpi = KPIFactory(goal=GoalFactory(plan=other))
    url = reverse("signoff:checkin_create", args=[state.plan.pk, kpi.pk])
    response = clients["lead"].post(url, {f"kpi-{kpi.pk}-date": "2027-04-01", f"kpi-{kpi.pk}-value": "1"})
    assert response.status_code == 404
    assert not kpi.checkins.exists()
