"""An organisation is not part of itself, directly or through others.

``part_of`` names the organisation this one belongs to (a service of a city,
a member of a federation). Following part_of from organisation to
organisation must end at one that is part of none: an organisation that
names itself, or a loop (a part of b, b part of a), is an error, reported
once, at the organisation where it is first met in the data files. These are
the rules of a programme's parent (parent-kind, parent-cycles).
"""
from __future__ import annotations

from ...schema.records import Context
from .parent_cycles import first_met, loops

ID = "part-of-cycles"
LEVEL = "error"


def check(ctx: Context):
    by_id = {rec.id: rec for rec in ctx.valid("organisation")}
    links = {rec_id: rec.data.get("part_of") for rec_id, rec in by_id.items()}
    for loop in loops(links):
        if len(loop) == 1:
            yield ctx.at(by_id[loop[0]], ("part_of",), "an organisation cannot be part of itself; "
                         "name the organisation it belongs to, or leave part_of out", ID)
            continue
        chain = first_met(loop, by_id)
        yield ctx.at(by_id[chain[0]], ("part_of",), f"part_of forms a loop: {' -> '.join(chain)}; "
                     "one of these organisations must be part of another organisation or of none", ID)
