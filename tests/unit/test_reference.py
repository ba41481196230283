"""The field reference (fields.md) documents every field of the schema, and the
schema's annotations only ever describe: they never change what it accepts.

After an intended change to the schema's texts or to the template, regenerate
the golden page with

    UPDATE_GOLDEN=1 make test PYTEST_ARGS=tests/unit/test_reference.py

and review the diff of tests/golden/expected/reference/ like any other change.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import re

import markdown
import pytest
from jsonschema import Draft202012Validator

from support import DATA, FIXTURES, ROOT, nodes_with_examples
from htmlcheck import Page, injected_markup
from directory.load import load_text
from directory.load.quote import flow as yaml_flow
from directory.render.reference import (
    PATTERN_WORDS, anchor_for, annotated_sections, reference_page, render_reference,
)
from directory.validate import validate
from directory.validate.rules import references as reference_rule
from directory.validate.rules import vocabulary as vocabulary_rule
from directory.schema import SCHEMA_PATH, strip_annotations

GOLDEN = ROOT / "tests" / "golden" / "expected" / "reference" / "fields.md"
EXTENSIONS = ["tables", "def_list", "attr_list", "toc"]
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))

# fields of the vocabularies that take a term of another vocabulary (vocabulary-terms rule)
VOCABULARY_LINKS = {"vocabularies": [(("kinds", "*", "parents", "*"), "kinds"),
                                     (("regions", "*", "country"), "countries"),
                                     (("regions", "*", "within"), "regions")]}


# -- a walk over the schema of its own, so the tests do not trust the module's ----------

def resolve(node: dict) -> dict:
    while "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        node = {**SCHEMA["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def documented_fields() -> list[tuple[str, tuple, dict, bool]]:
    """(record type, path with '*' for list items, resolved node, required) of every field."""
    out = []

    def walk(record, obj, prefix):
        for key, sub in obj.get("properties", {}).items():
            node, path = resolve(sub), prefix + (key,)
            out.append((record, path, node, key in obj.get("required", [])))
            if "properties" in node:
                walk(record, node, path)
            items = resolve(node.get("items", {})) if node.get("type") == "array" else {}
            if "properties" in items:
                walk(record, items, path + ("*",))

    for key, top in SCHEMA["properties"].items():
        if top.get("type") == "array":
            walk(top["items"]["$ref"].rsplit("/", 1)[-1], resolve(top["items"]), ())
        else:
            walk(key, top, ())
    return out


def anchor(record: str, path: tuple) -> str:
    return "-".join([record, *(p for p in path if p != "*")])


def property_nodes(node, where="#"):
    """(where, name, node) of every property anywhere in the raw schema."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties":
                for name, sub in value.items():
                    yield f"{where}/properties/{name}", name, sub
                    yield from property_nodes(sub, f"{where}/properties/{name}")
            elif key not in ("enum", "const", "examples"):
                yield from property_nodes(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from property_nodes(value, f"{where}/{i}")


# -- the page ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def checked():
    """The real data, checked: the page is made from what the check found."""
    return validate(DATA).context


@pytest.fixture(scope="module")
def vocabularies(checked):
    return checked.vocabularies()


@pytest.fixture(scope="module")
def page(checked) -> str:
    return reference_page(checked)


@pytest.fixture(scope="module")
def page_html(page) -> str:
    return markdown.markdown(page, extensions=EXTENSIONS)


def section_html(page_html: str, anchor_id: str) -> str:
    """The HTML of a field's heading up to the next heading."""
    m = re.search(rf'<h[1-6] id="{re.escape(anchor_id)}">', page_html)
    assert m, f"no heading with id {anchor_id}"
    end = re.search(r"<h[1-6][ >]", page_html[m.end():])
    return page_html[m.start(): m.end() + end.start() if end else len(page_html)]


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


# -- the schema ------------------------------------------------------------------------

def test_every_property_has_a_description():
    missing = [where for where, _, node in property_nodes(SCHEMA) if not node.get("description")]
    assert missing == [], "properties without a description: " + ", ".join(missing)


def test_every_definition_has_a_description():
    assert [name for name, node in SCHEMA["$defs"].items() if not node.get("description")] == []


# The schema's constraints (everything but description, examples and x-allowed)
# as of the foundation, whose data and tests rest on them; the editors' texts
# added since changed none. A change of a constraint is deliberate: make it,
# check the data and the messages, and commit the new fingerprint with it.
CONSTRAINTS_SHA256 = "2088317067640d71a4011a2ebb434983d7e9f64eb191761cfa2dbef97cc886fe"


def test_annotations_change_no_constraint():
    """Editing descriptions, examples or x-allowed texts never changes what validates."""
    canonical = json.dumps(strip_annotations(SCHEMA), sort_keys=True, ensure_ascii=False)
    found = hashlib.sha256(canonical.encode()).hexdigest()
    assert found == CONSTRAINTS_SHA256, (
        f"the schema's constraints changed (fingerprint {found}); if that is intended, "
        "set CONSTRAINTS_SHA256 to it")


def test_stripping_keeps_fields_named_like_annotations():
    toy = {"description": "x", "properties": {"description": {"type": "string", "description": "y"}},
           "enum": [{"description": 1}]}
    assert strip_annotations(toy) == {"properties": {"description": {"type": "string"}}, "enum": [{"description": 1}]}


def test_every_pattern_is_said_in_words():
    """The page never shows a bare regular expression to an editor."""
    def patterns(node):
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                yield node
            for key, value in node.items():
                if key not in ("enum", "const", "examples"):
                    yield from patterns(value)
        elif isinstance(node, list):
            for value in node:
                yield from patterns(value)

    unsaid = [n["pattern"] for n in patterns(SCHEMA) if not n.get("x-allowed") and n["pattern"] not in PATTERN_WORDS]
    assert unsaid == []


def test_every_example_is_valid_where_it_stands():
    examples = nodes_with_examples(SCHEMA)
    assert len(examples) > 40
    for node in examples:
        validator = Draft202012Validator({**node, "$defs": SCHEMA["$defs"]})
        for example in node["examples"]:
            assert not list(validator.iter_errors(example)), (node, example)


def test_examples_are_generic():
    """Examples illustrate; they never name a real record of the directory."""
    real_ids = set()
    for name in ("programmes", "organisations", "contacts", "sources"):
        data = load_text((DATA / f"{name}.yaml").read_text(encoding="utf-8"), name).data
        real_ids |= {r["id"] for r in data[name]}
    text = json.dumps([n.get("examples") for _, _, n in property_nodes(SCHEMA)] +
                      [d.get("examples") for d in SCHEMA["$defs"].values()])
    assert [i for i in real_ids if f'"{i}"' in text] == []


# -- the page: every field -------------------------------------------------------------------

def test_every_field_has_its_anchor_and_description(page, page_html):
    fields = documented_fields()
    assert len(fields) > 100
    for record, path, node, _ in fields:
        a = anchor(record, path)
        assert f"{{ #{a} }}" in page
        part = text_of(section_html(page_html, a))
        assert html.unescape(node["description"]) in part, a


def test_requested_anchors(page_html):
    ids = set(re.findall(r'id="([^"]+)"', page_html))
    for a in ("programme-target_group-age_min", "programme-period-start", "programme-funding-amount",
              "programme-sources-locator", "organisation-sources-source", "contact-source-locator",
              "source-publisher", "vocabularies-kinds-parents", "vocabularies-regions-within",
              "programmes", "organisations", "contacts", "sources", "vocabularies"):
        assert a in ids, a


def test_required_fields_are_marked(page_html):
    for record, path, _, required in documented_fields():
        dd = re.search(r"<dt>Required</dt>\s*<dd>([^<]*)</dd>", section_html(page_html, anchor(record, path)))
        assert dd, path
        if record == "vocabularies" and len(path) == 1:
            required = required or path[0] in vocabulary_rule.NOUNS
        assert dd.group(1).startswith("yes") == required, (record, path, dd.group(1))


def test_required_column_of_the_tables(page):
    rows = dict(re.findall(r"^\| \[(?:\\.|[^\]\\])+\]\(#([^)]+)\) \| (required|optional) \|", page, re.M))
    for record, path, _, required in documented_fields():
        a = anchor(record, path)
        if record == "vocabularies" and len(path) == 1:
            required = required or path[0] in vocabulary_rule.NOUNS
        assert rows[a] == ("required" if required else "optional"), a


def vocabulary_fields():
    for record, fields in list(vocabulary_rule.FIELDS.items()) + list(VOCABULARY_LINKS.items()):
        for pattern, vocab in fields:
            path = pattern[:-1] if pattern[-1] == "*" else pattern
            yield record, path, vocab


def test_every_term_of_each_coded_field_is_listed(page_html, vocabularies):
    seen = 0
    for record, path, vocab in vocabulary_fields():
        part = section_html(page_html, anchor(record, path))
        assert f'href="#vocabularies-{vocab}"' in part
        for term in vocabularies[vocab]:
            assert f"<li><code>{html.escape(term['id'])}</code>: {html.escape(term['label']['en'], quote=False)}</li>" \
                in part, (record, path, term["id"])
            seen += 1
    assert seen > 50


def test_references_name_their_record_type(page_html):
    for record, fields in reference_rule.FIELDS.items():
        for pattern, target in fields:
            path = pattern[:-1] if pattern[-1] == "*" else pattern
            part = section_html(page_html, anchor(record, path))
            assert f"the id of {'an' if target[0] in 'aeiou' else 'a'} {target} record" in text_of(part)


def test_every_vocabulary_says_who_uses_it(page_html):
    for record, path, vocab in vocabulary_fields():
        assert f'href="#{anchor(record, path)}"' in section_html(page_html, f"vocabularies-{vocab}")


def test_every_field_has_an_example_that_reads_back(page_html):
    for record, path, _, _ in documented_fields():
        part = section_html(page_html, anchor(record, path))
        m = re.search(r"<dt>Example</dt>\s*<dd><code>(.*?)</code></dd>", part, re.S)
        assert m, (record, path)
        loaded = load_text(html.unescape(m.group(1)) + "\n", "example")
        assert loaded.problems == [] and isinstance(loaded.data, dict), m.group(1)
        assert list(loaded.data) == [path[-1] if path[-1] != "*" else path[-2]]


def test_minimal_records_are_valid(page, vocabularies):
    validator = Draft202012Validator(SCHEMA)
    lists = [s for s in annotated_sections(SCHEMA, vocabularies) if s.is_list]
    assert len(lists) == 4 and all(s.minimal for s in lists)
    for s in lists:
        data = load_text(s.minimal + "\n", "minimal").data
        assert not list(validator.iter_errors(data)), s.minimal
        assert "\n".join("    " + line for line in s.minimal.splitlines()) in page


def test_yaml_flow_reads_back():
    for value in ["2019", "--02-02", "2026-11-23", "no", "NO", "on", "12", "1e3", "a: b", "x, y", "# c",
                  "https://example.org/a?b=c", "Programma's", "", " lead", {"nl": "a, b", "en": "c"},
                  ["BE", "NL"], [{"source": "s", "locator": "slide 4"}], 0, 2.5, True]:
        data = load_text(f"k: {yaml_flow(value)}\n", "x").data
        assert data == {"k": value}, (value, yaml_flow(value))


# -- the page as HTML --------------------------------------------------------------------

def test_markdown_converts_and_every_link_lands(page_html):
    ids = re.findall(r'id="([^"]+)"', page_html)
    assert len(ids) == len(set(ids)), "duplicate ids"
    links = re.findall(r'href="#([^"]+)"', page_html)
    assert links and set(links) <= set(ids), set(links) - set(ids)
    assert "{ #" not in page_html and "{:" not in page_html  # every attribute list was taken up
    assert "<pre><code>programmes:" in page_html  # the minimal record is a code block


def test_the_table_of_contents_has_every_field(page):
    md = markdown.Markdown(extensions=EXTENSIONS)
    md.convert(page)

    def flat(tokens):
        for t in tokens:
            yield t["id"]
            yield from flat(t["children"])

    toc = set(flat(md.toc_tokens))
    assert {anchor(r, p) for r, p, _, _ in documented_fields()} <= toc


def test_text_from_the_schema_is_not_markup():
    hostile = {"properties": {"things": {"type": "array", "items": {"$ref": "#/$defs/thing"},
                                         "description": "<script>alert(1)</script>"}},
               "$defs": {"thing": {"type": "object", "properties": {
                   "x": {"type": "string", "description": "[a](javascript:alert(1)) {: onclick=alert(1) }",
                         "x-allowed": "*any* <b>text</b>", "examples": ["<i>`tick`</i>"]}}}}}
    out = markdown.markdown(render_reference(hostile, None), extensions=EXTENSIONS)
    assert injected_markup(out) == []
    tags = {tag for tag, _ in Page(out[out.index('<h2 id="things">'):]).tags}
    assert not tags & {"b", "i", "em", "strong"}, tags
    assert "<script>alert(1)</script>" in html.unescape(text_of(out))  # shown as text


def test_without_vocabularies_the_page_points_to_the_file():
    out = render_reference(SCHEMA, None)
    assert "a term of the vocabulary [kinds](#vocabularies-kinds) \\(see data/vocabularies\\.yaml\\)" in out
    assert "- `programme`" not in out


# -- golden -------------------------------------------------------------------------

def test_page_matches_golden():
    got = render_reference(SCHEMA, validate(FIXTURES / "golden").context.vocabularies())
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(got, encoding="utf-8")
    assert GOLDEN.exists(), "no golden field reference: run with UPDATE_GOLDEN=1 and review it"
    assert got == GOLDEN.read_text(encoding="utf-8")


# -- anchors for messages ------------------------------------------------------------------

@pytest.mark.parametrize("path, expected", [
    ("programmes[3].period.start", "programme-period-start"),
    ("programmes[1].name.nl", "programme-name"),
    ("programmes[0].funding[2].period.end", "programme-funding-period-end"),
    ("programmes[0]", "programmes"),
    ("contacts[2].source.locator", "contact-source-locator"),
    ("vocabularies.countries[2].id", "vocabularies-countries-id"),
    ("vocabularies.themes", "vocabularies-themes"),
    ("(file)", None),
])
def test_anchor_for_a_message_path(path, expected):
    assert anchor_for(path, SCHEMA) == expected
