"""The load test's users, as a browser would act: bench/load/run drives them (bench/load/loadtest.py); for a
look by hand against a running planner whose database was seeded with `python -m bench.load.seed accounts.json`:

    LOAD_ACCOUNTS=accounts.json .venv/bin/locust -f bench/load/locustfile.py \
        --host http://127.0.0.1:8000 LeadUser ExecutiveUser        (or FloorUser alone, for the floor)

Every user thinks 1-3 s between requests. Marketing leads read the dashboard, plan overviews and wizard steps, and
save steps with the page's own form data (read from the page, CSRF token included; half of the saves change one
text first, which sends the htmx autosave as the browser does). Executives read the dashboard and overviews, and
some request one report each, poll its status every second as the page does, and download it. The floor user asks
/healthz: a bare Django view, no database.

Request names are page kinds (KIND_*); the request context carries the plan's size (example or large) and the step.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from pathlib import Path
from urllib.parse import urlparse

import gevent
import lxml.html
from locust import HttpUser, between, task

from bench.forms import change_one_text, form_values, replace_value

KIND_LOGIN = "login"
KIND_DASHBOARD = "dashboard"
KIND_OVERVIEW = "overview"
KIND_STEP = "step GET"
KIND_AUTOSAVE = "autosave POST"
KIND_SAVE = "save POST"
KIND_REPORT = "report request"
KIND_REPORT_STATUS = "report status"
KIND_REPORT_DOWNLOAD = "report download"
KIND_HEALTHZ = "healthz"
PAGE_KINDS = (KIND_DASHBOARD, KIND_OVERVIEW, KIND_STEP, KIND_SAVE, KIND_REPORT)

TIMEOUT_S = 60  # gunicorn kills a worker after 30 s; the client waits longer, so it sees that
REPORT_POLL_S = float(os.environ.get("LOAD_REPORT_POLL_S", "300"))
SAVE_SHARE = 0.5  # of the wizard step visits end in a save
CHANGE_SHARE = 0.5  # of the saves change a text first
PLAN_URL = re.compile(r"^/plans/(\d+)/$")
STEP_URL = re.compile(r"^/plans/(\d+)/steps/([\w-]+)/$")


class Shared:
    """What the users of one run share with the driver: who logs in as whom, how many are ready, which reports
    were requested. `reset()` between runs."""

    accounts: dict | None = None
    next_index: dict[str, int] = {}
    ready = 0
    failed = 0
    addresses = 0  # counts up over the whole run: no two users share an address
    reports: list[int] = []
    plan_size: dict[int, str] = {}

    @classmethod
    def load(cls) -> dict:
        if cls.accounts is None:
            cls.accounts = json.loads(Path(os.environ["LOAD_ACCOUNTS"]).read_text(encoding="utf-8"))
            cls.plan_size = {row["id"]: row["size"] for row in cls.accounts["plans"]}
        return cls.accounts

    @classmethod
    def reset(cls) -> None:
        cls.next_index, cls.ready, cls.failed, cls.reports = {}, 0, 0, []

    @classmethod
    def account(cls, role: str) -> tuple[str, str]:
        data = cls.load()
        pool = data["accounts"][role]
        index = cls.next_index.get(role, 0)
        cls.next_index[role] = index + 1
        return pool[index % len(pool)]["username"], data["password"]


class PlannerUser(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    role = ""

    def on_start(self) -> None:
        Shared.load()
        self.username, password = Shared.account(self.role)
        # Each user comes from an address of its own, through the proxy bench/load/run declares (as nginx in
        # docs/deploy.md): the sign-in rate limits count per address, as they would for real people.
        Shared.addresses += 1
        self.client.headers["X-Forwarded-For"] = (
            f"10.{Shared.addresses // 65536 % 256}.{Shared.addresses // 256 % 256}.{Shared.addresses % 256}"
        )
        self.plans: list[int] = []
        self.steps: list[str] = []
        try:
            self.login(password)
            self.dashboard()
            if not self.plans:
                raise RuntimeError(
                    f"logged in as {self.username} (sent on to {self.after_login or '?'}), but the dashboard lists no "
                    "plan: see this level's failures"
                )
            self.overview(random.choice(self.plans))
        except Exception:
            Shared.failed += 1
            raise
        Shared.ready += 1

    # -- requests ---------------------------------------------------------------------------------------------

    def origin(self) -> str:
        parsed = urlparse(self.host)
        return f"{parsed.scheme}://{parsed.netloc}"

    def get_page(self, url: str, kind: str, *, htmx: bool = False, **context: str) -> lxml.html.HtmlElement | None:
        """GET a page; a failure unless it answers 200 with HTML (a redirect to the login is a failure too)."""
        headers = {"HX-Request": "true", "HX-Current-URL": self.origin() + url} if htmx else {}
        with self.client.get(
            url, name=kind, headers=headers, allow_redirects=False, timeout=TIMEOUT_S, catch_response=True,
            context=context,
        ) as response:  # fmt: skip
            if response.status_code != 200:
                response.failure(f"{response.status_code} {response.headers.get('Location', '')}".strip())
                return None
            try:
                tree = lxml.html.fromstring(response.text)
            except Exception as exc:  # noqa: BLE001 - an unreadable page is a failure of that page
                response.failure(f"unreadable page: {exc}")
                return None
        return tree

    def post_form(
        self, url: str, data: list[tuple[str, str]], kind: str, *, referer: str, htmx: bool = False, **context: str
    ):
        """POST form data the way the browser does (Origin and Referer; htmx adds its headers and the CSRF header
        the page's body declares); the caller judges the answer (catch_response)."""
        headers = {"Origin": self.origin(), "Referer": self.origin() + referer}
        if htmx:
            headers |= {"HX-Request": "true", "HX-Current-URL": self.origin() + referer}
            token = dict(data).get("csrfmiddlewaretoken")
            if token:
                headers["X-CSRFToken"] = token
        return self.client.post(
            url, data=data, name=kind, headers=headers, allow_redirects=False, timeout=TIMEOUT_S, catch_response=True,
            context=context,
        )  # fmt: skip

    def login(self, password: str) -> None:
        tree = self.get_page("/accounts/login/", KIND_LOGIN)
        if tree is None:
            raise RuntimeError("the login page did not load")
        form = next(f for f in tree.forms if f.xpath(".//input[@type='password']"))
        secret = form.xpath(".//input[@type='password']")[0].get("name")
        data = replace_value(replace_value(form_values(form), "username", self.username), secret, password)
        with self.post_form("/accounts/login/", data, KIND_LOGIN, referer="/accounts/login/") as response:
            if response.status_code != 302 or "/accounts/login/" in response.headers.get("Location", ""):
                problem = f"login as {self.username} failed: {response.status_code} {save_problem(response)}"
                response.failure(problem)
                raise RuntimeError(problem)
            self.after_login = response.headers.get("Location", "")

    def size(self, plan: int) -> str:
        return Shared.plan_size.get(plan, "other")

    # -- pages ------------------------------------------------------------------------------------------------

    @task(2)
    def dashboard(self) -> None:
        tree = self.get_page("/", KIND_DASHBOARD)
        if tree is not None:
            plans = {int(m.group(1)) for m in (PLAN_URL.match(path(a)) for a in tree.iterlinks()) if m}
            self.plans = sorted(plans) or self.plans

    def overview(self, plan: int) -> lxml.html.HtmlElement | None:
        tree = self.get_page(f"/plans/{plan}/", KIND_OVERVIEW, plan=self.size(plan))
        if tree is not None and not self.steps:
            steps = [m.group(2) for m in (STEP_URL.match(path(a)) for a in tree.iterlinks()) if m]
            self.steps = list(dict.fromkeys(steps))
        return tree

    @task(4)
    def read_overview(self) -> None:
        if self.plans:
            self.overview(random.choice(self.plans))


def path(link: tuple) -> str:
    """The path of an lxml link tuple (element, attribute, link, pos): the planner links by path."""
    return urlparse(link[2]).path


class LeadUser(PlannerUser):
    """A marketing lead: reads, works through the wizard, saves steps."""

    weight = 4
    role = "lead"

    @task(6)
    def wizard_step(self) -> None:
        if not self.plans or not self.steps:
            return
        plan, step = random.choice(self.plans), random.choice(self.steps)
        url = f"/plans/{plan}/steps/{step}/"
        tree = self.get_page(url, KIND_STEP, plan=self.size(plan), step=step)
        if tree is None or random.random() >= SAVE_SHARE:
            return
        self.wait()  # reads and types
        self.save(tree, url, plan, step)

    def save(self, tree: lxml.html.HtmlElement, url: str, plan: int, step: str) -> None:
        form = tree.get_element_by_id("step-form")
        data = form_values(form)
        context = {"plan": self.size(plan), "step": step}
        changed = change_one_text(form, data) if random.random() < CHANGE_SHARE else None
        if changed is not None:
            data = changed
            autosave = path((None, None, form.get("hx-post"), 0))
            with self.post_form(autosave, data, KIND_AUTOSAVE, referer=url, htmx=True, **context) as response:
                if response.status_code == 409:
                    response.success()  # the plan changed since the page was loaded: the draft is not kept
                elif response.status_code != 204:
                    response.failure(f"{response.status_code}")
            self.wait()
        buttons = [b.get("value") for b in form.iter("button") if b.get("name") == "nav" and b.get("value") != "back"]
        nav = random.choice(buttons or ["stay"])
        with self.post_form(url, [*data, ("nav", nav)], KIND_SAVE, referer=url, **context) as response:
            target = urlparse(response.headers.get("Location", "")).path
            if response.status_code == 302 and target.startswith(f"/plans/{plan}/"):
                response.success()
            elif response.status_code == 409:
                # Someone else saved the plan meanwhile: the step shows the conflict and keeps the input. Correct,
                # and counted apart by the driver.
                response.success()
                return
            else:
                response.failure(f"{response.status_code} {save_problem(response)}")
                return
        if STEP_URL.match(target):
            self.get_page(target, KIND_STEP, plan=self.size(plan), step=STEP_URL.match(target).group(2))
        else:
            self.get_page(target, KIND_OVERVIEW, plan=self.size(plan))


def save_problem(response) -> str:
    """The messages of a step page that refused a save: the alert and the first field errors."""
    try:
        tree = lxml.html.fromstring(response.text)
    except Exception:  # noqa: BLE001
        return response.text[:200]
    texts = [" ".join(el.text_content().split()) for el in tree.find_class("alert-danger")]
    texts += [" ".join(el.text_content().split()) for el in tree.find_class("invalid-feedback")][:3]
    return " | ".join(texts)[:300]


class ExecutiveUser(PlannerUser):
    """An executive: reads; some request one report, wait for it on the overview, and download it."""

    weight = 1
    role = "executive"

    def on_start(self) -> None:
        self.reported = False
        super().on_start()

    @task(1)
    def request_report(self) -> None:
        if self.reported or not self.plans:
            return self.read_overview()
        self.reported = True
        plan = random.choice(self.plans)
        url = f"/plans/{plan}/"
        tree = self.overview(plan)
        if tree is None:
            return None
        form = next(f for f in tree.forms if "/reports/plan/" in (f.get("action") or ""))
        variant = random.choice([o.get("value") for o in form.inputs["variant"].iter("option")])
        data = replace_value(form_values(form), "variant", variant)
        action = urlparse(form.get("action")).path
        context = {"plan": self.size(plan), "variant": variant}
        with self.post_form(action, data, KIND_REPORT, referer=url, htmx=True, **context) as response:
            match = re.search(r'id="report-(\d+)"', response.text) if response.status_code == 200 else None
            if match is None:
                response.failure(f"{response.status_code}: no report row")
                return None
            report = int(match.group(1))
            Shared.reports.append(report)
        self.wait_for_report(report, url, context)
        return None

    def wait_for_report(self, report: int, url: str, context: dict) -> None:
        deadline = time.monotonic() + REPORT_POLL_S
        while time.monotonic() < deadline:
            gevent.sleep(1)  # hx-trigger="every 1s"
            row = self.get_page(f"/reports/{report}/status/", KIND_REPORT_STATUS, htmx=True, **context)
            item = None if row is None else (row if row.tag == "li" else row.find(".//li"))
            status = None if item is None else item.get("data-status")
            if status == "done":
                link = next((path(a) for a in item.iterlinks() if "/download/" in a[2]), "")
                with self.client.get(
                    link, name=KIND_REPORT_DOWNLOAD, timeout=TIMEOUT_S, catch_response=True, context=context,
                    headers={"Referer": self.origin() + url},
                ) as response:  # fmt: skip
                    if response.status_code != 200 or not response.content.startswith(b"%PDF"):
                        response.failure(f"{response.status_code}: no PDF")
                return
            if status == "failed":
                return  # the driver reads every report's end from the database


class FloorUser(HttpUser):
    """The floor: a bare Django view under the same think times."""

    wait_time = between(1, 3)

    def on_start(self) -> None:
        Shared.ready += 1

    @task
    def healthz(self) -> None:
        with self.client.get("/healthz", name=KIND_HEALTHZ, timeout=TIMEOUT_S, catch_response=True) as response:
            if response.status_code != 200 or response.text != "ok":
                response.failure(f"{response.status_code}")
