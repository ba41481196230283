"""The synthetic data generator of the benchmark (scripts/bench/synthetic.py)."""
import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bench.synthetic import FILES, generate
from directory.validate import validate
from support import DATA, ROOT

N = 60
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synthetic") / "data"
    counts = generate(N, out, seed=1)
    assert counts["programmes"] == N
    return out


@pytest.fixture(scope="module")
def result(folder):
    return validate(folder)


def records(result, type_):
    return [rec.data for rec in result.context.records if rec.type == type_]


def test_the_folder_validates_without_any_problem(result):
    assert [p.format() for p in result.problems] == []


def test_it_writes_every_file_and_the_real_vocabularies(folder):
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)
    assert (folder / "vocabularies.yaml").read_bytes() == (DATA / "vocabularies.yaml").read_bytes()


def test_the_counts_follow_n(folder, result):
    assert len(records(result, "programme")) == N
    assert len(records(result, "organisation")) >= 5
    assert len(records(result, "source")) >= 4
    assert len(records(result, "contact")) >= 1


def test_parents_are_of_allowed_kinds_and_form_deep_trees(result):
    kinds = {k["id"]: k.get("parents") or [] for k in yaml.safe_load(
        (DATA / "vocabularies.yaml").read_text(encoding="utf-8"))["vocabularies"]["kinds"]}
    programmes = {p["id"]: p for p in records(result, "programme")}
    with_parent = [p for p in programmes.values() if "parent" in p]
    assert len(with_parent) > N / 2
    for p in with_parent:
        assert programmes[p["parent"]]["kind"] in kinds[p["kind"]], p["id"]

    def depth(p):
        return 0 if "parent" not in p else 1 + depth(programmes[p["parent"]])

    assert max(depth(p) for p in programmes.values()) >= 2  # plan > pillar > action, course > module
    assert {"action-plan", "pillar", "action"} <= {p["kind"] for p in programmes.values()}


def test_every_language_is_present_with_english_translations(result):
    programmes = records(result, "programme")
    assert {p["original_language"] for p in programmes} == {"nl", "da", "en"}
    for p in programmes:
        lang = p["original_language"]
        assert lang in p["name"] and lang in p["summary"] and "en" in p["summary"]
    translated = [p for p in programmes if p["original_language"] != "en"]
    assert sum("en" in p["name"] for p in translated) > 0.7 * len(translated)


def test_texts_are_real_sentences_of_realistic_length(result):
    descriptions = [(lang, text) for p in records(result, "programme")
                    for lang, text in (p.get("description") or {}).items()]
    assert len(descriptions) > N / 4
    lengths = [len(WORD.findall(text)) for _, text in descriptions]
    assert all(100 <= n <= 700 for n in lengths), lengths
    assert 220 <= sum(lengths) / len(lengths) <= 380
    for _, text in descriptions:
        assert "\n\n" in text  # Markdown paragraphs
        assert text.rstrip().endswith((".", ")"))
        assert re.search(r"^[A-ZÆØÅ*#\-\[]", text, re.M)
    for p in records(result, "programme"):
        assert len(p["summary"]["en"].split()) >= 8
    # a natural distribution: a few words very often, most rarely
    counts = Counter(w.lower() for lang, text in descriptions if lang == "en" for w in WORD.findall(text))
    ranked = [n for _, n in counts.most_common()]
    total = sum(ranked)
    assert ranked[0] / total > 0.02 and len(ranked) > 200
    assert sum(ranked[:10]) / total < 0.4


def test_inflected_welfare_words_occur(result):
    text = " ".join(t for p in records(result, "programme") for t in (p.get("description") or {}).values())
    words = set(WORD.findall(text.lower()))
    assert {"gezin", "gezinnen", "kinderen"} <= words
    assert {"familie", "familier", "børn"} <= words
    assert {"family", "families", "children"} <= words


def test_geography_is_consistent(result):
    regions = {t["id"]: t["country"] for t in result.context.vocab["regions"].values()}
    for p in records(result, "programme") + records(result, "organisation"):
        for region in p.get("regions", []):
            assert regions[region] in p.get("countries", []), p["id"]


def test_dates_stay_text_and_reviews_are_recent(folder):
    raw = (folder / "programmes.yaml").read_text(encoding="utf-8")
    assert re.search(r"^\s+last_reviewed: '\d{4}-\d{2}-\d{2}'$", raw, re.M)
    assert not re.search(r"^\s+(start|end|due|date|last_reviewed): \d{4}(-\d{2}-\d{2})?$", raw, re.M)


def test_the_same_seed_gives_the_same_bytes_another_seed_other_data(tmp_path, folder):
    generate(N, tmp_path / "again", seed=1)
    generate(N, tmp_path / "other", seed=2)
    for name in FILES:
        assert (tmp_path / "again" / name).read_bytes() == (folder / name).read_bytes(), name
    assert (tmp_path / "other" / "programmes.yaml").read_bytes() != (folder / "programmes.yaml").read_bytes()


def test_every_field_of_the_schema_is_used(tmp_path):
    generate(400, tmp_path, seed=1)
    schema = json.loads((ROOT / "schema" / "directory.schema.json").read_text(encoding="utf-8"))
    for key, type_ in [("programmes", "programme"), ("organisations", "organisation"),
                       ("contacts", "contact"), ("sources", "source")]:
        data = yaml.load((tmp_path / f"{key}.yaml").read_text(encoding="utf-8"), Loader=LOADER)[key]
        used = {field for record in data for field in record}
        expected = set(schema["$defs"][type_]["properties"]) - {"confidential"}
        assert expected - used == set(), type_
