"""`python -m directory new KIND ID`: a commented template appended to the right file.

Every test works on a copy of the real data; the old bytes of a file stay as
they were, the new record loads, and `check` names each field still to fill.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from directory.__main__ import main
from directory.load import load_file
from directory.validate import validate
from support import DATA, ROOT

TODAY = "2027-01-15"  # not the suite's day: last_reviewed must come from DIRECTORY_TODAY
SUCCESS = ("{path}:{line}: added {kind} '{id}'; fill in the fields marked required, delete the help "
           "comments and the optional lines you do not use, then run make check\n")
FILES = {"pilot": "programmes", "organisation": "organisations", "contact": "contacts",
         "source": "sources"}

# valid values for the placeholders of required fields, per record type
FILL = {
    "programmes": [("original_language: TODO", "original_language: nl"),
                   ("name: {}", "name: {nl: Proef}"),
                   ("summary: {}", "summary: {nl: Een proef., en: A trial.}"),
                   ("- source: TODO", "- source: opgroeien-jonge-kind")],
    "organisations": [("name: {}", "name: {nl: Organisatie}"),
                      ("original_language: TODO", "original_language: nl"),
                      ("- source: TODO", "- source: opgroeien-jonge-kind")],
    "contacts": [("organisation: TODO", "organisation: opgroeien"),
                 ("  source: TODO", "  source: opgroeien-jonge-kind")],
    "sources": [('title: ""', "title: Een titel"), ("publisher: TODO", "publisher: opgroeien"),
                ("language: TODO", "language: nl")],
}


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A copy of the real data folder, as 'data' in the working directory."""
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DIRECTORY_TODAY", TODAY)
    return tmp_path / "data"


@pytest.fixture
def small(folder):
    """The real data with an empty programme list: quick to validate again and again."""
    (folder / "programmes.yaml").write_text("programmes: []\n", encoding="utf-8")
    return folder


def new(capsys, *args):
    code = main(["new", *args, "--data", "data"])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def added(folder, capsys, kind, record_id):
    """Add a record; return the file's old and new text and the record's first line."""
    path = folder / f"{FILES.get(kind, 'programmes')}.yaml"
    old = path.read_text(encoding="utf-8") if path.exists() else None
    code, out, err = new(capsys, kind, record_id)
    assert (code, err) == (0, ""), err
    text = path.read_text(encoding="utf-8")
    first = re.compile(rf'^ *- id: "?{re.escape(record_id)}"?  # required: ')
    line = next(i for i, x in enumerate(text.splitlines(), 1) if first.match(x))
    assert out == SUCCESS.format(path=f"data/{path.name}", line=line, kind=kind, id=record_id)
    return old, text, line


def line_of(text, fragment, after=1):
    """The 1-based line (at or after line ``after``) that contains ``fragment``."""
    lines = text.splitlines()
    return next(i for i in range(after - 1, len(lines)) if fragment in lines[i]) + 1


def new_problems(folder, before):
    return [p for p in validate(folder).problems if p not in before]


def fill(text, key, start):
    """``text`` with the required placeholders of the record at ``start`` filled in."""
    head, record = text[:start], text[start:]
    for old, value in FILL[key]:
        assert old in record, old
        record = record.replace(old, value, 1)
    return head + record


def offset(text, line):
    return sum(len(x) for x in text.splitlines(keepends=True)[:line - 1])


# ---------------------------------------------------------------- adding

def test_pilot_is_appended_and_check_names_each_required_field(folder, capsys):
    before = validate(folder).problems
    old, text, line = added(folder, capsys, "pilot", "test-pilot")
    assert text.startswith(old) and text[len(old):].startswith("\n  - id: test-pilot  # required:")
    assert '    kind: pilot  # required:' in text
    assert f'    last_reviewed: "{TODAY}"  # required:' in text
    n = len(load_file(folder / "programmes.yaml").data["programmes"]) - 1
    at = f"data/programmes.yaml:{{}}:{{}}: error: programmes[{n}]."
    assert [p.format() for p in new_problems(folder, before)] == [
        at.format(line + 2, 24) + "original_language: 'TODO' is not allowed; use a two-letter "
        "language code such as nl, da or en [schema]",
        at.format(line + 3, 11) + "name: must have at least 1 field; it is empty [schema]",
        at.format(line + 4, 14) + "summary: must have at least 1 field; it is empty [schema]",
        at.format(line_of(text, "      - source: TODO", line), 17) + "sources[0].source: 'TODO' "
        "is not an id; give the id of an existing source record (a lowercase slug of letters "
        "a-z, digits and single hyphens) [schema]",
    ]


EXPECTED = {  # the fields check names in a fresh record of each type
    "organisation": ["name", "original_language", "sources[0].source"],
    "contact": ["organisation", "source.source"],
    "source": ["title", "publisher", "language"],
}


@pytest.mark.parametrize("kind", EXPECTED)
def test_other_record_types(folder, capsys, kind):
    key = FILES[kind]
    others = {name: data for name, data in snapshot(folder).items() if name != f"{key}.yaml"}
    before = validate(folder).problems
    old, text, line = added(folder, capsys, kind, f"test-{kind}")
    ends = "" if old.endswith("\n") else "\n"  # a file saved without a final line break gets one
    assert text.startswith(old) and text[len(old):].startswith(f"{ends}\n  - id: test-{kind}  #")
    assert {n: d for n, d in snapshot(folder).items() if n != f"{key}.yaml"} == others
    loaded = load_file(folder / f"{key}.yaml")
    assert not loaded.problems and loaded.data[key][-1]["id"] == f"test-{kind}"
    n = len(loaded.data[key]) - 1
    found = new_problems(folder, before)
    assert [(p.level, p.field, p.rule) for p in found] == [
        ("error", f"{key}[{n}].{field}", "schema") for field in EXPECTED[kind]]
    assert all(p.path == f"data/{key}.yaml" and p.line > line for p in found)


def test_template_lists_every_field_in_schema_order_with_allowed_values(folder, capsys):
    from directory.schema import SCHEMA

    _, text, line = added(folder, capsys, "module", "test-module")
    record = text.splitlines()[line - 1:]
    keys = [m.group(1) for x in record if (m := re.match(r"(?:  - |    )(?:# )?(\w+):", x))]
    assert keys == list(SCHEMA.root["$defs"]["programme"]["properties"])
    comment = {k: x for x in record if (m := re.match(r"    (?:# )?(\w+):", x)) for k in [m.group(1)]}
    assert "  # optional: " in comment["themes"] and "Allowed: placement-prevention, " in comment["themes"]
    assert "Allowed: BE, NL, DK." in comment["countries"]
    assert "Allowed: planned, active, ended, replaced." in comment["status"]
    assert "A module may sit under a record of kind: course." in comment["parent"]
    assert "Allowed: an ISO 4217 code such as EUR or DKK." in text  # x-allowed, nested in funding
    assert "#     role: TODO  # required: " in text  # required within an optional block


def test_id_that_yaml_reads_as_a_number_is_quoted(small, capsys):
    _, text, _ = added(small, capsys, "source", "2024")
    assert '  - id: "2024"  # required:' in text
    assert load_file(small / "sources.yaml").data["sources"][-1]["id"] == "2024"


# ------------------------------------------------- filling in the template

@pytest.mark.parametrize("kind", FILES)
def test_filled_in_record_with_an_uncommented_optional_line_passes(small, capsys, kind):
    key = FILES[kind]
    path = small / f"{key}.yaml"
    before = validate(small).problems
    _, text, line = added(small, capsys, kind, f"test-{kind}")
    text = fill(text, key, offset(text, line))
    optional = {"pilot": "# themes: []", "organisation": "# countries: []",
                "contact": '# name: ""', "source": "# date: TODO"}[kind]
    value = {"# name: \"\"": ('""', "Jan Peeters"), "# date: TODO": ("TODO", '"2024-03"')}
    text = text.replace(optional, optional[2:].replace(*value.get(optional, ("", ""))), 1)
    path.write_text(text, encoding="utf-8")
    found = new_problems(small, before)
    # no errors; what is left of the template is a warning (template_text.py)
    assert found and {(p.level, p.rule) for p in found} == {("warning", "template-text")}
    field = optional[2:].split(":")[0]
    assert field in load_file(path).data[key][-1]


def _single_optional_lines(text, line):
    """(line index, field) of each one-line optional field of the record."""
    lines = text.splitlines()
    for i in range(line - 1, len(lines)):
        m = re.match(r"^( +)# (\w+): (\S.*?)  # optional: ", lines[i])
        if m and len(m.group(1)) == 4:
            yield i, m.group(2), m.group(3)


@pytest.mark.parametrize("kind", FILES)
def test_each_uncommented_optional_line_is_valid_yaml_and_never_passes_unfilled(small, capsys, kind):
    key = FILES[kind]
    path = small / f"{key}.yaml"
    before = validate(small).problems
    _, text, line = added(small, capsys, kind, f"test-{kind}")
    text = fill(text, key, offset(text, line))
    lines = text.splitlines(keepends=True)
    seen = []
    for i, field, placeholder in _single_optional_lines(text, line):
        seen.append(field)
        changed = lines[:i] + [lines[i].replace("# ", "", 1)] + lines[i + 1:]
        path.write_text("".join(changed), encoding="utf-8")
        record = load_file(path).data[key][-1]
        assert field in record, field
        found = new_problems(small, before)
        if placeholder == "[]":  # an empty list says nothing: allowed, but a warning
            assert {(p.level, p.rule) for p in found} == {("warning", "template-text")}, field
            assert any(p.field.endswith(f".{field}") and "'[]' is still the placeholder" in p.message
                       for p in found), (field, found)
        else:
            found = [p for p in found if p.rule != "template-text"]  # the warnings of the template's rest
            assert found and all(p.field.startswith(f"{key}[") and f"].{field}" in p.field
                                 and p.level == "error" for p in found), (field, found)
    assert len(seen) >= 5


def uncomment_block(text, header):
    """Remove one '# ' level from the block that starts with ``header``."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, x in enumerate(lines) if x.startswith(header))
    column = len(header) - len(header.lstrip())
    end = start + 1
    while end < len(lines) and lines[end].startswith(" " * column + "#  "):
        end += 1
    for i in range(start, end):
        lines[i] = lines[i][:column] + lines[i][column + 2:]
    return "".join(lines)


@pytest.mark.parametrize("header, problems", [
    ("    # organisations:", [("organisations[0].id", "'TODO' is not an id; "),
                              ("organisations[0].role", "'TODO' is not allowed")]),
    ("    # funding:", [("funding[0]", "expected a mapping of fields, found nothing")]),
    ("    # target_group:", [("target_group", "expected a mapping of fields, found nothing")]),
])
def test_an_uncommented_block_keeps_its_required_fields_live(small, capsys, header, problems):
    path = small / "programmes.yaml"
    before = validate(small).problems
    _, text, line = added(small, capsys, "pilot", "test-pilot")
    path.write_text(uncomment_block(fill(text, "programmes", offset(text, line)), header),
                    encoding="utf-8")
    found = new_problems(small, before)
    assert [(p.field, p.message[:len(m)]) for p, (_, m) in zip(found, problems)] == [
        (f"programmes[0].{f}", m) for f, m in problems]
    assert len(found) == len(problems)


# --------------------------------------------------------------- refusals

@pytest.mark.parametrize("args, code, expected", [
    (("pilot", "Bad_Id"), 2, r"data/programmes\.yaml:1:1: error: id: 'Bad_Id' is not allowed; "
                             r"use a lowercase slug .* \[new\]"),
    (("pilot", "x"), 2, r"data/programmes\.yaml:1:1: error: id: 'x' is too short; at least 2 "),
    (("pilto", "some-id"), 2, r"data/vocabularies\.yaml:\d+:3: error: kind: unknown kind 'pilto'; "
                              r"did you mean 'pilot'\? allowed: action, action-plan, contact, "),
    (("pilot", "opgroeien-jonge-kind"), 1,
     r"data/sources\.yaml:16:9: error: sources\[1\]\.id: id 'opgroeien-jonge-kind' is already used "
     r"by the source at data/sources\.yaml:16; choose another id"),
    (("contact", "sylvia-lis"), 1, r"data/contacts\.yaml:27:9: error: contacts\[2\]\.id: id "
                                   r"'sylvia-lis' is already used by the contact at data/contacts\.yaml:27"),
])
def test_refusals_leave_every_file_as_it_was(folder, capsys, args, code, expected):
    files = snapshot(folder)
    got, out, err = new(capsys, *args)
    assert (got, out) == (code, "")
    assert re.match(expected, err), err
    assert err.splitlines()[-1].endswith("; nothing added")
    assert snapshot(folder) == files


def test_a_target_file_with_problems_is_refused(folder, capsys):
    path = folder / "contacts.yaml"
    old = path.read_bytes().rstrip(b"\n") + b"\n"
    path.write_bytes(old + b"contacts: []\n")  # a duplicate key, on the line after the data
    files = snapshot(folder)
    code, out, err = new(capsys, "contact", "new-contact")
    assert code == 1 and out == ""
    line = old.count(b"\n") + 1
    assert err.startswith(f"data/contacts.yaml:{line}:1: error: contacts: duplicate key 'contacts'")
    assert "fix the problems of this file (make check) before adding a record" in err
    assert snapshot(folder) == files


def test_flow_list_with_items_is_refused(small, capsys):
    path = small / "contacts.yaml"
    path.write_text("contacts: [{id: a-contact, organisation: opgroeien, "
                    "source: {source: opgroeien-jonge-kind}}]\n", encoding="utf-8")
    files = snapshot(small)
    code, _, err = new(capsys, "contact", "new-contact")
    assert code == 1 and "is written in flow style" in err
    assert snapshot(small) == files


def test_cli_reports_without_traceback(folder):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    out = subprocess.run([sys.executable, "-m", "directory", "new", "Pilot", "a-b", "--data", "data"],
                         capture_output=True, text=True, env=env)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "unknown kind 'Pilot'; did you mean 'pilot'?" in out.stderr


# ------------------------------------------------- where the record goes

ITEM = "  - id: a-contact\n    organisation: opgroeien\n    source: {source: opgroeien-jonge-kind}\n"


@pytest.mark.parametrize("old, at", [
    # the list is followed by another key and comments: right after its last item
    ("# head\ncontacts:\n" + ITEM + "  # end of contacts\n\n# trailing\nsources: []\n# the end\n",
     "# head\ncontacts:\n" + ITEM),
    # no newline at the end of the file
    ("contacts:\n" + ITEM.rstrip("\n"), None),
    # a block scalar with blank lines and a comment after it
    ("contacts:\n" + ITEM + "    unit: |\n      Dienst\n\n\n  # comment\n",
     "contacts:\n" + ITEM + "    unit: |\n      Dienst\n"),
    # Windows line ends and a byte order mark
    ("\ufeffcontacts:\r\n" + ITEM.replace("\n", "\r\n"), None),
    # items at the key's column
    ("contacts:\n- id: a-contact\n  organisation: opgroeien\n  source: {source: opgroeien-jonge-kind}\n",
     None),
])
def test_record_goes_right_after_the_last_item(small, capsys, old, at):
    path = small / "contacts.yaml"
    path.write_bytes(old.encode("utf-8"))
    old_data = load_file(path).data
    added(small, capsys, "contact", "new-contact")
    text = path.read_bytes().decode("utf-8")
    at = old if at is None else at
    assert text.startswith(at) and text.endswith(old[len(at):])
    loaded = load_file(path)
    assert not loaded.problems
    assert loaded.data["contacts"][:-1] == old_data["contacts"]
    assert {k: v for k, v in loaded.data.items() if k != "contacts"} == \
        {k: v for k, v in old_data.items() if k != "contacts"}
    assert loaded.data["contacts"][-1]["id"] == "new-contact"
    if "\r\n" in old:
        assert "\n" not in text.replace("\r\n", "")
    dash = re.search(r"^( *)- id: new-contact", text, re.M).group(1)
    assert dash == re.search(r"^( *)- id: a-contact", text, re.M).group(1)


@pytest.mark.parametrize("old, new_head", [
    ("# yaml-language-server: x\ncontacts: []  # none yet\n", "# yaml-language-server: x\ncontacts:  # none yet\n"),
    ("contacts:\n# none yet\n", "contacts:\n"),
    ("# only a comment\nsources: []\n", "# only a comment\nsources: []\n\ncontacts:\n"),
])
def test_empty_or_missing_list(small, capsys, old, new_head):
    path = small / "contacts.yaml"
    path.write_text(old, encoding="utf-8")
    added(small, capsys, "contact", "new-contact")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(new_head + "  - id: new-contact  # required:")
    assert load_file(path).data["contacts"][0]["id"] == "new-contact"


def test_missing_file_is_created_with_the_schema_header(small, capsys):
    (small / "contacts.yaml").unlink()
    _, text, line = added(small, capsys, "contact", "new-contact")
    assert line == 3
    assert text.startswith("# yaml-language-server: $schema=../schema/editor.schema.json\n"
                           "contacts:\n  - id: new-contact  # required:")
    assert load_file(small / "contacts.yaml").data["contacts"][0]["id"] == "new-contact"
