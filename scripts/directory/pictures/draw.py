"""The geometry of the drawings: where every cell, bar and mark stands.

The SVG templates (render/templates/pictures/*.svg.j2) write elements at the
positions computed here, and the words (titles, labels) they are given; this
module knows neither words nor markup. Coordinates are SVG user units (CSS
pixels at the drawing's own size), rounded to one decimal so that the output
is short and stable.

Text in a drawing is 12 units high or more. A label longer than its room is
shortened with "…" (the full text stands in the table beside the drawing and
in the element's tooltip).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .coverage import Matrix
from .timeline import Axis, Event, OrganisationRow, Row, Span, open_end_until

# -- shared ----------------------------------------------------------------------

CHAR_W = 6.6  # mean width of a character of the drawings' 12-unit text, generously


def fit(text: str, room: float, char_w: float = CHAR_W) -> str:
    """``text`` on one line in ``room`` units: shortened with "…" when it is longer."""
    text = " ".join(str(text).split())
    most = max(1, int(room // char_w))
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"


def wrap(text: str, room: float, lines: int = 2, char_w: float = CHAR_W) -> list[str]:
    """``text`` on at most ``lines`` lines of ``room`` units, broken at spaces;
    the last line shortened with "…" when the text is longer."""
    words = " ".join(str(text).split()).split(" ")
    most = max(1, int(room // char_w))
    out: list[str] = []
    while words and len(out) < lines:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= most:
            line += " " + words.pop(0)
        out.append(line)
    if words:
        out[-1] = out[-1] + " " + " ".join(words)
    return [fit(line, room, char_w) for line in out]


def r1(x: float) -> float | int:
    """One decimal; whole numbers without their '.0'."""
    x = round(x, 1)
    return int(x) if x == int(x) else x


# -- the coverage matrix -----------------------------------------------------------

LEVELS = 4  # shades of a non-empty cell


def level(n: int, most: int) -> int:
    """The shade of a cell of ``n`` programmes when the largest cell has
    ``most``: 0 for an empty cell, else 1 to LEVELS by quarters of ``most``.
    (docs/assets/directory/coverage.js shades the same way.)"""
    if n <= 0 or most <= 0:
        return 0
    return min(LEVELS, 1 + (LEVELS * n - 1) // most)


@dataclass
class Cell:
    row: str
    column: str
    count: int
    level: int
    x: float
    y: float


@dataclass
class MatrixDrawing:
    width: float
    height: float
    cell_w: float
    cell_h: float
    columns: list[tuple[str, float, list[str]]]  # (column id, x of its middle, label lines)
    rows: list[tuple[str, float, str]]  # (row id, y of the text's baseline, label)
    cells: list[Cell]


def matrix_drawing(m: Matrix, row_labels: dict[str, str], column_labels: dict[str, str]) -> MatrixDrawing:
    label_w, cell_w, cell_h, head_h, pad = 240, 84, 26, 40, 4
    most = m.most
    columns = [(c, r1(label_w + i * cell_w + cell_w / 2), wrap(column_labels[c], cell_w - 6))
               for i, c in enumerate(m.columns)]
    rows, cells = [], []
    for j, row in enumerate(m.rows):
        y = head_h + j * cell_h
        rows.append((row, r1(y + cell_h / 2 + 4), fit(row_labels[row], label_w - 10)))
        for i, col in enumerate(m.columns):
            n = m.count(row, col)
            cells.append(Cell(row, col, n, level(n, most), r1(label_w + i * cell_w + 1), r1(y + 1)))
    width = label_w + len(m.columns) * cell_w + pad
    height = head_h + len(m.rows) * cell_h + pad
    return MatrixDrawing(r1(width), r1(height), cell_w - 2, cell_h - 2, columns, rows, cells)


# -- the timeline -------------------------------------------------------------------

WIDTH = 880  # the Timeline page's drawings (the page has no table of contents beside it)
SMALL_WIDTH = 660  # a programme's or organisation's page (beside its table of contents)
LABEL_W = 250  # the names' column
SMALL_LABEL_W = 190
GAP = 12  # between the names and the axis
RIGHT = 28  # room for an open end's arrow
HEAD_H = 30  # the years
ROW_H = 28
BAR_H = 10
FUND_H = 4
OPEN_TAIL = 14.0  # the dashed run and arrow past an open end


@dataclass
class Bar:
    """A period drawn: from x0 to x1 at y (its top), ``height`` high; an open
    side gets a dashed run and an arrow past the bar (:meth:`open_parts`)."""

    kind: str  # the CSS class: "pic-bar" (a period), "pic-fund" (a funding period)
    x0: float
    x1: float
    y: float
    height: float
    open_start: bool
    open_end: bool
    span: Span

    @property
    def width(self) -> float:
        return r1(self.x1 - self.x0)

    def open_parts(self) -> list[tuple[tuple[float, float, float, float], str]]:
        """(dashed line x1, y1, x2, y2; arrow polygon points) of each open side."""
        mid = r1(self.y + self.height / 2)
        a = max(3.0, self.height / 2 + 1)  # the arrow's half height
        out = []
        if self.open_end:
            tip = r1(self.x1 + OPEN_TAIL)
            out.append(((self.x1, mid, r1(tip - 5), mid),
                        f"{r1(tip - 6)},{r1(mid - a)} {tip},{mid} {r1(tip - 6)},{r1(mid + a)}"))
        if self.open_start:
            tip = r1(self.x0 - OPEN_TAIL)
            out.append(((r1(tip + 5), mid, self.x0, mid),
                        f"{r1(tip + 6)},{r1(mid - a)} {tip},{mid} {r1(tip + 6)},{r1(mid + a)}"))
        return out


@dataclass
class Mark:
    """A dated event drawn at the middle of the time its date covers, with a
    line under it for that time when it is wider than a few units."""

    kind: str  # law, evaluation, milestone
    x: float
    y: float
    x0: float  # the time the date covers: first and last moment
    x1: float
    event: Event

    @property
    def ranged(self) -> bool:
        return self.x1 - self.x0 > 4

    @property
    def range_y(self) -> float:
        return r1(self.y + 9)

    @property
    def points(self) -> str:
        """The polygon of a law (a diamond) or a milestone (a triangle)."""
        x, y = self.x, self.y
        if self.kind == "law":
            pts = [(x, y - 7), (x + 7, y), (x, y + 7), (x - 7, y)]
        else:
            pts = [(x, y - 7), (x + 7, y + 6), (x - 7, y + 6)]
        return " ".join(f"{r1(a)},{r1(b)}" for a, b in pts)


@dataclass
class DrawnRow:
    y: float  # the middle of the row
    label: str  # shortened to fit
    item: Any  # the Row or OrganisationRow drawn
    bar: Bar | None
    funding: list[Bar] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)


@dataclass
class TimelineDrawing:
    width: float
    height: float
    bottom: float  # where the rows end
    axis: Axis
    ticks: list[tuple[int, float]]  # (year, x)
    today: float | None  # x of today, when it is on the axis
    rows: list[DrawnRow]
    plot_x0: float
    plot_x1: float
    top: float = HEAD_H


class Scale:
    """Years to x on the axis, from ``x0`` (the axis' first year) to ``x1`` (its last)."""

    def __init__(self, axis: Axis, x0: float, x1: float):
        self.lo, self.hi, self.x0, self.x1 = axis.lo, axis.hi, x0, x1

    def x(self, t: float) -> float:
        t = min(max(t, self.lo), self.hi)
        return r1(self.x0 + (t - self.lo) / (self.hi - self.lo) * (self.x1 - self.x0))


def bar(span: Span, axis: Axis, scale: Scale, kind: str, y: float, height: float) -> Bar:
    """A span on the axis; an open start begins a tail's length into the
    axis (the tail runs back to the axis' start), an open end runs to today
    (:func:`open_end_until`) with its tail beyond."""
    x0 = scale.x(axis.lo) + OPEN_TAIL if span.start is None else scale.x(span.start)
    x1 = scale.x(open_end_until(span, axis) if span.end is None else span.end)
    return Bar(kind, r1(x0), r1(max(x1, x0 + 2)), r1(y), height, span.start is None, span.end is None, span)


def mark(event: Event, scale: Scale, y: float) -> Mark:
    first, last = event.span
    return Mark(event.kind, scale.x((first + last) / 2), y, scale.x(first), scale.x(last), event)


def timeline_drawing(items: list[Row | OrganisationRow], axis: Axis, labels: list[str],
                     small: bool = False) -> TimelineDrawing:
    """Rows (a programme's Row, or an OrganisationRow of an aggregated country)
    with their labels, on ``axis``; ``small``: for a record's page."""
    width, label_w = (SMALL_WIDTH, SMALL_LABEL_W) if small else (WIDTH, LABEL_W)
    scale = Scale(axis, label_w + GAP, width - RIGHT)
    rows = []
    for k, (item, label) in enumerate(zip(items, labels)):
        y = r1(HEAD_H + k * ROW_H + ROW_H / 2)
        top = y - BAR_H / 2
        if isinstance(item, OrganisationRow):
            drawn = DrawnRow(y, fit(label, label_w - 40), item,
                             bar(item.span, axis, scale, "pic-bar", top, BAR_H))
        else:
            drawn = DrawnRow(y, fit(label, label_w - 8), item,
                             bar(item.period, axis, scale, "pic-bar", top, BAR_H) if item.period else None,
                             [bar(f, axis, scale, "pic-fund", top + BAR_H + 2, FUND_H) for f in item.funding],
                             [mark(e, scale, y) for e in item.events])
        rows.append(drawn)
    bottom = r1(HEAD_H + len(rows) * ROW_H)
    today = scale.x(axis.today) if axis.lo <= axis.today <= axis.hi else None
    return TimelineDrawing(width, r1(bottom + 22), bottom, axis,
                           [(year, scale.x(year)) for year in axis.ticks], today, rows,
                           scale.x0, scale.x1)
