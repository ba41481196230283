"""The benchmark command end to end at a small N (scripts/bench/run.py).

The benchmark is a command, not a timed test: this checks that it runs and
reports every measure, never how fast anything is. The search timings need
Debian's chromium (make browser, scripts/setup-apt.sh), as the browser tests do.
"""
import json
import os
import subprocess
import sys

import pytest
import yaml

from bench import run
from support import ROOT

pytestmark = pytest.mark.site

N = 30
SEARCH_KINDS = ["text-nl", "text-da", "text-en", "facets", "header"]


def test_the_benchmark_reports_every_measure(tmp_path):
    # as a command in its own process, as `make bench` runs it (and Playwright's
    # sync API cannot start inside the browser tests' running session)
    out = tmp_path / "bench.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"), NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "bench.run", "--n", str(N), "--json", str(out),
                           "--keep", str(tmp_path / "work"), "--repeat", "2"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr

    rows = json.loads(out.read_text(encoding="utf-8"))
    assert len(rows) == 1
    row = rows[0]
    for field in run.FIELDS:
        assert isinstance(row[field], (int, float)) and row[field] > 0, field
    # the default builds all three languages and English alone beside them
    assert row["languages"] == "en nl da"
    for field in run.LANGUAGE_FIELDS:
        assert isinstance(row[field], (int, float)) and row[field] > 0, field
    # both builds twice, in turn, compared by the fastest run of each
    assert len(row["build_runs_s"]) == len(row["build_one_language_runs_s"]) == 2
    assert row["build_runs_s"][0] == row["build_s"]
    assert row["build_one_language_s"] == min(row["build_one_language_runs_s"])
    assert row["languages_ratio"] == round(min(row["build_runs_s"]) / row["build_one_language_s"], 3)
    assert row["languages_ratio_median"] > 0
    assert row["search_index_bytes_one_language"] == row["search_index_bytes"]  # shared, not tripled
    for field in run.OPENDATA_FIELDS:  # what the open data adds, and its sizes (bench.opendata)
        assert isinstance(row[field], (int, float)) and row[field] > 0, field
    assert row["history_commits_read"] == 1 + min(N, 50) and row["history_records_dated"] >= N
    assert "open data (issue 13)" in done.stdout and "history pass" in done.stdout
    for field in run.SEARCH_FIELDS:  # zero while the site has no search index
        assert isinstance(row[field], (int, float)) and row[field] >= 0, field
    assert row["search_index_bytes"] == sum(row["search_index_parts"].values())
    assert row["n"] == N and row["programme_pages"] == N
    assert row["problems"] == 0
    assert row["records"]["programmes"] == N
    assert row["programme_page_kb_max"] >= row["programme_page_kb_mean"]
    assert row["site_files"] > N

    # the search in a browser: every measurement found results and took time and bytes
    search = row["search"]
    assert "error" not in search, search.get("error")
    queries = search["queries"]
    assert [q["kind"] for q in queries] == SEARCH_KINDS
    for q in queries:
        assert q["query"], q
        assert isinstance(q["results"], int) and q["results"] > 0, q
        for key in ("ms", "kb", "index_kb", "kb_gzip", "requests"):
            assert isinstance(q[key], (int, float)) and q[key] > 0, (key, q)
        assert q["index_kb"] <= q["kb"], q
    assert search["max_ms"] == max(q["ms"] for q in queries)
    assert search["max_kb"] == max(q["kb"] for q in queries)
    assert row["first_results_s_max"] == round(search["max_ms"] / 1000, 3) > 0
    assert row["first_results_kb_max"] == search["max_kb"] > 0
    # the recall of the search (node): every query's programmes found by the site's engine
    recall = row["recall"]
    assert "error" not in recall, recall.get("error")
    assert "label" in recall["kinds"] and recall["queries"]
    for q in recall["queries"]:
        assert q["expected"] > 0 and q["found_after"] == q["expected"], q
    machine = row["machine"]
    assert machine["cpu_count"] >= 1 and machine["python"] and machine["date"]

    # on stdout: a table with a line per N, the search measurements of each N,
    # and the targets compared with the largest N
    out = done.stdout.splitlines()
    assert out[0].split()[:3] == ["N", "generation", "s"]
    for heading in ("build/floor", "search index MB", "first results s (max)", "KB (max)"):
        assert heading in out[0], heading
    assert out[2].split()[0] == str(N)
    start = out.index(next(line for line in out if line.startswith(f"search at N={N}")))
    assert out[start + 1].split()[:3] == ["measure", "query", "results"]
    assert [line.split()[0] for line in out[start + 3:start + 3 + len(SEARCH_KINDS)]] == SEARCH_KINDS
    start = out.index(next(line for line in out if line.startswith(f"recall at N={N}")))
    assert out[start + 1].split()[:3] == ["kind", "lang", "query"]
    assert [line.split()[0] for line in out[start + 3:start + 3 + len(recall["queries"])]] == [
        q["kind"] for q in recall["queries"]]
    before = recall["kinds"]["label"].get("before")  # None in a clone without the baseline commit
    before = "not measured" if before is None else f"{before:.3f}"
    assert f"recall label: before {before}, after 1.000" in out
    assert out[-1].startswith(f"targets at N={N}: ")
    for label in ("build/floor", "KB/programme page", "first results", "validation"):
        assert label in out[-1], label
    assert "growth" not in out[-1]  # only with N = 1,000 and 10,000

    # --keep leaves the data, both sites and the floor's configuration
    work = tmp_path / "work" / f"n{N}"
    assert (work / "site" / "index.html").is_file()
    assert (work / "floor" / "site" / "index.html").is_file()
    floor = yaml.safe_load((work / "floor" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert floor["hooks"] == [str(ROOT / "scripts" / "theme_hooks.py")]  # the theme's only
    assert sorted(p.name for p in (work / "data").glob("*.yaml")) == [
        "contacts.yaml", "organisations.yaml", "programmes.yaml", "sources.yaml", "vocabularies.yaml"]
