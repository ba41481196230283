"""Every reference names an existing record of the right type.

Records refer to each other by id: a programme to its parent, the record that
replaced it, its organisations, funders, the record whose pool it has a share
of, evaluator, contacts and sources; a contact to its organisation and source;
a source to its publisher; an organisation to the organisation it is part of. A reference to an id that
does not exist (or is of another type) is an error; the message suggests the
closest existing id (of a record without problems of its own).
"""
from ...schema import SCHEMA
from ...schema.records import Context, find
from .common import at
from ..suggest import unknown

ID = "references"
LEVEL = "error"

# record type -> (path pattern, referenced type), from the schema ("x-references")
FIELDS = SCHEMA.references()


def check(ctx: Context):
    known = {t: ctx.ids(t) for t in ("programme", "organisation", "contact", "source")}
    # a removed record's id is often left in many records, and each message
    # searches all ids for a close one: search once per id
    said: dict[tuple[str, str], str] = {}
    for rec in ctx.valid():
        for pattern, target in FIELDS.get(rec.type, []):
            for sub, value in find(rec.data, pattern):
                if value not in known[target]:
                    if (target, value) not in said:
                        # suggest only ids that are valid themselves: a record with a
                        # schema problem (an id with 'ø', say) is no fix to offer
                        said[target, value] = unknown(f"{target} id", value, [
                            i for i, r in known[target].items() if r.valid])
                    yield at(rec, sub, said[target, value])
