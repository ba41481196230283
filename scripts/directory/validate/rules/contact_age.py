"""Contact details come from a recent source.

A contact is personal data that goes out of date: people change jobs,
numbers change. A contact whose source is dated more than 24 months back is
flagged: find a newer publication of the same contact and cite it, or remove
the contact. The page always shows a contact with its source's date.
"""
from ...schema.dates import PartialDate, parse
from ...review import CONTACT_SOURCE_MONTHS, source_too_old
from ...schema.records import Context
from .common import at

ID = "contact-age"
LEVEL = "warning"


def check(ctx: Context):
    sources = ctx.ids("source")
    for rec in ctx.valid("contact"):
        ref = rec.data.get("source") or {}
        source = sources.get(ref.get("source")) if isinstance(ref, dict) else None
        if source is None:
            continue
        date = parse(source.data.get("date")) if source.data.get("date") is not None else None
        if not isinstance(date, PartialDate) or not source_too_old(date, ctx.today):
            continue
        yield at(rec, ("source", "source"),
                 f"the source '{source.id}' is dated {date.iso()}, more than "
                 f"{CONTACT_SOURCE_MONTHS} months ago; cite a newer publication of this "
                 "contact or remove the contact")
