"""Schema messages and the check as a whole, with the exact place they report.

Each cross-record rule has its own test module: tests/unit/rules/test_<rule id>.py.
"""
from directory.validate import validate
from rules.cases import VALID, problems, with_changes


def test_valid_data_has_no_problems(data_folder):
    assert problems(data_folder, VALID) == []


def test_the_real_data_is_valid():
    from support import DATA

    result = validate(DATA)
    assert [p for p in result.problems if p.level == "error"] == []
    # Warnings are not pinned: they never block, and an editor's pull request
    # may bring one (a contact from an old source, a record due for review);
    # pinning them here would turn that pull request red
    # (tests/site/test_web_editor_pull_request.py).
    assert len([r for r in result.context.records if r.type == 'programme']) > 60


def test_unknown_field_suggests_and_lists_allowed(data_folder):
    out = problems(data_folder, with_changes(("    kind: pillar\n", "    kind: pillar\n    sumary: {en: x}\n")))
    assert len(out) == 1
    assert out[0].startswith("data/programmes.yaml:12:5: error: programmes[1].sumary: unknown field "
                             "'sumary'; did you mean 'summary'? allowed fields: contacts, countries,")
    assert out[0].endswith("[schema]")


def test_missing_required_field(data_folder):
    out = problems(data_folder, with_changes(('    last_reviewed: "2026-11-23"\n  - id: pillar', "  - id: pillar")))
    assert out == ["data/programmes.yaml:2:5: error: programmes[0]: required field 'last_reviewed' is "
                   "missing (When an editor last checked the record against its sources.) [schema]"]


def test_wrong_type_and_pattern(data_folder):
    out = problems(data_folder, with_changes(("  - id: pillar", "  - id: Pillar 1"),
                                             ("age_max: 3", "age_max: three")))
    assert out == [
        "data/programmes.yaml:10:9: error: programmes[1].id: 'Pillar 1' is not allowed; use a lowercase "
        "slug of letters a-z, digits and single hyphens, e.g. 'vordingborg-home-support' [schema]",
        "data/programmes.yaml:17:41: error: programmes[1].target_group.age_max: expected a number, "
        "found the text 'three'; write a number in digits only, as in age_max: 12 [schema]",
    ]


def test_unquoted_comma_in_flow_mapping_is_explained(data_folder):
    out = problems(data_folder, with_changes(("{nl: Een pijler., en: A pillar.}", "{nl: Een pijler, of niet., en: A pillar.}")))
    assert out == ["data/programmes.yaml:15:31: error: programmes[1].summary.of niet.: a comma inside {...} "
                   "starts a new field, so 'of niet.' is read as a field without a value; if it belongs to "
                   "the text before it, put the whole text in double quotes: nl: \"Een pijler, of niet.\" "
                   "[yaml-syntax]"]


def test_all_problems_at_once_sorted_by_file_and_line(data_folder):
    # a schema error keeps the rules out of that record (they would only guess)
    out = problems(data_folder, with_changes(("kind: pillar", "kind: piller"), ("parent: plan", "parent: nope"),
                                             ("age_max: 3", "age_max: -1")))
    assert out == ["data/programmes.yaml:17:41: error: programmes[1].target_group.age_max: -1 is out of "
                   "range; it must be at least 0 [schema]"]
    out = problems(data_folder, with_changes(("kind: pillar", "kind: piller"), ("parent: plan", "parent: nope")))
    assert [o.rsplit("[", 1)[1] for o in out] == ["vocabulary]", "references]"]


def test_missing_folder_and_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert [p.format() for p in validate("nowhere").problems] == [
        "nowhere:1:1: error: (folder): the data folder does not exist; give a folder that holds "
        "programmes.yaml [data-folder]"]
    (tmp_path / "empty").mkdir()
    out = [p.format() for p in validate("empty").problems]
    assert out[0] == ("empty/programmes.yaml:1:1: error: (file): the data folder has no programmes.yaml; it "
                      "holds the programme records [data-folder]")


