"""The timeline: programmes' stated periods and the dated events of their
records, on one time axis.

Times are positions in years: 2019.0 is the first moment of 2019, 2020.0 the
moment after its last day. A date covers the time it states, and no more
precisely than the source states it (:func:`date_span`): ``2019`` the whole
year, ``2019-07`` the whole of July, ``2019-07-01`` that day. A period runs
from the first moment of its start to the end of its end; a period whose
start or end is not stated is open on that side (:class:`Span`), and drawn as
open, never closed at a guessed date. A date without a year (``--02-02``, which a
milestone, an evaluation or a law may have; a period's dates have a year)
has no place on the axis: it is not drawn but listed below the timeline.

What a programme's row holds (:class:`Row`): its period, the periods of its
funding, and its dated events: the day a law it names came into force
(``legal_basis.in_force``), the evaluation's due date and its milestones.

At scale the timeline aggregates (:func:`timeline`): a country with more
rows than ``max_rows`` is drawn as one bar per organisation (the time its
programmes span, with their number), and each organisation's page draws its
own programmes (:func:`organisation_timeline`).
"""
from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Iterable

from ..model import Directory, Organisation, Programme, Texts
from ..schema.dates import PartialDate

MAX_ROWS = 40  # rows a country's timeline draws one by one; more are drawn by organisation
MAX_PARTS = 15  # parts a programme page's timeline draws (as MAX_SIBLINGS of the pages)
MAX_ORGANISATION_ROWS = 40  # programmes an organisation page's timeline draws
EVENT_KINDS = ("law", "evaluation", "milestone")  # drawn as marks, each its own shape


def position(day: dt.date) -> float:
    """The first moment of ``day``, in years."""
    days = 366 if calendar.isleap(day.year) else 365
    return day.year + (day.timetuple().tm_yday - 1) / days


def date_span(d: PartialDate | None) -> tuple[float, float] | None:
    """The time a date covers, as (first moment, moment after its last day) in
    years; None for no date or a date without a year."""
    if d is None or d.year is None:
        return None
    if d.month is None:
        return float(d.year), float(d.year + 1)
    if d.day is None:
        first = dt.date(d.year, d.month, 1)
        last = dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
    else:
        first = last = dt.date(d.year, d.month, d.day)
    return position(first), _after(last)


def _after(day: dt.date) -> float:
    """The moment after ``day`` ends, in years."""
    return float(day.year + 1) if (day.month, day.day) == (12, 31) else position(day + dt.timedelta(days=1))


@dataclass(frozen=True)
class Span:
    """A time from ``start`` to ``end`` (years); None on a side the source
    leaves open. At least one side is stated."""

    start: float | None
    end: float | None
    # the dates as stated (for the words beside the drawing)
    first: PartialDate | None = field(default=None, compare=False)
    last: PartialDate | None = field(default=None, compare=False)

    @property
    def earliest(self) -> float:
        """The first stated moment: the start, or for an open start the first
        moment of the stated end (an end of 2015 covers 2015)."""
        if self.start is not None:
            return self.start
        stated = date_span(self.last)
        return stated[0] if stated else self.end

    @property
    def latest(self) -> float:
        """The last stated moment: the end, or for an open end the end of the stated start."""
        if self.end is not None:
            return self.end
        stated = date_span(self.first)
        return stated[1] if stated else self.start


def period_span(start: PartialDate | None, end: PartialDate | None) -> Span | None:
    """The span of a period, or None when neither side has a year."""
    first, last = date_span(start), date_span(end)
    if first is None and last is None:
        return None
    return Span(first[0] if first else None, last[1] if last else None,
                start if first else None, end if last else None)


@dataclass(frozen=True)
class Event:
    """A dated fact of a record: kind (EVENT_KINDS), its date, and its text
    where it has one."""

    kind: str
    date: PartialDate
    text: Texts | None = None

    @property
    def span(self) -> tuple[float, float] | None:
        return date_span(self.date)


@dataclass
class Row:
    """What the timeline draws of one programme."""

    programme: Programme
    period: Span | None
    funding: list[Span]
    events: list[Event]  # with a year: drawn as marks
    undated: list[Event]  # without a year: listed below the timeline

    @property
    def drawn(self) -> bool:
        return bool(self.period or self.funding or self.events)

    @property
    def stated(self) -> bool:
        """The row has a period (its own or its funding's) to draw."""
        return bool(self.period or self.funding)

    def _ends(self) -> list[float]:
        out = []
        for span in [self.period, *self.funding]:
            if span is not None:
                out += [span.earliest, span.latest]
        for event in self.events:
            out += list(event.span)
        return out

    @property
    def earliest(self) -> float:
        return min(self._ends())

    @property
    def latest(self) -> float:
        return max(self._ends())

    @property
    def open_start(self) -> bool:
        return any(s.start is None for s in (self.period, *self.funding) if s is not None)

    @property
    def open_end(self) -> bool:
        return any(s.end is None for s in (self.period, *self.funding) if s is not None)

    @property
    def sort_key(self) -> tuple:
        return (self.earliest, self.programme.sort_key)


def row(p: Programme) -> Row:
    """The timeline row of a programme (``drawn`` is false when it states no dated fact)."""
    events: list[Event] = []
    undated: list[Event] = []

    def add(event: Event) -> None:
        (events if event.span else undated).append(event)

    for basis in p.legal_basis:
        if basis.date:
            add(Event("law", basis.date, basis.text))
    if p.evaluation and p.evaluation.due:
        add(Event("evaluation", p.evaluation.due, p.evaluation.note or None))
    for milestone in p.milestones:
        if milestone.date:
            add(Event("milestone", milestone.date, milestone.text))
    # a period's dates have a year (the partial-dates rule): periods are always drawn
    funding = [span for span in (period_span(f.start, f.end) for f in p.funding) if span]
    events.sort(key=lambda e: (e.span, EVENT_KINDS.index(e.kind)))
    return Row(p, period_span(p.start, p.end), funding, events, undated)


@dataclass(frozen=True)
class Axis:
    """Whole years from ``lo`` to ``hi`` (hi > lo), the ticks to label, and
    today's position (open ends run up to it)."""

    lo: int
    hi: int
    ticks: tuple[int, ...]
    today: float


def axis(rows: Iterable[Row], today: dt.date) -> Axis:
    """The years the rows need: from the earliest stated time to the latest,
    a year more on a side where a row is open (to draw it open), and up to
    today when a row's end is open."""
    rows = [r for r in rows if r.drawn]
    now = position(today)
    if not rows:
        return Axis(today.year, today.year + 1, (today.year,), now)
    lo = math.floor(min(r.earliest for r in rows))
    hi = math.ceil(max(r.latest for r in rows))
    if any(r.open_start for r in rows):
        lo -= 1
    if any(r.open_end for r in rows):
        hi = max(hi + 1, math.ceil(now))
    hi = max(hi, lo + 1)
    years = hi - lo
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if years / s <= 12)
    ticks = tuple(y for y in range(lo, hi + 1) if y % step == 0)
    return Axis(lo, hi, ticks, now)


def open_end_until(span: Span, axis: Axis) -> float:
    """Where an open end is drawn to: today, or a year past the start when
    the start lies ahead (the drawing marks it open beyond that)."""
    return min(axis.hi, max(axis.today, span.start + 1))


@dataclass
class OrganisationRow:
    """One bar of an aggregated country: an organisation (None: programmes
    that name none) and its programmes' rows."""

    organisation: Organisation | None
    rows: list[Row]

    @property
    def span(self) -> Span:
        return Span(None if any(r.open_start for r in self.rows) else min(r.earliest for r in self.rows),
                    None if any(r.open_end for r in self.rows) else max(r.latest for r in self.rows))

    @property
    def earliest(self) -> float:
        return min(r.earliest for r in self.rows)

    @property
    def latest(self) -> float:
        return max(r.latest for r in self.rows)

    @property
    def stated(self) -> bool:
        """One of its programmes states a period (the organisation's page draws them)."""
        return any(r.stated for r in self.rows)

    @property
    def first_year(self) -> int | None:
        """The year of its programmes' first date; None when one starts open."""
        span = self.span
        return None if span.start is None else math.floor(span.start)

    @property
    def last_year(self) -> int | None:
        """The year of its programmes' last date; None when one ends open."""
        span = self.span
        return None if span.end is None else math.ceil(span.end) - 1

    @property
    def sort_key(self) -> tuple:
        name = self.organisation.sort_key if self.organisation else ("\uffff", "")
        return (-len(self.rows), name)


@dataclass
class Group:
    """The rows of one country (``country`` None: programmes that state none)."""

    id: str  # the heading's anchor
    country: str | None
    rows: list[Row]
    by_organisation: list[OrganisationRow] | None = None  # set when the group is aggregated

    @property
    def aggregated(self) -> bool:
        return self.by_organisation is not None


@dataclass
class Timeline:
    groups: list[Group]
    axis: Axis
    drawn: int  # programmes drawn
    undated: list[tuple[Programme, Event]] = field(default_factory=list)  # dates without a year


def timeline(directory: Directory, today: dt.date, max_rows: int = MAX_ROWS) -> Timeline:
    """Every programme with a dated fact, by country (a programme in several
    countries in each), each country's rows by their first date; a country
    with more than ``max_rows`` rows by organisation instead."""
    rows = [row(p) for p in sorted(directory.programmes.values(), key=lambda p: p.sort_key)]
    undated = [(r.programme, e) for r in rows for e in r.undated]
    rows = sorted((r for r in rows if r.drawn), key=lambda r: r.sort_key)
    by_country: dict[str | None, list[Row]] = {t.id: [] for t in directory.vocab.ordered("countries")}
    by_country[None] = []
    for r in rows:
        for country in r.programme.countries or [None]:
            by_country.setdefault(country, []).append(r)
    groups = []
    for country, members in by_country.items():
        if not members:
            continue
        group = Group(country.lower() if country else "no-country", country, members)
        if len(members) > max_rows:
            group.by_organisation = by_organisation(members)
        groups.append(group)
    return Timeline(groups, axis(rows, today), len(rows), undated)


def by_organisation(rows: list[Row]) -> list[OrganisationRow]:
    """Rows by each organisation their programmes name (a programme under each
    of its organisations), the organisations with most programmes first."""
    orgs: dict[str | None, OrganisationRow] = {}
    for r in rows:
        named = list(dict.fromkeys(inv.organisation.id for inv in r.programme.organisations))
        for inv_id in named or [None]:
            if inv_id not in orgs:
                org = next((inv.organisation for inv in r.programme.organisations
                            if inv.organisation.id == inv_id), None)
                orgs[inv_id] = OrganisationRow(org, [])
            orgs[inv_id].rows.append(r)
    return sorted(orgs.values(), key=lambda o: o.sort_key)


@dataclass
class Small:
    """A small timeline: rows drawn (at most a page's limit) and how many
    more have a stated date."""

    rows: list[Row]
    more: int
    axis: Axis
    undated: list[tuple[Programme, Event]]


def _small(rows: list[Row], limit: int, today: dt.date, keep_first: bool = False) -> Small | None:
    undated = [(r.programme, e) for r in rows for e in r.undated]
    drawn = [r for r in rows if r.drawn]
    if not any(r.stated for r in drawn):
        return None  # no period stated: no timeline
    head = drawn[:1] if keep_first and drawn and drawn[0] is rows[0] else []
    rest = sorted(drawn[len(head):], key=lambda r: r.sort_key)
    shown = head + rest[:max(0, limit - len(head))]
    return Small(shown, len(drawn) - len(shown), axis(shown, today), undated)


def programme_timeline(p: Programme, today: dt.date, limit: int = MAX_PARTS + 1) -> Small | None:
    """The programme and its parts, where one of them states a period; the
    programme's own row first, then its parts by their first date."""
    return _small([row(p)] + [row(c) for c in p.children], limit, today, keep_first=True)


def organisation_timeline(directory: Directory, o: Organisation, today: dt.date,
                          limit: int = MAX_ORGANISATION_ROWS) -> Small | None:
    """The programmes that name the organisation, where one of them states a period."""
    programmes = list({p.id: p for p, _ in directory.programmes_of(o)}.values())
    programmes.sort(key=lambda p: p.sort_key)
    return _small([row(p) for p in programmes], limit, today)
