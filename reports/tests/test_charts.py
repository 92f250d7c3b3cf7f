"""The charts are pure functions returning SVG; plan text inside them is escaped."""

import datetime as dt
import xml.etree.ElementTree as ET

from reports import charts

HOSTILE = '<script>alert(1)</script><img src="file:///etc/passwd">'


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # well-formed XML, or this raises


def test_radar_draws_one_axis_per_dimension_and_escapes_labels():
    svg = charts.radar_chart([(HOSTILE, 10), ("Kultur", 80), ("Dialog", 55)], label=HOSTILE)
    root = parse(svg)
    assert "<script" not in svg and "<img" not in svg
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert any(t and t.startswith("<script>") for t in texts)  # drawn as text
    assert "Kultur 80" in texts


def test_radar_needs_three_axes():
    assert charts.radar_chart([("a", 1), ("b", 2)]) == ""


def test_gantt_has_a_bar_per_dated_milestone_and_skips_undated_ones():
    bars = [
        charts.Bar("Zuhören", dt.date(2027, 1, 1), dt.date(2027, 2, 28), 0),
        charts.Bar(HOSTILE, dt.date(2027, 3, 1), dt.date(2027, 8, 31), 1),
        charts.Bar("ohne Datum", None, None, 2),
    ]
    svg = charts.gantt_chart(bars, months=[f"M{i}" for i in range(1, 13)])
    root = parse(svg)
    assert len(root.findall("{http://www.w3.org/2000/svg}rect")) == 2
    assert "<script" not in svg and "ohne Datum" not in svg
    assert "M1 27" in svg and "M8" in svg


def test_gantt_without_dates_is_empty():
    assert charts.gantt_chart([charts.Bar("x", None, None)]) == ""


def test_bars_clamp_values_and_show_missing_ones_as_a_dash():
    svg = charts.horizontal_bars([("Creators", 150), ("Critics", None), (HOSTILE, 40)])
    parse(svg)
    assert "150 %" in svg and "–" in svg and "<script" not in svg


def test_the_roadmap_months_are_named_in_the_reports_language():
    from django.utils import translation

    from reports.document import month_abbreviations

    with translation.override("de"):
        assert month_abbreviations()[2::7] == ["Mär", "Okt"]
    with translation.override("en"):
        assert month_abbreviations()[2::7] == ["Mar", "Oct"]
