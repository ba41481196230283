"""Vocabulary terms are unique, labelled in English and consistent.

Each vocabulary is defined once, in one data file; within it each id appears
once. Every term has an English (en) label, because English is the site's
common language. A kind's allowed parents are kinds; a region names a
country of the countries vocabulary and its code starts with that country's
code; a region lies 'within' a known region.
"""
from ...schema import SCHEMA
from ...schema.records import Context
from .common import at_file, terms

ID = "vocabulary-terms"
LEVEL = "error"

# The fields of the vocabularies that take a term of another vocabulary (checked
# below), from the schema ("x-vocabulary")
LINKS = SCHEMA.vocabulary_fields("vocabularies")


def check(ctx: Context):
    for name, file, path in ctx.vocab_again:
        other, _ = ctx.vocab_at[name]
        yield at_file(file, path, f"vocabulary '{name}' is already defined in {other.path}; define it once",
                      at_key=True)
    for name in ctx.vocab_at:
        seen = set()
        for file, term_path, term in terms(ctx, name):
            tid = term.get("id")
            if not isinstance(tid, str):
                continue
            if tid in seen:
                yield at_file(file, term_path + ("id",), f"'{tid}' is defined twice in '{name}'; keep one")
            seen.add(tid)
            label = term.get("label")
            if isinstance(label, dict) and "en" not in label:
                yield at_file(file, term_path + ("label",), "an English label (en) is required")
            if name == "kinds":
                for j, parent in enumerate(term.get("parents") or []):
                    if parent not in ctx.vocab.get("kinds", {}):
                        yield at_file(file, term_path + ("parents", j),
                                      f"'{parent}' is not a kind; parents must be kinds")
            if name == "regions":
                country = term.get("country")
                if isinstance(country, str):
                    if country not in ctx.vocab.get("countries", {}):
                        yield at_file(file, term_path + ("country",),
                                      f"country '{country}' is not in the countries vocabulary")
                    if not tid.startswith(country + "-"):
                        yield at_file(file, term_path + ("id",),
                                      f"region '{tid}' does not lie in country '{country}'; "
                                      f"its code must start with '{country}-'")
                within = term.get("within")
                if within is not None and within not in ctx.vocab.get("regions", {}):
                    yield at_file(file, term_path + ("within",),
                                  f"'{within}' is not a region of the regions vocabulary")
