"""The load test's driver: locust as a library, headless, one level after the other against a running planner
(bench/load/run starts the planner, seeds it and calls this).

For each level: a fresh set of users (bench/load/locustfile.py) is spawned and logs in; when every user is in and a
warm-up has passed, the measuring window opens for `--duration` seconds: every request that completes in it is
counted by page kind, and the CPU of each process group is read with psutil at both ends (bench/load/cpu.py). Then
the users stop, and the reports they requested are awaited in the database (bench/load/reports.py) before the next
level starts. The floor is the same number of users asking /healthz. Figures go to --out (JSON) and --markdown.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import gevent
from locust.env import Environment
from locust.event import Events

from bench.load import locustfile as users
from bench.load.cpu import Sampler

ROOT = Path(__file__).resolve().parents[2]
GROUPS = ("gunicorn", "celery", "postgres", "redis", "locust")
DETAIL_KINDS = (users.KIND_OVERVIEW, users.KIND_STEP, users.KIND_SAVE)
ALL_PAGES = "all five page kinds together"
LOG_ERROR_MARKERS = ("Traceback (most recent call last)", "[CRITICAL] WORKER TIMEOUT", "Internal Server Error")


def percentile(values: list[float], fraction: float) -> float:
    """Nearest rank: the smallest value that at least `fraction` of the values do not exceed."""
    ordered = sorted(values)
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]


class Collector:
    """Listens to every request of one level; counts the ones that complete inside the window."""

    def __init__(self) -> None:
        self.active = False
        self.times: dict[str, list[float]] = defaultdict(list)
        self.failures: dict[str, Counter] = defaultdict(Counter)
        self.conflicts = 0
        self.user_errors: Counter = Counter()
        self.outside: Counter = Counter()

    def on_request(self, name: str, response_time: float, exception=None, context=None, response=None, **_) -> None:
        if not self.active:
            if exception is not None:  # before the window (logins, warm-up): kept for the diagnosis only
                self.outside[f"{name}: {exception}"[:240]] += 1
            return
        context = context or {}
        keys = [name]
        if name in users.PAGE_KINDS:
            keys.append(ALL_PAGES)
        if name in DETAIL_KINDS and context.get("plan"):
            keys.append(f"{name} [{context['plan']} plan]")
            if context.get("step"):  # per step, in the JSON only
                keys.append(f"{name} · {context['step']} [{context['plan']} plan]")
        for key in keys:
            self.times[key].append(response_time)
            if exception is not None:
                self.failures[key][str(exception)[:240]] += 1
        if exception is None and name == users.KIND_SAVE and response is not None and response.status_code == 409:
            self.conflicts += 1

    def on_user_error(self, user_instance, exception, tb, **_) -> None:
        self.user_errors[f"{type(user_instance).__name__}: {type(exception).__name__}: {exception}"[:300]] += 1

    def kinds(self, duration: float) -> dict:
        return {
            key: {
                "requests": len(times),
                "per_s": round(len(times) / duration, 2),
                "p50_ms": round(percentile(times, 0.50)),
                "p95_ms": round(percentile(times, 0.95)),
                "p99_ms": round(percentile(times, 0.99)),
                "max_ms": round(max(times)),
                "failures": sum(self.failures[key].values()),
            }
            for key, times in sorted(self.times.items())
        }


def log_size(path: Path | None) -> int:
    return path.stat().st_size if path and path.exists() else 0


def log_errors(path: Path | None, start: int) -> dict:
    """What the log gained since `start`: how often each error marker occurs, and the first tracebacks in full."""
    if not path or not path.exists():
        return {}
    with path.open("rb") as handle:
        handle.seek(start)
        text = handle.read().decode("utf-8", "replace")
    counts = {marker: text.count(marker) for marker in LOG_ERROR_MARKERS if marker in text}
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("Traceback (most recent call last)")]
    excerpts = []
    for start in starts[:3]:
        # the line before names the request ("Internal Server Error: /plans/3/"); the traceback ends with the
        # first line that is not indented (the exception), or runs into a chained one
        end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" ")), start)
        excerpts.append("\n".join(lines[max(start - 1, 0) : end + 1]))
    return {"counts": counts, "tracebacks": excerpts} if counts else {}


def check_reports(ids: list[int], timeout: float) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "bench.load.reports", *map(str, ids), "--timeout", str(timeout)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return {"error": result.stderr[-2000:]}
    return json.loads(result.stdout)


def run_level(args, *, label: str, count: int, classes: list, sampler: Sampler) -> dict:
    print(f"== {label}: {count} users", flush=True)
    users.Shared.reset()
    collector = Collector()
    events = Events()
    events.request.add_listener(collector.on_request)
    events.user_error.add_listener(collector.on_user_error)
    env = Environment(user_classes=classes, host=args.host, events=events)
    runner = env.create_local_runner()
    gunicorn_log_start, celery_log_start = log_size(args.gunicorn_log), log_size(args.celery_log)
    load_before = os.getloadavg()
    started = time.monotonic()
    runner.start(count, spawn_rate=args.spawn_rate)
    while users.Shared.ready + users.Shared.failed < count and time.monotonic() - started < args.ramp_timeout:
        gevent.sleep(0.2)
    ramp_s = time.monotonic() - started
    print(f"   {users.Shared.ready} of {count} users in after {ramp_s:.1f} s; warm-up {args.warmup:g} s", flush=True)
    if users.Shared.failed:
        print(f"   {users.Shared.failed} users could not start: {dict(collector.user_errors)}", flush=True)
        print(f"   failed requests so far: {dict(collector.outside.most_common(5))}", flush=True)
    gevent.sleep(args.warmup)
    collector.active = True
    cpu_start = sampler.snapshot()
    gevent.sleep(args.duration)
    cpu_end = sampler.snapshot()
    collector.active = False
    runner.quit()
    # An executive asking for a report of the same plan and variant as another one still rendering is shown that
    # report (reports.services.report_request): the same id twice is one report.
    reports = sorted(set(users.Shared.reports))
    kinds = collector.kinds(args.duration)
    cpu = sampler.usage(cpu_start, cpu_end)
    single = [kind for kind in kinds if "[" not in kind and kind != ALL_PAGES]
    steps = {kind: kinds.pop(kind) for kind in list(kinds) if " · " in kind}
    total = sum(kinds[kind]["requests"] for kind in single)
    failures = sum(kinds[kind]["failures"] for kind in single)
    print(f"   {total / args.duration:.1f} requests/s, {failures} failed; machine busy {cpu['machine_busy_pct']} %")
    report_check = check_reports(reports, args.report_timeout) if reports else {"requested": 0}
    if reports:
        print(
            f"   reports: {report_check.get('done')} of {len(reports)} done "
            f"(waited {report_check.get('drain_s')} s after the window)",
            flush=True,
        )
    gunicorn_seconds = cpu["groups_cpu_s"].get("gunicorn", 0.0)
    return {
        "label": label,
        "users": count,
        "users_ready": users.Shared.ready,
        "ramp_s": round(ramp_s, 1),
        "loadavg_before": [round(x, 2) for x in load_before],
        "requests": total,
        "requests_per_s": round(total / args.duration, 2),
        "failures": failures,
        "failure_messages": {kind: dict(found.most_common(10)) for kind, found in collector.failures.items() if found},
        "user_errors": dict(collector.user_errors.most_common(10)),
        "failures_outside_the_window": dict(collector.outside.most_common(10)),
        "save_conflicts_409": collector.conflicts,
        "kinds": kinds,
        "steps": steps,
        "cpu": cpu,
        "gunicorn_cpu_ms_per_request": round(1000 * gunicorn_seconds / total, 1) if total else None,
        "report_ids": reports,
        "reports": report_check,
        "gunicorn_log_errors": log_errors(args.gunicorn_log, gunicorn_log_start),
        "celery_log_errors": log_errors(args.celery_log, celery_log_start),
    }


# -- the tables -----------------------------------------------------------------------------------------------------


def _cell(kind: dict | None) -> str:
    if not kind:
        return "–"
    failed = f", **{kind['failures']} failed**" if kind["failures"] else ""
    return f"{kind['p50_ms']} / {kind['p95_ms']} / {kind['p99_ms']} ({kind['requests']}{failed})"


def _busy_cell(cpu: dict) -> str:
    stolen = cpu.get("machine_steal_pct", 0)
    return f"{cpu['machine_busy_pct']} %" + (f" (and {stolen} % stolen by the host)" if stolen >= 0.5 else "")


def _log_cell(level: dict) -> str:
    counts = level.get("gunicorn_log_errors", {}).get("counts", {})
    tracebacks = counts.get("Traceback (most recent call last)", 0)
    timeouts = counts.get("[CRITICAL] WORKER TIMEOUT", 0)
    return f"**{tracebacks} / {timeouts}**" if tracebacks or timeouts else "0 / 0"


def _group_cell(cpu: dict, group: str) -> str:
    """A group's share; for gunicorn also each worker's (the master's own share is in the total)."""
    text = f"{cpu['groups_pct'].get(group, 0)} %"
    if group == "gunicorn":
        workers = [row["cpu_pct"] for row in cpu["processes"].get(group, []) if not row["root"]]
        text += f" (workers {' / '.join(f'{pct}' for pct in workers)})" if workers else ""
    return text


def markdown(results: dict) -> str:
    levels = results["levels"]
    head = "| | " + " | ".join(level["label"] for level in levels) + " |"
    rule = "|---" * (len(levels) + 1) + "|"

    def row(title: str, values) -> str:
        return f"| {title} | " + " | ".join(str(v) for v in values) + " |"

    def reports(level: dict) -> str:
        check = level["reports"]
        if "error" in check:
            return "**the check in the database failed** (see results.json)"
        if not check.get("requested"):
            return "–"
        text = f"{check.get('done', '?')} of {check['requested']} done"
        if check.get("failed") or check.get("pending") or check.get("missing"):
            text += f", **{len(check.get('failed', []))} failed, {len(check.get('pending', []))} pending**"
        turnaround = check.get("turnaround_s") or {}
        if turnaround:
            text += f" (request to done {turnaround['median']} s median, {turnaround['max']} s max)"
        return text

    setup = results.get("setup", {})
    web = setup.get("gunicorn", {})
    lines = [
        f"Run {results['started']} ({results.get('total_s', '?')} s with the report checks, without the setup); "
        f"gunicorn {web.get('workers')} {web.get('worker_class')} workers × {web.get('threads')} thread(s), "
        f"one Celery worker (concurrency {setup.get('celery', {}).get('concurrency')}), "
        f"PostgreSQL {setup.get('postgresql')}, Redis {setup.get('redis')}, {setup.get('cpus')} CPUs, "
        f"commit {setup.get('commit')}; "
        f"{results['duration_s']:g} s measured per level after a {results['warmup_s']:g} s warm-up.",
        "",
    ]
    busy = [f"{level['label']}: {level['cpu']['other_pct']} %" for level in levels if level["cpu"]["other_pct"] > 20]
    if busy:
        lines += [
            f"**The machine was not quiet**: other processes took a share of its CPUs during {'; '.join(busy)} "
            '(row "other processes"); those figures are what was left for the planner, not its capacity.',
            "",
        ]
    lines += [head, rule]
    lines.append(row("requests/s (all kinds)", [level["requests_per_s"] for level in levels]))
    lines.append(row("failed requests", [f"**{lv['failures']}**" if lv["failures"] else 0 for lv in levels]))
    lines.append(row("tracebacks / worker timeouts in the gunicorn log", [_log_cell(lv) for lv in levels]))
    lines.append(row("saves refused as conflicts (409, by design)", [lv["save_conflicts_409"] for lv in levels]))
    lines.append(row("reports", [reports(level) for level in levels]))
    lines.append(row("machine busy (2 CPUs = 100 %)", [_busy_cell(level["cpu"]) for level in levels]))
    for group in GROUPS:
        lines.append(row(f"– {group}", [_group_cell(level["cpu"], group) for level in levels]))
    lines.append(row("– other processes (machine load)", [f"{lv['cpu']['other_pct']} %" for lv in levels]))
    lines.append(row("gunicorn CPU per request", [f"{lv['gunicorn_cpu_ms_per_request']} ms" for lv in levels]))
    lines.append(row("load average before the level", [" ".join(map(str, lv["loadavg_before"])) for lv in levels]))
    kinds = [
        ALL_PAGES,
        users.KIND_DASHBOARD,
        users.KIND_OVERVIEW,
        f"{users.KIND_OVERVIEW} [example plan]",
        f"{users.KIND_OVERVIEW} [large plan]",
        users.KIND_STEP,
        f"{users.KIND_STEP} [example plan]",
        f"{users.KIND_STEP} [large plan]",
        users.KIND_SAVE,
        f"{users.KIND_SAVE} [example plan]",
        f"{users.KIND_SAVE} [large plan]",
        users.KIND_AUTOSAVE,
        users.KIND_REPORT,
        users.KIND_REPORT_STATUS,
        users.KIND_REPORT_DOWNLOAD,
        users.KIND_HEALTHZ,
    ]
    lines += ["", "Latency in ms, p50 / p95 / p99 (requests in the window):", "", head, rule]
    for kind in kinds:
        if any(kind in level["kinds"] for level in levels):
            lines.append(row(kind, [_cell(level["kinds"].get(kind)) for level in levels]))
    final = results.get("all_reports") or {}
    if final.get("requested"):
        lines += [
            "",
            f"Reports at the end, in the database: {final.get('done')} of the {final['requested']} requested are done"
            f" ({len(final.get('failed', []))} failed, {len(final.get('pending', []))} pending,"
            f" {len(final.get('missing', []))} missing); all reports there by status:"
            f" {final.get('all_reports_in_database')}.",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", required=True)
    parser.add_argument("--levels", default="10,25,50", help="users per level, comma-separated")
    parser.add_argument("--floor", type=int, default=50, help="users asking /healthz (0: no floor)")
    parser.add_argument("--duration", type=float, default=60, help="seconds measured per level")
    parser.add_argument("--warmup", type=float, default=10, help="seconds between the last login and the window")
    parser.add_argument("--spawn-rate", type=float, default=5, help="users started per second")
    parser.add_argument("--ramp-timeout", type=float, default=180)
    parser.add_argument("--report-timeout", type=float, default=210, help="seconds to wait for reports per level")
    parser.add_argument("--pid", action="append", default=[], metavar="GROUP=PID", help="a process group's root")
    parser.add_argument("--gunicorn-log", type=Path)
    parser.add_argument("--celery-log", type=Path)
    parser.add_argument("--setup", default="{}", help="JSON: how the planner was started, kept with the figures")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args(argv)
    pids = dict(item.split("=", 1) for item in args.pid)
    sampler = Sampler({**{name: int(pid) for name, pid in pids.items()}, "locust": os.getpid()})
    started = time.time()
    results = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S %z", time.localtime(started)),
        "setup": json.loads(args.setup),
        "duration_s": args.duration,
        "warmup_s": args.warmup,
        "levels": [],
    }
    levels = [int(n) for n in args.levels.split(",") if n.strip()]
    for count in levels:
        level = run_level(
            args, label=f"{count} users", count=count, classes=[users.LeadUser, users.ExecutiveUser], sampler=sampler
        )
        results["levels"].append(level)
    if args.floor:
        level = run_level(
            args, label=f"{args.floor} users, /healthz (floor)", count=args.floor, classes=[users.FloorUser],
            sampler=sampler,
        )  # fmt: skip
        results["levels"].append(level)
    every = [report for level in results["levels"] for report in level["report_ids"]]
    results["all_reports"] = check_reports(every, args.report_timeout)
    results["total_s"] = round(time.time() - started, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    table = markdown(results)
    if args.markdown:
        args.markdown.write_text(table, encoding="utf-8")
    print("\n" + table)
    problems = problems_found(results)
    if problems:
        print("The load test found problems:\n- " + "\n- ".join(problems), file=sys.stderr)
        raise SystemExit(3)


def problems_found(results: dict) -> list[str]:
    """What the trust issue asks for under load, and that did not hold: no failed request, no traceback or worker
    timeout in the logs, every user in, every requested report done."""
    problems = []
    for level in results["levels"]:
        label = level["label"]
        if level["failures"]:
            problems.append(f"{label}: {level['failures']} requests failed: {level['failure_messages']}")
        if level["users_ready"] < level["users"]:
            problems.append(f"{label}: only {level['users_ready']} of {level['users']} users started")
        for log in ("gunicorn_log_errors", "celery_log_errors"):
            if level[log]:
                problems.append(f"{label}: {log.replace('_', ' ')}: {level[log]['counts']}")
    final = results.get("all_reports") or {}
    if "error" in final:
        problems.append("the reports could not be checked in the database: " + final["error"][-300:])
    elif final.get("requested") and final.get("done") != final["requested"]:
        problems.append(
            f"reports: {final.get('done')} of {final['requested']} done; failed {final.get('failed')}, "
            f"pending {final.get('pending')}, missing {final.get('missing')}"
        )
    return problems


if __name__ == "__main__":
    main()
