"""The search index's bytes are pinned: the same records give the same files.

The index is a file format that engine.js reads (scripts/directory/search/
FORMAT.md); a change to the builder that changes a single byte is a format
change, to be made on purpose. This test builds the index of the golden
fixture and of a synthetic set made here (a few hundred records in Dutch,
Danish and English with diacritics in both compositions, apostrophes,
hyphens, digits, links, letters outside the BMP, stop words, municipalities
and every facet; large enough for several text shards and wide prefixes)
and compares a digest of all the files with the one the builder gave when
the digest was pinned.

When a change of the index is intended: check it against engine.js and its
tests, update FORMAT.md, and pin the digests this test prints.
"""
from __future__ import annotations

import hashlib
import json
from random import Random

import pytest
import yaml

from support import FIXTURES, directory_of
from directory.render import programme_path
from directory.search import index_files

# name -> (files, bytes, sha256 of the files in name order)
PINNED = {
    "golden": (4, 14497, "570b18c8cb68dfc2ed712b51227731dad2aa459ef9bdaaaea89e6e28c8d2f355"),
    "synthetic": (61, 161273, "568e69f63b17a001a2b5483940ef805fe64fcdd26eae9d5c44cfd2dc3d094b9a"),
}

WORDS = {
    "nl": ("pleeggezin pleeggezinnen gezin gezinnen geëvalueerd ouders opvoeding kinderen jeugdhulp "
           "zorg begeleiding thuis armoede één reünie ruïne naïef coöperatie hulp 's-Hertogenbosch "
           "de het een en van voor met op zijn"),
    "da": ("børn familie familier plejefamilie plejefamilierne kurser kurset kursus forældre anbringelse "
           "støtte hjælp ældre Ærø år unge indsats kommune sårbare trivsel og til af i på er"),
    "en": ("family families children child's foster carers caring support home parenting out-of-home "
           "well-being naïve résumé the and of for to with café"),
}
SYLLABLES = "ver zorg ge zin hulp kin der ouw ing en ø æ å ë ï é be ge lei dings ar moe de 𝔣 家 ø".split()
DECOMPOSED = ["Cafe\u0301", "gee\u0308valueerd", "a\u030arlig", "Bo\u0308rn"]  # NFD spellings


def synthetic(n: int = 360, seed: int = 11) -> str:
    """YAML of ``n`` programmes, the same for the same ``n`` and ``seed``."""
    rnd = Random(seed)

    def coined() -> str:  # a made-up word: many distinct forms, so several shards
        return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4)))

    def text(lang: str, count: int) -> str:
        pool = WORDS[lang].split()
        out = []
        for _ in range(count):
            r = rnd.random()
            out.append(coined() if r < 0.35 else rnd.choice(DECOMPOSED) if r < 0.38
                       else str(rnd.randint(0, 2030)) if r < 0.42 else rnd.choice(pool))
        if rnd.random() < 0.1:
            out.insert(rnd.randrange(len(out) + 1), f"https://example.org/{coined()}")
        if rnd.random() < 0.5:
            out[0] = out[0].capitalize()
        return " ".join(out)

    records = []
    for i in range(n):
        lang = ("nl", "da", "en")[i % 3]
        country = {"nl": rnd.choice(["BE", "NL"]), "da": "DK", "en": rnd.choice(["BE", "NL", "DK"])}[lang]
        p = {
            "id": f"p{i:04d}", "kind": rnd.choice(["programme", "pilot", "initiative", "course"]),
            "original_language": lang,
            "name": {lang: text(lang, rnd.randint(1, 4))},
            "summary": {lang: text(lang, rnd.randint(3, 12))},
            "countries": [country],
            "sources": [{"source": "doc-a"}], "last_reviewed": "2026-11-23",
        }
        if lang != "en" and rnd.random() < 0.6:
            p["name"]["en"] = text("en", rnd.randint(1, 4))
            p["summary"]["en"] = text("en", rnd.randint(3, 12))
        if rnd.random() < 0.7:
            p["description"] = {lang: text(lang, rnd.randint(10, 60))}
        if rnd.random() < 0.5:
            p["themes"] = sorted(rnd.sample(["placement-prevention", "family-strengthening",
                                             "parenting-support", "child-poverty", "foster-care"], 2))
        if rnd.random() < 0.4:
            p["settings"] = [rnd.choice(["home-based", "residential", "group", "training"])]
        if rnd.random() < 0.5:
            p["status"] = rnd.choice(["planned", "active", "ended"])
        if rnd.random() < 0.6:
            low = rnd.choice([None, 0, 3, 4, 6, 12, 17.5, 18])
            high = rnd.choice([None, 3, 6, 12, 18, 25])
            group = {"who": ["children"]}
            if low is not None:
                group["age_min"] = low
            if high is not None and (low is None or high >= low):
                group["age_max"] = high
            if rnd.random() < 0.2:
                group["prenatal"] = True
            p["target_group"] = group
        if rnd.random() < 0.5:
            p["organisations"] = [{"id": "org-dk" if country == "DK" else "org-nl", "role": "lead"}]
        records.append(p)
    return yaml.safe_dump({"programmes": records}, allow_unicode=True, sort_keys=False)


def url_of(p) -> str:
    return programme_path(p)[:-len(".md")] + "/"


def digest(files: dict[str, bytes]) -> tuple[int, int, str]:
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode() + b"\0" + len(files[name]).to_bytes(8, "big") + files[name])
    return len(files), sum(map(len, files.values())), h.hexdigest()


@pytest.fixture(scope="module")
def indexes(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pinned")
    sets = {"golden": directory_of(FIXTURES / "golden"),
            "synthetic": directory_of(tmp / "synthetic", synthetic())}
    return {name: index_files(directory, url_of)[0] for name, directory in sets.items()}


def test_the_synthetic_set_covers_what_the_format_has(indexes):
    manifest = json.loads(indexes["synthetic"]["manifest.json"])
    assert len(manifest["shards"]) >= 3 and manifest["wide"]
    assert {f["name"] for f in manifest["facets"] if f["values"]} >= {"country", "theme", "age", "status"}


@pytest.mark.parametrize("name", ["golden", "synthetic"])
def test_the_index_bytes_are_the_pinned_ones(indexes, name):
    got = digest(indexes[name])
    assert got == PINNED.get(name), f"the {name} index changed: pin {name!r}: {got!r} if that is intended"
