"""The readiness radar: its geometry is a pure function, the template draws it and escapes its texts."""

import math
import xml.etree.ElementTree as ET

from django.template import Context, Template
from django.utils.translation import override

from checklists.charts import Point, radar
from checklists.scoring import Readiness

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert(1)</script><img src="file:///etc/passwd">'


def distance(a: Point, b: Point) -> float:
    return math.hypot(a.x - b.x, a.y - b.y)


def test_one_axis_per_dimension_clockwise_from_the_top():
    chart = radar(values=[("A", 10), ("B", 20), ("C", 30), ("D", 40), ("E", 50)], size=300, label="")
    assert [axis.text for axis in chart.axes] == ["A 10", "B 20", "C 30", "D 40", "E 50"]
    assert len(chart.shape) == 5 and all(len(ring) == 5 for ring in chart.rings)
    top, right = chart.axes[0], chart.axes[1]
    assert top.end.x == chart.centre.x and top.end.y < chart.centre.y and top.anchor == "middle"
    assert right.end.x > chart.centre.x and right.anchor == "start"
    assert chart.axes[-1].anchor == "end"


def test_a_score_is_its_share_of_the_radius():
    chart = radar(values=[("A", 50), ("B", 100), ("C", 0)], size=300, label="")
    radius = distance(chart.centre, chart.axes[0].end)
    assert radius == 140  # half the size, less the room for the labels
    assert math.isclose(distance(chart.centre, chart.shape[0]), radius / 2, abs_tol=0.1)
    assert chart.shape[1] == chart.axes[1].end
    assert chart.shape[2] == chart.centre


def test_scores_below_0_and_above_100_are_drawn_at_the_centre_and_the_rim_but_labelled_as_they_are():
    chart = radar(values=[("A", -20), ("B", 150), ("C", 100), ("D", 0)], size=300, label="")
    assert chart.shape[0] == chart.centre
    assert chart.shape[1] == chart.axes[1].end
    assert chart.shape[2] == chart.axes[2].end
    assert [axis.text for axis in chart.axes[:2]] == ["A -20", "B 150"]


def test_fewer_than_three_axes_draw_nothing():
    assert radar(values=[("a", 1), ("b", 2)], size=300, label="") is None
    html = Template("{% load checklist_tags %}[{% readiness_radar readiness %}]").render(Context({}))
    assert "".join(html.split()) == "[]"


def test_the_rings_and_their_ticks():
    chart = radar(values=[("A", 10), ("B", 20), ("C", 30)], size=200, label="")
    assert len(chart.rings) == 4
    assert chart.rings[-1] == tuple(axis.end for axis in chart.axes)
    assert [tick.text for tick in chart.ticks] == ["50", "100"]


def test_the_chart_is_wide_enough_for_its_longest_label():
    short = radar(values=[("A", 1), ("B", 2), ("C", 3)], size=150, label="")
    long = radar(values=[("A", 1), ("B", 2), ("C", 3), ("D", 4), ("Erfolgsmessung", 100)], size=150, label="")
    assert short.width == 150 + 2 * 70
    side = long.axes[-1]
    assert side.anchor == "end" and side.label_at.x >= len(side.text) * 8.5 * 0.55  # it ends inside the chart


def test_long_labels_are_shortened():
    chart = radar(values=[("x" * 40, 1), ("B", 2), ("C", 3)], size=300, label="")
    assert chart.axes[0].text == "x" * 21 + "… 1"


def test_the_tag_draws_every_dimension_escaped_with_unlocalised_numbers():
    dimensions = {"strategy": 59, "organization": 67, "culture": 64, "content": 67, "dialogue": 69,
                  "measurement": 100, "resources": 100}  # fmt: skip
    readiness = Readiness(
        assessed=True, stage="functional", rank=3, dimensions=dimensions, plan_check=dimensions,
        self_assessment=dimensions, answered=43, total=43,
    )  # fmt: skip
    with override("de"):
        svg = Template("{% load checklist_tags %}{% readiness_radar readiness size=320 %}").render(
            Context({"readiness": readiness})
        )
    root = ET.fromstring(svg.strip())  # well-formed XML
    assert int(root.get("width")) >= 460 and root.get("aria-label") == "Reifegrad je Dimension"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Strategie 59" in texts and "Ressourcen 100" in texts
    assert len(root.findall(f"{SVG}line")) == 7
    assert "," not in root.find(f"{SVG}line").get("x2")  # 12.5, never the German 12,5


def test_a_hostile_label_is_drawn_as_text():
    chart = radar(values=[(HOSTILE, 10), ("B", 20), ("C", 30)], size=300, label=HOSTILE)
    svg = Template('{% include "charts/radar.svg" %}').render(Context({"chart": chart}))
    assert "<script" not in svg and "<img" not in svg
    root = ET.fromstring(svg.strip())
    assert root.get("aria-label") == HOSTILE
    assert any(t.text.startswith("<script>") for t in root.iter(f"{SVG}text"))
