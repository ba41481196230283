"""The schema of the data files, and every fact about a field it holds.

``schema/directory.schema.json`` is the one place that says what a field is:
its type and form, whether it is required, what it means, and, in
annotations that change nothing a validator accepts, what the checks and the
pages need to know beyond that:

* ``"x-references": "organisation"``: the field holds the id of a record of
  that type (the ``references`` rule checks it; the model and the field
  reference follow it);
* ``"x-vocabulary": "themes"``: the field holds a term of that vocabulary;
* ``"x-term": "theme"``: on a vocabulary, what one of its terms is called;
* ``"x-internal": true``: the field is for the editors only and is never
  published;
* ``"x-allowed"``: what the field allows, in words (messages, field reference).

An annotation on a list stands on its items (``"items": {"$ref": "#/$defs/id",
"x-references": "contact"}``). Which fields are web addresses, dates and
texts in several languages follows from the definitions they refer to
(``#/$defs/url``, ``partial_date`` and ``full_date``, ``language_map``), and
which are numbers from their type.

:class:`Schema` answers every question about fields from there, for one
record type (``kind``: ``programme``, ``organisation``, ``contact``,
``source``, or ``vocabularies``), with field paths as patterns in which
``'*'`` stands for every item of a list (``('funding', '*', 'amount')``).
:func:`resolve` is the one place that follows a ``$ref``. ``SCHEMA`` is the
directory's schema, read once.

The package also holds what the data's values mean beyond the schema: the
records a data folder holds (``records``), ECMA-262 patterns
(``patterns``), partial dates (``dates``) and the schema for editors' tools
(``editor``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote

SCHEMA_PATH = Path(__file__).resolve().parents[3] / "schema" / "directory.schema.json"

# the annotations (see above)
REFERENCES = "x-references"
VOCABULARY = "x-vocabulary"
TERM = "x-term"
INTERNAL = "x-internal"
ALLOWED = "x-allowed"

# the definitions that say what a field holds
URL = "url"
DATES = ("partial_date", "full_date")
LANGUAGE_MAP = "language_map"

# JSON Schema types in an editor's words (messages and the field reference)
TYPE_NAMES = {
    "string": "a text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of fields",
    "null": "nothing",
}

Pattern = tuple  # a field path with '*' for the items of a list: ('funding', '*', 'amount')


# -- following $ref ------------------------------------------------------------

def pointer(root: dict, ref: Any) -> Any:
    """The node a local ``$ref`` (``'#/$defs/id'``, ``'#'``) points to in ``root``:
    the very node, not a copy. A ValueError when it is not local or points nowhere."""
    if not isinstance(ref, str) or not (ref == "#" or ref.startswith("#/")):
        raise ValueError(f"cannot follow $ref {ref!r}: only references inside the schema ('#/...')")
    node: Any = root
    for part in ref[2:].split("/") if ref != "#" else ():
        part = unquote(part).replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            raise ValueError(f"$ref {ref!r} points nowhere")
    return node


def deref(root: dict, node: Any) -> Any:
    """The node at the end of ``node``'s chain of ``$ref`` (itself without one):
    the very node in ``root``, so that a change to it lands there."""
    seen: set[str] = set()
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if ref in seen:
            raise ValueError(f"$ref {ref!r} refers to itself")
        seen.add(ref)
        node = pointer(root, ref)
    return node


def resolve(root: dict, node: dict, seen: tuple[str, ...] = ()) -> dict:
    """A schema node with its ``$ref`` (recursively) merged in; the node's own
    keywords, such as its description, win over the referenced ones."""
    ref = node.get("$ref")
    if ref is None:
        return node
    if ref in seen:
        raise ValueError(f"$ref {ref!r} refers to itself")
    merged = dict(resolve(root, pointer(root, ref), seen + (ref,)))
    merged.update({k: v for k, v in node.items() if k != "$ref"})
    return merged


def _definitions(root: dict, node: Any) -> tuple[str, ...]:
    """The names of the ``$defs`` that ``node``'s chain of ``$ref`` passes, nearest first."""
    names = []
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) \
            and node["$ref"].startswith("#/$defs/") and len(names) < 20:
        names.append(node["$ref"].rsplit("/", 1)[-1])
        node = pointer(root, node["$ref"])
    return tuple(names)


def is_annotation(keyword: str) -> bool:
    """Whether a keyword only describes (a description, examples, an ``x-``
    annotation) and never changes what validates."""
    return keyword in ("description", "examples") or keyword.startswith("x-")


def strip_annotations(node: Any) -> Any:
    """The schema without its annotations (:func:`is_annotation`): its constraints only.

    Keys of ``properties``, ``$defs`` and the like are names, not keywords, so a
    property called ``description`` stays; values of ``enum``, ``const`` and
    ``default`` are data and stay as they are."""
    if isinstance(node, list):
        return [strip_annotations(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if is_annotation(key):
            continue
        if key in ("properties", "$defs", "definitions", "patternProperties", "dependentSchemas"):
            out[key] = {name: strip_annotations(sub) for name, sub in value.items()}
        elif key in ("enum", "const", "default"):
            out[key] = value
        else:
            out[key] = strip_annotations(value)
    return out


# -- fields --------------------------------------------------------------------

@dataclass(eq=False)
class Field:
    """One field of a record type, at any depth."""

    kind: str  # the record type: 'programme', ..., 'vocabularies'
    path: Pattern  # ('funding', '*', 'amount'); '*' stands for the items of a list
    own: dict  # the schema node as written
    node: dict  # the same, $ref merged in
    items: dict  # for a list: the schema of its items, $ref merged in; else {}
    required: bool
    parent: Field | None = None
    children: list[Field] = field(default_factory=list)
    defs: tuple[str, ...] = ()  # the $defs the field refers to, nearest first
    item_defs: tuple[str, ...] = ()  # ... and those its items refer to

    @property
    def key(self) -> str:
        return [p for p in self.path if p != "*"][-1]

    @property
    def is_list(self) -> bool:
        return self.node.get("type") == "array"

    def _annotation(self, name: str) -> Any:
        return self.node.get(name) if name in self.node else self.items.get(name)

    @property
    def vocabulary(self) -> str | None:
        """The vocabulary its values (or its list's items) come from."""
        return self._annotation(VOCABULARY)

    @property
    def refers_to(self) -> str | None:
        """The record type whose id it (or each of its list's items) holds."""
        return self._annotation(REFERENCES)

    def values(self) -> list[tuple[Pattern, dict, tuple[str, ...]]]:
        """(pattern, node, defs) of where its values stand: the field itself
        and, for a list, its items (``path + ('*',)``)."""
        out = [(self.path, self.node, self.defs)]
        if self.is_list and self.items:
            out.append((self.path + ("*",), self.items, self.item_defs))
        return out


class Schema:
    """The schema of the data files, and the facts about fields it holds."""

    def __init__(self, root: dict):
        self.root = root

    @classmethod
    def read(cls, path: Path = SCHEMA_PATH) -> Schema:
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    # -- $ref

    def pointer(self, ref: str) -> Any:
        return pointer(self.root, ref)

    def deref(self, node: Any) -> Any:
        return deref(self.root, node)

    def resolve(self, node: dict) -> dict:
        return resolve(self.root, node)

    def is_definition(self, node: Any, name: str) -> bool:
        """Whether ``node`` is, or refers to, the definition ``$defs/name``."""
        definition = self.root.get("$defs", {}).get(name)
        return definition is not None and self.deref(node) is definition

    # -- record types

    @cached_property
    def _sections(self) -> dict[str, tuple[str, dict, bool]]:
        """kind -> (its key at the top of a data file, its node resolved, whether it is a list)."""
        out = {}
        for key, own in self.root.get("properties", {}).items():
            node = self.resolve(own)
            items = node.get("items") if node.get("type") == "array" else None
            if isinstance(items, dict):
                ref = items.get("$ref", "")
                out[ref.rsplit("/", 1)[-1] if ref else key] = (key, self.resolve(items), True)
            else:
                out[key] = (key, node, False)
        return out

    def kinds(self) -> tuple[str, ...]:
        """The record types and ``'vocabularies'``, in the schema's order."""
        return tuple(self._sections)

    def record_lists(self) -> dict[str, str]:
        """The lists of records a data file holds: key -> record type
        (``{'programmes': 'programme', ...}``)."""
        return {key: kind for kind, (key, _, is_list) in self._sections.items() if is_list}

    def record(self, kind: str) -> dict:
        """The schema of one record of ``kind`` (of the vocabularies mapping), $ref merged in."""
        return self._sections[kind][1]

    def prefix(self, kind: str) -> tuple:
        """The path of a record of ``kind`` from the top of a data file:
        ``('programmes', '*')``, ``('vocabularies',)``."""
        key, _, is_list = self._sections[kind]
        return (key, "*") if is_list else (key,)

    # -- fields

    def fields(self, kind: str) -> tuple[Field, ...]:
        """Every field of ``kind`` at any depth, in the schema's order (a field
        before the fields inside it)."""
        return self._fields[kind]

    @cached_property
    def _fields(self) -> dict[str, tuple[Field, ...]]:
        out = {}
        for kind in self._sections:
            found: list[Field] = []
            self._walk(kind, self.record(kind), (), None, found)
            out[kind] = tuple(found)
        return out

    def _walk(self, kind: str, obj: dict, prefix: Pattern, parent: Field | None,
              found: list[Field]) -> list[Field]:
        required = set(obj.get("required", []))
        level = []
        for key, own in obj.get("properties", {}).items():
            node = self.resolve(own)
            items = node.get("items") if isinstance(node.get("items"), dict) else None
            f = Field(kind, prefix + (key,), own, node, self.resolve(items) if items else {},
                      key in required, parent, defs=_definitions(self.root, own),
                      item_defs=_definitions(self.root, items) if items else ())
            found.append(f)
            level.append(f)
            if node.get("type") == "object" and "properties" in node:
                f.children = self._walk(kind, node, f.path, f, found)
            elif f.is_list and f.items.get("type") == "object" and "properties" in f.items:
                f.children = self._walk(kind, f.items, f.path + ("*",), f, found)
        return level

    def _facts(self, kind: str | None, fact) -> Any:
        """``fact(pattern, node, defs)`` (a value or None) of every place a
        value of ``kind`` stands, as a list; for ``kind`` None, a dict of
        those lists by record type, for the record types that have any."""
        if kind is None:
            found = {k: self._facts(k, fact) for k in self.record_lists().values()}
            return {k: v for k, v in found.items() if v}
        return [answer for f in self.fields(kind) for pattern, node, defs in f.values()
                if (answer := fact(pattern, node, defs)) is not None]

    def references(self, kind: str | None = None):
        """(pattern, referenced record type) of every field that holds an id."""
        return self._facts(kind, lambda pattern, node, _: (pattern, node[REFERENCES])
                           if REFERENCES in node else None)

    def vocabulary_fields(self, kind: str | None = None):
        """(pattern, vocabulary) of every field that holds a term of a vocabulary."""
        return self._facts(kind, lambda pattern, node, _: (pattern, node[VOCABULARY])
                           if VOCABULARY in node else None)

    def urls(self, kind: str | None = None):
        """The pattern of every field that holds a web address (``#/$defs/url``)."""
        return self._facts(kind, lambda pattern, _, defs: pattern if URL in defs else None)

    def dates(self, kind: str | None = None):
        """The pattern of every field that holds a date (a partial or a full one)."""
        return self._facts(kind, lambda pattern, _, defs: pattern
                           if any(d in defs for d in DATES) else None)

    def language_maps(self, kind: str | None = None):
        """The pattern of every field that holds a text in several languages."""
        return self._facts(kind, lambda pattern, _, defs: pattern if LANGUAGE_MAP in defs else None)

    def numbers(self, kind: str | None = None):
        """The pattern of every number field (of the type number or integer, and no other)."""
        return self._facts(kind, lambda pattern, node, _: pattern
                           if node.get("type") in ("number", "integer") else None)

    def internal(self, kind: str) -> frozenset[str]:
        """The names of the fields of ``kind`` that are for the editors only."""
        return frozenset(f.key for f in self.fields(kind)
                         if f.parent is None and f.node.get(INTERNAL) is True)

    def vocabularies(self) -> dict[str, str]:
        """Every vocabulary a data folder holds, and what one of its terms is
        called (``{'themes': 'theme', 'target_groups': 'target group', ...}``)."""
        return {f.key: f.node.get(TERM, "term") for f in self._fields.get("vocabularies", ())
                if f.parent is None}

    def refers_to(self, path: tuple) -> str | None:
        """The record type a field at ``path`` in a data file refers to
        (``('programmes', 3, 'sources', 0, 'source')`` -> ``'source'``), or None."""
        for kind, (key, _, is_list) in self._sections.items():
            if path[:1] != (key,):
                continue
            inner = path[2:] if is_list else path[1:]
            if is_list and (len(path) < 2 or not isinstance(path[1], int)):
                return None
            pattern = tuple("*" if isinstance(part, int) else part for part in inner)
            return dict(self.references(kind)).get(pattern)
        return None


SCHEMA = Schema.read()
