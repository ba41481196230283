"""A derived value says what it is derived from, and only a value that is there.

A record states what its source states. A value the source does not state in
so many words but that follows from a fact it does state is allowed when the
record says which fact: a country or region from the city or municipality the
source names, a status from what the source says has happened. Write the
fact under derived, completing the phrase "derived from ...":

    countries: [BE]
    regions: [BE-VLG]
    municipalities: [Gent]
    derived:
      countries: {en: "Gent, the city named in the source"}
      regions: {en: "Gent, the city named in the source"}

The page then shows "country and region derived from Gent, the city named in
the source" with the value. A value that follows from no stated fact is left
out (the page says "not stated"), never derived.

A note under derived for a field the record does not fill (no countries, no
status, a period without start or end) is an error: give the value, or
remove the note.
"""
from ...schema.records import Context
from .common import at

ID = "derived"
LEVEL = "error"


def _filled(data: dict, name: str) -> bool:
    value = data.get(name)
    if name == "period":
        return isinstance(value, dict) and (value.get("start") is not None or value.get("end") is not None)
    if isinstance(value, list):
        return bool(value)
    return value is not None


def check(ctx: Context):
    for rec in ctx.valid():
        if rec.type not in ("programme", "organisation"):
            continue
        notes = rec.data.get("derived")
        if not isinstance(notes, dict):
            continue
        for name in notes:
            if _filled(rec.data, name):
                continue
            if name == "period":
                missing, them = "the record's period has no start or end", "give them"
            elif name == "status":
                missing, them = "the record gives no status", "give it"
            else:
                missing, them = f"the record gives no {name}", "give them"
            verb = "is" if name in ("status", "period") else "are"
            yield at(rec, ("derived", name), f"derived.{name} says what the {name} {verb} derived "
                     f"from, but {missing}; {them}, or remove derived.{name}", at_key=True)
