"""Coded fields take a value from the vocabularies.

Kinds, themes, settings, statuses, target groups, organisation roles,
evaluation statuses, scopes, languages, countries and regions are defined
with their labels in a vocabularies file (data/vocabularies.yaml). A value
that is not defined there is an error: use one of the listed values, or add
the new term (with an English label) to the vocabulary in the same pull
request.
"""
from ..context import Context, find
from ..suggest import unknown

ID = "vocabulary"
LEVEL = "error"

# record type -> (path pattern, vocabulary)
FIELDS = {
    "programme": [
        (("kind",), "kinds"),
        (("original_language",), "languages"),
        (("themes", "*"), "themes"),
        (("settings", "*"), "settings"),
        (("status",), "statuses"),
        (("scope",), "scopes"),
        (("target_group", "who", "*"), "target_groups"),
        (("organisations", "*", "role"), "organisation_roles"),
        (("evaluation", "status"), "evaluation_statuses"),
        (("countries", "*"), "countries"),
        (("regions", "*"), "regions"),
    ],
    "organisation": [
        (("original_language",), "languages"),
        (("countries", "*"), "countries"),
        (("regions", "*"), "regions"),
    ],
    "source": [
        (("language",), "languages"),
    ],
}

REQUIRED = ["kinds", "themes", "settings", "statuses", "target_groups", "organisation_roles",
            "evaluation_statuses", "scopes", "languages", "countries", "regions"]


def check(ctx: Context):
    if not ctx.vocab_at and ctx.files:
        first = ctx.files[0]
        yield ctx.at_file(first, (), "no vocabularies found in the data folder; add a file "
                          "with a 'vocabularies:' mapping (see data/vocabularies.yaml)", ID)
        return
    for name in REQUIRED:
        if name not in ctx.vocab and ctx.vocab_at:
            file, path = next(iter(ctx.vocab_at.values()))
            yield ctx.at_file(file, path, f"vocabulary '{name}' is missing; add it with its terms", ID)
    for rec in ctx.valid():
        for pattern, vocab in FIELDS.get(rec.type, []):
            terms = ctx.vocab.get(vocab)
            if terms is None:
                continue
            for sub, value in find(rec.data, pattern):
                if value not in terms:
                    what = vocab.replace("_", " ").rstrip("s") if vocab != "statuses" else "status"
                    if vocab in ("countries",):
                        what = "country"
                    yield ctx.at(rec, sub, unknown(what, value, terms), ID)
