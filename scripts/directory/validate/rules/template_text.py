"""Text of the ``make new`` template left in a filled-in record.

``make new KIND=pilot ID=some-id`` starts a record from a template: every
field has a help comment at the end of its line (``# required: …`` or
``# optional: …``), the optional fields are commented out (their lines start
with ``# ``), and the values to fill in are placeholders (``TODO``, ``""``,
``{}``, ``[]``). Once the record is filled in, delete what is left of the
template:

* the help comment at the end of a line you filled in: from ``# required:``
  or ``# optional:`` to the end of the line (keep the value before it);
* the optional fields you did not use: the lines that start with ``# `` and
  end with ``# optional: …`` (or ``# required: …`` inside such a field), and
  the line ``-  # uncomment and fill in at least one field``;
* a field you uncommented but did not fill in, whose value is still the
  placeholder (``TODO``, ``[]``): fill it in or delete the line.

These are warnings: they do not block publishing, but they clutter the file
for the next editor. A placeholder left in a required field is an error of
its own; until the record passes the schema, this check leaves it alone.
"""
from __future__ import annotations

import re

from ...load import LoadedFile
from ...problems import field_path
from ...schema.records import Context, Record
from .common import Finding, at_file

ID = "template-text"
LEVEL = "warning"

_HELP = re.compile(r"#\s(required|optional):")  # the help comment of a template line
_ITEM = "uncomment and fill in at least one field"
_MARKS = ("# required:", "# optional:", _ITEM)  # a file without any of these has no template text
_PLACEHOLDERS = ("TODO", "", [], {})


def check(ctx: Context):
    by_file: dict[int, list[Record]] = {}
    for rec in ctx.records:
        by_file.setdefault(id(rec.file), []).append(rec)
    for file in ctx.files:
        records = by_file.get(id(file))
        text = getattr(file, "text", "") or ""
        if records and any(r.valid for r in records) and (
                any(mark in text for mark in _MARKS) or "TODO" in text):
            yield from _check_file(file, records, text)


def _check_file(file: LoadedFile, records: list[Record], text: str):
    """The template text in the file's records that passed the schema."""
    from ...load.comments import find_comments  # the comments outside every value

    spans = _spans(file, records)
    keys = _keys_by_line(file)
    comments = [c for c in find_comments(text)
                if _HELP.search(c.text, 1 if not c.eol else 0) or _ITEM in c.text]
    run: list = []  # consecutive commented-out template lines of one record
    placeholders: set[int] = set()  # lines where a placeholder was named
    for comment in comments:
        line = comment.line + 1
        rec = _record_at(spans, line)
        if rec is None or not rec.valid:
            continue
        if comment.eol:
            yield from _flush(file, run)
            run = []
            problem = _at_eol(file, rec, keys.get(line), line, comment)
            if "placeholder" in problem.message:
                placeholders.add(line)
            yield problem
        elif run and (run[-1][1].line + 1 != comment.line or run[-1][0] is not rec):
            yield from _flush(file, run)
            run = [(rec, comment)]
        else:
            run.append((rec, comment))
    yield from _flush(file, run)
    yield from _todos(file, [r for r in records if r.valid], placeholders)


def _spans(file: LoadedFile, records: list[Record]) -> list[tuple[int, int, Record]]:
    """Each record's lines: from its own first line to the line before the next
    record of the file (records with errors included, so that their lines are
    never taken for another record's)."""
    starts = sorted((file.position(rec.path).line, i) for i, rec in enumerate(records))
    spans = []
    for n, (line, i) in enumerate(starts):
        end = starts[n + 1][0] - 1 if n + 1 < len(starts) else 10**9
        spans.append((line, end, records[i]))
    return spans


def _record_at(spans, line: int) -> Record | None:
    for start, end, rec in spans:
        if start <= line <= end:
            return rec
    return None


def _keys_by_line(file: LoadedFile) -> dict[int, tuple]:
    """The field each line belongs to: the path of its leftmost key (of the
    deepest such path when a list item and its first key share the column),
    else of its leftmost value."""
    found: dict[int, tuple] = {}
    rank: dict[int, tuple] = {}
    for kind, positions in ((1, file.values), (0, file.keys)):
        for path in positions:
            pos = positions[path]
            here = (kind, pos.col, -len(path))
            if pos.line not in rank or here < rank[pos.line]:
                rank[pos.line], found[pos.line] = here, path
    return found


def _value(data, path: tuple):
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _shown(value) -> str:
    return {"": '""'}.get(value, str(value)) if not isinstance(value, (list, dict)) else \
        ("[]" if isinstance(value, list) else "{}")


def _at_eol(file: LoadedFile, rec: Record, path: tuple | None, line: int, comment) -> Finding:
    path = path or rec.path
    value = _value(file.data, path)
    if _is_placeholder(value):
        return _placeholder(file, path, value)
    kind = _HELP.search(comment.text).group(1)
    return Finding(file.path, line, comment.col + 1, field_path(path),
                   f"the help comment of make new ('# {kind}: …') is still at the end of this "
                   "line; delete it, from the '#' to the end of the line")


def _placeholder(file: LoadedFile, path: tuple, value) -> Finding:
    return at_file(file, path, f"'{_shown(value)}' is still the placeholder of make new; write the "
                   "value the source gives, or delete the line")


def _is_placeholder(value) -> bool:
    return any(type(value) is type(p) and value == p for p in _PLACEHOLDERS)


def _flush(file: LoadedFile, run: list):
    if not run:
        return
    rec, first = run[0]
    start, end = first.line + 1, run[-1][1].line + 1
    if start == end:
        message = (f"line {start} is an optional field of the make new template, still commented "
                   "out; delete it if you do not use it (to use it, remove the '# ' at the start "
                   "of the line and fill it in)")
    else:
        message = (f"lines {start}-{end} are optional fields of the make new template, still "
                   "commented out; delete the ones you do not use (to use one, remove the '# ' "
                   "at the start of its lines and fill it in)")
    yield Finding(file.path, start, first.col + 1, field_path(rec.path), message)


def _todos(file: LoadedFile, records: list[Record], done: set[int]):
    """'TODO' left as a value where it passes the schema (a free text, a
    municipality), unless the line's placeholder was named already."""
    for rec in records:
        for path, value in _walk(rec.data, rec.path):
            if value == "TODO":
                found = _placeholder(file, path, value)
                if found.line not in done:
                    yield found


def _walk(value, path: tuple):
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _walk(sub, path + (key,))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _walk(sub, path + (i,))
    else:
        yield path, value
