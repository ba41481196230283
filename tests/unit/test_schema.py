"""The schema is the one source of field facts (directory.schema).

Which fields hold ids, vocabulary terms, web addresses, dates, texts in several
languages and numbers: each is said once, in schema/directory.schema.json, and
every rule, the model, the tools and the pages ask ``SCHEMA``. The facts below
are what the rules, the field reference and the link checker each kept in
lists of their own before; the schema gives exactly these (in its own order).
"""
from __future__ import annotations

import copy
import json

import pytest
from jsonschema import Draft202012Validator

from support import DATA, ROOT, schema_nodes
from directory import model
from directory.schema import (
    SCHEMA, SCHEMA_PATH, Schema, deref, is_annotation, pointer, resolve, strip_annotations,
)
from directory.schema.records import RECORD_LISTS
from directory.validate import validate

RAW = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))

REFERENCES = {
    "programme": {
        (("parent",), "programme"),
        (("replaced_by",), "programme"),
        (("organisations", "*", "id"), "organisation"),
        (("funding", "*", "funder"), "organisation"),
        (("funding", "*", "share_of"), "programme"),
        (("evaluation", "by"), "organisation"),
        (("contacts", "*"), "contact"),
        (("sources", "*", "source"), "source"),
    },
    "organisation": {(("part_of",), "organisation"), (("sources", "*", "source"), "source")},
    "contact": {(("organisation",), "organisation"), (("source", "source"), "source")},
    "source": {(("publisher",), "organisation")},
}
VOCABULARY_FIELDS = {
    "programme": {
        (("kind",), "kinds"), (("original_language",), "languages"), (("themes", "*"), "themes"),
        (("settings", "*"), "settings"), (("languages", "*"), "languages"), (("status",), "statuses"), (("scope",), "scopes"),
        (("target_group", "who", "*"), "target_groups"),
        (("organisations", "*", "role"), "organisation_roles"),
        (("evaluation", "status"), "evaluation_statuses"), (("countries", "*"), "countries"),
        (("regions", "*"), "regions"),
    },
    "organisation": {(("original_language",), "languages"), (("countries", "*"), "countries"),
                     (("regions", "*"), "regions")},
    "source": {(("language",), "languages")},
}
VOCABULARY_LINKS = [(("kinds", "*", "parents", "*"), "kinds"), (("regions", "*", "country"), "countries"),
                    (("regions", "*", "within"), "regions")]
URLS = {"programme": [("links", "*", "url")], "organisation": [("url",)], "source": [("url",)]}
DATES = {
    "programme": [("period", "start"), ("period", "end"), ("funding", "*", "period", "start"),
                  ("funding", "*", "period", "end"), ("evaluation", "due"),
                  ("legal_basis", "*", "in_force"), ("milestones", "*", "date"), ("last_reviewed",)],
    "organisation": [("last_reviewed",)],
    "source": [("date",)],
}
NOUNS = {
    "kinds": "kind", "themes": "theme", "settings": "setting", "statuses": "status",
    "target_groups": "target group", "organisation_roles": "organisation role",
    "evaluation_statuses": "evaluation status", "scopes": "scope", "languages": "language",
    "countries": "country", "regions": "region",
}


def test_the_references():
    found = SCHEMA.references()
    assert {kind: set(fields) for kind, fields in found.items()} == REFERENCES
    assert all(len(fields) == len(set(fields)) for fields in found.values())
    assert SCHEMA.references("vocabularies") == []


def test_the_vocabulary_fields():
    found = SCHEMA.vocabulary_fields()
    assert {kind: set(fields) for kind, fields in found.items()} == VOCABULARY_FIELDS
    assert SCHEMA.vocabulary_fields("vocabularies") == VOCABULARY_LINKS


def test_urls_dates_and_numbers():
    assert SCHEMA.urls() == URLS
    assert SCHEMA.dates() == DATES
    assert SCHEMA.numbers() == {
        "programme": [("target_group", "age_min"), ("target_group", "age_max"),
                      ("funding", "*", "amount"), ("funding", "*", "shared_among")]}


def test_texts_in_several_languages_include_the_derived_notes():
    """Every language map is found, the notes under derived too: the iso-codes
    rule checks their language keys as it checks every other text's."""
    maps = SCHEMA.language_maps()
    assert set(maps["programme"]) == {
        ("name",), ("summary",), ("description",), ("target_group", "note"), ("period", "note"),
        ("funding", "*", "scope"), ("evaluation", "note"), ("legal_basis", "*", "text"),
        ("milestones", "*", "event"), ("organisations", "*", "note"), ("links", "*", "title"),
        ("derived", "countries"), ("derived", "regions"), ("derived", "status"), ("derived", "period")}
    assert set(maps["organisation"]) == {("name",), ("summary",), ("derived", "countries"),
                                         ("derived", "regions")}
    assert maps["contact"] == [("role",)] and "source" not in maps


def test_the_record_types_vocabularies_and_internal_fields():
    assert SCHEMA.record_lists() == RECORD_LISTS == {
        "programmes": "programme", "organisations": "organisation", "contacts": "contact",
        "sources": "source"}
    assert SCHEMA.kinds() == ("programme", "organisation", "contact", "source", "vocabularies")
    assert SCHEMA.vocabularies() == NOUNS
    assert SCHEMA.internal("contact") == {"confidential"}
    assert all(not SCHEMA.internal(kind) for kind in ("programme", "organisation", "source"))
    assert SCHEMA.prefix("programme") == ("programmes", "*")
    assert SCHEMA.prefix("vocabularies") == ("vocabularies",)


def test_every_annotated_reference_and_term_is_an_id_or_a_code():
    """An x-references field holds an id, an x-vocabulary field a code or an
    ISO code; every x-references names a record type, every x-vocabulary a vocabulary."""
    for kind in SCHEMA.kinds():
        for f in SCHEMA.fields(kind):
            for _, node, defs in f.values():
                if "x-references" in node:
                    assert node["x-references"] in SCHEMA.record_lists().values()
                    assert defs[:1] == ("id",), f.path
                if "x-vocabulary" in node:
                    assert node["x-vocabulary"] in NOUNS
                    assert defs[:1] == ("code",) or node.get("pattern"), f.path


def test_refers_to_a_field_of_a_data_file():
    assert SCHEMA.refers_to(("programmes", 3, "sources", 0, "source")) == "source"
    assert SCHEMA.refers_to(("programmes", 3, "contacts", 1)) == "contact"
    assert SCHEMA.refers_to(("contacts", 0, "source", "source")) == "source"
    assert SCHEMA.refers_to(("programmes", 3, "name", "nl")) is None
    assert SCHEMA.refers_to(("programmes", "x", "parent")) is None
    assert SCHEMA.refers_to(("vocabularies", "kinds", 0, "parents", 0)) is None
    assert SCHEMA.refers_to(("nothing", 0)) is None


def test_fields_form_a_tree_in_the_schemas_order():
    fields = SCHEMA.fields("programme")
    top = [f.key for f in fields if f.parent is None]
    assert top == list(RAW["$defs"]["programme"]["properties"])
    amount = next(f for f in fields if f.path == ("funding", "*", "amount"))
    assert amount.parent.path == ("funding",) and amount in amount.parent.children
    assert amount.node["type"] == "number" and not amount.required
    title = next(f for f in fields if f.path == ("links", "*", "title"))
    assert title.required and title.defs == ("language_map",)
    derived = next(f for f in fields if f.path == ("derived", "countries"))
    assert derived.defs == ("derived_note", "language_map")
    assert derived.node["description"] == "What the countries are derived from."  # its own wins
    contacts = next(f for f in fields if f.path == ("contacts",))
    assert contacts.refers_to == "contact" and contacts.vocabulary is None
    assert contacts.values()[1][0] == ("contacts", "*")


# -- following $ref -------------------------------------------------------------------

def test_the_one_ref_follower():
    root = {"$defs": {"a": {"$ref": "#/$defs/b", "description": "A"}, "b": {"type": "string"},
                      "x/y": {"type": "number"}, "t~": {"type": "boolean"},
                      "loop": {"$ref": "#/$defs/loop"}, "list": [{"type": "null"}]}}
    assert pointer(root, "#/$defs/b") is root["$defs"]["b"]
    assert pointer(root, "#") is root
    assert pointer(root, "#/$defs/x~1y") == {"type": "number"}
    assert pointer(root, "#/$defs/t~0") == {"type": "boolean"}
    assert pointer(root, "#/$defs/x~1y".replace("/x", "/%78")) == {"type": "number"}
    assert pointer(root, "#/$defs/list/0") == {"type": "null"}
    for bad in ("#/$defs/nothing", "other.json#/x", "#/$defs/list/3", 7):
        with pytest.raises(ValueError):
            pointer(root, bad)
    assert deref(root, {"$ref": "#/$defs/a"}) is root["$defs"]["b"]
    assert resolve(root, {"$ref": "#/$defs/a", "title": "t"}) == {
        "type": "string", "description": "A", "title": "t"}
    with pytest.raises(ValueError):
        resolve(root, {"$ref": "#/$defs/loop"})
    with pytest.raises(ValueError):
        deref(root, {"$ref": "#/$defs/loop"})


def test_is_definition():
    language_map = SCHEMA.root["$defs"]["language_map"]
    assert SCHEMA.is_definition({"$ref": "#/$defs/derived_note"}, "language_map")
    assert SCHEMA.is_definition(language_map, "language_map")
    assert not SCHEMA.is_definition({"$ref": "#/$defs/text"}, "language_map")
    assert not SCHEMA.is_definition({"type": "object"}, "nothing")


# -- annotations never change what validates -------------------------------------------

def test_annotations_are_descriptions_examples_and_x_keywords():
    assert is_annotation("description") and is_annotation("examples") and is_annotation("x-anything")
    assert not any(is_annotation(k) for k in ("title", "$comment", "default", "enum", "pattern"))
    assert strip_annotations({"type": "string", "x-references": "organisation", "x-vocabulary": "v",
                              "properties": {"x-references": {"x-internal": True}}}) == {
        "type": "string", "properties": {"x-references": {}}}


def test_the_annotations_change_nothing_that_validates():
    """The data validates alike with and without every x- annotation (jsonschema
    ignores them; so does the fast check), and the real data passes both."""
    bare = copy.deepcopy(RAW)

    for node in schema_nodes(bare):  # listed first, then changed
        for key in [k for k in node if k.startswith("x-") and k != "x-allowed"]:
            del node[key]
    assert bare != RAW
    from directory.load import data_files, load_file

    annotated, plain = Draft202012Validator(RAW), Draft202012Validator(bare)
    for path in data_files(DATA):
        data = load_file(path).data
        assert list(annotated.iter_errors(data)) == list(plain.iter_errors(data)) == [], path.name
        broken = copy.deepcopy(data)
        lists = [records for records in broken.values() if isinstance(records, list) and records]
        for records in lists:
            records[0]["id"] = "Not An Id"
        errors = [e.message for e in annotated.iter_errors(broken)]
        assert errors == [e.message for e in plain.iter_errors(broken)]
        assert len(errors) == len(lists)


def test_a_schema_from_a_dict_answers_for_itself():
    toy = Schema({"properties": {"things": {"type": "array", "items": {"$ref": "#/$defs/thing"}}},
                  "$defs": {"thing": {"type": "object", "required": ["owner"], "properties": {
                      "owner": {"type": "string", "x-references": "thing"},
                      "tags": {"type": "array", "items": {"type": "string", "x-vocabulary": "tags"}},
                      "size": {"type": "integer"}}}}})
    assert toy.record_lists() == {"things": "thing"}
    assert toy.references() == {"thing": [(("owner",), "thing")]}
    assert toy.vocabulary_fields("thing") == [(("tags", "*"), "tags")]
    assert toy.numbers() == {"thing": [("size",)]}
    assert toy.urls() == {} and toy.vocabularies() == {}
    assert [f.required for f in toy.fields("thing")] == [True, False, False]


# -- the consumers ask the schema ------------------------------------------------------

def test_the_model_follows_the_references_the_schema_names():
    result = validate(DATA)
    directory = model.build(result.context)
    kinds = {"programme": directory.programmes, "organisation": directory.organisations,
             "contact": directory.contacts, "source": directory.sources}
    for p in directory.programmes.values():
        assert p.parent is None or p.parent is kinds["programme"][p.parent.id]
        assert all(c is kinds["contact"][c.id] for c in p.contacts)
        assert all(ref.source is kinds["source"][ref.source.id] for ref in p.sources)
    for c in directory.contacts.values():
        assert c.organisation is kinds["organisation"][c.organisation.id]
    assert [p.id for p in directory.roots] == [p.id for p in sorted(directory.roots, key=lambda p: p.sort_key)]


def test_names_sort_case_folded_then_by_id():
    directory = model.build(validate(DATA).context)
    orgs = sorted(directory.organisations.values(), key=lambda o: o.sort_key)
    assert [o.sort_key for o in orgs] == sorted((o.name.source.casefold(), o.id) for o in orgs)
    contacts = sorted(directory.contacts.values(), key=lambda c: c.sort_key)
    assert [c.sort_key[0] for c in contacts] == sorted(c.title.casefold() for c in contacts)


def test_the_open_data_leaves_out_the_internal_fields():
    from directory.exports import public_view

    view = public_view(validate(DATA).context)
    assert view["contacts"] and all("confidential" not in c for c in view["contacts"])


def test_the_schema_file_is_the_one_the_package_reads():
    assert SCHEMA_PATH == ROOT / "schema" / "directory.schema.json"
    assert SCHEMA.root == RAW
