"""Codes are real ISO codes.

Countries are ISO 3166-1 alpha-2 codes (BE, NL, DK), regions ISO 3166-2
subdivision codes (BE-VLG), currencies ISO 4217 codes (EUR, DKK) and
languages ISO 639-1 codes (nl, da, en), both as language keys of texts and as
a record's original language. The vocabularies may only define real codes.
"""
from functools import lru_cache, partial

import pycountry

from ...schema import SCHEMA
from ...schema.records import Context, find
from .common import at, at_file, terms

ID = "iso-codes"
LEVEL = "error"


@lru_cache(maxsize=None)
def _known(database: str, key: str, code: str) -> bool:
    """Whether pycountry's ``database`` has an entry whose ``key`` is ``code``."""
    return getattr(pycountry, database).get(**{key: code}) is not None


_country = partial(_known, "countries", "alpha_2")
_region = partial(_known, "subdivisions", "code")
_currency = partial(_known, "currencies", "alpha_3")
_language = partial(_known, "languages", "alpha_2")


# record type -> the paths of its texts in several languages, from the schema
LANGUAGE_MAPS = SCHEMA.language_maps()


VOCABULARY_CODES = [
    ("countries", _country, "an ISO 3166-1 alpha-2 country code"),
    ("regions", _region, "an ISO 3166-2 subdivision code"),
    ("languages", _language, "an ISO 639-1 language code"),
]


def check(ctx: Context):
    for name, test, what in VOCABULARY_CODES:
        for file, term_path, term in terms(ctx, name):
            code = term.get("id")
            if isinstance(code, str) and not test(code):
                yield at_file(file, term_path + ("id",), f"'{code}' is not {what}")
    for rec in ctx.valid():
        for sub, code in find(rec.data, ("funding", "*", "currency")):
            if not _currency(code):
                yield at(rec, sub, f"'{code}' is not an ISO 4217 currency code (such as EUR, DKK)")
        for pattern in LANGUAGE_MAPS.get(rec.type, []):
            for sub, mapping in find(rec.data, pattern):
                for key in mapping:
                    if not _language(key):
                        yield at(rec, sub + (key,), f"'{key}' is not an ISO 639-1 language code "
                                 "(such as nl, da, en)", at_key=True)
