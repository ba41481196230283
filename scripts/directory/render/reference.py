"""The field reference for editors, generated from the schema and the vocabularies.

``render_reference(schema, vocabularies)`` returns the Markdown page "Field
reference" (``fields.md``): for each record type, every field with its path
(``target_group.age_min``, ``funding[].amount``), whether it is required, what
it means (the schema's ``description``), the values it allows (the schema's
``x-allowed`` text, types, limits, and for coded fields the terms of their
vocabulary with their English labels) and an example. ``reference_page(ctx)``
does the same from the directory's schema and the vocabularies of a checked
data folder (in memory: nothing is read again from disk).

Every field has a stable anchor: the record type, then the field's path
without list markers, joined with hyphens (``programme-period-start``,
``programme-funding-amount``, ``vocabularies-kinds-parents``);
:func:`anchor_for` turns a field path from a message into its anchor.

Nothing here describes a field by hand: everything comes from the schema
(:mod:`directory.schema`: which field takes which vocabulary and which field
refers to which record type are annotations there). Text passes through the
same Markdown escaping as the record pages (:mod:`directory.render`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from jinja2 import Environment, pass_context
from markupsafe import Markup

from ..load import quote
from ..schema import SCHEMA, TYPE_NAMES, Schema
from ..schema import Field as SchemaField
from ..schema.records import Context
from ..languages import DEFAULT
from ..names import library_name
from ..words import article, plural, sentence
from . import i18n, markdown
from .markdown import escape_md

TEMPLATE = "fields.md.j2"
VOCABULARY_FILE = "vocabularies.yaml"
VOCABULARY_DATA_PATH = f"data/{VOCABULARY_FILE}"

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

# -- fields --------------------------------------------------------------------

@dataclass(eq=False)
class Field(SchemaField):
    """A field of a record type as the page shows it: the schema's field (its
    path, nodes, vocabulary and the record type it refers to) with the terms
    of its vocabulary and its example."""

    terms: list[tuple[str, str]] = field(default_factory=list)  # (id, English label)
    example: Any = None
    has_example: bool = False

    @property
    def record(self) -> str:
        """The anchor prefix: 'programme', 'vocabularies'."""
        return self.kind

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


def _field(f: SchemaField, parent: Field | None) -> Field:
    """The page's field for a field of the schema, with the fields inside it."""
    out = Field(f.kind, f.path, f.own, f.node, f.items, f.required, parent,
                defs=f.defs, item_defs=f.item_defs)
    out.children = [_field(child, out) for child in f.children]
    return out


def _as_schema(schema: Schema | dict) -> Schema:
    return schema if isinstance(schema, Schema) else Schema(schema)


def sections(schema: Schema | dict) -> list[Section]:
    """The record types of the schema's top level, each with all of its fields."""
    schema = _as_schema(schema)
    out = []
    lists = schema.record_lists()
    for kind in schema.kinds():
        key = schema.prefix(kind)[0]
        top = schema.resolve(schema.root["properties"][key])
        description = [top.get("description") or schema.record(kind).get("description", "")]
        out.append(Section(key, kind, key.replace("_", " ").capitalize(), f"data/{key}.yaml",
                           [d for d in description if d],
                           [_field(f, None) for f in schema.fields(kind) if f.parent is None],
                           key in lists))
    return out


def _label(term: dict, language: str = DEFAULT, vocabulary: str = "") -> str:
    """A term's label in ``language``: the data's, else a library's name of a
    country or region (:mod:`directory.names`), else English."""
    label = term.get("label")
    if not isinstance(label, dict):
        return ""
    found = label.get(language) or library_name(vocabulary, str(term.get("id")), language)
    return str(found or label.get("en") or next(iter(label.values()), ""))


def _annotate(sections_: list[Section], vocabularies: dict[str, list[dict]] | None,
              schema: Schema, language: str = DEFAULT) -> None:
    vocabularies = vocabularies or {}
    needed = schema.vocabularies()
    for s in sections_:
        if s.record == "vocabularies":
            # the schema lets a data file hold some vocabularies; the data folder needs them all
            for f in s.fields:
                f.required = f.required or f.key in needed
        for f in s.all_fields:
            if f.vocabulary:
                f.terms = [(str(t["id"]), _label(t, language, f.vocabulary))
                           for t in vocabularies.get(f.vocabulary) or [] if isinstance(t, dict) and "id" in t]
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


def allowed(f: Field, sections: list[Section], schema: Schema | dict) -> Allowed:
    schema = _as_schema(schema)
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

    # the terms, or the record type an id refers to, say more than the pattern of a code or id
    listed = bool(f.terms) or (f.refers_to is not None and not f.children)
    if node.get("type") == "array":
        head = ["A list"]
        if node.get("minItems"):
            head.append(f"with at least {plural(node['minItems'], 'item')}")
        if node.get("uniqueItems"):
            head.append("each value listed once")
        text(", ".join(head))
        if f.children:
            text("; each item is a mapping of the fields ")
            links(f.children)
            text(" (below)")
            if items.get("minProperties"):
                text(f", with at least {plural(items['minProperties'], 'field')}")
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
            text(f", with at least {plural(node['minProperties'], 'field')}")
        text(".")
    elif node.get("type") == "object":
        text(sentence("; ".join(_map_words(node, schema))) + " ")
    elif not listed:
        text(sentence("; ".join(_scalar_words(node))) + " ")
    if f.vocabulary:
        each = "Each value is" if node.get("type") == "array" else "It is"
        text(f"{each} a term of the vocabulary ")
        link(f.vocabulary, f"vocabularies-{f.vocabulary}")
        text(":" if listed else f" (see {VOCABULARY_DATA_PATH}).")
    if f.refers_to:
        target = next((s for s in sections if s.record == f.refers_to), None)
        each = "Each value is" if node.get("type") == "array" and not f.children else "It is"
        text(f"{each} the id of {article(f.refers_to)} {f.refers_to} record")
        if target is not None:
            text(" (")
            link(target.title, target.key)
            text(")")
        text(".")
    used_by = []
    if f.record == "vocabularies" and len(f.path) == 1:  # the fields that take its terms
        used_by = [(f"{g.name} ({s.record})", g.anchor) for s in sections for g in s.all_fields
                   if g.vocabulary == f.key]
    return Allowed(Markup("".join(out).strip()), f.terms, used_by)


def _map_words(node: dict, schema: Schema) -> list[str]:
    words = [node["x-allowed"]] if node.get("x-allowed") else ["a mapping"]
    names = node.get("propertyNames")
    if isinstance(names, dict) and (names.get("x-allowed") or names.get("pattern")):
        words.append("keys: " + (names.get("x-allowed") or PATTERN_WORDS.get(names["pattern"], names["pattern"])))
    values = node.get("additionalProperties")
    if isinstance(values, dict):
        values = schema.resolve(values)
        if values.get("x-allowed"):
            words.append("each value: " + values["x-allowed"])
    if node.get("minProperties"):
        n = node["minProperties"]
        words.append(f"at least {n} entr{'ies' if n != 1 else 'y'}")
    return words


# -- anchors ---------------------------------------------------------------------

def anchor_for(field_path: str, schema: Schema | dict = SCHEMA) -> str | None:
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


def required_text(f: Field, t: Callable[..., str] = None) -> str:
    """Whether ``f`` is required, in words (the catalogue's ``t``; English without it)."""
    t = t or i18n.catalogue(DEFAULT).t
    if not f.required:
        return t("fields.required.no")
    if f.parent is None:
        return t("fields.required.yes")
    if f.in_list:
        return t("fields.required.in_each_item", parent=f.parent.name)
    return t("fields.required.whenever", parent=f.parent.name)


def english(language: str) -> tuple[Callable[[Any], Markup], Callable[[Any], Markup]]:
    """(inline, block): the schema's and the rules' English texts as a page in
    ``language`` writes them: as they are on English pages, marked as English
    (``lang="en"``) on the others."""
    def inline(value: Any) -> Markup:
        text = value if isinstance(value, Markup) else Markup(escape_md(value))
        if language == DEFAULT or not text:
            return text
        return Markup('<span lang="en">') + text + Markup("</span>")

    def block(value: Any) -> Markup:
        text = value if isinstance(value, Markup) else Markup(escape_md(value))
        if language == DEFAULT or not text:
            return text
        return Markup('<div lang="en" markdown>\n\n') + text + Markup("\n\n</div>")

    return inline, block


def _environment(language: str = DEFAULT) -> Environment:
    env = markdown.environment(language)
    env.filters.update(code=code, code_block=code_block, field_anchor=field_anchor, yaml=quote.flow)
    catalogue = i18n.catalogue(language)
    inline, block = english(language)
    env.globals.update(required_text=lambda f: required_text(f, catalogue.t), en=inline, en_block=block,
                       link=_link, section_title=lambda s: section_title(s, catalogue, inline))
    return env


def section_title(s: Section, catalogue: i18n.Catalogue, english: Callable[[Any], Markup]) -> Any:
    """A record type's title: the catalogue's (``fields.section.<key>``) for
    the directory's record types (a test holds that each has one), else the
    title made from the schema, marked as English."""
    key = f"fields.section.{s.key}"
    return catalogue.t(key) if key in catalogue else english(s.title)


@pass_context
def _link(ctx, text: Any, target: str) -> Markup:
    """A link from the page to another page of its language (the reference's
    pages sit side by side: their links are the page name)."""
    return Markup(f"[{escape_md(text)}]({target})")


def annotated_sections(schema: Schema | dict,
                       vocabularies: dict[str, list[dict]] | None, language: str = DEFAULT) -> list[Section]:
    """The record types with their fields' vocabularies, terms (labelled in
    ``language``), references and examples, and each list's minimal record."""
    schema = _as_schema(schema)
    found = sections(schema)
    _annotate(found, vocabularies, schema, language)
    return found


def render_reference(schema: Schema | dict, vocabularies: dict[str, list[dict]] | None,
                     language: str = DEFAULT) -> str:
    """The page 'Field reference' (Markdown) in ``language`` for a schema and
    the vocabularies (name -> list of terms, as under 'vocabularies:' in the
    data; None leaves out the lists of terms)."""
    schema = _as_schema(schema)
    found = annotated_sections(schema, vocabularies, language)
    allowed_of = {f.anchor: allowed(f, found, schema) for s in found for f in s.all_fields}
    return _environment(language).get_template(TEMPLATE).render(
        sections=found, allowed=allowed_of, has_vocabularies=bool(vocabularies))


def reference_page(ctx: Context, language: str = DEFAULT) -> str:
    """The field reference in ``language`` for the directory's schema and the
    vocabularies of a checked data folder (``validate(folder).context``)."""
    return render_reference(SCHEMA, ctx.vocabularies() or None, language)
