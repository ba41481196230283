"""The site's languages: the one list of them.

The site is published in English (at the site's root, its default), Dutch
(``/nl/``) and Danish (``/da/``). The interface words of each are in the
catalogues (:mod:`directory.render.i18n`); the vocabularies label every term
in each (the ``vocabulary-labels`` rule).
"""
from __future__ import annotations

LANGUAGES = ("en", "nl", "da")  # English first: the site's default language
DEFAULT = "en"
# each language's name in English, for messages to editors
ENGLISH_NAMES = {"en": "English", "nl": "Dutch", "da": "Danish"}
