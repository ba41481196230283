"""Parents form a tree, not a loop.

Following the parent of a record, then that record's parent and so on, must
end at a record without a parent. A loop (a plan under its own pillar) is
reported once, at the record where it is first met.
"""
from __future__ import annotations

from ...schema.records import Context
from .common import at, loops_first_met

ID = "parent-cycles"
LEVEL = "error"


def check(ctx: Context):
    programmes = {rec.id: rec for rec in ctx.valid("programme")}
    for rec, chain in loops_first_met(programmes, "parent"):
        yield at(rec, ("parent",), f"parents form a loop: {' -> '.join(chain)}; "
                 "one of these records must have another parent or none")
