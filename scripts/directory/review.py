"""Review dates: when a record is due for review, and what "today" is.

A record's ``last_reviewed`` is the day an editor last checked it against its
sources. It is due for review 12 months later, and due soon in the three
months before. A contact is personal data that goes out of date with its
source: it is flagged when its source's date lies more than 24 months back.

The one place that says so: the ``review-due`` rule (:func:`overdue`), ``make
links`` (the same) and the page "Due for review" (:func:`review_lists`) ask here.

"Today" is the real date, or ``DIRECTORY_TODAY`` (YYYY-MM-DD) when set, so
that tests and rebuilds of an old state give the same pages.
"""
from __future__ import annotations

import calendar
import datetime as dt
import os
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from .schema.dates import PartialDate, full_day

REVIEW_MONTHS = 12
DUE_SOON_MONTHS = 3  # "due within three months" on the review page
CONTACT_SOURCE_MONTHS = 24


def today() -> dt.date:
    fixed = os.environ.get("DIRECTORY_TODAY")
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            raise SystemExit(f"DIRECTORY_TODAY={fixed!r} is not a date; use YYYY-MM-DD") from None
    return dt.date.today()


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the 29th-31st fall back to the month's last
    day. Past the calendar's end (year 9999) it stays at its last day, so that
    no date, however odd, can make a count fail (the data's years end at 2100)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    if year > dt.MAXYEAR:
        return dt.date.max
    if year < dt.MINYEAR:
        return dt.date.min
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_due(last_reviewed: str | dt.date) -> dt.date:
    """The day a record reviewed on ``last_reviewed`` is due for review again;
    a ValueError when ``last_reviewed`` is not a full date the data may hold."""
    if isinstance(last_reviewed, str):
        day = full_day(last_reviewed)
        if day is None:
            raise ValueError(f"not a full date: {last_reviewed!r}")
        last_reviewed = day
    return add_months(last_reviewed, REVIEW_MONTHS)


def is_overdue(last_reviewed: str | dt.date, on: dt.date) -> bool:
    return review_due(last_reviewed) < on


def latest_day(date: PartialDate) -> dt.date | None:
    """The last day a partial date can mean (2014 -> 2014-12-31); None without a year."""
    if date.year is None:
        return None
    month = date.month or 12
    return dt.date(date.year, month, date.day or calendar.monthrange(date.year, month)[1])


def source_too_old(date: PartialDate, on: dt.date) -> bool:
    """True when even the latest day the date can mean is over 24 months before ``on``."""
    last = latest_day(date)
    return last is not None and add_months(last, CONTACT_SOURCE_MONTHS) < on


# -- which records are due -------------------------------------------------------

@dataclass(frozen=True)
class Review:
    """Where a record stands with its review on a day."""

    record: Any  # whatever was asked about: a validated record, a model's Programme, ...
    last_reviewed: str | dt.date
    due: dt.date
    overdue: bool  # the review date has passed
    soon: bool  # not overdue, but due within DUE_SOON_MONTHS


def review_of(record: Any, last_reviewed: Any, on: dt.date) -> Review | None:
    """Where ``record``, last reviewed on ``last_reviewed``, stands on the day
    ``on``; None when ``last_reviewed`` is not a full date the data may hold
    (the schema and the partial-dates rule say what is wrong with it)."""
    if not isinstance(last_reviewed, (str, dt.date)):
        return None
    try:
        due = review_due(last_reviewed)
    except ValueError:
        return None
    overdue = due < on
    return Review(record, last_reviewed, due, overdue,
                  not overdue and due <= add_months(on, DUE_SOON_MONTHS))


def reviews(records: Iterable, on: dt.date,
            last_reviewed: Callable[[Any], Any] = lambda r: r.last_reviewed) -> list[Review]:
    """Where each of ``records`` that has a review date stands on ``on``, in their order."""
    found = (review_of(record, last_reviewed(record), on) for record in records)
    return [r for r in found if r is not None]


def overdue(records: Iterable, on: dt.date,
            last_reviewed: Callable[[Any], Any] = lambda r: r.last_reviewed) -> list[Review]:
    """The records past their review date on ``on``, in their order."""
    return [r for r in reviews(records, on, last_reviewed) if r.overdue]


def contact_outdated(contact: Any, on: dt.date) -> bool:
    """Whether a contact's source is too old on ``on`` (``contact.date``: its source's date)."""
    return contact.date is not None and source_too_old(contact.date, on)


def review_lists(directory: Any, on: dt.date) -> dict[str, list]:
    """What the page "Due for review" lists: the records (programmes and
    organisations) past their review date and those due soon, oldest first
    (then by id), and the contacts whose source is too old (oldest first)."""
    found = reviews((*directory.programmes.values(), *directory.organisations.values()), on)
    found.sort(key=lambda r: (r.due, r.record.id))
    return {
        "overdue": [r for r in found if r.overdue],
        "upcoming": [r for r in found if r.soon],
        "old_contacts": sorted((c for c in directory.contacts.values() if contact_outdated(c, on)),
                               key=lambda c: (c.date.earliest, c.id)),
    }
