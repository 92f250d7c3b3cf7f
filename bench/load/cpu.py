"""CPU time per process group, read with psutil at the start and the end of a measuring window.

A group is a process with all its descendants. Its CPU seconds are, for every process of the tree, user + system
time plus the time of its children it has already reaped (children_user/children_system): a gunicorn worker that was
replaced, a PostgreSQL backend that closed, a Celery pool child that was recycled all stay counted after they exit.
The machine's busy time comes from the kernel's counters for all CPUs; what our groups do not explain is "other":
the rest of the machine (other developers' test runs, the shell), reported as the machine's load.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

import psutil


def _own_seconds(process: psutil.Process, *, with_children: bool = True) -> float:
    times = process.cpu_times()
    seconds = times.user + times.system
    if with_children:
        seconds += times.children_user + times.children_system
    return seconds


def _machine_seconds() -> tuple[float, float]:
    """Busy and stolen CPU seconds of all CPUs since boot. Stolen: the hypervisor ran something else while this
    machine wanted to run; guest time is already counted in user time."""
    times = psutil.cpu_times()
    steal = getattr(times, "steal", 0.0)
    idle = times.idle + getattr(times, "iowait", 0.0)
    return sum(times) - idle - steal - getattr(times, "guest", 0.0) - getattr(times, "guest_nice", 0.0), steal


@dataclass
class Snapshot:
    at: float
    machine_busy: float
    machine_steal: float
    groups: dict[str, float]
    processes: dict[int, tuple[str, str, float]]  # pid -> (group, command, own seconds incl. reaped children)
    everything: dict[tuple[int, float], tuple[str, float]] = field(default_factory=dict)  # (pid, created) -> name, s


class Sampler:
    """`snapshot()` at the start and the end of a window, then `usage(start, end)`."""

    def __init__(self, groups: dict[str, int]):
        self.groups = groups  # name -> root pid

    def _tree(self, pid: int) -> list[psutil.Process]:
        try:
            root = psutil.Process(pid)
            return [root, *root.children(recursive=True)]
        except psutil.Error:
            return []

    def snapshot(self) -> Snapshot:
        groups: dict[str, float] = {}
        processes: dict[int, tuple[str, str, float]] = {}
        for group, pid in self.groups.items():
            total = 0.0
            for process in self._tree(pid):
                try:
                    seconds = _own_seconds(process)
                    name = " ".join(process.cmdline())[:80] or process.name()
                except psutil.Error:
                    continue  # it ended between listing and reading: its parent has reaped it (or will)
                total += seconds
                processes[process.pid] = (group, name, seconds)
            groups[group] = total
        everything = {}
        for process in psutil.process_iter(["pid", "name", "create_time", "cpu_times"]):
            info = process.info
            if info["cpu_times"] is None:
                continue
            everything[(info["pid"], info["create_time"])] = (
                info["name"],
                info["cpu_times"].user + info["cpu_times"].system,
            )
        return Snapshot(time.time(), *_machine_seconds(), groups, processes, everything)

    def usage(self, start: Snapshot, end: Snapshot) -> dict:
        """Shares of the whole machine (all CPUs = 100 %) over the window, per group and per process of a group."""
        wall = end.at - start.at
        capacity = wall * (psutil.cpu_count() or os.cpu_count() or 1)

        def share(seconds: float) -> float:
            return round(100 * max(seconds, 0.0) / capacity, 1)

        groups = {name: end.groups.get(name, 0.0) - start.groups.get(name, 0.0) for name in self.groups}
        ours = sum(groups.values())
        busy = end.machine_busy - start.machine_busy
        per_process = {}
        for pid, (group, name, seconds) in end.processes.items():
            before = start.processes.get(pid, (group, name, 0.0))[2]
            row = {"pid": pid, "root": pid == self.groups[group], "cmd": name, "cpu_pct": share(seconds - before)}
            per_process.setdefault(group, []).append(row)
        our_pids = set(end.processes) | set(start.processes)
        others: dict[str, float] = {}
        for key, (name, seconds) in end.everything.items():
            if key[0] in our_pids:
                continue
            before = start.everything.get(key, (name, 0.0))[1]
            others[name] = others.get(name, 0.0) + seconds - before
        top_others = sorted(others.items(), key=lambda item: -item[1])[:4]
        return {
            "wall_s": round(wall, 1),
            "cpus": psutil.cpu_count(),
            "machine_busy_pct": share(busy),
            "machine_steal_pct": share(end.machine_steal - start.machine_steal),
            "groups_pct": {name: share(seconds) for name, seconds in groups.items()},
            "other_pct": share(busy - ours),
            "groups_cpu_s": {name: round(seconds, 2) for name, seconds in groups.items()},
            "processes": {group: sorted(rows, key=lambda r: -r["cpu_pct"]) for group, rows in per_process.items()},
            # only processes alive at both ends: the short-lived ones (a test run's backends) are in other_pct alone
            "top_other_processes_pct": {name: share(seconds) for name, seconds in top_others if seconds > 0},
        }
