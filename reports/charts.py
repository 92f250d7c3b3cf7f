"""The geometry of the PDF's charts: pure functions returning numbers and texts.

``templates/charts/gantt.svg`` and ``bars.svg`` draw them; the template engine escapes every
text. The readiness radar belongs to the plan check (checklists.charts).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from checklists.charts import clamp_percent, shorten

PHASE_COLOURS = (
    "#8a97a6",
    "#0b3d6b",
    "#3b7dbf",
    "#5aa0d8",
    "#2f8f6f",
    "#6bb38f",
    "#b0823a",
    "#c9a25e",
    "#8f5a9e",
    "#b58cc2",
)
ENGLISH_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# The roadmap: a label column, then one row per milestone below the month names.
GANTT_LABEL_WIDTH = 170
GANTT_ROW = 18
GANTT_TOP = 26
GANTT_MAX_MONTH_LABELS = 18  # a longer roadmap names every second (third, ...) month
GANTT_LABEL_CHARS = 34
# The bars: a label column, the bars, then the value.
BARS_LABEL_WIDTH = 110
BARS_ROW = 13
BARS_LABEL_CHARS = 24


def _tenth(value: float) -> float:
    return round(value, 1)  # more precision is invisible and only bloats the SVG


# --- the roadmap -------------------------------------------------------------------------


@dataclass(frozen=True)
class Milestone:
    title: str
    start: dt.date | None
    end: dt.date | None
    phase: int = 1


@dataclass(frozen=True)
class GanttMonth:
    x: float  # the grid line at the month's first day
    text_x: float
    text: str  # its name, or "" where the axis is too crowded to name every month


@dataclass(frozen=True)
class GanttBar:
    title: str
    x: float
    y: float
    width: float
    height: float
    text_y: float  # the baseline of the title (left) and of the phase (in the bar)
    colour: str
    phase_x: float
    phase_text: str


@dataclass(frozen=True)
class Gantt:
    width: float
    height: float
    grid_top: float
    grid_bottom: float
    month_text_y: float
    months: tuple[GanttMonth, ...]
    bars: tuple[GanttBar, ...]
    label: str  # for screen readers


def gantt(
    *,
    milestones: Sequence[Milestone],
    width: float = 500,
    phase_label: str = "Phase",
    label: str = "",
    months: Sequence[str] = ENGLISH_MONTHS,
) -> Gantt | None:
    """A roadmap: one bar per milestone with both dates on a month axis, coloured by its phase.
    Milestones without dates or ending before they start are left out; None when none is left.
    ``months`` are the twelve month abbreviations in the report's language."""
    dated = [m for m in milestones if m.start and m.end and m.end >= m.start]
    if not dated:
        return None
    origin = min(m.start for m in dated).replace(day=1)
    last = max(m.end for m in dated)
    count = (last.year - origin.year) * 12 + last.month - origin.month + 1
    axis = [origin + relativedelta(months=index) for index in range(count)]
    # Day offsets from the origin, not dates: the axis may end in December 9999.
    span = (axis[-1] - origin).days + calendar.monthrange(axis[-1].year, axis[-1].month)[1]
    plot = width - GANTT_LABEL_WIDTH - 8

    def x(days: int) -> float:
        return GANTT_LABEL_WIDTH + plot * days / span

    every = max(1, math.ceil(count / GANTT_MAX_MONTH_LABELS))
    month_marks = []
    for index, month in enumerate(axis):
        text = ""
        if index % every == 0:
            year = f" {month.year % 100:02d}" if month.month == 1 or index == 0 else ""
            text = months[month.month - 1] + year
        at = x((month - origin).days)
        month_marks.append(GanttMonth(x=_tenth(at), text_x=_tenth(at + 2), text=text))
    bars = []
    for index, milestone in enumerate(dated):
        top = GANTT_TOP + index * GANTT_ROW
        start = x((milestone.start - origin).days)
        end = x((milestone.end - origin).days + 1)  # the bar covers the end day
        bars.append(
            GanttBar(
                title=shorten(milestone.title, GANTT_LABEL_CHARS),
                x=_tenth(start),
                y=top + 3,
                width=_tenth(max(2, end - start)),
                height=GANTT_ROW - 6,
                text_y=top + 12,
                colour=PHASE_COLOURS[milestone.phase % len(PHASE_COLOURS)],
                phase_x=_tenth(start + 3),
                phase_text=f"{phase_label} {milestone.phase}",
            )
        )
    height = GANTT_TOP + GANTT_ROW * len(dated) + 8
    return Gantt(
        width=width,
        height=height,
        grid_top=GANTT_TOP - 4,
        grid_bottom=height - 6,
        month_text_y=GANTT_TOP - 8,
        months=tuple(month_marks),
        bars=tuple(bars),
        label=label,
    )


# --- percentages as horizontal bars ----------------------------------------------------------


@dataclass(frozen=True)
class BarRow:
    label: str
    y: float  # the top of the bar
    text_y: float  # the baseline of the label and the value
    fill_width: float | None  # None: no value
    value_text: str


@dataclass(frozen=True)
class Bars:
    width: float
    height: float
    track_x: float
    track_width: float
    bar_height: float
    value_x: float
    rows: tuple[BarRow, ...]
    label: str  # for screen readers


def bars(*, values: Sequence[tuple[str, int | None]], width: float = 260, label: str = "") -> Bars | None:
    """Percentages as horizontal bars, one per (label, value): the bar clamped to 0-100, the
    value written as given; None is drawn as "–". None for no values."""
    if not values:
        return None
    plot = width - BARS_LABEL_WIDTH - 28
    rows = tuple(
        BarRow(
            label=shorten(name, BARS_LABEL_CHARS),
            y=index * BARS_ROW + 2,
            text_y=index * BARS_ROW + 9.5,
            fill_width=None if value is None else _tenth(plot * clamp_percent(value) / 100),
            value_text="–" if value is None else f"{value} %",
        )
        for index, (name, value) in enumerate(values)
    )
    return Bars(
        width=width,
        height=BARS_ROW * len(values) + 4,
        track_x=BARS_LABEL_WIDTH,
        track_width=_tenth(plot),
        bar_height=BARS_ROW - 4,
        value_x=_tenth(BARS_LABEL_WIDTH + plot + 4),
        rows=rows,
        label=label,
    )
