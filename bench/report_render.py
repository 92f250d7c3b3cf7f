"""How fast reports render, side by side: `bash bench/run` (PostgreSQL, Redis and real Celery workers, set
up as bin/test does); the figures go to var/bench/report_render.json and .md, and from there to
docs/benchmarks.md ("Report rendering").

For the example and the large plan, full and short, medians of BENCH_RUNS (5) interleaved rounds of:
- task: the whole task through a real Celery worker, from `report_request` until the row reads done;
- in worker: the render inside that task (`render_seconds`: context, HTML, WeasyPrint);
- WeasyPrint raw: `weasyprint.HTML(string=html).render()` and `.write_pdf()` with WeasyPrint's defaults, on the
  HTML the worker rendered (layout and writing apart);
- Chromium cold: Debian's `chromium --headless --print-to-pdf` on the same HTML, its static:// URLs resolved to
  files, a new process with a new profile each time.
After them, the same HTML printed by a Chromium that is already running (warm, through Playwright); the large
plan at 1x, 2x and 4x its content (task and Chromium cold); the worker's peak memory; reports per minute with one
and two workers. The machine's load average is noted before and after: other work on the machine slows both sides.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from bench.plans import large_document
from checklists.models import ChecklistItem
from conftest import Worker
from planner.services import plan_duplicate
from reports import services
from reports.models import Report
from reports.pdf import STATIC_SCHEME, make_url_fetcher, static_path
from reports.tests.conftest import content, example_plan, import_document, large_plan  # noqa: F401 - fixtures

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
BATCH = int(os.environ.get("BENCH_BATCH", "20"))
SCALES = (1, 2, 4)
CHROMIUM = "/usr/bin/chromium"
OUT = Path(__file__).resolve().parent.parent / "var" / "bench" / "report_render"


def wait_done(report_ids: list[int], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        statuses = set(Report.objects.filter(pk__in=report_ids).values_list("status", flat=True))
        if statuses <= {Report.Status.DONE, Report.Status.FAILED}:
            assert statuses == {Report.Status.DONE}, "a benchmark report failed"
            return
        time.sleep(0.01)
    raise AssertionError("timed out")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def load() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def task(plan, variant: str) -> tuple[float, Report]:
    started = time.perf_counter()
    report = services.report_request(plan=plan, user=None, variant=variant)
    wait_done([report.pk])
    elapsed = time.perf_counter() - started
    report.refresh_from_db()
    return elapsed, report


def weasyprint_raw(html: str) -> tuple[float, float, int]:
    """WeasyPrint as its documentation calls it (our fetcher, nothing else of ours): layout and writing."""
    from weasyprint import HTML

    started = time.perf_counter()
    document = HTML(string=html, base_url=STATIC_SCHEME, url_fetcher=make_url_fetcher()).render()
    laid_out = time.perf_counter()
    document.write_pdf()
    return laid_out - started, time.perf_counter() - laid_out, len(document.pages)


def chromium_page(html: str, directory: Path) -> Path:
    """The report's HTML with its static:// URLs (the fonts) resolved to files, for Chromium."""
    resolved = re.sub(r"static://[^\"')\s]+", lambda url: static_path(url.group(0)).as_uri(), html)
    path = directory / "report.html"
    path.write_text(resolved, encoding="utf-8")
    return path


def chromium_cold(page: Path, pdf: Path) -> float:
    """A new Chromium process with a new profile prints the page; seconds until it has exited."""
    profile = tempfile.mkdtemp(prefix="chromium-")
    try:
        started = time.perf_counter()
        subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}"]
            + ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return time.perf_counter() - started
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def side_by_side(plan, variant: str, directory: Path) -> dict:
    _, report = task(plan, variant)  # an untimed round: worker, database and disk are warm, Chromium is cold
    html = services.report_source_html(report=report)
    page = chromium_page(html, directory)
    weasyprint_raw(html)
    task_s, worker_s, layout_s, write_s, raw_s, cold_s = [], [], [], [], [], []
    for _ in range(RUNS):
        elapsed, report = task(plan, variant)
        task_s.append(elapsed)
        worker_s.append(report.render_seconds)
        layout, write, _ = weasyprint_raw(html)
        layout_s.append(layout)
        write_s.append(write)
        raw_s.append(layout + write)
        cold_s.append(chromium_cold(page, directory / "chromium.pdf"))
    return {
        "variant": variant,
        "task_s": median(task_s),
        "in_worker_s": median(worker_s),
        "weasyprint_raw_s": median(raw_s),
        "weasyprint_layout_s": median(layout_s),
        "weasyprint_write_s": median(write_s),
        "chromium_cold_s": median(cold_s),
        "task_vs_chromium_cold": round(median(task_s) / median(cold_s), 2),
        "pages": report.page_count,
        "pdf_kb": round(report.file.size / 1024),
        "chromium_pages": len(PdfReader(directory / "chromium.pdf").pages),
        "html_kb": round(len(html.encode()) / 1024),
        "page": str(page),
    }


def print_warm(browser, url: str) -> float:
    started = time.perf_counter()
    tab = browser.new_page()
    tab.goto(url)
    tab.pdf(prefer_css_page_size=True)
    tab.close()
    return time.perf_counter() - started


def chromium_warm(pages: list[dict], monkeypatch) -> None:
    """The same pages printed by one Chromium that keeps running (Playwright), medians of RUNS after one print."""
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop runs in this thread
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            for result in pages:
                url = Path(result["page"]).as_uri()
                print_warm(browser, url)
                result["chromium_warm_s"] = median([print_warm(browser, url) for _ in range(RUNS)])
        finally:
            browser.close()


def scaled(scale: int, organization, lead, directory: Path) -> dict:
    items = list(ChecklistItem.objects.values_list("slug", flat=True))
    plan = import_document(large_document(checklist_items=items, scale=scale), organization, lead)
    _, report = task(plan, "full")
    page = chromium_page(services.report_source_html(report=report), directory)
    task_s, cold_s = [], []
    for _ in range(RUNS):
        elapsed, report = task(plan, "full")
        task_s.append(elapsed)
        cold_s.append(chromium_cold(page, directory / "chromium.pdf"))
    return {
        "scale": scale,
        "task_s": median(task_s),
        "chromium_cold_s": median(cold_s),
        "pages": report.page_count,
        "s_per_page": round(median(task_s) / report.page_count, 3),
    }


def throughput(plan) -> float:
    # One plan per report: a second request for a plan whose report is still pending is not queued again.
    copies = [plan_duplicate(plan=plan, user=None) for _ in range(BATCH)]
    started = time.perf_counter()
    ids = [services.report_request(plan=copy, user=None).pk for copy in copies]
    wait_done(ids, timeout=600)
    return round(BATCH / (time.perf_counter() - started) * 60, 1)


def markdown(results: dict) -> str:
    lines = [
        f"Load average (1, 5, 15 min) before {results['load_before']}, after {results['load_after']}; "
        f"{results['cpus']} CPUs; medians of {results['runs']}.",
        "",
        "| plan | variant | task | in worker | WeasyPrint raw (layout + write) | Chromium cold | Chromium warm "
        "| task / Chromium cold | pages (Chromium) | PDF |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, rows in results["plans"].items():
        for r in rows:
            lines.append(
                f"| {name} | {r['variant']} | {r['task_s']:.2f} s | {r['in_worker_s']:.2f} s "
                f"| {r['weasyprint_raw_s']:.2f} s ({r['weasyprint_layout_s']:.2f} + {r['weasyprint_write_s']:.2f}) "
                f"| {r['chromium_cold_s']:.2f} s | {r.get('chromium_warm_s', 0):.2f} s "
                f"| {r['task_vs_chromium_cold']:.2f} | {r['pages']} ({r['chromium_pages']}) | {r['pdf_kb']} kB |"
            )
    lines += ["", "| large plan | task | Chromium cold | pages | task per page |", "|---|---|---|---|---|"]
    for r in results["scaling"]:
        lines.append(
            f"| {r['scale']}x | {r['task_s']:.2f} s | {r['chromium_cold_s']:.2f} s | {r['pages']} "
            f"| {r['s_per_page']:.3f} s |"
        )
    memory, rate = results["worker_peak_rss_mb"], results["throughput_reports_per_minute"]
    lines += [
        "",
        f"Worker peak RSS: main {memory['main']} MB, rendering process {memory['pool_child_1x']} MB after the 1x "
        f"renders, {memory['pool_child_4x']} MB after 4x.",
        f"Large full reports per minute (batch of {rate['batch']}): one worker {rate['one_worker']}, "
        f"two workers {rate['two_workers']}.",
    ]
    return "\n".join(lines) + "\n"


def test_report_render_benchmark(
    example_plan,  # noqa: F811
    large_plan,  # noqa: F811
    organization,
    lead,
    celery_worker,
    celery_queue,
    tmp_path,
    monkeypatch,
):
    warm_up = services.report_request(plan=example_plan, user=None)  # fonts and imports loaded once
    wait_done([warm_up.pk])
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    results: dict = {"runs": RUNS, "cpus": os.cpu_count(), "load_before": load(), "chromium": chromium, "plans": {}}
    for name, plan in (("example", example_plan), ("large", large_plan)):
        results["plans"][name] = []
        for variant in ("full", "short"):
            directory = tmp_path / f"{name}-{variant}"
            directory.mkdir()
            results["plans"][name].append(side_by_side(plan, variant, directory))
    pool = celery_worker.pool_pids()
    results["worker_peak_rss_mb"] = {
        "main": peak_rss_mb(celery_worker.process.pid),
        "pool_child_1x": max(peak_rss_mb(pid) for pid in pool),
    }
    results["scaling"] = []
    for scale in SCALES:
        directory = tmp_path / f"scale-{scale}"
        directory.mkdir()
        results["scaling"].append(scaled(scale, organization, lead, directory))
    results["worker_peak_rss_mb"]["pool_child_4x"] = max(peak_rss_mb(pid) for pid in celery_worker.pool_pids())
    results["load_after"] = load()
    chromium_warm([row for rows in results["plans"].values() for row in rows], monkeypatch)
    results["throughput_reports_per_minute"] = {"plan": "large", "batch": BATCH}
    results["throughput_reports_per_minute"]["one_worker"] = throughput(large_plan)
    second = Worker(celery_queue, tmp_path / "worker2.log", celery_worker.media_root)
    second.start()
    try:
        results["throughput_reports_per_minute"]["two_workers"] = throughput(large_plan)
    finally:
        second.stop()
    for rows in results["plans"].values():
        for row in rows:
            row.pop("page")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.with_suffix(".json").write_text(json.dumps(results, indent=2) + "\n")
    OUT.with_suffix(".md").write_text(markdown(results))
    print("\n" + json.dumps(results, indent=2) + "\n\n" + markdown(results))
