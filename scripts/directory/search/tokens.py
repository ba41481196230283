"""The words of a text as the search index has them: splitting, stop words,
folding and stemming (FORMAT.md, "Text"). engine.js splits and folds a query
the same way; tokens.json beside this module holds the cases both sides are
tested against."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Callable

import snowballstemmer

STEMMERS = {"nl": "dutch", "da": "danish", "en": "english"}
STOP_WORDS = Path(__file__).parent  # stopwords-<lang>.txt

_LINK = re.compile(r"(?:https?://|www\.|mailto:)\S+")
_WORD = re.compile(r"\w{2,}")  # letters, digits and _, as engine.js
_RUN = re.compile(r"\w+")
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")  # combining
COMPOUND_MIN = 5  # letters a query word needs to find the compounds it opens (FORMAT.md, "Compounds")


def _load_stop_words() -> dict[str, frozenset[str]]:
    stop = {}
    for path in sorted(STOP_WORDS.glob("stopwords-*.txt")):
        lines = (line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
        stop[path.stem.split("-", 1)[1]] = frozenset(" ".join(lines).split())
    return stop


STOP = _load_stop_words()  # language -> its stop words


def words(text: str, lang: str = "") -> set[str]:
    """The distinct indexable words of a text in language ``lang``."""
    text = unicodedata.normalize("NFC", text).lower()
    if "://" in text or "www." in text or "mailto:" in text:
        text = _LINK.sub(" ", text)
    found = set(_WORD.findall(text))
    return found.difference(STOP.get(lang, ()))


def query_words(text: str) -> list[str]:
    """Every run of letters, digits and _ of the lowercased NFC text, in order:
    what engine.js's queryWords makes of a query (the builder does not use it;
    it states the contract for the shared tests)."""
    return _RUN.findall(unicodedata.normalize("NFC", text).lower())


def opens(word: str, form: str, last: bool = False) -> bool:
    """Whether query word ``word`` finds the index form ``form`` as a compound
    it opens (or, being the ``last`` word of a query, as a word being typed):
    what engine.js does (FORMAT.md, "Compounds"; the builder does not use it,
    it states the contract for the shared tests)."""
    return form != word and form.startswith(word) and (last or len(word) >= COMPOUND_MIN)


def fold(word: str) -> str:
    """The word without diacritics (ë -> e, å -> a; ø and æ stay), as engine.js folds it."""
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", word)))


@lru_cache(maxsize=None)
def stemmer(lang: str) -> Callable[[str], str]:
    """The Snowball stemmer of a language; other languages keep their words."""
    if lang not in STEMMERS:
        return str
    return snowballstemmer.stemmer(STEMMERS[lang]).stemWord


class StemCache:
    """Stems of the words of each language, each word stemmed once."""

    def __init__(self) -> None:
        self.forms: dict[str, dict[str, str]] = defaultdict(dict)  # lang -> form -> stem

    def stems(self, lang: str, text: str) -> set[str]:
        seen = self.forms[lang]
        found = words(text, lang)
        missing = found.difference(seen)
        if missing:
            seen.update(zip(missing, map(stemmer(lang), missing)))
        return set(map(seen.__getitem__, found))

    def stems_of_forms(self) -> dict[str, set[str]]:
        """Every form seen, and its diacritic-free alias, with the stems it stands for."""
        out: dict[str, set[str]] = defaultdict(set)
        for seen in self.forms.values():
            for form, stem in seen.items():
                out[form].add(stem)
                if not form.isascii():
                    folded = fold(form)
                    if folded != form and len(folded) > 1:
                        out[folded].add(stem)
        return dict(out)
