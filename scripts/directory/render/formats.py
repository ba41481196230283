"""Dates, numbers and amounts as each of the site's languages writes them (Babel, CLDR).

A partial date shows exactly the parts its source states, never more:
``2019``; ``July 2019`` / ``juli 2019``; ``1 July 2019`` / ``1 juli 2019`` /
``1. juli 2019``; a day without a year as ``2 February`` / ``2 februari`` /
``2. februar`` followed by the catalogue's "(year not stated)". Numbers take
the language's separators (``290,000``; ``290.000``; ``2.5``; ``2,5``). An
amount is its ISO 4217 currency code and number, placed as the language
places a currency (English and Dutch before the number, Danish after it:
``EUR 290,000``, ``EUR 290.000``, ``290.000 EUR``), except that Danish pages
write Danish kroner as Danes do, ``kr.``.

English is written as British English writes dates (day, month, year), the
site's English throughout.
"""
from __future__ import annotations

import datetime as dt
import functools

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

from ..schema.dates import PartialDate

# the CLDR locale of each site language
LOCALES = {"en": "en_GB", "nl": "nl", "da": "da"}
# a currency a language writes with its own sign instead of the ISO code
LOCAL_SIGNS = {("da", "DKK"): "kr."}

_LEAP = 2000  # a day without a year is formatted in a leap year, so 29 February exists


@functools.cache
def _locale(language: str) -> Locale:
    return Locale.parse(LOCALES.get(language, language))


@functools.lru_cache(maxsize=65536)
def date(value: PartialDate, language: str, year_not_stated: str = "") -> str:
    """``value`` in ``language``, with only the parts it has; a day without a
    year is followed by ``year_not_stated`` (the catalogue's words)."""
    loc = _locale(language)
    if value.year is None:
        day = format_skeleton("MMMMd", dt.date(_LEAP, value.month, value.day), locale=loc)
        return f"{day} {year_not_stated}".strip()
    if value.day:
        return format_date(dt.date(value.year, value.month, value.day), "long", locale=loc)
    if value.month:
        return format_skeleton("yMMMM", dt.date(value.year, value.month, 1), locale=loc)
    return str(value.year)


def day(value: dt.date, language: str) -> str:
    """A full day, as :func:`date` writes it."""
    return date(PartialDate(value.year, value.month, value.day), language)


def number(value: float | int, language: str) -> str:
    """A number with the language's separators: whole numbers without
    decimals, others with as many as they have (at most three)."""
    pattern = "#,##0" if float(value).is_integer() else "#,##0.###"
    return format_decimal(value, format=pattern, locale=_locale(language))


def amount(value: float, currency: str | None, language: str) -> str:
    """An amount as ``language`` writes it: whole amounts without decimals,
    others with two; the currency's code (or local sign) where the language
    puts its currency sign. Without a currency, the number alone."""
    pattern = "#,##0" if float(value).is_integer() else "#,##0.00"
    figure = format_decimal(value, format=pattern, locale=_locale(language))
    if not currency:
        return figure
    sign = LOCAL_SIGNS.get((language, currency), currency)
    if _locale(language).currency_formats["standard"].pattern.startswith("¤"):
        return f"{sign} {figure}"
    return f"{figure} {sign}"
