"""The search and filter index of the programmes: static files that
``docs/assets/directory/engine.js`` queries in the browser.

``index_files(directory, url_of)`` returns the files below, by their path
under INDEX_FOLDER of the site (:func:`directory.site.build` puts them
there), and IndexStats.

Records are the programmes in display order: by name (``p.name.source``,
casefolded, then id). Record number ``i`` is the position in that order, and
every set of records below is a set of record numbers.

Encodings
---------
varint
    unsigned LEB128: 7 bits a byte, least significant group first, high bit
    set on every byte but the last.
set (of record numbers)
    a varint header ``h``, then ``h >> 1`` bytes of payload. ``h & 1 == 0``:
    a list, the payload is varints: the first record number, then the
    difference of each to the one before (ascending, no repeats).
    ``h & 1 == 1``: a bitset, record ``r`` is in the set when bit ``r & 7`` of
    payload byte ``r >> 3`` is 1; records past the payload's end are not.
    The builder writes whichever is shorter; the empty set is the byte 0.
tiers
    three sets in a row: the records that have a stem in their name, those
    that have it in their summary but not their name, and those that have it
    only elsewhere (description, organisation names, municipalities). A
    record's score for a query word is ``weights[tier]``.

Files
-----
``manifest.json``
    ``{"format": 1, "v": build hash (append as ?v= to the other files' URLs),
    "count": records, "root": site root relative to this folder ("../"),
    "weights": [name, summary, other], "metaChunk": records a meta file,
    "facets": [{"name", "label", "values": [[id, label, total] or
    [id, label, total, lang], ...]}, ...] (values with total 0 left out),
    "shards": [key, ...], "wide": [prefix, ...], "stop": [word, ...]}``.
    ``shards[i]`` is the lowest word text shard ``i`` can hold (``shards[0]``
    is ""): the shard of a word is the last one whose key is <= the word
    (strings compared by UTF-16 code units, as JavaScript does). ``stop`` is
    the union of the stop words of all languages (never indexed).
``facets.bin``
    one set per facet value, facets and values in manifest order.
``text/<i>.bin``
    shard ``i``: varint S, then S tiers (the shard's stems, numbered from 0);
    varint F, then F forms in ascending order, each: varint ``shared`` (UTF-16
    code units shared with the previous form), varint byte length and the
    UTF-8 bytes of the rest, varint M, then M varint stem numbers. A form is a
    lowercased NFC word seen in the texts (or, for a word with diacritics, the
    same word without them); its stems are what the Snowball stemmer of each
    text's language made of it. A stem's tiers are in every shard that has
    one of its forms.
``wide/<j>.bin``
    the tiers of every form starting with ``wide[j]`` (best tier per record),
    for the prefixes whose forms span more than one shard, so a prefix query
    reads one file: ``wide/<j>.bin`` if the prefix is in ``wide``, else the
    prefix's own shard.
``meta/<k>.json``
    records ``k * metaChunk`` onwards, each ``[url (relative to the site
    root), name, name language, English name or null, kind id, summary
    (English if there is one, shortened), summary language, [country ids]]``.

Text
----
Words are runs of at least two letters, digits or _ of the lowercased NFC
text, links left out, and not the stop words of the text's language
(``search/stopwords-<lang>.txt``). The language key of each text picks the
Snowball stemmer (nl: dutch, da: danish, en: english; other languages are
not stemmed); municipalities count as the programme's original language.
Stems are shared across languages: Dutch "familie" and English "family" are
both "famili".

The engine splits a query the same way. A word matches the records of every
stem its form stands for (so "kurset" finds "kurser"); a form the corpus
lacks is tried without diacritics, then as a prefix of forms; the last word
always also matches as a prefix. A stop word that matches nothing is
ignored.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import re
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

import snowballstemmer

from .gcpause import gc_paused
from .model import Directory, Programme

INDEX_FOLDER = "directory-index"
FORMAT = 1
SHARD_BYTES = 40_000  # a text shard stops growing at this size
META_CHUNK = 8  # records a meta file
SUMMARY_CHARS = 200  # a summary longer than this is shortened at a word
WEIGHTS = (4, 2, 1)  # name, summary, other
STOP_WORDS = Path(__file__).parent / "search"
STEMMERS = {"nl": "dutch", "da": "danish", "en": "english"}

FACETS = (  # name, label: the order of the directory page's fieldsets
    ("country", "Country"), ("region", "Region"), ("theme", "Theme"), ("kind", "Kind"),
    ("age", "Age"), ("status", "Status"), ("setting", "Setting"),
    ("organisation", "Organisation"), ("language", "Original language"),
)
NOT_STATED = ("not-stated", "Not stated")
AGE_BANDS = (  # id, label, first year, last year (None: open)
    ("0-3", "0–3 years", 0, 3),
    ("4-6", "4–6 years", 4, 6),
    ("7-12", "7–12 years", 7, 12),
    ("13-17", "13–17 years", 13, 17),
    ("18-plus", "18 and over", 18, None),
)
PRENATAL = ("prenatal", "Before birth")


@dataclass
class IndexStats:
    records: int = 0
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0


def age_bands(age_min: float | None, age_max: float | None, prenatal: bool) -> list[str]:
    """The age facet's values for a target group.

    A range is in band [a, b] when it overlaps it: age_min <= b and age_max
    >= a, age_min defaulting to 0 and age_max to no limit when only the other
    is given. A band's last year counts whole (3.5 is in "0-3"), so fractional
    ages fall in no gap."""
    bands = [PRENATAL[0]] if prenatal else []
    if age_min is None and age_max is None:
        return bands or [NOT_STATED[0]]
    lo = 0 if age_min is None else age_min
    hi = float("inf") if age_max is None else age_max
    for band, _, first, last in AGE_BANDS:
        if (last is None or lo < last + 1) and hi >= first:
            bands.append(band)
    return bands


def index_files(directory: Directory, url_of: Callable[[Programme], str]) -> tuple[dict[str, bytes], IndexStats]:
    """{path under the index folder: content} of ``directory``'s programmes, and
    its figures; ``url_of(p)`` is a programme's page URL relative to the site root."""
    start = time.perf_counter()
    with gc_paused():
        files, count = _index_files(directory, url_of)
    return files, IndexStats(count, len(files), sum(map(len, files.values())), time.perf_counter() - start)


def _index_files(directory: Directory, url_of: Callable[[Programme], str]) -> tuple[dict[str, bytes], int]:
    records = display_order(directory)
    facets, facet_sets = facet_values(directory, records)
    text = index_text(records)
    files: dict[str, bytes] = {"facets.bin": b"".join(map(encode_set, facet_sets))}
    shards, wide = text_files(text, files)
    files.update(meta_files(directory, records, url_of))
    manifest = {
        "format": FORMAT, "v": _hash(files), "count": len(records), "root": "../",
        "weights": list(WEIGHTS), "metaChunk": META_CHUNK, "facets": facets,
        "shards": shards, "wide": wide, "stop": sorted(set().union(*STOP.values()), key=_utf16),
    }
    files["manifest.json"] = _json(manifest)
    return files, len(records)


def display_order(directory: Directory) -> list[Programme]:
    return sorted(directory.programmes.values(), key=lambda p: p.sort_key)


# -- facets ------------------------------------------------------------------

def facet_values(directory: Directory, records: list[Programme]) -> tuple[list[dict], list[list[int]]]:
    """The manifest's facets and, in the same order, each value's records."""
    vocab = directory.vocab

    def terms(name: str) -> list[tuple[str, str]]:
        return [(t.id, t.en) for t in vocab.ordered(name)]

    orgs = sorted(directory.organisations.values(), key=lambda o: o.sort_key)
    choices = {  # facet -> ([(id, label[, lang])], values of a programme)
        "country": (terms("countries"), lambda p: p.countries),
        "region": (terms("regions"), lambda p: p.regions),
        "theme": (terms("themes"), lambda p: p.themes),
        "kind": (terms("kinds"), lambda p: [p.kind]),
        "age": ([PRENATAL] + [b[:2] for b in AGE_BANDS] + [NOT_STATED],
                lambda p: age_bands(p.age_min, p.age_max, p.prenatal)),
        "status": (terms("statuses") + [NOT_STATED], lambda p: [p.status or NOT_STATED[0]]),
        "setting": (terms("settings"), lambda p: p.settings),
        "organisation": ([(o.id, o.name.source, o.name.original) for o in orgs],
                         lambda p: [inv.organisation.id for inv in p.organisations]),
        "language": (terms("languages"), lambda p: [p.original_language]),
    }
    facets, sets = [], []
    for name, label in FACETS:
        values, of = choices[name]
        members: dict[str, list[int]] = defaultdict(list)
        for i, p in enumerate(records):
            for v in dict.fromkeys(of(p)):
                members[v].append(i)
        known = {v[0] for v in values}
        values = values + [(v, v) for v in members if v not in known]  # not in the vocabulary
        kept = [v for v in values if members[v[0]]]
        facets.append({"name": name, "label": label,
                       "values": [[v[0], v[1], len(members[v[0]]), *v[2:]] for v in kept]})
        sets.extend(members[v[0]] for v in kept)
    return facets, sets


# -- text ----------------------------------------------------------------------

_LINK = re.compile(r"(?:https?://|www\.|mailto:)\S+")
_WORD = re.compile(r"\w{2,}")  # letters, digits and _, as engine.js
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")  # combining


def _load_stop_words() -> dict[str, frozenset[str]]:
    stop = {}
    for path in sorted(STOP_WORDS.glob("stopwords-*.txt")):
        lines = (line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
        stop[path.stem.split("-", 1)[1]] = frozenset(" ".join(lines).split())
    return stop


STOP = _load_stop_words()


def words(text: str, lang: str = "") -> set[str]:
    """The distinct indexable words of a text in language ``lang``."""
    text = unicodedata.normalize("NFC", text).lower()
    if "://" in text or "www." in text or "mailto:" in text:
        text = _LINK.sub(" ", text)
    found = set(_WORD.findall(text))
    return found.difference(STOP.get(lang, ()))


def fold(word: str) -> str:
    """The word without diacritics (ë -> e, å -> a; ø and æ stay), as engine.js folds it."""
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", word)))


class StemCache:
    """Stems of the words of each language, each word stemmed once."""

    def __init__(self) -> None:
        self.forms: dict[str, dict[str, str]] = defaultdict(dict)  # lang -> form -> stem

    def stems(self, lang: str, text: str) -> set[str]:
        seen = self.forms[lang]
        found = words(text, lang)
        missing = found.difference(seen)
        if missing:
            seen.update(zip(missing, map(_stemmer(lang), missing)))
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


@lru_cache(maxsize=None)
def _stemmer(lang: str) -> Callable[[str], str]:
    if lang not in STEMMERS:
        return str
    return snowballstemmer.stemmer(STEMMERS[lang]).stemWord


def texts_by_tier(p: Programme) -> tuple[list[tuple[str, str]], ...]:
    """(lang, text) of the name, of the summary and of everything else."""
    other = list(p.description.by_lang.items())
    for inv in p.organisations:
        other.extend(inv.organisation.name.by_lang.items())
    other.extend((p.original_language, m) for m in p.municipalities)
    return list(p.name.by_lang.items()), list(p.summary.by_lang.items()), other


@dataclass
class TextIndex:
    stems_of: dict[str, set[str]]  # form -> stems
    tiers: dict[str, tuple[list[int], list[int], list[int]]]  # stem -> records by best tier


def index_text(records: list[Programme]) -> TextIndex:
    stemmer = StemCache()
    tiers: dict[str, tuple[list[int], list[int], list[int]]] = defaultdict(lambda: ([], [], []))
    for i, p in enumerate(records):
        seen: set[str] = set()
        for tier, texts in enumerate(texts_by_tier(p)):
            stems = set().union(*(stemmer.stems(lang, text) for lang, text in texts)) - seen
            seen |= stems
            for stem in stems:
                tiers[stem][tier].append(i)
    return TextIndex(stemmer.stems_of_forms(), dict(tiers))


def text_files(text: TextIndex, files: dict[str, bytes]) -> tuple[list[str], list[str]]:
    """Add the text shards and wide-prefix files; return the shard keys and wide prefixes."""
    forms = sorted(text.stems_of, key=_utf16)
    encoded = {stem: b"".join(map(encode_set, sets)) for stem, sets in text.tiers.items()}
    shards = pack(forms, text.stems_of, encoded)
    for i, shard in enumerate(shards):
        files[f"text/{i}.bin"] = shard_bytes(shard, text.stems_of, encoded)
    wide = wide_prefixes(shards)
    keys16 = [_utf16(f) for f in forms]
    for j, prefix in enumerate(wide):
        lo = bisect.bisect_left(keys16, _utf16(prefix))
        hi = bisect.bisect_left(keys16, _utf16(prefix + "\uffff"))
        stems = set().union(*(text.stems_of[f] for f in forms[lo:hi]))
        files[f"wide/{j}.bin"] = b"".join(map(encode_set, best_tiers(text.tiers[s] for s in stems)))
    return shard_keys(shards), wide


def pack(forms: list[str], stems_of: dict[str, set[str]], encoded: dict[str, bytes]) -> list[list[str]]:
    """Consecutive runs of the sorted forms, each shard at most SHARD_BYTES
    (unless one form alone is bigger)."""
    shards: list[list[str]] = [[]]
    size, stems_in = 0, set()
    for form in forms:
        stems = stems_of[form]
        cost = len(form.encode()) + 4 + 2 * len(stems)
        cost += sum(len(encoded[s]) for s in stems if s not in stems_in)
        if size + cost > SHARD_BYTES and shards[-1]:
            shards.append([])
            size, stems_in = 0, set()
            cost = len(form.encode()) + 4 + 2 * len(stems) + sum(len(encoded[s]) for s in stems)
        shards[-1].append(form)
        stems_in |= stems
        size += cost
    return shards


def shard_bytes(shard: list[str], stems_of: dict[str, set[str]], encoded: dict[str, bytes]) -> bytes:
    numbers: dict[str, int] = {}  # stem -> its number in the shard, by first use
    refs = [[numbers.setdefault(s, len(numbers)) for s in _in_order(stems_of[form])] for form in shard]
    parts = [varint(len(numbers)), *map(encoded.__getitem__, numbers), varint(len(shard))]
    previous = ""
    for form, ref in zip(shard, refs):
        common = _common_prefix(previous, form)
        rest = form[len(common):].encode()
        shared = len(common) if common.isascii() else len(_utf16(common)) // 2
        parts.append(_varints([shared, len(rest)]) + rest + _varints([len(ref), *ref]))
        previous = form
    return b"".join(parts)


def shard_keys(shards: list[list[str]]) -> list[str]:
    """For each shard the shortest prefix of its first form above the previous shard's last."""
    keys = [""]
    for before, shard in zip(shards, shards[1:]):
        last, first = before[-1], shard[0]
        n = 1
        while _utf16(first[:n]) <= _utf16(last):
            n += 1
        keys.append(first[:n])
    return keys


def wide_prefixes(shards: list[list[str]]) -> list[str]:
    """Prefixes whose forms are in more than one shard: those of the common
    prefix of the forms either side of a shard boundary."""
    wide: set[str] = set()
    for before, shard in zip(shards, shards[1:]):
        common = _common_prefix(before[-1], shard[0])
        wide.update(common[:n] for n in range(1, len(common) + 1))
    return sorted(wide, key=_utf16)


def best_tiers(tier_sets: Iterable[tuple[list[int], list[int], list[int]]]) -> list[list[int]]:
    """The union of several words' tiers, each record in its best tier only."""
    union: list[set[int]] = [set(), set(), set()]
    for sets in tier_sets:
        for u, records in zip(union, sets):
            u.update(records)
    union[1] -= union[0]
    union[2] -= union[0] | union[1]
    return [sorted(u) for u in union]


def _in_order(items: set[str]) -> Iterable[str]:
    return items if len(items) == 1 else sorted(items)


def _utf16(s: str) -> bytes:
    """Sort key: JavaScript's string order (UTF-16 code units)."""
    return s.encode("utf-16-be")


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


# -- display data --------------------------------------------------------------

def meta_files(directory: Directory, records: list[Programme], url_of: Callable[[Programme], str]) -> dict[str, bytes]:
    rows = [meta_row(p, url_of(p)) for p in records]
    return {f"meta/{k}.json": _json(rows[k * META_CHUNK:(k + 1) * META_CHUNK])
            for k in range((len(rows) + META_CHUNK - 1) // META_CHUNK)}


def meta_row(p: Programme, url: str) -> list:
    name_en = p.name.en if p.original_language != "en" and p.name.en != p.name.source else None
    summary_lang = "en" if p.summary.en else p.summary.original
    return [url, p.name.source, p.original_language, name_en, p.kind,
            shorten(p.summary.en or p.summary.source), summary_lang, p.countries]


def shorten(text: str, limit: int = SUMMARY_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(",;:.") + "…"


# -- encoding ------------------------------------------------------------------

def varint(n: int) -> bytes:
    out = bytearray()
    while n >= 0x80:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


_VARINTS = [varint(n) for n in range(1 << 14)]
_BIT = [1 << b for b in range(8)]
_ONE = [bytes([2, r]) for r in range(8)]  # {r}: a one-byte list (as short as the bitset)
_LIST_OF_ONE = {n: varint(n << 1) for n in (1, 2, 3)}  # header of a list of one varint of n bytes


def _varints(values: Iterable[int]) -> bytes:
    table, size = _VARINTS, len(_VARINTS)
    return b"".join([table[v] if v < size else varint(v) for v in values])


def encode_set(records: list[int]) -> bytes:
    """A sorted list of record numbers as a set (see the module docstring)."""
    if not records:
        return b"\x00"
    if len(records) == 1 and records[0] < len(_VARINTS):
        return _ONE[records[0]] if records[0] < 8 else _LIST_OF_ONE[len(_VARINTS[records[0]])] + _VARINTS[records[0]]
    nbytes = records[-1] // 8 + 1
    if len(records) <= nbytes:  # else a list takes at least as many bytes
        deltas = _varints([records[0], *map(int.__sub__, records[1:], records[:-1])])
        if len(deltas) <= nbytes:
            return varint(len(deltas) << 1) + deltas
    bits = bytearray(nbytes)
    for r in records:
        bits[r >> 3] |= _BIT[r & 7]
    return varint(nbytes << 1 | 1) + bytes(bits)


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def _hash(files: dict[str, bytes]) -> str:
    h = hashlib.sha1()
    for name in sorted(files):
        h.update(name.encode() + b"\0" + files[name])
    return h.hexdigest()[:12]
