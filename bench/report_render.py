"""How fast reports render, measured: run it with `bash bench/run` (PostgreSQL, Redis and
real Celery workers, set up as bin/test does), figures go to docs/benchmarks.md.

For the example plan and a large generated plan it reports the medians of several runs
in one process: the whole task through a real Celery worker (request to "done"), the raw
WeasyPrint call on the same HTML, their ratio, pages, PDF bytes and the worker's peak
RSS; then reports per minute for a batch of 20 requests with one and two workers.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from pathlib import Path

import pytest

from conftest import Worker
from planner.plan_file import plan_to_document
from planner.services import plan_duplicate
from reports import services
from reports.models import Report
from reports.pdf import html_to_pdf
from reports.tests.conftest import content, example_plan, large_plan  # noqa: F401 - fixtures

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
BATCH = int(os.environ.get("BENCH_BATCH", "20"))
OUT = Path(__file__).resolve().parent.parent / "var" / "bench" / "report_render.json"


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
            return int(line.split()[1]) / 1024
    return 0.0


def measure_plan(plan, variant: str) -> dict:
    snapshot = plan_to_document(plan)
    html = services.report_html(snapshot=snapshot, variant=variant, number=1)
    raw, end_to_end, in_worker = [], [], []
    html_to_pdf(html)  # warm-up, as the worker is warm
    for _ in range(RUNS):
        started = time.perf_counter()
        rendered = html_to_pdf(html)
        raw.append(time.perf_counter() - started)
    for _ in range(RUNS):
        started = time.perf_counter()
        report = services.report_request(plan=plan, user=None, variant=variant)
        wait_done([report.pk])
        end_to_end.append(time.perf_counter() - started)
        report.refresh_from_db()
        in_worker.append(report.render_seconds)
    return {
        "variant": variant,
        "end_to_end_s": round(statistics.median(end_to_end), 3),
        "in_worker_render_s": round(statistics.median(in_worker), 3),
        "weasyprint_s": round(statistics.median(raw), 3),
        "ratio": round(statistics.median(end_to_end) / statistics.median(raw), 3),
        "pages": rendered.page_count,
        "pdf_bytes": len(rendered.content),
    }


def throughput(plan, workers: list[Worker]) -> float:
    # One plan per report: a second request for a plan whose report is still pending is not queued again.
    copies = [plan_duplicate(plan=plan, user=None) for _ in range(BATCH)]
    started = time.perf_counter()
    ids = [services.report_request(plan=copy, user=None).pk for copy in copies]
    wait_done(ids, timeout=600)
    return round(BATCH / (time.perf_counter() - started) * 60, 1)


def test_report_render_benchmark(example_plan, large_plan, celery_worker, celery_queue, tmp_path):  # noqa: F811
    warm_up = services.report_request(plan=example_plan, user=None)  # fonts and imports loaded once
    wait_done([warm_up.pk])
    results: dict = {"runs": RUNS, "cpus": os.cpu_count(), "plans": {}}
    for name, plan in (("example", example_plan), ("large", large_plan)):
        results["plans"][name] = [measure_plan(plan, "full"), measure_plan(plan, "short")]
    pool = celery_worker.pool_pids()
    results["worker_peak_rss_mb"] = {
        "main": round(peak_rss_mb(celery_worker.process.pid), 1),
        "pool_child": round(max(peak_rss_mb(pid) for pid in pool), 1),
    }
    results["throughput_reports_per_minute"] = {"plan": "large", "batch": BATCH}
    results["throughput_reports_per_minute"]["one_worker"] = throughput(large_plan, [celery_worker])
    second = Worker(celery_queue, tmp_path / "worker2.log", celery_worker.media_root)
    second.start()
    try:
        results["throughput_reports_per_minute"]["two_workers"] = throughput(large_plan, [celery_worker, second])
    finally:
        second.stop()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2) + "\n")
    print("\n" + json.dumps(results, indent=2))
