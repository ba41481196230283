"""The search engine (docs/assets/directory/engine.js) under node's test runner.

Builds three indexes into a temporary folder, each at <folder>/directory-index
beside its site root: of the records below (ENGINE_FIXTURE_INDEX), whose
names, words and facets tests/js/engine.test.mjs knows (tests/js/shared.test.mjs
opens it as the page's index), of the real data
(ENGINE_REAL_INDEX), and of the texts of the tokenizer cases
scripts/directory/search/tokens.json, one record a text
(ENGINE_TOKENS_INDEX, for tests/js/tokens.test.mjs); and the cases of the
scripts' words (ENGINE_WORDS_CASES, for tests/js/shared.test.mjs): every
counting text of the search catalogue in every language with the text Babel's
plural rules and number format make of it for a range of counts, and the
paths of each language's site (render/urls.py). Then runs
``node --test tests/js/`` and fails with node's output.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import yaml

from babel import Locale
from babel.numbers import format_decimal

from support import DATA, ROOT, directory_of, write_index
from directory.render import i18n, urls
from directory.search import INDEX_FOLDER
from directory.render.script_words import AREAS, script_words

COUNTS = [0, 1, 2, 3, 5, 10, 11, 21, 100, 101, 1000, 1001, 12345, 1234567, 0.5, 1.5, 2.25]

# Names sort: Aanpak, Børn, Course, Families, Gezin, Kurser, Kurset, Pleeggezin, Zorg.
# Words the stemming tests rely on: gezinnen/gezin (nl), pleeggezinnen/pleeggezin
# (nl), plejefamilierne/plejefamilie (da), kurser/kurset (da), families/family (en).
PROGRAMMES = """
programmes:
  - id: aanpak
    kind: programme
    original_language: nl
    name: {nl: Aanpak pleeggezinnen}
    summary: {nl: Begeleiding van pleeggezinnen en gezinnen.}
    countries: [NL]
    organisations: [{id: org-nl, role: lead}]
    target_group: {who: [children], age_min: 4, age_max: 12}
    themes: [foster-care]
    status: active
    sources: [{source: doc-a}]
    last_reviewed: "2026-11-23"

  - id: born
    kind: initiative
    original_language: da
    name: {da: Børn i plejefamilierne}
    summary: {da: Hjælp til børn i plejefamilierne.}
    countries: [DK]
    organisations: [{id: org-dk, role: lead}]
    target_group: {who: [children], prenatal: true}
    themes: [foster-care]
    sources: [{source: doc-b}]
    last_reviewed: "2026-11-23"

  - id: course
    kind: course
    original_language: en
    name: {en: Course for foster carers}
    summary: {en: One course for a family.}
    countries: [DK]
    themes: [foster-care, parenting-support]
    settings: [training]
    sources: [{source: doc-b}]
    last_reviewed: "2026-11-23"

  - id: families
    kind: programme
    original_language: en
    name: {en: Families first}
    summary: {en: Help for families.}
    countries: [BE, NL]
    target_group: {who: [young-people], age_min: 18}
    themes: [family-strengthening]
    status: ended
    sources: [{source: doc-a}]
    last_reviewed: "2026-11-23"

  - id: gezin
    kind: pilot
    original_language: nl
    name: {nl: Gezin centraal, en: The household first}
    summary: {nl: Hulp thuis., en: Help at home.}
    countries: [BE]
    regions: [BE-VLG]
    organisations: [{id: org-nl, role: lead}]
    target_group: {who: [children], age_max: 3}
    themes: [family-strengthening]
    settings: [home-based]
    sources: [{source: doc-a}]
    last_reviewed: "2026-11-23"

  - id: kurser
    kind: course
    original_language: da
    name: {da: Kurser om plejefamilie}
    summary: {da: Kurser for en plejefamilie.}
    countries: [DK]
    organisations: [{id: org-dk, role: lead}]
    themes: [foster-care]
    sources: [{source: doc-b}]
    last_reviewed: "2026-11-23"

  - id: kurset
    kind: course
    original_language: da
    name: {da: Kurset for forældre}
    summary: {da: Kurset er gratis.}
    countries: [DK]
    organisations: [{id: org-dk, role: lead}]
    themes: [parenting-support]
    sources: [{source: doc-b}]
    last_reviewed: "2026-11-23"

  - id: pleeggezin
    kind: initiative
    original_language: nl
    name: {nl: Pleeggezin in beeld}
    summary: {nl: Een pleeggezin vertelt.}
    description: {nl: "Het project wordt geëvalueerd. Meer op https://example.org/trauma-project."}
    countries: [BE]
    organisations: [{id: org-nl, role: lead}]
    themes: [foster-care]
    sources: [{source: doc-a}]
    last_reviewed: "2026-11-23"

  - id: zorg
    kind: programme
    original_language: nl
    name: {nl: Zorg voor gezinnen}
    summary: {nl: Zorg in armoede.}
    countries: [NL]
    organisations: [{id: org-nl, role: lead}]
    themes: [child-poverty]
    sources: [{source: doc-a}]
    last_reviewed: "2026-11-23"
"""


def tokens_programmes() -> str:
    """Record ``t<i>``: the i-th text of tokens.json as its name and summary."""
    cases = json.loads((ROOT / "scripts/directory/search/tokens.json").read_text(encoding="utf-8"))
    records = [{
        "id": f"t{i}", "kind": "programme", "original_language": c["lang"],
        "name": {c["lang"]: c["text"]}, "summary": {c["lang"]: c["text"]},
        "sources": [{"source": "doc-a"}], "last_reviewed": "2026-11-23",
    } for i, c in enumerate(cases["texts"])]
    return yaml.safe_dump({"programmes": records}, allow_unicode=True)


def words_cases() -> dict:
    """What the scripts must make of the catalogue's words: Babel's choice."""
    languages = {}
    for lang in i18n.LANGUAGES:
        words = {k: v for area in AREAS for k, v in script_words(lang, area).items()}
        plural = Locale.parse(lang).plural_form
        counts = [[key, n, (text.get(plural(n)) or text["other"]).replace("{n}", format_decimal(n, locale=lang))]
                  for key, text in words.items() if isinstance(text, dict) for n in COUNTS]
        languages[lang] = {"words": words, "counts": counts}
    paths = [[path, lang, urls.localized(path, lang)] for path in ("programmes/a/", "directory/", "")
             for lang in (*i18n.LANGUAGES, "fr")]
    return {"languages": languages, "order": list(i18n.LANGUAGES), "paths": paths}


def test_engine_under_node(tmp_path):
    node = shutil.which("node")
    assert node, "node is missing: make test installs it (scripts/setup-apt.sh)"
    fixture = tmp_path / "fixture-site" / INDEX_FOLDER
    real = tmp_path / "real-site" / INDEX_FOLDER
    tokens = tmp_path / "tokens-site" / INDEX_FOLDER
    write_index(directory_of(tmp_path / "data", PROGRAMMES), fixture)
    write_index(directory_of(DATA), real)
    write_index(directory_of(tmp_path / "tokens-data", tokens_programmes()), tokens)
    cases = tmp_path / "words.json"
    cases.write_text(json.dumps(words_cases(), ensure_ascii=False), encoding="utf-8")
    env = dict(os.environ, ENGINE_FIXTURE_INDEX=str(fixture), ENGINE_REAL_INDEX=str(real),
               ENGINE_TOKENS_INDEX=str(tokens), ENGINE_WORDS_CASES=str(cases))
    result = subprocess.run(
        # engine.js is an ES module in a folder without a package.json "type"
        [node, "--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", "--test", "tests/js/"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # every test ran: none skipped for a missing index
    import re

    summary = dict(re.findall(r"^# (pass|fail|skipped|skip) (\d+)$", result.stdout, re.M))
    assert int(summary.get("pass", 0)) >= 10 and summary.get("fail") == "0", result.stdout
    assert summary.get("skipped", summary.get("skip")) == "0", result.stdout
