"""The editor-schema rule: make check warns, at the term, when the schema for editors' tools
(schema/editor.schema.json) lags behind the vocabularies; never an error. The schema itself:
tests/unit/test_editor_schema.py."""
from __future__ import annotations

import json

import pytest

from directory.__main__ import main
from directory.schema.editor import named_schema, text
from directory.validate import validate
from directory.schema import SCHEMA_PATH
from support import dedent

from .cases import example_lines


def test_example():
    assert example_lines("editor-schema") == [
        "data/countries.yaml:6:12: warning: vocabularies.countries[2].id: the country 'NL' is not yet in "
        "schema/editor.schema.json, so VS Code flags it as unknown; run make schema and commit "
        "schema/editor.schema.json (or leave it to a maintainer: this warning never blocks a pull request) "
        "[editor-schema]"]


# -- the warning of make check -------------------------------------------------

VOCABULARIES = """\
# yaml-language-server: $schema=../schema/editor.schema.json
vocabularies:
  kinds:
    - id: programme
      label: {en: Programme, nl: Programma, da: Program}
      plural: {en: Programmes, nl: Programma's, da: Programmer}
  themes:
    - id: foster-care
      label: {en: Foster care, nl: Pleegzorg, da: Plejefamilier}
    - id: child-poverty
      label: {en: Child poverty, nl: Kinderarmoede, da: Børnefattigdom}
  settings:
    - {id: home, label: {en: At home, nl: Aan huis, da: Hjemme}}
  statuses:
    - {id: active, label: {en: Active, nl: Actief, da: Aktiv}}
  target_groups:
    - {id: children, label: {en: Children, nl: Kinderen, da: Børn}}
  organisation_roles:
    - {id: lead, label: {en: Lead, nl: Trekker, da: Ansvarlig}}
  evaluation_statuses:
    - {id: planned, label: {en: Planned, nl: Gepland, da: Planlagt}}
  scopes:
    - {id: local, label: {en: Local, nl: Lokaal, da: Lokal}}
  languages:
    - {id: nl, label: {en: Dutch, nl: Nederlands, da: Nederlandsk}}
  countries:
    - {id: BE, label: {en: Belgium}}
  regions:
    - {id: BE-VLG, label: {en: Flanders}, country: BE}
"""


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """A repository of its own: data/ with small vocabularies, and schema/editor.schema.json
    made from them by the command; a function returns make check's editor-schema lines."""
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    data.mkdir()
    (tmp_path / "schema").mkdir()
    (data / "programmes.yaml").write_text(
        "# yaml-language-server: $schema=../schema/editor.schema.json\nprogrammes: []\n", encoding="utf-8")
    (data / "vocabularies.yaml").write_text(VOCABULARIES, encoding="utf-8")
    assert main(["schema", "data", "--out", "schema/editor.schema.json"]) == 0

    def check(vocabularies: str | None = None) -> list[str]:
        if vocabularies is not None:
            (data / "vocabularies.yaml").write_text(dedent(vocabularies), encoding="utf-8")
        result = validate("data")
        found = [p for p in result.problems if p.rule == "editor-schema"]
        assert all(p.level == "warning" for p in found)
        return [p.format() for p in found]

    return check


def _vocabularies(*changes):
    text_ = VOCABULARIES
    for old, new_ in changes:
        assert old in text_, old
        text_ = text_.replace(old, new_, 1)
    return text_


TODO = ("run make schema and commit schema/editor.schema.json (or leave it to a maintainer: "
        "this warning never blocks a pull request) [editor-schema]")


def test_no_warning_while_the_schema_is_in_step(workspace):
    assert workspace() == []


def test_a_new_term_is_named_where_it_stands(workspace):
    found = workspace(_vocabularies(("    - id: child-poverty\n", "    - id: siblings\n      label: {en: Siblings}\n"
                                     "    - id: child-poverty\n")))
    assert found == [
        "data/vocabularies.yaml:10:11: warning: vocabularies.themes[1].id: the theme 'siblings' is not yet in "
        "schema/editor.schema.json, so VS Code flags it as unknown; " + TODO]


def test_a_changed_label_and_a_removed_term_are_named(workspace):
    found = workspace(_vocabularies(("label: {en: Foster care, nl: Pleegzorg, da: Plejefamilier}", "label: {en: Foster care, nl: Pleegzorg}"),
                                    ("    - id: child-poverty\n      label: {en: Child poverty, nl: Kinderarmoede, da: Børnefattigdom}\n", "")))
    assert found == [
        "data/vocabularies.yaml:8:5: warning: vocabularies.themes: schema/editor.schema.json still offers the "
        "themes 'child-poverty', which this vocabulary no longer has; " + TODO,
        "data/vocabularies.yaml:8:11: warning: vocabularies.themes[0].id: schema/editor.schema.json has an old "
        "label for the theme 'foster-care'; " + TODO]


def test_a_schema_out_of_step_with_the_data_schema_is_named_on_the_first_line(workspace, tmp_path):
    path = tmp_path / "schema" / "editor.schema.json"
    editor = json.loads(path.read_text(encoding="utf-8"))
    editor["$defs"]["url"]["pattern"] = "^https://"
    path.write_text(text(editor), encoding="utf-8")
    assert workspace() == [
        "data/programmes.yaml:1:1: warning: (file): schema/editor.schema.json, which this file names for "
        f"VS Code, is not what make schema makes of schema/{SCHEMA_PATH.name} and the vocabularies; " + TODO]


def test_make_schema_clears_the_warning(workspace):
    assert workspace(_vocabularies(("id: child-poverty", "id: poverty")))
    assert main(["schema", "data", "--out", "schema/editor.schema.json"]) == 0
    assert workspace() == []


def test_a_content_pull_request_with_a_new_term_stays_green(workspace, tmp_path):
    """A new theme and a programme using it, written in GitHub's web editor
    (no make schema): make check has no error, only the warning."""
    workspace(_vocabularies(("    - id: child-poverty\n", "    - id: siblings\n      label: {en: Siblings, "
                             "nl: Broers en zussen, da: Søskende}\n    - id: child-poverty\n")))
    (tmp_path / "data" / "programmes.yaml").write_text(dedent("""\
        # yaml-language-server: $schema=../schema/editor.schema.json
        programmes:
          - id: new-programme
            kind: programme
            original_language: nl
            name: {nl: Nieuw}
            summary: {nl: Nieuw., en: New.}
            themes: [siblings]
            sources: [{source: a-source}]
            last_reviewed: "2026-11-23"
        sources:
          - {id: a-source, title: Een bron, publisher: an-organisation, language: nl}
        organisations:
          - id: an-organisation
            name: {nl: Een organisatie}
            original_language: nl
            sources: [{source: a-source}]
            last_reviewed: "2026-11-23"
        """), encoding="utf-8")
    result = validate("data")
    assert result.ok, [p.format() for p in result.problems]
    assert {p.rule for p in result.problems} == {"editor-schema"}


def test_files_that_name_another_schema_or_none_are_not_compared(workspace, tmp_path):
    for name in ("programmes.yaml", "vocabularies.yaml"):
        path = tmp_path / "data" / name
        body = path.read_text(encoding="utf-8").split("\n", 1)[1]
        path.write_text("# yaml-language-server: $schema=../schema/directory.schema.json\n" + body,
                        encoding="utf-8")
    (tmp_path / "schema" / "directory.schema.json").write_text(SCHEMA_PATH.read_text(encoding="utf-8"),
                                                               encoding="utf-8")
    assert workspace(_vocabularies(("id: child-poverty", "id: poverty"),
                                   ("editor.schema.json", "directory.schema.json"))) == []


def test_the_first_line_names_a_local_schema_only(tmp_path):
    path = tmp_path / "data" / "x.yaml"
    path.parent.mkdir()
    for first, expected in [
        ("# yaml-language-server: $schema=../schema/editor.schema.json", tmp_path / "schema" / "editor.schema.json"),
        ("# yaml-language-server: $schema=https://example.org/schema.json", None),
        ("# a comment", None),
        ("programmes: []", None),
    ]:
        path.write_text(first + "\nprogrammes: []\n", encoding="utf-8")
        assert named_schema(path) == expected, first
    assert named_schema(tmp_path / "missing.yaml") is None
