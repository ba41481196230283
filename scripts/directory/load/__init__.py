"""The YAML text of the data files: reading it, and writing values into it.

This package is the one place that knows YAML as text:

* here, the loader (``load_file``, ``load_text``), the data files of a
  folder (``data_files``, the one place that lists them) and ``write_atomic``,
  with which the tools replace a file;
* ``messages``: YAML mistakes in an editor's words;
* ``quote``: how a value is written in a data file (the one scalar quoting
  that ``fmt``, ``new``, the field reference and the messages share);
* ``comments``: where the comments of a file stand (``fmt`` keeps them, the
  ``template-text`` rule reads them).

The loader reads data files into plain values, keeping the position of every
value. One builder turns the parser's events straight into values; it never
composes PyYAML's node tree and never calls ``yaml.safe_load``, so that it can

* remember the line and column of every key and value (for messages),
* report *every* duplicate key (PyYAML silently keeps the last one),
* keep dates as the strings the editor wrote (``2019-07`` is a partial date,
  not something to be turned into ``datetime``),
* read ``no``, ``yes``, ``on`` and ``off`` as text, so that the country code
  ``NO`` stays Norway (YAML 1.1 would make it ``False``), and
* refuse, each at its place and before any value is built from it, what data
  files have no use for and what could make a check run for minutes or out of
  memory: anchors, aliases and merge keys (nine lines of aliases can stand
  for a hundred million values), tags, keys that are not texts, numbers that
  are not finite, nesting deeper than ``MAX_DEPTH``, and files, texts and
  value counts beyond the limits below.

A file that cannot be read at all (not UTF-8, broken YAML, empty) yields
problems, never an exception; a broken file's problems are said in an
editor's words (``load.messages``).

Positions are lines counted by ``\\n``, as an editor and GitHub count them. The
parser also takes U+0085, U+2028, U+2029 and a lone carriage return for line
breaks; each is reported where it stands, and the file is parsed with it
replaced by a space, so that every later position stays right.

A data folder can hold ten thousand records, 400,000 values, so
loading is kept lean: positions are kept packed in ints until one is looked
up, and the garbage collector pauses meanwhile (gc_paused).
"""
from __future__ import annotations

import contextlib
import math
import os
import re
import stat
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from ..gcpause import gc_paused
from ..problems import ERROR, Problem, field_path
from . import messages

Path_ = tuple  # a path into the data: keys and list indices

# Limits that a real directory never reaches (the real data: 0.14 MB and 3,400
# values; the synthetic benchmark of 10,000 programmes: 31 MB, 409,000 values,
# texts of up to 4,000 characters, 6 levels), and that keep a check of any
# input within seconds and under 500 MB (tests/unit/test_load_limits.py).
# CONTRIBUTING.md ("Limits") explains them to editors.
MAX_FILE_BYTES = 48_000_000  # one data file
MAX_FOLDER_BYTES = 60_000_000  # all data files of a folder together
MAX_FILES = 100  # data files in a folder
MAX_VALUES = 600_000  # values (texts, numbers, lists, mappings) in all data files of a folder
MAX_TEXT_CHARS = 100_000  # one text
MAX_DEPTH = 20  # lists and mappings inside each other
MAX_PROBLEMS = 1000  # problems the loader reports for one file before it stops reading it

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BOOL = "tag:yaml.org,2002:bool"
_MERGE = "tag:yaml.org,2002:merge"
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_CONSTRUCTED = (_INT, _FLOAT, _BOOL, _NULL)  # the plain values that are not texts
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
        list of resolvers on each call; the builder asks for every plain scalar."""
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


class Positions(Mapping):
    """Positions by path, kept packed until one is looked up: a yaml Mark's
    line and column (both 0-based) in one int, ``line << 32 | column``, which,
    unlike a Position, the garbage collector need not track (a million
    Position objects would cost a third of a second to make)."""

    def __init__(self) -> None:
        self.packed: dict[Path_, int] = {}  # filled by the builder

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
    # the text as written of each plain value that YAML read as a number, where
    # it is not plain digits ('290.000' for 290.0, '017' for 15), by path: rules
    # decide on what the editor wrote (plain digits are what str() gives)
    numbers: dict[Path_, str] = field(default_factory=dict)
    # the file's text, or its UTF-8 bytes until ``text`` is first asked for
    source: str | bytes = field(default="", repr=False)

    @property
    def text(self) -> str:
        """The file's text as the editor wrote it, comments included (a byte
        order mark left out), for rules that read more than the values."""
        if isinstance(self.source, bytes):
            self.source = self.source.decode("utf-8-sig")
        return self.source

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


@dataclass
class Budget:
    """What is left of the limits that a whole data folder shares."""

    values: int = field(default_factory=lambda: MAX_VALUES)


def _problem(file: LoadedFile, pos: Position, fld: str, message: str, rule: str = "yaml") -> None:
    file.problems.append(Problem(file.path, pos.line, pos.col, ERROR, fld, message, rule))


def _line_col(text: str, index: int) -> Position:
    line = text.count("\n", 0, index) + 1
    return Position(line, index - (text.rfind("\n", 0, index) + 1) + 1)


def megabytes(n: int) -> str:
    """A byte count in an editor's words: '40 MB', '30.4 MB', '120 bytes'."""
    if n < 100_000:
        return f"{n:,} bytes"
    return f"{n / 1e6:,.1f} MB".replace(".0 MB", " MB")


def _decode(raw: bytes, file: LoadedFile) -> str | None:
    try:
        return raw.decode("utf-8")
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


# Characters the parser takes for a line break where an editor sees none (NEL,
# LS, PS, a carriage return without a line feed), and U+FEFF, which it skips
# at the start of a line only. (Control characters it refuses itself:
# see _refused.)
_INVISIBLE = {
    "\x85": "an invisible line break (U+0085 NEXT LINE)",
    "\u2028": "an invisible line break (U+2028 LINE SEPARATOR)",
    "\u2029": "an invisible line break (U+2029 PARAGRAPH SEPARATOR)",
    "\r": "a carriage return without a line feed (U+000D, an old Mac line end)",
}
_ZERO_WIDTH = "an invisible character (U+FEFF ZERO WIDTH NO-BREAK SPACE, a byte order mark)"
_INVISIBLE_RX = re.compile("[\x85\u2028\u2029\ufeff]|\r(?!\n)")


MAX_INVISIBLE = 100  # invisible line breaks reported one by one in a file


def _characters(text: str, file: LoadedFile) -> str | None:
    """The text to parse when it holds invisible line breaks: each of them
    replaced by a space, after reporting it, so that the parser counts lines
    as the editor does; None when it holds none (nearly always)."""
    # a search for each character is quicker than one regular expression
    if not any(char in text for char in "\x85\u2028\u2029\ufeff") and \
            ("\r" not in text or text.count("\r") == text.count("\r\n")):
        return None
    line, searched, count = 1, 0, 0
    for found in _INVISIBLE_RX.finditer(text):
        count += 1
        if count > MAX_INVISIBLE + 1:
            continue
        at = found.start()
        line += text.count("\n", searched, at)
        searched = at
        pos = Position(line, at - text.rfind("\n", 0, at))
        if count <= MAX_INVISIBLE and found.group() == "\ufeff":
            _problem(file, pos, "(file)", f"{_ZERO_WIDTH} stands here, where it does not belong; "
                     "delete it", "encoding")
        elif count <= MAX_INVISIBLE:
            _problem(file, pos, "(file)",
                     f"{_INVISIBLE[found.group()]} stands here; the check reads it as the end of a "
                     "line where you see none: delete it (or type a space)", "encoding")
        else:
            more = pos
    if count > MAX_INVISIBLE:
        _problem(file, more, "(file)", (
            f"{count - MAX_INVISIBLE:,} more invisible line breaks or characters from here on; "
            "delete them all (an editor's 'show invisible characters' finds them)"), "encoding")
    # a space where the parser saw a line break; U+FEFF, which takes no room, goes
    return _INVISIBLE_RX.sub(lambda found: "" if found.group() == "\ufeff" else " ", text)


_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _refused(text: str, file: LoadedFile) -> None:
    """Report the first character the parser refused: a control character, a
    lone surrogate or a non-character (searched for only once it refused one)."""
    found = _REFUSED.search(text)
    pos = _line_col(text, found.start()) if found else Position(1, 1)
    code = ord(found.group()) if found else 0
    what = "control character" if code < 0xA0 else "character"
    _problem(file, pos, "(file)", f"{what} U+{code:04X} is not allowed; a data file must be "
             "plain text (tabs only inside quoted text)", "encoding")


class _Stop(Exception):
    """The file is not read further (a limit was reached); see its problems."""


def _written(tag: str) -> str:
    """A tag as an editor would have typed it: 'tag:yaml.org,2002:str' -> '!!str'."""
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


class _Builder:
    """Builds a file's values from the parser's events, noting where each stands.

    Data files hold one document of mappings, lists and scalars with text
    keys. Anything else is reported at its place and left out: an alias is
    never looked up (so never expanded), and the values under a tag, a merge
    key or a key that is not a text are passed over without being built.
    Nesting deeper than MAX_DEPTH, more values than the folder's budget or
    more than MAX_PROBLEMS problems stop the reading of the file (_Stop)."""

    def __init__(self, loader: _Loader, file: LoadedFile, budget: Budget, parsed: str | None):
        self.loader = loader
        self.parsed = parsed  # the text as parsed, where it is not the file's own
        self.next = loader.get_event
        self.file = file
        self.values = file.values.packed
        self.keys = file.keys.packed
        self.budget = budget
        self.aliases: dict[str, int] = {}  # anchor name -> line of its last alias reported
        # the file's values may grow to this many (the folder's limit counts them all);
        # the lists and mappings check it for each item: a dict's len is cheap
        self.stop = budget.values

    @property
    def text(self) -> str:
        """The text as parsed (asked for by messages only)."""
        return self.parsed if self.parsed is not None else self.file.text

    # ------------------------------------------------------------ problems

    def report(self, mark, path: Path_, message: str, rule: str = "yaml") -> None:
        problems = self.file.problems
        if len(problems) >= MAX_PROBLEMS:
            _problem(self.file, Position(mark.line + 1, mark.column + 1), field_path(path),
                     f"more than {MAX_PROBLEMS:,} problems in this file; the check stops reading "
                     "it here: fix these first, then check again", "limits")
            raise _Stop
        problems.append(Problem(self.file.path, mark.line + 1, mark.column + 1, ERROR,
                                field_path(path), message, rule))

    def too_many_values(self, mark, path: Path_) -> None:
        self.report(mark, path, (
            f"the data files hold more than {MAX_VALUES:,} values (texts, numbers, lists and "
            "fields), the limit for a data folder; the check stops reading here. Split off "
            "data that does not belong in the directory, or ask a maintainer"), "limits")
        raise _Stop

    # ------------------------------------------------------------ the document

    def document(self) -> None:
        """Build ``file.data`` from the one document of the text."""
        next_event = self.next
        next_event()  # StreamStart
        event = next_event()
        if type(event) is StreamEndEvent:
            _problem(self.file, Position(1, 1), "(file)",
                     "the file is empty; it must hold a mapping such as 'programmes:' "
                     "with a list of records", "empty-file")
            return
        data = self.value(next_event(), (), 0)  # event was the DocumentStart
        next_event()  # DocumentEnd
        event = next_event()
        if type(event) is DocumentStartEvent:
            self.report(event.start_mark, (), (
                "a second document starts here; a data file holds one: delete the line "
                "'---' (and put the records below it in the list above it)"), "yaml-syntax")
            return
        self.file.data = data

    def value(self, event: Any, path: Path_, depth: int) -> Any:
        """The value that starts with ``event``, at ``path``, ``depth`` collections deep."""
        mark = event.start_mark
        self.values[path] = mark.line << 32 | mark.column
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                if not self.properties(event, path):
                    return None
            if not event.implicit[0]:  # quoted or a block: what resolve says, quicker
                value = event.value
            else:
                tag = self.loader.resolve(ScalarNode, event.value, event.implicit)
                if tag != _STR:
                    return self.scalar(event, tag, path)
                value = event.value
            if len(value) > MAX_TEXT_CHARS:
                self.report(mark, path, (
                    f"this text is {len(value):,} characters long, more than the limit of "
                    f"{MAX_TEXT_CHARS:,} for one text; shorten it, or link to the source"), "limits")
                return None
            return value
        if kind is AliasEvent:
            if self.aliases.get(event.anchor) == mark.line:
                return None  # said for this line already ('[*a, *a, *a]')
            self.aliases[event.anchor] = mark.line
            self.report(mark, path, (
                f"'*{event.anchor}' (an alias) repeats a value marked elsewhere with "
                f"'&{event.anchor}'; data files do not use aliases: write the value out here"))
            return None
        if event.anchor is not None or event.tag is not None:
            if not self.properties(event, path):
                self.skip(event)
                return None
        if depth >= MAX_DEPTH:  # the parser slows down with depth: stop here
            self.report(mark, path, (
                f"lists and mappings are nested more than {MAX_DEPTH} deep here, the limit "
                "(records nest a few levels only); the check stops reading the file here: check "
                "the brackets and the indentation"), "limits")
            raise _Stop
        if kind is MappingStartEvent:
            if event.flow_style and mark.index == event.end_mark.index:
                # 'a: b' inside [...]: YAML makes it a mapping, without braces
                self.report(mark, path, messages.pair_in_brackets(self.text, mark.index),
                            "yaml-syntax")
            return self.mapping(path, depth + 1, event.flow_style)
        return self.sequence(path, depth + 1)

    def properties(self, event: Any, path: Path_) -> bool:
        """Report the anchor or tag of ``event``; True when its value can be
        built all the same (an anchored value is built, once, as written)."""
        if event.tag is not None:
            self.report(event.start_mark, path, (
                f"the tag '{_written(event.tag)}' is not allowed; a data file holds plain texts, "
                "numbers, lists and mappings: delete the tag"))
            return False
        self.report(event.start_mark, path, (
            f"'&{event.anchor}' (an anchor) marks a value to repeat elsewhere; data files do not "
            f"use anchors or aliases: delete '&{event.anchor}'"))
        return True

    def scalar(self, event: ScalarEvent, tag: str, path: Path_, key: bool = False) -> Any:
        """A plain value that is not a text: a number, true or false, or nothing."""
        written = event.value
        if tag == _INT and written.isdigit() and (written[0] != "0" or len(written) == 1) \
                and len(written) < 300:
            return int(written)  # plain digits: what PyYAML makes of them, quicker
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return written[0] in "tT"
        if tag not in _CONSTRUCTED:  # '<<' or '=' where a value stands: a text
            return written
        try:
            if tag == _FLOAT and ":" not in written:
                try:  # Python reads YAML's decimals alike ('1_000.5' too), but not '.inf'
                    value = float(written)
                except ValueError:
                    value = self.construct(tag, event)
            else:
                value = self.construct(tag, event)
        except (yaml.YAMLError, ValueError, OverflowError):
            # ValueError: PyYAML resolves '0x_' as a number, then cannot convert it
            # (or an integer of thousands of digits)
            self.report(event.start_mark, path, (
                f"'{messages.short(written)}' looks like a number but cannot be read as "
                "one; write a number in digits only (such as 250000), or put a text in double "
                "quotes"))
            return None
        if not key:
            self.file.numbers[path] = written
        if isinstance(value, float) and not math.isfinite(value):
            self.report(event.start_mark, path, messages.not_finite(written))
            return None
        return value

    def construct(self, tag: str, event: ScalarEvent) -> Any:
        """PyYAML's value of a plain number (its constructor, without
        ``construct_object``, which would keep every node until the end)."""
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        if tag == _INT:
            return self.loader.construct_yaml_int(node)
        return self.loader.construct_yaml_float(node)

    def sequence(self, path: Path_, depth: int) -> list:
        items: list = []
        next_event, value, values, stop = self.next, self.value, self.values, self.stop
        event = next_event()
        while type(event) is not SequenceEndEvent:
            if len(values) >= stop:
                self.too_many_values(event.start_mark, path)
            items.append(value(event, path + (len(items),), depth))
            event = next_event()
        return items

    def mapping(self, path: Path_, depth: int, flow: bool) -> dict:
        result: dict[str, Any] = {}
        next_event, value, keys, resolve = self.next, self.value, self.keys, self.loader.resolve
        values, stop = self.values, self.stop
        event = next_event()
        before = None  # in {...}: the key and value before this one
        said = False  # a name without value reported in this {...}
        while type(event) is not MappingEndEvent:
            if len(values) >= stop:
                self.too_many_values(event.start_mark, path)
            if type(event) is not ScalarEvent or event.anchor is not None or event.tag is not None \
                    or (event.implicit[0] and resolve(ScalarNode, event.value, event.implicit) != _STR):
                key = self.odd_key(event, path)
                if key is None:
                    self.skip(next_event())
                    event = next_event()
                    continue
            else:
                key = event.value
            sub = path + (key,)
            if sub in keys:
                first = self.file.keys[sub]
                self.report(event.start_mark, sub, (
                    f"duplicate key '{key}' (first at line {first.line}, column {first.col}); "
                    "a key may appear once in a mapping: keep one and delete the other"),
                    "duplicate-key")
                self.skip(next_event())
            else:
                mark = event.start_mark
                item = next_event()
                if flow and type(item) is ScalarEvent and item.value == "" and item.implicit[0] \
                        and item.start_mark.index == event.end_mark.index:
                    # '{a, b}', '{nl: Een, twee}': a name without ':' and value, left
                    # out (said once for the mapping, unless a comma split a text)
                    if before is not None or not said:
                        self.report(mark, sub, messages.key_without_value(
                            self.text, mark.index, event.end_mark.index, before,
                            path[-1] if path and isinstance(path[-1], str) else None),
                            "yaml-syntax")
                    said = True
                else:
                    keys[sub] = mark.line << 32 | mark.column
                    result[key] = value(item, sub, depth)
                    if flow:
                        before = (event, item)
            event = next_event()
        return result

    def odd_key(self, event: Any, path: Path_) -> str | None:
        """The key that ``event`` (not a plain text) stands for, or None after
        reporting a key that is not allowed; its value is then passed over."""
        if type(event) is not ScalarEvent:
            self.report(event.start_mark, path, "a key must be a plain name, not a list, "
                        "mapping or alias; write the field's name")
            self.skip(event)
            return None
        if event.tag is not None:
            self.properties(event, path)
            return None
        if event.anchor is not None:
            self.properties(event, path)  # reported; the key is read as written
        if not event.implicit[0]:
            return event.value
        tag = self.loader.resolve(ScalarNode, event.value, event.implicit)
        if tag == _STR:
            return event.value
        if tag == _MERGE:
            self.report(event.start_mark, path, (
                "'<<' (a merge key) copies fields from elsewhere; data files do not use it: "
                "write the fields out here"))
            return None
        if tag == _NULL:
            self.report(event.start_mark, path, (
                "a field name is missing before the ':' here; write the field's name"))
            return None
        # a number, true or false as a key: the text of the value, as the schema then names it
        value = self.scalar(event, tag, path, key=True)
        return None if value is None else str(value)

    def skip(self, event: Any) -> None:
        """Pass over the value that starts with ``event`` without building it
        (nor looking up an alias in it); what it holds counts towards the limit."""
        depth = 0
        next_event = self.next
        while True:
            kind = type(event)
            self.stop -= 1
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                depth += 1
            if len(self.values) >= self.stop:
                self.too_many_values(event.start_mark, ())
            if depth == 0:
                return
            event = next_event()


# what the parser takes for a line break (an editor may see none for the last three)
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as the YAML parser counts them (NEL, LS and PS end lines too)."""
    return LINE_BREAK.split(text)


def compose(text: str) -> Node:
    """PyYAML's node tree of ``text`` (one document that loads cleanly), its
    scalars resolved as the loader resolves them: what ``fmt`` writes from."""
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def load_text(text: str, display_path: str, budget: Budget | None = None) -> LoadedFile:
    """Load YAML text; problems are collected on the returned file.

    ``budget``: what is left of the folder's limits (a file of its own has them all)."""
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte order mark
    file = LoadedFile(display_path, source=text)
    if len(text) > MAX_FILE_BYTES:  # characters: at least as many bytes
        _too_large(file)
        return file
    return _parse(file, text, _characters(text, file), budget)


def _parse(file: LoadedFile, source: str | bytes, parsed: str | None,
           budget: Budget | None) -> LoadedFile:
    """Build ``file`` from ``parsed`` (the text with invisible line breaks
    replaced) or, where that is None, from ``source`` as it is."""
    budget = budget if budget is not None else Budget()
    with gc_paused():
        try:
            loader = _Loader(source if parsed is None else parsed)
        except UnicodeEncodeError:  # a lone surrogate (only a str made in Python has one)
            _refused(file.text, file)
            return file
        builder = _Builder(loader, file, budget, parsed)
        try:
            builder.document()
        except _Stop:
            file.data = None
        except yaml.MarkedYAMLError as exc:
            pos, message = messages.explain(builder.text, exc)
            _problem(file, pos, "(syntax)", message, "yaml-syntax")
            file.data = None
        except ReaderError:  # a control character
            _refused(file.text, file)
            file.data = None
        finally:
            loader.dispose()
            budget.values = max(0, builder.stop - len(file.values))
    return file


def _too_large(file: LoadedFile) -> None:
    _problem(file, Position(1, 1), "(file)", (
        f"the file is larger than {megabytes(MAX_FILE_BYTES)}, the limit for a data file "
        "(it is not read); split it into several data files, or ask a maintainer"), "limits")


def load_file(path: Path, display_path: str | None = None, budget: Budget | None = None) -> LoadedFile:
    """Load one data file from disk (no more than MAX_FILE_BYTES of it).

    The parser reads the file's bytes as they are (no copy of the text), and
    the file keeps them for ``text``."""
    shown = display_path or str(path)
    file = LoadedFile(shown)
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        _problem(file, Position(1, 1), "(file)", f"cannot read the file: {exc.strerror}", "io")
        return file
    if len(raw) > MAX_FILE_BYTES:
        _too_large(file)
        return file
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    text = _decode(raw, file)
    if text is None:
        return file
    parsed = _characters(text, file)
    del text  # the bytes serve the parser and ``text``
    file.source = raw
    return _parse(file, raw, parsed, budget)


# ---------------------------------------------------------------- the data folder


def display_path(path: Path) -> str:
    """A path as messages show it: relative to the working folder where it lies
    inside it, else as given."""
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
    if len(found) > MAX_FILES:
        return [], problems + [Problem(display_path(folder), 1, 1, ERROR, "(folder)", (
            f"the data folder holds {len(found):,} data files, more than the limit of "
            f"{MAX_FILES}; none is read: keep only the directory's data files in it"), "limits")]
    sizes = {path: path.stat().st_size for path in found}
    if sum(sizes.values()) > MAX_FOLDER_BYTES:
        largest = max(found, key=sizes.__getitem__)
        return [], problems + [Problem(display_path(folder), 1, 1, ERROR, "(folder)", (
            f"the data files hold {megabytes(sum(sizes.values()))} in all, more than the limit "
            f"of {megabytes(MAX_FOLDER_BYTES)}; none is read (the largest is "
            f"{display_path(largest)}, {megabytes(sizes[largest])})"), "limits")]
    return found, problems


def _file_problem(shown: str, message: str) -> Problem:
    return Problem(shown, 1, 1, ERROR, "(file)", message, "data-folder")


def write_atomic(path: Path, data: str | bytes) -> None:
    """Replace (or create) the file ``path`` with ``data`` (a text is written as
    UTF-8, its line ends as they are) at once: a reader sees the old file or
    the new one, never half of it. A link is followed to the file it names;
    the file keeps its permissions (a new one gets those the umask leaves)."""
    target = Path(os.path.realpath(path))
    if target.exists():
        mode = stat.S_IMODE(target.stat().st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
