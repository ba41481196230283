"""Nothing confidential is published.

Everything in the data is public. A contact marked confidential: true must
not be in the repository at all: remove the record (and ask the maintainers
to purge it from the history if it was ever pushed).
"""
from ...schema.records import Context
from .common import at

ID = "confidential-contacts"
LEVEL = "error"


def check(ctx: Context):
    for rec in ctx.valid("contact"):
        if rec.data.get("confidential") is True:
            yield at(rec, ("confidential",), "a contact marked confidential must not be in "
                     "the data; remove the whole record")
