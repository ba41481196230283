"""Review dates: when a record is due for review, and what "today" is.

A record's ``last_reviewed`` is the day an editor last checked it against its
sources. It is due for review 12 months later. A contact is personal data that
goes out of date with its source: it is flagged when its source's date lies
more than 24 months back.

"Today" is the real date, or ``DIRECTORY_TODAY`` (YYYY-MM-DD) when set, so
that tests and rebuilds of an old state give the same pages.
"""
from __future__ import annotations

import datetime as dt
import os

from .dates import PartialDate

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
    """The same day ``months`` later; the 29th-31st fall back to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def review_due(last_reviewed: str | dt.date) -> dt.date:
    """The day a record reviewed on ``last_reviewed`` is due for review again."""
    if isinstance(last_reviewed, str):
        last_reviewed = dt.date.fromisoformat(last_reviewed)
    return add_months(last_reviewed, REVIEW_MONTHS)


def is_overdue(last_reviewed: str | dt.date, on: dt.date) -> bool:
    return review_due(last_reviewed) < on


def latest_day(date: PartialDate) -> dt.date | None:
    """The last day a partial date can mean (2014 -> 2014-12-31); None without a year."""
    if date.year is None:
        return None
    year, month, day = date.latest
    if date.day is None:
        month = date.month or 12
        day = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, day)


def source_too_old(date: PartialDate, on: dt.date) -> bool:
    """True when even the latest day the date can mean is over 24 months before ``on``."""
    last = latest_day(date)
    return last is not None and add_months(last, CONTACT_SOURCE_MONTHS) < on
