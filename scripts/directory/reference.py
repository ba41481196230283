"""The field reference for editors, generated from the schema and the vocabularies.

``render_reference(schema, vocabularies)`` returns the Markdown page "Field
reference" (``fields.md``): for each record type, every field with its path
(``target_group.age_min``, ``funding[].amount``), whether it is required, what
it means (the schema's ``description``), the values it allows (the schema's
``x-allowed`` text, types, limits, and for coded fields the terms of their
vocabulary with their English labels) and an example. ``reference_page(folder)``
does the same from the schema file and a data folder's vocabularies.

Every field has a stable anchor: the record type, then the field's path
without list markers, joined with hyphens (``programme-period-start``,
``programme-funding-amount``, ``vocabularies-kinds-parents``);
:func:`anchor_for` turns a field path from a message into its anchor.

Nothing here describes a field by hand: which field takes which vocabulary
and which field refers to which record type come from the validation rules,
everything else from the schema. Text passes through the same Markdown
escaping as the record pages (:mod:`directory.render`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .load import load_file, quote
from .render import TEMPLATES, _finalize, escape_md
from .validate.rules import references as reference_rule
from .validate.rules import vocabulary as vocabulary_rule
from .validate.rules import vocabulary_terms as vocabulary_terms_rule
from .validate.schema import TYPE_NAMES, resolve, schema

TEMPLATE = "fields.md.j2"
VOCABULARY_FILE = "vocabularies.yaml"
VOCABULARY_DATA_PATH = f"data/{VOCABULARY_FILE}"

# Fields of the vocabularies that take a term of another vocabulary (checked by
# the vocabulary-terms rule; record fields come from the vocabulary rule).
_VOCABULARY_LINKS = vocabulary_terms_rule.LINKS

# Patterns in words, for a pattern whose node has no x-allowed text.
PATTERN_WORDS = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "lowercase letters a-z, digits and single hyphens",
    r"\S": "a text that is not empty",
    r"^[a-z]{2}$": "two lowercase letters",
    r"^[A-Z]{2}$": "two capital letters",
    r"^[A-Z]{3}$": "three capital letters",
    r"^[A-Z]{2}-[A-Z0-9]{1,3}$": "two capital letters, a hyphen and one to three capital letters or digits",
    r"^\d{4}-\d{2}-\d{2}$": "a date written YYYY-MM-DD",
}

_ANNOTATIONS = ("description", "examples", "x-allowed")


# -- the schema ----------------------------------------------------------------

def strip_annotations(node: Any) -> Any:
    """The schema without description, examples and x-allowed: its constraints only.

    Keys of ``properties``, ``$defs`` and the like are names, not keywords, so a
    property called ``description`` stays; values of ``enum``, ``const`` and
    ``default`` are data and stay as they are."""
    if isinstance(node, list):
        return [strip_annotations(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in _ANNOTATIONS:
            continue
        if key in ("properties", "$defs", "definitions", "patternProperties", "dependentSchemas"):
            out[key] = {name: strip_annotations(sub) for name, sub in value.items()}
        elif key in ("enum", "const", "default"):
            out[key] = value
        else:
            out[key] = strip_annotations(value)
    return out


# -- fields --------------------------------------------------------------------

@dataclass
class Field:
    """One field of a record type, at any depth."""

    record: str  # the anchor prefix: 'programme', 'vocabularies'
    path: tuple[str, ...]  # ('funding', '*', 'amount'); '*' stands for the items of a list
    own: dict  # the schema node as written
    node: dict  # the same, $ref resolved
    items: dict  # for a list: the schema of its items, $ref resolved
    required: bool
    parent: "Field | None" = None
    children: list["Field"] = field(default_factory=list)
    vocabulary: str | None = None  # the vocabulary its values (or its list's items) come from
    terms: list[tuple[str, str]] = field(default_factory=list)  # (id, English label)
    refers_to: str | None = None  # the record type whose id it takes
    example: Any = None
    has_example: bool = False

    @property
    def key(self) -> str:
        return [p for p in self.path if p != "*"][-1]

    @property
    def name(self) -> str:
        """'funding[].amount'"""
        out = ""
        for part in self.path:
            if part == "*":
                out += "[]"
            else:
                out += f".{part}" if out else part
        return out

    @property
    def anchor(self) -> str:
        return "-".join([self.record, *(p for p in self.path if p != "*")])

    @property
    def depth(self) -> int:
        return sum(1 for p in self.path if p != "*") - 1

    @property
    def level(self) -> str:
        """The Markdown heading marks: ### for a top-level field, #### below it, ..."""
        return "#" * min(3 + self.depth, 6)

    @property
    def description(self) -> str:
        return self.node.get("description", "")

    @property
    def in_list(self) -> bool:
        return self.parent is not None and self.path[len(self.parent.path)] == "*"

    @property
    def descendants(self) -> list["Field"]:
        out = []
        for c in self.children:
            out.append(c)
            out.extend(c.descendants)
        return out


@dataclass
class Section:
    """One record type: a list of records in a data file (or the vocabularies)."""

    key: str  # 'programmes'
    record: str  # 'programme'
    title: str
    file: str
    description: list[str]
    fields: list[Field]  # top-level fields, each with its children
    is_list: bool
    minimal: str | None = None  # a minimal record in YAML

    @property
    def all_fields(self) -> list[Field]:
        out = []
        for f in self.fields:
            out.append(f)
            out.extend(f.descendants)
        return out


def _object_of(schema: dict, node: dict) -> tuple[dict | None, bool]:
    """(the mapping whose fields sit below a field, whether they sit in list items)."""
    if node.get("type") == "object" and "properties" in node:
        return node, False
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        items = resolve(schema, node["items"])
        if items.get("type") == "object" and "properties" in items:
            return items, True
    return None, False


def _fields(schema: dict, record: str, obj: dict, prefix: tuple[str, ...], parent: Field | None) -> list[Field]:
    required = set(obj.get("required", []))
    out = []
    for key, own in obj.get("properties", {}).items():
        node = resolve(schema, own)
        items = resolve(schema, node["items"]) if isinstance(node.get("items"), dict) else {}
        f = Field(record, prefix + (key,), own, node, items, key in required, parent)
        sub, in_list = _object_of(schema, node)
        if sub is not None:
            f.children = _fields(schema, record, sub, f.path + (("*",) if in_list else ()), f)
        out.append(f)
    return out


def sections(schema: dict) -> list[Section]:
    """The record types of the schema's top level, each with all of its fields."""
    out = []
    for key, own in schema.get("properties", {}).items():
        node = resolve(schema, own)
        items = node.get("items") if node.get("type") == "array" else None
        if isinstance(items, dict):
            ref = items.get("$ref", "")
            record = ref.rsplit("/", 1)[-1] if ref else key
            obj = resolve(schema, items)
            description = [node.get("description") or obj.get("description", "")]
            is_list = True
        else:
            record, obj, is_list = key, node, False
            description = [node.get("description", "")]
        out.append(Section(key, record, key.replace("_", " ").capitalize(), f"data/{key}.yaml",
                           [d for d in description if d],
                           _fields(schema, record, obj, (), None), is_list))
    return out


def _matches(path: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    return path == pattern or path + ("*",) == pattern


def _vocabulary_fields() -> dict[str, list[tuple[tuple, str]]]:
    out = {record: list(fields) for record, fields in vocabulary_rule.FIELDS.items()}
    out.setdefault("vocabularies", []).extend(_VOCABULARY_LINKS)
    return out


def _label(term: dict) -> str:
    label = term.get("label")
    if isinstance(label, dict):
        return str(label.get("en") or next(iter(label.values()), ""))
    return ""


def _annotate(sections_: list[Section], vocabularies: dict[str, list[dict]] | None) -> None:
    vocab_fields = _vocabulary_fields()
    ref_fields = reference_rule.FIELDS
    vocabularies = vocabularies or {}
    for s in sections_:
        if s.record == "vocabularies":
            # the schema lets a data file hold some vocabularies; the data folder needs them all
            for f in s.fields:
                f.required = f.required or f.key in vocabulary_rule.NOUNS
        for f in s.all_fields:
            for pattern, vocab in vocab_fields.get(s.record, []):
                if _matches(f.path, pattern):
                    f.vocabulary = vocab
                    f.terms = [(str(t["id"]), _label(t)) for t in vocabularies.get(vocab) or []
                               if isinstance(t, dict) and "id" in t]
            for pattern, target in ref_fields.get(s.record, []):
                if _matches(f.path, pattern):
                    f.refers_to = target
        for f in reversed(s.all_fields):  # children before their parents
            _example(f, s, vocabularies)
        if s.is_list:
            s.minimal = _minimal(s)


# -- examples ------------------------------------------------------------------

_MISSING = object()


def _vocabulary_example(f: Field, section: Section, vocabularies: dict) -> Any:
    """For a field of the vocabularies: its value in the first term that has it."""
    if section.record != "vocabularies":
        return _MISSING
    terms = vocabularies.get(f.path[0])
    if not isinstance(terms, list) or not terms or not isinstance(terms[0], dict):
        return _MISSING
    if len(f.path) == 1:  # the vocabulary itself: its first term, required fields only
        required = set(f.items.get("required", []))
        return [{k: v for k, v in terms[0].items() if k in required}]
    for term in terms:
        value: Any = term
        for part in f.path[2:]:
            value = value[part] if isinstance(value, dict) and part in value else _MISSING
        if value is not _MISSING:
            return value
    return _MISSING


def _example(f: Field, section: Section, vocabularies: dict) -> None:
    """The field's example: its own schema example, else the first term of its
    vocabulary, else the example of what it refers to in the schema, else one
    made of its items' or fields' examples."""
    value: Any = _MISSING
    if f.own.get("examples"):
        value = f.own["examples"][0]
    if value is _MISSING:
        value = _vocabulary_example(f, section, vocabularies)
    if value is _MISSING and f.terms:
        value = [f.terms[0][0]] if f.node.get("type") == "array" else f.terms[0][0]
    if value is _MISSING and f.node.get("examples"):
        value = f.node["examples"][0]
    if value is _MISSING and f.children:
        chosen = [c for c in f.children if c.required] or f.children
        mapping = {c.key: c.example for c in chosen if c.has_example}
        if mapping:
            value = [mapping] if f.node.get("type") == "array" else mapping
    if value is _MISSING and f.items.get("examples"):
        value = [f.items["examples"][0]]
    if value is not _MISSING:
        f.example, f.has_example = value, True


def _minimal(s: Section) -> str | None:
    """A record with the required fields only, as it is written in its data file."""
    required = [f for f in s.fields if f.required]
    if not required or not all(f.has_example for f in required):
        return None
    lines = [f"{s.key}:"]
    for i, f in enumerate(required):
        lines.append(("  - " if i == 0 else "    ") + f"{f.key}: {quote.flow(f.example)}")
    return "\n".join(lines)


# -- allowed values -------------------------------------------------------------

def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _scalar_words(node: dict) -> list[str]:
    """What one value may be: the x-allowed text, else type and pattern in words; then limits."""
    words = []
    if node.get("x-allowed"):
        words.append(node["x-allowed"])
    else:
        types = node.get("type")
        types = types if isinstance(types, list) else [types] if types else []
        if types:
            words.append(" or ".join(TYPE_NAMES.get(t, t) for t in types))
        if "pattern" in node:
            pattern = node["pattern"]
            words.append(PATTERN_WORDS.get(pattern, f"text matching the pattern {pattern}"))
    lo, hi = node.get("minLength"), node.get("maxLength")
    if lo is not None and hi is not None:
        words.append(f"{lo} to {hi} characters")
    elif lo is not None:
        words.append(f"at least {lo} characters")
    elif hi is not None:
        words.append(f"at most {hi} characters")
    lo, hi = node.get("minimum"), node.get("maximum")
    if lo is not None and hi is not None:
        words.append(f"from {lo} to {hi}")
    elif lo is not None:
        words.append(f"at least {lo}")
    elif hi is not None:
        words.append(f"at most {hi}")
    if "enum" in node:
        words.append("one of " + ", ".join(str(v) for v in node["enum"]))
    return words


@dataclass
class Allowed:
    """What a field allows: a paragraph of Markdown (escaped text and links to
    other fields), the terms of its vocabulary, and for a vocabulary the fields
    that use it."""

    text: Markup
    terms: list[tuple[str, str]]
    used_by: list[tuple[str, str]]  # (record type and field, anchor)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def allowed(f: Field, sections: list[Section], schema: dict) -> Allowed:
    node, items = f.node, f.items
    out: list[str] = []  # Markdown

    def text(t: str) -> None:
        # escape_md folds whitespace at the ends too: keep the spaces between pieces
        lead = " " if t[:1].isspace() else ""
        trail = " " if t[-1:].isspace() else ""
        out.append(lead + escape_md(t) + trail if t.strip() else (" " if t else ""))

    def link(label: str, anchor: str) -> None:
        out.append(f"[{escape_md(label)}](#{field_anchor(anchor)})")

    def links(fields: list[Field]) -> None:
        for i, c in enumerate(fields):
            if i:
                text(", ")
            link(c.key, c.anchor)

    by_record = {s.record: s for s in sections}
    # the terms, or the record type an id refers to, say more than the pattern of a code or id
    listed = bool(f.terms) or (f.refers_to is not None and not f.children)
    if node.get("type") == "array":
        head = ["A list"]
        if node.get("minItems"):
            head.append(f"with at least {_plural(node['minItems'], 'item')}")
        if node.get("uniqueItems"):
            head.append("each value listed once")
        text(", ".join(head))
        if f.children:
            text("; each item is a mapping of the fields ")
            links(f.children)
            text(" (below)")
            if items.get("minProperties"):
                text(f", with at least {_plural(items['minProperties'], 'field')}")
            text(".")
        elif listed:
            text(". ")
        else:
            words = _map_words(items, schema) if items.get("type") == "object" else _scalar_words(items)
            text(f"; each item: {'; '.join(words)}. " if words else ". ")
    elif node.get("type") == "object" and "properties" in node:
        text("A mapping of the fields ")
        links(f.children)
        text(" (below)")
        if node.get("minProperties"):
            text(f", with at least {_plural(node['minProperties'], 'field')}")
        text(".")
    elif node.get("type") == "object":
        text(_sentence("; ".join(_map_words(node, schema))) + " ")
    elif not listed:
        text(_sentence("; ".join(_scalar_words(node))) + " ")
    if f.vocabulary:
        each = "Each value is" if node.get("type") == "array" else "It is"
        text(f"{each} a term of the vocabulary ")
        link(f.vocabulary, f"vocabularies-{f.vocabulary}")
        text(":" if listed else f" (see {VOCABULARY_DATA_PATH}).")
    if f.refers_to:
        target = next((s for s in sections if s.record == f.refers_to), None)
        each = "Each value is" if node.get("type") == "array" and not f.children else "It is"
        text(f"{each} the id of {_article(f.refers_to)} {f.refers_to} record")
        if target is not None:
            text(" (")
            link(target.title, target.key)
            text(")")
        text(".")
    used_by = []
    if f.record == "vocabularies" and len(f.path) == 1:
        for record, pattern in _users(f.key):
            s = by_record.get(record)
            user = next((g for g in (s.all_fields if s else []) if _matches(g.path, pattern)), None)
            if user is not None:
                used_by.append((f"{user.name} ({record})", user.anchor))
    return Allowed(Markup("".join(out).strip()), f.terms, used_by)


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _users(vocabulary: str) -> list[tuple[str, tuple]]:
    """(record type, field path pattern) of every field that takes a term of the vocabulary."""
    return [(record, pattern) for record, fields in _vocabulary_fields().items()
            for pattern, vocab in fields if vocab == vocabulary]


def _map_words(node: dict, schema: dict) -> list[str]:
    words = [node["x-allowed"]] if node.get("x-allowed") else ["a mapping"]
    names = node.get("propertyNames")
    if isinstance(names, dict) and (names.get("x-allowed") or names.get("pattern")):
        words.append("keys: " + (names.get("x-allowed") or PATTERN_WORDS.get(names["pattern"], names["pattern"])))
    values = node.get("additionalProperties")
    if isinstance(values, dict):
        values = resolve(schema, values)
        if values.get("x-allowed"):
            words.append("each value: " + values["x-allowed"])
    if node.get("minProperties"):
        n = node["minProperties"]
        words.append(f"at least {n} entr{'ies' if n != 1 else 'y'}")
    return words


# -- anchors ---------------------------------------------------------------------

def anchor_for(field_path: str, schema: dict) -> str | None:
    """The anchor documenting a field of a message ('programmes[3].period.start' ->
    'programme-period-start'); a key below a documented field (a language of a
    text) leads to that field; a record ('programmes[3]') to its record type."""
    parts = [p for p in re.split(r"\.|\[\d+\]", field_path) if p]
    if not parts:
        return None
    by_section = {s.key: s for s in sections(schema)}
    s = by_section.get(parts[0])
    if s is None:
        return None
    known = {tuple(p for p in f.path if p != "*"): f.anchor for f in s.all_fields}
    rest = tuple(parts[1:])
    while rest:
        if rest in known:
            return known[rest]
        rest = rest[:-1]
    return s.key


# -- the page --------------------------------------------------------------------

_CODE_TICKS = re.compile(r"`+")


def code(value: Any) -> Markup:
    """A Markdown code span showing the value exactly (Markdown escapes its HTML)."""
    text = " ".join(str(value).split())
    longest = max((len(m) for m in _CODE_TICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markup(f"{fence}{pad}{text}{pad}{fence}")


def code_block(text: str) -> Markup:
    """An indented code block (the site has no fenced-code extension)."""
    return Markup("\n".join("    " + line if line else "" for line in text.splitlines()))


_ANCHOR = re.compile(r"^[a-z0-9_]+(?:-[a-z0-9_]+)*$")


def field_anchor(value: str) -> Markup:
    if not _ANCHOR.match(value):
        raise ValueError(f"not a field anchor: {value!r}")
    return Markup(value)


def required_text(f: Field) -> str:
    if not f.required:
        return "no"
    if f.parent is None:
        return "yes"
    if f.in_list:
        return f"yes, in each item of {f.parent.name}"
    return f"yes, whenever {f.parent.name} is given"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(code=code, code_block=code_block, field_anchor=field_anchor, yaml=quote.flow)
    env.globals.update(required_text=required_text)
    return env


def annotated_sections(schema: dict, vocabularies: dict[str, list[dict]] | None) -> list[Section]:
    """The record types with their fields' vocabularies, terms, references and
    examples, and each list's minimal record."""
    found = sections(schema)
    _annotate(found, vocabularies)
    return found


def render_reference(schema: dict, vocabularies: dict[str, list[dict]] | None) -> str:
    """The page 'Field reference' (Markdown) for a schema and the vocabularies
    (name -> list of terms, as under 'vocabularies:' in the data; None leaves out
    the lists of terms)."""
    found = annotated_sections(schema, vocabularies)
    allowed_of = {f.anchor: allowed(f, found, schema) for s in found for f in s.all_fields}
    return _environment().get_template(TEMPLATE).render(
        sections=found, allowed=allowed_of, has_vocabularies=bool(vocabularies))


def load_vocabularies(data_folder: Path) -> dict[str, list[dict]] | None:
    """The vocabularies of a data folder (name -> terms), read with the project's
    loader: those of vocabularies.yaml, and any it lacks from the other data
    files that hold a 'vocabularies:' mapping, as the validator finds them."""
    folder = Path(data_folder)
    first = folder / VOCABULARY_FILE
    others = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()
                    and p != first) if folder.is_dir() else []
    found: dict[str, list[dict]] = {}
    for path in ([first] if first.is_file() else []) + others:
        if found and all(name in found for name in vocabulary_rule.NOUNS):
            break
        data = load_file(path).data
        vocab = data.get("vocabularies") if isinstance(data, dict) else None
        if isinstance(vocab, dict):
            for name, terms in vocab.items():
                if isinstance(terms, list):
                    found.setdefault(name, terms)
    return found or None


def reference_page(data_folder: Path) -> str:
    """The field reference for the schema and a data folder's vocabularies."""
    return render_reference(schema(), load_vocabularies(Path(data_folder)))
