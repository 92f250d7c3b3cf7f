"""A plan file's bytes to a validated :class:`PlanDocument`, or one line per problem with its JSON path."""

from collections.abc import Iterable, Sequence
from typing import IO, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from checklists.models import Channel, ChecklistItem
from planner.limits import MAX_BYTES

from .schema import PlanBody, PlanDocument

DOCUMENT = "(document)"  # the path of a problem with the file as a whole
# A 2 MB file can hold 250,000 wrong keys; a page or terminal of them helps no one.
MAX_PROBLEMS = 100

# The problems are written in the reader's language (the page's, or the command's LANGUAGE_CODE);
# the JSON paths and the file's own words (keys, choices, dates in ISO format) stay as in the file.
_MESSAGES = {
    "missing": gettext_lazy("is required"),
    "extra_forbidden": gettext_lazy("unknown key"),
    "string_type": gettext_lazy("must be a text"),
    "float_type": gettext_lazy("must be a number"),
    "int_type": gettext_lazy("must be a whole number"),
    "int_from_float": gettext_lazy("must be a whole number"),
    "bool_type": gettext_lazy("must be true or false"),
    "list_type": gettext_lazy("must be a list"),
    "model_type": gettext_lazy("must be an object"),
    "model_attributes_type": gettext_lazy("must be an object"),
    "dict_type": gettext_lazy("must be an object"),
    "date_type": gettext_lazy("must be a date (YYYY-MM-DD)"),
    "date_parsing": gettext_lazy("must be a date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": gettext_lazy("must be a date (YYYY-MM-DD)"),
    "date_from_datetime_inexact": gettext_lazy("must be a date (YYYY-MM-DD)"),
    "finite_number": gettext_lazy("must be a finite number"),
    "string_too_short": gettext_lazy("must not be empty"),
}


class PlanFileError(Exception):
    """An invalid plan file; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_upload(file: IO[bytes]) -> bytes:
    """At most MAX_BYTES + 1 bytes of an upload: enough for :func:`parse_document` to refuse a
    file that is too large, without ever holding the whole of a huge one."""
    chunks: list[bytes] = []
    remaining = MAX_BYTES + 1
    while remaining > 0:
        chunk = file.read(remaining)  # a raw stream may return less than asked
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def parse_document(raw: bytes | str) -> PlanDocument:
    """Validate a plan file's bytes; raise PlanFileError listing every problem."""
    text = _text(raw)
    try:
        document = PlanDocument.model_validate_json(text, strict=True)
    except ValidationError as exc:
        raise PlanFileError(_problems(exc.errors(include_url=False, include_input=False))) from None
    problems = _reference_problems(document.plan)
    if problems:
        raise PlanFileError(problems)
    return document


def _text(raw: bytes | str) -> str:
    # The one size check of the planner: uploads and commands read at most MAX_BYTES + 1 bytes.
    size = len(raw.encode("utf-8") if isinstance(raw, str) else raw)
    if size > MAX_BYTES:
        message = _("the file has more than %(bytes)s bytes; at most 2 MB are allowed") % {"bytes": MAX_BYTES}
        raise PlanFileError([f"{DOCUMENT}: {message}"])
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig")  # a byte order mark, as some Windows editors write, is fine
    except UnicodeDecodeError:
        raise PlanFileError([f"{DOCUMENT}: {_('the file is not UTF-8 text')}"]) from None


# --- the schema's problems -------------------------------------------------------------


def _problems(errors: Iterable[ErrorDetails]) -> list[str]:
    problems = list(dict.fromkeys(f"{_path(error['loc'])}: {_message(error)}" for error in errors))
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        message = _("%(count)s more problems like these are not listed") % {"count": more}
        return [*problems[:MAX_PROBLEMS], f"{DOCUMENT}: {message}"]
    return problems


def _path(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}" if out else part
        else:  # an unknown key may hold anything: quoted, so the line stays one readable line
            out += '["' + part.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"]'
    return out or DOCUMENT


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    if kind in _MESSAGES:
        return str(_MESSAGES[kind])
    if kind == "json_invalid":
        detail = str(ctx.get("error", "")).replace("recursion limit exceeded", "nested too deeply")
        return _("not valid JSON: %(detail)s") % {"detail": detail}
    if kind == "literal_error":
        return _choices(str(ctx.get("expected", "")))
    if kind == "greater_than_equal":
        return _bound(ctx["ge"], number=_("must be at least %(limit)s"), date=_("must not be before %(limit)s"))
    if kind == "less_than_equal":
        return _bound(ctx["le"], number=_("must be at most %(limit)s"), date=_("must not be after %(limit)s"))
    if kind == "string_too_long":
        return _("must be at most %(count)s characters") % {"count": ctx["max_length"]}
    if kind == "too_long":
        return _("must have at most %(count)s entries") % {"count": ctx["max_length"]}
    if kind == "nul_character":
        return _("must not contain a NUL character (U+0000)")
    if kind == "too_many_entries":
        return _("has %(count)s list entries in all; at most %(limit)s are allowed") % ctx
    return error["msg"]


def _choices(expected: str) -> str:
    # pydantic writes "'', 'awareness', 'image' or 'recruiting'"; "" is a choice not made yet.
    values = [value.strip().strip("'") for value in expected.replace(" or ", ", ").split(", ")]
    listed = ", ".join(value for value in values if value)
    if "" in values:
        return _("must be one of: %(choices)s (or empty)") % {"choices": listed}
    return _("must be one of: %(choices)s") % {"choices": listed}


def _bound(limit: object, *, number: str, date: str) -> str:
    if isinstance(limit, str):  # a date, as pydantic reports the bound of a date field
        return date % {"limit": limit}
    if isinstance(limit, float) and limit.is_integer():
        limit = int(limit)
    return number % {"limit": limit}


# --- references ------------------------------------------------------------------------


def _reference_problems(plan: PlanBody) -> list[str]:
    goal_keys, problems = _keys("plan.goals", plan.goals)
    group_keys, group_problems = _keys("plan.target_groups", plan.target_groups)
    # The catalogue is only read when the plan names a channel: a draft is checked without a query.
    names_channels = bool(plan.channels or plan.content_themes or any(k.channel for g in plan.goals for k in g.kpis))
    channel_slugs = set(Channel.objects.values_list("slug", flat=True)) if names_channels else set()
    return [
        *problems,
        *group_problems,
        *_channel_problems(plan, channel_slugs=channel_slugs, goal_keys=goal_keys, group_keys=group_keys),
        *_theme_problems(plan, channel_slugs=channel_slugs, group_keys=group_keys),
        *_kpi_channel_problems(plan, channel_slugs=channel_slugs),
        *_milestone_problems(plan),
        *_checklist_problems(plan),
    ]


def _keys(where: str, rows: Sequence[Any]) -> tuple[set[str], list[str]]:
    """The keys of goals or target groups, and a problem for each key used twice."""
    keys: set[str] = set()
    problems: list[str] = []
    for i, row in enumerate(rows):
        if row.key in keys:
            problems.append(f"{where}[{i}].key: " + _("%(key)r is used twice") % {"key": row.key})
        elif row.key:  # a row without a key cannot be referred to, and needs none
            keys.add(row.key)
    return keys, problems


def _unknown(where: str, values: list[str], known: set[str], what: str) -> list[str]:
    """``what`` is a message with a placeholder ``%(value)r``: "unknown target group %(value)r"."""
    return [f"{where}[{i}]: " + what % {"value": value} for i, value in enumerate(values) if value not in known]


def _channel_problems(
    plan: PlanBody, *, channel_slugs: set[str], goal_keys: set[str], group_keys: set[str]
) -> list[str]:
    problems: list[str] = []
    for i, channel in enumerate(plan.channels):
        where = f"plan.channels[{i}]"
        if channel.channel not in channel_slugs:
            problems.append(f"{where}.channel: " + _("unknown channel %(value)r") % {"value": channel.channel})
        problems += _unknown(
            f"{where}.target_groups", channel.target_groups, group_keys, _("unknown target group %(value)r")
        )
        problems += _unknown(f"{where}.goals", channel.goals, goal_keys, _("unknown goal %(value)r"))
    return problems


def _theme_problems(plan: PlanBody, *, channel_slugs: set[str], group_keys: set[str]) -> list[str]:
    problems: list[str] = []
    for i, theme in enumerate(plan.content_themes):
        where = f"plan.content_themes[{i}]"
        problems += _unknown(
            f"{where}.target_groups", theme.target_groups, group_keys, _("unknown target group %(value)r")
        )
        problems += _unknown(f"{where}.channels", theme.channels, channel_slugs, _("unknown channel %(value)r"))
    return problems


def _kpi_channel_problems(plan: PlanBody, *, channel_slugs: set[str]) -> list[str]:
    return [
        f"plan.goals[{i}].kpis[{j}].channel: " + _("unknown channel %(value)r") % {"value": kpi.channel}
        for i, goal in enumerate(plan.goals)
        for j, kpi in enumerate(goal.kpis)
        if kpi.channel and kpi.channel not in channel_slugs
    ]


def _milestone_problems(plan: PlanBody) -> list[str]:
    return [
        f"plan.milestones[{i}].end: " + _("must not be before start (%(start)s)") % {"start": milestone.start}
        for i, milestone in enumerate(plan.milestones)
        if milestone.start and milestone.end and milestone.end < milestone.start
    ]


def _checklist_problems(plan: PlanBody) -> list[str]:
    if not plan.checklist:
        return []
    item_slugs = set(ChecklistItem.objects.values_list("slug", flat=True))
    problems: list[str] = []
    seen: set[str] = set()
    for i, answer in enumerate(plan.checklist):
        if answer.item not in item_slugs:
            problems.append(
                f"plan.checklist[{i}].item: " + _("unknown checklist item %(value)r") % {"value": answer.item}
            )
        elif answer.item in seen:
            problems.append(f"plan.checklist[{i}].item: " + _("%(value)r is answered twice") % {"value": answer.item})
        seen.add(answer.item)
    return problems
