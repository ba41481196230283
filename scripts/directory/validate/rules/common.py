"""What the rules share; not a rule itself (``ALL`` does not list it).

A rule reports a :class:`Finding`: where (file, line, column, field) and what
(the message). It never says its own level or id: the core
(:func:`directory.validate.rules.apply`) adds the rule's ``LEVEL`` and ``ID``
to each finding, so what a rule reports is always what its module declares
and documents.

:func:`at` and :func:`at_file` place a finding at a value of a record or of a
file; :func:`terms` walks a vocabulary's terms where they stand; :func:`loops`
and :func:`loops_first_met` find the loops of a link between records (a
programme's ``parent``, an organisation's ``part_of``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ...load import LoadedFile
from ...problems import field_path
from ...schema.records import Context, Record


@dataclass(frozen=True)
class Finding:
    """What a rule found: a problem without its level and rule id."""

    path: str  # the data file, as shown in messages
    line: int  # 1-based
    col: int  # 1-based
    field: str  # 'programmes[3].period.start', or '(file)'
    message: str


def at(rec: Record, sub: tuple, message: str, at_key: bool = False) -> Finding:
    """A finding at the value ``sub`` inside ``rec`` (at its key with ``at_key``)."""
    return at_file(rec.file, rec.path + tuple(sub), message, at_key)


def at_file(file: LoadedFile, path: tuple, message: str, at_key: bool = False) -> Finding:
    """A finding at the value ``path`` of ``file`` (at its key with ``at_key``)."""
    pos = file.key_position(path) if at_key else file.position(path)
    return Finding(file.path, pos.line, pos.col, field_path(path), message)


def terms(ctx: Context, name: str) -> Iterator[tuple[LoadedFile, tuple, dict]]:
    """(file, path in it, term) of each term of the vocabulary ``name``, in the
    file that defines it first, in file order; nothing when no file defines
    it. Terms that are not mappings are the schema's to report."""
    if name not in ctx.vocab_at:
        return
    file, path = ctx.vocab_at[name]
    for i, term in enumerate(file.data[path[0]][path[1]] or []):
        if isinstance(term, dict):
            yield file, path + (i,), term


def loops(links: dict[str, str | None]) -> list[list[str]]:
    """Every loop of ``links`` (an id -> the id it points to, or None), once
    each, in the order the walk from the ids in ``links``' order meets them.

    Each id is walked once (a chain of 10,000 records takes 10,000 steps, not
    50 million), and a link to an id outside ``links`` ends the walk."""
    done: set[str] = set()
    found = []
    for start in links:
        if start in done:
            continue
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node in links and node not in done and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = links[node]
        if node is not None and node in on_path:
            found.append(path[path.index(node):])
        done.update(path)
    return found


def loops_first_met(records: dict[str, Record], field: str) -> Iterator[tuple[Record, list[str]]]:
    """Each loop that following ``field`` from record to record makes (``records``:
    id -> record), once: the record of the loop that comes first in the data
    files, and the loop as a chain from it back to it (['a', 'b', 'a'])."""
    links = {rec_id: rec.data.get(field) for rec_id, rec in records.items()}
    for loop in loops(links):
        first = min(loop, key=lambda i: (records[i].file.path, records[i].path))
        at_first = loop.index(first)
        yield records[first], loop[at_first:] + loop[:at_first] + [first]
