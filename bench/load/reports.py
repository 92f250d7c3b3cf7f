"""The load test's report check, in the database: waits until the given reports are done or failed and prints
JSON with each one's end, its time from request to finish and the status counts of all reports in the database.

    python -m bench.load.reports [REPORT_ID ...] [--timeout 210]

A separate process (the load driver runs under gevent) on the load test's database (DATABASE_URL).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def wait(ids: list[int], timeout: float) -> dict:
    from django.db.models import Count, Sum

    from planner.models import Plan, StepDraft
    from reports.models import Report

    ids = sorted(set(ids))  # one report asked for twice is one report
    started = time.monotonic()
    pending_states = (Report.Status.QUEUED, Report.Status.RENDERING)
    fields = {field.name for field in Report._meta.get_fields()}
    reason = next((name for name in ("failure", "error") if name in fields), "status")  # the failure's reason
    while True:
        rows = list(
            Report.objects.filter(pk__in=ids)
            .order_by("pk")
            .values("pk", "plan_id", "variant", "status", reason, "requested_at", "finished_at", "render_seconds")
        )
        pending = [row for row in rows if row["status"] in pending_states]
        if not pending or time.monotonic() - started > timeout:
            break
        time.sleep(0.5)
    turnaround = [
        (row["finished_at"] - row["requested_at"]).total_seconds()
        for row in rows
        if row["status"] == Report.Status.DONE and row["finished_at"]
    ]
    render = [row["render_seconds"] for row in rows if row["render_seconds"] is not None]
    counts = dict(Report.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return {
        "requested": len(ids),
        "found": len(rows),
        "missing": sorted(set(ids) - {row["pk"] for row in rows}),
        "done": sum(row["status"] == Report.Status.DONE for row in rows),
        "failed": [
            {"id": row["pk"], "plan": row["plan_id"], "variant": row["variant"], "reason": row[reason]}
            for row in rows
            if row["status"] == Report.Status.FAILED
        ],
        "pending": [{"id": row["pk"], "status": row["status"]} for row in pending],
        "drain_s": round(time.monotonic() - started, 1),
        "turnaround_s": _spread(turnaround),
        "render_s": _spread(render),
        "all_reports_in_database": counts,
        # that the saves wrote: the plans' revisions add up every change saved; drafts are kept input not saved
        "plan_revisions_total": Plan.objects.aggregate(total=Sum("revision"))["total"],
        "step_drafts": StepDraft.objects.count(),
    }


def _spread(values: list[float]) -> dict:
    if not values:
        return {}
    return {
        "min": round(min(values), 2),
        "median": round(statistics.median(values), 2),
        "max": round(max(values), 2),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", type=int, nargs="*")
    parser.add_argument("--timeout", type=float, default=210, help="seconds to wait for pending reports")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    print(json.dumps(wait(args.ids, args.timeout), default=str))


if __name__ == "__main__":
    main()
