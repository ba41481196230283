"""Partial dates: a date as precise as the source states it.

Allowed forms: ``2019``, ``2019-07``, ``2019-07-01`` and ``--02-02`` (a day
whose year the source does not state, ISO 8601's truncated form). A bare year
written without quotes reaches us as the integer 2019, which is accepted too.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_FORMS = re.compile(r"^(?:(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?|--(?P<m2>\d{2})-(?P<d2>\d{2}))$")
# the forms as text: the schema for editors (directory.editor_schema) checks them as they type
PATTERN = _FORMS.pattern

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
        return (self.year or 0, self.month or 1, self.day or 1)

    @property
    def latest(self) -> tuple:
        return (self.year or 9999, self.month or 12, self.day or 31)

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
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return f"expected a date, found {value!r}; use {ALLOWED}"
    text = str(value).strip()
    m = _FORMS.match(text)
    if not m:
        return f"'{text}' is not a date; use {ALLOWED}"
    if m.group("m2"):
        month, day = int(m.group("m2")), int(m.group("d2"))
        if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2000, month)[1]:
            return f"'{text}' is not a day of the year; use {ALLOWED}"
        return PartialDate(None, month, day)
    year = int(m.group("y"))
    month = int(m.group("m")) if m.group("m") else None
    day = int(m.group("d")) if m.group("d") else None
    if month is not None and not 1 <= month <= 12:
        return f"'{text}' has no month {month}; months are 01 to 12"
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            return f"'{text}' is not a day in the calendar; check the day of the month"
    return PartialDate(year, month, day)
