"""Hypothesis strategies for the fuzz tests: what a careless user or an attacker types, and plan
files that are valid, nearly valid or nonsense."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from hypothesis import strategies as st

from planner import limits
from planner.models import KPI, TECHNOGRAPHICS, ChecklistAnswer, ContentTheme, Goal

# --- texts ---------------------------------------------------------------------------------

CONTROL = "".join(map(chr, range(0x20))) + "\x7f\x85\u2028\u2029"
RTL = "\u202e\u202b\u200f\u061c\u2067"  # overrides, marks and isolates
SAMPLES = [
    "مرحبا بالعالم",
    "שלום עולם",
    "Geschäftsführung \u202egnuhürfstfähcseG",
    "👩‍👩‍👧‍👦🏳️‍🌈",
    "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7|add:7 }}{% now 'Y' %}",
    "%(count)s %s {0}",
    "' OR 1=1 --",
    "\ufeffBOM",
    "\U0010ffff\ufffe",
    "line\r\nbreak\rold-mac",
    "NUL\x00inside",
    "  ",
]
LENGTHS = [limits.MAX_TITLE, limits.MAX_TITLE + 1, limits.MAX_TEXT, limits.MAX_TEXT + 1, 100_000]


def long_texts() -> st.SearchStrategy[str]:
    return st.builds(
        lambda unit, n: (unit * n)[:n], st.sampled_from(["x", "ü", "😀", "\u202e", "a\x00"]), st.sampled_from(LENGTHS)
    )


def texts() -> st.SearchStrategy[str]:
    """Anything a user can type or paste: unicode, control and direction characters, NUL, huge."""
    return st.one_of(
        st.text(max_size=40),
        st.text(alphabet=st.sampled_from(CONTROL + RTL + "aé€😀 \n"), max_size=30),
        st.sampled_from(SAMPLES),
        long_texts(),
    )


# --- numbers and dates as typed into a form ---------------------------------------------------

NUMBER_TEXTS = [
    "", "0", "-0", "-1", "1", "0.5", "1e3", "1E308", "1e309", "-1e309", "NaN", "nan", "-nan", "inf", "-Infinity",
    "Infinity", "1e-400", "0x1A", "1_000", "1,5", "1.000,5", "١٢٣", "１２", "99999999999999999999999999999",
    "1000000000000", "1000000000000.0001", "-1000000000001", "100000000000", "80.001", "10000.01", "1000000000.01",
    " 5 ", "+5", "--5", "1.2.3", "5e", "12345.123456789", "0.00001",
]  # fmt: skip
DATE_TEXTS = [
    "", "0001-01-01", "1899-12-31", "1900-01-01", "2199-12-31", "2200-01-01", "9999-12-31", "10000-01-01",
    "2027-02-29", "2028-02-29", "2027-02-30", "2027-13-01", "2027-00-10", "-2027-01-01", "27.01.2027", "01/02/2027",
    "2027-1-1", "2027-01-01T00:00", "heute", "0000-00-00", "2027-01-01\x00",
]  # fmt: skip


def number_texts() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(NUMBER_TEXTS),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.floats().map(repr),
        st.decimals().map(str),
    )


def date_texts() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(DATE_TEXTS), st.dates().map(dt.date.isoformat))


COUNT_TEXTS = ["-1", "0", "1", "2", "3", "499", "500", "501", "1000", "2001", "1e3", "abc", "", " 1", "١", "9" * 30]


def value_for(kind: str) -> st.SearchStrategy[str]:
    """A value for a form field of this kind (as the HTML form says: number, date, select, ...)."""
    if kind == "number":
        return st.one_of(number_texts(), texts())
    if kind == "date":
        return st.one_of(date_texts(), texts())
    if kind in ("select", "checkbox", "hidden"):
        return st.one_of(number_texts(), texts(), st.sampled_from(["on", "true", "1", "done", "image", "other"]))
    return st.one_of(texts(), number_texts())


# --- a tampered wizard POST ------------------------------------------------------------------

TOTAL = re.compile(r"^(?P<prefix>.+)-TOTAL_FORMS$")


def _rows(data: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each formset prefix of the POST, with the field names of its first row."""
    prefixes = [m["prefix"] for name in data if (m := TOTAL.match(name))]
    rows = {}
    for prefix in prefixes:
        row = re.compile(rf"^{re.escape(prefix)}-0-(?P<field>[a-z_]+)$")
        rows[prefix] = sorted({m["field"] for name in data if (m := row.match(name))} | {"id"})
    return rows


@st.composite
def tampered_post(draw: st.DrawFn, fields: list[tuple[str, str, str]], foreign_ids: list[int]) -> dict[str, list[str]]:
    """The form a browser would post (``fields``: name, value, kind), changed in 1 to 6 ways: a
    value replaced by anything, a field dropped, an unknown field added, a row count or index
    tampered with, a row added, a row id of another plan."""
    data: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for name, value, kind in fields:
        data.setdefault(name, []).append(value)
        kinds[name] = kind
    rows = _rows(data)
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        operation = draw(st.sampled_from(["value", "value", "value", "drop", "extra", "count", "row", "index", "id"]))
        names = sorted(data)
        if operation == "value" and names:
            name = draw(st.sampled_from(names))
            data[name] = [draw(value_for(kinds.get(name, "text")))]
        elif operation == "drop" and names:
            data.pop(draw(st.sampled_from(names)))
        elif operation == "extra":
            data[draw(st.one_of(st.sampled_from(["nav", "to", "revision", "DELETE", "id"]), texts()))] = [draw(texts())]
        elif operation == "count" and rows:
            prefix = draw(st.sampled_from(sorted(rows)))
            which = draw(st.sampled_from(["TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"]))
            data[f"{prefix}-{which}"] = [draw(st.sampled_from(COUNT_TEXTS))]
        elif operation in ("row", "index") and rows:
            prefix = draw(st.sampled_from(sorted(rows)))
            try:
                total = int(data.get(f"{prefix}-TOTAL_FORMS", ["0"])[0])
            except ValueError:
                total = 0
            index = total if operation == "row" else draw(st.sampled_from(["-1", "1000", "x", "0 ", "00", "1e2"]))
            for field in rows[prefix]:
                if draw(st.booleans()):
                    data[f"{prefix}-{index}-{field}"] = [draw(value_for("text"))]
            if operation == "row":
                data[f"{prefix}-TOTAL_FORMS"] = [str(total + 1)]
        elif operation == "id" and rows:
            prefix = draw(st.sampled_from(sorted(rows)))
            value = draw(st.one_of(st.sampled_from([str(i) for i in foreign_ids] or ["1"]), number_texts()))
            data[f"{prefix}-{draw(st.integers(min_value=0, max_value=3))}-id"] = [value]
    return data


# --- plan files ------------------------------------------------------------------------------

MIN_DATE, MAX_DATE = limits.MIN_DATE, limits.MAX_DATE
EDGE_DATES = [MIN_DATE, MAX_DATE, MAX_DATE - dt.timedelta(days=1), dt.date(2000, 2, 29), dt.date(2027, 1, 2)]


def plan_dates() -> st.SearchStrategy[dt.date]:
    return st.one_of(st.sampled_from(EDGE_DATES), st.dates(min_value=MIN_DATE, max_value=MAX_DATE))


def plan_numbers(low: float, high: float, *, whole: bool = False) -> st.SearchStrategy[float | int]:
    """Numbers within what the format allows, with weight on the edges."""
    ints = st.integers(min_value=int(low), max_value=int(high))
    edges = st.sampled_from(sorted({low, high, 0, 1, int(high) // 2} if low <= 0 else {low, high, int(high) // 2}))
    if whole:
        return st.one_of(edges.map(int), ints)
    tiny = [5e-324, 1e-300, 0.001] if low <= 0 else []
    return st.one_of(
        edges, ints, st.floats(min_value=low, max_value=high, allow_nan=False), st.sampled_from(tiny or [low])
    )


def plan_texts(max_size: int = 30) -> st.SearchStrategy[str]:
    # Valid texts: no NUL, not longer than the format allows (the long ones come from the mutations).
    return st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=max_size)


@st.composite
def plan_documents(draw: st.DrawFn, channel_slugs: list[str], item_slugs: list[str]) -> dict[str, Any]:
    """A plan document within every limit of the format: the parser must accept it, and every
    check must cope with it (extreme numbers, far dates, one-day deadlines, empty parts)."""
    start = draw(plan_dates())
    small = st.integers(min_value=0, max_value=3)

    def optional(strategy):
        return st.one_of(st.none(), strategy)

    goal_keys = [f"g{i}" for i in range(draw(small))]
    group_keys = [f"t{i}" for i in range(draw(small))]
    kpi_value = plan_numbers(-limits.MAX_KPI_VALUE, limits.MAX_KPI_VALUE)
    near_start = st.integers(min_value=-3, max_value=3).map(lambda d: start + dt.timedelta(days=d))
    due = st.one_of(plan_dates(), near_start.filter(lambda d: MIN_DATE <= d <= MAX_DATE))
    goals = [
        {
            "key": key,
            "category": draw(st.sampled_from(["", *Goal.Category.values])),
            "title": draw(plan_texts()),
            "priority": draw(st.integers(min_value=1, max_value=5)),
            "kpis": [
                {
                    "name": draw(plan_texts()),
                    "metric": draw(st.sampled_from(["", *KPI.Metric.values])),
                    "baseline": draw(optional(kpi_value)),
                    "target": draw(optional(kpi_value)),
                    "due": draw(optional(due.map(dt.date.isoformat))),
                    **(
                        {"channel": draw(st.sampled_from(channel_slugs))}
                        if channel_slugs and draw(st.booleans())
                        else {}
                    ),
                }
                for _ in range(draw(small))
            ],
        }
        for key in goal_keys
    ]
    groups = [
        {
            "key": key,
            "name": draw(plan_texts()),
            "priority": draw(st.integers(min_value=1, max_value=5)),
            "technographics": {rung: draw(st.integers(0, 100)) for rung in TECHNOGRAPHICS if draw(st.booleans())},
        }
        for key in group_keys
    ]
    channels = [
        {
            "channel": draw(st.sampled_from(channel_slugs)),
            "dialogue": draw(st.booleans()),
            "target_groups": draw(st.lists(st.sampled_from(group_keys), unique=True)) if group_keys else [],
            "goals": draw(st.lists(st.sampled_from(goal_keys), unique=True)) if goal_keys else [],
            "posts_per_week": draw(plan_numbers(0, limits.MAX_POSTS_PER_WEEK)),
            "phase": draw(st.integers(min_value=0, max_value=limits.MAX_PHASE)),
        }
        for _ in range(draw(small) if channel_slugs else 0)
    ]
    milestones = []
    for _ in range(draw(small)):
        first, second = sorted([draw(plan_dates()), draw(plan_dates())])
        milestones.append(
            {
                "title": draw(plan_texts()),
                "phase": draw(st.integers(0, 9)),
                "start": first.isoformat(),
                "end": second.isoformat(),
            }
        )
    plan = {
        "title": draw(plan_texts(max_size=limits.MAX_TITLE).filter(bool)),
        "language": draw(st.sampled_from(["de", "en"])),
        "start_date": start.isoformat(),
        "horizon_months": draw(st.integers(min_value=1, max_value=60)),
        "situation": {"strengths": draw(st.lists(plan_texts(), max_size=2))},
        "goals": goals,
        "target_groups": groups,
        "channels": channels,
        "content_themes": [
            {"title": draw(plan_texts()), "kind": draw(st.sampled_from(["", *ContentTheme.Kind.values]))}
            for _ in range(draw(small))
        ],
        "roles": [
            {
                "person": draw(plan_texts()),
                "title": draw(
                    st.sampled_from(["Praktikant", "Geschäftsführer", "Agentur", "intern", draw(plan_texts())])
                ),
                "is_owner": draw(st.booleans()),
                "hours_per_week": draw(optional(plan_numbers(0, limits.MAX_ROLE_HOURS))),
            }
            for _ in range(draw(small))
        ],
        "guidelines": [{"topic": draw(plan_texts()), "text": draw(plan_texts())} for _ in range(draw(small))],
        "milestones": milestones,
        "resources": {
            "staff_hours_per_week": draw(optional(plan_numbers(0, limits.MAX_STAFF_HOURS))),
            "paid_media_budget_eur": draw(optional(plan_numbers(0, limits.MAX_MONEY_EUR))),
            "tools_budget_eur": draw(optional(plan_numbers(0, limits.MAX_MONEY_EUR))),
        },
        "review": {"cadence_months": draw(optional(st.integers(min_value=1, max_value=24)))},
        "checklist": [
            {"item": slug, "status": draw(st.sampled_from(ChecklistAnswer.Status.values))}
            for slug in draw(st.lists(st.sampled_from(item_slugs), unique=True, max_size=4))
        ]
        if item_slugs
        else [],
    }
    return {"format": "social-media-strategy-plan", "version": 1, "plan": plan}


NASTY_JSON_VALUES = [
    None, True, False, 0, -1, 1e308, -1e308, float("nan"), float("inf"), float("-inf"), 10**40, "", "x" * 100_001,
    "9999-12-31", "0001-01-01", "2027-02-30", [], {}, [None], {"": None}, "\x00", "\u202e",
]  # fmt: skip


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            out += _paths(inner, (*path, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            out += _paths(inner, (*path, i))
    return out


@st.composite
def mutated_documents(draw: st.DrawFn, channel_slugs: list[str], item_slugs: list[str]) -> str:
    """A valid document changed in 1 to 4 places (a value replaced, a key dropped or added), as JSON
    text; NaN and Infinity are written as JavaScript does."""
    document = draw(plan_documents(channel_slugs, item_slugs))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = [p for p in _paths(document) if p]
        path = draw(st.sampled_from(paths))
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        operation = draw(st.sampled_from(["value", "value", "drop", "extra"]))
        if operation == "value":
            parent[path[-1]] = draw(st.one_of(st.sampled_from(NASTY_JSON_VALUES), texts(), number_texts()))
        elif operation == "drop":
            parent.pop(path[-1])
        elif isinstance(parent, dict):
            parent[draw(texts())] = draw(st.sampled_from(NASTY_JSON_VALUES))
        else:
            parent.append(draw(st.sampled_from(NASTY_JSON_VALUES)))
    return json.dumps(document, ensure_ascii=draw(st.booleans()))


def raw_files() -> st.SearchStrategy[bytes]:
    """Bytes that are not a plan file, or barely one."""
    return st.one_of(
        st.binary(max_size=200),
        st.sampled_from(
            [
                b"",
                b"\xef\xbb\xbf{}",
                b"\xff\xfe{\x00}\x00",
                b"[" * 100_000,
                b'{"format": "social-media-strategy-plan", "version": 1, "plan": ' * 2000,
                b'{"format": "social-media-strategy-plan", "version": 1, "plan": {"title": "x"}}' + b" " * (3 * 2**20),
                b'{"format": "social-media-strategy-plan", "version": 1e400, "plan": {"title": "x"}}',
                b'{"format": "social-media-strategy-plan", "version": 1, "plan": {"title": "\\ud800"}}',
            ]
        ),
    )
