"""The plan check never raises on a document the plan file format allows, however extreme its numbers
and dates (a KPI from 1 to 100,000,000,000 due one day after the start once raised OverflowError and
made the plan unreachable), and the maturity score stays within its bounds."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checklists import content
from checklists.models import Metric
from checklists.rules import RULES
from checklists.scoring import readiness

from .plans import draft, findings, seed_content

CONTENT = seed_content("de")
CHANNELS = [seed.slug for seed in content.CHANNELS]
ITEMS = list(CONTENT.items)

# The format's limits (planner/limits.py): dates 1900-01-01..2199-12-31, KPI values within ±1e12.
dates = st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)).map(dt.date.isoformat)
kpi_values = st.one_of(
    st.none(),
    st.integers(-(10**12), 10**12),
    st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False),
    st.sampled_from([0, 1, 1e-9, -1e-9, 10**12, -(10**12), 10**11]),
)
words = st.text(max_size=40)
sentences = st.one_of(words, st.sampled_from(["Wir kaufen 5.000 Fans.", "folgt", "Krise", "Vertraulich", "TBD"]))
hours = st.one_of(st.none(), st.floats(0, 80, allow_nan=False))
money = st.one_of(st.none(), st.floats(0, 1e9, allow_nan=False))
keys = st.sampled_from(["a", "b", "c", ""])

checkins = st.fixed_dictionaries({"date": dates, "value": kpi_values.filter(lambda v: v is not None), "note": words})
kpis = st.fixed_dictionaries(
    {},
    optional={
        "name": words,
        "metric": st.sampled_from(["", *Metric.values]),
        "unit": words,
        "channel": st.sampled_from(CHANNELS),
        "baseline": kpi_values,
        "target": kpi_values,
        "due": st.one_of(st.none(), dates),
        "actuals": st.lists(checkins, max_size=3),
    },
)
goals = st.fixed_dictionaries(
    {"key": keys},
    optional={
        "category": st.sampled_from(
            ["", "awareness", "image", "loyalty", "service", "acquisition", "sales", "market_research", "recruiting"]
        ),  # fmt: skip
        "title": words,
        "description": sentences,
        "priority": st.integers(1, 5),
        "kpis": st.lists(kpis, max_size=4),
    },
)
channels = st.fixed_dictionaries(
    {"channel": st.sampled_from(CHANNELS)},
    optional={
        "purpose": sentences,
        "dialogue": st.booleans(),
        "target_groups": st.lists(keys, max_size=3),
        "goals": st.lists(keys, max_size=3),
        "posts_per_week": st.floats(0, 100, allow_nan=False),
        "phase": st.integers(0, 9),
    },
)
roles = st.fixed_dictionaries(
    {},
    optional={
        "person": words,
        "title": st.one_of(words, st.sampled_from(["Werkstudentin", "GF", "Agentur", "Praktikantenbetreuerin"])),
        "kind": st.sampled_from(["", "management", "staff", "trainee", "external"]),
        "responsibilities": sentences,
        "is_owner": st.booleans(),
        "hours_per_week": hours,
    },
)
plans = st.fixed_dictionaries(
    {"title": st.text(min_size=1, max_size=20)},
    optional={
        "language": st.sampled_from(["de", "en"]),
        "start_date": dates,
        "horizon_months": st.integers(1, 60),
        "summary": sentences,
        "situation": st.fixed_dictionaries({}, optional={"strengths": st.lists(words, max_size=2)}),
        "goals": st.lists(goals, max_size=4),
        "target_groups": st.lists(st.fixed_dictionaries({"key": keys, "name": words}), max_size=3),
        "channels": st.lists(channels, max_size=5),
        "content_themes": st.lists(
            st.fixed_dictionaries(
                {"title": words}, optional={"kind": st.sampled_from(["", "promotional", "dialogue"])}
            ),
            max_size=4,
        ),
        "off_limits": st.lists(words, max_size=2),
        "roles": st.lists(roles, max_size=4),
        "guidelines": st.lists(st.fixed_dictionaries({"topic": sentences, "text": sentences}), max_size=3),
        "milestones": st.lists(
            st.fixed_dictionaries({"title": sentences}, optional={"phase": st.integers(0, 9), "end": dates}),
            max_size=3,
        ),
        "resources": st.fixed_dictionaries(
            {},
            optional={
                "staff_hours_per_week": st.one_of(st.none(), st.floats(0, 10_000, allow_nan=False)),
                "paid_media_budget_eur": money,
                "tools_budget_eur": money,
            },
        ),
        "review": st.fixed_dictionaries({}, optional={"cadence_months": st.integers(1, 24), "report_to": words}),
        "checklist": st.lists(
            st.fixed_dictionaries(
                {
                    "item": st.sampled_from(ITEMS),
                    "status": st.sampled_from(["open", "in_progress", "done", "not_applicable"]),
                }  # fmt: skip
            ),
            max_size=10,
        ),
    },
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans, today=st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)))
def test_the_check_and_the_score_never_raise_on_a_document_the_format_allows(plan, today):
    document = {"format": "social-media-strategy-plan", "version": 1, "plan": plan}
    found = findings(document, today=today)
    assert all(f.code in RULES and f.message and f.step for f in found)
    score = readiness(document, found, CONTENT.items)
    assert all(0 <= value <= 100 for value in score.dimensions.values())
    assert (score.stage is None) is (not score.assessed)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


PLAN_KEYS = [
    "goals", "channels", "roles", "guidelines", "milestones", "resources", "review", "content_themes", "situation",
    "start_date", "horizon_months", "language", "checklist", "target_groups", "off_limits", "summary",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(plan=st.dictionaries(st.sampled_from(PLAN_KEYS), json_values, max_size=8))
def test_the_check_never_raises_even_on_a_malformed_draft(plan):
    document = draft(**plan)
    found = findings(document)
    readiness(document, found, CONTENT.items)


def test_the_overflow_that_made_a_plan_unreachable():
    kpi = {"name": "Follower", "metric": "followers", "baseline": 1, "target": 10**11, "due": "2027-01-02"}
    document = draft(start_date="2027-01-01", goals=[{"key": "g", "title": "Reichweite", "kpis": [kpi]}])
    assert "unrealistic_target" in [f.code for f in findings(document)]
