"""Dates are given as precisely as the source states them, and are real dates.

Write 2019 for a year, 2019-07 for a month, 2019-07-01 for a day, and --02-02
for a day whose year the source leaves open. Never fill in a year, month or
day the source does not give. A period's start and end need a year.
``last_reviewed`` is a real day too (the schema asks for YYYY-MM-DD).

Years run from 1000 to 2100, written with the digits 0-9. Legal bases can be
old (Danish law still cites the Danske Lov of 1683, Belgian law the Civil
Code of 1804), so the range reaches far back; no programme, plan, funding or
review runs past 2100, so a later year (9999, or 2202 for 2022) is a typing
error, and so is the year 0000, which no calendar has.
"""
from ...schema import SCHEMA
from ...schema.dates import parse
from ...schema.records import Context, find
from .common import at

ID = "partial-dates"
LEVEL = "error"

# record type -> the paths of its date fields, from the schema (partial and full dates)
FIELDS = SCHEMA.dates()
NEED_YEAR = {"start", "end"}


def check(ctx: Context):
    for rec in ctx.valid():
        for pattern in FIELDS.get(rec.type, []):
            for sub, value in find(rec.data, pattern):
                parsed = parse(value)
                if isinstance(parsed, str):
                    yield at(rec, sub, parsed)
                elif parsed.year is None and sub[-1] in NEED_YEAR:
                    yield at(rec, sub, "a period's start and end need a year; leave the "
                             "field out if the source does not give one")
