"""Recall of the search on synthetic data, before and after issue 12 (bench.run).

    measure_recall(directory, data_folder, index_folder, work) -> {"baseline", "queries": [...], "kinds": {...}}

A set of queries with the programmes each should find, made from the data:

label      a term's label in English, Dutch or Danish ("pleegzorg",
           "plejefamilier", "foster care", "vlaanderen"): the programmes that
           carry a term with that label;
note       a word of the generator's vocabulary (bench.words) that many
           programmes have only in a note in its language (target group,
           period, funding scope, evaluation, legal basis, milestone, ...),
           two a language: the programmes whose page has the word;
compound   a Dutch or Danish word that opens compounds, before a second word
           ("plejefamilie børn"): the programmes whose page has a word
           beginning with the first and one beginning with the second (a
           query's last word matches as a prefix in both engines).

Each query runs under node in the real engine (docs/assets/directory/engine.js)
on the site's index (after), and in the engine and on an index built by the
search of the BASELINE commit, taken from git (before): the directory before
issue 12. Recall is the share of a query's programmes among its results;
"first" is what the directory page's first results cost (the index bytes and
files a fresh index reads for a search with facet counts and 20 results, and
the time under node). Without git, or without the commit (a shallow clone),
"before" is reported as not measured.
"""
from __future__ import annotations

import json
import os
import shutil
import io
import subprocess
import sys
import tarfile
from collections import Counter, defaultdict
from pathlib import Path

from directory.model import Directory, Programme
from directory.search.build import display_order
from directory.search.tokens import words

from . import words as W

ROOT = Path(__file__).resolve().parents[2]
BASELINE = "39bc4ba"  # main before issue 12: the search of issue 11 (index format 1)
ENGINE = ROOT / "docs" / "assets" / "directory" / "engine.js"
SCRIPT = Path(__file__).with_name("recall.mjs")

# label: the terms whose labels are queried, in each language. The programmes
# a query should find are taken from the model here, not from the search's own
# code (search/build.py), so that a term the index leaves out is a miss.
GROUPS = {  # group: (vocabulary, the terms of a programme)
    "theme": ("themes", lambda p: p.themes),
    "kind": ("kinds", lambda p: [p.kind]),
    "setting": ("settings", lambda p: p.settings),
    "who": ("target_groups", lambda p: p.who),
    "country": ("countries", lambda p: p.countries),
    "region": ("regions", lambda p: p.regions),
}
LABEL_TERMS = [("theme", "foster-care"), ("theme", "early-childhood"), ("who", "parents"), ("setting", "home-based"),
               ("region", "BE-VLG")]
# compound: (the word that opens compounds, the second word), Dutch and Danish
COMPOUNDS = [("pleegzorg", "kinderen"), ("opvoeding", "kinderen"), ("jeugd", "kinderen"), ("gezin", "ouders"),
             ("plejefamilie", "børn"), ("familie", "børn"), ("anbringelse", "børn"), ("netværk", "børn")]
NOTE_WORDS = 2  # a language
MIN_NOTE_WORD = 6  # letters


def note_texts(p: Programme) -> list[tuple[str, str]]:
    """(lang, text) of the notes of a programme's page."""
    texts = [p.target_note, p.period_note, *p.derived.values(), *(inv.note for inv in p.organisations),
             *(f.scope for f in p.funding), *(x.text for x in p.legal_basis), *(x.text for x in p.milestones),
             *(title for title, _ in p.links)]
    if p.evaluation is not None:
        texts.append(p.evaluation.note)
    return [item for t in texts for item in t.by_lang.items()]


def _words_of(texts) -> set[str]:
    return set().union(*(words(text, lang) for lang, text in texts))


def queries(directory: Directory) -> list[dict]:
    """[{kind, query, expected: set of programme ids}], queries with no programme left out."""
    programmes = list(directory.programmes.values())
    page = {p.id: _words_of([*p.name.by_lang.items(), *p.summary.by_lang.items(), *p.description.by_lang.items(),
                             *note_texts(p)])
            for p in programmes}
    out = []

    carried = defaultdict(set)  # (group, id) -> programme ids
    labels = {}  # (group, id) -> {lang: label}
    by_label = defaultdict(set)  # label text -> terms with it in any language
    for group, (vocab, of) in GROUPS.items():
        for term in directory.vocab.ordered(vocab):
            labels[group, term.id] = dict(term.label.by_lang)
            for text in term.label.by_lang.values():
                by_label[text.casefold()].add((group, term.id))
        for p in programmes:
            for term_id in of(p):
                carried[group, term_id].add(p.id)
    seen = set()
    for group, term_id in LABEL_TERMS:
        if (group, term_id) not in labels:
            continue
        for lang in ("en", "nl", "da"):
            text = labels[group, term_id].get(lang, "").casefold()
            if not text:
                continue
            if text in seen:
                continue
            seen.add(text)
            expected = set().union(*(carried[t] for t in by_label[text]))
            out.append({"kind": "label", "lang": lang, "query": text, "expected": expected})

    for lang in ("nl", "da", "en"):
        vocabulary = {w for w in W.CONTENT[lang] if len(w) >= MIN_NOTE_WORD and w.isalpha()}
        only_in_notes = Counter()
        for p in programmes:
            notes = _words_of((lg, text) for lg, text in note_texts(p) if lg == lang) & vocabulary
            if notes:
                main = _words_of([*p.name.by_lang.items(), *p.summary.by_lang.items(), *p.description.by_lang.items()])
                only_in_notes.update(notes - main)
        for w, _ in sorted(only_in_notes.items(), key=lambda kv: (-kv[1], kv[0]))[:NOTE_WORDS]:
            out.append({"kind": "note", "lang": lang, "query": w, "expected": {i for i, ws in page.items() if w in ws}})

    for head, second in COMPOUNDS:
        expected = {i for i, ws in page.items()
                    if any(w.startswith(head) for w in ws) and any(w.startswith(second) for w in ws)}
        out.append({"kind": "compound", "lang": "da" if second == "børn" else "nl",
                    "query": f"{head} {second}", "expected": expected})
    return [q for q in out if q["expected"]]


def run_engine(engine: Path, index: Path, texts: list[str], work: Path) -> list[dict]:
    node = shutil.which("node")
    if not node:
        raise RuntimeError("node is missing (make test installs it)")
    path = work / "recall-queries.json"
    path.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([node, "--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", str(SCRIPT), str(engine),
                           str(index), str(path)], capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(f"recall.mjs failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout)


def baseline_index(data: Path, work: Path) -> Path | None:
    """The index of ``data`` as the BASELINE commit's search builds it, with
    that commit's engine beside it (<work>/baseline/docs/assets/directory/engine.js);
    None when git or the commit is not at hand."""
    tree = work / "baseline"
    try:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", BASELINE, "scripts/directory", "schema",
                                  "docs/assets/directory/engine.js"], capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if archive.returncode != 0:
        return None
    shutil.rmtree(tree, ignore_errors=True)
    tree.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(tree, filter="data")
    index = tree / "index"
    build = (
        "import sys\n"
        "from pathlib import Path\n"
        "from directory import model\n"
        "from directory.validate import validate\n"
        "from directory.render import urls\n"
        "from directory.search import index_files\n"
        "result = validate(Path(sys.argv[1]))\n"
        "assert result.ok, [p.format() for p in result.problems[:5]]\n"
        "files, _ = index_files(model.build(result.context), urls.programme_url)\n"
        "for name, content in files.items():\n"
        "    target = Path(sys.argv[2]) / name\n"
        "    target.parent.mkdir(parents=True, exist_ok=True)\n"
        "    target.write_bytes(content)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(tree / "scripts"))
    done = subprocess.run([sys.executable, "-c", build, str(data), str(index)], cwd=tree, env=env,
                          capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(f"the baseline's index did not build: {done.stderr[-2000:]}")
    return index


def measure_recall(directory: Directory, data: Path, index: Path, work: Path) -> dict:
    """Every recall query with its programmes, found before and after, and the cost of its first results."""
    work.mkdir(parents=True, exist_ok=True)
    qs = queries(directory)
    ids = [p.id for p in display_order(directory)]  # record number -> programme id (both formats)
    texts = [q["query"] for q in qs]
    after = run_engine(ENGINE, index, texts, work)
    old_index = baseline_index(data, work)
    before = (run_engine(work / "baseline" / "docs" / "assets" / "directory" / "engine.js", old_index, texts, work)
              if old_index else None)
    rows = []
    for i, q in enumerate(qs):
        row = {"kind": q["kind"], "lang": q["lang"], "query": q["query"], "expected": len(q["expected"])}
        for name, runs in (("after", after), ("before", before)):
            if runs is None:
                continue
            found = {ids[r] for r in runs[i]["records"]}
            row[f"found_{name}"] = len(found & q["expected"])
            row[f"results_{name}"] = len(found)
            row[f"recall_{name}"] = round(row[f"found_{name}"] / row["expected"], 4)
            row[f"kb_{name}"] = round(runs[i]["first"]["kb"], 1)
            row[f"files_{name}"] = runs[i]["first"]["files"]
            row[f"ms_{name}"] = round(runs[i]["first"]["ms"], 1)
        rows.append(row)
    kinds = {}
    for kind in dict.fromkeys(r["kind"] for r in rows):
        mine = [r for r in rows if r["kind"] == kind]
        expected = sum(r["expected"] for r in mine)
        kinds[kind] = {name: round(sum(r[f"found_{name}"] for r in mine) / expected, 4)
                       for name in ("before", "after") if f"found_{name}" in mine[0]}
    return {"baseline": BASELINE if before is not None else None, "queries": rows, "kinds": kinds}
