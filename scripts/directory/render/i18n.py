"""The site's own words in the reader's language: one catalogue a language.

Templates write no interface text themselves: they ask for it by key,
``{{ t('facts.kind') }}``, and the catalogue of the page's language answers.
Record content (names, summaries, descriptions) is never in a catalogue: it
is shown as its source wrote it.

A catalogue is every YAML file under ``locales/<language>/`` (one file an
area of the site, so that a translator can work on one at a time); each holds
a mapping of keys to texts. A text may have placeholders, ``{name}``, filled
from the keyword arguments of ``t``. A text that counts something is a
mapping of the language's plural categories (CLDR, through Babel) to texts,
``{one: "{n} programme", other: "{n} programmes"}``, chosen by ``n``.

The value ``t`` returns is plain text: the template's finalize escapes it for
the place it lands, as any other value.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml
from babel import Locale

LOCALES = Path(__file__).parent / "locales"
LANGUAGES = ("en", "nl", "da")  # English first: the site's default language
DEFAULT = "en"


class Catalogue:
    """The texts of one language, by key."""

    def __init__(self, language: str, texts: dict[str, Any]):
        self.language = language
        self.texts = texts
        self._plural = Locale.parse(language).plural_form

    def t(self, key: str, n: int | float | None = None, **params: Any) -> str:
        """The text of ``key``, its placeholders filled; with ``n``, the plural
        form for that number (``n`` is also the placeholder ``{n}``)."""
        text = self.texts[key]  # a missing key is an error, never the key shown
        if isinstance(text, dict):
            if n is None:
                raise TypeError(f"{key!r} counts something: give n")
            text = text.get(self._plural(n)) or text["other"]
        if n is not None:
            params.setdefault("n", n)
        return text.format(**params) if params else text


@functools.cache
def catalogue(language: str) -> Catalogue:
    """The catalogue of ``language``: every YAML file of ``locales/<language>/``."""
    texts: dict[str, Any] = {}
    for path in sorted((LOCALES / language).glob("*.yaml")):
        texts.update(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    return Catalogue(language, texts)
