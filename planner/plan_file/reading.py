"""A plan file's bytes to a validated :class:`PlanDocument`, or one line per problem with its JSON path."""

from collections.abc import Iterable, Sequence
from typing import IO, Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from checklists.models import Channel, ChecklistItem
from planner.limits import MAX_BYTES

from .schema import PlanBody, PlanDocument

DOCUMENT = "(document)"  # the path of a problem with the file as a whole
# A 2 MB file can hold 250,000 wrong keys; a page or terminal of them helps no one.
MAX_PROBLEMS = 100

_MESSAGES = {
    "missing": "is required",
    "extra_forbidden": "unknown key",
    "string_type": "must be a text",
    "float_type": "must be a number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "dict_type": "must be an object",
    "date_type": "must be a date (YYYY-MM-DD)",
    "date_parsing": "must be a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "must be a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "must be a date (YYYY-MM-DD)",
    "finite_number": "must be a finite number",
    "string_too_short": "must not be empty",
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
        raise PlanFileError([f"{DOCUMENT}: the file has more than {MAX_BYTES} bytes; at most 2 MB are allowed"])
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig")  # a byte order mark, as some Windows editors write, is fine
    except UnicodeDecodeError:
        raise PlanFileError([f"{DOCUMENT}: the file is not UTF-8 text"]) from None


# --- the schema's problems -------------------------------------------------------------


def _problems(errors: Iterable[ErrorDetails]) -> list[str]:
    problems = list(dict.fromkeys(f"{_path(error['loc'])}: {_message(error)}" for error in errors))
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        return [*problems[:MAX_PROBLEMS], f"{DOCUMENT}: {more} more problems like these are not listed"]
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
        return _MESSAGES[kind]
    if kind == "json_invalid":
        return "not valid JSON: " + str(ctx.get("error", "")).replace("recursion limit exceeded", "nested too deeply")
    if kind == "literal_error":
        return _choices(str(ctx.get("expected", "")))
    if kind == "greater_than_equal":
        return _bound("at least", "before", ctx["ge"])
    if kind == "less_than_equal":
        return _bound("at most", "after", ctx["le"])
    if kind == "string_too_long":
        return f"must be at most {ctx['max_length']} characters"
    if kind == "too_long":
        return f"must have at most {ctx['max_length']} entries"
    return error["msg"]  # our own errors (NUL, too many entries) say it already


def _choices(expected: str) -> str:
    # pydantic writes "'', 'awareness', 'image' or 'recruiting'"; "" is a choice not made yet.
    values = [value.strip().strip("'") for value in expected.replace(" or ", ", ").split(", ")]
    listed = ", ".join(value for value in values if value)
    return f"must be one of: {listed}" + (" (or empty)" if "" in values else "")


def _bound(number_words: str, date_word: str, limit: object) -> str:
    if isinstance(limit, str):  # a date, as pydantic reports the bound of a date field
        return f"must not be {date_word} {limit}"
    if isinstance(limit, float) and limit.is_integer():
        limit = int(limit)
    return f"must be {number_words} {limit}"


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
            problems.append(f"{where}[{i}].key: {row.key!r} is used twice")
        elif row.key:  # a row without a key cannot be referred to, and needs none
            keys.add(row.key)
    return keys, problems


def _unknown(where: str, values: list[str], known: set[str], what: str) -> list[str]:
    return [f"{where}[{i}]: unknown {what} {value!r}" for i, value in enumerate(values) if value not in known]


def _channel_problems(
    plan: PlanBody, *, channel_slugs: set[str], goal_keys: set[str], group_keys: set[str]
) -> list[str]:
    problems: list[str] = []
    for i, channel in enumerate(plan.channels):
        where = f"plan.channels[{i}]"
        if channel.channel not in channel_slugs:
            problems.append(f"{where}.channel: unknown channel {channel.channel!r}")
        problems += _unknown(f"{where}.target_groups", channel.target_groups, group_keys, "target group")
        problems += _unknown(f"{where}.goals", channel.goals, goal_keys, "goal")
    return problems


def _theme_problems(plan: PlanBody, *, channel_slugs: set[str], group_keys: set[str]) -> list[str]:
    problems: list[str] = []
    for i, theme in enumerate(plan.content_themes):
        where = f"plan.content_themes[{i}]"
        problems += _unknown(f"{where}.target_groups", theme.target_groups, group_keys, "target group")
        problems += _unknown(f"{where}.channels", theme.channels, channel_slugs, "channel")
    return problems


def _kpi_channel_problems(plan: PlanBody, *, channel_slugs: set[str]) -> list[str]:
    return [
        f"plan.goals[{i}].kpis[{j}].channel: unknown channel {kpi.channel!r}"
        for i, goal in enumerate(plan.goals)
        for j, kpi in enumerate(goal.kpis)
        if kpi.channel and kpi.channel not in channel_slugs
    ]


def _milestone_problems(plan: PlanBody) -> list[str]:
    return [
        f"plan.milestones[{i}].end: must not be before start ({milestone.start})"
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
            problems.append(f"plan.checklist[{i}].item: unknown checklist item {answer.item!r}")
        elif answer.item in seen:
            problems.append(f"plan.checklist[{i}].item: {answer.item!r} is answered twice")
        seen.add(answer.item)
    return problems
