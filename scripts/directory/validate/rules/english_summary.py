"""Every programme has an English summary.

English is the directory's common language: professionals in Flanders, the
Netherlands and Denmark read each other's programmes through it. A missing
English summary does not block publishing, but the record is harder to find.
"""
from ...schema.records import Context
from .common import at

ID = "english-summary"
LEVEL = "warning"


def check(ctx: Context):
    for rec in ctx.valid("programme"):
        summary = rec.data.get("summary") or {}
        if "en" not in summary:
            yield at(rec, ("summary",), "no English summary; add 'en:' with one or two "
                     "sentences written from the source")
