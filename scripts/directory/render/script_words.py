"""The words of the browser scripts, in the page's language, and the one
way JSON is written inside a <script> element (json_for_script).

The scripts in docs/assets/directory/ hold no text a reader sees: the page
gives them their words, as a JSON block written by its template,

    <script type="application/json" id="dir-words">{"search.page.more": "Show more", ...}</script>

``words_script("dir-words", "nl", "page")`` writes that block with the texts
of the catalogue ``render/locales/<lang>/search.yaml`` under
``search.page.`` (the directory page) or ``search.header.`` (the header
search box), and those both use (``search.why.``). A
text that counts something is the catalogue's mapping of plural categories,
which the script picks from with ``Intl.PluralRules`` (shared.js): the same
CLDR rules Babel applies to the Python side (tests/js/shared.test.mjs holds
them to each other).

The JSON is escaped for the inside of a <script> element: every <, > and &
is written as a JSON escape, so no text can end the element or open a
comment, whatever the catalogue holds.
"""
from __future__ import annotations

import functools
import json
import re
from typing import Any

from markupsafe import Markup

from . import i18n

AREAS = ("page", "header")  # search.page.*: the directory page; search.header.*: the header box
SHARED = ("why",)  # used by both
_ID = re.compile(r"^[a-z][a-z0-9-]*$")


def script_words(language: str, area: str) -> dict[str, Any]:
    """{key: text, or {plural category: text}} of an area's words in ``language``."""
    if area not in AREAS:
        raise ValueError(f"no search words for {area!r}: one of {AREAS}")
    prefixes = tuple(f"search.{part}." for part in (area, *SHARED))
    texts = i18n.catalogue(language).texts
    return {key: text for key, text in texts.items() if key.startswith(prefixes)}


def json_for_script(value: Any) -> str:
    """JSON that may stand inside a <script> element as it is."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def words_script(element_id: str, language: str, area: str) -> Markup:
    """The <script type="application/json"> block of an area's words."""
    if not _ID.match(element_id):
        raise ValueError(f"not an element id: {element_id!r}")
    return _block(element_id, i18n.catalogue(language), area)


@functools.lru_cache(maxsize=64)  # the same block on every page of a language: made once per catalogue
def _block(element_id: str, catalogue: i18n.Catalogue, area: str) -> Markup:
    return Markup(f'<script type="application/json" id="{element_id}">'
                  f"{json_for_script(script_words(catalogue.language, area))}</script>")
