"""parse_document: the format's limits at their boundaries, bad input, and the reference checks.

Each limit is tested in the parser itself: exactly at the limit passes, one beyond is refused
with the JSON path of the value and the wording users see.
"""

import io
import json
from collections.abc import Callable
from typing import Any

import pytest

from checklists import content
from planner import limits
from planner.models import KPI, ChecklistAnswer, Goal
from planner.plan_file import MAX_BYTES, PlanFileError, parse_document, read_upload
from planner.plan_file.reading import MAX_PROBLEMS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ITEMS = list(content.ITEMS)  # the checklist items' slugs, as load_content seeds them


def document(**plan: Any) -> dict[str, Any]:
    return {"format": "social-media-strategy-plan", "version": 1, "plan": {"title": "Plan", **plan}}


def problems(source: dict[str, Any] | str | bytes) -> list[str]:
    """The lines parse_document refuses a file with; [] when it accepts it."""
    raw = json.dumps(source, separators=(",", ":")) if isinstance(source, dict) else source
    try:
        parse_document(raw)
    except PlanFileError as error:
        return error.problems
    return []


def goal_with_kpi(**kpi: Any) -> dict[str, Any]:
    return {"key": "g1", "title": "Bekanntheit", "kpis": [{"name": "Follower", **kpi}]}


# --- limits, each at its boundary -------------------------------------------------------

Build = Callable[[Any], dict[str, Any]]

LIMITS: list[tuple[str, Build, Any, Any, str]] = [
    # (name, document with the value, value at the limit, value one beyond, the line for one beyond)
    ("title", lambda v: document(title=v), "T" * 200, "T" * 201, "plan.title: must be at most 200 characters"),
    ("empty title", lambda v: document(title=v), "T", "", "plan.title: must not be empty"),
    (
        "organization",
        lambda v: document(organization=v),
        "O" * 200,
        "O" * 201,
        "plan.organization: must be at most 200 characters",
    ),
    (
        "text",
        lambda v: document(summary=v),
        "s" * 20_000,
        "s" * 20_001,
        "plan.summary: must be at most 20000 characters",
    ),
    (
        "text in a list",
        lambda v: document(situation={"strengths": ["Service", v]}),
        "s" * 20_000,
        "s" * 20_001,
        "plan.situation.strengths[1]: must be at most 20000 characters",
    ),
    (
        "text deep down",
        lambda v: document(goals=[goal_with_kpi(unit=v)]),
        "u" * 20_000,
        "u" * 20_001,
        "plan.goals[0].kpis[0].unit: must be at most 20000 characters",
    ),
    ("list", lambda n: document(off_limits=["x"] * n), 500, 501, "plan.off_limits: must have at most 500 entries"),
    (
        "list deep down",
        lambda n: document(goals=[{"kpis": [{}] * n}]),
        500,
        501,
        "plan.goals[0].kpis: must have at most 500 entries",
    ),
    (
        "role hours",
        lambda v: document(roles=[{"person": "A", "hours_per_week": v}]),
        80,
        80.01,
        "plan.roles[0].hours_per_week: must be at most 80",
    ),
    (
        "negative role hours",
        lambda v: document(roles=[{"hours_per_week": v}]),
        0,
        -0.01,
        "plan.roles[0].hours_per_week: must be at least 0",
    ),
    (
        "staff hours",
        lambda v: document(resources={"staff_hours_per_week": v}),
        10_000,
        10_000.01,
        "plan.resources.staff_hours_per_week: must be at most 10000",
    ),
    (
        "paid media budget",
        lambda v: document(resources={"paid_media_budget_eur": v}),
        1_000_000_000,
        1_000_000_000.01,
        "plan.resources.paid_media_budget_eur: must be at most 1000000000",
    ),
    (
        "tools budget",
        lambda v: document(resources={"tools_budget_eur": v}),
        1_000_000_000,
        1_000_000_001,
        "plan.resources.tools_budget_eur: must be at most 1000000000",
    ),
    (
        "negative budget",
        lambda v: document(resources={"tools_budget_eur": v}),
        0,
        -1,
        "plan.resources.tools_budget_eur: must be at least 0",
    ),
    (
        "KPI target",
        lambda v: document(goals=[goal_with_kpi(target=v)]),
        1e12,
        1e12 + 1,
        "plan.goals[0].kpis[0].target: must be at most 1000000000000",
    ),
    (
        "KPI baseline",
        lambda v: document(goals=[goal_with_kpi(baseline=v)]),
        -1e12,
        -1e12 - 1,
        "plan.goals[0].kpis[0].baseline: must be at least -1000000000000",
    ),
    (
        "posts per week",
        lambda v: document(channels=[{"channel": "blog", "posts_per_week": v}]),
        100,
        100.5,
        "plan.channels[0].posts_per_week: must be at most 100",
    ),
    (
        "earliest date",
        lambda v: document(start_date=v),
        "1900-01-01",
        "1899-12-31",
        "plan.start_date: must not be before 1900-01-01",
    ),
    (
        "latest date",
        lambda v: document(goals=[goal_with_kpi(due=v)]),
        "2199-12-31",
        "2200-01-01",
        "plan.goals[0].kpis[0].due: must not be after 2199-12-31",
    ),
    (
        "milestone date",
        lambda v: document(milestones=[{"start": "2027-01-01", "end": v}]),
        "2199-12-31",
        "9999-12-31",
        "plan.milestones[0].end: must not be after 2199-12-31",
    ),
    ("priority", lambda v: document(goals=[{"priority": v}]), 5, 6, "plan.goals[0].priority: must be at most 5"),
    ("phase", lambda v: document(milestones=[{"phase": v}]), 9, 10, "plan.milestones[0].phase: must be at most 9"),
    ("horizon", lambda v: document(horizon_months=v), 60, 61, "plan.horizon_months: must be at most 60"),
    (
        "review",
        lambda v: document(review={"cadence_months": v}),
        24,
        25,
        "plan.review.cadence_months: must be at most 24",
    ),
    (
        "technographics",
        lambda v: document(target_groups=[{"technographics": {"creators": v}}]),
        100,
        101,
        "plan.target_groups[0].technographics.creators: must be at most 100",
    ),
]


@pytest.mark.parametrize(
    ("build", "at_limit", "beyond", "line"), [row[1:] for row in LIMITS], ids=[r[0] for r in LIMITS]
)
def test_a_value_at_the_limit_passes_and_one_beyond_is_refused_with_its_path(channels, build, at_limit, beyond, line):
    assert problems(build(at_limit)) == []
    assert problems(build(beyond)) == [line]


def test_the_limits_are_the_formats():
    assert (limits.MAX_TITLE, limits.MAX_TEXT, limits.MAX_LIST, limits.MAX_ENTRIES) == (200, 20_000, 500, 5_000)
    assert (limits.MAX_ROLE_HOURS, limits.MAX_STAFF_HOURS, limits.MAX_POSTS_PER_WEEK) == (80, 10_000, 100)
    assert (limits.MAX_MONEY_EUR, limits.MAX_KPI_VALUE) == (1_000_000_000, 10**12)
    assert (limits.MIN_DATE.isoformat(), limits.MAX_DATE.isoformat()) == ("1900-01-01", "2199-12-31")
    assert MAX_BYTES == limits.MAX_BYTES == 2 * 1024 * 1024


# --- all entries of all lists together --------------------------------------------------


def kpis(entries: int) -> dict[str, Any]:
    """10 goals of 499 KPIs are 5,000 entries; the rest are strengths."""
    return document(goals=[{"kpis": [{}] * 499} for _ in range(10)], situation={"strengths": ["s"] * (entries - 5_000)})


def formats(entries: int) -> dict[str, Any]:
    """10 content themes of 499 formats are 5,000 entries."""
    themes = [{"formats": ["Video"] * 499} for _ in range(10)]
    return document(content_themes=themes, off_limits=["x"] * (entries - 5_000))


def channel_links(entries: int) -> dict[str, Any]:
    """A target group, a goal, 10 channels linking them 250 and 248 times (4,990) and 8 strengths."""
    channel = {"channel": "blog", "target_groups": ["tg"] * 250, "goals": ["g"] * 248}
    return document(
        target_groups=[{"key": "tg"}],
        goals=[{"key": "g"}],
        channels=[channel] * 10,
        situation={"strengths": ["s"] * (entries - 4_992)},
    )


@pytest.mark.parametrize("build", [kpis, formats, channel_links])
def test_all_entries_of_all_lists_together_are_at_most_5000(channels, build):
    assert problems(build(5_000)) == []
    assert problems(build(5_001)) == ["plan: has 5001 list entries in all; at most 5000 are allowed"]


def test_500_goals_of_500_kpis_are_refused_in_one_line(channels):
    big = document(goals=[{"key": f"g{i}", "kpis": [{}] * 500} for i in range(500)])  # under 1 MB
    assert problems(big) == ["plan: has 250500 list entries in all; at most 5000 are allowed"]


# --- NUL, NaN, infinity -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("plan", "line"),
    [
        ({"title": "Plan\u0000"}, "plan.title: must not contain a NUL character (U+0000)"),
        ({"organization": "\u0000"}, "plan.organization: must not contain a NUL character (U+0000)"),
        ({"off_limits": ["ok", "a\u0000b"]}, "plan.off_limits[1]: must not contain a NUL character (U+0000)"),
        (
            {"goals": [goal_with_kpi(unit="\u0000")]},
            "plan.goals[0].kpis[0].unit: must not contain a NUL character (U+0000)",
        ),
        (
            {"channels": [{"channel": "blog\u0000"}]},
            "plan.channels[0].channel: must not contain a NUL character (U+0000)",
        ),
    ],
)
def test_a_nul_character_is_refused_with_the_path_of_its_text(plan, line):
    assert problems(document(**plan)) == [line]


def test_a_nul_character_in_an_unknown_key_is_shown_escaped():
    assert problems(document(**{"a\u0000": 1})) == ['plan["a\\x00"]: unknown key']


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_nan_and_infinity_are_refused_as_numbers(literal):
    raw = '{"format": "social-media-strategy-plan", "version": 1, "plan": {"title": "P", "resources": '
    raw += '{"staff_hours_per_week": ' + literal + "}}}"
    assert problems(raw) == ["plan.resources.staff_hours_per_week: must be a finite number"]


# --- the file as a whole ----------------------------------------------------------------


def padded(text: str, size: int) -> str:
    return text + " " * (size - len(text.encode("utf-8")))


def test_a_file_of_exactly_2_mb_passes_and_one_byte_more_is_refused():
    raw = padded(json.dumps(document()), MAX_BYTES)
    assert problems(raw) == []
    assert problems(raw.encode("utf-8")) == []
    assert problems(raw + " ") == [f"(document): the file has more than {MAX_BYTES} bytes; at most 2 MB are allowed"]
    assert problems((raw + " ").encode("utf-8")) == problems(raw + " ")


def test_the_size_of_a_text_is_counted_in_utf8_bytes():
    raw = padded(json.dumps(document(summary="ü"), ensure_ascii=False), MAX_BYTES)
    assert len(raw) == MAX_BYTES - 1 and problems(raw) == []
    raw = padded(json.dumps(document(summary="üü"), ensure_ascii=False), MAX_BYTES + 1)
    assert len(raw) == MAX_BYTES - 1 and problems(raw)[0].startswith("(document): the file has more than")


def test_read_upload_reads_at_most_one_byte_more_than_allowed():
    assert read_upload(io.BytesIO(b"{}")) == b"{}"
    huge = io.BytesIO(b" " * (MAX_BYTES * 3))
    raw = read_upload(huge)
    assert len(raw) == MAX_BYTES + 1 and huge.tell() == MAX_BYTES + 1
    assert problems(raw) == [f"(document): the file has more than {MAX_BYTES} bytes; at most 2 MB are allowed"]


def test_read_upload_reads_a_stream_that_returns_short_chunks_to_the_end():
    class Trickle(io.RawIOBase):
        def __init__(self, data: bytes):
            self.data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            return self.data.read(min(size, 1000))

    source = json.dumps(document(summary="x" * 10_000)).encode()
    assert read_upload(Trickle(source)) == source


@pytest.mark.parametrize(
    "raw",
    ["[" * 100_000, '{"a": ' * 100_000, '{"format": "social-media-strategy-plan", "plan": ' + "[" * 100_000],
    ids=["lists", "objects", "inside the plan"],
)
def test_deep_nesting_is_refused_in_one_line_without_a_crash(raw):
    lines = problems(raw)
    assert len(lines) == 1
    assert lines[0].startswith("(document): not valid JSON: nested too deeply at line 1 column ")


@pytest.mark.parametrize("raw", ["{not json", "", '{"format": "social-media-strategy-plan",}', "{} {}", "'plan'"])
def test_bad_json_is_refused_in_one_line(raw):
    lines = problems(raw)
    assert len(lines) == 1 and lines[0].startswith("(document): not valid JSON: ")


def test_bad_json_names_where_it_breaks():
    assert problems("{not json") == ["(document): not valid JSON: key must be a string at line 1 column 2"]


def test_a_file_that_is_not_utf8_is_refused():
    assert problems(json.dumps(document(summary="Größe"), ensure_ascii=False).encode("latin-1")) == [
        "(document): the file is not UTF-8 text"
    ]


def test_a_byte_order_mark_is_fine():
    assert problems(b"\xef\xbb\xbf" + json.dumps(document()).encode()) == []


@pytest.mark.parametrize("raw", ["[]", "5", '"plan"', "null"])
def test_a_document_that_is_no_object_is_refused(raw):
    assert problems(raw) == ["(document): must be an object"]


def test_format_version_and_title_are_required():
    assert problems({"plan": {}}) == ["format: is required", "version: is required", "plan.title: is required"]


def test_another_format_or_version_is_refused():
    assert problems({**document(), "format": "other", "version": 2}) == [
        "format: must be one of: social-media-strategy-plan",
        "version: must be one of: 1",
    ]


# --- shape: unknown keys, types, choices ------------------------------------------------


@pytest.mark.parametrize(
    ("plan", "line"),
    [
        ({"surprise": 1}, "plan.surprise: unknown key"),
        ({"goals": [goal_with_kpi(colour="red")]}, "plan.goals[0].kpis[0].colour: unknown key"),
        (
            {"target_groups": [{"technographics": {"lurkers": 5}}]},
            "plan.target_groups[0].technographics.lurkers: unknown key",
        ),
        ({"resources": {"budget eur": 5}}, 'plan.resources["budget eur"]: unknown key'),
    ],
)
def test_an_unknown_key_is_refused_with_its_path(plan, line):
    assert problems(document(**plan)) == [line]


@pytest.mark.parametrize(
    ("plan", "line"),
    [
        (
            {"goals": [{}, {}, goal_with_kpi(target="viel")]},
            "plan.goals[2].kpis[0].target: must be a number",
        ),
        ({"horizon_months": "12"}, "plan.horizon_months: must be a whole number"),
        ({"horizon_months": 12.5}, "plan.horizon_months: must be a whole number"),
        ({"channels": [{"channel": "blog", "dialogue": "yes"}]}, "plan.channels[0].dialogue: must be true or false"),
        ({"summary": 5}, "plan.summary: must be a text"),
        ({"off_limits": "Umsatz"}, "plan.off_limits: must be a list"),
        ({"situation": []}, "plan.situation: must be an object"),
        ({"start_date": "2027-02-30"}, "plan.start_date: must be a date (YYYY-MM-DD)"),
        ({"start_date": "1.2.2027"}, "plan.start_date: must be a date (YYYY-MM-DD)"),
        ({"channels": [{}]}, "plan.channels[0].channel: is required"),
    ],
)
def test_a_wrong_type_is_refused_with_its_path(channels, plan, line):
    assert problems(document(**plan)) == [line]


def test_choices_are_the_models_and_may_be_empty():
    categories = ", ".join(Goal.Category.values)
    assert problems(document(goals=[{"category": "fame"}])) == [
        f"plan.goals[0].category: must be one of: {categories} (or empty)"
    ]
    assert problems(document(goals=[goal_with_kpi(metric="likes")])) == [
        f"plan.goals[0].kpis[0].metric: must be one of: {', '.join(KPI.Metric.values)} (or empty)"
    ]
    assert problems(document(goals=[{"category": ""}, {"category": Goal.Category.values[-1]}])) == []


def test_a_checklist_status_and_the_language_must_be_chosen():
    item = ITEMS[0]
    assert problems(document(language="fr", checklist=[{"item": item, "status": ""}])) == [
        "plan.language: must be one of: de, en",
        f"plan.checklist[0].status: must be one of: {', '.join(ChecklistAnswer.Status.values)}",
    ]


def test_every_problem_is_listed_at_once_in_the_order_of_the_format():
    lines = problems(document(summary=5, horizon_months=0, goals=[{"priority": 0}, {"priority": 0}]))
    assert lines == [
        "plan.horizon_months: must be at least 1",
        "plan.summary: must be a text",
        "plan.goals[0].priority: must be at least 1",
        "plan.goals[1].priority: must be at least 1",
    ]


def test_up_to_the_cap_every_problem_is_listed():
    lines = problems(document(off_limits=[1] * MAX_PROBLEMS))
    assert lines == [f"plan.off_limits[{i}]: must be a text" for i in range(MAX_PROBLEMS)]
    lines = problems(document(off_limits=[1] * (MAX_PROBLEMS + 1)))
    assert lines[-2:] == [
        f"plan.off_limits[{MAX_PROBLEMS - 1}]: must be a text",
        "(document): 1 more problems like these are not listed",
    ]


def test_a_flood_of_problems_is_cut_to_a_readable_list():
    lines = problems(document(goals=[{"kpis": [{"colour": 1}] * 300} for _ in range(2)]))
    assert len(lines) == MAX_PROBLEMS + 1
    assert lines[0] == "plan.goals[0].kpis[0].colour: unknown key"
    assert lines[-1] == f"(document): {600 - MAX_PROBLEMS} more problems like these are not listed"


# --- references -------------------------------------------------------------------------


@pytest.fixture
def linked() -> dict[str, Any]:
    """A plan whose channels and themes refer to its goals and target groups."""
    return document(
        goals=[{"key": "g1"}, {"key": "g2"}],
        target_groups=[{"key": "tg1"}, {"key": "tg2"}],
        channels=[{"channel": "linkedin", "target_groups": ["tg1", "tg2"], "goals": ["g2"]}],
        content_themes=[{"target_groups": ["tg2"], "channels": ["linkedin", "blog"]}],
        milestones=[{"start": "2027-03-01", "end": "2027-03-01"}],
        checklist=[{"item": ITEMS[0]}, {"item": ITEMS[1], "status": "done"}],
    )


def test_a_plan_whose_references_all_resolve_passes(channels, linked):
    assert problems(linked) == []


def test_an_unknown_channel_is_refused(channels, linked):
    linked["plan"]["channels"][0]["channel"] = "myspace"
    linked["plan"]["content_themes"][0]["channels"][1] = "studivz"
    assert problems(linked) == [
        "plan.channels[0].channel: unknown channel 'myspace'",
        "plan.content_themes[0].channels[1]: unknown channel 'studivz'",
    ]


def test_an_unknown_target_group_is_refused(channels, linked):
    linked["plan"]["channels"][0]["target_groups"][1] = "nobody"
    linked["plan"]["content_themes"][0]["target_groups"][0] = "tg3"
    assert problems(linked) == [
        "plan.channels[0].target_groups[1]: unknown target group 'nobody'",
        "plan.content_themes[0].target_groups[0]: unknown target group 'tg3'",
    ]


def test_an_unknown_goal_key_is_refused(channels, linked):
    linked["plan"]["channels"][0]["goals"] = ["g2", "g9"]
    assert problems(linked) == ["plan.channels[0].goals[1]: unknown goal 'g9'"]


def test_a_key_used_twice_is_refused(channels, linked):
    linked["plan"]["goals"][1]["key"] = "g1"
    linked["plan"]["channels"][0]["goals"] = ["g1"]
    linked["plan"]["target_groups"].append({"key": "tg2"})
    assert problems(linked) == [
        "plan.goals[1].key: 'g1' is used twice",
        "plan.target_groups[2].key: 'tg2' is used twice",
    ]


def test_rows_without_a_key_need_none(channels):
    assert problems(document(goals=[{"key": ""}, {"key": ""}], target_groups=[{}, {}])) == []


def test_a_milestone_ending_before_its_start_is_refused(channels, linked):
    linked["plan"]["milestones"].append({"start": "2027-03-01", "end": "2027-02-28"})
    assert problems(linked) == ["plan.milestones[1].end: must not be before start (2027-03-01)"]


def test_an_unknown_checklist_item_is_refused(channels, linked):
    linked["plan"]["checklist"][1]["item"] = "no-such-item"
    assert problems(linked) == ["plan.checklist[1].item: unknown checklist item 'no-such-item'"]


def test_a_checklist_item_answered_twice_is_refused(channels, linked):
    linked["plan"]["checklist"][1]["item"] = linked["plan"]["checklist"][0]["item"]
    assert problems(linked) == [f"plan.checklist[1].item: {ITEMS[0]!r} is answered twice"]


def test_a_draft_is_parsed_without_a_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert problems(document(summary="Entwurf", goals=[goal_with_kpi(target=5)])) == []
