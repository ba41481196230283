"""A replaced record says what replaced it, and only then.

Records are retired, not deleted, so that links to them keep working. A record
with status 'replaced' names its successor in replaced_by; replaced_by is
only given with status 'replaced' and never names the record itself.
"""
from ...schema.records import Context
from .common import at

ID = "replaced-by"
LEVEL = "error"


def check(ctx: Context):
    for rec in ctx.valid("programme"):
        status, successor = rec.data.get("status"), rec.data.get("replaced_by")
        if successor == rec.id:
            yield at(rec, ("replaced_by",), "a record cannot replace itself")
        elif successor is not None and status != "replaced":
            yield at(rec, ("replaced_by",), "replaced_by is given but the status is "
                     f"'{status or 'not stated'}'; set status: replaced, or remove replaced_by")
        elif status == "replaced" and successor is None:
            yield at(rec, ("status",), "status is 'replaced' but replaced_by is missing; "
                     "name the record that replaced this one")
