"""The records of a data folder: every record, where it stands, the vocabularies.

What the cross-record rules see (``Context``), what the model is built from,
and ``find``, which reaches the values at a field's pattern inside a record.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterator

from ..load import LoadedFile
from ..review import today as real_today
from . import SCHEMA

# data file key -> record type: {"programmes": "programme", ...}, from the schema
RECORD_LISTS = SCHEMA.record_lists()


@dataclass
class Record:
    type: str
    data: dict
    file: LoadedFile
    path: tuple  # ('programmes', 3)
    valid: bool  # passed the schema

    @property
    def id(self) -> str | None:
        value = self.data.get("id")
        return value if isinstance(value, str) else None


@dataclass
class Context:
    records: list[Record] = field(default_factory=list)
    # vocabulary name -> term id -> term; and where each vocabulary stands
    vocab: dict[str, dict[str, dict]] = field(default_factory=dict)
    vocab_at: dict[str, tuple[LoadedFile, tuple]] = field(default_factory=dict)
    # (name, file, path) of each further definition of a vocabulary already
    # defined in another file (the first counts; the vocabulary-terms rule reports these)
    vocab_again: list[tuple[str, LoadedFile, tuple]] = field(default_factory=list)
    files: list[LoadedFile] = field(default_factory=list)
    # the day review dates are measured against (DIRECTORY_TODAY in tests)
    today: dt.date = field(default_factory=real_today)

    def valid(self, type_: str | None = None) -> Iterator[Record]:
        """Records that passed the schema, the only ones rules look into."""
        for rec in self.records:
            if rec.valid and (type_ is None or rec.type == type_):
                yield rec

    def vocabularies(self) -> dict[str, list[dict]]:
        """The vocabularies found (name -> terms, in file order)."""
        return {name: list(terms.values()) for name, terms in self.vocab.items()}

    def ids(self, type_: str) -> dict[str, Record]:
        """First record of each id of a type, schema-valid or not (so that a
        reference to a record with a schema error is not reported twice)."""
        out: dict[str, Record] = {}
        for rec in self.records:
            if rec.type == type_ and rec.id and rec.id not in out:
                out[rec.id] = rec
        return out


def find(data: Any, pattern: tuple, prefix: tuple = ()) -> list[tuple[tuple, Any]]:
    """Values at ``pattern`` inside ``data``; '*' stands for every list item.

    >>> find({"a": [{"b": 1}, {"b": 2}]}, ("a", "*", "b"))
    [(('a', 0, 'b'), 1), (('a', 1, 'b'), 2)]

    Rules call this for every field of every record, so it returns at once
    when the record lacks the first field, and it goes one level of the
    pattern at a time instead of recursing (which keeps the file order).
    """
    if pattern and pattern[0] != "*" and not (isinstance(data, dict) and pattern[0] in data):
        return []
    found = [(prefix, data)]
    for head in pattern:
        deeper = []
        for path, value in found:
            if head == "*":
                if isinstance(value, list):
                    deeper.extend((path + (i,), item) for i, item in enumerate(value))
            elif isinstance(value, dict) and head in value:
                deeper.append((path + (head,), value[head]))
        if not deeper:
            return deeper
        found = deeper
    return found
