"""The search index builder: age bands, the file format (read back here by a
small independent reader of the format in scripts/directory/search/FORMAT.md),
stemming, facet totals, shards and the real data. The query semantics are
tested on the JavaScript engine itself: tests/js/engine.test.mjs."""
from __future__ import annotations

import bisect
import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from support import DATA, FIXTURES, directory_of, write_index
from directory import model
from directory.search import IndexStats, build, encode
from directory.facets import age_bands
from directory.search.encode import encode_set
from directory.search.tokens import fold, words
from directory.words import SUMMARY_CHARS


# -- a reader of the format, written from FORMAT.md -----------------------------------

def read_varint(data: bytes, pos: int) -> tuple[int, int]:
    value, shift = 0, 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def read_set(data: bytes, pos: int) -> tuple[set[int], int]:
    header, pos = read_varint(data, pos)
    end = pos + header // 2
    if header % 2:
        return {8 * i + b for i in range(end - pos) for b in range(8) if data[pos + i] >> b & 1}, end
    out, previous = set(), None
    while pos < end:
        delta, pos = read_varint(data, pos)
        previous = delta if previous is None else previous + delta
        out.add(previous)
    return out, end


def read_entry(data: bytes, pos: int) -> tuple[tuple[list[set[int]], list[int]], int]:
    """(tiers: name, summary, term, other; term numbers) and the position after."""
    tiers = []
    for _ in range(4):
        s, pos = read_set(data, pos)
        tiers.append(s)
    count, pos = read_varint(data, pos)
    terms = []
    for _ in range(count):
        t, pos = read_varint(data, pos)
        terms.append(t)
    return (tiers, terms), pos



class Index:
    def __init__(self, folder: Path):
        self.folder = folder
        self.manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        self.count = self.manifest["count"]

    def meta(self) -> list[list]:
        rows, k = [], 0
        while (self.folder / f"meta/{k}.json").exists():
            rows += json.loads((self.folder / f"meta/{k}.json").read_text(encoding="utf-8"))
            k += 1
        return rows

    def ids(self) -> list[str]:
        return [row[0].split("/")[1] for row in self.meta()]

    def facet_sets(self) -> dict[tuple[str, str], set[int]]:
        data, pos, out = (self.folder / "facets.bin").read_bytes(), 0, {}
        for facet in self.manifest["facets"]:
            for value in facet["values"]:
                out[facet["name"], value[0]], pos = read_set(data, pos)
        assert pos == len(data)
        return out

    def shard(self, i: int) -> dict[str, list[list[set[int]]]]:
        """form -> the tiers of its stems."""
        return {form: [tiers for tiers, _ in entries] for form, entries in self.entries(i).items()}

    def entries(self, i: int) -> dict[str, list[tuple[list[set[int]], list[int]]]]:
        """form -> the entries (tiers, term numbers) of its stems."""
        data = (self.folder / f"text/{i}.bin").read_bytes()
        count, pos = read_varint(data, 0)
        stems = []
        for _ in range(count):
            entry, pos = read_entry(data, pos)
            stems.append(entry)
        n, pos = read_varint(data, pos)
        forms, previous = {}, ""
        for _ in range(n):
            shared, pos = read_varint(data, pos)
            length, pos = read_varint(data, pos)
            form = previous.encode("utf-16-le")[:2 * shared].decode("utf-16-le") + data[pos:pos + length].decode()
            pos += length
            m, pos = read_varint(data, pos)
            numbers = []
            for _ in range(m):
                s, pos = read_varint(data, pos)
                numbers.append(s)
            forms[form] = [stems[s] for s in numbers]
            previous = form
        assert pos == len(data)
        assert list(forms) == sorted(forms, key=utf16)
        return forms

    def shard_of(self, word: str) -> int:
        return bisect.bisect_right([utf16(k) for k in self.manifest["shards"]], utf16(word)) - 1

    def find(self, word: str) -> set[str]:
        """The ids of the records with any stem of an exact form (no prefix)."""
        tiers = self.shard(self.shard_of(word)).get(word, [])
        ids = self.ids()
        return {ids[r] for t in tiers for s in t for r in s}


def utf16(s: str) -> bytes:
    return s.encode("utf-16-be")


# -- age bands --------------------------------------------------------------------------

@pytest.mark.parametrize("age_min, age_max, prenatal, bands", [
    (None, None, False, ["not-stated"]),
    (None, None, True, ["prenatal"]),
    (0, 3, False, ["0-3"]),
    (0, 6, True, ["prenatal", "0-3", "4-6"]),
    (3, 4, False, ["0-3", "4-6"]),  # band boundaries belong to both sides' bands
    (4, 6, False, ["4-6"]),
    (6, 7, False, ["4-6", "7-12"]),
    (12, 13, False, ["7-12", "13-17"]),
    (17, 18, False, ["13-17", "18-plus"]),
    (18, 25, False, ["18-plus"]),
    (18, None, False, ["18-plus"]),  # open upwards
    (5, None, False, ["4-6", "7-12", "13-17", "18-plus"]),
    (0, None, False, ["0-3", "4-6", "7-12", "13-17", "18-plus"]),
    (None, 0, False, ["0-3"]),  # only a maximum: from 0
    (None, 12, True, ["prenatal", "0-3", "4-6", "7-12"]),
    (None, 17.5, False, ["0-3", "4-6", "7-12", "13-17"]),
    (3.5, 3.9, False, ["0-3"]),  # between two bands' whole years: the band of year 3
    (12.5, 12.5, False, ["7-12"]),
    (17.9, 18, False, ["13-17", "18-plus"]),
    (40, 60, False, ["18-plus"]),
])
def test_age_bands(age_min, age_max, prenatal, bands):
    assert age_bands(age_min, age_max, prenatal) == bands


# -- sets ---------------------------------------------------------------------------------

@pytest.mark.parametrize("records", [
    [], [0], [7], [8], [5, 6, 7, 300], list(range(0, 1000, 3)), list(range(64)),
    [16383, 16384, 2 ** 21, 2 ** 35], list(range(100_000, 100_040)),
])
def test_sets_round_trip_in_the_shorter_encoding(records):
    data = encode_set(records)
    back, end = read_set(data, 0)
    assert back == set(records) and end == len(data)
    header, _ = read_varint(data, 0)
    if records:
        deltas = [records[0]] + [b - a for a, b in zip(records, records[1:])]
        as_list = sum(max(1, (d.bit_length() + 6) // 7) for d in deltas)
        assert header // 2 == min(as_list, records[-1] // 8 + 1)


# -- words and stems ------------------------------------------------------------------------

def test_words_are_lowercased_nfc_without_stop_words_links_or_single_letters():
    text = "De Pleeggezinnen (zie https://example.org/trauma) en CAFE\u0301 x 0-3 jaar_oud"
    assert words(text, "nl") == {"pleeggezinnen", "zie", "café", "jaar_oud"}
    assert words("The families of the child's home", "en") == {"families", "child", "home"}
    assert words("Børn og plejefamilier", "da") == {"børn", "plejefamilier"}
    assert fold("geëvalueerd") == "geevalueerd" and fold("børn") == "børn" and fold("år") == "ar"


STEMMING = """
programmes:
  - id: da-plural
    kind: programme
    original_language: da
    name: {da: Støtte til plejefamilierne}
    summary: {da: Kurser for plejefamilierne.}
    countries: [DK]
    sources: [{source: doc-b}]
    last_reviewed: "2026-11-23"
  - id: da-singular
    kind: course
    original_language: da
    name: {da: En plejefamilie}
    summary: {da: Kurset varer ti uger.}
    sources: [{source: doc-b}]
    last_reviewed: "2026-11-23"
  - id: nl-plural
    kind: programme
    original_language: nl
    name: {nl: Steun voor pleeggezinnen}
    summary: {nl: Alle gezinnen krijgen hulp., en: Every household gets help.}
    sources: [{source: doc-a}]
    last_reviewed: "2026-11-23"
  - id: nl-singular
    kind: programme
    original_language: nl
    name: {nl: Een pleeggezin}
    summary: {nl: Elk gezin telt., en: Every family counts.}
    description:
      nl: Ondersteuning thuis.
      en: Families and their children.
    sources: [{source: doc-a}]
    last_reviewed: "2026-11-23"
"""


@pytest.fixture(scope="module")
def stemming_index(tmp_path_factory) -> Index:
    tmp = tmp_path_factory.mktemp("stemming")
    write_index(directory_of(tmp / "data", STEMMING), tmp / "index")
    return Index(tmp / "index")


@pytest.mark.parametrize("word, ids", [
    ("plejefamilie", {"da-plural", "da-singular"}),  # finds plejefamilierne
    ("plejefamilierne", {"da-plural", "da-singular"}),
    ("pleeggezinnen", {"nl-plural", "nl-singular"}),  # finds pleeggezin
    ("gezinnen", {"nl-plural", "nl-singular"}),  # finds gezin
    ("families", {"nl-singular"}),  # family and families
    ("family", {"nl-singular"}),
    ("kurset", {"da-plural", "da-singular"}),  # finds kurser
    ("kurser", {"da-plural", "da-singular"}),
    ("geevalueerd", set()),
])
def test_a_form_finds_every_record_with_a_form_of_its_stem(stemming_index, word, ids):
    assert stemming_index.find(word) == ids


def test_each_text_is_stemmed_in_its_own_language(stemming_index):
    # "every" is an English form only; the Dutch "elk" only Dutch; stop words of
    # the text's language are not forms at all
    assert stemming_index.find("every") == {"nl-plural", "nl-singular"}
    assert stemming_index.find("elk") == {"nl-singular"}
    for stop in ("de", "voor", "til", "og", "the", "and", "een", "en"):
        assert stemming_index.find(stop) == set(), stop


def test_tiers_rank_name_over_summary_over_the_rest(stemming_index):
    ids = stemming_index.ids()
    shard = stemming_index.shard(stemming_index.shard_of("pleeggezinnen"))
    (name, summary, term, other), = shard["pleeggezinnen"]
    assert {ids[r] for r in name} == {"nl-plural", "nl-singular"} and not summary and not term and not other
    # "family" is in the summary and "families" in the description: one stem,
    # and the record in its best tier only ("families" also stands for the
    # Dutch stem of the theme label "Families versterken", which no record has)
    (family,) = stemming_index.shard(stemming_index.shard_of("family"))["family"]
    name, summary, term, other = family
    assert not name and {ids[r] for r in summary} == {"nl-singular"} and not term and not other
    assert family in shard["families"] and all(not any(t) for t in shard["families"] if t != family)


# -- the index of a directory ---------------------------------------------------------------

@pytest.fixture(scope="module")
def real(tmp_path_factory):
    directory = directory_of(DATA)
    out = tmp_path_factory.mktemp("real") / "directory-index"
    stats = write_index(directory, out)
    return directory, Index(out), stats


def expected_totals(directory: model.Directory) -> Counter:
    """(facet, value) -> number of programmes, counted straight from the model."""
    totals: Counter = Counter()
    for p in directory.programmes.values():
        values = {
            "country": p.countries, "region": p.regions, "theme": p.themes, "kind": [p.kind],
            "age": age_bands(p.age_min, p.age_max, p.prenatal), "status": [p.status or "not-stated"],
            "setting": p.settings, "organisation": {inv.organisation.id for inv in p.organisations},
            "language": [p.original_language],
        }
        for facet, vs in values.items():
            totals.update((facet, v) for v in set(vs))
    return totals


@pytest.mark.parametrize("folder", [DATA, FIXTURES / "golden"], ids=["real", "golden"])
def test_facet_totals_and_sets_agree_with_the_model(folder, tmp_path):
    directory = directory_of(folder)
    write_index(directory, tmp_path / "index")
    index = Index(tmp_path / "index")
    listed = {(f["name"], v[0]): v[2] for f in index.manifest["facets"] for v in f["values"]}
    assert listed == expected_totals(directory)
    sets = index.facet_sets()
    assert {k: len(s) for k, s in sets.items()} == listed
    by_id = {p.id: p for p in directory.programmes.values()}
    ids = index.ids()
    for (facet, value), records in sets.items():
        if facet == "country":
            assert all(value in by_id[ids[r]].countries for r in records)


def test_facet_values_are_in_vocabulary_order_with_labels_in_every_language(real):
    directory, index, _ = real
    facets = {f["name"]: f for f in index.manifest["facets"]}
    assert index.manifest["languages"] == ["en", "nl", "da"]
    assert [f["name"] for f in index.manifest["facets"]] == list(build.FACETS)
    themes = [v[0] for v in facets["theme"]["values"]]
    assert themes == [t.id for t in directory.vocab.ordered("themes") if t.id in themes]
    assert all(v[1]["en"] == directory.vocab.label("themes", v[0]) for v in facets["theme"]["values"])
    # each vocabulary value's label in every language, from the vocabularies
    vocabularies = {"country": "countries", "region": "regions", "theme": "themes", "kind": "kinds",
                    "setting": "settings", "language": "languages", "status": "statuses"}
    for facet, vocab in vocabularies.items():
        for v in facets[facet]["values"]:
            if v[0] == "not-stated":
                continue
            label = directory.vocab.term(vocab, v[0]).label.by_lang
            assert v[1] == {lang: label.get(lang, label["en"]) for lang in ("en", "nl", "da")}, (facet, v)
    assert facets["theme"]["label"] == {"en": "Theme", "nl": "Thema", "da": "Tema"}
    ages = [v[0] for v in facets["age"]["values"]]
    assert ages == [a for a in ["prenatal", "0-3", "4-6", "7-12", "13-17", "18-plus", "not-stated"] if a in ages]
    assert {v[0]: v[1] for v in facets["age"]["values"]}["not-stated"] == {
        "en": "Not stated", "nl": "Niet vermeld", "da": "Ikke oplyst"}
    orgs = facets["organisation"]["values"]
    assert all(v[1] == directory.organisations[v[0]].name.source and v[3] for v in orgs)
    assert all(v[2] > 0 for f in facets.values() for v in f["values"])


def test_every_programme_is_a_record_in_name_order(real):
    directory, index, stats = real
    ids = index.ids()
    assert sorted(ids) == sorted(directory.programmes) and index.count == len(ids)
    names = [directory.programmes[i].name.source.casefold() for i in ids]
    assert names == sorted(names)
    rows = index.meta()
    terms = index.manifest["terms"]
    for (url, name, lang, name_en, kind, summary, summary_lang, countries, carried), pid in zip(rows, ids):
        p = directory.programmes[pid]
        assert url == f"programmes/{pid}/" and name == p.name.source and lang == p.original_language
        assert kind == p.kind and countries == p.countries
        assert name_en in (None, p.name.en) and summary_lang in p.summary.by_lang
        assert len(summary) <= SUMMARY_CHARS + 1
        assert carried == sorted(carried)
        assert sorted((terms[n][0], terms[n][1]) for n in carried) == sorted(
            [("theme", t) for t in p.themes] + [("kind", p.kind)] + [("setting", s) for s in p.settings]
            + [("who", w) for w in p.who] + [("country", c) for c in p.countries]
            + [("region", r) for r in p.regions])
    assert stats.records == len(ids)


def test_stats_count_the_files_written(real):
    _, index, stats = real
    files = [f for f in index.folder.rglob("*") if f.is_file()]
    assert stats.files == len(files) and stats.bytes == sum(f.stat().st_size for f in files)
    assert stats.seconds > 0


def test_every_word_of_a_name_finds_its_record(real):
    directory, index, _ = real
    for p in directory.programmes.values():
        for lang, text in p.name.by_lang.items():
            for word in words(text, lang):
                assert p.id in index.find(word), (p.id, word)


def test_building_again_gives_the_same_files(tmp_path):
    """(That a folder written again keeps no file of the earlier index: test_site.py.)"""
    directory = directory_of(FIXTURES / "golden")
    write_index(directory, tmp_path / "a")
    write_index(directory_of(FIXTURES / "golden"), tmp_path / "b")
    files = lambda root: {f.relative_to(root): f.read_bytes() for f in root.rglob("*") if f.is_file()}
    assert files(tmp_path / "a") == files(tmp_path / "b")


def test_small_shards_split_the_words_and_wide_prefixes_cover_every_boundary(tmp_path, monkeypatch):
    monkeypatch.setattr(encode, "SHARD_BYTES", 1500)
    directory = directory_of(DATA)
    write_index(directory, tmp_path)
    index = Index(tmp_path)
    keys, wide = index.manifest["shards"], index.manifest["wide"]
    assert len(keys) > 10 and keys[0] == "" and keys == sorted(keys, key=utf16)
    shards = [index.shard(i) for i in range(len(keys))]
    for i, shard in enumerate(shards):
        assert (tmp_path / f"text/{i}.bin").stat().st_size <= 1500 or len(shard) == 1
        assert all(index.shard_of(form) == i for form in shard)
    forms = {form: tiers for shard in shards for form, tiers in shard.items()}
    assert sum(map(len, shards)) == len(forms)  # each form in one shard
    prefixes = {form[:n] for form in forms for n in range(1, len(form) + 1)}
    for prefix in prefixes:
        spans = index.shard_of(prefix) != index.shard_of(prefix + "\uffff")
        assert spans == (prefix in wide), prefix
    entries = {form: e for i in range(len(keys)) for form, e in index.entries(i).items()}
    for j, prefix in enumerate(wide):
        (tiers, terms), _ = read_entry((tmp_path / f"wide/{j}.bin").read_bytes(), 0)
        union, expected_terms = [set(), set(), set(), set()], set()
        for form, stems in entries.items():
            if form.startswith(prefix):
                for stem_tiers, stem_terms in stems:
                    expected_terms.update(stem_terms)
                    for u, t in zip(union, stem_tiers):
                        u |= t
        better, expected = set(), []
        for u in union:
            expected.append(u - better)
            better |= u
        assert tiers == expected and terms == sorted(expected_terms), prefix


def test_shards_stay_under_the_limit_at_scale(tmp_path):
    """Many records with many distinct words."""
    vocabulary = [f"woord{n}x" for n in range(3000)]
    records = [{
        "id": f"p{i:03d}", "kind": "programme", "original_language": "nl",
        "name": {"nl": f"Programma {i:03d} {vocabulary[i]}"},
        "summary": {"nl": f"Samenvatting {vocabulary[i * 7 % 3000]}."},
        "description": {"nl": " ".join(vocabulary[(i * 37 + k * 11) % 3000] for k in range(120))},
        "sources": [{"source": "doc-a"}], "last_reviewed": "2026-11-23",
    } for i in range(400)]
    directory = directory_of(tmp_path / "data", yaml.safe_dump({"programmes": records}, allow_unicode=True))
    stats = write_index(directory, tmp_path / "index")
    assert stats.records == 400
    sizes = [f.stat().st_size for f in (tmp_path / "index" / "text").iterdir()]
    assert len(sizes) > 1 and max(sizes) <= encode.SHARD_BYTES
    assert Index(tmp_path / "index").find("woord1234x")


def test_empty_directory(tmp_path):
    directory = directory_of(tmp_path / "data", "programmes: []\n")
    stats = write_index(directory, tmp_path / "index")
    assert stats == IndexStats(0, stats.files, stats.bytes, stats.seconds)
    index = Index(tmp_path / "index")
    assert index.count == 0 and index.manifest["shards"] == [""] and index.ids() == []
