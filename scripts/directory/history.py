"""What changed, when: each record's history, read from git once per build.

:func:`read` walks the commits that changed the data files, newest first,
in one ``git log`` (the first-parent line of the checked-out branch: a
merged pull request counts at its merge) and one ``git cat-file --batch``
that hands over each version of a data file once. It finds

- for every record, the last commit that changed the record's lines (the
  lines from its first to its last line of content, comments inside it
  included; blank and comment lines after it are not its own): its date is
  the page's "Last changed on";
- for the newest ``commits`` commits (100 unless the options say otherwise),
  each record added, changed or removed, and which of its fields changed:
  the change feed and the What's new page.

Two versions of a file are compared record by record: the bytes both share
at the start and at the end are set aside first, so that a commit that
changes one record reads one record (a commit that touches every record
reads them all), and a record is found by its id, never by its position.
A record's fields are told apart by their indentation, as the records'
layout has them (``make fmt``); the text of a version is never parsed as a
whole, which keeps the pass at 10,000 records and fifty commits to seconds.

When the history cannot be known, it is left out, never guessed: outside a
git work tree (a build from a tarball), in a shallow clone for the records
whose last change is before its first commit, for a file git does not
track, for a record with changes that are not committed yet, and from a
version of a file that is not laid out as the scanner expects (a list
written in flow style): then the page shows no "Last changed" line for the
records concerned, and the feed has what was read before.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .schema.records import RECORD_LISTS, Context

COMMITS = 100  # the changes of this many newest commits go to the feed
_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL = "0" * 40


@dataclass(frozen=True)
class Commit:
    sha: str
    date: str  # the committer's date and time, ISO 8601 with its offset

    @property
    def day(self) -> str:
        """The date alone, YYYY-MM-DD, in the committer's time zone."""
        return self.date[:10]


@dataclass(frozen=True)
class FieldChange:
    """One field of a record that changed: its value was added, changed or
    removed; for a list, how many items it gained and lost."""

    field: str
    how: str  # "added", "changed" or "removed"
    items_added: int = 0
    items_removed: int = 0


@dataclass(frozen=True)
class Change:
    """A record added, changed or removed by one commit."""

    commit: Commit
    type: str  # the record type: programme, organisation, contact, source
    id: str
    what: str  # "added", "changed" or "removed"
    fields: tuple[FieldChange, ...] = ()  # for "changed": which fields
    name: str | None = None  # for a record the data no longer holds: its name then


@dataclass(frozen=True)
class Lines:
    """Where a record stands in the repository: a data file and its lines."""

    path: str  # the file's path in the repository, with /
    first: int
    last: int


@dataclass
class History:
    """What git says about the records of a data folder."""

    head: str | None = None  # the commit checked out
    last_changed: dict[tuple[str, str], Commit] = field(default_factory=dict)  # (type, id) -> commit
    lines: dict[tuple[str, str], Lines] = field(default_factory=dict)  # (type, id) -> where
    changes: list[Change] = field(default_factory=list)  # newest first
    commits_read: int = 0

    def of(self, record_type: str, record_id: str) -> Commit | None:
        return self.last_changed.get((record_type, record_id))

    def newest(self) -> Commit | None:
        """The newest commit that changed a record, or None."""
        return max(self.last_changed.values(), key=lambda c: c.date, default=None)


# -- git ------------------------------------------------------------------------------

_GIT_ENV = {"GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C", "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"}


def _git(cwd: Path, *args: str) -> bytes | None:
    """A git command's output; None when git is missing or the command fails."""
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True,
                              env={**os.environ, **_GIT_ENV}, timeout=600)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


class _Blobs:
    """The versions of the data files, one ``git cat-file --batch`` for all,
    each read once: the walk keeps the last version it read of each file,
    which is the newer version of that file in the commit before."""

    def __init__(self, top: Path):
        # a delta base cache that holds a large file's version: each older
        # version is then a small delta on the one read before
        self.proc = subprocess.Popen(["git", "-c", "core.deltaBaseCacheLimit=1g", "cat-file", "--batch"],
                                     cwd=top, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, bufsize=1 << 20,
                                     env={**os.environ, **_GIT_ENV})
        self.kept: dict[str, tuple[str, bytes]] = {}  # path -> (blob, content)

    def read(self, sha: str, path: str) -> bytes | None:
        if sha == _NULL:
            return b""
        kept = self.kept.get(path)
        if kept and kept[0] == sha:
            return kept[1]
        self.proc.stdin.write(sha.encode() + b"\n")
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().split()
        if len(header) != 3 or header[1] != b"blob":
            return None
        content = self.proc.stdout.read(int(header[2]))
        self.proc.stdout.read(1)  # the newline after the content
        self.kept[path] = (sha, content)
        return content

    def close(self) -> None:
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.SubprocessError):
            self.proc.kill()


def _log(top: Path, paths: list[str]) -> Iterator[tuple[str, list[str], str, list[tuple[str, str, str]]]]:
    """(sha, parents, committer date, [(path, old blob, new blob)]) of every
    commit that changed one of ``paths``, newest first, on the first-parent line."""
    out = _git(top, "log", "--first-parent", "--diff-merges=first-parent", "--raw", "--no-abbrev",
               "--no-renames", "-z", "--format=%x01%H %P%x00%cI", "--", *paths)
    if not out:
        return
    for chunk in out.split(b"\x01")[1:]:
        parts = chunk.split(b"\x00")
        ids, date = parts[0].decode().split(), parts[1].decode()
        files = []
        for meta, path in zip(parts[2::2], parts[3::2]):
            fields = meta.strip().decode().split()
            if len(fields) == 5 and fields[0].startswith(":"):
                files.append((path.decode("utf-8", "surrogateescape"), fields[2], fields[3]))
        yield ids[0], ids[1:], date, files


# -- records in the text of a data file -----------------------------------------------

_SECTIONS = tuple(RECORD_LISTS) + ("vocabularies",)
_ITEM = re.compile(rb"^( *)- ", re.M)
_ID = re.compile(rb"""^(?:- |\{|- \{)?\s*id:[ \t]*["']?([A-Za-z0-9][A-Za-z0-9-]*)""")
_BLANK_OR_COMMENT = re.compile(rb"^[ \t]*(?:#.*)?$")


class Unreadable(Exception):
    """A version of a data file that the scanner cannot split into records."""


@dataclass
class _Section:
    key: str  # programmes, ...
    type: str | None  # the record type; None for the vocabularies
    start: int  # where its key's line starts
    body: int  # where the line after the key starts
    first: int  # where its first record starts (``end`` when it has none)
    end: int  # where the next section starts (or the end of the text)
    item: bytes  # b"\n" + the item indentation + b"- ": the start of a record's line

    def shifted(self, at: int, by: int) -> _Section:
        """The same section in a version of the text where ``by`` bytes were
        added (or removed) before ``at`` and after every position of it but those from ``at`` on."""
        def move(pos: int) -> int:
            return pos + by if pos >= at else pos
        return _Section(self.key, self.type, move(self.start), move(self.body), move(self.first),
                        move(self.end), self.item)


def _sections(text: bytes) -> list[_Section]:
    """The top-level lists of a data file, in their order. Raises Unreadable
    for a list that is not written as a block list."""
    starts = []
    for key in _SECTIONS:
        token = key.encode() + b":"
        at = 0 if text.startswith(token) else text.find(b"\n" + token)
        if at < 0:
            continue
        starts.append((at + 1 if at else 0, key))
    starts.sort()
    out = []
    for i, (at, key) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        body = text.find(b"\n", at)
        body = end if body < 0 or body >= end else body + 1
        value = text[at + len(key) + 1:body].split(b"#")[0].strip()
        if value not in (b"", b"[]"):
            raise Unreadable(f"{key} is written on one line")
        first = _ITEM.search(text, body, end)
        if first is None and key != "vocabularies" and not all(
                _BLANK_OR_COMMENT.match(line) for line in text[body:end].splitlines()):
            raise Unreadable(f"{key} is not a block list")
        indent = first.group(1) if first else b"  "
        out.append(_Section(key, RECORD_LISTS.get(key), at, body, first.start() if first else end, end,
                            b"\n" + indent + b"- "))
    return out


def _trimmed(chunk: bytes) -> bytes:
    """A record's text without the blank and comment lines after its last line of content."""
    lines = chunk.split(b"\n")
    while lines and _BLANK_OR_COMMENT.match(lines[-1]):
        lines.pop()
    return b"\n".join(lines)


def _records(text: bytes, section: _Section, start: int, end: int) -> dict[str, bytes]:
    """{id: text} of the records that start in text[start:end] (``start`` is
    the start of a record's line or the section's body)."""
    out: dict[str, bytes] = {}
    indent = len(section.item) - 3
    at = start
    bounds = []
    while True:
        nxt = text.find(section.item, at, end)
        if nxt < 0:
            break
        bounds.append(nxt + 1)
        at = nxt + 1
    if start < end and text.startswith(section.item[1:], start):
        bounds.insert(0, start)
    bounds.append(end)
    for a, b in zip(bounds, bounds[1:]):
        chunk = _trimmed(text[a:b])
        match = _ID.match(chunk[indent:])
        if match is None:
            record_id = _id_by_parsing(chunk)
            if record_id is None:
                raise Unreadable("a record without an id")
        else:
            record_id = match.group(1).decode()
        out[record_id] = chunk
    return out


def _id_by_parsing(chunk: bytes) -> str | None:
    try:
        value = yaml.load(chunk, Loader=_SAFE)
    except yaml.YAMLError:
        return None
    if isinstance(value, list) and value and isinstance(value[0], dict) and isinstance(value[0].get("id"), str):
        return value[0]["id"]
    return None


_BLOCK = 1 << 16


def _common_prefix(a: bytes, b: bytes) -> int:
    n = min(len(a), len(b))
    lo = 0
    while lo < n:
        hi = min(lo + _BLOCK, n)
        if a[lo:hi] != b[lo:hi]:
            break
        lo = hi
    else:
        return n
    while hi - lo > 32:
        mid = (lo + hi) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid
    while lo < hi and a[lo] == b[lo]:
        lo += 1
    return lo


def _common_suffix(a: bytes, b: bytes, limit: int) -> int:
    """How many bytes ``a`` and ``b`` share at their ends, at most ``limit``."""
    la, lb = len(a), len(b)
    n = min(limit, la, lb)
    lo = 0  # a[la-lo:] == b[lb-lo:]
    while lo < n:
        hi = min(lo + _BLOCK, n)
        if a[la - hi:la - lo] != b[lb - hi:lb - lo]:
            break
        lo = hi
    else:
        return n
    while hi - lo > 32:
        mid = (lo + hi) // 2
        if a[la - mid:la - lo] == b[lb - mid:lb - lo]:
            lo = mid
        else:
            hi = mid
    while lo < hi and a[la - lo - 1] == b[lb - lo - 1]:
        lo += 1
    return lo


@dataclass
class _Diff:
    """The records of one record type that differ between two versions."""

    type: str
    item: bytes
    old: dict[str, bytes]
    new: dict[str, bytes]


def _still(text: bytes, sections: list[_Section], start: int, end: int) -> bool:
    """Whether ``sections`` (moved from a newer version) are the sections of
    ``text``, whose changed lines are text[start:end]: no list's key in the
    changed lines, each key and first record where they were."""
    for key in _SECTIONS:
        if text.find(b"\n" + key.encode() + b":", start, end) >= 0:
            return False
    for sec in sections:
        if not text.startswith(sec.key.encode() + b":", sec.start) or (sec.start and text[sec.start - 1] != 10):
            return False
        if sec.first < sec.end and not text.startswith(sec.item[1:], sec.first):
            return False
        if text.find(sec.item, max(sec.body - 1, 0), sec.first) >= 0:
            return False
    return True


def compare(old: bytes, new: bytes, new_sections: list[_Section]) -> tuple[list[_Diff], list[_Section]]:
    """The records that differ between two versions of a data file (empty
    bytes: the file does not exist), by record type: for each, {id: text} of
    the records in the changed part of each version; and the sections of the
    older version (those of the newer are given: the walk goes back in time).
    Raises Unreadable."""
    if old == new:
        return [], new_sections
    p = _common_prefix(old, new)
    s = _common_suffix(old, new, min(len(old), len(new)) - p)
    x, y_old, y_new = p, len(old) - s, len(new) - s
    # the changed lines, whole
    line_start = old.rfind(b"\n", 0, x) + 1
    line_end_new = new.find(b"\n", y_new)
    line_end_new = len(new) if line_end_new < 0 else line_end_new
    line_end_old = old.find(b"\n", y_old)
    line_end_old = len(old) if line_end_old < 0 else line_end_old
    structure = [pos for sec in new_sections for pos in (sec.start, sec.body, sec.first)]
    old_sections = None
    if new_sections and old and not any(line_start <= pos <= line_end_new for pos in structure):
        shifted = [sec.shifted(y_new, y_old - y_new) for sec in new_sections]
        if _still(old, shifted, max(line_start - 1, 0), line_end_old):
            old_sections = shifted
    if old_sections is None:  # the change touches a list's key or its first record: read anew
        old_sections = _sections(old)
    inside = [(so, sn) for so, sn in zip(old_sections, new_sections)
              if so.key == sn.key and so.item == sn.item and so.first <= x
              and y_old <= so.end and y_new <= sn.end]
    if len(old_sections) == len(new_sections) and inside:
        so, sn = inside[0]
        if so.type is None:
            return [], old_sections
        start = old.rfind(so.item, so.first, x)
        start = so.first if start < 0 else start + 1
        end_old = old.find(so.item, y_old, so.end)
        end_old = so.end if end_old < 0 else end_old + 1
        end_new = new.find(sn.item, y_new, sn.end)
        end_new = sn.end if end_new < 0 else end_new + 1
        return [_Diff(so.type, so.item, _records(old, so, start, end_old),
                      _records(new, sn, start, end_new))], old_sections
    diffs: dict[str, _Diff] = {}
    for text, sections, side in ((old, old_sections, "old"), (new, new_sections, "new")):
        for section in sections:
            if section.type is None:
                continue
            diff = diffs.setdefault(section.type, _Diff(section.type, section.item, {}, {}))
            getattr(diff, side).update(_records(text, section, section.first, section.end))
    return list(diffs.values()), old_sections


# -- which fields of a record changed ---------------------------------------------------

_KEY = re.compile(rb"^([A-Za-z_][A-Za-z0-9_-]*):")


def _fields(chunk: bytes, indent: int) -> dict[str, bytes] | None:
    """{field: the text of its value} of a record in block style (the first
    field stands after the item's dash); None for a record in flow style."""
    body = chunk[indent + 2:]  # after "- "
    if body.lstrip().startswith(b"{"):
        return None
    pad = b" " * (indent + 2)
    out: dict[str, list[bytes]] = {}
    current = None
    for n, line in enumerate(body.split(b"\n")):
        if n == 0:
            key_line = line
        elif line.startswith(pad) and line[len(pad):len(pad) + 1] not in (b" ", b"#", b"-", b""):
            key_line = line[len(pad):]
        else:
            key_line = None
        match = _KEY.match(key_line) if key_line is not None else None
        if match:
            current = match.group(1).decode()
            out[current] = [key_line[match.end():]]
        elif current is not None:
            out[current].append(line)
    return {k: b"\n".join(v).rstrip() for k, v in out.items()}


def _value(block: bytes) -> object:
    try:
        loaded = yaml.load(b"x: " + block, Loader=_SAFE)
    except yaml.YAMLError:
        return _UNREADABLE
    return loaded.get("x") if isinstance(loaded, dict) else _UNREADABLE


_UNREADABLE = object()


def _canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def _changed(key: str, a: object, b: object) -> FieldChange | None:
    """How a field's value changed from ``a`` to ``b`` (None: it did not)."""
    if a is _UNREADABLE or b is _UNREADABLE:
        return FieldChange(key, "changed")
    if a == b:
        return None  # written differently, the same value
    if isinstance(a, list) and isinstance(b, list):
        old_items, new_items = [_canonical(v) for v in a], [_canonical(v) for v in b]
        added = sum(1 for v in new_items if v not in old_items)
        removed = sum(1 for v in old_items if v not in new_items)
        return FieldChange(key, "changed", added, removed)
    return FieldChange(key, "changed")


def _key_lines(text: bytes, key_line: bytes, start: int, end: int) -> Iterator[int]:
    """Where the lines of a record's fields start in text[start:end] (at their "\\n")."""
    at = start
    while True:
        at = text.find(key_line, at, end)
        if at < 0:
            return
        if text[at + len(key_line):at + len(key_line) + 1] not in (b" ", b"#", b"-", b"\n", b""):
            yield at
        at += 1


def _one_field(old: bytes, new: bytes, indent: int) -> FieldChange | None | bool:
    """A record that differs within the value of one field (most changes):
    that field's change, None when its value is the same written otherwise;
    False when the difference reaches beyond one value (another field, a
    field's name, the record's first line)."""
    key_line = b"\n" + b" " * (indent + 2)
    p = _common_prefix(old, new)
    s = _common_suffix(old, new, min(len(old), len(new)) - p)
    line_start = old.rfind(b"\n", 0, p)
    if line_start < 0:
        return False  # the record's first line
    # the field the change is under: the last field line that starts at or before the changed line
    search = line_start + len(key_line)
    while True:
        at = old.rfind(key_line, 0, search)
        if at < 0:
            return False
        if old[at + len(key_line):at + len(key_line) + 1] not in (b" ", b"#", b"-", b"\n", b""):
            break
        search = at + len(key_line) - 1
    match = _KEY.match(old, at + len(key_line))
    if match is None or p < match.end():
        return False  # the field's name changed, or the change starts before it
    if next(_key_lines(old, key_line, at + 1, len(old) - s), None) is not None or \
            next(_key_lines(new, key_line, at + 1, len(new) - s), None) is not None:
        return False  # more than one field

    def value(text: bytes, changed_to: int) -> object:
        following = next(_key_lines(text, key_line, max(changed_to - len(key_line), at + 1), len(text)), None)
        return _value(text[match.end():following if following is not None else len(text)])

    return _changed(match.group(1).decode(), value(old, len(old) - s), value(new, len(new) - s))


def field_changes(old: bytes, new: bytes, indent: int) -> tuple[FieldChange, ...]:
    """Which fields differ between two versions of a record, in the order of the newer."""
    quick = _one_field(old, new, indent)
    if quick is not False:
        return (quick,) if quick else ()
    before, after = _fields(old, indent), _fields(new, indent)
    if before is None or after is None:  # flow style: compare the values
        a, b = _value(old[indent + 2:]), _value(new[indent + 2:])
        a = a if isinstance(a, dict) else {}
        b = b if isinstance(b, dict) else {}
        values = {k: (a.get(k, _MISSING), b.get(k, _MISSING)) for k in list(b) + [k for k in a if k not in b]}
    else:
        values = {k: (before.get(k), after.get(k)) for k in list(after) + [k for k in before if k not in after]}
    out = []
    for key, (x, y) in values.items():
        if x is None or x is _MISSING:
            out.append(FieldChange(key, "added"))
        elif y is None or y is _MISSING:
            out.append(FieldChange(key, "removed"))
        elif x != y:
            change = _changed(key, x, y) if before is None or after is None else _changed(key, _value(x), _value(y))
            if change:
                out.append(change)
    return tuple(out)


_MISSING = object()


def name_of(chunk: bytes, indent: int) -> str | None:
    """A record's name (or title) as its text gives it, in its original language."""
    fields = _fields(chunk, indent)
    if fields is None:
        value = _value(chunk[indent + 2:])
        record = value if isinstance(value, dict) else {}
    else:
        record = {k: _value(fields[k]) for k in ("name", "title", "original_language") if k in fields}
    name = record.get("name", record.get("title"))
    if isinstance(name, dict):
        lang = record.get("original_language")
        name = name.get(lang) or next(iter(name.values()), None)
    return name if isinstance(name, str) else None


# -- the pass -------------------------------------------------------------------------

def _repository(folder: Path) -> tuple[Path, str, bool] | None:
    out = _git(folder, "rev-parse", "--show-toplevel", "--is-shallow-repository", "HEAD")
    if not out:
        return None
    lines = out.decode().splitlines()
    if len(lines) != 3 or not re.fullmatch(r"[0-9a-f]{40}", lines[2]):
        return None
    return Path(lines[0]), lines[2], lines[1] == "true"


def read(context: Context, folder: Path | str, commits: int = COMMITS) -> History | None:
    """The history of the records of ``context`` (read from ``folder``), or
    None when the folder is not in a git work tree with a commit."""
    found = _repository(Path(folder))
    if found is None:
        return None
    top, head, shallow = found
    history = History(head=head)
    top = top.resolve()
    # the current records, by file in the repository, with the line each starts on
    in_repo: dict[int, str | None] = {}
    texts: dict[str, bytes] = {}
    for file in context.files:
        try:
            in_repo[id(file)] = path = Path(file.path).resolve().relative_to(top).as_posix()
        except ValueError:
            in_repo[id(file)] = None
            continue
        texts[path] = file.text.encode("utf-8")
    by_path: dict[str, list[tuple[str, str, int]]] = {path: [] for path in texts}
    for rec in context.records:
        path = in_repo.get(id(rec.file))
        if rec.id is not None and path is not None:
            by_path[path].append((rec.type, rec.id, rec.file.position(rec.path).line))
    if not by_path:
        return history
    tracked = set((_git(top, "ls-files", "-z", "--full-name", "--", *by_path) or b"").decode().split("\0")) - {""}
    if not tracked:
        return history
    dirty = set((_git(top, "diff", "--name-only", "-z", "HEAD", "--", *tracked) or b"").decode().split("\0")) - {""}
    current: set[tuple[str, str]] = set()
    for path in tracked:
        history.lines.update(_lines(texts[path], by_path[path], path))
        current.update((t, i) for t, i, _ in by_path[path])
    pending = set(current)
    blobs = _Blobs(top)
    try:
        for path in dirty & tracked:  # a record with changes that are not committed has no date yet
            sha = (_git(top, "rev-parse", f"HEAD:{path}") or b"").decode().strip()
            try:
                diffs, _ = compare(blobs.read(sha, path) or b"" if sha else b"", texts[path], _sections(texts[path]))
            except Unreadable:
                pending -= {(t, i) for t, i, _ in by_path[path]}
                continue
            for diff in diffs:
                pending -= {(diff.type, i) for i in set(diff.old) | set(diff.new) if diff.old.get(i) != diff.new.get(i)}
        sections: dict[str, tuple[str, list[_Section]]] = {}  # path -> (blob, its sections)
        stopped: set[str] = set()  # files from whose older versions nothing more is read
        for n, (sha, parents, date, files) in enumerate(_log(top, sorted(tracked))):
            if not pending and n >= commits:
                break
            if shallow and not parents:
                break  # the first commit of a shallow clone: what it "added" is unknown
            history.commits_read = n + 1
            commit = Commit(sha, date)
            for path, old_sha, new_sha in files:
                if path in stopped:
                    continue
                try:
                    new_text, old_text = blobs.read(new_sha, path), blobs.read(old_sha, path)
                    if new_text is None or old_text is None:
                        raise Unreadable("a version git cannot give")
                    known = sections.get(path)
                    new_sections = known[1] if known and known[0] == new_sha else _sections(new_text)
                    diffs, old_sections = compare(old_text, new_text, new_sections)
                    sections[path] = (old_sha, old_sections)
                except Unreadable:
                    stopped.add(path)
                    continue
                for diff in diffs:
                    indent = len(diff.item) - 3
                    for record_id in _ordered(diff.new, diff.old):
                        before, after = diff.old.get(record_id), diff.new.get(record_id)
                        if before == after:
                            continue
                        key = (diff.type, record_id)
                        if after is not None and key in pending:
                            history.last_changed[key] = commit
                            pending.discard(key)
                        if n >= commits:
                            continue
                        # a record the data no longer has is named as its text named it
                        name = None if key in current else name_of(after or before, indent)
                        if before is None:
                            history.changes.append(Change(commit, diff.type, record_id, "added", name=name))
                        elif after is None:
                            history.changes.append(Change(commit, diff.type, record_id, "removed", name=name))
                        else:
                            fields = field_changes(before, after, indent)
                            if fields:
                                history.changes.append(Change(commit, diff.type, record_id, "changed", fields,
                                                              name=name))
    finally:
        blobs.close()
    return history


def _ordered(new: dict, old: dict) -> Iterable[str]:
    return list(new) + [k for k in old if k not in new]


def _lines(text: bytes, records: list[tuple[str, str, int]], path: str) -> dict[tuple[str, str], Lines]:
    """Where each record of a file stands: from its first line to its last
    line of content (the line before the next record or list, without the
    blank and comment lines before that)."""
    lines = text.split(b"\n")
    ordered = sorted(records, key=lambda r: r[2])
    try:  # a record ends before the next list of the file starts
        tops = sorted(text.count(b"\n", 0, sec.start) + 1 for sec in _sections(text))
    except Unreadable:
        tops = [n + 1 for n, line in enumerate(lines) if line[:1].isalpha()]
    out = {}
    for i, (type_, record_id, first) in enumerate(ordered):
        limit = ordered[i + 1][2] - 1 if i + 1 < len(ordered) else len(lines)
        later = [top for top in tops if first < top <= limit]
        last = (later[0] - 1) if later else limit
        while last > first and _BLANK_OR_COMMENT.match(lines[last - 1]):
            last -= 1
        out[(type_, record_id)] = Lines(path, first, last)
    return out
