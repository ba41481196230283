"""What a reader sees is what the search finds: the labels of the terms a
programme carries (themes, kind, settings, target groups, countries and regions, in every
language) are words of it in a tier of their own, and every text of its page
is a word of it (the notes too). Read back with the format reader of
test_search_index.py; the query side is tests/js/engine.test.mjs."""
from __future__ import annotations

import dataclasses
import json

import pytest

from support import DATA, FIXTURES, directory_of, write_index
from test_search_index import Index
from directory.model import Contact, Organisation, Programme, Source, SourceRef, Texts
from directory.render import i18n
from directory.render import script_words as search_words
from directory.search import build

NAME, SUMMARY, TERM, OTHER = range(4)

PROGRAMMES = """
programmes:
  - id: notes
    kind: pilot
    original_language: nl
    name: {nl: Proefproject thuis}
    summary: {nl: Een korte samenvatting.}
    description: {nl: Beschrijving met beschrijvingswoord.}
    countries: [BE]
    regions: [BE-VLG]
    municipalities: [Gent]
    derived:
      countries: {en: "Gent, the derivationword city"}
    organisations:
      - {id: org-nl, role: lead, note: {nl: De rol is rolwoord.}}
    target_group:
      who: [foster-families]
      note: {nl: Voor doelgroepwoord gezinnen, en: For targetword families}
    themes: [foster-care]
    settings: [home-based]
    period: {start: "2019", note: {nl: Periode met periodewoord.}}
    funding:
      - amount: 1000
        currency: EUR
        funder: org-dk
        scope: {nl: Voor financieringswoord.}
    evaluation:
      status: planned
      by: org-nl
      note: {nl: Evaluatie met evaluatiewoord., en: An evaluationword.}
    legal_basis:
      - text: {nl: Decreet wetswoord.}
    milestones:
      - date: "2020"
        event: {nl: Start van mijlpaalwoord.}
    links:
      - {title: {nl: Linkwoord pagina}, url: "https://example.org/a"}
    sources: [{source: doc-a}]
    last_reviewed: "2026-11-23"

  - id: named
    kind: programme
    original_language: nl
    name: {nl: Pleegzorg Oost}
    summary: {nl: Begeleiding.}
    themes: [foster-care]
    sources: [{source: doc-a}]
    last_reviewed: "2026-11-23"

  - id: plain
    kind: programme
    original_language: da
    name: {da: Et andet tilbud}
    summary: {da: Noget helt andet.}
    themes: [child-poverty]
    sources: [{source: doc-b}]
    last_reviewed: "2026-11-23"
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("terms")
    directory = directory_of(tmp / "data", PROGRAMMES)
    write_index(directory, tmp / "index")
    return directory, Index(tmp / "index")


def tiers_of(index: Index, form: str) -> dict[str, int]:
    """id -> the best tier a form's stems have the record in."""
    ids, best = index.ids(), {}
    for tiers, _ in index.entries(index.shard_of(form)).get(form, []):
        for tier, records in enumerate(tiers):
            for r in records:
                best[ids[r]] = min(best.get(ids[r], tier), tier)
    return best


def terms_of(index: Index, form: str) -> set[tuple[str, str]]:
    terms = index.manifest["terms"]
    return {(terms[n][0], terms[n][1]) for _, numbers in index.entries(index.shard_of(form)).get(form, [])
            for n in numbers}


@pytest.mark.parametrize("word", [
    "beschrijvingswoord", "gent", "derivationword", "rolwoord", "doelgroepwoord", "targetword",
    "periodewoord", "financieringswoord", "evaluatiewoord", "evaluationword", "wetswoord",
    "mijlpaalwoord", "linkwoord",
    "kommune",  # org-dk ("Kommune DK") is named only as the funder
])
def test_every_text_of_a_programme_page_is_a_word_of_it_below_name_and_summary(index, word):
    _, idx = index
    assert tiers_of(idx, word) == {"notes": OTHER}, word


@pytest.mark.parametrize("form, terms", [
    ("pleegzorg", {("theme", "foster-care")}),  # nl
    ("plejefamilier", {("theme", "foster-care"), ("who", "foster-families")}),  # da: both
    ("foster", {("theme", "foster-care"), ("who", "foster-families")}),  # en
    ("pleeggezinnen", {("who", "foster-families")}),
    ("huis", {("setting", "home-based")}),  # "Aan huis"
    ("pilot", {("kind", "pilot")}),
    ("pilootprojecten", {("kind", "pilot")}),  # a kind's plural
    ("belgium", {("country", "BE")}),  # en; countries and regions are words too
    ("belgie", {("country", "BE")}),  # nl "België", folded
    ("flandern", {("region", "BE-VLG")}),  # da
    ("vlaanderen", {("region", "BE-VLG")}),  # nl
])
def test_the_labels_of_a_programmes_terms_are_words_of_it_in_every_language(index, form, terms):
    _, idx = index
    assert terms_of(idx, form) >= terms
    found = tiers_of(idx, form)
    assert found["notes"] == TERM
    assert "plain" not in found


def test_a_term_word_in_the_name_ranks_as_the_name(index):
    _, idx = index
    # "named" has the theme Foster care and "Pleegzorg" in its name: its best tier is the name
    assert tiers_of(idx, "pleegzorg") == {"notes": TERM, "named": NAME}


def test_a_label_no_record_carries_is_a_word_that_finds_nothing(index):
    _, idx = index
    # Danish "Søskende" (siblings): nobody has the theme
    assert tiers_of(idx, "søskende") == {}
    assert terms_of(idx, "søskende") == {("theme", "siblings")}


# -- every text of the page, whatever fields the model has -------------------------------

def reachable_texts(p: Programme) -> list[Texts]:
    """Every text a programme holds, walked generically: its own fields' texts
    (but name and summary), and the names of the organisations it names. The
    records it links to are not walked: they have pages of their own."""
    out: list[Texts] = []

    def walk(value):
        if isinstance(value, Texts):
            out.append(value)
        elif isinstance(value, Organisation):
            out.append(value.name)
        elif isinstance(value, (Programme, Contact, Source, SourceRef)):
            return
        elif dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)

    for f in dataclasses.fields(p):
        if f.name not in ("name", "summary"):
            walk(getattr(p, f.name))
    return out


@pytest.mark.parametrize("folder", [DATA, FIXTURES / "golden", None], ids=["real", "golden", "notes"])
def test_the_index_takes_every_text_the_model_has(folder, tmp_path):
    directory = directory_of(tmp_path / "data", PROGRAMMES) if folder is None else directory_of(folder)
    checked = 0
    for p in directory.programmes.values():
        indexed = set(build.page_texts(p))
        for texts in reachable_texts(p):
            for item in texts.by_lang.items():
                assert item in indexed, (p.id, item)
                checked += 1
        for m in p.municipalities:
            assert (p.original_language, m) in indexed
    assert checked > 10


# -- the words of the scripts ---------------------------------------------------------------

def test_the_scripts_words_are_the_catalogues(tmp_path):
    for lang in i18n.LANGUAGES:
        texts = i18n.catalogue(lang).texts
        for area in search_words.AREAS:
            words = search_words.script_words(lang, area)
            assert words and all(key.startswith((f"search.{area}.", "search.why.")) for key in words)
            assert all(words[key] == texts[key] for key in words)
    assert search_words.script_words("nl", "page")["search.page.count"] == {
        "one": "{n} programma", "other": "{n} programma's"}
    with pytest.raises(ValueError):
        search_words.script_words("en", "nothing")


def test_the_words_block_cannot_end_its_script_element(tmp_path, monkeypatch):
    hostile = "</script><script>alert(1)</script><!-- & -->"
    for lang in ("en", "nl", "da"):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "search.yaml").write_text(
            f"search.page.more: {json.dumps(hostile)}\nsearch.why.theme: \"{{label}}\"\n", encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALES", tmp_path)
    i18n.catalogue.cache_clear()
    try:
        block = str(search_words.words_script("dir-words", "nl", "page"))
    finally:
        i18n.catalogue.cache_clear()
    start, end = '<script type="application/json" id="dir-words">', "</script>"
    assert block.startswith(start) and block.endswith(end)
    body = block[len(start):-len(end)]
    assert not set("<>&") & set(body)
    assert json.loads(body) == {"search.page.more": hostile, "search.why.theme": "{label}"}
    with pytest.raises(ValueError):
        search_words.words_script('x" onload="', "en", "page")


def test_every_term_group_says_why_in_every_language():
    """A result names the term that matched (shared.js resultReasons: search.why.<group>)."""
    for lang in i18n.LANGUAGES:
        texts = i18n.catalogue(lang).texts
        for group, _, _ in build.TERM_GROUPS:
            assert "{label}" in texts[f"search.why.{group}"], (lang, group)
