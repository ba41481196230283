"""The open data's share of the benchmark (issue 13), for bench.run.

:func:`make_history` turns the generated data folder into a git repository
as the issue describes it: one commit that adds every record, then
``commits`` small commits that each change one programme (its
``last_reviewed`` date, a day earlier), so that the build (whose hooks read
the history) and :func:`measure` see a history of realistic shape.

:func:`measure` times, in this process, what the open data adds to the
build: the exports (the public view, each record as JSON, the data package
and its CSV tables), the JSON-LD of every programme and organisation page
in each of the site's languages,
and the history pass with the change feed and the What's new entries (also
in CPU seconds, git's included); and
it measures the bulk exports (the CSV tables, ``directory.json``, all the
per-record JSON files), raw and gzipped.
"""
from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import subprocess
import time
from pathlib import Path

from directory import history, model
from directory.exports import export_json, public_view
from directory.exports.package import package_files
from directory.exports.records import record_files
from directory.languages import LANGUAGES
from directory.render import changes, jsonld
from directory.render.urls import localized, organisation_path, programme_path

SMALL_COMMITS = 50
_REVIEWED = re.compile(rb"^(\s*last_reviewed:\s*['\"]?)(\d{4}-\d{2}-\d{2})", re.M)


def _git(repo: Path, *args: str, day: int = 0) -> None:
    stamp = (dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(hours=day)).isoformat()
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull,
               GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
    subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.org", "-c", "commit.gpgsign=false",
                    "-c", "init.defaultBranch=main", *args], cwd=repo, env=env, check=True, capture_output=True)


def make_history(data: Path, commits: int = SMALL_COMMITS) -> None:
    """A git repository in ``data``'s folder: one commit of all records, then
    ``commits`` commits that each change one programme."""
    repo = data.parent
    _git(repo, "init", "-q")
    _git(repo, "add", "-A", data.name)
    _git(repo, "commit", "-q", "-m", "All records")
    path = data / "programmes.yaml"
    text = path.read_bytes()
    spots = list(_REVIEWED.finditer(text))
    step = max(1, len(spots) // max(commits, 1))
    for i in range(min(commits, len(spots))):
        match = list(_REVIEWED.finditer(text))[i * step]
        day = dt.date.fromisoformat(match.group(2).decode()) - dt.timedelta(days=1)
        text = text[:match.start(2)] + day.isoformat().encode() + text[match.end(2):]
        path.write_bytes(text)
        _git(repo, "commit", "-q", "-am", f"Review {i + 1}", day=i + 1)
    # packed, as a clone is (the publishing workflow's checkout): fresh commits are
    # loose objects, each version of a large file stored whole, which a clone never has
    _git(repo, "repack", "-adq")


def _cpu() -> float:
    """CPU seconds of this process and of the commands it waited for (git)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _sizes(files: dict[str, str | bytes]) -> tuple[int, int]:
    raw = [c.encode("utf-8") if isinstance(c, str) else c for c in files.values()]
    return sum(len(c) for c in raw), sum(len(gzip.compress(c, 6)) for c in raw)


def measure(context, data: Path, languages: tuple[str, ...] = LANGUAGES) -> dict:
    """Seconds and sizes of the open data for a validated ``context`` read
    from ``data``, with the pages of ``languages``."""
    directory = model.build(context)
    row: dict = {}
    start = time.perf_counter()
    view = public_view(context)
    records = record_files(view)
    package = package_files(view, context.vocab)
    row["opendata_exports_s"] = round(time.perf_counter() - start, 3)

    start = time.perf_counter()
    for lang in languages:
        for p in directory.programmes.values():
            jsonld.script(jsonld.programme(p, directory.vocab, localized(programme_path(p), lang), lang))
        for o in directory.organisations.values():
            jsonld.script(jsonld.organisation(o, directory.vocab, localized(organisation_path(o), lang), lang))
    row["opendata_jsonld_s"] = round(time.perf_counter() - start, 3)

    start, cpu = time.perf_counter(), _cpu()
    known = history.read(context, data, history.COMMITS)
    for lang in languages:  # the feed and the What's new page of each language
        changes.feed(known, directory, dt.date(2026, 11, 23), lang)
        changes.entries(known, directory, lang)
    row["opendata_history_s"] = round(time.perf_counter() - start, 3)
    row["opendata_history_cpu_s"] = round(_cpu() - cpu, 3)  # git's CPU seconds too: a busy machine disturbs it less
    row["history_commits_read"] = known.commits_read if known else 0
    row["history_records_dated"] = len(known.last_changed) if known else 0
    row["opendata_s"] = round(row["opendata_exports_s"] + row["opendata_jsonld_s"] + row["opendata_history_s"], 3)

    csv_raw, csv_gz = _sizes({k: v for k, v in package.items() if k.endswith(".csv")})
    json_raw, json_gz = _sizes({"directory.json": export_json(context)})
    rec_raw, rec_gz = _sizes(records)
    mb = 2 ** 20
    row.update({
        "bulk_csv_mb": round(csv_raw / mb, 3), "bulk_csv_gz_mb": round(csv_gz / mb, 3),
        "directory_json_mb": round(json_raw / mb, 3), "directory_json_gz_mb": round(json_gz / mb, 3),
        "record_json_mb": round(rec_raw / mb, 3), "record_json_gz_mb": round(rec_gz / mb, 3),
        "record_json_files": len(records),
    })
    return row
