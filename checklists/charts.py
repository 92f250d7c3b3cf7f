"""The geometry of the readiness radar: pure functions returning numbers and texts.

``templates/charts/radar.svg`` draws it; the template engine escapes every text. The
overview and the PDF show it through ``{% readiness_radar %}`` (templatetags/checklist_tags).
Coordinates are rounded to a tenth of a point: more is invisible and only bloats the SVG.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# The outer ring and the rings inside it, as fractions of the radius.
RINGS = (0.25, 0.5, 0.75, 1.0)
# The scores written next to the top axis.
RING_TICKS = (50, 100)
LABEL_DISTANCE = 1.12  # labels sit just outside the outer ring
LABEL_CHARS = 22
LABEL_FONT = 8.5  # as radar.svg writes the labels
MARGIN = 70  # room for the labels left and right of the rings


@dataclass(frozen=True)
class Point:
    x: float
    y: float


def point(x: float, y: float) -> Point:
    return Point(round(x, 1), round(y, 1))


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def clamp_percent(value: float) -> float:
    return max(0, min(100, value))


@dataclass(frozen=True)
class RadarAxis:
    end: Point  # on the outer ring
    label_at: Point
    anchor: str  # the label's text-anchor: start, middle or end
    text: str  # the dimension and its score


@dataclass(frozen=True)
class RadarTick:
    at: Point
    text: str


@dataclass(frozen=True)
class Radar:
    width: float
    height: float
    centre: Point
    rings: tuple[tuple[Point, ...], ...]
    axes: tuple[RadarAxis, ...]
    shape: tuple[Point, ...]  # the scores, one corner per axis
    ticks: tuple[RadarTick, ...]
    label: str  # for screen readers


def radar(*, values: Sequence[tuple[str, int]], size: float, label: str) -> Radar | None:
    """A spider chart of 0-100 scores, one axis per (name, score), clockwise from the top.
    None for fewer than three axes: two make a line, not an area."""
    count = len(values)
    if count < 3:
        return None
    radius = size / 2 - 10
    # Room left and right for the longest label beside the rings (a label past the edge would be cut off).
    reach = max(
        abs(math.cos(-math.pi / 2 + 2 * math.pi * index / count)) * radius * LABEL_DISTANCE
        + len(f"{shorten(name, LABEL_CHARS)} {score}") * LABEL_FONT * 0.58
        for index, (name, score) in enumerate(values)
    )
    width, height = round(size + 2 * max(MARGIN, reach - size / 2 + 4)), size + 40
    cx, cy = width / 2, height / 2

    def at(index: int, fraction: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        return cx + radius * fraction * math.cos(angle), cy + radius * fraction * math.sin(angle)

    axes = []
    for index, (name, score) in enumerate(values):
        lx, ly = at(index, LABEL_DISTANCE)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        text = f"{shorten(name, LABEL_CHARS)} {score}"
        axes.append(
            RadarAxis(
                end=point(*at(index, 1.0)),
                label_at=point(lx, ly + 3),
                anchor=anchor,
                text=text,
            )
        )
    return Radar(
        width=width,
        height=height,
        centre=point(cx, cy),
        rings=tuple(tuple(point(*at(index, ring)) for index in range(count)) for ring in RINGS),
        axes=tuple(axes),
        shape=tuple(point(*at(index, clamp_percent(score) / 100)) for index, (_name, score) in enumerate(values)),
        ticks=tuple(RadarTick(at=point(cx + 3, at(0, tick / 100)[1] + 9), text=str(tick)) for tick in RING_TICKS),
        label=label,
    )
