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
from .common import at, loops_first_met

ID = "part-of-cycles"
LEVEL = "error"


def check(ctx: Context):
    organisations = {rec.id: rec for rec in ctx.valid("organisation")}
    for rec, chain in loops_first_met(organisations, "part_of"):
        if len(chain) == 2:  # [a, a]
            yield at(rec, ("part_of",), "an organisation cannot be part of itself; name the "
                     "organisation it belongs to, or leave part_of out")
        else:
            yield at(rec, ("part_of",), f"part_of forms a loop: {' -> '.join(chain)}; one of these "
                     "organisations must be part of another organisation or of none")
