"""The builder's tokenizer against the shared cases in
scripts/directory/search/tokens.json, which tests/js/tokens.test.mjs holds
engine.js to: the words a text gives the index and a query, their stems,
folding, and which forms a query word opens as a compound."""
from __future__ import annotations

import json

import pytest

from support import ROOT
from directory.search.tokens import COMPOUND_MIN, STOP, fold, opens, query_words, stemmer, words

CASES = json.loads((ROOT / "scripts/directory/search/tokens.json").read_text(encoding="utf-8"))
TEXTS = CASES["texts"]


@pytest.mark.parametrize("case", TEXTS, ids=[c["about"] for c in TEXTS])
def test_the_words_of_a_text(case):
    assert sorted(words(case["text"], case["lang"])) == case["words"]
    assert query_words(case["text"]) == case["query"]
    assert {w: stemmer(case["lang"])(w) for w in case["words"]} == case["stems"]


@pytest.mark.parametrize("case", TEXTS, ids=[c["about"] for c in TEXTS])
def test_an_index_word_is_a_query_word_that_stands_for_itself(case):
    # what the engine makes of a form typed as it is, it finds in the index
    for word in case["words"]:
        assert query_words(word) == [word] and word in case["query"]
    # every query word the index leaves out is a single character, a stop
    # word of the text's language or a part of a link
    left_out = set(case["query"]) - set(case["words"])
    assert all(len(w) == 1 or w in STOP[case["lang"]] or w in _link_words(case["text"]) for w in left_out)


@pytest.mark.parametrize("word, folded", CASES["fold"])
def test_folding(word, folded):
    assert fold(word) == folded


@pytest.mark.parametrize("word, form, opens_it", CASES["compounds"])
def test_compounds(word, form, opens_it):
    assert opens(word, form) is opens_it
    # the last word of a query finds every form it begins (type-ahead)
    assert opens(word, form, last=True) is (form != word and form.startswith(word))
    # the engine searches an index of the texts for them (tests/js/tokens.test.mjs)
    assert any(form in c["words"] for c in TEXTS)
    assert query_words(word) == [word]


def test_the_cases_cover_the_contract():
    text = " ".join(c["text"] for c in TEXTS)
    assert {c["lang"] for c in TEXTS} == set(STOP) == {"nl", "da", "en"}
    assert "\u0301" in text and "https://" in text and "www." in text and "mailto:" in text
    assert any(ord(ch) > 0xFFFF for ch in text) and "’" in text and "-" in text and "_" in text
    stems = [stem for c in TEXTS for stem in c["stems"].values()]
    assert all(stems.count(s) > 1 for s in ("zin", "pleegzin", "kurs", "plejefamili", "famili"))
    compounds = CASES["compounds"]
    assert {o for _, _, o in compounds} == {True, False}
    # a word of COMPOUND_MIN letters opens, one letter less does not, counted in
    # letters (code points), not in UTF-16 units
    lengths = {len(w): o for w, f, o in compounds if f.startswith(w) and f != w}
    assert lengths[COMPOUND_MIN] and not lengths[COMPOUND_MIN - 1]
    assert any(ord(ch) > 0xFFFF for w, _, _ in compounds for ch in w)


def _link_words(text: str) -> set[str]:
    return {w for part in text.split() if part.startswith(("https://", "www.", "mailto:")) for w in query_words(part)}
