"""Every record has an id of its own.

An id is the address of the record's page and what other records use to refer
to it, so two records (of any type, in any data file) may not share one.
Choose a new id for the second record; never reuse the id of a removed one.
"""
from ...schema.records import Context
from .common import at

ID = "unique-ids"
LEVEL = "error"


def check(ctx: Context):
    first = {}
    for rec in ctx.records:
        if not rec.id:
            continue
        if rec.id in first:
            other = first[rec.id]
            where = other.file.position(other.path + ("id",))
            yield at(rec, ("id",), (
                f"id '{rec.id}' is already used by the {other.type} at "
                f"{other.file.path}:{where.line}; ids must be unique across all data files"
            ))
        else:
            first[rec.id] = rec
