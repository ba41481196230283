"""The files of the search and filter index of a directory's programmes.

``index_files(directory, url_of)`` returns them as {path under INDEX_FOLDER:
bytes} with IndexStats; the format of every file is FORMAT.md beside this
module (scripts/directory/search/FORMAT.md), which engine.js reads. Here:
which records, in which order, which facets and values, which texts in which
tier, and what each result shows; the words come from tokens.py and the
bytes from encode.py.
"""
from __future__ import annotations

import hashlib
import json
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

from ..gcpause import gc_paused
from ..model import Directory, Programme
from .encode import Tiers, encode_set, text_files, utf16
from .tokens import STOP, StemCache

INDEX_FOLDER = "directory-index"
FORMAT = 1
META_CHUNK = 8  # records a meta file
SUMMARY_CHARS = 200  # a summary longer than this is shortened at a word
WEIGHTS = (4, 2, 1)  # name, summary, other

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


def index_files(directory: Directory, url_of: Callable[[Programme], str]) -> tuple[dict[str, bytes], IndexStats]:
    """{path under the index folder: content} of ``directory``'s programmes,
    ``url_of(p)`` being a programme's page URL relative to the site root."""
    start = time.perf_counter()
    with gc_paused():
        records = display_order(directory)
        facets, facet_sets = facet_values(directory, records)
        text = index_text(records)
        files: dict[str, bytes] = {"facets.bin": b"".join(map(encode_set, facet_sets))}
        text_bytes, shards, wide = text_files(text.stems_of, text.tiers)
        files.update(text_bytes)
        files.update(meta_files(records, url_of))
        manifest = {
            "format": FORMAT, "v": _hash(files), "count": len(records), "root": "../",
            "weights": list(WEIGHTS), "metaChunk": META_CHUNK, "facets": facets,
            "shards": shards, "wide": wide, "stop": sorted(set().union(*STOP.values()), key=utf16),
        }
        files["manifest.json"] = _json(manifest)
    stats = IndexStats(len(records), len(files), sum(map(len, files.values())), time.perf_counter() - start)
    return files, stats


def display_order(directory: Directory) -> list[Programme]:
    return sorted(directory.programmes.values(), key=lambda p: p.sort_key)


# -- facets ------------------------------------------------------------------

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


def facet_values(directory: Directory, records: list[Programme]) -> tuple[list[dict], list[list[int]]]:
    """The manifest's facets and, in the same order, each value's records."""
    vocab = directory.vocab

    def terms(name: str) -> list[tuple[str, str]]:
        return [(t.id, t.en) for t in vocab.ordered(name)]

    orgs = sorted(directory.organisations.values(), key=lambda o: (o.name.source.casefold(), o.id))
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
    tiers: dict[str, Tiers]  # stem -> records by best tier


def index_text(records: list[Programme]) -> TextIndex:
    stemmer = StemCache()
    tiers: dict[str, Tiers] = defaultdict(lambda: ([], [], []))
    for i, p in enumerate(records):
        seen: set[str] = set()
        for tier, texts in enumerate(texts_by_tier(p)):
            stems = set().union(*(stemmer.stems(lang, text) for lang, text in texts)) - seen
            seen |= stems
            for stem in stems:
                tiers[stem][tier].append(i)
    return TextIndex(stemmer.stems_of_forms(), dict(tiers))


# -- display data --------------------------------------------------------------

def meta_files(records: list[Programme], url_of: Callable[[Programme], str]) -> dict[str, bytes]:
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


# -- manifest --------------------------------------------------------------------

def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def _hash(files: dict[str, bytes]) -> str:
    h = hashlib.sha1()
    for name in sorted(files):
        h.update(name.encode() + b"\0" + files[name])
    return h.hexdigest()[:12]
