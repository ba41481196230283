"""Schema messages and cross-record rules, with the exact place they report."""
from directory.validate import validate

VALID = """\
programmes:
  - id: plan
    kind: action-plan
    original_language: nl
    name: {nl: Actieplan}
    summary: {nl: Een plan., en: A plan.}
    sources:
      - source: ocmw-gent-kinderarmoede-2014
    last_reviewed: "2026-11-23"
  - id: pillar
    kind: pillar
    parent: plan
    original_language: nl
    name: {nl: Pijler}
    summary: {nl: Een pijler., en: A pillar.}
    period: {start: "2018", end: "2021"}
    target_group: {age_min: 0, age_max: 3}
    sources:
      - source: ocmw-gent-kinderarmoede-2014
    last_reviewed: "2026-11-23"
"""


def problems(data_folder, programmes: str, **files):
    data_folder("programmes.yaml", programmes)
    for name, text in files.items():
        data_folder(name.replace("_", ".", 1) if "." not in name else name, text)
    return [p.format() for p in validate("data").problems]


def with_changes(*pairs):
    text = VALID
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


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


def test_duplicate_ids_across_files(data_folder):
    out = problems(data_folder, with_changes(("  - id: pillar", "  - id: opgroeien")))
    assert out == ["data/programmes.yaml:10:9: error: programmes[1].id: id 'opgroeien' is already used by "
                   "the organisation at data/organisations.yaml:88; ids must be unique across all data "
                   "files [unique-ids]"]


def test_unresolved_reference_suggests_closest(data_folder):
    out = problems(data_folder, with_changes(("parent: plan", "parent: plann")))
    assert out == ["data/programmes.yaml:12:13: error: programmes[1].parent: unknown programme id 'plann'; "
                   "did you mean 'plan'? allowed: pillar, plan [references]"]


def test_unknown_vocabulary_value(data_folder):
    out = problems(data_folder, with_changes(("kind: pillar", "kind: piller")))
    assert out == ["data/programmes.yaml:11:11: error: programmes[1].kind: unknown kind 'piller'; did you "
                   "mean 'pillar'? allowed: action, action-plan, course, initiative, module, pillar, pilot, "
                   "programme, strand [vocabulary]"]


def test_each_vocabulary_names_its_terms(data_folder):
    text = with_changes(("    kind: pillar\n", "    kind: pillar\n    evaluation: {status: late}\n"
                                             "    organisations: [{id: ocmw-gent, role: leader}]\n"
                                             "    target_group: {who: [kids]}\n"),
                        ("    target_group: {age_min: 0, age_max: 3}\n", ""))
    out = problems(data_folder, text)
    assert [o.split(": ", 3)[3].split(";")[0] for o in out] == [
        "unknown evaluation status 'late'", "unknown organisation role 'leader'", "unknown target group 'kids'"]


def test_parent_of_wrong_kind(data_folder):
    out = problems(data_folder, with_changes(("kind: action-plan", "kind: course")))
    assert out == ["data/programmes.yaml:12:13: error: programmes[1].parent: a pillar cannot sit under "
                   "'plan', which is a course; a pillar may sit under action-plan, strand [parent-kind]"]


def test_parent_cycle_reported_once(data_folder):
    text = with_changes(("    kind: action-plan\n", "    kind: action-plan\n    parent: pillar\n"))
    out = problems(data_folder, text.replace("kind: pillar", "kind: action-plan"))
    assert out == ["data/programmes.yaml:4:13: error: programmes[0].parent: parents form a loop: "
                   "plan -> pillar -> plan; one of these records must have another parent or none "
                   "[parent-cycles]"]


def test_dates_and_order(data_folder):
    out = problems(data_folder, with_changes(('{start: "2018", end: "2021"}', '{start: "2021-02-30", end: "2018"}')))
    assert out == ["data/programmes.yaml:16:21: error: programmes[1].period.start: '2021-02-30' is not a "
                   "day in the calendar; check the day of the month [partial-dates]"]
    out = problems(data_folder, with_changes(('{start: "2018", end: "2021"}', '{start: "2021", end: "2019-06"}')))
    assert out == ["data/programmes.yaml:16:34: error: programmes[1].period.end: the period ends (2019-06) "
                   "before it starts (2021); the end must be the same as or later than the start [date-order]"]
    out = problems(data_folder, with_changes(('{start: "2018", end: "2021"}', '{start: "--02-02"}')))
    assert out == ["data/programmes.yaml:16:21: error: programmes[1].period.start: a period's start and end "
                   "need a year; leave the field out if the source does not give one [partial-dates]"]


def test_age_range(data_folder):
    out = problems(data_folder, with_changes(("{age_min: 0, age_max: 3}", "{age_min: 6, age_max: 3}")))
    assert out == ["data/programmes.yaml:17:41: error: programmes[1].target_group.age_max: age_max 3 is "
                   "below age_min 6; the range must run from the lowest to the highest age in years [age-range]"]


def test_codes(data_folder):
    text = with_changes(("    kind: pillar\n", "    kind: pillar\n    countries: [XX]\n    funding:\n"
                                             "      - {amount: 5, currency: EUX}\n"))
    out = problems(data_folder, text)
    assert out == [
        "data/programmes.yaml:12:17: error: programmes[1].countries[0]: unknown country 'XX'; allowed: BE, DK, "
        "NL [vocabulary]",
        "data/programmes.yaml:14:31: error: programmes[1].funding[0].currency: 'EUX' is not an ISO 4217 "
        "currency code (such as EUR, DKK) [iso-codes]",
    ]


def test_urls_and_markdown_safety(data_folder):
    text = with_changes(("    kind: pillar\n", "    kind: pillar\n    links:\n"
                                             "      - {title: {en: Site}, url: www.example.org}\n"
                                             "    description:\n"
                                             "      nl: 'Zie <b>dit</b> en [dat](javascript:alert(1)).'\n"))
    out = problems(data_folder, text)
    assert out == [
        "data/programmes.yaml:13:34: error: programmes[1].links[0].url: 'www.example.org' must start with "
        "https:// or http://; allowed: an absolute http(s) URL such as https://example.org/page [urls]",
        "data/programmes.yaml:15:11: error: programmes[1].description.nl: HTML is not allowed in a description "
        "(found '<b>'); use Markdown instead [markdown-safety]",
        "data/programmes.yaml:15:11: error: programmes[1].description.nl: link 'javascript:alert(1)' uses "
        "'javascript:', which is not allowed; links in descriptions must be absolute https://, http://, mailto: "
        "or tel: addresses [markdown-safety]",
    ]


def test_original_language_and_english_summary(data_folder):
    out = problems(data_folder, with_changes(("{nl: Een pijler., en: A pillar.}", "{nl: Een pijler.}"),
                                             ("name: {nl: Pijler}", "name: {en: Pillar}")))
    assert out == [
        "data/programmes.yaml:14:11: error: programmes[1].name: no text in the original language 'nl'; add "
        "'nl:' with the text as the source gives it (found: en) [original-language]",
        "data/programmes.yaml:15:14: warning: programmes[1].summary: no English summary; add 'en:' with one "
        "or two sentences written from the source [english-summary]",
    ]


def test_confidential_contact_and_replaced_by(data_folder):
    from support import DATA

    contacts = (DATA / "contacts.yaml").read_text()
    contacts = contacts.replace("    name: Sylvia Lis\n", "    name: Sylvia Lis\n    confidential: true\n")
    out = problems(data_folder, with_changes(("    kind: pillar\n", "    kind: pillar\n    replaced_by: plan\n")),
                   **{"contacts.yaml": contacts})
    assert "error: contacts[2].confidential: a contact marked confidential must not be in the data; remove " \
           "the whole record [confidential-contacts]" in "\n".join(out)
    assert "data/programmes.yaml:12:18: error: programmes[1].replaced_by: replaced_by is given but the status " \
           "is 'not stated'; set status: replaced, or remove replaced_by [replaced-by]" in out


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


def test_vocabulary_terms_and_codes(data_folder):
    vocab = (data_folder.folder / "vocabularies.yaml").read_text(encoding="utf-8")
    vocab = vocab.replace("    - id: DK\n", "    - id: XX\n      label: {nl: X}\n    - id: DK\n", 1)
    vocab = vocab.replace("Region Sjælland}\n      country: DK\n", "Region Sjælland}\n      country: BE\n", 1)
    vocab = vocab.replace("    - id: group\n", "    - id: office\n", 1)
    out = problems(data_folder, VALID, **{"vocabularies.yaml": vocab})
    assert [o for o in out if "vocabularies.yaml" in o] == [
        "data/vocabularies.yaml:107:11: error: vocabularies.settings[6].id: 'office' is defined twice in "
        "'settings'; keep one [vocabulary-terms]",
        "data/vocabularies.yaml:188:11: error: vocabularies.countries[2].id: 'XX' is not an ISO 3166-1 alpha-2 "
        "country code [iso-codes]",
        "data/vocabularies.yaml:189:14: error: vocabularies.countries[2].label: an English label (en) is "
        "required [vocabulary-terms]",
        "data/vocabularies.yaml:205:11: error: vocabularies.regions[3].id: region 'DK-85' does not lie in "
        "country 'BE'; its code must start with 'BE-' [vocabulary-terms]",
    ]


def test_language_keys_are_iso_codes(data_folder):
    out = problems(data_folder, with_changes(("name: {nl: Pijler}", "name: {nl: Pijler, xx: Pillar}")))
    assert out == ["data/programmes.yaml:14:24: error: programmes[1].name.xx: 'xx' is not an ISO 639-1 "
                   "language code (such as nl, da, en) [iso-codes]"]


def test_a_vocabulary_defined_twice_or_missing(data_folder):
    data_folder("extra.yaml", "vocabularies:\n  themes:\n    - {id: a, label: {en: A}}\n")
    out = problems(data_folder, VALID)
    assert out == ["data/vocabularies.yaml:54:3: error: vocabularies.themes: vocabulary 'themes' is already "
                   "defined in data/extra.yaml; define it once [vocabulary-terms]"]
    (data_folder.folder / "extra.yaml").unlink()
    (data_folder.folder / "vocabularies.yaml").unlink()
    out = problems(data_folder, VALID)
    assert out[0] == ("data/organisations.yaml:5:1: error: (file): no vocabularies found in the data folder; add a "
                      "file with a 'vocabularies:' mapping (see data/vocabularies.yaml) [vocabulary]")


def test_a_last_reviewed_day_that_does_not_exist_is_an_error_not_a_crash(data_folder):
    out = problems(data_folder, with_changes(('    last_reviewed: "2026-11-23"\n  - id: pillar',
                                              '    last_reviewed: "2020-02-30"\n  - id: pillar')))
    assert out == ["data/programmes.yaml:9:20: error: programmes[0].last_reviewed: '2020-02-30' is "
                   "not a day in the calendar; check the day of the month [partial-dates]"]
