"""The template-text rule: what `make new` leaves behind in a filled-in record
is a warning, at its exact line (a help comment, commented-out optional
fields, an uncommented placeholder)."""
from __future__ import annotations

import shutil

import pytest

from directory.tools.new import add_record
from directory.validate import validate
from support import DATA

from .cases import example_lines

RULE = "[template-text]"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """The real vocabularies, organisations and sources; no programmes, no
    contacts (their contact-age warnings are not this rule's)."""
    data = tmp_path / "data"
    data.mkdir()
    for name in ("vocabularies.yaml", "organisations.yaml", "sources.yaml"):
        shutil.copy(DATA / name, data / name)
    (data / "programmes.yaml").write_text("programmes: []\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return data


def lines(folder) -> list[str]:
    return [p.format() for p in validate(folder).problems]


def new_pilot(folder) -> str:
    add_record(folder, "pilot", "new-pilot")
    return (folder / "programmes.yaml").read_text(encoding="utf-8")


def filled(text: str) -> str:
    """The required placeholders filled in, the help comments left."""
    for old, new in [("original_language: TODO", "original_language: nl"),
                     ("name: {}", "name: {nl: Proef}"),
                     ("summary: {}", "summary: {nl: Een proef., en: A trial.}"),
                     ("- source: TODO", "- source: opgroeien-jonge-kind")]:
        assert old in text
        text = text.replace(old, new, 1)
    return text


def line_of(text: str, start: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.lstrip().startswith(start))


def test_example():
    assert example_lines("template-text") == [
        "data/programmes.yaml:3:22: warning: programmes[0].kind: the help comment of make new ('# required: …') is "
        "still at the end of this line; delete it, from the '#' to the end of the line [template-text]",
        "data/programmes.yaml:7:5: warning: programmes[0]: line 7 is an optional field of the make new template, "
        "still commented out; delete it if you do not use it (to use it, remove the '# ' at the start of the line "
        "and fill it in) [template-text]"]

def test_a_record_filled_in_with_the_template_left_gets_a_warning_per_leftover(folder):
    text = filled(new_pilot(folder))
    (folder / "programmes.yaml").write_text(text, encoding="utf-8")
    first_optional = line_of(text, "# description:")
    last_optional = line_of(text, "#     url: TODO")
    locator = line_of(text, "# locator:")
    assert lines(folder) == [
        "data/programmes.yaml:2:20: warning: programmes[0].id: the help comment of make new "
        "('# required: …') is still at the end of this line; delete it, from the '#' to the end "
        f"of the line {RULE}",
        "data/programmes.yaml:3:18: warning: programmes[0].kind: the help comment of make new "
        f"('# required: …') is still at the end of this line; delete it, from the '#' to the end of the line {RULE}",
        "data/programmes.yaml:4:28: warning: programmes[0].original_language: the help comment of make new "
        f"('# required: …') is still at the end of this line; delete it, from the '#' to the end of the line {RULE}",
        "data/programmes.yaml:5:24: warning: programmes[0].name: the help comment of make new "
        f"('# required: …') is still at the end of this line; delete it, from the '#' to the end of the line {RULE}",
        "data/programmes.yaml:6:46: warning: programmes[0].summary: the help comment of make new "
        f"('# required: …') is still at the end of this line; delete it, from the '#' to the end of the line {RULE}",
        f"data/programmes.yaml:{first_optional}:5: warning: programmes[0]: lines {first_optional}-{last_optional} "
        "are optional fields of the make new template, still commented out; delete the ones you do not "
        f"use (to use one, remove the '# ' at the start of its lines and fill it in) {RULE}",
        f"data/programmes.yaml:{last_optional + 1}:15: warning: programmes[0].sources: the help comment of "
        f"make new ('# required: …') is still at the end of this line; delete it, from the '#' to the end of the line {RULE}",
        f"data/programmes.yaml:{last_optional + 2}:39: warning: programmes[0].sources[0].source: the help "
        "comment of make new ('# required: …') is still at the end of this line; delete it, from the '#' "
        f"to the end of the line {RULE}",
        f"data/programmes.yaml:{locator}:9: warning: programmes[0]: line {locator} is an optional field of "
        "the make new template, still commented out; delete it if you do not use it (to use it, remove "
        f"the '# ' at the start of the line and fill it in) {RULE}",
        f"data/programmes.yaml:{locator + 1}:34: warning: programmes[0].last_reviewed: the help comment of "
        f"make new ('# required: …') is still at the end of this line; delete it, from the '#' to the end of the line {RULE}",
    ]
    assert validate(folder).ok  # warnings only: nothing of this blocks publishing


def test_a_clean_record_has_no_warning(folder):
    """What CONTRIBUTING says to delete, deleted: no warning is left."""
    text = filled(new_pilot(folder))
    clean = []
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue  # the optional fields not used
        clean.append(line.split("  # required:")[0].split("  # optional:")[0])
    (folder / "programmes.yaml").write_text("\n".join(clean) + "\n", encoding="utf-8")
    assert lines(folder) == []


def test_an_uncommented_placeholder_is_named_at_its_value(folder):
    text = filled(new_pilot(folder)).replace("    # countries: []  # optional:", "    countries: []  # optional:", 1)
    text = text.replace("    # municipalities: []", "    municipalities: [TODO]", 1)
    (folder / "programmes.yaml").write_text(text, encoding="utf-8")
    countries, municipalities = line_of(text, "countries: []"), line_of(text, "municipalities: [TODO]")
    found = [line for line in lines(folder)
             if line.startswith((f"data/programmes.yaml:{countries}:", f"data/programmes.yaml:{municipalities}:"))]
    assert found == [
        f"data/programmes.yaml:{countries}:16: warning: programmes[0].countries: '[]' is still the "
        f"placeholder of make new; write the value the source gives, or delete the line {RULE}",
        f"data/programmes.yaml:{municipalities}:22: warning: programmes[0].municipalities[0]: 'TODO' is "
        f"still the placeholder of make new; write the value the source gives, or delete the line {RULE}",
        f"data/programmes.yaml:{municipalities}:29: warning: programmes[0].municipalities: the help comment "
        "of make new ('# optional: …') is still at the end of this line; delete it, from the '#' to the "
        f"end of the line {RULE}",
    ]


def test_a_record_with_errors_is_left_to_its_errors(folder):
    """Only filled-in records are looked at: an unfilled template gives its
    errors (what to fill in), not a warning on every line."""
    new_pilot(folder)
    assert not [line for line in lines(folder) if RULE in line]
    assert not validate(folder).ok


def test_other_records_and_comments_are_not_template_text(folder):
    (folder / "programmes.yaml").write_text(
        (DATA / "programmes.yaml").read_text(encoding="utf-8")
        + "  # a comment of an editor: required: nothing\n", encoding="utf-8")
    assert not [line for line in lines(folder) if RULE in line]


@pytest.mark.parametrize("kind, target", [("organisation", "organisations"), ("source", "sources"),
                                          ("contact", "contacts")])
def test_each_record_type(folder, kind, target):
    add_record(folder, kind, f"new-{kind}")
    path = folder / f"{target}.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in {"organisations": [("name: {}", "name: {nl: Organisatie}"),
                                       ("original_language: TODO", "original_language: nl"),
                                       ("- source: TODO", "- source: opgroeien-jonge-kind")],
                     "sources": [('title: ""', "title: Een titel"), ("publisher: TODO", "publisher: opgroeien"),
                                 ("language: TODO", "language: nl")],
                     "contacts": [("organisation: TODO", "organisation: opgroeien"),
                                  ("  source: TODO", "  source: opgroeien-jonge-kind")]}[target]:
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    start = line_of(text, f"- id: new-{kind}")
    found = [line for line in lines(folder) if RULE in line]
    assert found[0] == (
        f"data/{target}.yaml:{start}:{len(f'  - id: new-{kind}') + 3}: warning: {target}[{len(_records(path)) - 1}].id: "
        "the help comment of make new ('# required: …') is still at the end of this line; delete it, "
        f"from the '#' to the end of the line {RULE}")


def _records(path):
    from directory.load import load_file

    data = load_file(path).data
    return next(v for v in data.values() if isinstance(v, list))
