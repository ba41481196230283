"""A record sits only under a parent of a fitting kind.

The kinds vocabulary says under which kinds each kind may sit: a pillar under
an action plan or strand, an action under a pillar, a module under a course,
a course under an initiative, and so on. A record may not be its own parent.
"""
from ...schema.records import Context
from .common import at

ID = "parent-kind"
LEVEL = "error"


def check(ctx: Context):
    programmes = ctx.ids("programme")
    kinds = ctx.vocab.get("kinds", {})
    for rec in ctx.valid("programme"):
        parent_id = rec.data.get("parent")
        if parent_id is None:
            continue
        if parent_id == rec.id:
            yield at(rec, ("parent",), "a record cannot be its own parent")
            continue
        parent = programmes.get(parent_id)
        kind = kinds.get(rec.data["kind"])
        if parent is None or kind is None or not parent.valid:
            continue
        allowed = kind.get("parents") or []
        if parent.data["kind"] not in allowed:
            where = f"under {', '.join(allowed)}" if allowed else "under no other record"
            yield at(rec, ("parent",), (
                f"a {rec.data['kind']} cannot sit under '{parent_id}', which is a "
                f"{parent.data['kind']}; a {rec.data['kind']} may sit {where}"
            ))
