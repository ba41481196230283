"""Partial dates: a date as precise as the source states it.

Allowed forms: ``2019``, ``2019-07``, ``2019-07-01`` and ``--02-02`` (a day
whose year the source does not state, ISO 8601's truncated form). A bare year
written without quotes reaches us as the integer 2019, which is accepted too.
Years run from :data:`MIN_YEAR` to :data:`MAX_YEAR` (the partial-dates rule
says why), written with the digits 0-9 and nothing around them, so that every
date that passes can be compared, counted on (a review 12 months later, a
contact's source 24 months back) and shown without a surprise.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ..problems import quoted, what_to_write
from .patterns import ecma

# ECMA-262, as the schema's patterns: \d is 0-9 and $ the very end of the text
FORMS = r"^(?:(?<y>\d{4})(?:-(?<m>\d{2})(?:-(?<d>\d{2}))?)?|--(?<m2>\d{2})-(?<d2>\d{2}))$"
_FORMS = ecma(FORMS)

# the years a date may have; why these: see validate/rules/partial_dates.py
MIN_YEAR = 1000
MAX_YEAR = 2100
# the forms as the schema writes them (ECMA-262): the schema for editors
# (directory.schema.editor) checks them as they type
PATTERN = FORMS

ALLOWED = "a date as precise as the source gives it: 2019, 2019-07, 2019-07-01, or --02-02 for a day without a year"

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}


@dataclass(frozen=True)
class PartialDate:
    year: int | None
    month: int | None = None
    day: int | None = None

    @property
    def earliest(self) -> tuple:
        return (MIN_YEAR if self.year is None else self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> tuple:
        return (MAX_YEAR if self.year is None else self.year, self.month or 12, self.day or 31)

    def iso(self) -> str:
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
            if self.day:
                out += f"-{self.day:02d}"
        return out

    def human(self) -> str:
        """In English words: '2019', 'July 2019', '1 July 2019', '2 February (year not stated)'."""
        month = MONTHS["en"][self.month - 1] if self.month else ""
        if self.year is None:
            return f"{self.day} {month} (year not stated)"
        if self.day:
            return f"{self.day} {month} {self.year}"
        if self.month:
            return f"{month} {self.year}"
        return str(self.year)


def parse(value: object) -> PartialDate | str:
    """A PartialDate, or a message saying what is wrong."""
    found = _parse(value)
    if isinstance(found, str) and isinstance(value, str):
        # a line break after a right date, or digits of another script: say what to write
        slip = what_to_write(value, lambda text: isinstance(_parse(text), PartialDate))
        if slip:
            return f"{quoted(value)} is not a date{slip}"
    return found


def _parse(value: object) -> PartialDate | str:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return f"expected a date, found {quoted(value)}; use {ALLOWED}"
    if isinstance(value, int) and not 0 <= value <= 9999:  # and never str() of 10**5000
        return f"{quoted(value)} is not a date; use {ALLOWED}"
    text = value if isinstance(value, str) else str(value)
    m = _FORMS.search(text)
    if not m:
        return f"{quoted(text)} is not a date; use {ALLOWED}"
    if m.group("m2"):
        month, day = int(m.group("m2")), int(m.group("d2"))
        if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2000, month)[1]:
            return f"{quoted(text)} is not a day of the year; use {ALLOWED}"
        return PartialDate(None, month, day)
    year = int(m.group("y"))
    month = int(m.group("m")) if m.group("m") else None
    day = int(m.group("d")) if m.group("d") else None
    if not MIN_YEAR <= year <= MAX_YEAR:
        return (f"{quoted(text)} is out of range: years run from {MIN_YEAR} to {MAX_YEAR}; "
                "check the year in the source")
    if month is not None and not 1 <= month <= 12:
        return f"{quoted(text)} has no month {month}; months are 01 to 12"
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            return f"{quoted(text)} is not a day in the calendar; check the day of the month"
    return PartialDate(year, month, day)


def full_day(value: object) -> dt.date | None:
    """The day a full date YYYY-MM-DD (in range, in digits 0-9) names, else None."""
    found = _parse(value)
    if not isinstance(found, PartialDate) or found.year is None or found.day is None:
        return None
    return dt.date(found.year, found.month, found.day)
