"""Coded fields take a value from the vocabularies.

Kinds, themes, settings, statuses, target groups, organisation roles,
evaluation statuses, scopes, languages, countries and regions are defined
with their labels in a vocabularies file (data/vocabularies.yaml). A value
that is not defined there is an error: use one of the listed values, or add
the new term (with an English label) to the vocabulary in the same pull
request.
"""
from ...schema import SCHEMA
from ...schema.records import Context, find
from .common import at, at_file
from ..suggest import unknown

ID = "vocabulary"
LEVEL = "error"

# record type -> (path pattern, vocabulary), from the schema ("x-vocabulary")
FIELDS = SCHEMA.vocabulary_fields()

# every vocabulary a data folder needs, and what one of its terms is called (from the schema)
NOUNS = SCHEMA.vocabularies()


def check(ctx: Context):
    if not ctx.vocab_at and ctx.files:
        first = ctx.files[0]
        yield at_file(first, (), "no vocabularies found in the data folder; add a file "
                      "with a 'vocabularies:' mapping (see data/vocabularies.yaml)")
        return
    for name in NOUNS:
        if name not in ctx.vocab and ctx.vocab_at:
            file, path = next(iter(ctx.vocab_at.values()))
            yield at_file(file, path, f"vocabulary '{name}' is missing; add it with its terms")
    for rec in ctx.valid():
        for pattern, vocab in FIELDS.get(rec.type, []):
            terms = ctx.vocab.get(vocab)
            if terms is None:
                continue
            for sub, value in find(rec.data, pattern):
                if value not in terms:
                    yield at(rec, sub, unknown(NOUNS[vocab], value, terms))
