"""Every record has an id of its own.

An id is the address of the record's page and what other records use to refer
to it, so two records (of any type, in any data file) may not share one.
Choose a new id for the second record; never reuse the id of a removed one.
"""
from ..context import Context
from .common import at

ID = "unique-ids"
LEVEL = "error"

EXAMPLE = {  # a mistake this rule reports (checked for the Rules page: directory.validate.examples)
    "data/programmes.yaml": """\
programmes:
  - id: gent-coaching
    kind: programme
    original_language: nl
    name: {nl: Gezinscoaching}
    summary: {nl: Coaching thuis., en: Coaching at home.}
    sources: [{source: gent-plan-2024}]
    last_reviewed: "2026-11-23"
  - id: gent-coaching
    kind: programme
    original_language: nl
    name: {nl: Opvoedingswinkel}
    summary: {nl: Vragen over opvoeden., en: Questions about parenting.}
    sources: [{source: gent-plan-2024}]
    last_reviewed: "2026-11-23"
""",
}


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
