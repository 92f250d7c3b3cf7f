"""How long the pages take for one user, measured: `bash bench/run pages` (PostgreSQL and Redis set up as bin/test
does; the cache is that Redis, as in production). Figures go to var/bench/pages.json and docs/benchmarks.md.

The lead's organization holds the large plan of bench/plans.py and four copies of the example plan, as each
organization of the load test does. Per page of the large plan: the median time of the request through Django's
test client (middleware, session, view, templates; no network), the queries it ran, and the same with an empty
cache ("cold": the first visitor after an edit). Saves post the page's own form data: unchanged, and with one
text changed. `BENCH_PAGE_RUNS` (default 7) sets the runs per page; `BENCH_PROFILE=<page>` (e.g. `goals`,
`goals cold`, `dashboard`, `save goals`) prints a cProfile of that page's request.
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from urllib.parse import urlencode

import lxml.html
import pytest
from django.core.cache import cache
from django.db import connection
from django.template.base import Template
from django.test.utils import CaptureQueriesContext, _TestState
from django.urls import reverse

from bench.forms import change_one_text, form_values
from bench.plans import example_document
from planner.steps import STEPS
from reports.tests.conftest import content, example_plan, import_document, large_plan  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db

RUNS = int(os.environ.get("BENCH_PAGE_RUNS", "7"))
PROFILE = os.environ.get("BENCH_PROFILE", "")
OUT = Path(__file__).resolve().parent.parent / "var" / "bench" / "pages.json"


@pytest.fixture
def redis_cache(settings):
    """The cache as in production: Redis (bin/test's, a database of its own)."""
    url = os.environ["REDIS_URL"].rsplit("/", 1)[0] + "/7"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def production_rendering(monkeypatch):
    """Templates render as in production: without the signal the test runner sends for every template."""
    monkeypatch.setattr(Template, "_render", _TestState.saved_data.template_render)


def timed(request: Callable[[], object], *, cold: bool, name: str) -> dict:
    """Median milliseconds and the queries of the last run; with ``cold`` the cache is emptied before each run."""
    times, cpu, queries = [], [], 0
    request()  # warm-up: the templates compiled, the session read once
    for _ in range(RUNS):
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            request()
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        queries = len(captured.captured_queries)
    if PROFILE in (name, f"{name} cold") and cold == PROFILE.endswith(" cold"):
        if cold:
            cache.clear()
        profile_of(request)
    return {"ms": _ms(times), "cpu_ms": _ms(cpu), "queries": queries}


def _ms(seconds: list[float]) -> float:
    return round(statistics.median(seconds) * 1000, 1)


def get(client, url: str) -> Callable[[], object]:
    def request():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    return request


def save(client, url: str, *, change: bool) -> Callable[[], tuple[float, float, int]]:
    """A save of the step with the page's own form data (read from a fresh GET, which is not counted): unchanged,
    or one text changed. Returns the POST's seconds, CPU seconds (this process) and queries."""

    def request(profile: cProfile.Profile | None = None) -> tuple[float, float, int]:
        page = lxml.html.fromstring(client.get(url).content)
        form = page.get_element_by_id("step-form")
        data = form_values(form)
        if change:
            data = change_one_text(form, data) or data
        posted: dict[str, list[str]] = {}
        for name, value in [*data, ("nav", "stay")]:
            posted.setdefault(name, []).append(value)
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            # urlencoded, as the browser posts the form (the test client's default, multipart, parses slower)
            body, kind = urlencode(posted, doseq=True), "application/x-www-form-urlencoded"
            post = partial(client.post, url, body, content_type=kind)
            response = profile.runcall(post) if profile else post()
            elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
        assert response.status_code == 302, (url, response.status_code)
        return elapsed, cpu, len(captured.captured_queries)

    return request


def timed_save(request: Callable[[], tuple[float, float, int]], *, name: str) -> dict:
    request()
    runs = [request() for _ in range(RUNS)]
    if PROFILE == name:
        profile = cProfile.Profile()
        request(profile)
        print_profile(profile)
    return {"ms": _ms([run[0] for run in runs]), "cpu_ms": _ms([run[1] for run in runs]), "queries": runs[-1][2]}


def profile_of(request: Callable[[], object]) -> None:
    profile = cProfile.Profile()
    profile.runcall(request)
    print_profile(profile)


def print_profile(profile: cProfile.Profile) -> None:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).sort_stats(os.environ.get("BENCH_PROFILE_SORT", "cumulative"))
    stats.print_stats(int(os.environ.get("BENCH_PROFILE_LINES", "60")))
    print(out.getvalue())


def test_pages_benchmark(redis_cache, production_rendering, client, lead, organization, large_plan):  # noqa: F811
    for _ in range(4):
        import_document(example_document(), organization, lead)
    client.force_login(lead)
    pages: dict[str, Callable[[], object]] = {
        "dashboard": get(client, reverse("planner:dashboard")),
        "overview": get(client, reverse("planner:plan", args=[large_plan.pk])),
        **{step.slug: get(client, reverse("planner:step", args=[large_plan.pk, step.slug])) for step in STEPS},
    }
    results: dict = {"runs": RUNS, "cpus": os.cpu_count(), "load_average": os.getloadavg(), "pages": {}}
    for name, request in pages.items():
        results["pages"][name] = {
            "warm": timed(request, cold=False, name=name),
            "cold": timed(request, cold=True, name=name),
        }
    for step in ("goals", "target-groups", "checklist"):
        url = reverse("planner:step", args=[large_plan.pk, step])
        results["pages"][f"save {step}"] = {
            "unchanged": timed_save(save(client, url, change=False), name=f"save {step}"),
            "changed": timed_save(save(client, url, change=True), name=f"save {step} changed"),
        }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2) + "\n")
    print()
    print(f"load average {results['load_average']}")
    for name, figures in results["pages"].items():
        line = "  ".join(
            f"{kind}: {f['ms']:6.1f} ms (cpu {f['cpu_ms']:6.1f}) {f['queries']:3d} q" for kind, f in figures.items()
        )
        print(f"{name:24} {line}")
