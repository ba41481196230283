"""``python -m directory fmt``: write every data file in one standard layout, losing nothing.

``make fmt`` rewrites the ``*.yaml`` and ``*.yml`` files of the data folder;
``make fmt-check`` (``fmt --check``) writes nothing and shows, at the file and
line, every place where a file is not in the standard layout and what ``make
fmt`` would write there. The layout is a convenience, never a condition:
``fmt --check`` exits 0 when files only differ in layout (it exits 1 only when
a file cannot be read at all, which ``make check`` reports too), so a pull
request made in GitHub's web editor is never blocked by it. Under GitHub
Actions (or with ``--format github``) each place is a notice annotation on
its lines, and the step summary lists them all; a maintainer runs ``make
fmt`` on main after merging. The standard layout, for editors:

Order
    * Fields stand in the order of the schema (schema/directory.schema.json):
      ``id`` first, ``sources`` and ``last_reviewed`` last, and so on, also
      inside target_group, period, funding, evaluation and the other nested
      fields. A field the schema does not know goes after the known ones, in
      the order you wrote it.
    * Texts in several languages (name, summary, description, label, note, ...)
      stand in this order: the record's ``original_language`` first, then en,
      nl, da, then any other language alphabetically.
    * Records stay where you put them: ``fmt`` never moves a record, so a
      record added at the end of a file (as GitHub's web editor does) is in
      the standard layout there. The site sorts what it lists by itself; for
      programmes the file order means something (the site lists the pillars
      of a plan and the actions of a pillar in the order they stand in the
      file). Vocabulary terms and every other list keep your order too (the
      order the site shows, the lead organisation first, ...).

Layout
    * Two spaces per level; a list stands two spaces under its key (``  - ``).
    * One blank line between records, and between the lists of vocabularies.
      No blank lines inside a record, except between two comments where you
      left one.
    * ``[BE]`` and ``{id: x, role: lead}`` stay on one line, and a list or
      mapping written one item per line stays so: that choice is yours.
    * Texts written with ``|`` or ``>`` stay so, line for line, re-indented.
      (Not ``|+``: its trailing blank lines are part of the text, so it is
      written in double quotes, where ``\n`` shows them.)
    * Other texts are written without quotes when every YAML reader reads them
      back as the same text and they do not look like a number or a date.
      Otherwise they are put in double quotes: "2019", "2019-07", "--02-02",
      "2026-11-23", "NO", "yes", "09 266 30 42", a text with ": " or " #".
      A text that needs quotes and holds a double quote or a backslash gets
      single quotes instead, so that nothing needs escaping. Numbers and
      true/false stay as written. Long lines are never wrapped; a text of
      several lines that was not a ``|`` text is written in double quotes,
      with ``\n`` for each line break.

Comments
    * Every comment is kept, word for word, re-indented to the line it
      belongs to. A comment on a line of its own belongs to the record or field
      below it and moves with it when fields are put in order (a comment
      above a field stays above that field). A comment at
      the end of a line stays at the end of that field's line. A comment
      indented deeper than the next line, at the end of a record or field,
      stays at the end of that record or field.
    * The comment at the top of a file stays at the top. Only the first
      end-of-line comment fits on a line: others (from a ``[...]`` spread over
      lines) go on lines of their own above their field.

Safety: a file that does not load cleanly (a syntax error, a duplicate key) is
reported as ``path:line:col: error: ...`` and left as it is. Before a file is
written, the new text is read back: it must give exactly the same values and
the same comments, or nothing is written.
Files are replaced atomically, and only when their text changes.

Anchors and aliases (``&a`` / ``*a``) are written out in full; ``---`` and
``...`` document markers and a byte-order mark are dropped. Line ends become
``\\n``.

How it works: the file is read with the same parser as the loader
(directory.load), so scalars resolve exactly as the directory reads them.
Comments are found separately, as every ``#`` that is not inside a token
(directory.load.comments), and are attached to entries by line and column (ruamel.yaml's round-trip mode
attaches them to whatever token comes before, and drops comments inside
``[...]``). The text is then written by the small writer below, each text
quoted as ``directory.load.quote`` quotes it (ruamel.yaml's YAML 1.2 resolver
is one of the readers a plain text must survive).
"""
from __future__ import annotations

import difflib
import os
import re
import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..load import LoadedFile, compose, load_file, load_text, quote, split_lines, write_atomic
from ..load import data_files
from ..load.comments import Comment, find_comments
from ..problems import ERROR, Problem, field_path
from ..schema import LANGUAGE_MAP, SCHEMA
from ..words import plural

LANGUAGE_ORDER = ("en", "nl", "da")  # after the record's original language
SEPARATED_LEVELS = 2  # blank lines between the entries of the top two levels
INDENT = 2
RULE = "fmt"
NOTICE = "notice"  # a layout difference is advice: it never blocks a pull request
STR = quote.STR


# ---------------------------------------------------------------- the tree


@dataclass(eq=False)
class Entry:
    """A key and its value in a block mapping, or an item of a block list."""

    key: ScalarNode | None  # None for a list item
    value: Node
    index: int  # where the entry starts in the text
    line: int
    col: int  # of the key, or of the item's '-'
    own_end: int  # its last line that no nested entry covers
    block: Block | None = None  # the value, when it is a block mapping or list
    before: list[Comment] = field(default_factory=list)  # comment lines above it
    after: list[Comment] = field(default_factory=list)  # end-of-line comments


@dataclass(eq=False)
class Block:
    """A block mapping or list: its entries and the comments that end it."""

    node: Node
    col: int
    start: int  # text offsets between which the block is open
    end: int
    entries: list[Entry] = field(default_factory=list)
    tail: list[Comment] = field(default_factory=list)
    head: list[Comment] = field(default_factory=list)  # the file's top comment (root only)
    head_gap: bool = False  # a blank line stood between the top comment and the first entry


def _is_block(node: Node) -> bool:
    return isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and bool(node.value)


def _last_line(node: Node) -> int:
    """The last line a value occupies (a block text's end mark is on the next line)."""
    end = node.end_mark
    if end.column == 0 and end.line > node.start_mark.line:
        return end.line - 1
    return end.line


def build_block(node: Node) -> Block:
    """The entries of a block collection, recursively, without comments yet."""
    block = Block(node, node.start_mark.column, node.start_mark.index, node.end_mark.index)
    pairs = node.value if isinstance(node, MappingNode) else [(None, v) for v in node.value]
    for key, value in pairs:
        mark = (key or value).start_mark
        col = key.start_mark.column if key is not None else block.col
        entry = Entry(key, value, mark.index, mark.line, col, _last_line(value))
        if _is_block(value):
            entry.block = build_block(value)
            entry.own_end = mark.line if key is not None else mark.line - 1
        block.entries.append(entry)
    return block


def _entries(block: Block):
    """All entries under ``block`` in text order (an entry before its nested ones)."""
    for entry in block.entries:
        yield entry
        if entry.block is not None:
            yield from _entries(entry.block)


def _blocks(block: Block):
    """``block`` and every block under it, outer ones first."""
    yield block
    for entry in block.entries:
        if entry.block is not None:
            yield from _blocks(entry.block)


def attach_comments(root: Block, comments: list[Comment], text: str) -> None:
    """Give every comment to the entry or block it belongs to (see the module docstring)."""
    entries = sorted(_entries(root), key=lambda e: e.line)  # stable: outer entries first
    lines = [e.line for e in entries]
    blocks = list(_blocks(root))
    for comment in comments:
        here = bisect_right(lines, comment.line)  # entries[here] is the first one below
        if comment.eol and here and entries[here - 1].own_end >= comment.line:
            entries[here - 1].after.append(comment)  # the innermost entry on its line
            continue
        above = bisect_left(lines, comment.line) - 1
        if above >= 0 and entries[above].own_end >= comment.line:
            entries[above].before.append(comment)  # inside a [...] spread over lines
            continue
        below = entries[here] if here < len(entries) else None
        scope = _scope(blocks, comment) or root
        if below is not None and scope.start <= below.index < scope.end:
            below.before.append(comment)
        else:
            scope.tail.append(comment)
    _rehome(root)
    if root.entries:  # the top comment of the file stays on top, whatever comes first
        first = root.entries[0]
        root.head, first.before = first.before, []
        root.head_gap = bool(root.head) and _gap(text, root.head[-1].line, first.line)


def _scope(blocks: list[Block], comment: Comment) -> Block | None:
    """The innermost block open at the comment and indented no deeper than it.

    Of a mapping and a list written at the same column (``key:`` with ``- item``
    under it, not indented), the mapping."""
    open_ = [b for b in blocks if b.start <= comment.index < b.end and b.col <= comment.col]
    if not open_:
        return None
    deepest = max(b.col for b in open_)
    return next(b for b in open_ if b.col == deepest)


def _rehome(block: Block) -> None:
    """Comments that cannot stay where they are go on lines of their own above their entry.

    Only the first end-of-line comment fits on the entry's line; the comments
    above the first entry of a list item's mapping go above the item's '-'."""
    for entry in block.entries:
        if entry.block is not None:
            _rehome(entry.block)
        extra = entry.after[1:] if entry.block is None or entry.key is not None else entry.after
        if extra:
            entry.after = [c for c in entry.after if c not in extra]
            entry.before.extend(extra)
        if entry.key is None and entry.block is not None and entry.block.entries:
            first = entry.block.entries[0]
            entry.before.extend(first.before)
            first.before = []


def _gap(text: str, above: int, below: int) -> bool:
    """Whether a blank line stands between lines ``above`` and ``below``."""
    blanks = _blank_counts(text)
    above = max(above, -1)
    return below > above + 1 and blanks[below] - blanks[above + 1] > 0


@lru_cache(maxsize=4)
def _blank_counts(text: str) -> list[int]:
    """For each line number n, how many of the lines before n are blank."""
    counts = [0]
    for line in split_lines(text):
        counts.append(counts[-1] + (not line.strip()))
    return counts


# ---------------------------------------------------------------- canonical order


def _child(schema: dict | None, key: str | None) -> dict | None:
    """The schema of a field (``key``) or of the items of a list (``key`` None)."""
    if schema is None:
        return None
    schema = SCHEMA.resolve(schema)
    if key is None:
        return schema.get("items")
    return schema.get("properties", {}).get(key)


def _is_language_map(schema: dict | None) -> bool:
    return schema is not None and SCHEMA.is_definition(schema, LANGUAGE_MAP)


def key_order(names: list[str], schema: dict | None, language: str | None) -> list[int]:
    """The positions of ``names`` (a mapping's keys) in canonical order."""
    if _is_language_map(schema):
        first = ([language] if language else []) + [c for c in LANGUAGE_ORDER if c != language]

        def rank(i: int):
            name = names[i]
            return (first.index(name), "") if name in first else (len(first), name)
    else:
        known = list((SCHEMA.resolve(schema) if schema is not None else {}).get("properties", {}))

        def rank(i: int):
            name = names[i]
            return (known.index(name), 0) if name in known else (len(known), i)
    return sorted(range(len(names)), key=rank)


def _language(node: Node, inherited: str | None) -> str | None:
    """The ``original_language`` a record declares, else the one around it."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if key.value == "original_language" and isinstance(value, ScalarNode) and value.tag == STR:
                return value.value
    return inherited


def canonical_order(block: Block | None, node: Node, schema: dict | None,
                    language: str | None = None) -> None:
    """Put the keys under ``node`` in canonical order, in place (list items,
    records included, keep their order).

    ``block`` is the node's Block when it is written in block style (its
    entries carry the comments); flow collections are reordered in the node."""
    language = _language(node, language)
    if isinstance(node, MappingNode):
        names = [str(k.value) for k, _ in node.value]
        order = key_order(names, schema, language)
        for (key, value), sub in zip(node.value, _blocks_of(block, node)):
            canonical_order(sub, value, _child(schema, str(key.value)), language)
    elif isinstance(node, SequenceNode):
        order = list(range(len(node.value)))
        for value, sub in zip(node.value, _blocks_of(block, node)):
            canonical_order(sub, value, _child(schema, None), language)
    else:
        return
    node.value = [node.value[i] for i in order]
    if block is not None:
        block.entries = [block.entries[i] for i in order]


def _blocks_of(block: Block | None, node: Node) -> list[Block | None]:
    """The Blocks of the node's values, in the node's order (None for flow values)."""
    if block is None:
        return [None] * len(node.value)
    return [entry.block for entry in block.entries]


# ---------------------------------------------------------------- scalars


def scalar(node: ScalarNode, flow: bool = False, key: bool = False) -> str:
    """A scalar on one line: a text per ``quote.scalar``, anything else as written
    (but an empty null as ``null`` where nothing would not read back)."""
    if node.tag == STR:
        return quote.scalar(node.value, flow)
    if (flow or key) and node.value == "":
        return "null"
    return node.value


# ---------------------------------------------------------------- writing


class Writer:
    """Writes a tree of blocks and entries as lines of text."""

    def __init__(self, text: str, source: list[str] | None = None):
        self.text = text
        self.source = split_lines(text) if source is None else source
        self.lines: list[str] = []

    def document(self, root: Block | None, node: Node, comments: list[Comment]) -> str:
        """The whole file."""
        if root is None:  # a file that is a single scalar or [...]: comments go above
            self.comments(comments, 0)
            self.lines.append(self.inline(node))
        else:
            self.comments(root.head, 0)
            if root.head_gap:
                self.lines.append("")
            self.block(root, 0, 0)
        return "\n".join(self.lines) + "\n"

    def comments(self, comments: list[Comment], indent: int) -> None:
        """Comment lines at ``indent``, keeping one blank line where there was one."""
        for i, comment in enumerate(comments):
            if i and _gap(self.text, comments[i - 1].line, comment.line):
                self.lines.append("")
            self.lines.append(" " * indent + comment.text)

    def block(self, block: Block, indent: int, depth: int) -> None:
        """A block mapping or list with its comments."""
        for i, entry in enumerate(block.entries):
            if i and depth < SEPARATED_LEVELS:
                self.lines.append("")
            self.comments(entry.before, indent)
            if entry.before and _gap(self.text, entry.before[-1].line, entry.line):
                self.lines.append("")
            self.entry(entry, indent, depth)
        if block.tail:
            if _gap(self.text, block.tail[0].line - 2, block.tail[0].line):  # blank line above
                self.lines.append("")
            self.comments(block.tail, indent)

    def entry(self, entry: Entry, indent: int, depth: int) -> None:
        """One key and its value, or one list item."""
        eol = "".join("  " + c.text for c in entry.after)
        lead = " " * indent + ("-" if entry.key is None else scalar(entry.key, key=True) + ":")
        value = entry.value
        if entry.block is not None and entry.key is None:
            sub = Writer(self.text, self.source)  # the file's lines, split once
            sub.block(entry.block, indent + INDENT, depth + 1)
            self.lines.append(lead + " " * (INDENT - 1) + sub.lines[0][indent + INDENT:])
            self.lines.extend(sub.lines[1:])
        elif entry.block is not None:
            self.lines.append(lead + eol)
            self.block(entry.block, indent + INDENT, depth + 1)
        elif self.header(value):
            header, body = self.block_text(value, entry.col, indent)
            self.lines.append(f"{lead} {header}{eol}")
            self.lines.extend(body)
        else:
            inline = self.inline(value)
            self.lines.append(lead + (" " + inline if inline else "") + eol)

    def header(self, node: Node) -> str | None:
        """The header of a ``|`` or ``>`` text as written (``|``, ``>-``, ``|2``, ...).

        None for any other value, and for a ``|+`` or ``>+`` text: its trailing
        blank lines belong to it, so the blank line between two records would
        too; it is written in double quotes instead. So is a block text holding
        a Unicode line or paragraph separator, which it keeps as a character."""
        if not isinstance(node, ScalarNode) or node.style not in ("|", ">"):
            return None
        if "\u2028" in node.value or "\u2029" in node.value:
            return None
        first = self.source[node.start_mark.line][node.start_mark.column:]
        header = re.match(r"[|>](?:[1-9][+-]?|[+-][1-9]?)?", first).group()
        return None if "+" in header else header

    def block_text(self, node: ScalarNode, old_parent: int, new_parent: int) -> tuple[str, list[str]]:
        """A ``|`` or ``>`` text: its header as written and its lines, re-indented.

        ``old_parent`` and ``new_parent`` are the columns of its key (or '-')
        before and after. The lines are shifted as a whole, so the text cannot
        change; an indentation digit counts from the parent, which moves too."""
        header = self.header(node)
        body = self.source[node.start_mark.line + 1:_last_line(node) + 1]
        digit = next((int(c) for c in header if c.isdigit()), None)
        if digit is not None:
            old, new = old_parent + digit, new_parent + digit
        else:
            # only spaces indent YAML: a no-break space (U+00A0) is text
            text = next((line for line in body if line.strip(" ")), "")
            old, new = len(text) - len(text.lstrip(" ")), new_parent + INDENT
        lines = ["" if not line.strip(" ") and len(line) <= old else " " * new + line[old:]
                 for line in body]
        while lines and not lines[-1]:  # blank lines after a text are not part of it
            lines.pop()
        return header, lines

    def inline(self, node: Node) -> str:
        """A scalar or a flow collection on one line."""
        if isinstance(node, ScalarNode):
            return scalar(node, flow=False)
        return self.flow(node)

    def flow(self, node: Node) -> str:
        if isinstance(node, ScalarNode):
            return scalar(node, flow=True)
        if isinstance(node, SequenceNode):
            return "[" + ", ".join(self.flow(item) for item in node.value) + "]"
        pairs = (f"{scalar(k, flow=True, key=True)}: {self.flow(v)}" for k, v in node.value)
        return "{" + ", ".join(pairs) + "}"


# ---------------------------------------------------------------- one file


def canonical_text(text: str) -> str:
    """The canonical form of a data file's text (which must load cleanly)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # YAML reads them all as \n
    node = compose(text)
    comments = find_comments(text)
    root = build_block(node) if _is_block(node) else None
    if root is not None:
        attach_comments(root, comments, text)
    canonical_order(root, node, SCHEMA.root)
    return Writer(text).document(root, node, comments)


def first_difference(a: Any, b: Any, path: tuple = ()) -> tuple | None:
    """The path of the first value that differs, type included; None when equal."""
    if type(a) is not type(b):
        return path
    if isinstance(a, dict):
        for key in list(a) + [k for k in b if k not in a]:
            if key not in a or key not in b:
                return path + (key,)
            found = first_difference(a[key], b[key], path + (key,))
            if found is not None:
                return found
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, path + (i,))
            if found is not None:
                return found
        return None if len(a) == len(b) else path + (min(len(a), len(b)),)
    same = a == b or (a != a and b != b)  # NaN equals NaN here
    return None if same else path


def _refuse(file: LoadedFile, path: tuple, message: str) -> list[Problem]:
    pos = file.position(path)
    return [Problem(file.path, pos.line, pos.col, ERROR, field_path(path),
                    f"{message}; the file is left as it is (please report this)", "fmt")]


def format_text(text: str, display: str) -> tuple[str | None, list[Problem]]:
    """The canonical text, or the problems that stop ``fmt`` from writing it.

    Refuses a text that does not load cleanly, and a result that would not load
    to the same values or would not keep every comment."""
    before = load_text(text, display)
    if before.problems:
        return None, before.problems
    try:
        new = canonical_text(text)
    except Exception as exc:  # never a traceback for an editor
        return None, _refuse(before, (), f"fmt cannot format this file ({type(exc).__name__}: {exc})")
    after = load_text(new, display)
    if after.problems:
        return None, _refuse(before, (), "the formatted text would not load: "
                             + after.problems[0].message)
    diff = first_difference(before.data, after.data)
    if diff is not None:
        return None, _refuse(before, diff,
                             "formatting would change this value")
    if sorted(c.text for c in find_comments(text)) != sorted(c.text for c in find_comments(new)):
        return None, _refuse(before, (), "formatting would lose or change a comment")
    return new, []


# ---------------------------------------------------------------- where a file differs


@dataclass(frozen=True)
class Place:
    """One place where a file is not in the standard layout, and what ``make fmt``
    writes there instead."""

    line: int  # the first line it concerns (1-based)
    end: int  # the last line it concerns
    message: str  # what make fmt does, in words
    lines: tuple[str, ...] = ()  # what make fmt writes there, when it writes lines

    def problem(self, path: str) -> Problem:
        return Problem(path, self.line, 1, NOTICE, "(layout)", self.message, RULE)


def _lines(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}-{last}"


def _empty_lines(first: int, last: int) -> str:
    return f"the empty line {first}" if first == last else f"the empty lines {first}-{last}"


def layout_places(old: str, new: str) -> list[Place]:
    """Where ``old`` (a data file's text) differs from ``new`` (its standard
    layout), line by line, as few places as a line diff finds."""
    before, after = split_lines(old), new.split("\n")[:-1]  # new ends with a line break
    ends = before[-1] == ""  # the old text ends with a line break
    if ends:
        before.pop()
    places = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        written = tuple(after[j1:j2])
        blank = all(not line.strip() for line in written + tuple(before[i1:i2]))
        if tag == "equal":
            continue
        if tag == "insert":
            after_line = max(i1, 1)
            if blank:
                what = "an empty line" if len(written) == 1 else f"{len(written)} empty lines"
                places.append(Place(after_line, after_line,
                                    f"make fmt adds {what} after line {i1}" if i1
                                    else f"make fmt adds {what} at the top"))
            else:
                places.append(Place(after_line, after_line,
                                    f"make fmt adds these lines after line {i1}:" if i1
                                    else "make fmt adds these lines at the top:", written))
        elif tag == "delete":
            places.append(Place(i1 + 1, i2, f"make fmt removes {_empty_lines(i1 + 1, i2)}" if blank
                                else f"make fmt removes {_lines(i1 + 1, i2)}"))
        else:
            places.append(Place(i1 + 1, i2, f"make fmt writes {_lines(i1 + 1, i2)} as:", written))
    if not ends and before:
        places.append(Place(len(before), len(before),
                            "the file does not end with a line break; make fmt adds one"))
    if not places and old != new:  # line ends: nothing a line diff shows
        places.append(Place(1, 1, "make fmt changes only the line ends (to Unix line ends)"))
    return places


@dataclass
class Outcome:
    """What ``fmt`` did with one file."""

    path: str
    changed: bool = False
    problems: list[Problem] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)  # with check: where it differs


def format_file(path: Path, display: str, check: bool = False) -> Outcome:
    """Format one file in place (``check``: only tell where it would change)."""
    outcome = Outcome(display)
    loaded = load_file(path, display)  # the loader's own checks: UTF-8, control characters, ...
    if loaded.problems:
        outcome.problems = loaded.problems
        return outcome
    try:
        raw = path.read_bytes()
    except OSError as exc:
        outcome.problems = [_io_problem(display, "read", exc)]
        return outcome
    text = raw.decode("utf-8-sig")
    new, outcome.problems = format_text(text, display)
    if new is None or new.encode("utf-8") == raw:
        return outcome
    outcome.changed = True
    if check:
        outcome.places = layout_places(text, new) or [
            Place(1, 1, "make fmt removes the byte order mark (an invisible mark at the start)")]
    else:
        try:
            write_atomic(path, new)
        except OSError as exc:
            outcome.changed = False
            outcome.problems = [_io_problem(display, "write", exc)]
    return outcome


def _io_problem(display: str, verb: str, exc: OSError) -> Problem:
    return Problem(display, 1, 1, ERROR, "(file)", f"cannot {verb} the file: {exc.strerror or exc}", "io")


# ---------------------------------------------------------------- command line


def files_to_format(paths: list[str]) -> tuple[list[tuple[Path, str]], list[str]]:
    """The files to format (path, name shown) and messages for paths that are not there."""
    files: list[tuple[Path, str]] = []
    missing = []
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            found = data_files(path)  # never a link out of the folder (check says why)
            if not found:
                missing.append(f"{arg}: error: no *.yaml files in this folder")
            files += [(p, str(path / p.name)) for p in found]
        elif path.is_file():
            files.append((path, arg))
        else:
            missing.append(f"{arg}: error: no such file or folder")
    seen: set[Path] = set()
    unique = []
    for path, shown in files:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            unique.append((path, shown))
    return unique, missing


ANNOTATIONS = 10  # GitHub shows at most 10 notices of a step on the changed lines
TITLE = "Standard layout (make fmt)"
REASSURE = ("nothing is wrong with the data and this never blocks a pull request: "
            "make fmt writes the standard layout (a maintainer does it after merging)")


def _shown(lines: tuple[str, ...]) -> list[str]:
    return ["    | " + line for line in lines]


def _annotation(path: str, place: Place) -> str:
    from ..problems import _gh_data, _gh_property

    message = "\n".join([place.message, *place.lines]) if place.lines else place.message
    return (f"::notice file={_gh_property(path)},line={place.line},endLine={place.end},"
            f"title={_gh_property(TITLE)}::{_gh_data(message)}")


def _fence(lines: tuple[str, ...]) -> str:
    longest = max((len(m) for line in lines for m in re.findall("`+", line)), default=0)
    return "`" * max(3, longest + 1)


def _summary_markdown(outcomes: list[Outcome]) -> str:
    """The step summary of ``fmt --check`` on GitHub: every place, with what make fmt writes."""
    differ = [o for o in outcomes if o.places]
    if not differ:
        return f"### Standard layout\n\nAll {plural(len(outcomes), 'file')} are in the standard layout.\n"
    out = ["### Standard layout", "",
           f"{len(differ)} of {plural(len(outcomes), 'file')} not in the standard layout: {REASSURE}.", ""]
    for o in differ:
        for place in o.places:
            out.append(f"- `{o.path}` {_lines(place.line, place.end)}: {place.message}")
            if place.lines:
                fence = _fence(place.lines)
                out += ["", f"  {fence}yaml", *("  " + line for line in place.lines), f"  {fence}"]
    return "\n".join(out) + "\n"


def run(paths: list[str], check: bool = False, out=None, style: str = "text") -> int:
    """Format (or check) the files; print what was done (or where the files
    differ) and a summary. Exit status 1 only when a file cannot be read or
    formatted, or a path is missing: with ``check``, a layout difference is a
    notice, never a failure. ``style`` "github" prints the places as GitHub
    annotations and adds them to the step summary."""
    out = out or sys.stdout
    files, missing = files_to_format(paths)
    for message in missing:
        print(message, file=out)
    outcomes = [format_file(path, shown, check) for path, shown in files]
    failed = [o for o in outcomes if o.problems]
    changed = [o for o in outcomes if o.changed]
    annotations = 0
    for o in outcomes:
        for problem in o.problems:
            print(problem.format(), file=out)  # make check annotates these itself
        if not check and o.changed:
            print(f"{o.path}: formatted", file=out)
        for place in o.places:
            if style == "github" and annotations < ANNOTATIONS:
                annotations += 1
                print(_annotation(o.path, place), file=out)
            else:
                print(place.problem(o.path).format(), file=out)
                for line in _shown(place.lines):
                    print(line, file=out)
    if check:
        n = len(outcomes)
        if not changed:
            if not (failed or missing):
                print(f"all {n} files are in the standard layout" if n != 1
                      else "1 file is in the standard layout", file=out)
        else:
            places = sum(len(o.places) for o in changed)
            verb = "is" if len(changed) == 1 else "are"
            print(f"{len(changed)} of {plural(n, 'file')} {verb} not in the standard layout "
                  f"({plural(places, 'place')} above); {REASSURE}", file=out)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if style == "github" and summary_file:
            with open(summary_file, "a", encoding="utf-8") as summary:
                summary.write(_summary_markdown(outcomes))
    else:
        summary = f"{plural(len(outcomes), 'file')}: {len(changed)} formatted, " \
                  f"{len(outcomes) - len(changed) - len(failed)} already in the standard layout"
        if failed:
            summary += f", {len(failed)} not formatted (errors above)"
        print(summary, file=out)
    return 1 if failed or missing else 0


def _command(args) -> int:
    style = args.format
    if style == "auto":
        style = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return run(args.data, args.check, style=style)


def add_command(sub) -> None:
    """Register ``fmt`` on the subparsers of ``python -m directory``."""
    parser = sub.add_parser(
        "fmt", help="write the data files in the standard layout (see --help)",
        description="Write every data file in one standard layout: fields in schema order, "
                    "records where they are, every value and comment kept. Files that do not "
                    "load cleanly are reported and left as they are. The layout is described "
                    "in scripts/directory/tools/fmt.py.")
    parser.add_argument("data", nargs="*", default=["data"], metavar="PATH",
                        help="the data folder (default: data) or single data files")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; show at the file and line every place that is not in "
                             "the standard layout, with what make fmt writes there (exit status 0: "
                             "layout never fails; 1 only when a file cannot be read)")
    parser.add_argument("--format", choices=["auto", "text", "github"], default="auto",
                        help="with --check: github prints GitHub annotations and a step summary "
                             "(auto: github under GitHub Actions)")
    parser.set_defaults(func=_command)
