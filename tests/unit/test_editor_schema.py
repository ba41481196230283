"""The schema for editors' tools (schema/editor.schema.json): made from the data
schema and the vocabularies by `make schema`, named by the data files and
.vscode/settings.json, published with the site, and kept in step:

* what does not depend on the data (the schema's structure, the patterns) must
  be exactly what `make schema` writes: a change to the data schema or to the
  generator comes with the regenerated file;
* the vocabularies' terms may lag behind data/vocabularies.yaml: an editor who
  adds a term in GitHub's web editor cannot run `make schema`, and a derived
  file must never block a content pull request. `make check` warns instead
  (rule editor-schema, tested in rules/test_editor_schema.py), at the term,
  naming the command; the published site always carries a schema made from
  the data it shows.

What the editor's tool then flags is tested through the tool itself in
test_language_server.py.
"""
from __future__ import annotations

import copy
import dataclasses
import json
import re

import pytest
from directory.validate.schema_check import ECMAValidator as Draft202012Validator

from support import DATA, FIXTURES, ROOT
from directory.schema import dates
from directory.schema.patterns import ecma
from directory.tools import new
from directory.__main__ import main
from directory.schema.editor import (
    EDITOR_SCHEMA_PATH, for_context, generate, named_schema,
    skeleton, term_description, terms_of, text,
)
from directory.load import load_file
from directory.validate import validate
from directory.schema.records import RECORD_LISTS, find
from directory.validate.rules import urls
from directory.validate.rules import vocabulary as vocabulary_rule
from directory.schema import SCHEMA, SCHEMA_PATH

SETTINGS = ROOT / ".vscode" / "settings.json"


@pytest.fixture(scope="module")
def real():
    """(the real data's context, the editor schema made from it)"""
    ctx = validate(DATA).context
    return ctx, generate(SCHEMA.root, ctx.vocabularies())


# -- kept in step --------------------------------------------------------------

def test_the_committed_schema_is_what_make_schema_writes_but_for_the_terms(real):
    _, fresh = real
    committed_text = EDITOR_SCHEMA_PATH.read_text(encoding="utf-8")
    committed = json.loads(committed_text)
    assert skeleton(committed) == skeleton(fresh), (
        f"{EDITOR_SCHEMA_PATH.name} is out of date with {SCHEMA_PATH.name} or the generator: run make schema")
    assert committed_text == text(committed), "written by hand? run make schema"
    # the same fields are coded, with the same vocabularies
    assert set(terms_of(committed)) == set(terms_of(fresh)) == set(vocabulary_rule.NOUNS)


def test_make_schema_writes_the_file_and_then_finds_it_up_to_date(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "editor.schema.json"
    assert main(["schema", str(DATA), "--out", str(out)]) == 0
    assert capsys.readouterr().out == (f"wrote editor.schema.json from schema/{SCHEMA_PATH.name} "
                                       f"and the vocabularies of {DATA}\n")
    assert out.read_text(encoding="utf-8") == for_context(validate(DATA).context)
    assert main(["schema", str(DATA), "--out", str(out)]) == 0
    assert capsys.readouterr().out == "editor.schema.json is up to date\n"


def test_make_schema_leaves_the_file_alone_when_the_vocabularies_are_broken(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "programmes.yaml").write_text("programmes: []\n", encoding="utf-8")
    (folder / "vocabularies.yaml").write_text("vocabularies:\n  themes: [\n", encoding="utf-8")
    out = tmp_path / "editor.schema.json"
    out.write_text("{}\n", encoding="utf-8")
    assert main(["schema", "data", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("data/vocabularies.yaml:2:11: error: ")
    assert err.endswith("data: the vocabularies did not load cleanly; editor.schema.json is left as it is\n")
    assert out.read_text(encoding="utf-8") == "{}\n"


def test_the_makefile_has_a_schema_target():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^schema: .*\n\t\$\(PY\) -m directory schema \$\(DATA\)$", makefile, re.M)


# -- what it holds -------------------------------------------------------------

def test_the_real_data_passes_the_editor_schema(real):
    _, editor = real
    validator = Draft202012Validator(editor)
    for path in sorted(DATA.glob("*.yaml")):
        assert [e.message for e in validator.iter_errors(load_file(path).data)] == [], path.name


def _coded_values(ctx):
    """(record type, pattern, vocabulary, the first real record with a value
    there). A field no source fills yet (a new optional list of terms at the
    top of a record) is tried on the first real record of its type, with the
    vocabulary's first term."""
    for type_, fields in vocabulary_rule.FIELDS.items():
        for pattern, vocab in fields:
            rec = next((r for r in ctx.valid(type_) if find(r.data, pattern)), None)
            if rec is None and len(pattern) == 2 and pattern[1] == "*":
                first = next(ctx.valid(type_), None)
                if first is not None:
                    rec = dataclasses.replace(first, data={**first.data, pattern[0]: [next(iter(ctx.vocab[vocab]))]})
            yield type_, pattern, vocab, rec


def test_every_coded_field_takes_only_its_vocabularys_terms(real):
    ctx, editor = real
    validator = Draft202012Validator(editor)
    key_of = {type_: key for key, type_ in RECORD_LISTS.items()}
    checked = 0
    for type_, pattern, vocab, rec in _coded_values(ctx):
        assert rec is not None, f"no real {type_} has {pattern}: the test needs one"
        (sub, value), *_ = find(rec.data, pattern)
        assert value in ctx.vocab[vocab]
        data = copy.deepcopy(rec.data)
        holder = data
        for part in sub[:-1]:
            holder = holder[part]
        holder[sub[-1]] = "not-a-term"
        errors = list(validator.iter_errors({key_of[type_]: [data]}))
        assert [(e.validator, tuple(e.path)) for e in errors] == [("enum", (key_of[type_], 0) + sub)], pattern
        assert errors[0].schema["enum"] == list(ctx.vocab[vocab])
        checked += 1
    assert checked == sum(len(f) for f in vocabulary_rule.FIELDS.values())


def test_the_vocabularies_own_links_take_terms_too(real):
    ctx, editor = real
    validator = Draft202012Validator(editor)
    vocab = {name: [dict(t) for t in terms.values()] for name, terms in ctx.vocab.items()}
    assert list(validator.iter_errors({"vocabularies": vocab})) == []
    vocab["kinds"][0]["parents"] = ["not-a-kind"]
    vocab["regions"][0]["country"] = "XX"
    vocab["regions"][0]["within"] = "XX-YY"
    found = sorted(tuple(e.path) for e in validator.iter_errors({"vocabularies": vocab}))
    assert found == [("vocabularies", "kinds", 0, "parents", 0), ("vocabularies", "regions", 0, "country"),
                     ("vocabularies", "regions", 0, "within")]


def test_each_term_is_described_by_its_labels_and_meaning():
    term = {"id": "pilot", "label": {"en": "Pilot", "nl": "Pilootproject", "da": "Pilotprojekt"},
            "description": {"en": "A time-limited trial."}}
    assert term_description(term) == "Pilot (nl: Pilootproject; da: Pilotprojekt). A time-limited trial."
    assert term_description({"id": "x", "label": {"nl": "Iets"}}) == "Iets"
    assert term_description({"id": "x"}) == "x"


def test_the_themes_field_lists_the_real_themes_with_their_labels(real):
    ctx, editor = real
    node = editor["$defs"]["programme"]["properties"]["themes"]["items"]
    assert node["x-vocabulary"] == "themes"
    assert node["enum"] == list(ctx.vocab["themes"])
    assert node["enumDescriptions"] == [term_description(t) for t in ctx.vocab["themes"].values()]
    assert node["enumDescriptions"][node["enum"].index("residential-care")].startswith("Residential care (nl: ")


def test_dates_and_urls_have_the_checks_own_patterns(real):
    _, editor = real
    assert editor["$defs"]["partial_date"]["pattern"] == dates.PATTERN == dates.FORMS
    assert editor["$defs"]["url"]["pattern"] == urls.PATTERN
    validator = Draft202012Validator(editor["$defs"]["url"])
    for url in ("https://example.org/page", "http://localhost:8000/x", "HTTPS://EXAMPLE.ORG", "www.example.org",
                "example.org", "ftp://example.org/", "https://exa mple.org", "https://nohost", "https://"):
        # the editor's tool never flags a URL that make check accepts
        if urls.problem_with(url) is None:
            assert validator.is_valid(url), url
    assert not validator.is_valid("www.example.org")
    assert urls.problem_with("www.example.org") == "must start with https:// or http://"


def test_the_date_pattern_accepts_exactly_the_forms_make_check_reads():
    pattern = ecma(dates.PATTERN)
    for value in ("2019", "2019-07", "2019-07-01", "--02-02", "March 2019", "01/2019", "1 July 2019",
                  "2019-7", "19", "20190701", "2019-07-01T10:00", "--2-2", "2019-13"):
        assert bool(pattern.search(value)) == bool(dates._FORMS.search(value)), value
        if not pattern.search(value):
            assert isinstance(dates.parse(value), str), value


def test_a_mismatched_pattern_says_what_is_allowed_in_words(real):
    _, editor = real
    defs = editor["$defs"]
    assert defs["partial_date"]["patternErrorMessage"] == f"Allowed: {dates.ALLOWED}."
    assert defs["id"]["patternErrorMessage"] == f"Allowed: {defs['id']['x-allowed']}."
    assert defs["language_map"]["propertyNames"]["patternErrorMessage"] == (
        "Allowed: a two-letter ISO 639-1 language code such as nl, da or en.")


def test_everything_else_is_as_in_the_data_schema(real):
    """Take away what the generator adds and the data schema is left."""
    _, editor = real
    source = SCHEMA.root
    stripped = copy.deepcopy(editor)
    for key in ("$comment", "x-generated-by"):
        stripped.pop(key)
    stripped["$id"] = source["$id"]
    _drop(stripped, ("patternErrorMessage",))
    stripped["$defs"]["partial_date"].pop("pattern")
    stripped["$defs"]["url"].pop("pattern")
    coded = [n for n in _nodes(stripped) if "x-vocabulary" in n]
    assert len(coded) == sum(len(f) for f in vocabulary_rule.FIELDS.values()) + 3
    for node in coded:
        node.clear()
    source_copy = copy.deepcopy(source)
    for node in _coded_source_nodes(source_copy):
        node.clear()
    assert stripped == source_copy


def _nodes(node):
    if isinstance(node, dict):
        yield node
        for value in list(node.values()):
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def _drop(node, keys):
    for n in _nodes(node):
        for key in keys:
            n.pop(key, None)


def _coded_source_nodes(source):
    """The data schema's nodes of the coded fields (where the editor schema has its enums)."""
    marked = generate(source, {})  # with no vocabularies the coded nodes are marked but keep their pattern
    paths = [path for path, _ in _paths(marked) if "x-vocabulary" in _get(marked, path)]
    return [_get(source, path) for path in paths]


def _paths(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _paths(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, path + (i,))


def _get(node, path):
    for part in path:
        node = node[part]
    return node


def test_generating_leaves_the_data_schema_as_it_is():
    before = json.dumps(SCHEMA.root, sort_keys=True)
    generate(SCHEMA.root, validate(DATA).context.vocabularies())
    assert json.dumps(SCHEMA.root, sort_keys=True) == before


def test_without_a_vocabulary_a_coded_field_keeps_the_data_schemas_pattern():
    editor = generate(SCHEMA.root, {})
    node = editor["$defs"]["programme"]["properties"]["original_language"]
    assert node["x-vocabulary"] == "languages" and "enum" not in node
    assert node["pattern"] == "^[a-z]{2}$"


# -- where it is named ---------------------------------------------------------

def test_every_data_file_names_the_editor_schema():
    for path in sorted(DATA.glob("*.yaml")):
        assert named_schema(path) == EDITOR_SCHEMA_PATH, path.name
    assert new.HEADER == "# yaml-language-server: $schema=../schema/editor.schema.json\n"


def test_the_fixtures_name_the_data_schema_where_they_name_one():
    # their vocabularies are not the real ones: the data schema, without terms, fits them
    for path in sorted(FIXTURES.glob("**/*.yaml")):
        assert named_schema(path) in (None, SCHEMA_PATH), path


def test_vscode_maps_the_editor_schema_to_the_data_files():
    settings = json.loads(SETTINGS.read_text(encoding="utf-8"))
    schemas = {(ROOT / path).resolve(): globs for path, globs in settings["yaml.schemas"].items()}
    assert list(schemas) == [EDITOR_SCHEMA_PATH, SCHEMA_PATH]
    assert {p for g in schemas[EDITOR_SCHEMA_PATH] for p in ROOT.glob(g)} == set(DATA.glob("*.yaml"))
    fixtures = {p for g in schemas[SCHEMA_PATH] for p in ROOT.glob(g)}
    assert set((FIXTURES / "golden").glob("*.yaml")) <= fixtures
    assert not fixtures & set(DATA.glob("*.yaml"))
    assert settings["yaml.validate"] is True and settings["yaml.completion"] is True
    assert settings["[yaml]"]["editor.insertSpaces"] is True and settings["[yaml]"]["editor.tabSize"] == 2


def test_vscode_recommends_the_yaml_extension():
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_the_site_carries_a_schema_made_from_the_data_it_shows(tmp_path):
    """A term added without make schema is in the published schema all the same."""
    import shutil

    from directory import site

    folder = tmp_path / "data"
    shutil.copytree(FIXTURES / "golden", folder)
    vocabularies = folder / "vocabularies.yaml"
    text_ = vocabularies.read_text(encoding="utf-8")
    assert "\n  themes:\n" in text_
    vocabularies.write_text(text_.replace("\n  themes:\n", "\n  themes:\n    - id: brand-new\n"
                                          "      label: {en: Brand new, nl: Gloednieuw, da: Splinterny}\n", 1), encoding="utf-8")
    result = validate(folder)
    assert result.ok, [p.format() for p in result.problems]
    files = site.build(folder).files
    published = json.loads(files[f"schema/{EDITOR_SCHEMA_PATH.name}"])
    assert terms_of(published)["themes"]["brand-new"] == "Brand new (nl: Gloednieuw; da: Splinterny)"
    assert published == generate(SCHEMA.root, result.context.vocabularies())
