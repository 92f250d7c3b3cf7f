"""The PDF's charts: pure geometry functions, drawn by templates that escape every text."""

import datetime as dt
import math
import re
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from reports import charts
from reports.document import MARK_RADIUS, _channel_matrix, month_abbreviations

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert(1)</script><img src="file:///etc/passwd">'
MONTHS = [f"M{i}" for i in range(1, 13)]


def draw(name: str, chart) -> ET.Element:
    svg = render_to_string(f"charts/{name}.svg", {"chart": chart})
    assert "<script" not in svg and "<img" not in svg
    return ET.fromstring(svg.strip())  # well-formed XML, or this raises


def milestone(title: str, start: str | None, end: str | None, phase: int = 1) -> charts.Milestone:
    day = lambda value: dt.date.fromisoformat(value) if value else None  # noqa: E731
    return charts.Milestone(title, day(start), day(end), phase)


# --- the roadmap ---------------------------------------------------------------------------


def test_gantt_has_a_bar_per_dated_milestone_in_order():
    chart = charts.gantt(
        milestones=[
            milestone("Zuhören", "2027-01-01", "2027-02-28", 0),
            milestone("Pilot", "2027-03-01", "2027-08-31", 1),
            milestone("ohne Ende", "2027-03-01", None, 2),
            milestone("ohne Datum", None, None, 2),
        ],
        months=MONTHS,
    )
    assert [bar.title for bar in chart.bars] == ["Zuhören", "Pilot"]
    first, second = chart.bars
    assert second.y == first.y + charts.GANTT_ROW
    assert math.isclose(second.x, first.x + first.width, abs_tol=0.11)  # March 1st follows February 28th
    assert (first.colour, second.colour) == charts.PHASE_COLOURS[:2]
    assert (first.phase_text.text, second.phase_text.text) == ("Phase 0", "Phase 1")


def test_a_milestone_ending_before_it_starts_is_skipped():
    chart = charts.gantt(
        milestones=[milestone("rückwärts", "2027-05-01", "2027-04-30"), milestone("ok", "2027-05-01", "2027-05-01")]
    )
    assert [bar.title for bar in chart.bars] == ["ok"]
    assert chart.bars[0].width > 2  # a one-day milestone still covers its day
    assert charts.gantt(milestones=[milestone("rückwärts", "2027-05-01", "2027-04-30")]) is None


def test_gantt_without_a_dated_milestone_draws_nothing():
    assert charts.gantt(milestones=[milestone("x", None, None)]) is None
    assert charts.gantt(milestones=[]) is None
    assert render_to_string("charts/gantt.svg", {"chart": None}).strip() == ""


def test_the_month_axis_spans_whole_months_and_names_the_year_in_january():
    chart = charts.gantt(milestones=[milestone("x", "2026-11-15", "2027-02-03")], width=500, months=MONTHS)
    assert [m.text for m in chart.months] == ["M11 26", "M12", "M1 27", "M2"]
    assert chart.months[0].x == charts.GANTT_LABEL_WIDTH
    right = 500 - 8  # the plot ends where February ends
    assert chart.bars[0].x > chart.months[0].x and chart.bars[0].x + chart.bars[0].width < right


def test_a_long_roadmap_names_every_second_month():
    chart = charts.gantt(milestones=[milestone("x", "2027-01-01", "2029-12-31")], months=MONTHS)
    assert len(chart.months) == 36
    assert [m.text for m in chart.months[:4]] == ["M1 27", "", "M3", ""]


def test_a_milestone_ending_in_december_9999_is_drawn():
    chart = charts.gantt(milestones=[milestone("x", "9999-11-01", "9999-12-31")], width=500, months=MONTHS)
    assert [m.text for m in chart.months] == ["M11 99", "M12"]
    assert round(chart.bars[0].x + chart.bars[0].width) == 500 - 8


def test_the_gantt_template_draws_bars_months_and_escapes_titles():
    chart = charts.gantt(
        milestones=[milestone(HOSTILE, "2027-01-01", "2027-02-28", 0), milestone("Pilot", "2027-03-01", "2027-04-30")],
        months=MONTHS,
        label=HOSTILE,
    )
    root = draw("gantt", chart)
    grid, *series = root.findall(f"{SVG}path")
    assert grid.get("d").count("M") == 4  # a line per month, in one path
    assert [path.get("fill") for path in series] == list(charts.PHASE_COLOURS[:2])  # the bars, one path per phase
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "M1 27" in texts and "Phase 1" in texts
    assert any(t.startswith("<script>") for t in texts)  # drawn as text
    assert root.get("aria-label") == HOSTILE


def test_a_long_milestone_title_takes_two_lines_cut_between_words():
    title = "Relaunch der Unternehmenswebsite mit neuem Blog und Newsletter für Bestandskunden"
    chart = charts.gantt(milestones=[milestone(title, "2027-01-01", "2027-06-30")], months=MONTHS)
    (bar,) = chart.bars
    lines = [line.text for line in bar.title_lines]
    assert len(lines) == 2 and all(len(line) <= charts.GANTT_LABEL_CHARS for line in lines)
    assert lines[0] == "Relaunch der Unternehmenswebsite"  # whole words: never "Rela…"
    assert lines[1].endswith("…") and title.startswith(" ".join(lines)[:-1].rstrip())
    assert lines[1][:-1].split()[-1] in title.split()
    assert chart.height == charts.GANTT_TOP + charts.GANTT_ROW + charts.GANTT_LINE + 8


def test_the_phase_stands_beside_a_bar_too_short_for_it():
    chart = charts.gantt(
        milestones=[
            milestone("lang", "2027-01-01", "2027-12-31", 1),
            milestone("kurz", "2027-03-01", "2027-03-03", 2),
            milestone("kurz am Ende", "2027-12-29", "2027-12-31", 3),
        ],
        width=500,
        months=MONTHS,
    )
    long, short, last = chart.bars
    assert long.phase_inside and long.phase_text.x > long.x
    assert not short.phase_inside and short.phase_text.x > short.x + short.width  # right of the bar
    assert not last.phase_inside and last.phase_text.anchor == "end" and last.phase_text.x < last.x  # left of it
    root = draw("gantt", chart)
    fills = {t.text: t.get("fill") for t in root.iter(f"{SVG}text")}
    assert fills["Phase 1"] == "#ffffff" and fills["Phase 2"] != "#ffffff"


def test_the_gantt_writes_numbers_unlocalised_in_german():
    chart = charts.gantt(milestones=[milestone("x", "2027-01-10", "2027-02-13")])
    with translation.override("de"):
        root = draw("gantt", chart)
    bar = root.findall(f"{SVG}path")[1].get("d")
    assert "," not in bar and "." in bar


# --- percentages as bars -------------------------------------------------------------------


def test_bars_clamp_values_below_0_and_above_100_but_write_them_as_they_are():
    chart = charts.bars(values=[("Creators", 150), ("Critics", -5), ("Joiners", 40)], width=260)
    full, empty, part = chart.rows
    assert full.fill_width == chart.track_width
    assert empty.fill_width == 0
    assert part.fill_width == round(chart.track_width * 0.4, 1)
    assert [row.value_text for row in chart.rows] == ["150 %", "-5 %", "40 %"]


def test_bars_show_a_missing_value_as_a_dash_without_a_bar():
    chart = charts.bars(values=[("Critics", None), ("Joiners", 0)])
    assert chart.rows[0].fill_width is None and chart.rows[0].value_text == "–"
    root = draw("bars", chart)
    tracks, *bars = root.findall(f"{SVG}path")
    assert tracks.get("d").count("M") == 2 and bars == []  # two tracks in one path, no bar of width 0
    assert [t.text for t in root.iter(f"{SVG}text")] == ["Critics", "–", "Joiners", "0 %"]


def test_bars_have_a_row_per_value_and_escape_labels():
    chart = charts.bars(values=[(HOSTILE, 10), ("Critics", 20)], label=HOSTILE)
    assert [row.y for row in chart.rows] == [2, 2 + charts.BARS_ROW]
    assert chart.height == 2 * charts.BARS_ROW + 4
    root = draw("bars", chart)
    assert next(root.iter(f"{SVG}text")).text.startswith("<script>")
    assert charts.bars(values=[]) is None


def test_the_roadmap_months_are_named_in_the_reports_language():
    with translation.override("de"):
        assert month_abbreviations()[2::7] == ["Mär", "Okt"]
    with translation.override("en"):
        assert month_abbreviations()[2::7] == ["Mar", "Oct"]


def test_with_more_than_five_groups_a_channels_marks_sit_under_its_groups_numbers():
    groups = [{"key": f"g{number}", "name": f"Gruppe {number}"} for number in range(1, 8)]
    plan = {"target_groups": groups, "channels": [{"channel": "blog", "target_groups": ["g2", "g7"]}], "goals": []}
    matrix = _channel_matrix(plan, {"blog": "Blog"})
    centres = dict(matrix["strip"]["numbers"])
    dots = [float(x) + MARK_RADIUS for x in re.findall(r"M([\d.]+),", matrix["rows"][0]["marks"])]
    assert dots == pytest.approx([centres[2], centres[7]], abs=0.01)
    assert "strip" not in _channel_matrix({**plan, "target_groups": groups[:5]}, {"blog": "Blog"})
