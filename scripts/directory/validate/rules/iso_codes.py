"""Codes are real ISO codes.

Countries are ISO 3166-1 alpha-2 codes (BE, NL, DK), regions ISO 3166-2
subdivision codes (BE-VLG), currencies ISO 4217 codes (EUR, DKK) and
languages ISO 639-1 codes (nl, da, en), both as language keys of texts and as
a record's original language. The vocabularies may only define real codes.
"""
from functools import lru_cache

import pycountry

from ...schema import SCHEMA
from ...schema.records import Context, find

ID = "iso-codes"
LEVEL = "error"


@lru_cache(maxsize=None)
def _country(code: str) -> bool:
    return pycountry.countries.get(alpha_2=code) is not None


@lru_cache(maxsize=None)
def _region(code: str) -> bool:
    return pycountry.subdivisions.get(code=code) is not None


@lru_cache(maxsize=None)
def _currency(code: str) -> bool:
    return pycountry.currencies.get(alpha_3=code) is not None


@lru_cache(maxsize=None)
def _language(code: str) -> bool:
    return pycountry.languages.get(alpha_2=code) is not None


# record type -> the paths of its texts in several languages, from the schema
LANGUAGE_MAPS = SCHEMA.language_maps()


VOCABULARY_CODES = [
    ("countries", _country, "an ISO 3166-1 alpha-2 country code"),
    ("regions", _region, "an ISO 3166-2 subdivision code"),
    ("languages", _language, "an ISO 639-1 language code"),
]


def check(ctx: Context):
    for name, test, what in VOCABULARY_CODES:
        if name not in ctx.vocab_at:
            continue
        file, path = ctx.vocab_at[name]
        for i, term in enumerate(file.data["vocabularies"][name] or []):
            code = term.get("id") if isinstance(term, dict) else None
            if isinstance(code, str) and not test(code):
                yield ctx.at_file(file, path + (i, "id"), f"'{code}' is not {what}", ID)
    for rec in ctx.valid():
        for sub, code in find(rec.data, ("funding", "*", "currency")):
            if not _currency(code):
                yield ctx.at(rec, sub, f"'{code}' is not an ISO 4217 currency code (such as EUR, DKK)", ID)
        for pattern in LANGUAGE_MAPS.get(rec.type, []):
            for sub, mapping in find(rec.data, pattern):
                for key in mapping:
                    if not _language(key):
                        yield ctx.at(rec, sub + (key,), f"'{key}' is not an ISO 639-1 language code "
                                     "(such as nl, da, en)", ID, at_key=True)
