"""What changed between two versions of a plan: pure functions over plan-file documents.

``snapshot_changes`` returns plain data (stored with the version); ``describe_changes``
turns it into a short sentence in the current language when a page shows it.
``reports.differences`` words every change as a sentence. ``same_strategy`` tells whether two documents differ in
more than their KPI check-ins: check-ins measure a plan, they do not change what was approved.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# The plan's parts in document order: a list part with how an entry is recognised across
# versions (None: by the whole entry), or FIELD for a part that is compared as a whole.
FIELD = "field"
PARTS: tuple[tuple[str, str | None], ...] = (
    ("title", FIELD),
    ("organization", FIELD),
    ("language", FIELD),
    ("industry", FIELD),
    ("start_date", FIELD),
    ("horizon_months", FIELD),
    ("summary", FIELD),
    ("situation", FIELD),
    ("goals", "key"),
    ("kpis", "id"),
    ("checkins", "id"),
    ("target_groups", "key"),
    ("channels", "channel"),
    ("content_themes", "title"),
    ("off_limits", None),
    ("roles", "person"),
    ("guidelines", "topic"),
    ("milestones", "title"),
    ("resources", FIELD),
    ("review", FIELD),
    ("checklist", FIELD),
)


def _kpis(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """The plan's KPIs without their check-ins, which are counted on their own."""
    return [
        {**{k: v for k, v in kpi.items() if k != "actuals"}, "id": f"{goal.get('key', '')}/{kpi.get('name', '')}"}
        for goal in plan.get("goals") or []
        for kpi in goal.get("kpis") or []
    ]


def _checkins(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {**checkin, "id": f"{goal.get('key', '')}/{kpi.get('name', '')}/{checkin.get('date', '')}"}
        for goal in plan.get("goals") or []
        for kpi in goal.get("kpis") or []
        for checkin in kpi.get("actuals") or []
    ]


def strategy(document: dict[str, Any]) -> dict[str, Any]:
    """The document without its KPI check-ins: what a review looks at and an approval covers."""
    plan = document.get("plan") or {}
    goals = [
        {**goal, "kpis": [{k: v for k, v in kpi.items() if k != "actuals"} for kpi in goal.get("kpis") or []]}
        for goal in plan.get("goals") or []
    ]
    return {**document, "plan": {**plan, "goals": goals}}


def same_strategy(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether two documents differ in nothing but KPI check-ins (key order aside)."""
    return canonical(strategy(old)) == canonical(strategy(new))


def _entries(plan: dict[str, Any], part: str) -> list[Any]:
    if part == "kpis":
        return _kpis(plan)
    if part == "checkins":
        return _checkins(plan)
    if part == "goals":  # a goal's KPIs are counted on their own
        return [{k: v for k, v in goal.items() if k != "kpis"} for goal in plan.get("goals") or []]
    return list(plan.get(part) or [])


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _list_change(old: list[Any], new: list[Any], key: str | None) -> dict[str, int]:
    def keyed(entries: list[Any]) -> dict[str, str]:
        result = {}
        for index, entry in enumerate(entries):
            ident = canonical(entry) if key is None else str(entry.get(key) or f"#{index}")
            result.setdefault(ident, canonical(entry))
        return result

    before, after = keyed(old), keyed(new)
    return {
        "added": len(after.keys() - before.keys()),
        "removed": len(before.keys() - after.keys()),
        "changed": sum(1 for ident in before.keys() & after.keys() if before[ident] != after[ident]),
    }


def snapshot_changes(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """The differences between two snapshots: one dict per part that changed, in document order."""
    old_plan, new_plan = old.get("plan") or {}, new.get("plan") or {}
    changes: list[dict[str, Any]] = []
    for part, key in PARTS:
        if key == FIELD:
            if canonical(old_plan.get(part) or None) != canonical(new_plan.get(part) or None):
                changes.append({"part": part, "changed": 1})
            continue
        counts = _list_change(_entries(old_plan, part), _entries(new_plan, part), key)
        if any(counts.values()):
            changes.append({"part": part, **counts})
    return changes


def _list_label(part: str, count: int) -> str:
    labels = {
        "goals": ngettext("%(count)s goal", "%(count)s goals", count),
        "kpis": ngettext("%(count)s KPI", "%(count)s KPIs", count),
        "checkins": ngettext("%(count)s check-in", "%(count)s check-ins", count),
        "target_groups": ngettext("%(count)s target group", "%(count)s target groups", count),
        "channels": ngettext("%(count)s channel", "%(count)s channels", count),
        "content_themes": ngettext("%(count)s content theme", "%(count)s content themes", count),
        "off_limits": ngettext("%(count)s off-limits topic", "%(count)s off-limits topics", count),
        "roles": ngettext("%(count)s role", "%(count)s roles", count),
        "guidelines": ngettext("%(count)s guideline", "%(count)s guidelines", count),
        "milestones": ngettext("%(count)s milestone", "%(count)s milestones", count),
    }
    return labels.get(part, part) % {"count": count}


def _field_label(part: str) -> str:
    return {
        "title": _("title changed"),
        "organization": _("organization changed"),
        "language": _("language changed"),
        "industry": _("industry changed"),
        "start_date": _("start date changed"),
        "horizon_months": _("horizon changed"),
        "summary": _("summary changed"),
        "situation": _("situation changed"),
        "resources": _("resources changed"),
        "review": _("review cycle changed"),
        "checklist": _("checklist updated"),
    }.get(part, part)


def describe_changes(changes: list[dict[str, Any]] | None) -> str:
    """A short summary such as "2 goals added, title changed, 1 channel removed"."""
    if changes is None:
        return _("first version")
    if not changes:
        return _("no changes")
    phrases = []
    for change in changes:
        part = change["part"]
        if dict(PARTS).get(part) == FIELD:
            phrases.append(_field_label(part))
            continue
        for action, text in (
            ("added", _("%(what)s added")),
            ("removed", _("%(what)s removed")),
            ("changed", _("%(what)s changed")),
        ):
            if change.get(action):
                phrases.append(text % {"what": _list_label(part, change[action])})
    return ", ".join(phrases)
