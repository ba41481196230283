"""Vocabulary terms are unique, labelled in English and consistent.

Within one vocabulary each id appears once; every term has an English (en)
label, because English is the site's common language; a kind's allowed
parents are kinds; a region names a country of the countries vocabulary and
its code starts with that country's code; a region lies 'within' a known
region.
"""
from ...schema import SCHEMA
from ...schema.records import Context

ID = "vocabulary-terms"
LEVEL = "error"

# The fields of the vocabularies that take a term of another vocabulary (checked
# below), from the schema ("x-vocabulary")
LINKS = SCHEMA.vocabulary_fields("vocabularies")


def check(ctx: Context):
    for name, (file, path) in ctx.vocab_at.items():
        items = _items(file, path)
        seen = set()
        for i, term in items:
            tid = term.get("id")
            if not isinstance(tid, str):
                continue
            if tid in seen:
                yield ctx.at_file(file, path + (i, "id"), f"'{tid}' is defined twice in '{name}'; keep one", ID)
            seen.add(tid)
            label = term.get("label")
            if isinstance(label, dict) and "en" not in label:
                yield ctx.at_file(file, path + (i, "label"), "an English label (en) is required", ID)
            if name == "kinds":
                for j, parent in enumerate(term.get("parents") or []):
                    if parent not in ctx.vocab.get("kinds", {}):
                        yield ctx.at_file(file, path + (i, "parents", j),
                                          f"'{parent}' is not a kind; parents must be kinds", ID)
            if name == "regions":
                country = term.get("country")
                if isinstance(country, str):
                    if country not in ctx.vocab.get("countries", {}):
                        yield ctx.at_file(file, path + (i, "country"),
                                          f"country '{country}' is not in the countries vocabulary", ID)
                    if not tid.startswith(country + "-"):
                        yield ctx.at_file(file, path + (i, "id"),
                                          f"region '{tid}' does not lie in country '{country}'; "
                                          f"its code must start with '{country}-'", ID)
                within = term.get("within")
                if within is not None and within not in ctx.vocab.get("regions", {}):
                    yield ctx.at_file(file, path + (i, "within"),
                                      f"'{within}' is not a region of the regions vocabulary", ID)


def _items(file, path):
    value = file.data
    for key in path:
        value = value[key]
    return [(i, t) for i, t in enumerate(value) if isinstance(t, dict)]
