"""Load YAML data files into plain values, keeping the position of every value.

PyYAML's composer gives every node its start mark; this module walks the node
tree itself instead of calling ``yaml.safe_load`` so that it can

* remember the line and column of every key and value (for messages),
* report *every* duplicate key (PyYAML silently keeps the last one),
* keep dates as the strings the editor wrote (``2019-07`` is a partial date,
  not something to be turned into ``datetime``), and
* read ``no``, ``yes``, ``on`` and ``off`` as text, so that the country code
  ``NO`` stays Norway (YAML 1.1 would make it ``False``).

A file that cannot be read at all (not UTF-8, broken YAML, empty) yields
problems, never an exception.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import ERROR, Problem, field_path

Path_ = tuple  # a path into the data: keys and list indices

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BOOL = "tag:yaml.org,2002:bool"
_MERGE = "tag:yaml.org,2002:merge"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_STRICT_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser is ~10x faster


class _Loader(_BASE):
    """SafeLoader without timestamps and with YAML 1.2 booleans."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_TIMESTAMP, _BOOL)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, _STRICT_BOOL, list("tTfF"))


@dataclass(frozen=True)
class Position:
    line: int
    col: int


@dataclass
class LoadedFile:
    """A data file's values and where each of them stands."""

    path: str  # as shown in messages
    data: Any = None
    values: dict[Path_, Position] = field(default_factory=dict)
    keys: dict[Path_, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def position(self, path: Path_) -> Position:
        """Where the value at ``path`` stands, or its nearest ancestor."""
        path = tuple(path)
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), Position(1, 1))

    def key_position(self, path: Path_) -> Position:
        """Where the key of the value at ``path`` stands (falls back to the value)."""
        return self.keys.get(tuple(path)) or self.position(path)


def _pos(mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _problem(file: LoadedFile, pos: Position, fld: str, message: str, rule: str = "yaml") -> None:
    file.problems.append(Problem(file.path, pos.line, pos.col, ERROR, fld, message, rule))


def _line_col(text: str, index: int) -> Position:
    line = text.count("\n", 0, index) + 1
    return Position(line, index - (text.rfind("\n", 0, index) + 1) + 1)


def _decode(raw: bytes, file: LoadedFile) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", errors="replace")
        _problem(
            file,
            _line_col(good, len(good)),
            "(file)",
            f"byte 0x{raw[exc.start]:02x} is not UTF-8 text; save the file as UTF-8 "
            "(a data file must be plain text)",
            "encoding",
        )
        return None
    bad = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]", text)
    if bad:
        _problem(
            file,
            _line_col(text, bad.start()),
            "(file)",
            f"control character U+{ord(bad.group()):04X} is not allowed; "
            "a data file must be plain text (tabs only inside quoted text)",
            "encoding",
        )
        return None
    return text


class _Builder:
    def __init__(self, loader: _Loader, file: LoadedFile):
        self.loader = loader
        self.file = file
        self.stack: set[int] = set()

    def build(self, node: Node, path: Path_) -> Any:
        self.file.values[path] = _pos(node.start_mark)
        if id(node) in self.stack:
            _problem(self.file, _pos(node.start_mark), field_path(path),
                     "an alias refers to a value that contains it; remove the recursive alias")
            return None
        if isinstance(node, ScalarNode):
            try:
                return self.loader.construct_object(node, deep=True)
            except yaml.YAMLError as exc:
                _problem(self.file, _pos(node.start_mark), field_path(path),
                         f"cannot read this value ({getattr(exc, 'problem', None) or exc}); "
                         "quote it to make it text")
                return None
        if node.tag not in (_SEQ, _MAP):
            _problem(self.file, _pos(node.start_mark), field_path(path),
                     f"the tag '{node.tag}' is not allowed; write plain YAML lists and mappings")
            return None
        self.stack.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
            if isinstance(node, MappingNode):
                return self._mapping(node, path)
        finally:
            self.stack.discard(id(node))
        return None  # pragma: no cover - composer yields no other nodes

    def _mapping(self, node: MappingNode, path: Path_) -> dict:
        result: dict[str, Any] = {}
        first_seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            kpos = _pos(key_node.start_mark)
            if key_node.tag == _MERGE:
                _problem(self.file, kpos, field_path(path),
                         "merge keys (<<) are not supported; write the fields out")
                continue
            if not isinstance(key_node, ScalarNode):
                _problem(self.file, kpos, field_path(path),
                         "a key must be a plain name, not a list or mapping")
                continue
            key = str(self.loader.construct_object(key_node))
            if key in first_seen:
                first = first_seen[key]
                _problem(self.file, kpos, field_path(path + (key,)),
                         f"duplicate key '{key}' (first at line {first.line}, column {first.col}); "
                         "a key may appear once in a mapping: keep one and delete the other",
                         "duplicate-key")
                continue
            first_seen[key] = kpos
            self.file.keys[path + (key,)] = kpos
            result[key] = self.build(value_node, path + (key,))
        return result


def load_text(text: str, display_path: str) -> LoadedFile:
    """Load YAML text; problems are collected on the returned file."""
    file = LoadedFile(display_path)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            _problem(file, Position(1, 1), "(file)",
                     "the file is empty; it must hold a mapping such as 'programmes:' "
                     "with a list of records", "empty-file")
            return file
        file.data = _Builder(loader, file).build(node, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = _pos(mark) if mark else Position(1, 1)
        what = " ".join(filter(None, [exc.context, exc.problem]))
        _problem(file, pos, "(syntax)", f"not valid YAML: {what}; check indentation, "
                 "colons and quotes around this place", "yaml-syntax")
        file.data = None
    except yaml.YAMLError as exc:  # reader errors and the like
        _problem(file, Position(1, 1), "(syntax)", f"not valid YAML: {exc}", "yaml-syntax")
        file.data = None
    finally:
        loader.dispose()
    if file.problems and any(p.rule == "yaml-syntax" for p in file.problems):
        file.data = None
    return file


def load_file(path: Path, display_path: str | None = None) -> LoadedFile:
    """Load one data file from disk."""
    shown = display_path or str(path)
    file = LoadedFile(shown)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        _problem(file, Position(1, 1), "(file)", f"cannot read the file: {exc.strerror}", "io")
        return file
    text = _decode(raw, file)
    if text is None:
        return file
    return load_text(text, shown)
