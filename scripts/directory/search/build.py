"""The files of the search and filter index of a directory's programmes.

``index_files(directory, url_of)`` returns them as {path under INDEX_FOLDER:
bytes} with IndexStats; the format of every file is FORMAT.md beside this
module (scripts/directory/search/FORMAT.md), which engine.js reads. Here:
which records, in which order, which facets and values with their labels in
every language of the site, which texts in which tier (the vocabulary terms
a record carries are words of it too), and what each result shows; the words
come from tokens.py and the bytes from encode.py.

The index is one for the three sites (English at the root, Dutch under nl/,
Danish under da/): every label it holds comes in each language, and a page
picks its own.
"""
from __future__ import annotations

import hashlib
import json
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from ..facets import AGE_BANDS, FACETS, NOT_STATED, PRENATAL, age_bands
from ..gcpause import gc_paused
from ..words import shorten
from ..model import Directory, Organisation, Programme, Term, Texts
from ..render import i18n
from .encode import TIERS, Entry, encode_set, text_files, utf16
from .tokens import STOP, StemCache

INDEX_FOLDER = "directory-index"
FORMAT = 2
META_CHUNK = 8  # records a meta file
# a record's score for a query word, by the tier it has the word in (name,
# summary, term, other): for a form of the word itself, and for a form it
# only begins (a compound it opens, a word being typed), always less
WEIGHTS = (16, 8, 8, 4)
PART_WEIGHTS = (3, 2, 2, 1)
LANGUAGES = i18n.LANGUAGES  # the sites' languages; the first is the site at the root

# the vocabularies whose terms are words of the records that carry them:
# (group, vocabulary, the terms of a programme)
TERM_GROUPS = (
    ("theme", "themes", lambda p: p.themes),
    ("kind", "kinds", lambda p: [p.kind]),
    ("setting", "settings", lambda p: p.settings),
    ("who", "target_groups", lambda p: p.who),
    ("country", "countries", lambda p: p.countries),
    ("region", "regions", lambda p: p.regions),
)

Labels = dict[str, str]  # language -> label


@dataclass
class IndexStats:
    records: int = 0
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0


def index_files(directory: Directory, url_of: Callable[[Programme], str]) -> tuple[dict[str, bytes], IndexStats]:
    """{path under the index folder: content} of ``directory``'s programmes,
    ``url_of(p)`` being a programme's page URL relative to the root of a
    language's site (the same path under each)."""
    start = time.perf_counter()
    with gc_paused():
        records = display_order(directory)
        facets, facet_sets = facet_values(directory, records)
        terms = searchable_terms(directory)
        text = index_text(records, terms)
        files: dict[str, bytes] = {"facets.bin": b"".join(map(encode_set, facet_sets))}
        text_bytes, shards, wide = text_files(text.stems_of, text.entries)
        files.update(text_bytes)
        files.update(meta_files(records, url_of, terms))
        manifest = {
            "format": FORMAT, "v": _hash(files), "count": len(records), "root": "../",
            "languages": list(LANGUAGES), "weights": list(WEIGHTS), "partWeights": list(PART_WEIGHTS),
            "metaChunk": META_CHUNK, "facets": facets,
            "terms": [[t.group, t.id, t.labels] for t in terms.list],
            "shards": shards, "wide": wide, "stop": sorted(set().union(*STOP.values()), key=utf16),
        }
        files["manifest.json"] = _json(manifest)
    stats = IndexStats(len(records), len(files), sum(map(len, files.values())), time.perf_counter() - start)
    return files, stats


def display_order(directory: Directory) -> list[Programme]:
    return sorted(directory.programmes.values(), key=lambda p: p.sort_key)


# -- labels in every language ------------------------------------------------------

def words_of(key: str) -> Labels:
    """An interface text of the search catalogue (render/locales/<lang>/search.yaml) in every language."""
    return {lang: i18n.catalogue(lang).t(key) for lang in LANGUAGES}


def term_labels(term: Term) -> Labels:
    """A vocabulary term's label in every language; English where a language has none."""
    return {lang: term.label.by_lang.get(lang) or term.en for lang in LANGUAGES}


# -- facets ------------------------------------------------------------------

def facet_values(directory: Directory, records: list[Programme]) -> tuple[list[dict], list[list[int]]]:
    """The manifest's facets and, in the same order, each value's records.

    A value is [id, labels, total]: labels by language for the values of a
    vocabulary, the age bands and "not stated"; an organisation's name as it
    is, with its language: [id, name, total, lang]."""
    vocab = directory.vocab

    def terms(name: str) -> list[tuple]:
        return [(t.id, term_labels(t)) for t in vocab.ordered(name)]

    not_stated = (NOT_STATED, words_of("search.not_stated"))
    ages = ([(PRENATAL, words_of("search.age.prenatal"))]
            + [(band, words_of(f"search.age.{band}")) for band, _, _ in AGE_BANDS] + [not_stated])
    orgs = sorted(directory.organisations.values(), key=lambda o: (o.name.source.casefold(), o.id))
    choices = {  # facet -> ([(id, labels[, lang])], values of a programme)
        "country": (terms("countries"), lambda p: p.countries),
        "region": (terms("regions"), lambda p: p.regions),
        "theme": (terms("themes"), lambda p: p.themes),
        "kind": (terms("kinds"), lambda p: [p.kind]),
        "age": (ages, lambda p: age_bands(p.age_min, p.age_max, p.prenatal)),
        "status": (terms("statuses") + [not_stated], lambda p: [p.status or NOT_STATED]),
        "setting": (terms("settings"), lambda p: p.settings),
        "organisation": ([(o.id, o.name.source, o.name.original) for o in orgs],
                         lambda p: [inv.organisation.id for inv in p.organisations]),
        "language": (terms("languages"), lambda p: [p.original_language]),
    }
    facets, sets = [], []
    for name in FACETS:
        values, of = choices[name]
        members: dict[str, list[int]] = defaultdict(list)
        for i, p in enumerate(records):
            for v in dict.fromkeys(of(p)):
                members[v].append(i)
        known = {v[0] for v in values}
        values = values + [(v, v) for v in members if v not in known]  # not in the vocabulary
        kept = [v for v in values if members[v[0]]]
        facets.append({"name": name, "label": words_of(f"search.facet.{name}"),
                       "values": [[v[0], v[1], len(members[v[0]]), *v[2:]] for v in kept]})
        sets.extend(members[v[0]] for v in kept)
    return facets, sets


# -- the terms a reader may type ---------------------------------------------------------

@dataclass(frozen=True)
class SearchTerm:
    group: str  # theme, kind, setting, who, country, region
    id: str
    labels: Labels  # what the manifest shows, by language
    texts: tuple[tuple[str, str], ...]  # (lang, text) of every label (and plural) the term has


@dataclass
class Terms:
    list: list[SearchTerm]  # term number -> term, in group and vocabulary order
    numbers: dict[tuple[str, str], int]  # (group, id) -> term number

    def of(self, p: Programme) -> list[int]:
        """The term numbers of a programme, ascending."""
        found = {self.numbers[g, t] for g, _, values in TERM_GROUPS for t in values(p) if (g, t) in self.numbers}
        return sorted(found)


def searchable_terms(directory: Directory) -> Terms:
    out: list[SearchTerm] = []
    for group, vocab, _ in TERM_GROUPS:
        for term in directory.vocab.ordered(vocab):
            texts = list(term.label.by_lang.items())
            texts += [(lang, text) for lang, text in (term.extra.get("plural") or {}).items()
                      if isinstance(text, str)]
            out.append(SearchTerm(group, term.id, term_labels(term), tuple(dict.fromkeys(texts))))
    return Terms(out, {(t.group, t.id): n for n, t in enumerate(out)})


# -- text ----------------------------------------------------------------------

def page_texts(p: Programme) -> Iterator[tuple[str, str]]:
    """(lang, text) of everything a programme's page shows of its own but its
    name and summary: the description, every note (target group, period,
    where a value is derived from, organisations' parts, funding, evaluation),
    legal basis and milestones, link titles, the names of the organisations
    it names (involved, funding, evaluating) and its municipalities, and any
    text of a field the schema added since (Fields.other). Not the records it
    links to (parent, parts, contacts, sources): they have pages of their own."""
    texts: list[Texts] = [p.description, p.target_note, p.period_note, *p.derived.values()]
    orgs: list[Organisation] = []
    for inv in p.organisations:
        orgs.append(inv.organisation)
        texts.append(inv.note)
    for f in p.funding:
        texts.append(f.scope)
        if f.funder is not None:
            orgs.append(f.funder)
    if p.evaluation is not None:
        texts.append(p.evaluation.note)
        if p.evaluation.by is not None:
            orgs.append(p.evaluation.by)
    texts.extend(x.text for x in p.legal_basis)
    texts.extend(x.text for x in p.milestones)
    texts.extend(title for title, _ in p.links)
    texts.extend(other_texts(p.other))
    texts.extend({o.id: o.name for o in orgs}.values())
    for t in texts:
        yield from t.by_lang.items()
    for m in p.municipalities:
        yield p.original_language, m


def other_texts(value) -> Iterator[Texts]:
    """The texts in the values of fields the model reads by the schema (Fields.other)."""
    if isinstance(value, Texts):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from other_texts(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from other_texts(v)


def texts_by_tier(p: Programme) -> tuple[Iterable[tuple[str, str]], Iterable[tuple[str, str]], Iterable[tuple[str, str]]]:
    """(lang, text) of the name, of the summary and of everything else (the
    tier of the terms is the terms' own)."""
    return p.name.by_lang.items(), p.summary.by_lang.items(), page_texts(p)


@dataclass
class TextIndex:
    stems_of: dict[str, set[str]]  # form -> stems
    entries: dict[str, Entry]  # stem -> (records by best tier, term numbers)


def index_text(records: list[Programme], terms: Terms) -> TextIndex:
    stemmer = StemCache()
    term_stems = [set().union(*(stemmer.stems(lang, text) for lang, text in t.texts)) for t in terms.list]
    terms_of_stem: dict[str, list[int]] = defaultdict(list)
    for n, stems in enumerate(term_stems):
        for stem in stems:
            terms_of_stem[stem].append(n)
    tiers: dict[str, tuple[list[int], ...]] = defaultdict(lambda: tuple([] for _ in range(TIERS)))

    def stems_in(texts: Iterable[tuple[str, str]]) -> set[str]:
        by_lang: dict[str, list[str]] = defaultdict(list)
        for lang, text in texts:
            by_lang[lang].append(text)
        # one text a language: the same words, a fraction of the calls
        return set().union(*(stemmer.stems(lang, "\n".join(parts)) for lang, parts in by_lang.items()))

    for i, p in enumerate(records):
        name, summary, other = texts_by_tier(p)
        by_tier = (stems_in(name), stems_in(summary), set().union(*(term_stems[n] for n in terms.of(p))),
                   stems_in(other))
        seen: set[str] = set()
        for tier, stems in enumerate(by_tier):
            for stem in stems - seen:
                tiers[stem][tier].append(i)
            seen |= stems
    for stem in terms_of_stem:
        tiers[stem]  # a label's stem is a word of the index even when no record carries the term
    entries = {stem: Entry(sets, terms_of_stem.get(stem, [])) for stem, sets in tiers.items()}
    return TextIndex(stemmer.stems_of_forms(), entries)


# -- display data --------------------------------------------------------------

def meta_files(records: list[Programme], url_of: Callable[[Programme], str], terms: Terms) -> dict[str, bytes]:
    rows = [meta_row(p, url_of(p), terms.of(p)) for p in records]
    return {f"meta/{k}.json": _json(rows[k * META_CHUNK:(k + 1) * META_CHUNK])
            for k in range((len(rows) + META_CHUNK - 1) // META_CHUNK)}


def meta_row(p: Programme, url: str, term_numbers: list[int]) -> list:
    name_en = p.name.en if p.original_language != "en" and p.name.en != p.name.source else None
    summary_lang = "en" if p.summary.en else p.summary.original
    return [url, p.name.source, p.original_language, name_en, p.kind,
            shorten(p.summary.en or p.summary.source), summary_lang, p.countries, term_numbers]


# -- manifest --------------------------------------------------------------------

def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def _hash(files: dict[str, bytes]) -> str:
    h = hashlib.sha1()
    for name in sorted(files):
        h.update(name.encode() + b"\0" + files[name])
    return h.hexdigest()[:12]
