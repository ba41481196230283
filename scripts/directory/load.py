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

A data folder can hold ten thousand records, a million values, so loading is
kept lean: a plain text is built straight from the parser's events
(_EventBuilder), and only one with anchors, aliases, tags or errors by way of
the composed node tree (_Builder); positions are kept packed in ints until one
is looked up; and the garbage collector pauses meanwhile (gc_paused).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .gcpause import gc_paused
from .problems import ERROR, Problem, field_path

Path_ = tuple  # a path into the data: keys and list indices

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BOOL = "tag:yaml.org,2002:bool"
_MERGE = "tag:yaml.org,2002:merge"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_STR = "tag:yaml.org,2002:str"
_STRICT_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser is ~10x faster


class _Loader(_BASE):
    """SafeLoader without timestamps and with YAML 1.2 booleans."""

    # first character of a plain scalar -> its implicit resolvers, the
    # wildcard ones included (set below, once the resolvers are)
    _by_first: dict[str, tuple] = {}
    _wildcard: tuple = ()

    def resolve(self, kind, value, implicit):
        """The tag of a node that has none written: ``BaseResolver.resolve``
        without path resolvers (this loader has none) and without building a
        list of resolvers on each call; the composer asks for every node."""
        if self.yaml_path_resolvers:  # pragma: no cover - none are ever added
            return super().resolve(kind, value, implicit)
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self._by_first.get(value[:1], self._wildcard):
                    if regexp.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        if kind is SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG
        if kind is MappingNode:
            return self.DEFAULT_MAPPING_TAG
        return None  # pragma: no cover - as BaseResolver.resolve


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_TIMESTAMP, _BOOL)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, _STRICT_BOOL, list("tTfF"))
_Loader._wildcard = tuple(_Loader.yaml_implicit_resolvers.get(None, []))
_Loader._by_first = {first: tuple(resolvers) + _Loader._wildcard
                     for first, resolvers in _Loader.yaml_implicit_resolvers.items()
                     if first is not None}


@dataclass(frozen=True)
class Position:
    line: int
    col: int


def _packed(mark) -> int:
    """A yaml Mark's line and column (both 0-based) in one int, which, unlike
    the Mark, the garbage collector need not track."""
    return mark.line << 32 | mark.column


class Positions(Mapping):
    """Positions by path, kept packed (see ``_packed``) until one is looked up:
    a million Position objects would cost a third of a second to make."""

    def __init__(self) -> None:
        self.packed: dict[Path_, int] = {}  # filled by the builders

    def __getitem__(self, path: Path_) -> Position:
        packed = self.packed[path]
        return Position((packed >> 32) + 1, (packed & 0xFFFFFFFF) + 1)

    def __contains__(self, path: object) -> bool:
        return path in self.packed

    def __iter__(self) -> Iterator[Path_]:
        return iter(self.packed)

    def __len__(self) -> int:
        return len(self.packed)


@dataclass
class LoadedFile:
    """A data file's values and where each of them stands."""

    path: str  # as shown in messages
    data: Any = None
    values: Positions = field(default_factory=Positions)
    keys: Positions = field(default_factory=Positions)
    problems: list[Problem] = field(default_factory=list)
    text: str = ""  # the file's text as decoded (comments included), for rules that read it

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


def _duplicate_key(file: LoadedFile, sub: Path_, mark) -> None:
    """The second of two equal keys in one mapping (both loaders report it alike)."""
    first = file.keys[sub]
    _problem(file, _pos(mark), field_path(sub),
             f"duplicate key '{sub[-1]}' (first at line {first.line}, column {first.col}); "
             "a key may appear once in a mapping: keep one and delete the other", "duplicate-key")


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
    """Turns the composed node tree into plain values, noting where each stands."""

    def __init__(self, loader: _Loader, file: LoadedFile):
        self.loader = loader
        self.file = file
        self.values = file.values.packed
        self.keys = file.keys.packed
        self.stack: set[int] = set()  # the collections being built: an alias to one recurses

    def build(self, node: Node, path: Path_) -> Any:
        self.values[path] = _packed(node.start_mark)
        if isinstance(node, ScalarNode):
            # what construct_object makes of a text, and nearly every value is one
            return node.value if node.tag == _STR else self._scalar(node, path)
        return self._collection(node, path)

    def _scalar(self, node: ScalarNode, path: Path_) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            # ValueError: PyYAML resolves '0x_' as a number, then cannot convert it
            _problem(self.file, _pos(node.start_mark), field_path(path),
                     f"cannot read this value ({getattr(exc, 'problem', None) or exc}); "
                     "quote it to make it text")
            return None

    def _collection(self, node: Node, path: Path_) -> Any:
        if id(node) in self.stack:
            _problem(self.file, _pos(node.start_mark), field_path(path),
                     "an alias refers to a value that contains it; remove the recursive alias")
            return None
        if node.tag not in (_SEQ, _MAP):
            _problem(self.file, _pos(node.start_mark), field_path(path),
                     f"the tag '{node.tag}' is not allowed; write plain YAML lists and mappings")
            return None
        self.stack.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                build = self.build
                return [build(item, path + (i,)) for i, item in enumerate(node.value)]
            if isinstance(node, MappingNode):
                return self._mapping(node, path)
        finally:
            self.stack.discard(id(node))
        return None  # pragma: no cover - composer yields no other nodes

    def _mapping(self, node: MappingNode, path: Path_) -> dict:
        result: dict[str, Any] = {}
        keys = self.keys  # path -> mark of its key: a key path seen twice is a duplicate
        for key_node, value_node in node.value:
            if key_node.tag == _STR and isinstance(key_node, ScalarNode):
                key = key_node.value
            elif key_node.tag == _MERGE:
                _problem(self.file, _pos(key_node.start_mark), field_path(path),
                         "merge keys (<<) are not supported; write the fields out")
                continue
            elif not isinstance(key_node, ScalarNode):
                _problem(self.file, _pos(key_node.start_mark), field_path(path),
                         "a key must be a plain name, not a list or mapping")
                continue
            else:
                key = str(self.loader.construct_object(key_node))
            sub = path + (key,)
            if sub in keys:
                _duplicate_key(self.file, sub, key_node.start_mark)
                continue
            keys[sub] = _packed(key_node.start_mark)
            result[key] = self.build(value_node, sub)
        return result


class _Unusual(Exception):
    """The text holds more than plain YAML; see _EventBuilder."""


class _EventBuilder(_Builder):
    """Builds the values straight from the parser's events, without composing
    the node tree first, which takes a third less time for a large file.

    It knows plain YAML only, all that data files hold: one document of
    mappings, lists and scalars, without anchors, aliases or tags, and with
    text keys. On anything else, an empty or broken text included, it gives up
    (raises _Unusual or the parser's error), and the text is built from
    composed nodes by _Builder, which knows everything and says what is wrong.
    Where both build, they build the same: values, positions and problems."""

    def document(self) -> None:
        """Build ``file.data`` from the one document of the text."""
        next_event = self.loader.get_event
        for kind in (StreamStartEvent, DocumentStartEvent):  # an empty text has no document
            if type(event := next_event()) is not kind:
                raise _Unusual(event)
        self.file.data = self.value(next_event(), ())
        for kind in (DocumentEndEvent, StreamEndEvent):  # one document only
            if type(event := next_event()) is not kind:
                raise _Unusual(event)

    def value(self, event: Any, path: Path_) -> Any:
        """The value that starts with ``event``, at ``path``."""
        kind = type(event)
        if kind is ScalarEvent:
            self.values[path] = _packed(event.start_mark)
            tag = self._tag(event)
            if tag == _STR:
                return event.value
            node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
            return self._scalar(node, path)
        if kind not in (MappingStartEvent, SequenceStartEvent) or event.anchor is not None \
                or event.tag is not None:
            raise _Unusual(event)  # an alias, anchor or tag
        self.values[path] = _packed(event.start_mark)
        if kind is MappingStartEvent:
            return self._mapping_events(path)
        return self._sequence_events(path)

    def _tag(self, event: ScalarEvent) -> str:
        """The tag the composer gives a scalar that has no anchor, nor a tag written."""
        if event.anchor is not None or event.tag is not None:
            raise _Unusual(event)
        if not event.implicit[0]:  # quoted or a block: what resolve says, quicker
            return _STR
        return self.loader.resolve(ScalarNode, event.value, event.implicit)

    def _sequence_events(self, path: Path_) -> list:
        items: list = []
        next_event, value = self.loader.get_event, self.value
        event = next_event()
        while type(event) is not SequenceEndEvent:
            items.append(value(event, path + (len(items),)))
            event = next_event()
        return items

    def _mapping_events(self, path: Path_) -> dict:
        result: dict[str, Any] = {}
        next_event, value, keys = self.loader.get_event, self.value, self.keys
        event = next_event()
        while type(event) is not MappingEndEvent:
            if type(event) is not ScalarEvent or self._tag(event) != _STR:
                raise _Unusual(event)  # a key that is not a text
            key = event.value
            sub = path + (key,)
            if sub in keys:
                _duplicate_key(self.file, sub, event.start_mark)
                self._skip(next_event())
            else:
                keys[sub] = _packed(event.start_mark)
                result[key] = value(next_event(), sub)
            event = next_event()
        return result

    def _skip(self, event: Any) -> None:
        """Pass over the value that starts with ``event`` (that of a duplicate
        key, which is left out), making sure it is plain YAML too."""
        depth = 0
        while True:
            kind = type(event)
            if kind in (MappingEndEvent, SequenceEndEvent):
                depth -= 1
            elif kind not in (ScalarEvent, MappingStartEvent, SequenceStartEvent) \
                    or event.anchor is not None or event.tag is not None:
                raise _Unusual(event)  # an alias, anchor or tag
            elif kind is not ScalarEvent:
                depth += 1
            if depth == 0:
                return
            event = self.loader.get_event()


def _load_plain(text: str, display_path: str) -> LoadedFile | None:
    """The file built by _EventBuilder, or None when it gives up."""
    file = LoadedFile(display_path)
    loader = _Loader(text)
    try:
        _EventBuilder(loader, file).document()
    except (_Unusual, yaml.YAMLError):
        return None
    finally:
        loader.dispose()
    return file


def _build(loader: _Loader, file: LoadedFile) -> bool:
    """Compose the node tree and build ``file.data`` from it; False for an
    empty file. The node tree is gone when this returns."""
    node = loader.get_single_node()
    if node is None:
        return False
    file.data = _Builder(loader, file).build(node, ())
    return True


def load_text(text: str, display_path: str) -> LoadedFile:
    """Load YAML text; problems are collected on the returned file."""
    with gc_paused():
        file = _load_plain(text, display_path) or _load_composed(text, display_path)
        file.text = text
        return file


def _load_composed(text: str, display_path: str) -> LoadedFile:
    """Load YAML text by way of the composed node tree."""
    file = LoadedFile(display_path)
    loader = _Loader(text)
    try:
        if not _build(loader, file):
            _problem(file, Position(1, 1), "(file)",
                     "the file is empty; it must hold a mapping such as 'programmes:' "
                     "with a list of records", "empty-file")
            return file
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
