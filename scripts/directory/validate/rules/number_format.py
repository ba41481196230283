"""Amounts, counts and ages are written in digits only.

A data file reads numbers the English way: a dot is a decimal point. Dutch
and Danish write thousands with dots and decimals with a comma, so
`amount: 290.000` would be read as 290, not two hundred and ninety thousand,
and `1.250.000`, `73,7 mio` or `€ 290.000` are not numbers at all. Write every
amount, count and age in digits only, without a thousands separator, a
currency sign or words:

- `amount: 290000` (the currency goes in `currency: EUR`),
- `amount: 73700000` for "73,7 mio. kr." (and `currency: DKK`),
- `age_min: 0` and `age_max: 3` for "0-3 jaar".

A decimal point is fine where a fraction is meant (`age_min: 1.5`), but not
followed by exactly three digits (`1.250`), which a Dutch or Danish reader
takes for thousands. Numbers with a leading 0 (`017`), in scientific notation
(`1.5e+6`), hexadecimal (`0x1F`) or with a colon (`1:30`) are read as
something else again: write the digits.

The check decides from the text as it stands in the file, not from the number
YAML made of it. A text in a number field is a schema error, whose message
says what to write (``advice_for_text``).
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ...schema import SCHEMA
from ...schema.records import Context, find
from .common import at

ID = "number-format"
LEVEL = "error"

_THOUSANDS = re.compile(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+")  # 290.000, 1.250
_HEX_OCT_BIN = re.compile(r"[+-]?0[xob]", re.I)
_NUMBER = re.compile(r"[+-]?\d[\d.,' \u00a0\u202f]*")
_CURRENCY = re.compile(r"€|\$|£|\b(?:eur|euro|euros|dkk|kr|kroner|usd|gbp)\b\.?|,-$", re.I)
_CODES = {"€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "dkk": "DKK", "kr": "DKK",
          "kroner": "DKK", "$": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP"}
_WORDS = {  # multiplier words of amounts in Dutch, Danish and English
    1_000: r"k|duizend|tusind|thousand",
    1_000_000: r"m|mio|mln|miljoen|miljoenen|million|millioner|millions",
    1_000_000_000: r"mia|mrd|miljard|milliard|milliarder|billion|billions",
}
_WORD = re.compile(r"\b(" + "|".join(_WORDS.values()) + r")\b\.?", re.I)
_RANGE = re.compile(r"\s*(\d+(?:[.,]\d+)?)\s*(?:-|–|—|to|tot|til|until)\s*(\d+(?:[.,]\d+)?)\s*"
                    r"(?:jaar|år|years?|yrs?)?\s*", re.I)
_AGE_FIELDS = ("age_min", "age_max")
_YEARS = re.compile(r"\b(?:jaar|år|aar|years?|yrs?)\b\.?", re.I)  # ages are in years anyway
_EXPONENT = re.compile(r"[+-]?\d+(?:\.\d*)?[eE][+-]?\d+")
_SEPARATOR = "digits only; no thousands separator"  # what to write, in the words


def _digits(value: Decimal) -> str:
    """A number as a data file wants it: 290000, 73.7."""
    return format(value.normalize(), "f")


def _multiplier(words: str) -> int:
    for factor, pattern in _WORDS.items():
        if re.fullmatch(f"(?:{pattern})\\.?", words.strip(), re.I):
            return factor
    return 1


def _read(number: str) -> list[Decimal]:
    """What a reader may mean by ``number`` (digits with dots, commas, spaces):
    one reading, or two where a comma could be a thousands separator or a
    decimal comma (290,000)."""
    number = re.sub(r"['\s\u00a0\u202f]", "", number)
    dots, commas = number.count("."), number.count(",")
    try:
        if dots and commas:  # 1.250.000,50 or 1,250,000.50: the last one is the decimal mark
            decimal = "," if number.rfind(",") > number.rfind(".") else "."
            thousands = "." if decimal == "," else ","
            return [Decimal(number.replace(thousands, "").replace(decimal, "."))]
        if dots:
            if dots > 1 or re.fullmatch(r"[+-]?\d{1,3}\.\d{3}", number):
                return [Decimal(number.replace(".", ""))]
            return [Decimal(number)]
        if commas:
            if commas > 1:
                return [Decimal(number.replace(",", ""))]
            if re.fullmatch(r"[+-]?\d{1,3},\d{3}", number):  # 290,000: either
                return [Decimal(number.replace(",", "")), Decimal(number.replace(",", "."))]
            return [Decimal(number.replace(",", "."))]
        return [Decimal(number)]
    except InvalidOperation:
        return []


def advice_for_text(text: str, field: str) -> str | None:
    """What to write instead of the text ``text`` in the number field ``field``
    ('age_min', 'amount'), or None when it does not look like a number."""
    age = _RANGE.fullmatch(text)
    if age and field in _AGE_FIELDS:
        low, high = (_digits(r[0]) for r in (_read(age.group(1)), _read(age.group(2))))
        return f"write age_min: {low} and age_max: {high} (a range is two fields)"
    rest = text.strip()
    if _EXPONENT.fullmatch(rest):
        return f"write {field}: {_digits(Decimal(rest))} (digits only)"
    years = _YEARS.search(rest) if field in _AGE_FIELDS else None
    rest = _YEARS.sub(" ", rest).strip() if years else rest
    currency = _CURRENCY.search(rest)
    rest = _CURRENCY.sub(" ", rest).strip()
    word = _WORD.search(rest)
    factor = 1
    if word:
        factor = _multiplier(word.group(0))
        rest = (rest[:word.start()] + rest[word.end():]).strip()
    number = _NUMBER.fullmatch(rest)
    if not number:
        return None
    readings = [r * factor for r in _read(number.group(0).strip())]
    if not readings:
        return None
    what = ["digits only"]
    if re.search(r"\d[.,' \u00a0\u202f]\d{3}(?!\d)", number.group(0)):
        what.append("no thousands separator")
    if word or years:
        what.append("no words")
    if currency:
        code = _CODES.get(currency.group(0).lower().rstrip("."))
        what.append(f"the currency goes in currency: {code}" if code else
                    "the currency goes in its own field")
    first = f"write {field}: {_digits(readings[0])} ({'; '.join(what)})"
    if len(readings) > 1:
        return f"{first}, or {field}: {_digits(readings[1])} if the comma is a decimal comma"
    return first


def advice_for_number(written: str, value, field: str) -> str | None:
    """What to write instead of the number written ``written`` (which YAML
    read as ``value``), or None when every reader reads it alike."""
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    if _THOUSANDS.fullmatch(written):
        return (f"'{written}' is read as {shown}: a dot is a decimal point in a data file; "
                f"write {field}: {written.replace('.', '')} ({_SEPARATOR})")
    if "e" in written.lower() and not _HEX_OCT_BIN.match(written):
        return (f"'{written}' is scientific notation, which readers of the file may not know; "
                f"write {field}: {_digits(Decimal(str(value)))} (digits only)")
    if _HEX_OCT_BIN.match(written):
        return (f"'{written}' is read as {shown} (a number in another base); write {field}: "
                f"{shown} (digits only)")
    if re.fullmatch(r"[+-]?0[\d_]+", written):
        meant = written.replace("_", "").lstrip("+-0") or "0"
        if int(meant) == value:
            return None  # '00', '-0': read as written
        return (f"'{written}' is read as {shown} (a number that starts with 0 is read in base 8); "
                f"write {field}: {meant} (digits only, without the leading 0)")
    if ":" in written:
        return (f"'{written}' is read as {shown} (YAML reads digits with colons in base 60); "
                f"write {field} in digits only")
    return None


# record type -> the paths of its number fields, from the schema (type number or integer)
FIELDS = SCHEMA.numbers()


def check(ctx: Context):
    for rec in ctx.valid():
        numbers = rec.file.numbers
        for pattern in FIELDS.get(rec.type, ()):
            for sub, value in find(rec.data, pattern):
                written = numbers.get(rec.path + sub)
                if written is None or isinstance(value, bool):
                    continue  # plain digits, or not a number (the schema says so)
                message = advice_for_number(written, value, sub[-1])
                if message:
                    yield at(rec, sub, message)
