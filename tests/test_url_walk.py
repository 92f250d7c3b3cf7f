"""Proof over every URL: the walk takes every pattern of ``config.urls`` (recursively, so a new view
is in it without editing this file), fills it with real ids of every type, and sends GET and POST as
each identity: anonymous, a stranger (a lead of another organization), a staff user who is no member,
and each role of the owning organization (lead, executive, admin).

What must hold, per pattern, is in ``RULES``; a pattern without a rule fails the walk. Each request
runs in a savepoint that is rolled back, and a fingerprint of every table before and after it shows
whether it wrote: a refused request, and every GET, writes nothing."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.cookies import Morsel

import pytest
from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY,
    AUTHENTICATION_METHODS_SESSION_KEY,
)
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RegexPattern, RoutePattern

from checklists.models import Channel
from planner.plan_file import document_dumps, plan_to_document
from planner.steps import STEPS
from tests.support import IDENTITIES, World, changed_tables, database_fingerprint, post_form, rolled_back

pytestmark = pytest.mark.django_db

PUBLIC = "public"  # anyone, also anonymous
USER = "user"  # any logged-in user
CREATOR = "creator"  # a user who may edit plans in some organization (lead or admin there)
READER = "reader"  # a member of the plan's organization (every role)
EDITOR = "editor"  # a lead or an admin of the plan's organization
STAFF = "staff"  # Django admin: staff only
DECIDER = "decider"  # an executive or an admin of the plan's organization (sign-off: approve, request changes)
ORG_ADMIN = "org-admin"  # an admin of the organization: its lead and executive get 403, everyone else 404
GUEST = "guest"  # signing in or up: anyone; a signed-in user is sent on (allauth's RedirectAuthenticatedUserMixin)
STAGE = "stage"  # a step of a sign-in under way (second factor, code): the walk has none, so everyone is sent on
OWN = "own"  # the signed-in user's own authenticators: the identities have none, the world's passkey is nora's: 404

MEMBERS = ("lead", "executive", "admin")
EDITORS = ("lead", "admin")
DECIDERS = ("executive", "admin")
LOGGED_IN = tuple(who for who in IDENTITIES if who != "anonymous")

Kwargs = dict[str, object]


@dataclass(frozen=True)
class Rule:
    access: str
    methods: tuple[str, ...] = ("GET",)
    # The concrete URLs of the pattern: keyword arguments, from the world's real objects.
    urls: Callable[[World], list[Kwargs]] = lambda world: [{}]
    query: Callable[[World, Kwargs], dict] | None = None  # GET parameters
    # What a POST sends: the form the lead sees on this page (or on ``harvest_from``), with every
    # filled-in text edited, updated with ``post``.
    harvest: bool = False
    harvest_from: str | None = None
    post: Callable[[World], dict] | None = None
    writers: tuple[str, ...] = ()  # who may write with an allowed POST
    saves: bool = False  # the writers' POST must save: a redirect, and the database changed
    get_statuses: tuple[int, ...] = (200,)  # what an allowed GET answers
    logs: tuple[str, ...] = ()  # tables an allowed GET writes to: an access log (a share link's uses)
    post_statuses: tuple[int, ...] | None = None  # what an allowed POST answers, when that is fixed
    sent_away: tuple[str, ...] = ()  # who is redirected elsewhere (not to the login), writing nothing
    session: tuple[str, ...] = ()  # who may change their own session (and nothing else) with any request
    # allauth's reauthentication_required: the signed-in identities confirm their password first (a
    # session that did not is sent to do so: test_pages_that_need_the_password_again_ask_for_it_first).
    reauthenticated: bool = False


def plan_kwargs(world: World) -> list[Kwargs]:
    return [{"pk": world.plan.pk}]


def step_kwargs(world: World) -> list[Kwargs]:
    return [{"pk": world.plan.pk, "step": step.slug} for step in STEPS]


def org_kwargs(world: World) -> list[Kwargs]:
    return [{"pk": world.plan.organization_id}]


def membership_kwargs(world: World) -> list[Kwargs]:
    """The executive's membership: the admin may change its role or remove it."""
    return [{"pk": world.users["executive"].memberships.get().pk}]


def report_kwargs(world: World) -> list[Kwargs]:
    return [{"pk": world.report.pk}]


ROW_PREFIXES = {
    "situation": "competitors",
    "goals": "goals",
    "target-groups": "groups",
    "channels": "channels",
    "content": "themes",
    "roles": "roles",
    "guidelines": "guidelines",
    "roadmap": "milestones",
}


def row_query(world: World, kwargs: Kwargs) -> dict:
    prefix = ROW_PREFIXES.get(str(kwargs["step"]), "nothing")
    return {"prefix": prefix, f"{prefix}-TOTAL_FORMS": "1"}


def new_plan(world: World) -> dict:
    return {"title": "Neuer Plan", "start_date": "2027-01-01", "horizon_months": "12"}


def from_template(world: World) -> dict:
    return {"template": "kontaktlinsen-versand", "organization": world.plan.organization_id}


def plan_file(world: World) -> dict:
    content = document_dumps(plan_to_document(world.plan)).encode()
    return {
        "organization": world.plan.organization_id,
        "file": SimpleUploadedFile("plan.json", content, "application/json"),
    }


# --- sign-off: the world's version approved, a review under way, a comment, a share link, a calendar address


@dataclass(frozen=True)
class SignoffWorld:
    review_pk: int
    comment_pk: int
    link_pk: int
    token: str
    feed_token: str
    kpi_pk: int


def signoff_world(world: World) -> SignoffWorld:
    """Made once per world: the report's version approved, then an open review request of it."""
    if not hasattr(world, "signoff"):
        from planner.models import KPI
        from reports.services import version_approve
        from signoff import services as signoff_services
        from signoff.models import Comment, ReviewRequest

        lead, executive = world.users["lead"], world.users["executive"]
        version = world.report.version
        version_approve(version=version, user=executive, open_comments=0)
        review = ReviewRequest.objects.create(plan=world.plan, version=version, requested_by=lead)
        comment = Comment.objects.create(plan=world.plan, section="goals", author=executive, text="Warum 42 %?")
        link, token = signoff_services.share_link_create(plan=world.plan, user=lead, label="Beirat", valid_days=30)
        feed_token = signoff_services.calendar_feed_create(plan=world.plan, user=lead)
        kpi = KPI.objects.filter(goal__plan=world.plan).order_by("pk").first()
        world.signoff = SignoffWorld(review.pk, comment.pk, link.pk, token, feed_token, kpi.pk)
    return world.signoff


def checkin(world: World) -> dict:
    prefix = f"kpi-{signoff_world(world).kpi_pk}"
    return {f"{prefix}-date": "2027-03-01", f"{prefix}-value": "40", f"{prefix}-note": "Nach dem Newsletter"}


RULES: dict[str, Rule] = {
    "healthz": Rule(PUBLIC, methods=("GET", "HEAD")),
    # Signing in and up is for guests: a signed-in user is sent on. "login" and "account_login" are
    # one view under two names, as are "logout" and "account_logout".
    "login": Rule(GUEST, ("GET", "POST")),
    "account_login": Rule(GUEST, ("GET", "POST")),
    # The logout asks first (GET); its POST ends the session. A guest is sent on.
    "logout": Rule(PUBLIC, ("GET", "POST"), get_statuses=(200, 302), writers=LOGGED_IN, session=IDENTITIES),
    "account_logout": Rule(PUBLIC, ("GET", "POST"), get_statuses=(200, 302), writers=LOGGED_IN, session=IDENTITIES),
    "account_signup": Rule(GUEST, ("GET", "POST")),
    "account_inactive": Rule(PUBLIC),
    "account_email_verification_sent": Rule(PUBLIC),
    "account_reauthenticate": Rule(USER, ("GET", "POST")),
    "account_email": Rule(USER, ("GET", "POST")),
    "account_change_password": Rule(USER, ("GET", "POST")),
    # The identities have a password: setting a first one sends them to changing it.
    "account_set_password": Rule(USER, ("GET", "POST"), sent_away=LOGGED_IN),
    "account_reset_password": Rule(PUBLIC, ("GET", "POST")),
    "account_reset_password_done": Rule(PUBLIC),
    "account_reset_password_from_key": Rule(
        PUBLIC, ("GET", "POST"), urls=lambda w: [{"uidb36": "1", "key": "erraten-0123456789"}]
    ),
    "account_reset_password_from_key_done": Rule(PUBLIC),
    # Confirming an address: whoever holds the link's key confirms it (with a POST, never a GET).
    "account_confirm_email": Rule(
        PUBLIC,
        ("GET", "POST"),
        urls=lambda w: [{"key": w.confirmation_key}],
        writers=IDENTITIES,
        post_statuses=(302,),
        session=IDENTITIES,
    ),
    "account_confirm_login_code": Rule(STAGE, ("GET", "POST"), session=IDENTITIES),
    # Two-factor pages keep their flow's state in the session (an anonymous POST is remembered for
    # after the login). The identities have no second factor yet: what needs one answers 404, and
    # confirming with one sends them on.
    "mfa_authenticate": Rule(STAGE, ("GET", "POST"), session=IDENTITIES),
    "mfa_index": Rule(USER, session=IDENTITIES),
    "mfa_reauthenticate": Rule(USER, ("GET", "POST"), sent_away=LOGGED_IN, session=IDENTITIES),
    "mfa_reauthenticate_webauthn": Rule(USER, ("GET", "POST"), sent_away=LOGGED_IN, session=IDENTITIES),
    "mfa_activate_totp": Rule(USER, ("GET", "POST"), reauthenticated=True, session=IDENTITIES),
    "mfa_deactivate_totp": Rule(OWN, ("GET", "POST"), session=IDENTITIES),
    "mfa_view_recovery_codes": Rule(OWN, session=IDENTITIES),
    "mfa_generate_recovery_codes": Rule(USER, ("GET", "POST"), reauthenticated=True, session=IDENTITIES),
    "mfa_download_recovery_codes": Rule(OWN, ("GET", "POST"), session=IDENTITIES),
    "mfa_list_webauthn": Rule(USER, session=IDENTITIES),
    "mfa_add_webauthn": Rule(USER, ("GET", "POST"), reauthenticated=True, session=IDENTITIES),
    "mfa_remove_webauthn": Rule(
        OWN, ("GET", "POST"), urls=lambda w: [{"pk": w.passkey_pk}], reauthenticated=True, session=IDENTITIES
    ),
    "mfa_edit_webauthn": Rule(
        OWN, ("GET", "POST"), urls=lambda w: [{"pk": w.passkey_pk}], reauthenticated=True, session=IDENTITIES
    ),
    # Organizations: any signed-in user founds one; its admin runs it; every member reads its members.
    "teams:organization_create": Rule(
        USER,
        ("GET", "POST"),
        post=lambda w: {"name": "Gegründet beim Rundgang", "default_language": "de"},
        writers=LOGGED_IN,
        saves=True,
    ),
    "teams:switch": Rule(
        READER,
        ("POST",),
        post=lambda w: {"organization": w.plan.organization_id},
        writers=MEMBERS,
        post_statuses=(302,),
        session=MEMBERS,
    ),
    "teams:settings": Rule(
        ORG_ADMIN,
        ("GET", "POST"),
        urls=org_kwargs,
        post=lambda w: {"name": "Umbenannt beim Rundgang", "default_language": "en"},
        writers=("admin",),
        saves=True,
    ),
    "teams:members": Rule(READER, urls=org_kwargs),
    "teams:invite": Rule(
        ORG_ADMIN,
        ("POST",),
        urls=org_kwargs,
        post=lambda w: {"email": "neu@example.com", "role": "executive"},
        writers=("admin",),
        saves=True,
    ),
    "teams:export": Rule(ORG_ADMIN, urls=org_kwargs),
    "teams:delete": Rule(
        ORG_ADMIN,
        ("GET", "POST"),
        urls=org_kwargs,
        post=lambda w: {"name": w.plan.organization.name},
        writers=("admin",),
        saves=True,
        session=("admin",),
    ),
    "teams:invitation_revoke": Rule(
        ORG_ADMIN, ("POST",), urls=lambda w: [{"pk": w.invitation_pk}], writers=("admin",), saves=True
    ),
    # The invitation's link: whoever holds it reads it; a guest's POST starts the sign-up.
    "teams:invitation": Rule(
        PUBLIC, ("GET", "POST"), urls=lambda w: [{"token": w.invitation_token}], session=("anonymous",)
    ),
    # Only the invited address accepts (the stranger); anyone else is told why, writing nothing.
    "teams:invitation_accept": Rule(
        USER,
        ("POST",),
        urls=lambda w: [{"token": w.invitation_token}],
        writers=("stranger",),
        post_statuses=(302,),
        session=LOGGED_IN,
    ),
    "teams:membership_role": Rule(
        ORG_ADMIN,
        ("POST",),
        urls=membership_kwargs,
        post=lambda w: {"role": "lead"},
        writers=("admin",),
        saves=True,
    ),
    "teams:membership_remove": Rule(ORG_ADMIN, ("POST",), urls=membership_kwargs, writers=("admin",), saves=True),
    "planner:plan_history": Rule(READER, urls=plan_kwargs),
    "set_language": Rule(PUBLIC, methods=("GET", "POST"), get_statuses=(302,)),
    "planner:dashboard": Rule(USER),
    "planner:plan_create": Rule(CREATOR, ("GET", "POST"), harvest=True, post=new_plan, writers=EDITORS, saves=True),
    "planner:plan_from_template": Rule(CREATOR, ("POST",), post=from_template, writers=EDITORS, saves=True),
    "planner:plan_import": Rule(CREATOR, ("GET", "POST"), post=plan_file, writers=EDITORS, saves=True),
    "planner:plan": Rule(READER, urls=plan_kwargs),
    "planner:plan_export": Rule(READER, urls=plan_kwargs),
    "planner:plan_duplicate": Rule(EDITOR, ("POST",), urls=plan_kwargs, writers=EDITORS, saves=True),
    "planner:plan_archive": Rule(EDITOR, ("POST",), urls=plan_kwargs, writers=EDITORS, saves=True),
    "planner:step": Rule(EDITOR, ("GET", "POST"), urls=step_kwargs, harvest=True, writers=EDITORS, saves=True),
    "planner:step_discard": Rule(EDITOR, ("POST",), urls=step_kwargs, writers=EDITORS),
    "planner:step_autosave": Rule(
        EDITOR, ("POST",), urls=step_kwargs, harvest_from="planner:step", writers=EDITORS, saves=False
    ),
    "planner:step_row": Rule(EDITOR, urls=step_kwargs, query=row_query, get_statuses=(200, 400)),
    "reports:create": Rule(READER, ("POST",), urls=lambda w: [{"plan_pk": w.plan.pk}], writers=MEMBERS, saves=True),
    "reports:status": Rule(READER, urls=report_kwargs),
    "reports:retry": Rule(READER, ("POST",), urls=report_kwargs, writers=MEMBERS),
    "reports:download": Rule(READER, urls=report_kwargs),
    "reports:changes": Rule(READER, urls=lambda w: [{"plan_pk": w.plan.pk}]),
    "signoff:review": Rule(READER, urls=plan_kwargs),
    "signoff:review_request": Rule(
        EDITOR, ("POST",), urls=plan_kwargs, post=lambda w: {"message": "Bitte prüfen"}, writers=EDITORS, saves=True
    ),
    "signoff:decide": Rule(
        DECIDER,
        ("POST",),
        urls=lambda w: [{"pk": w.plan.pk, "request_pk": signoff_world(w).review_pk}],
        post=lambda w: {"outcome": "request_changes", "reason": "Zu viele Kanäle auf einmal"},
        writers=DECIDERS,
        saves=True,
    ),
    "signoff:comment_create": Rule(
        READER,
        ("POST",),
        urls=plan_kwargs,
        post=lambda w: {"section": "goals", "text": "Ist das realistisch?"},
        writers=MEMBERS,
        saves=True,
    ),
    "signoff:comment_answer": Rule(
        READER,
        ("POST",),
        urls=lambda w: [{"pk": signoff_world(w).comment_pk}],
        post=lambda w: {"text": "Ja, laut Benchmark."},
        writers=MEMBERS,
        saves=True,
    ),
    "signoff:comment_resolve": Rule(
        READER, ("POST",), urls=lambda w: [{"pk": signoff_world(w).comment_pk}], writers=MEMBERS, saves=True
    ),
    "signoff:share_links": Rule(READER, urls=plan_kwargs),
    "signoff:share_create": Rule(
        EDITOR,
        ("POST",),
        urls=plan_kwargs,
        post=lambda w: {"label": "Aufsichtsrat", "valid_days": "30"},
        writers=EDITORS,
        saves=True,
    ),
    "signoff:share_revoke": Rule(
        EDITOR, ("POST",), urls=lambda w: [{"pk": signoff_world(w).link_pk}], writers=EDITORS, saves=True
    ),
    # A share link is read by whoever holds it, and each use is logged.
    "signoff:shared": Rule(PUBLIC, urls=lambda w: [{"token": signoff_world(w).token}], logs=("signoff_sharelinkuse",)),
    "signoff:shared_pdf": Rule(
        PUBLIC, urls=lambda w: [{"token": signoff_world(w).token}], logs=("signoff_sharelinkuse",)
    ),
    "signoff:progress": Rule(READER, urls=plan_kwargs),
    "signoff:checkin_create": Rule(
        EDITOR,
        ("POST",),
        urls=lambda w: [{"pk": w.plan.pk, "kpi_pk": signoff_world(w).kpi_pk}],
        post=checkin,
        writers=EDITORS,
        saves=True,
    ),
    "signoff:review_hold": Rule(
        EDITOR,
        ("GET", "POST"),
        urls=plan_kwargs,
        harvest=True,
        post=lambda w: {"participants": "Geschäftsführung, Marketing"},
        writers=EDITORS,
        saves=True,
    ),
    "signoff:calendar_download": Rule(READER, urls=plan_kwargs),
    "signoff:calendar_feed_create": Rule(READER, ("POST",), urls=plan_kwargs, writers=MEMBERS, saves=True),
    "signoff:calendar_feed": Rule(PUBLIC, urls=lambda w: [{"token": signoff_world(w).feed_token}]),
    # Django's admin: every view but the login needs a staff user (AdminSite.admin_view); the logout
    # sends a non-staff user to the admin's index, which sends them to the login.
    "admin:login": Rule(PUBLIC, ("GET", "POST"), get_statuses=(200, 302)),
    "admin:logout": Rule(STAFF, ("POST",), writers=("staff",)),
}
ADMIN_RULE = Rule(STAFF, ("GET", "POST"), writers=("staff",), get_statuses=(200, 302, 404))


# --- the walk ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    key: str  # the pattern's name with its namespaces ("planner:step"), or its route when unnamed
    chain: tuple  # the patterns from the root to this one
    namespace: str

    @property
    def pattern(self) -> URLPattern:
        return self.chain[-1]

    @property
    def rule(self) -> Rule | None:
        if self.key in RULES:
            return RULES[self.key]
        return ADMIN_RULE if self.namespace == "admin" else None


def routes(resolver: URLResolver | None = None, chain: tuple = (), namespace: str = "") -> Iterator[Route]:
    for entry in (resolver or get_resolver("config.urls")).url_patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(part for part in (namespace, entry.namespace) if part)
            yield from routes(entry, (*chain, entry), inner)
        else:
            full = (*chain, entry)
            name = ":".join(part for part in (namespace, entry.name) if part) if entry.name else None
            yield Route(key=name or "".join(str(p.pattern) for p in full), chain=full, namespace=namespace)


def _fill_route(route: str, kwargs: Kwargs) -> str:
    return re.sub(r"<(?:[^>:]+:)?([^>]+)>", lambda m: str(kwargs[m[1]]), route)


def _fill_regex(regex: str, kwargs: Kwargs) -> str:
    out, i = "", 0
    while (start := regex.find("(?P<", i)) >= 0:
        out += regex[i:start]
        name = regex[start + 4 : regex.index(">", start)]
        depth, j = 0, start
        while True:  # the group's closing parenthesis
            depth += {"(": 1, ")": -1}.get(regex[j], 0)
            j += 1
            if depth == 0:
                break
        out += str(kwargs[name])
        i = j
    return (out + regex[i:]).lstrip("^").rstrip("$").replace("\\", "")


def build_path(route: Route, kwargs: Kwargs) -> str:
    path = "/"
    for entry in route.chain:
        pattern = entry.pattern
        if isinstance(pattern, RoutePattern):
            path += _fill_route(str(pattern), kwargs)
        elif isinstance(pattern, RegexPattern):
            path += _fill_regex(pattern.regex.pattern, kwargs)
        else:  # a LocalePrefixPattern or a pattern type this walk does not know yet
            raise AssertionError(f"{route.key}: cannot build a URL from {pattern!r}")
    return path


def admin_model(route: Route) -> type[Model]:
    """The model an admin view belongs to (its ModelAdmin's, or the one its URL names)."""
    model_admin = getattr(route.pattern.callback, "model_admin", None)
    if model_admin is not None:
        return model_admin.model
    named = re.fullmatch(r"(\w+)/(\w+)/", str(route.chain[-2].pattern)) if len(route.chain) > 2 else None
    return apps.get_model(named[1], named[2]) if named else Channel


def admin_kwargs(route: Route) -> list[Kwargs]:
    """Real values for the admin's parameters: an existing object of the view's model."""
    pk = admin_model(route).objects.order_by("pk").values_list("pk", flat=True).first()
    assert pk is not None, f"{route.key}: the world has no {admin_model(route).__name__} to open"
    values: Kwargs = {
        "app_label": "checklists",
        "content_type_id": ContentType.objects.get_for_model(admin_model(route)).pk,
        "object_id": pk,
        "id": pk,
        "url": "no-such-page/",
    }
    names = set().union(*(entry.pattern.regex.groupindex for entry in route.chain))
    missing = names - set(values)
    assert not missing, f"{route.key}: the walk has no value for {missing}; add one to admin_kwargs"
    return [{name: values[name] for name in names}]


@dataclass
class Walk:
    world: World
    clients: dict[str, Client]
    failures: list[str] = field(default_factory=list)
    requests: int = 0
    harvested: dict[str, tuple[dict, int]] = field(default_factory=dict)

    def fail(self, who: str, method: str, path: str, message: str) -> None:
        self.failures.append(f"{who:9} {method:4} {path}: {message}")

    def payload(self, route: Route, rule: Rule, kwargs: Kwargs, path: str) -> tuple[dict, int]:
        """What a POST sends, and how many texts in it were edited."""
        data, edited = {}, 0
        source = reverse(rule.harvest_from, kwargs=kwargs) if rule.harvest_from else path
        if rule.harvest or rule.harvest_from:
            if source not in self.harvested:
                page = self.clients["lead"].get(source)
                form = post_form(page.content.decode(), source)
                assert form is not None, f"{source}: the lead's page has no form to post"
                self.harvested[source] = form.edited()
            data, edited = self.harvested[source]
            data = dict(data)
        if rule.post:
            data.update(rule.post(self.world))
        return data, edited


def expected(rule: Rule, who: str, method: str, user) -> str:
    """What this identity must get: "login", "admin-login", "405", "404", "403", "ok" or "admin"."""
    if rule.access == STAFF:
        if user is None or not user.is_staff:
            return "admin-login"
        if rule is ADMIN_RULE:
            return "admin"  # Django's admin decides what staff may do; it must never answer 5xx
        return "ok" if method in rule.methods else "405"
    if who == "anonymous" and rule.access not in (PUBLIC, GUEST, STAGE):
        return "login"
    if method not in rule.methods:
        return "405"
    if rule.access == GUEST:
        return "ok" if who == "anonymous" else "sent"
    if rule.access == STAGE:
        return "sent"
    if rule.access == OWN:
        return "404"
    if who in rule.sent_away:
        return "sent"
    if rule.access in (PUBLIC, USER):
        return "ok"
    if rule.access == CREATOR:
        return "ok" if who in (*EDITORS, "stranger") else "403"  # the stranger leads another organization
    if rule.access == ORG_ADMIN:
        return "ok" if who == "admin" else "403" if who in MEMBERS else "404"
    if who not in MEMBERS:
        return "404"  # a stranger, or staff who is no member, learns nothing about the plan
    if rule.access == DECIDER:
        return "ok" if who in DECIDERS else "403"
    return "ok" if rule.access == READER or who in EDITORS else "403"


def redirects_to(response, url_name: str) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse(url_name) + "?next=")


def check(walk: Walk, route: Route, rule: Rule, who: str, method: str, path: str, kwargs: Kwargs) -> None:
    client, user = walk.clients[who], walk.world.users[who]
    want = expected(rule, who, method, user)
    data, edited = walk.payload(route, rule, kwargs, path) if method == "POST" else ({}, 0)
    if method == "GET" and rule.query:
        data = rule.query(walk.world, kwargs)
    walk.requests += 1
    try:
        with rolled_back():
            before = database_fingerprint()
            response = client.get(path, data) if method == "GET" else client.post(path, data)
            after = database_fingerprint()
    except Exception as error:  # a 500: named with its cause, and the walk goes on
        return walk.fail(who, method, path, f"answered 500: {type(error).__name__}: {str(error).splitlines()[0]}")
    status = response.status_code
    wrote = changed_tables(before, after)
    if who in rule.session:
        wrote = [table for table in wrote if table != "django_session"]
    if user is not None and not client.cookies.get(settings.SESSION_COOKIE_NAME, Morsel()).value:
        sign_in(client, user)  # a logout (rolled back in the database) emptied the cookie
    if status >= 500:
        return walk.fail(who, method, path, f"answered {status}")
    if want == "login" and not redirects_to(response, "login"):
        return walk.fail(who, method, path, f"expected the login redirect, got {status}")
    if want == "admin-login":
        to_index = route.key == "admin:logout" and response.get("Location") == reverse("admin:index")
        if not (redirects_to(response, "admin:login") or to_index):
            return walk.fail(who, method, path, f"expected the admin login redirect, got {status}")
    if want in ("403", "404", "405") and str(status) != want:
        return walk.fail(who, method, path, f"expected {want}, got {status}")
    if want == "sent" and (status != 302 or redirects_to(response, "login") and who != "anonymous"):
        return walk.fail(who, method, path, f"expected to be sent on (302), got {status}")
    if want == "ok":
        denied = status in (403, 404, 405) and not (status == 404 and route.namespace == "admin")
        if denied or (rule.access != PUBLIC and redirects_to(response, "login")):
            return walk.fail(who, method, path, f"may do this, but got {status}")
        if method == "GET" and status not in rule.get_statuses:
            return walk.fail(who, method, path, f"expected {rule.get_statuses}, got {status}")
        if method == "POST" and rule.post_statuses and status not in rule.post_statuses:
            return walk.fail(who, method, path, f"expected {rule.post_statuses}, got {status}")
    may_write = want in ("ok", "admin") and method == "POST" and who in rule.writers
    logged = want == "ok" and method == "GET" and set(wrote) <= set(rule.logs)
    if wrote and not may_write and not logged:
        return walk.fail(who, method, path, f"answered {status} but wrote to {wrote}")
    must_write = not rule.harvest or edited > 0 or rule.post is not None  # a form saved unchanged may write nothing
    if may_write and rule.saves and (status != 302 or (must_write and not wrote)):
        return walk.fail(who, method, path, f"should save: answered {status}, wrote to {wrote}")


def concrete_urls(route: Route, rule: Rule, world: World) -> list[tuple[str, Kwargs]]:
    all_kwargs = admin_kwargs(route) if route.namespace == "admin" and route.key not in RULES else rule.urls(world)
    urls = []
    for kwargs in all_kwargs:
        path = build_path(route, kwargs)
        assert resolve(path).func == route.pattern.callback, f"{path} does not reach {route.key}"
        urls.append((path, kwargs))
    return urls


def sign_in(client: Client, user, *, recently: bool = True) -> None:
    """Signed in as by the login form: with ``recently``, the session also records the password as
    just entered, so pages that ask for it again (allauth's reauthentication) open as for a user who
    confirmed it a moment ago."""
    client.force_login(user)
    if recently:
        session = client.session
        just_now = {"method": "password", "at": time.time(), "reauthenticated": True}
        session[AUTHENTICATION_METHODS_SESSION_KEY] = [just_now]
        session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
        session.save()


def logged_in_clients(world: World, **client_options) -> dict[str, Client]:
    clients = {}
    for who, user in world.users.items():
        clients[who] = Client(**client_options)
        if user is not None:
            sign_in(clients[who], user)
    return clients


def test_every_url_pattern_has_a_rule():
    keys = {route.key for route in routes()}
    missing = sorted(route.key for route in routes() if route.rule is None)
    assert missing == [], "patterns without a rule in RULES (say who may do what): " + ", ".join(missing)
    stale = sorted(set(RULES) - keys)
    assert stale == [], f"rules of patterns that no longer exist: {stale}"


def test_every_url_answers_each_identity_exactly_its_rights(world):
    walk = Walk(world=world, clients=logged_in_clients(world))
    patterns = 0
    for route in routes():
        rule = route.rule
        if rule is None:
            continue  # test_every_url_pattern_has_a_rule names it
        patterns += 1
        for path, kwargs in concrete_urls(route, rule, world):
            for who in IDENTITIES:
                for method in ("GET", "POST"):
                    check(walk, route, rule, who, method, path, kwargs)
    print(f"\nURL walk: {patterns} patterns, {len(IDENTITIES)} identities, {walk.requests} requests")
    assert walk.failures == [], "\n" + "\n".join(walk.failures)


def test_a_post_without_the_csrf_token_is_refused_everywhere_and_writes_nothing(world):
    """The walk's clients skip the CSRF check, as Django's test client does; a browser's does not."""
    lead = Client(enforce_csrf_checks=True)
    lead.force_login(world.users["lead"])
    failures = []
    for route in routes():
        rule = route.rule
        if rule is None:
            continue
        for path, _kwargs in concrete_urls(route, rule, world):
            with rolled_back():
                before = database_fingerprint()
                response = lead.post(path, {"title": "ohne Token"})
                wrote = changed_tables(before, database_fingerprint())
            if response.status_code != 403 or wrote:
                failures.append(f"{path}: {response.status_code}, wrote to {wrote}")
    assert failures == []


def test_pages_that_need_the_password_again_ask_for_it_first(world):
    """Adding a second factor changes how one signs in: a session whose password was not entered
    recently is sent to enter it again (allauth's reauthentication), writing nothing else."""
    lead = Client()
    sign_in(lead, world.users["lead"], recently=False)
    pages = [route for route in routes() if route.rule is not None and route.rule.reauthenticated]
    assert pages, "no rule is marked as needing the password again"
    for route in pages:
        for path, _kwargs in concrete_urls(route, route.rule, world):
            for method in route.rule.methods:
                with rolled_back():
                    before = database_fingerprint()
                    response = lead.get(path) if method == "GET" else lead.post(path, {})
                    wrote = changed_tables(before, database_fingerprint())
                assert response.status_code == 302, f"{method} {path}: {response.status_code}"
                assert response["Location"].startswith(reverse("account_reauthenticate")), response["Location"]
                assert set(wrote) <= {"django_session"}, f"{method} {path} wrote to {wrote}"
