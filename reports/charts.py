"""The geometry of the PDF's charts: pure functions returning numbers and texts.

``templates/charts/gantt.svg``, ``bars.svg`` and ``kpi.svg`` draw them; the template engine escapes
every text. The readiness radar belongs to the plan check (checklists.charts). A KPI's progress
(on track, behind, reached) is computed here too, as the chart's colour and its page's words.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

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
GANTT_ROW = 18  # a milestone whose title takes two lines gets GANTT_LINE more
GANTT_LINE = 9.5
GANTT_BAR = 12
GANTT_TOP = 26
GANTT_MAX_MONTH_LABELS = 18  # a longer roadmap names every second (third, ...) month
GANTT_LABEL_CHARS = 34  # of the 8-unit title in the label column
GANTT_PHASE_FONT = 6.5
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
class ChartText:
    x: float
    y: float  # the baseline
    text: str
    anchor: str = "start"  # the text-anchor: start or end


@dataclass(frozen=True)
class GanttMonth:
    x: float  # the grid line at the month's first day
    text_x: float
    text: str  # its name, or "" where the axis is too crowded to name every month


@dataclass(frozen=True)
class GanttBar:
    title: str  # the whole title; title_lines are what fits the label column
    title_lines: tuple[ChartText, ...]
    x: float
    y: float
    width: float
    height: float
    colour: str
    phase_text: ChartText  # in the bar (white) where it fits, else beside it
    phase_inside: bool


@dataclass(frozen=True)
class Gantt:
    width: float
    height: float
    month_text_y: float
    months: tuple[GanttMonth, ...]
    grid: str  # the month lines, one SVG path
    bars: tuple[GanttBar, ...]
    series: tuple[tuple[str, str], ...]  # (colour, SVG path) per phase: its bars in one path
    label: str  # for screen readers


def text_width(text: str, font_size: float) -> float:
    """About how wide Noto Sans sets ``text``: a little more than its average glyph, so a label estimated to fit
    does fit."""
    return len(text) * font_size * 0.6


def wrap_words(text: str, *, chars: int, lines: int) -> list[str]:
    """``text`` broken between words into at most ``lines`` lines of about ``chars`` characters; what does not fit
    ends in an ellipsis after the last whole word (a word longer than a line is cut)."""
    words = text.split()
    result: list[str] = []
    while words and len(result) < lines:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= chars:
            line += " " + words.pop(0)
        result.append(line)
    if words or any(len(line) > chars for line in result):
        last = result[-1] if result else ""
        if len(last) > chars - 1:
            last = shorten(last, chars)
        else:
            last = last.rstrip(" ,;:–-") + "…"
        result[-1:] = [shorten(last, chars)]
    return result


def rounded_bar(x: float, y: float, width: float, height: float, radius: float = 2) -> str:
    """One bar with rounded corners as an SVG subpath."""
    r = min(radius, width / 2, height / 2)
    return (
        f"M{_tenth(x + r)} {_tenth(y)}h{_tenth(width - 2 * r)}a{r} {r} 0 0 1 {r} {r}v{_tenth(height - 2 * r)}"
        f"a{r} {r} 0 0 1 -{r} {r}h-{_tenth(width - 2 * r)}a{r} {r} 0 0 1 -{r} -{r}v-{_tenth(height - 2 * r)}"
        f"a{r} {r} 0 0 1 {r} -{r}z"
    )


def gantt(
    *,
    milestones: Sequence[Milestone],
    width: float = 500,
    phase_label: str = "Phase",
    label: str = "",
    months: Sequence[str] = ENGLISH_MONTHS,
) -> Gantt | None:
    """A roadmap: one bar per milestone with both dates on a month axis, coloured by its phase, its title in up to
    two lines on the left and its phase in the bar (beside it where the bar is too short).
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
    top = GANTT_TOP
    for milestone in dated:
        lines = wrap_words(milestone.title, chars=GANTT_LABEL_CHARS, lines=2)
        row = GANTT_ROW + GANTT_LINE * (len(lines) - 1)
        start = x((milestone.start - origin).days)
        end = x((milestone.end - origin).days + 1)  # the bar covers the end day
        bar_width = max(2, end - start)
        bar_y = top + (row - GANTT_BAR) / 2
        baseline = bar_y + GANTT_BAR - 3
        phase = f"{phase_label} {milestone.phase}"
        needed = text_width(phase, GANTT_PHASE_FONT) + 6
        inside = bar_width >= needed
        if inside:
            phase_text = ChartText(_tenth(start + 3), baseline, phase)
        elif start + bar_width + needed <= width:
            phase_text = ChartText(_tenth(start + bar_width + 3), baseline, phase)
        else:
            phase_text = ChartText(_tenth(start - 3), baseline, phase, anchor="end")
        first_line = top + row / 2 + 3 - GANTT_LINE * (len(lines) - 1) / 2
        bars.append(
            GanttBar(
                title=milestone.title,
                title_lines=tuple(
                    ChartText(0, _tenth(first_line + GANTT_LINE * n), line) for n, line in enumerate(lines)
                ),
                x=_tenth(start),
                y=_tenth(bar_y),
                width=_tenth(bar_width),
                height=GANTT_BAR,
                colour=PHASE_COLOURS[milestone.phase % len(PHASE_COLOURS)],
                phase_text=phase_text,
                phase_inside=inside,
            )
        )
        top += row
    height = top + 8
    grid_top, grid_bottom = GANTT_TOP - 4, height - 6
    series: dict[str, list[str]] = {}
    for bar in bars:
        series.setdefault(bar.colour, []).append(rounded_bar(bar.x, bar.y, bar.width, bar.height))
    return Gantt(
        width=width,
        height=height,
        month_text_y=GANTT_TOP - 8,
        months=tuple(month_marks),
        grid="".join(f"M{m.x} {grid_top}V{grid_bottom}" for m in month_marks),
        bars=tuple(bars),
        series=tuple((colour, "".join(paths)) for colour, paths in series.items()),
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
    tracks: str  # every row's track, one SVG path
    fills: str  # every row's bar, one SVG path
    label: str  # for screen readers


def bars(*, values: Sequence[tuple[str, int | None]], width: float = 260, label: str = "") -> Bars | None:
    """Percentages as horizontal bars, one per (label, value): the bar clamped to 0-100, the
    value written as given; None is drawn as "–". None for no values."""
    if not values:
        return None
    plot = width - BARS_LABEL_WIDTH - 28
    bar_height = BARS_ROW - 4
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
        bar_height=bar_height,
        value_x=_tenth(BARS_LABEL_WIDTH + plot + 4),
        rows=rows,
        tracks="".join(f"M{BARS_LABEL_WIDTH} {row.y}h{_tenth(plot)}v{bar_height}h-{_tenth(plot)}z" for row in rows),
        fills="".join(
            f"M{BARS_LABEL_WIDTH} {row.y}h{row.fill_width}v{bar_height}h-{row.fill_width}z"
            for row in rows
            if row.fill_width
        ),
        label=label,
    )


# --- a KPI against the straight path from its baseline to its target ---------------------------

ON_TRACK = "on_track"
BEHIND = "behind"
REACHED = "reached"
NO_CHECKINS = "no_checkins"  # nothing measured yet
NO_PATH = "no_path"  # no target or no due date: nothing to be on track for
# On track: the latest check-in has made at least this share of the progress the straight path
# plans for its date (90 %: a KPI measured at 45 where the path says 50, from 0, is on track).
ON_TRACK_SHARE = Fraction(9, 10)

# The chart: value labels on the left, dates below.
KPI_LEFT = 46
KPI_RIGHT = 8
KPI_TOP = 8
KPI_BOTTOM = 16
STATUS_COLOURS = {
    ON_TRACK: "#2f8f6f",
    BEHIND: "#b23b3b",
    REACHED: "#0b3d6b",
    NO_CHECKINS: "#8a97a6",
    NO_PATH: "#8a97a6",
}


@dataclass(frozen=True)
class CheckIn:
    date: dt.date
    value: float
    note: str = ""


@dataclass(frozen=True)
class KPIProgress:
    status: str
    start: dt.date | None  # where the path begins: the plan's start, else the first check-in
    origin: float | None  # the path's first value: the baseline, else the first check-in's value
    target: float | None
    due: dt.date | None
    checkins: tuple[CheckIn, ...]
    planned: float | None  # the path's value on the latest check-in's date

    @property
    def latest(self) -> CheckIn | None:
        return self.checkins[-1] if self.checkins else None


def _exact(value: float | int) -> Fraction:
    return Fraction(str(value))  # 0.1 as one tenth, so the boundaries hold exactly


def kpi_progress(
    *,
    baseline: float | None,
    target: float | None,
    start: dt.date | None,
    due: dt.date | None,
    checkins: Sequence[CheckIn],
) -> KPIProgress:
    """Where a KPI stands at its latest check-in, against the straight path from (start, baseline) to
    (due, target). Reached: the latest value is at or beyond the target (below it, for a KPI that
    should fall). On track: before the due date, at least ON_TRACK_SHARE of the progress the path
    plans for that date. Behind: anything less, and a target not reached by its due date."""
    measured = tuple(sorted(checkins, key=lambda c: c.date))
    if start is None and measured:
        start = measured[0].date
    origin = baseline if baseline is not None else (measured[0].value if measured else None)
    if target is None or due is None or start is None or origin is None:
        status = NO_CHECKINS if not measured and target is not None and due is not None else NO_PATH
        return KPIProgress(status, start, origin, target, due, measured, None)
    if not measured:
        return KPIProgress(NO_CHECKINS, start, origin, target, due, measured, None)
    latest = measured[-1]
    way = _exact(target) - _exact(origin)
    direction = 1 if way >= 0 else -1
    days = (due - start).days
    planned_share = (
        Fraction(1) if days <= 0 else min(Fraction(1), max(Fraction(0), Fraction((latest.date - start).days, days)))
    )
    planned = float(_exact(origin) + way * planned_share)
    if (_exact(latest.value) - _exact(target)) * direction >= 0:
        status = REACHED
    elif latest.date >= due or way == 0:
        status = BEHIND
    else:
        achieved_share = (_exact(latest.value) - _exact(origin)) / way
        status = ON_TRACK if achieved_share >= ON_TRACK_SHARE * planned_share else BEHIND
    return KPIProgress(status, start, origin, target, due, measured, planned)


@dataclass(frozen=True)
class KPIPoint:
    x: float
    y: float


def _circle(point: KPIPoint, radius: float) -> str:
    arc = f"a{radius} {radius} 0 1 0"
    return f"M{_tenth(point.x - radius)} {point.y}{arc} {2 * radius} 0{arc} -{2 * radius} 0z"


@dataclass(frozen=True)
class KPIChart:
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    path: tuple[KPIPoint, KPIPoint] | None  # the straight path from baseline to target
    target_y: float | None
    points: tuple[KPIPoint, ...]  # the check-ins, in date order
    polyline: str  # the check-ins joined, as SVG points
    dots: str  # the check-ins as one SVG path of circles, the latest larger
    axes: str  # both axes, one SVG path
    colour: str
    high_text: str  # the axis' highest and lowest value
    low_text: str
    start_text: str  # the axis' first and last date
    end_text: str
    label: str  # for screen readers


def kpi_chart(
    *,
    progress: KPIProgress,
    width: float = 240,
    height: float = 96,
    number: Callable[[float], str] = lambda value: f"{value:g}",
    day: Callable[[dt.date], str] = dt.date.isoformat,
    label: str = "",
) -> KPIChart | None:
    """A small chart of the KPI: the path as a dashed line, the target as a line across, the check-ins
    as dots joined by a line in the colour of the status. None when there is nothing to draw."""
    dates = [c.date for c in progress.checkins] + [d for d in (progress.start, progress.due) if d]
    values = [c.value for c in progress.checkins] + [v for v in (progress.origin, progress.target) if v is not None]
    if not dates or not values:
        return None
    first, last = min(dates), max(dates)
    span_days = max(1, (last - first).days)
    low, high = min(values), max(values)
    if high == low:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    plot_right, plot_bottom = width - KPI_RIGHT, height - KPI_BOTTOM

    def point(date: dt.date, value: float) -> KPIPoint:
        x = KPI_LEFT + (plot_right - KPI_LEFT) * (date - first).days / span_days
        y = plot_bottom - (plot_bottom - KPI_TOP) * (value - low) / (high - low)
        return KPIPoint(_tenth(x), _tenth(y))

    path = None
    if progress.start and progress.due and progress.origin is not None and progress.target is not None:
        path = (point(progress.start, progress.origin), point(progress.due, progress.target))
    points = tuple(point(c.date, c.value) for c in progress.checkins)
    return KPIChart(
        width=width,
        height=height,
        left=KPI_LEFT,
        right=plot_right,
        top=KPI_TOP,
        bottom=plot_bottom,
        path=path,
        target_y=point(first, progress.target).y if progress.target is not None else None,
        points=points,
        polyline=" ".join(f"{p.x},{p.y}" for p in points),
        dots="".join(_circle(p, 3 if n == len(points) - 1 else 2) for n, p in enumerate(points)),
        axes=f"M{KPI_LEFT} {KPI_TOP}V{plot_bottom}H{plot_right}",
        colour=STATUS_COLOURS[progress.status],
        high_text=number(high - pad),
        low_text=number(low + pad),
        start_text=day(first),
        end_text=day(last),
        label=label,
    )
