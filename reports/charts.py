"""Charts for the PDF as inline SVG: pure functions, no browser, no network.

Every text that goes into an SVG passes through ``escape``; the result is marked safe
only because of that, so a plan title like ``<script>`` is drawn as text.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

INK = "#1d2733"
MUTED = "#5b6773"
GRID = "#c8d0d9"
ACCENT = "#0b3d6b"
FILL = "#3b7dbf"
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
FONT = 'font-family="Noto Sans, sans-serif"'


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg(width: float, height: float, body: list[str], label: str) -> SafeString:
    return mark_safe(  # noqa: S308 - every text in body was escaped
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(width)}" height="{_num(height)}" '
        f'viewBox="0 0 {_num(width)} {_num(height)}" role="img" aria-label="{escape(label)}">'
        + "".join(body)
        + "</svg>"
    )


def _text(x: float, y: float, text: str, *, size: float = 9, anchor: str = "start", fill: str = INK, bold=False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" text-anchor="{anchor}" fill="{fill}" '
        f"{FONT}{weight}>{escape(text)}</text>"
    )


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def radar_chart(values: list[tuple[str, int]], *, size: float = 300, label: str = "") -> SafeString:
    """A spider chart of 0-100 scores, one axis per (label, score), clockwise from the top."""
    if len(values) < 3:
        return mark_safe("")
    margin = 70
    width = size + 2 * margin
    height = size + 40
    cx, cy, radius = width / 2, height / 2, size / 2 - 10
    count = len(values)

    def point(index: int, fraction: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        return cx + radius * fraction * math.cos(angle), cy + radius * fraction * math.sin(angle)

    body = []
    for ring in (0.25, 0.5, 0.75, 1.0):
        ring_points = " ".join(f"{_num(x)},{_num(y)}" for x, y in (point(i, ring) for i in range(count)))
        body.append(f'<polygon points="{ring_points}" fill="none" stroke="{GRID}" stroke-width="0.7"/>')
    for i, (name, score) in enumerate(values):
        x, y = point(i, 1.0)
        body.append(
            f'<line x1="{_num(cx)}" y1="{_num(cy)}" x2="{_num(x)}" y2="{_num(y)}" stroke="{GRID}" stroke-width="0.7"/>'
        )
        lx, ly = point(i, 1.12)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        body.append(_text(lx, ly + 3, f"{_shorten(name, 22)} {score}", size=8.5, anchor=anchor))
    shape = " ".join(
        f"{_num(x)},{_num(y)}"
        for x, y in (point(i, max(0, min(100, score)) / 100) for i, (_name, score) in enumerate(values))
    )
    body.append(f'<polygon points="{shape}" fill="{FILL}" fill-opacity="0.3" stroke="{ACCENT}" stroke-width="1.5"/>')
    for ring in (50, 100):
        _x, y = point(0, ring / 100)
        body.append(_text(cx + 3, y + 9, str(ring), size=6.5, fill=MUTED))
    return _svg(width, height, body, label)


@dataclass(frozen=True)
class Bar:
    label: str
    start: dt.date
    end: dt.date
    phase: int = 1


def _month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    months, current = [], first.replace(day=1)
    while current <= last:
        months.append(current)
        current = (current.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return months


def gantt_chart(
    bars: list[Bar], *, width: float = 500, phase_label: str = "Phase", label: str = "", months: list[str] | None = None
) -> SafeString:
    """A roadmap: one row per bar on a month axis; the bar's colour is its phase.

    ``months`` are the twelve month abbreviations in the report's language.
    """
    bars = [b for b in bars if b.start and b.end and b.end >= b.start]
    if not bars:
        return mark_safe("")
    months = months or ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    first, last = min(b.start for b in bars), max(b.end for b in bars)
    axis = _month_starts(first, last)
    origin = axis[0]
    finish = (axis[-1].replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    label_width, row, top = 170, 18, 26
    span = (finish - origin).days or 1
    plot = width - label_width - 8

    def x(day: dt.date) -> float:
        return label_width + plot * (day - origin).days / span

    height = top + row * len(bars) + 8
    body = []
    step = max(1, math.ceil(len(axis) / 18))
    for i, month in enumerate(axis):
        body.append(
            f'<line x1="{_num(x(month))}" y1="{top - 4}" x2="{_num(x(month))}" y2="{_num(height - 6)}" '
            f'stroke="{GRID}" stroke-width="0.5"/>'
        )
        if i % step == 0:
            text = months[month.month - 1] + (f" {month.year % 100:02d}" if month.month == 1 or i == 0 else "")
            body.append(_text(x(month) + 2, top - 8, text, size=7, fill=MUTED))
    for i, bar in enumerate(bars):
        y = top + i * row
        colour = PHASE_COLOURS[bar.phase % len(PHASE_COLOURS)]
        body.append(_text(0, y + 12, _shorten(bar.label, 34), size=8))
        end = bar.end + dt.timedelta(days=1)
        body.append(
            f'<rect x="{_num(x(bar.start))}" y="{y + 3}" width="{_num(max(2, x(end) - x(bar.start)))}" '
            f'height="{row - 6}" rx="2" fill="{colour}"/>'
        )
        body.append(_text(x(bar.start) + 3, y + 12, f"{phase_label} {bar.phase}", size=6.5, fill="#ffffff"))
    return _svg(width, height, body, label)


def horizontal_bars(values: list[tuple[str, int | None]], *, width: float = 260, label: str = "") -> SafeString:
    """Percentages (0-100) as horizontal bars, one per (label, value); None is drawn as "–"."""
    if not values:
        return mark_safe("")
    label_width, row = 110, 13
    plot = width - label_width - 28
    height = row * len(values) + 4
    body = []
    for i, (name, value) in enumerate(values):
        y = i * row
        body.append(_text(0, y + 9.5, _shorten(name, 24), size=7.5))
        body.append(f'<rect x="{label_width}" y="{y + 2}" width="{_num(plot)}" height="{row - 4}" fill="#eef2f6"/>')
        if value is not None:
            share = max(0, min(100, value))
            body.append(
                f'<rect x="{label_width}" y="{y + 2}" width="{_num(plot * share / 100)}" height="{row - 4}" '
                f'fill="{FILL}"/>'
            )
        body.append(_text(label_width + plot + 4, y + 9.5, "–" if value is None else f"{value} %", size=7.5))
    return _svg(width, height, body, label)
