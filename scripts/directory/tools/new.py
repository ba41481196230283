"""``python -m directory new KIND ID``: start a record from a commented template.

KIND is a programme kind from the kinds vocabulary (pilot, action-plan, ...)
or one of the record types organisation, contact and source. The record is
appended to the end of the record list of its data file (programmes.yaml,
organisations.yaml, contacts.yaml or sources.yaml); the rest of the file is
left byte for byte as it was.

The template lists every field the schema allows, in the schema's order:

* required fields are live YAML with a placeholder (``TODO``, ``""`` or
  ``{}``) that ``check`` rejects until the editor fills it in, and end with
  ``# required: <description>``;
* optional fields are commented out (``# field: ...  # optional: ...``) and
  name their allowed values; removing one ``# `` uncomments a field at the
  right indentation. Within an optional block the same holds one level down.

``id``, ``kind`` and ``last_reviewed`` (today, or DIRECTORY_TODAY) are filled
in. Once the record is filled in, ``check`` warns about what is left of the
template (rule ``template-text``: the help comments, the commented-out
optional fields, an uncommented placeholder). Nothing is written when KIND or ID is not allowed (exit status 2), or ID
is taken or the target file has problems (exit status 1); the reasons are
printed as ``check`` prints problems.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamStartEvent,
)

from ..load import (
    LoadedFile, Position, data_files, display_path, load_file, load_text, quote, write_atomic,
)
from ..problems import ERROR, Problem, quoted, summary
from ..review import today
from ..schema import SCHEMA, Field
from ..schema.patterns import ecma
from ..schema.records import RECORD_LISTS
from ..validate.rules.reserved_ids import reserved
from ..validate.suggest import unknown
from ..words import article, sentence

RULE = "new"
HEADER = "# yaml-language-server: $schema=../schema/editor.schema.json\n"  # make schema writes it
TODO = "TODO"
# record type -> (data file, list key); every programme kind goes to programmes
TARGETS = {
    "programme": ("programmes.yaml", "programmes"),
    "organisation": ("organisations.yaml", "organisations"),
    "contact": ("contacts.yaml", "contacts"),
    "source": ("sources.yaml", "sources"),
}
OTHER_TYPES = ("organisation", "contact", "source")
EXIT_USAGE = 2  # KIND or ID not allowed
EXIT_DATA = 1  # ID taken, or the data file has problems


class Refused(Exception):
    """The record was not added; ``problems`` say why."""

    def __init__(self, where: str, problems: list[Problem], code: int = EXIT_DATA):
        super().__init__(where)
        self.where = where
        self.problems = problems
        self.code = code


@dataclass
class Added:
    path: str  # as shown in messages
    line: int  # of the new record's '- id:' line
    type: str
    kind: str
    id: str


# ---------------------------------------------------------------- the folder

@dataclass
class _Folder:
    files: dict[Path, LoadedFile]
    vocab: dict[str, list[str]]  # vocabulary -> term ids, in file order
    kinds: dict[str, dict]  # kind id -> term
    kinds_at: tuple[str, Position] | None  # where the kinds vocabulary stands


def _read_folder(folder: Path) -> _Folder:
    files = {p: load_file(p, display_path(p)) for p in data_files(folder)}
    vocab: dict[str, list[str]] = {}
    kinds: dict[str, dict] = {}
    kinds_at = None
    for file in files.values():
        vocabularies = file.data.get("vocabularies") if isinstance(file.data, dict) else None
        if not isinstance(vocabularies, dict):
            continue
        for name, terms in vocabularies.items():
            if name in vocab or not isinstance(terms, list):
                continue
            terms = [t for t in terms if isinstance(t, dict) and isinstance(t.get("id"), str)]
            vocab[name] = [t["id"] for t in terms]
            if name == "kinds":
                kinds = {t["id"]: t for t in terms}
                kinds_at = (file.path, file.key_position(("vocabularies", "kinds")))
    return _Folder(files, vocab, kinds, kinds_at)


def _record_type(kind: str, folder: _Folder, where: str) -> str:
    if kind in OTHER_TYPES:
        return kind
    if kind in folder.kinds:
        return "programme"
    options = list(folder.kinds) + list(OTHER_TYPES)
    path, pos = folder.kinds_at or (where, Position(1, 1))
    raise Refused(path, [Problem(path, pos.line, pos.col, ERROR, "kind",
                                 unknown("kind", kind, options), RULE)], EXIT_USAGE)


def _id_problem(value: str) -> str | None:
    """What is wrong with ``value`` as an id, in the words ``check`` uses."""
    spec = SCHEMA.pointer("#/$defs/id")
    if len(value) < spec["minLength"]:
        return f"'{value}' is too short; at least {spec['minLength']} characters ({spec['x-allowed']})"
    if len(value) > spec["maxLength"]:
        return f"'{value}' is too long; at most {spec['maxLength']} characters"
    if not ecma(spec["pattern"]).search(value):  # as the schema check applies it
        return f"{quoted(value)} is not allowed; use {spec['x-allowed']}"
    return None


def _taken(folder: _Folder, record_id: str) -> list[Problem]:
    """The record that already has ``record_id``, in any data file."""
    for file in folder.files.values():
        if not isinstance(file.data, dict):
            continue
        for key, type_ in RECORD_LISTS.items():
            items = file.data.get(key)
            if not isinstance(items, list):
                continue
            for i, item in enumerate(items):
                if isinstance(item, dict) and item.get("id") == record_id:
                    pos = file.position((key, i, "id"))
                    return [Problem(file.path, pos.line, pos.col, ERROR, f"{key}[{i}].id", (
                        f"id '{record_id}' is already used by the {type_} at {file.path}:{pos.line}; "
                        "choose another id (ids are unique across all data files)"), RULE)]
    return []


# ------------------------------------------------------------- the template

def _is_text(node: dict) -> bool:
    return node.get("type") == "string" and node.get("pattern") == r"\S"


def _placeholder(node: dict) -> str:
    """A value of the right shape that ``check`` rejects until it is filled in
    (an empty list is the exception: it is allowed, and means nothing)."""
    kind = node.get("type")
    if kind == "object":
        return "{}"  # a language map: must have at least one text
    if kind == "array":
        return "[]"
    if _is_text(node):
        return '""'
    return TODO  # fails the pattern, type or rule of codes, ids, dates, numbers, yes/no, URLs


class _Template:
    """The lines of a new record of one type, built from the schema."""

    def __init__(self, type_: str, kind: str, record_id: str, folder: _Folder, day: str):
        self.type = type_
        self.kind = kind
        self.folder = folder
        self.prefill = {("id",): quote.scalar(record_id), ("last_reviewed",): quote.scalar(day)}
        if type_ == "programme":
            self.prefill[("kind",)] = quote.scalar(kind)

    def lines(self) -> list[str]:
        """The record's fields, relative to its own column (no '- ')."""
        return self._fields([f for f in SCHEMA.fields(self.type) if f.parent is None])

    def _fields(self, fields: list[Field]) -> list[str]:
        return [line for f in fields for line in self._field(f)]

    def _field(self, f: Field) -> list[str]:
        note = self._note(f)
        if f.path in self.prefill:
            lines = [f"{f.key}: {self.prefill[f.path]}  # {note}"]
        elif f.children and not f.is_list:
            lines = [f"{f.key}:  # {note}"] + _indent(self._fields(f.children))
        elif f.children:
            lines = [f"{f.key}:  # {note}"] + _indent(self._item(f.children))
        else:
            lines = [f"{f.key}: {_placeholder(f.node)}  # {note}"]
        return lines if f.required else ["# " + line for line in lines]

    def _item(self, fields: list[Field]) -> list[str]:
        body = self._fields(fields)
        if body and not body[0].startswith("#"):
            return ["- " + body[0]] + _indent(body[1:])
        # no required field: the item is what the editor uncomments below
        return ["-  # uncomment and fill in at least one field"] + _indent(body)

    def _note(self, f: Field) -> str:
        node, words = f.node, []
        if node.get("description"):
            words.append(sentence(node["description"]))
        scalar = f.items if f.is_list else node
        if f.vocabulary and f.vocabulary in self.folder.vocab:
            words.append(f"Allowed: {', '.join(self.folder.vocab[f.vocabulary])}.")
        elif f.refers_to:
            if " id" not in f" {node.get('description', '')}".lower():
                words.append(f"Allowed: ids of {f.refers_to} records." if f.is_list
                             else f"Allowed: the id of {_a(f.refers_to)} record.")
        elif scalar.get("x-allowed") and not _is_text(scalar) and f.path != ("id",):
            words.append(sentence(f"Allowed: {scalar['x-allowed']}"))
        if f.path == ("parent",) and self.type == "programme":
            parents = self.folder.kinds.get(self.kind, {}).get("parents") or []
            if parents:
                words.append(f"{_a(self.kind).capitalize()} may sit under a record of kind: "
                             f"{', '.join(parents)}.")
            else:
                words.append(f"{_a(self.kind).capitalize()} sits under no other record; "
                             "leave this out.")
        return f"{'required' if f.required else 'optional'}: {' '.join(words)}".rstrip()


def _a(word: str) -> str:
    return f"{article(word)} {word}"


def _indent(lines: list[str], by: int = 2) -> list[str]:
    return [" " * by + line for line in lines]


def _record_text(type_: str, kind: str, record_id: str, folder: _Folder,
                 dash: int, step: int, newline: str) -> str:
    body = _Template(type_, kind, record_id, folder, today().isoformat()).lines()
    first = " " * dash + "-" + " " * (step - 1) + body[0]
    rest = [" " * (dash + step) + line for line in body[1:]]
    return newline.join([first, *rest]) + newline


# ------------------------------------------------------------ where it goes

@dataclass
class _Spot:
    """How to add a record: cut text[cut:cut_end] (an empty '[]' or '~'),
    insert at ``at`` (a line start, or the end of the file)."""

    at: int
    dash: int  # column of the items' '-'
    step: int  # from '-' to the item's fields
    first: bool  # the list has no items yet
    cut: int = 0
    cut_end: int = 0
    key: str | None = None  # the list key to write first (it is missing)


_NULLS = {"", "~", "null", "Null", "NULL"}


def _after_line(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end == -1 else end + 1


def _skip(events: list, i: int) -> int:
    """The index just after the node that starts at ``events[i]``."""
    depth = 0
    while True:
        event = events[i]
        if isinstance(event, CollectionStartEvent):
            depth += 1
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        i += 1
        if depth == 0:
            return i


def _content_end(text: str, events: list) -> int:
    """Just after the last character written by ``events`` (a block
    collection's end event stands at the next token, so it does not count)."""
    end, flow = 0, []
    for event in events:
        if isinstance(event, CollectionStartEvent):
            flow.append(bool(event.flow_style))
        elif isinstance(event, CollectionEndEvent):
            if flow.pop():
                end = max(end, event.end_mark.index)
        elif isinstance(event, (ScalarEvent, AliasEvent)):
            end = max(end, event.end_mark.index)
    while end > 0 and text[end - 1] in " \t\r\n":  # a block scalar ends after its blank lines
        end -= 1
    return end


def _locate(text: str, key: str, shown: str) -> _Spot:
    def refuse(message: str, mark=None) -> Refused:
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Refused(shown, [Problem(shown, line, col, ERROR, key, message, RULE)])

    try:  # the pure-Python parser: its marks count characters
        events = list(yaml.parse(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise refuse(f"cannot find the end of the list ({exc}); add the record by hand") from None
    i = 0
    while isinstance(events[i], (StreamStartEvent, DocumentStartEvent)):
        i += 1
    top = events[i]
    if not isinstance(top, MappingStartEvent) or top.flow_style:
        raise refuse("the file must be a block mapping such as 'programmes:' with a list of "
                     "records; cannot add a record to it", top.start_mark)
    i += 1
    while not isinstance(events[i], MappingEndEvent):
        name, start, after = events[i], i + 1, _skip(events, i + 1)
        if isinstance(name, ScalarEvent) and name.value == key:
            return _spot_in_value(text, events[start:after], name, refuse)
        i = after
    # the list key is missing: add it at the end of the file
    return _Spot(at=len(text), dash=top.start_mark.column + 2, step=2, first=True, key=key)


def _spot_in_value(text: str, value: list, name: ScalarEvent, refuse) -> _Spot:
    head = value[0]
    dash = name.start_mark.column + 2
    if isinstance(head, SequenceStartEvent) and not head.flow_style:
        item = value[1]
        step = max(2, item.start_mark.column - head.start_mark.column)
        end = _content_end(text, value[1:-1])
        return _Spot(at=_after_line(text, end), dash=head.start_mark.column, step=step, first=False)
    empty_flow = isinstance(head, SequenceStartEvent) and isinstance(value[1], SequenceEndEvent)
    null = (isinstance(head, ScalarEvent) and head.implicit[0] and not head.style
            and head.value in _NULLS)
    if empty_flow or null:
        cut, cut_end = head.start_mark.index, value[-1].end_mark.index
        while cut > 0 and text[cut - 1] in " \t":  # 'programmes: []' -> 'programmes:'
            cut -= 1
        return _Spot(at=_after_line(text, cut_end), dash=dash, step=2, first=True,
                     cut=cut, cut_end=cut_end)
    if isinstance(head, SequenceStartEvent):
        raise refuse(f"the '{name.value}' list is written in flow style [...]; write it as a "
                     "block list ('- ' items) to add a record", head.start_mark)
    raise refuse(f"'{name.value}' must be a list of records", head.start_mark)


def _insert(text: str, spot: _Spot, record: str, newline: str) -> tuple[str, int]:
    """The new text, and where the record starts in it."""
    before, after = text[:spot.cut] + text[spot.cut_end:spot.at], text[spot.at:]
    if before and not before.endswith("\n"):
        before += newline
    if spot.key:
        before += (newline if before.strip() else "") + f"{spot.key}:{newline}"
    elif not spot.first:
        before += newline  # a blank line between records, as in the data files
    return before + record + after, len(before)


# ------------------------------------------------------------------- adding

def add_record(folder: Path | str, kind: str, record_id: str) -> Added:
    """Append a new record template to its data file; raises ``Refused``."""
    folder = Path(folder)
    if not folder.is_dir():
        shown = display_path(folder)
        raise Refused(shown, [Problem(shown, 1, 1, ERROR, "(folder)",
                                      "the data folder does not exist", RULE)])
    data = _read_folder(folder)
    type_ = _record_type(kind, data, display_path(folder))
    name, key = TARGETS[type_]
    path = folder / name
    shown = display_path(path)
    wrong = _id_problem(record_id) or reserved(type_, record_id)
    if wrong:
        raise Refused(shown, [Problem(shown, 1, 1, ERROR, "id", wrong, RULE)], EXIT_USAGE)
    file = data.files.get(path)
    if file is not None and file.problems:
        raise Refused(shown, file.problems + [Problem(
            shown, 1, 1, ERROR, "(file)", "fix the problems of this file (make check) before "
            "adding a record to it", RULE)])
    taken = _taken(data, record_id)
    if taken:
        raise Refused(shown, taken)

    if file is None:
        text, newline = HEADER + f"{key}:\n", "\n"
        spot = _Spot(at=len(text), dash=2, step=2, first=True)
    else:
        text = path.read_bytes().decode("utf-8")  # a byte order mark stays
        newline = "\r\n" if "\r\n" in text else "\n"
        spot = _locate(text, key, shown)
    record = _record_text(type_, kind, record_id, data, spot.dash, spot.step, newline)
    new_text, start = _insert(text, spot, record, newline)
    _verify(file, new_text, key, record, shown)
    write_atomic(path, new_text.encode("utf-8"))
    return Added(shown, new_text.count("\n", 0, start) + 1, type_, kind, record_id)


def _verify(old: LoadedFile | None, new_text: str, key: str, record: str, shown: str) -> None:
    """The new file holds the old data and the new record at the end of its list."""
    new = load_text(new_text, shown)
    expected = dict(old.data) if old is not None else {}
    item = load_text(f"{key}:\n{record}", shown).data[key][0]
    expected[key] = list(expected.get(key) or []) + [item]
    if new.problems or new.data != expected:
        raise Refused(shown, [Problem(shown, 1, 1, ERROR, key, (
            "cannot add the record without changing the rest of the file; add it by hand "
            "at the end of the list"), RULE)])


# -------------------------------------------------------------- the command

def _run(args) -> int:
    try:
        done = add_record(args.data, args.kind, args.id)
    except Refused as refused:
        sys.stdout.flush()
        for problem in refused.problems:
            print(problem.format(), file=sys.stderr)
        print(f"{refused.where}: {summary(refused.problems)}; nothing added", file=sys.stderr)
        return refused.code
    print(f"{done.path}:{done.line}: added {done.kind} '{done.id}'; "
          "fill in the fields marked required, delete the help comments and the optional "
          "lines you do not use, then run make check")
    return 0


def add_command(sub) -> None:
    parser = sub.add_parser(
        "new", help="add a record from a commented template: new KIND ID",
        description="Append a new record to its data file, with every field the schema allows: "
                    "required fields to fill in, optional ones commented out.")
    parser.add_argument("kind", help="a kind from the kinds vocabulary (pilot, action-plan, ...) "
                        "or organisation, contact or source")
    parser.add_argument("id", help="the new record's id: a lowercase slug such as "
                        "'vordingborg-home-support'")
    parser.add_argument("--data", default="data", help="the data folder (default: data)")
    parser.set_defaults(func=_run)
