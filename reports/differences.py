"""Every change between two versions of a plan as a readable sentence: pure functions over two
plan-file documents, for the "what changed" page and the report's page of changes.

"Goal “Recruit engineers”: KPI “Applications”: target 30 → 40", "Channel TikTok added in phase 2",
"Owner changed from A to B": in the active language, in the order of the wizard's steps, each
with the step where it is changed. KPI check-ins are marked as measurements: they are the plan's
results, not a change of what was approved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.template.defaultfilters import floatformat
from django.utils.formats import date_format, get_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from .history import canonical


@dataclass(frozen=True)
class Difference:
    section: str  # the wizard step where it is changed, by its slug ("goals")
    text: str  # one sentence in the active language
    measurement: bool = False  # a KPI check-in: the plan's results, not its strategy


@dataclass(frozen=True)
class _Field:
    name: str
    label: Callable[[], str]
    show: Callable[[Any], str] | None = None  # None: a long text, said to have changed, not quoted


def _present(value: Any) -> bool:
    return value not in (None, "", [], {})


def _same(old: Any, new: Any) -> bool:
    return canonical(old if _present(old) else None) == canonical(new if _present(new) else None)


def _quoted(value: Any) -> str:
    text = " ".join(str(value or "").split())
    if not text:
        return "–"
    return _("“%(text)s”") % {"text": text if len(text) <= 60 else text[:59] + "…"}


def compact_number(value: Any) -> str:
    """A number as a reader writes it, in the active language: grouped, at most two decimals and no
    trailing zeros ("39,8", "1.250")."""
    text = str(floatformat(value, "-2g"))
    separator = get_format("DECIMAL_SEPARATOR")
    return text.rstrip("0").rstrip(separator) if separator in text else text


def _number(value: Any) -> str:
    return "–" if value is None or value == "" else compact_number(value)


def _day(value: Any) -> str:
    try:
        return date_format(dt.date.fromisoformat(str(value)), "SHORT_DATE_FORMAT") if value else "–"
    except ValueError:
        return str(value)


def _euros(value: Any) -> str:
    return "–" if value is None else f"{_number(value)} €"


def _months(value: Any) -> str:
    if not isinstance(value, int):
        return "–"
    return ngettext("%(count)s month", "%(count)s months", value) % {"count": value}


def _flag(value: Any) -> str:
    return _("yes") if value else _("no")


def _names(values: Any, names: Mapping[str, str] | None = None) -> str:
    shown = [str((names or {}).get(value, value)) for value in values or []]
    return ", ".join(shown) or "–"


def _field_phrases(old: dict[str, Any], new: dict[str, Any], fields: list[_Field]) -> list[str]:
    phrases = []
    for field in fields:
        before, after = old.get(field.name), new.get(field.name)
        if _same(before, after):
            continue
        if field.show is None:
            phrases.append(_("%(what)s changed") % {"what": field.label()})
        else:
            phrases.append(
                _("%(what)s %(old)s → %(new)s")
                % {"what": field.label(), "old": field.show(before), "new": field.show(after)}
            )
    return phrases


def _keyed(entries: list[Any], key: Callable[[dict[str, Any]], str]) -> dict[str, dict[str, Any]]:
    """The entries by what recognises them across versions; a repeated key gets its position."""
    result: dict[str, dict[str, Any]] = {}
    for index, entry in enumerate(entries or []):
        if not isinstance(entry, dict):
            continue
        ident = key(entry) or f"#{index}"
        result[ident if ident not in result else f"{ident}#{index}"] = entry
    return result


@dataclass(frozen=True)
class _Part:
    """A list of the plan whose entries are compared one by one."""

    section: str
    kind: Callable[[], str]  # "Goal"
    key: Callable[[dict[str, Any]], str]
    name: Callable[[dict[str, Any]], str]  # how a sentence names an entry, quoted where it is a plan text
    fields: list[_Field]
    rename: str = ""  # the field whose change is a new name ("renamed to ...")
    added: Callable[[dict[str, Any]], str] | None = None  # the sentence for a new entry, if not "X added"


def _part_differences(old: list[Any], new: list[Any], part: _Part, prefix: str = "") -> list[Difference]:
    before, after = _keyed(old, part.key), _keyed(new, part.key)
    lines = []
    for ident, entry in after.items():
        if ident not in before:
            text = (
                part.added(entry)
                if part.added
                else _("%(kind)s %(name)s added")
                % {
                    "kind": part.kind(),
                    "name": part.name(entry),
                }
            )
            lines.append(Difference(part.section, prefix + text))
    for ident, entry in before.items():
        if ident not in after:
            text = _("%(kind)s %(name)s removed") % {"kind": part.kind(), "name": part.name(entry)}
            lines.append(Difference(part.section, prefix + text))
            continue
        current = after[ident]
        phrases = []
        if part.rename and not _same(entry.get(part.rename), current.get(part.rename)):
            phrases.append(_("renamed to %(name)s") % {"name": part.name(current)})
        phrases += _field_phrases(entry, current, part.fields)
        if phrases:
            text = _("%(kind)s %(name)s: %(changes)s") % {
                "kind": part.kind(),
                "name": part.name(entry),
                "changes": ", ".join(phrases),
            }
            lines.append(Difference(part.section, prefix + text))
    return lines


def _basics(old: dict[str, Any], new: dict[str, Any], languages: Mapping[str, str]) -> list[Difference]:
    fields = [
        _Field("title", lambda: pgettext("plan", "Title"), _quoted),
        _Field("organization", lambda: _("Organization"), _quoted),
        _Field("language", lambda: _("Language"), lambda value: languages.get(value, value or "–")),
        _Field("industry", lambda: _("Industry"), _quoted),
        _Field("start_date", lambda: _("Start"), _day),
        _Field("horizon_months", lambda: _("Horizon"), _months),
        _Field("summary", lambda: _("Summary")),
    ]
    return [Difference("basics", _capitalised(phrase)) for phrase in _field_phrases(old, new, fields)]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _situation(old: dict[str, Any], new: dict[str, Any]) -> list[Difference]:
    old_situation, new_situation = old.get("situation") or {}, new.get("situation") or {}
    lines = []
    kinds = {
        "strengths": lambda: _("Strength"),
        "weaknesses": lambda: _("Weakness"),
        "opportunities": lambda: _("Opportunity"),
        "threats": lambda: _("Threat"),
    }
    for name, kind in kinds.items():
        lines += _text_list_differences(old_situation.get(name), new_situation.get(name), "situation", kind)
    competitors = _Part(
        "situation",
        lambda: _("Competitor"),
        key=lambda entry: str(entry.get("name") or ""),
        name=lambda entry: _quoted(entry.get("name")),
        fields=[_Field("notes", lambda: _("notes"))],
    )
    return lines + _part_differences(old_situation.get("competitors"), new_situation.get("competitors"), competitors)


def _text_list_differences(old: Any, new: Any, section: str, kind: Callable[[], str]) -> list[Difference]:
    before, after = [str(t) for t in old or []], [str(t) for t in new or []]
    lines = [
        Difference(section, _("%(kind)s added: %(text)s") % {"kind": kind(), "text": _quoted(text)})
        for text in after
        if text not in before
    ]
    lines += [
        Difference(section, _("%(kind)s removed: %(text)s") % {"kind": kind(), "text": _quoted(text)})
        for text in before
        if text not in after
    ]
    return lines


def _goals(
    old: dict[str, Any], new: dict[str, Any], categories: Mapping[str, str], metrics: Mapping[str, str], channels
) -> list[Difference]:
    goals = _Part(
        "goals",
        lambda: _("Goal"),
        key=lambda goal: str(goal.get("key") or ""),
        name=lambda goal: _quoted(goal.get("title")),
        fields=[
            _Field("category", lambda: _("category"), lambda value: categories.get(value, value or "–")),
            _Field("priority", lambda: _("priority"), _number),
            _Field("description", lambda: _("description")),
        ],
        rename="title",
    )
    lines = _part_differences(
        [{k: v for k, v in g.items() if k != "kpis"} for g in old.get("goals") or []],
        [{k: v for k, v in g.items() if k != "kpis"} for g in new.get("goals") or []],
        goals,
    )
    kpi_fields = [
        _Field("metric", lambda: _("metric"), lambda value: metrics.get(value, value or "–")),
        _Field("channel", lambda: _("measured on"), lambda value: channels.get(value, value or "–")),
        _Field("unit", lambda: _("unit"), _quoted),
        _Field("baseline", lambda: _("baseline"), _number),
        _Field("target", lambda: _("target"), _number),
        _Field("due", lambda: _("due"), _day),
    ]
    before = _keyed(old.get("goals"), goals.key)
    for ident, goal in _keyed(new.get("goals"), goals.key).items():
        if ident not in before:
            continue  # a new goal's KPIs come with it
        prefix = _("Goal %(goal)s: ") % {"goal": _quoted(before[ident].get("title"))}
        kpis = _Part(
            "goals",
            lambda: _("KPI"),
            key=lambda kpi: str(kpi.get("name") or ""),
            name=lambda kpi: _quoted(kpi.get("name")),
            fields=kpi_fields,
        )
        old_kpis, new_kpis = before[ident].get("kpis") or [], goal.get("kpis") or []
        strip = lambda kpis: [{k: v for k, v in kpi.items() if k != "actuals"} for kpi in kpis]  # noqa: E731
        lines += _part_differences(strip(old_kpis), strip(new_kpis), kpis, prefix)
        old_by_name = _keyed(old_kpis, kpis.key)
        for name, kpi in _keyed(new_kpis, kpis.key).items():
            if name in old_by_name:
                lines += _checkin_differences(old_by_name[name], kpi, prefix)
    return lines


def _checkin_differences(old: dict[str, Any], new: dict[str, Any], prefix: str) -> list[Difference]:
    subject = prefix + _("KPI %(kpi)s") % {"kpi": _quoted(new.get("name"))}
    before = _keyed(old.get("actuals"), lambda c: str(c.get("date") or ""))
    after = _keyed(new.get("actuals"), lambda c: str(c.get("date") or ""))
    lines = []
    for ident, checkin in after.items():
        values = {"subject": subject, "date": _day(checkin.get("date")), "value": _number(checkin.get("value"))}
        if ident not in before:
            lines.append(_("%(subject)s, check-in of %(date)s: %(value)s") % values)
        elif not _same(before[ident].get("value"), checkin.get("value")):
            values["old"] = _number(before[ident].get("value"))
            lines.append(_("%(subject)s, check-in of %(date)s: %(old)s → %(value)s") % values)
        elif not _same(before[ident].get("note"), checkin.get("note")):
            lines.append(_("%(subject)s, check-in of %(date)s: note changed") % values)
    for ident, checkin in before.items():
        if ident not in after:
            values = {"subject": subject, "date": _day(checkin.get("date"))}
            lines.append(_("%(subject)s, check-in of %(date)s removed") % values)
    return [Difference("goals", line, measurement=True) for line in lines]


def _target_groups(old: dict[str, Any], new: dict[str, Any]) -> list[Difference]:
    groups = _Part(
        "target-groups",
        lambda: _("Target group"),
        key=lambda group: str(group.get("key") or ""),
        name=lambda group: _quoted(group.get("name")),
        fields=[
            _Field("priority", lambda: _("priority"), _number),
            _Field("description", lambda: _("description")),
            _Field("needs", lambda: _("needs")),
            _Field("technographics", lambda: _("Social Technographics profile")),
        ],
        rename="name",
    )
    return _part_differences(old.get("target_groups"), new.get("target_groups"), groups)


def _channels(old: dict[str, Any], new: dict[str, Any], channels: Mapping[str, str]) -> list[Difference]:
    group_names = {
        g.get("key"): g.get("name") or g.get("key") for plan in (old, new) for g in plan.get("target_groups") or []
    }
    goal_titles = {g.get("key"): g.get("title") or g.get("key") for plan in (old, new) for g in plan.get("goals") or []}
    part = _Part(
        "channels",
        lambda: _("Channel"),
        key=lambda channel: str(channel.get("channel") or ""),
        name=lambda channel: channels.get(channel.get("channel"), channel.get("channel") or "–"),
        fields=[
            _Field("phase", lambda: _("phase"), _number),
            _Field("posts_per_week", lambda: _("posts per week"), _number),
            _Field("dialogue", lambda: _("dialogue"), _flag),
            _Field("purpose", lambda: _("purpose")),
            _Field("target_groups", lambda: _("target groups"), lambda keys: _names(keys, group_names)),
            _Field("goals", lambda: _("goals"), lambda keys: _names(keys, goal_titles)),
        ],
        # Where a new channel starts matters as much as that it was added.
        added=lambda channel: (
            _("Channel %(name)s added in phase %(phase)s")
            % {
                "name": channels.get(channel.get("channel"), channel.get("channel") or "–"),
                "phase": channel.get("phase", 1),
            }
        ),
    )
    return _part_differences(old.get("channels"), new.get("channels"), part)


def _content(old: dict[str, Any], new: dict[str, Any], channels: Mapping[str, str], kinds) -> list[Difference]:
    group_names = {
        g.get("key"): g.get("name") or g.get("key") for plan in (old, new) for g in plan.get("target_groups") or []
    }
    themes = _Part(
        "content",
        lambda: _("Content theme"),
        key=lambda theme: str(theme.get("title") or ""),
        name=lambda theme: _quoted(theme.get("title")),
        fields=[
            _Field("kind", lambda: _("kind"), lambda value: kinds.get(value, value or "–")),
            _Field("description", lambda: _("description")),
            _Field("target_groups", lambda: _("target groups"), lambda keys: _names(keys, group_names)),
            _Field("channels", lambda: _("channels"), lambda slugs: _names(slugs, channels)),
            _Field("formats", lambda: _("formats"), _names),
            _Field("expert_source", lambda: _("internal expert"), _quoted),
        ],
    )
    lines = _part_differences(old.get("content_themes"), new.get("content_themes"), themes)
    return lines + _text_list_differences(
        old.get("off_limits"), new.get("off_limits"), "content", lambda: pgettext("change", "Off-limits topic")
    )


def _roles(old: dict[str, Any], new: dict[str, Any], role_kinds: Mapping[str, str]) -> list[Difference]:
    def owners(plan: dict[str, Any]) -> str:
        return ", ".join(str(r.get("person") or "–") for r in plan.get("roles") or [] if r.get("is_owner")) or _(
            "nobody"
        )

    lines = []
    if owners(old) != owners(new):
        lines.append(
            Difference("roles", _("Owner changed from %(old)s to %(new)s") % {"old": owners(old), "new": owners(new)})
        )
    roles = _Part(
        "roles",
        lambda: _("Role"),
        key=lambda role: str(role.get("person") or ""),
        name=lambda role: _quoted(role.get("person")),
        fields=[
            _Field("title", lambda: _("job title"), _quoted),
            _Field("kind", lambda: _("kind of role"), lambda value: role_kinds.get(value, value or "–")),
            _Field("hours_per_week", lambda: _("hours per week"), _number),
            _Field("responsibilities", lambda: _("responsibilities")),
        ],
    )
    return lines + _part_differences(old.get("roles"), new.get("roles"), roles)


def _guidelines(old: dict[str, Any], new: dict[str, Any]) -> list[Difference]:
    guidelines = _Part(
        "guidelines",
        lambda: _("Guideline"),
        key=lambda guideline: str(guideline.get("topic") or ""),
        name=lambda guideline: _quoted(guideline.get("topic")),
        fields=[_Field("text", lambda: _("text"))],
    )
    return _part_differences(old.get("guidelines"), new.get("guidelines"), guidelines)


def _milestones(old: dict[str, Any], new: dict[str, Any]) -> list[Difference]:
    milestones = _Part(
        "roadmap",
        lambda: _("Milestone"),
        key=lambda milestone: str(milestone.get("title") or ""),
        name=lambda milestone: _quoted(milestone.get("title")),
        fields=[
            _Field("phase", lambda: _("phase"), _number),
            _Field("start", lambda: _("start"), _day),
            _Field("end", lambda: _("end"), _day),
        ],
    )
    return _part_differences(old.get("milestones"), new.get("milestones"), milestones)


def _resources(old: dict[str, Any], new: dict[str, Any]) -> list[Difference]:
    resources = [
        _Field("staff_hours_per_week", lambda: _("Staff hours per week"), _number),
        _Field("paid_media_budget_eur", lambda: _("Paid media budget"), _euros),
        _Field("tools_budget_eur", lambda: _("Tools budget"), _euros),
    ]
    review = [
        _Field("cadence_months", lambda: _("Review cycle"), _months),
        _Field("report_to", lambda: _("Results reported to"), _quoted),
    ]
    phrases = _field_phrases(old.get("resources") or {}, new.get("resources") or {}, resources)
    phrases += _field_phrases(old.get("review") or {}, new.get("review") or {}, review)
    return [Difference("resources", _capitalised(phrase)) for phrase in phrases]


def _checklist(old: dict[str, Any], new: dict[str, Any], titles: Mapping[str, str], statuses) -> list[Difference]:
    before = {a.get("item"): a for a in old.get("checklist") or [] if isinstance(a, dict)}
    after = {a.get("item"): a for a in new.get("checklist") or [] if isinstance(a, dict)}
    lines = []
    for item in list(after) + [item for item in before if item not in after]:
        old_status = (before.get(item) or {}).get("status", "open")
        new_status = (after.get(item) or {}).get("status", "open")
        name = _quoted(titles.get(item, item))
        if old_status != new_status:
            text = _("Checklist: %(item)s %(old)s → %(new)s") % {
                "item": name,
                "old": statuses.get(old_status, old_status),
                "new": statuses.get(new_status, new_status),
            }
            lines.append(Difference("checklist", text))
        elif not _same((before.get(item) or {}).get("note"), (after.get(item) or {}).get("note")):
            lines.append(Difference("checklist", _("Checklist: %(item)s, note changed") % {"item": name}))
    return lines


@dataclass(frozen=True)
class Vocabulary:
    """The labels a sentence names choices by, in the active language: channels by their catalogue
    name, goal categories, metrics and the rest by their labels. Given by the caller, so the
    functions here stay pure."""

    channels: Mapping[str, str]
    categories: Mapping[str, str]
    metrics: Mapping[str, str]
    theme_kinds: Mapping[str, str]
    role_kinds: Mapping[str, str]
    languages: Mapping[str, str]
    checklist_items: Mapping[str, str]
    checklist_statuses: Mapping[str, str]


def plan_differences(old: dict[str, Any], new: dict[str, Any], vocabulary: Vocabulary) -> list[Difference]:
    """Every change from ``old`` to ``new`` as a sentence, in the order of the wizard's steps."""
    old_plan, new_plan = old.get("plan") or {}, new.get("plan") or {}
    v = vocabulary
    return [
        *_basics(old_plan, new_plan, v.languages),
        *_situation(old_plan, new_plan),
        *_goals(old_plan, new_plan, v.categories, v.metrics, v.channels),
        *_target_groups(old_plan, new_plan),
        *_channels(old_plan, new_plan, v.channels),
        *_content(old_plan, new_plan, v.channels, v.theme_kinds),
        *_roles(old_plan, new_plan, v.role_kinds),
        *_guidelines(old_plan, new_plan),
        *_milestones(old_plan, new_plan),
        *_resources(old_plan, new_plan),
        *_checklist(old_plan, new_plan, v.checklist_items, v.checklist_statuses),
    ]
