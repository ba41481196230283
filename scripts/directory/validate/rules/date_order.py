"""A period does not end before it starts.

Compared at the precision given: a period from 2018 to 2018-06 is fine, one
from 2021 to 2019 is not.
"""
from ...schema.dates import PartialDate, parse
from ...schema.records import Context, find
from .common import at

ID = "date-order"
LEVEL = "error"

PERIODS = [("period",), ("funding", "*", "period")]


def check(ctx: Context):
    for rec in ctx.valid("programme"):
        for pattern in PERIODS:
            for sub, period in find(rec.data, pattern):
                start, end = parse(period.get("start", "")), parse(period.get("end", ""))
                if not (isinstance(start, PartialDate) and isinstance(end, PartialDate)):
                    continue
                if start.year is None or end.year is None:
                    continue
                if start.earliest > end.latest:
                    yield at(rec, sub + ("end",), (
                        f"the period ends ({end.iso()}) before it starts ({start.iso()}); "
                        "the end must be the same as or later than the start"))
