"""Validate a data folder: load every file, check the schema, then the rules.

``validate(folder)`` never raises for bad data: every problem, of every file,
comes back in one sorted list.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..gcpause import gc_paused
from .. import load as limits  # MAX_FILES, MAX_FOLDER_BYTES (read when used)
from ..load import Budget, LoadedFile, load_file, megabytes
from ..problems import ERROR, Problem, errors
from . import rules, schema
from .context import RECORD_LISTS, Context, Record

REQUIRED_FILE = "programmes.yaml"


@dataclass
class Result:
    folder: Path
    context: Context
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not errors(self.problems)


def display_path(path: Path) -> str:
    try:
        shown = os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)
    return str(path) if shown.startswith("..") else shown


def data_files(folder: Path) -> list[Path]:
    """The data files of ``folder`` that may be read: every ``*.yaml`` and
    ``*.yml`` that is a file inside the folder, in name order. What
    ``find_data_files`` refuses is left out."""
    return find_data_files(folder)[0]


def find_data_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The data files of ``folder`` that may be read, and a problem for each
    name that may not: a link that leads out of the folder (never read, so
    that nothing of the file it leads to can reach a message or the site), a
    link that leads nowhere, a folder or anything else that is not a file;
    and the folder's limits (MAX_FILES files, MAX_FOLDER_BYTES in all), checked
    before any file is read. The one place that lists data files."""
    inside = folder.resolve()
    found: list[Path] = []
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yaml", ".yml"):
            continue
        shown = display_path(path)
        target = path.resolve()
        if path.is_symlink() and not target.is_relative_to(inside):
            problems.append(_file_problem(shown, (
                "is a link to a file outside the data folder; it is not read: a data file must be "
                "a file in the data folder itself (replace the link by the file)")))
        elif not path.exists():
            problems.append(_file_problem(shown, (
                "is a link to a file that does not exist; delete the link, or put the data file "
                "itself in its place")))
        elif path.is_dir():
            problems.append(_file_problem(shown, (
                "is a folder, not a data file; data files stand directly in the data folder: "
                "rename the folder (without .yaml) or move it out")))
        elif not path.is_file():
            problems.append(_file_problem(shown, (
                "is not a regular file (a pipe, socket or device); it is not read: put a data "
                "file in its place")))
        else:
            found.append(path)
    if len(found) > limits.MAX_FILES:
        return [], problems + [Problem(display_path(folder), 1, 1, ERROR, "(folder)", (
            f"the data folder holds {len(found):,} data files, more than the limit of "
            f"{limits.MAX_FILES}; none is read: keep only the directory's data files in it"), "limits")]
    sizes = {path: path.stat().st_size for path in found}
    if sum(sizes.values()) > limits.MAX_FOLDER_BYTES:
        largest = max(found, key=sizes.__getitem__)
        return [], problems + [Problem(display_path(folder), 1, 1, ERROR, "(folder)", (
            f"the data files hold {megabytes(sum(sizes.values()))} in all, more than the limit "
            f"of {megabytes(limits.MAX_FOLDER_BYTES)}; none is read (the largest is "
            f"{display_path(largest)}, {megabytes(sizes[largest])})"), "limits")]
    return found, problems


def _file_problem(shown: str, message: str) -> Problem:
    return Problem(shown, 1, 1, ERROR, "(file)", message, "data-folder")


def _collect(ctx: Context, file: LoadedFile, schema_problems: list[Problem]) -> None:
    """Add the file's records and vocabularies to the context."""
    data = file.data
    if not isinstance(data, dict):
        return
    # 'programmes[3].name.nl' -> 'programmes[3]': the records with a schema problem
    flawed = {p.field[:p.field.find("]") + 1] for p in schema_problems if "]" in p.field}
    # the schema check stopped looking: no record of the file counts as checked
    stopped = any(p.field == schema.LIMIT_FIELD for p in schema_problems)
    for key, type_ in RECORD_LISTS.items():
        items = data.get(key)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            valid = not stopped and f"{key}[{i}]" not in flawed
            ctx.records.append(Record(type_, item, file, (key, i), valid))
    vocab = data.get("vocabularies")
    if isinstance(vocab, dict):
        for name, terms in vocab.items():
            if not isinstance(terms, list):
                continue
            if name in ctx.vocab_at:  # the vocabulary-terms rule reports it
                ctx.vocab_again.append((name, file, ("vocabularies", name)))
                continue
            ctx.vocab_at[name] = (file, ("vocabularies", name))
            ctx.vocab[name] = {t["id"]: t for t in terms
                               if isinstance(t, dict) and isinstance(t.get("id"), str)}


def validate(folder: Path | str, today: dt.date | None = None) -> Result:
    """Check the data folder ``folder``: its records, and every problem, sorted."""
    with gc_paused():  # a tenth of the time for 10,000 records (see gcpause)
        return _validate(Path(folder), today)


def _validate(folder: Path, today: dt.date | None) -> Result:
    ctx = Context() if today is None else Context(today=today)
    result = Result(folder, ctx)
    shown = display_path(folder)
    if not folder.is_dir():
        result.problems.append(Problem(shown, 1, 1, ERROR, "(folder)",
                                       "the data folder does not exist; give a folder that "
                                       f"holds {REQUIRED_FILE}", "data-folder"))
        return result
    paths, refused = find_data_files(folder)
    result.problems.extend(refused)
    if not (folder / REQUIRED_FILE).is_file():
        result.problems.append(Problem(display_path(folder / REQUIRED_FILE), 1, 1, ERROR, "(file)",
                                       f"the data folder has no {REQUIRED_FILE}; it holds the "
                                       "programme records", "data-folder"))
    budget = Budget()  # the limits the folder's files share
    for path in paths:
        file = load_file(path, display_path(path), budget)
        ctx.files.append(file)
        result.problems.extend(file.problems)
        found = schema.check_file(file)
        _collect(ctx, file, found)
        result.problems.extend(found)
    result.problems.extend(rules.run(ctx))
    result.problems = sorted(set(result.problems), key=_order)
    return result


def _order(p: Problem):
    return (p.path, p.line, p.col, p.level, p.field, p.message)
