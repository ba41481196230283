"""Benchmark: generate, validate and build the site for N synthetic records.

    python -m bench.run --n 1000 [--n 10000 ...] [--json build/bench.json] [--keep DIR] [--seed S]
                        [--no-search] [--no-recall] [--langs "en nl da"]

For each N, in a temporary folder (or DIR/n<N> with --keep):

generation   bench.synthetic writes N programme records (in-process)
validation   directory.validate.validate(folder) (in-process, one run)
build        the real site: ``python -m mkdocs build --strict --clean`` in the
             repository with DIRECTORY_DATA=<folder> (hooks, search, everything),
             in the languages --langs names (DIRECTORY_LANGUAGES; all three by
             default, ``make bench LANGS=...``)
one language the same build in English alone, when --langs names more: the
             languages' cost is build / one language (the issue's target:
             three languages at most 1.6 times one), with the bytes of an
             English programme page and of the search index in both
floor        the same site built by bare MkDocs: every file
             ``python -m directory render`` writes (the pages, the open data,
             the schemas and the search index: the files the hooks add, both
             from directory.site.build) and the repository's static docs/,
             built with a copy of mkdocs.yml without the directory hooks (the
             theme's stay: scripts/theme_hooks.py): same
             theme, plugins, Markdown extensions and nav. build / floor is what
             the directory's own work (validating, rendering, exporting,
             indexing in the hooks) costs on top of MkDocs.

pictures    the pictures' own share of the directory's work (issue 14): the
             in-process rendering above, timed again inside every call that
             draws a picture (the Coverage, Timeline and Compare pages with
             their models, each small timeline of a programme or organisation
             page and its model; bench.run.PictureTimer), as seconds and as a
             share of the build's CPU seconds (MkDocs's own work on the pictures' HTML, which
             passes through Markdown as raw blocks, is not in it); and the
             sizes of the Coverage and Timeline pages in the built site

With the data in a git repository (one commit adding every record, then 50
small commits: bench.opendata), times what the open data adds (the exports,
the JSON-LD of every language's pages, the history pass with the feed) and
sizes the bulk exports, raw and gzipped, printed in a table of their own;
then measures the built site: HTML bytes per programme page (mean and max of
site/programmes/*/index.html), the whole site (bytes and files) and the search
index (the directory's own index folder), and times the search in a browser
(bench.browser: Debian's chromium, a new context with a cold cache for each
measurement): three text queries (Dutch, Danish, English) and a two-facet
filter on the directory page, from navigation start until the first results
are shown, and the header search box on a programme page, from focus until
its dropdown lists the matches; with the bytes transferred for each.

recall       bench.recall: queries made from the data, each with the
             programmes it should find (a vocabulary label in English, Dutch
             or Danish; a word the programmes have only in a note, funding
             scope, evaluation, ...; a word that opens Dutch and Danish
             compounds), run under node by the site's engine on the site's
             index (after) and by the engine of the directory before issue
             12 on the index its search builds of the same data (before):
             the share of each query's programmes found, and what its first
             results cost.

Prints one table to stdout with a line per N, a table of the search
measurements and one of the recall per N and a last line comparing the largest N with the targets
(a report: nothing fails when one is missed); progress to stderr. With --json
writes a list with one object per N (every measure, the record counts and the
machine). A search or recall measurement that fails (no results within 30 s, no
browser, no node) is reported in the tables and the JSON, and the command then exits 1.
Timings are wall-clock seconds of one run each: compare runs on the same,
otherwise idle machine. The JSON also has the CPU seconds of each step
(``*_cpu_s``, user + system), which a busy machine disturbs less. This is a command, not a test: it asserts nothing
about speed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import yaml

try:
    import resource
except ImportError:  # not on Windows: no CPU times of the builds there
    resource = None

from directory import model
from directory.languages import DEFAULT, LANGUAGES
from directory.site import LanguagesError, Options, site_files
from directory.site import languages as site_languages
from directory.problems import summary
from directory.load import data_files
from directory.search import INDEX_FOLDER
from directory.validate import validate

from . import opendata
from .synthetic import generate

ROOT = Path(__file__).resolve().parents[2]

# every numeric measure of a row; all are positive for a site that built
FIELDS = [
    "n", "generation_s", "validation_s", "build_s", "floor_s", "build_floor_ratio",
    "programme_page_kb_mean", "programme_page_kb_max", "programme_pages",
    "site_bytes", "site_files", "site_mb",
    "coverage_page_kb", "timeline_page_kb", "pictures_s", "pictures_cpu_s", "pictures_build_pct",
]
# ... and with more than one language, the one-language build beside it
LANGUAGE_FIELDS = ["build_one_language_s", "languages_ratio", "programme_page_kb_mean_one_language"]
# the open data (issue 13, bench.opendata): what the exports, the JSON-LD and the history add, and the bulk sizes
OPENDATA_FIELDS = [
    "opendata_exports_s", "opendata_jsonld_s", "opendata_history_s", "opendata_history_cpu_s", "opendata_s",
    "opendata_share_pct",
    "bulk_csv_mb", "bulk_csv_gz_mb", "directory_json_mb", "directory_json_gz_mb", "record_json_mb",
    "record_json_gz_mb",
]
OPENDATA_COLUMNS = [  # (heading, field, format)
    ("N", "n", "{:d}"),
    ("exports s", "opendata_exports_s", "{:.2f}"),
    ("JSON-LD s", "opendata_jsonld_s", "{:.2f}"),
    ("history s", "opendata_history_s", "{:.2f}"),
    ("history CPU s", "opendata_history_cpu_s", "{:.2f}"),
    ("% of build", "opendata_share_pct", "{:.1f}"),
    ("CSV MB", "bulk_csv_mb", "{:.2f}"),
    ("CSV gz MB", "bulk_csv_gz_mb", "{:.2f}"),
    ("JSON MB", "directory_json_mb", "{:.2f}"),
    ("JSON gz MB", "directory_json_gz_mb", "{:.2f}"),
    ("record JSON MB", "record_json_mb", "{:.2f}"),
    ("record JSON gz MB", "record_json_gz_mb", "{:.2f}"),
]
# ... and the size of the search index: zero while the site has none
SEARCH_FIELDS = ["search_index_bytes", "search_index_mb"]

COLUMNS = [  # (heading, field, format)
    ("N", "n", "{:d}"),
    ("generation s", "generation_s", "{:.2f}"),
    ("validation s", "validation_s", "{:.2f}"),
    ("build s", "build_s", "{:.2f}"),
    ("floor s", "floor_s", "{:.2f}"),
    ("build/floor", "build_floor_ratio", "{:.2f}"),
    ("languages", "languages", "{}"),
    ("1 language s", "build_one_language_s", "{:.2f}"),
    ("langs/1", "languages_ratio", "{:.2f}"),
    ("KB/programme page", "programme_page_kb_mean", "{:.1f}"),
    ("site MB", "site_mb", "{:.1f}"),
    ("search index MB", "search_index_mb", "{:.2f}"),
    ("first results s (max)", "first_results_s_max", "{:.2f}"),
    ("KB (max)", "first_results_kb_max", "{:.0f}"),
]

# the search measurements, one table per N: (heading, key, format)
QUERY_COLUMNS = [
    ("measure", "kind", "{}"),
    ("query", "query", "{}"),
    ("results", "results", "{:d}"),
    ("ms", "ms", "{:.0f}"),
    ("KB", "kb", "{:.1f}"),
    ("index KB", "index_kb", "{:.1f}"),
    ("KB gzipped", "kb_gzip", "{:.1f}"),
    ("requests", "requests", "{:d}"),
]

# the recall queries, one table per N: (heading, key, format)
RECALL_COLUMNS = [
    ("kind", "kind", "{}"),
    ("lang", "lang", "{}"),
    ("query", "query", "{}"),
    ("programmes", "expected", "{:d}"),
    ("found before", "found_before", "{:d}"),
    ("found after", "found_after", "{:d}"),
    ("recall before", "recall_before", "{:.3f}"),
    ("recall after", "recall_after", "{:.3f}"),
    ("results after", "results_after", "{:d}"),
    ("first KB after", "kb_after", "{:.1f}"),
    ("first ms after", "ms_after", "{:.0f}"),
]

# what the largest N is compared with: (label, field, target, format)
TARGETS = [
    ("build/floor", "build_floor_ratio", 1.15, "{:.2f}"),
    ("languages/one language", "languages_ratio", 1.6, "{:.2f}"),
    ("KB/programme page", "programme_page_kb_mean", 40, "{:.1f} KB"),
    ("first results", "first_results_s_max", 0.5, "{:.3f} s"),
    ("first results transfer", "first_results_kb_max", 300, "{:,.0f} KB"),
    ("validation", "validation_s", 3, "{:.2f} s"),
    ("coverage page", "coverage_page_kb", 200, "{:.0f} KB"),
    ("pictures' share of the build", "pictures_build_pct", 5, "{:.1f} %"),
    ("open data share of the build", "opendata_share_pct", 10, "{:.1f} %"),
    ("history pass (CPU)", "opendata_history_cpu_s", 5, "{:.2f} s"),
]
# hooks of mkdocs.yml the floor keeps: the theme's templates need them to render at all
THEME_HOOKS = ("theme_hooks.py",)
GROWTH_TARGET = (1000, 10000, 11)  # build time from 1,000 to 10,000 records at most 11x


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------
# Browser search and filter timings (bench.browser).
#
# measure_search(site_dir, n) is called once per N with the built site while it
# still exists. It returns {"queries": [{"kind", "query", "ms", "kb", "index_kb",
# "kb_gzip", "requests", "results"}, ...], "max_ms": ..., "max_kb": ...}, stored
# in the row under "search"; a measurement that fails raises SearchError.
# --------------------------------------------------------------------------------------
def measure_search(site_dir: Path, n: int) -> dict:
    from .browser import measure

    progress(f"timing the search for {n} records in chromium…")
    return measure(site_dir)


def measure_recall_of(directory, data: Path, site_dir: Path, work: Path, n: int) -> dict:
    from .recall import measure_recall

    progress(f"measuring the recall of the search for {n} records (node, before and after)…")
    return measure_recall(directory, data, site_dir / INDEX_FOLDER, work)


def _env(data: Path, languages: str = "") -> dict[str, str]:
    env = dict(os.environ, DIRECTORY_DATA=str(data), NO_MKDOCS_2_WARNING="1", DIRECTORY_LANGUAGES=languages)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "scripts"), env.get("PYTHONPATH")]))
    env.pop("GITHUB_REPOSITORY", None)  # no "edit this record" links: both builds render alike
    return env


def _children_cpu() -> float:
    if resource is None:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(args: list[str], env: dict[str, str], cwd: Path, what: str) -> tuple[float, float, str]:
    """Run a command; its wall-clock and CPU seconds and its stderr. Stops on failure."""
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-30:])
        raise SystemExit(f"{what} failed (exit {done.returncode}):\n{tail}")
    return round(seconds, 3), round(cpu, 3), done.stderr


class _Timer:
    """Wall-clock and CPU seconds of a block in this process."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = round(time.perf_counter() - self.wall, 3)
        self.cpu = round(time.process_time() - self.cpu, 3)


def _reported(stderr: str) -> float | None:
    """MkDocs' own 'Documentation built in X seconds' (without start-up)."""
    m = re.search(r"Documentation built in ([0-9.]+) seconds", stderr)
    return float(m.group(1)) if m else None


def floor_config(docs: Path) -> dict:
    """mkdocs.yml without the directory: none of its hooks but the theme's
    (THEME_HOOKS, the words of the templates in overrides/), no
    extra.directory; the same theme (with its overrides), plugins, Markdown
    extensions, CSS, validation and nav (the entries whose page exists)."""
    real = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {k: v for k, v in real.items() if k not in ("hooks", "extra", "docs_dir", "site_dir", "nav")}
    config["docs_dir"] = str(docs)
    theme_hooks = [str((ROOT / h).resolve()) for h in real.get("hooks") or [] if Path(h).name in THEME_HOOKS]
    if theme_hooks:
        config["hooks"] = theme_hooks
    theme = dict(real.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((ROOT / theme["custom_dir"]).resolve())
    config["theme"] = theme
    extra = {k: v for k, v in (real.get("extra") or {}).items() if k != "directory"}
    if extra:
        config["extra"] = extra
    if real.get("nav"):
        config["nav"] = _nav(real["nav"], docs)
    return config


def _nav(items: list, docs: Path) -> list:
    out = []
    for item in items:
        if isinstance(item, str):
            if (docs / item).is_file():
                out.append(item)
            continue
        for title, value in item.items():
            if isinstance(value, list):
                sub = _nav(value, docs)
                if sub:
                    out.append({title: sub})
            elif isinstance(value, str) and ((docs / value).is_file() or "://" in value):
                out.append({title: value})
    return out


def _tree_size(folder: Path) -> tuple[int, int]:
    total = files = 0
    for dirpath, _, names in os.walk(folder):
        for name in names:
            total += os.path.getsize(os.path.join(dirpath, name))
            files += 1
    return total, files


class PictureTimer:
    """The time spent drawing pictures while the directory renders its pages:
    wraps the calls that draw them (directory.render.pictures.render: the
    three pages and their models; html_block: a drawing or table of a page,
    such as a small timeline; the small timelines' models) for the time of a
    ``with`` block, counting only the outermost call of nested ones."""

    def __init__(self):
        from directory.pictures import coverage, timeline
        from directory.render import pictures

        # the pages' models (computed when a language's page is rendered), the blocks that draw
        self.places = [(coverage, "coverage"), (coverage, "filter_values"), (timeline, "timeline"),
                       (pictures, "html_block"),
                       (timeline, "programme_timeline"), (timeline, "organisation_timeline")]
        self.seconds = 0.0  # wall-clock
        self.cpu = 0.0  # this process's CPU (user + system)
        self.calls = 0
        self._depth = 0
        self._saved: list = []

    def _wrap(self, fn):
        import functools

        @functools.wraps(fn)
        def timed(*args, **kwargs):
            if self._depth:
                return fn(*args, **kwargs)
            self._depth += 1
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
                self.cpu += time.process_time() - cpu
                self.calls += 1
                self._depth -= 1
        return timed

    def __enter__(self):
        for module, name in self.places:
            fn = getattr(module, name)
            self._saved.append((module, name, fn))
            setattr(module, name, self._wrap(fn))
        return self

    def __exit__(self, *exc):
        for module, name, fn in self._saved:
            setattr(module, name, fn)
        self._saved.clear()


def pictures_table(rows: list[dict]) -> str:
    """The pictures' figures per N."""
    cells = [["N", "coverage page KB", "timeline page KB", "pictures s", "pictures CPU s",
              "% of in-process render", "% of build"]]
    for row in rows:
        cells.append([f"{row['n']:d}", _cell(row.get("coverage_page_kb"), "{:.1f}"),
                      _cell(row.get("timeline_page_kb"), "{:.1f}"), _cell(row.get("pictures_s"), "{:.3f}"),
                      _cell(row.get("pictures_cpu_s"), "{:.3f}"),
                      _cell(row.get("pictures_files_pct"), "{:.1f}"), _cell(row.get("pictures_build_pct"), "{:.2f}")])
    return ("pictures (coverage, timeline, compare, small timelines): time drawing them within the render; "
            "shares are of CPU seconds\n" + _layout(cells))


def search_indexes() -> list[str]:
    """Where the search index stands in the site (a list, so that another
    engine's bundle can be measured beside it)."""
    return [INDEX_FOLDER]


def measure_site(site: Path) -> dict:
    pages = [p.stat().st_size for p in site.glob("programmes/*/index.html")]
    site_bytes, site_files = _tree_size(site)
    parts = {}
    for place in search_indexes():
        path = site / place
        if path.is_file():
            parts[place] = path.stat().st_size
        elif path.is_dir():
            parts[place] = _tree_size(path)[0]
    index_bytes = sum(parts.values())
    return {
        "programme_pages": len(pages),
        "programme_page_bytes_mean": round(sum(pages) / len(pages)) if pages else 0,
        "programme_page_bytes_max": max(pages, default=0),
        "programme_page_kb_mean": round(sum(pages) / len(pages) / 1024, 2) if pages else 0,
        "programme_page_kb_max": round(max(pages, default=0) / 1024, 2),
        "site_bytes": site_bytes,
        "site_files": site_files,
        "site_mb": round(site_bytes / 2**20, 2),
        "search_index_bytes": index_bytes,
        "search_index_mb": round(index_bytes / 2**20, 3),
        "search_index_parts": parts,  # bytes by place in the site
        "coverage_page_kb": _page_kb(site, "coverage"),
        "timeline_page_kb": _page_kb(site, "timeline"),
    }


def _page_kb(site: Path, folder: str) -> float | None:
    page = site / folder / "index.html"
    return round(page.stat().st_size / 1024, 2) if page.is_file() else None


def machine() -> dict:
    def version(dist: str) -> str | None:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return None

    info = {
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "mkdocs": version("mkdocs"),
        "mkdocs_material": version("mkdocs-material"),
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }
    if hasattr(os, "getloadavg"):
        info["load_average"] = [round(x, 2) for x in os.getloadavg()]
    return info


def bench(n: int, work: Path, seed: int, search: bool = True, recall: bool = True,
          languages: tuple[str, ...] = LANGUAGES, repeat: int = 1) -> dict:
    """Every measure for N records in ``languages``, working in ``work`` (which must be empty).
    With more than one language, the build in all of them and in English alone
    are run ``repeat`` times each, in turn, and compared by their fastest runs."""
    data, site, site_one = work / "data", work / "site", work / "site-one-language"
    floor, floor_docs, floor_site = work / "floor", work / "floor" / "docs", work / "floor" / "site"
    row: dict = {"n": n, "seed": seed, "machine": machine(), "languages": " ".join(languages)}

    progress(f"generating {n} records…")
    with _Timer() as t:
        row["records"] = generate(n, data, seed)
    row["generation_s"], row["generation_cpu_s"] = t.wall, t.cpu
    row["data_bytes"] = sum(p.stat().st_size for p in data_files(data))
    progress(f"committing the records to git: one commit, then {opendata.SMALL_COMMITS} small ones…")
    opendata.make_history(data, opendata.SMALL_COMMITS)

    progress(f"validating {n} records…")
    with _Timer() as t:
        result = validate(data)
    row["validation_s"], row["validation_cpu_s"] = t.wall, t.cpu
    row["problems"] = len(result.problems)
    if not result.ok:
        for p in result.problems[:20]:
            progress(p.format())
        raise SystemExit(f"the generated data has {summary(result.problems)}; nothing to build")
    if result.problems:
        progress(f"  the generated data has {summary(result.problems)}")

    # the rest of the directory's own work inside the build, in-process, for comparison:
    # the model, the pages, the field reference, the open data and the search index
    with _Timer() as t, PictureTimer() as pictures:
        directory = model.build(result.context)
        files, index = site_files(result.context, directory, Options(languages=languages))
        for path in files:  # the pages are rendered when read (by MkDocs in the build): read each once here
            if files.rendered_later(path):
                files[path]
    row["files_s"], row["index_s"] = t.wall, round(index.seconds, 3)
    row["pictures_s"], row["pictures_cpu_s"] = round(pictures.seconds, 4), round(pictures.cpu, 4)
    row["pictures_calls"] = pictures.calls
    row["pictures_files_pct"] = round(100 * pictures.cpu / t.cpu, 2) if t.cpu else None
    row["files"] = len(files)
    row["pages"] = sum(1 for path in files if path.endswith(".md"))
    del files
    progress("timing the open data (exports, JSON-LD, history)…")
    row.update(opendata.measure(result.context, data, languages))
    del result  # the model stays: the recall measures against it

    env = _env(data, " ".join(languages))
    progress(f"building the site for {n} records in {', '.join(languages)} (mkdocs build --strict)…")
    row["build_s"], row["build_cpu_s"], stderr = _run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(site)], env, ROOT, "mkdocs build")
    row["build_reported_s"] = _reported(stderr)
    if len(languages) > 1:
        all_runs, one_runs = [row["build_s"]], []
        for turn in range(1, repeat + 1):
            progress(f"building the site for {n} records in {DEFAULT} alone ({turn} of {repeat})…")
            one_s, one_cpu, _ = _run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(site_one)],
                _env(data, DEFAULT), ROOT, "mkdocs build (one language)")
            one_runs.append(one_s)
            if turn == 1:
                row["build_one_language_cpu_s"] = one_cpu
            if turn < repeat:  # the builds in turn, so that a slow spell of the machine falls on both
                progress(f"building the site for {n} records in {', '.join(languages)} again ({turn + 1} of "
                         f"{repeat})…")
                all_runs.append(_run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d",
                                      str(site)], env, ROOT, "mkdocs build")[0])
        # the fastest run of each: a machine's noise only ever adds time
        row["build_runs_s"], row["build_one_language_runs_s"] = all_runs, one_runs
        row["build_one_language_s"] = min(one_runs)
        row["languages_ratio"] = round(min(all_runs) / min(one_runs), 3)
        row["languages_ratio_median"] = round(statistics.median(all_runs) / statistics.median(one_runs), 3)
        progress(f"  {', '.join(languages)}: {', '.join(f'{s:.1f}' for s in all_runs)} s; {DEFAULT} alone: "
                 f"{', '.join(f'{s:.1f}' for s in one_runs)} s; ratio of the fastest "
                 f"{row['languages_ratio']:.2f}, of the medians {row['languages_ratio_median']:.2f} "
                 "(target <= 1.6)")
        one = measure_site(site_one)
        row["programme_page_kb_mean_one_language"] = one["programme_page_kb_mean"]
        row["search_index_bytes_one_language"] = one["search_index_bytes"]
        shutil.rmtree(site_one)

    progress("rendering the pages for the floor (python -m directory render)…")
    _run([sys.executable, "-m", "directory", "render", str(data), str(floor_docs)], env, ROOT, "directory render")
    for item in (ROOT / "docs").iterdir():
        target = floor_docs / item.name
        if item.is_dir():
            shutil.copytree(item, target, dirs_exist_ok=True)
        else:
            shutil.copyfile(item, target)
    # directory render wrote the same files the hooks give MkDocs
    config = floor / "mkdocs.yml"
    config.write_text(yaml.safe_dump(floor_config(floor_docs), sort_keys=False, allow_unicode=True),
                      encoding="utf-8")

    progress(f"building the floor for {n} records (bare mkdocs build --strict)…")
    row["floor_s"], row["floor_cpu_s"], stderr = _run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(floor_site)],
        env, floor, "floor mkdocs build")
    row["floor_reported_s"] = _reported(stderr)
    row["build_floor_ratio"] = round(row["build_s"] / row["floor_s"], 3)
    row["opendata_share_pct"] = round(100 * row["opendata_s"] / row["build_s"], 2)
    if row["floor_cpu_s"]:
        row["build_floor_cpu_ratio"] = round(row["build_cpu_s"] / row["floor_cpu_s"], 3)

    progress("measuring the site…")
    row.update(measure_site(site))
    # CPU against CPU where both are known (a busy machine disturbs it less), else wall-clock
    if row["build_cpu_s"]:
        row["pictures_build_pct"] = round(100 * row["pictures_cpu_s"] / row["build_cpu_s"], 3)
    else:
        row["pictures_build_pct"] = round(100 * row["pictures_s"] / row["build_s"], 3)
    floor_bytes, floor_files = _tree_size(floor_site)
    row["floor_site_bytes"], row["floor_site_files"] = floor_bytes, floor_files
    row["search"] = {}
    row["first_results_s_max"] = row["first_results_kb_max"] = None
    if search:
        from .browser import SearchError

        try:
            row["search"] = measure_search(site, n)
        except SearchError as exc:
            progress(f"  the search measurement failed: {exc}")
            row["search"] = {"error": str(exc)}
        else:
            row["first_results_s_max"] = round(row["search"]["max_ms"] / 1000, 3)
            row["first_results_kb_max"] = row["search"]["max_kb"]
    row["recall"] = {}
    if recall:
        try:
            row["recall"] = measure_recall_of(directory, data, site, work / "recall", n)
        except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
            progress(f"  the recall measurement failed: {exc}")
            row["recall"] = {"error": str(exc)}
    return row


def _cell(value, fmt: str, missing: str = "-") -> str:
    return missing if value is None else fmt.format(value)


def _layout(cells: list[list[str]], left: int = 0) -> str:
    """Columns of text: the first ``left`` columns flush left, the others right."""
    widths = [max(len(r[i]) for r in cells) for i in range(len(cells[0]))]
    lines = ["  ".join(c.ljust(w) if i < left else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()
             for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def table(rows: list[dict]) -> str:
    def cells(row):
        failed = "error" in (row.get("search") or {})
        return [_cell(row.get(f), fmt, "failed" if failed and f.startswith("first_results") else "-")
                for _, f, fmt in COLUMNS]

    return _layout([[h for h, _, _ in COLUMNS]] + [cells(row) for row in rows])


def opendata_table(rows: list[dict]) -> str:
    """The open data: seconds it adds (in-process) and the bulk exports' sizes, raw and gzipped."""
    title = ("open data (issue 13): seconds the exports, the JSON-LD and the history pass take in the build "
             "(in-process), their share of the build, and the bulk exports")
    return title + "\n" + _layout([[h for h, _, _ in OPENDATA_COLUMNS]] +
                                  [[_cell(row.get(f), fmt) for _, f, fmt in OPENDATA_COLUMNS] for row in rows])


def search_table(row: dict) -> str:
    """The search measurements of one N."""
    search = row.get("search") or {}
    title = f"search at N={row['n']:,} (chromium, cold cache, one run each; KB on the wire, uncompressed)"
    if "error" in search:
        return f"{title}\nfailed: {search['error']}"
    if not search.get("queries"):
        return f"{title}\nnot measured"
    body = [[_cell(q.get(k), fmt) for _, k, fmt in QUERY_COLUMNS] for q in search["queries"]]
    return title + "\n" + _layout([[h for h, _, _ in QUERY_COLUMNS]] + body, left=2)


def recall_table(row: dict) -> str:
    """The recall queries of one N, and the recall of each kind of query."""
    recall = row.get("recall") or {}
    title = (f"recall at N={row['n']:,} (node; before: the engine and index of {recall.get('baseline') or '-'}, "
             "the directory before issue 12; after: this site's; a query's programmes found / its programmes)")
    if "error" in recall:
        return f"{title}\nfailed: {recall['error']}"
    if not recall.get("queries"):
        return f"{title}\nnot measured"
    body = [[_cell(q.get(k), fmt) for _, k, fmt in RECALL_COLUMNS] for q in recall["queries"]]
    lines = [title, _layout([[h for h, _, _ in RECALL_COLUMNS]] + body, left=3)]
    for kind, figures in recall["kinds"].items():
        before = _cell(figures.get("before"), "{:.3f}", "not measured")
        lines.append(f"recall {kind}: before {before}, after {figures['after']:.3f}")
    return "\n".join(lines)


def targets(rows: list[dict]) -> str:
    """One line: the largest N against the targets, each "met" or "missed by X"."""
    row = max(rows, key=lambda r: r["n"])
    parts = []
    for label, field, target, fmt in TARGETS:
        value = row.get(field)
        if value is None:
            parts.append(f"{label} <= {fmt.format(target)}: not measured")
            continue
        verdict = "met" if value <= target else f"missed by {fmt.format(value - target)}"
        parts.append(f"{label} {fmt.format(value)} <= {fmt.format(target)}: {verdict}")
    small, large, most = GROWTH_TARGET
    by_n = {r["n"]: r for r in rows}
    if small in by_n and large in by_n:
        growth = by_n[large]["build_s"] / by_n[small]["build_s"]
        verdict = "met" if growth <= most else f"missed by {growth - most:.1f}x"
        parts.append(f"build growth {small // 1000}k -> {large // 1000}k {growth:.1f}x <= {most}x: {verdict}")
    return f"targets at N={row['n']:,}: " + "; ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, action="append", required=True, metavar="N",
                        help="number of programme records (repeat for several sizes)")
    parser.add_argument("--json", type=Path, help="write the results to this JSON file")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="work in DIR/n<N> and keep the data, the pages and both sites")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-search", dest="search", action="store_false",
                        help="skip the browser timings of the search")
    parser.add_argument("--no-recall", dest="recall", action="store_false",
                        help="skip the recall of the search (node, before and after issue 12)")
    parser.add_argument("--langs", default=" ".join(LANGUAGES), metavar="LANGS",
                        help="the languages to build, e.g. 'en nl da' (default) or 'en'; with more than one, "
                             "the build in English alone is measured beside it")
    parser.add_argument("--repeat", type=int, default=1, metavar="K",
                        help="run the build in all the languages and in English alone K times each, in turn, "
                             "and compare the fastest of each (a shared machine's speed varies by 10 to 20 %% "
                             "from run to run)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("K must be at least 1")
    if any(n < 1 for n in args.n):
        parser.error("N must be at least 1")
    try:
        languages = site_languages(args.langs)
    except LanguagesError as exc:
        parser.error(str(exc))

    rows = []
    for n in args.n:
        if args.keep:
            work = args.keep.resolve() / f"n{n}"
            for sub in ("data", "site", "floor", "recall"):
                shutil.rmtree(work / sub, ignore_errors=True)
            work.mkdir(parents=True, exist_ok=True)
            rows.append(bench(n, work, args.seed, args.search, args.recall, languages, args.repeat))
        else:
            with tempfile.TemporaryDirectory(prefix=f"bench-n{n}-") as tmp:
                rows.append(bench(n, Path(tmp), args.seed, args.search, args.recall, languages, args.repeat))
        row = rows[-1]
        progress(f"N={n}: generation {row['generation_s']:.2f} s, validation {row['validation_s']:.2f} s, "
                 f"build {row['build_s']:.2f} s (CPU {row['build_cpu_s']:.2f} s), "
                 f"floor {row['floor_s']:.2f} s (CPU {row['floor_cpu_s']:.2f} s)"
                 + (f", in {DEFAULT} alone {row['build_one_language_s']:.2f} s "
                    f"(CPU {row['build_one_language_cpu_s']:.2f} s)" if "build_one_language_s" in row else ""))
        if args.json:  # after every N, so that a long run leaves what it measured
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(rows))
    print()
    print(pictures_table(rows))
    print()
    print(opendata_table(rows))
    if args.search:
        for row in rows:
            print()
            print(search_table(row))
    if args.recall:
        for row in rows:
            print()
            print(recall_table(row))
    print()
    print(targets(rows))
    if args.json:
        progress(f"wrote {args.json}")
    return 1 if any("error" in (row.get(part) or {}) for row in rows for part in ("search", "recall")) else 0


if __name__ == "__main__":
    sys.exit(main())
