"""Review dates: when a record is due for review, and what "today" is.

A record's ``last_reviewed`` is the day an editor last checked it against its
sources. It is due for review 12 months later. A contact is personal data that
goes out of date with its source: it is flagged when its source's date lies
more than 24 months back.

"Today" is the real date, or ``DIRECTORY_TODAY`` (YYYY-MM-DD) when set, so
that tests and rebuilds of an old state give the same pages.
"""
from __future__ import annotations

import calendar
import datetime as dt
import os

from .dates import PartialDate, full_day

REVIEW_MONTHS = 12
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
