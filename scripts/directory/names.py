"""Names of countries and regions in the site's languages, where a library knows them.

A country's or region's label in ``data/vocabularies.yaml`` may leave out a
language that a library already names it in: countries take the territory
names of the CLDR (through Babel: ``België``, ``Belgien``), regions the
translations of ISO 3166-2 subdivision names that pycountry ships
(``Oost-Vlaanderen`` -> ``Østflandern``). A label written in the data always
wins; a language neither the data nor the library names is an error
(the ``vocabulary-labels`` rule).
"""
from __future__ import annotations

import functools
import gettext

import pycountry
from babel import Locale


@functools.cache
def _subdivisions(language: str) -> dict[str, str]:
    """pycountry's translations of ISO 3166-2 names into ``language``: {English name: name}."""
    try:
        found = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return {}
    # only the names translated into the language: gettext answers the others with themselves
    return {k: v for k, v in getattr(found, "_catalog", {}).items() if isinstance(k, str) and k and v}


def country(code: str, language: str) -> str | None:
    """The CLDR name of the country ``code`` (ISO 3166-1 alpha-2) in ``language``."""
    try:
        return Locale.parse(language).territories.get(code)
    except (ValueError, TypeError):
        return None


def region(code: str, language: str) -> str | None:
    """pycountry's translation of the name of the subdivision ``code`` (ISO
    3166-2) into ``language``, where it has one."""
    found = pycountry.subdivisions.get(code=code)
    if found is None:
        return None
    return _subdivisions(language).get(found.name)


def library_name(vocabulary: str, code: str, language: str) -> str | None:
    """The name a library gives the term ``code`` of ``vocabulary`` in
    ``language`` (countries and regions only), else None."""
    if vocabulary == "countries":
        return country(code, language)
    if vocabulary == "regions":
        return region(code, language)
    return None
