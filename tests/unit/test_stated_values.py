"""Values as the source states them: a website given without its scheme, and
values derived from a stated fact. The rules' messages: rules/test_urls.py and
rules/test_derived.py."""
from support import directory_of
from directory.validate import validate

PROGRAMME = """\
programmes:
  - id: plan
    kind: action-plan
    original_language: nl
    name: {nl: Actieplan}
    summary: {nl: Een plan., en: A plan.}
    sources:
      - source: ocmw-gent-kinderarmoede-2014
    last_reviewed: "2026-11-23"
"""

ORGANISATION = """\
organisations:
  - id: an-organisation
    name: {nl: Een organisatie}
    original_language: nl
    URL
    sources: [{source: ocmw-gent-kinderarmoede-2014}]
    last_reviewed: "2026-11-23"
"""


def problems(data_folder, programmes: str = PROGRAMME, **files: str) -> list[str]:
    data_folder("programmes.yaml", programmes)
    for name, text in files.items():
        data_folder(f"{name}.yaml", text)
    return [p.format() for p in validate("data").problems]


def organisation(data_folder, url_line: str) -> list[str]:
    """Problems with one more organisation, in a file of its own."""
    return problems(data_folder, more=ORGANISATION.replace("URL", url_line))


# -- a website without its scheme -------------------------------------------------


def test_the_model_keeps_the_website_as_stated(tmp_path):
    folder = tmp_path / "data"
    d = directory_of(folder, """\
        programmes:
          - id: plan-a
            kind: action-plan
            original_language: nl
            name: {nl: Plan}
            summary: {nl: Een plan., en: A plan.}
            sources: [{source: doc-a}]
            last_reviewed: "2026-11-23"
        """)
    assert d.organisations["org-nl"].url_as_stated == "www.example.org"
    assert d.organisations["org-nl"].url is None
    assert d.organisations["org-dk"].url_as_stated is None


# -- values derived from a stated fact ---------------------------------------------

DERIVED = """\
programmes:
  - id: plan
    kind: action-plan
    original_language: nl
    name: {nl: Actieplan}
    summary: {nl: Een plan., en: A plan.}
    countries: [BE]
    regions: [BE-VLG]
    municipalities: [Gent]
    derived:
      countries: {en: "Gent, the city named in the source"}
      regions: {en: "Gent, the city named in the source"}
    sources:
      - source: ocmw-gent-kinderarmoede-2014
    last_reviewed: "2026-11-23"
"""


def test_derived_takes_only_the_fields_it_documents(data_folder):
    out = problems(data_folder, DERIVED.replace("      regions: {en:", "      scope: {en: x}\n      regions: {en:"))
    assert out == ["data/programmes.yaml:12:7: error: programmes[0].derived.scope: unknown field 'scope'; "
                   "allowed fields: countries, period, regions, status [schema]"]
    out = organisation(data_folder, "countries: [BE]\n    derived: {status: {en: x}}")
    assert out == ["data/more.yaml:6:15: error: organisations[0].derived.status: unknown field 'status'; "
                   "allowed fields: countries, regions [schema]"]


def test_the_model_keeps_what_a_value_is_derived_from(tmp_path):
    d = directory_of(tmp_path / "data", DERIVED.replace("ocmw-gent-kinderarmoede-2014", "doc-a"))
    plan = d.programmes["plan"]
    assert {name: note.en for name, note in plan.derived.items()} == {
        "countries": "Gent, the city named in the source", "regions": "Gent, the city named in the source"}
    assert d.organisations["org-nl"].derived["countries"].en == "Gent, where it works"
    assert d.organisations["org-dk"].derived == {}


def test_the_page_words_group_the_fields_with_the_same_fact(tmp_path):
    from directory.render import derived

    d = directory_of(tmp_path / "data", DERIVED.replace("ocmw-gent-kinderarmoede-2014", "doc-a").replace(
        '      regions: {en: "Gent, the city named in the source"}',
        '      regions: {en: "Gent, the city named in the source"}\n      period: {en: another fact}').replace(
        "    sources:", '    period: {start: "2014"}\n    regions: [BE-VLG, BE-VOV]\n    sources:').replace(
        "    regions: [BE-VLG]\n", ""))
    plan = d.programmes["plan"]
    assert [(words, note.en) for words, note in derived(plan, "countries", "regions", "status", "period")] == [
        ("country and regions", "Gent, the city named in the source"), ("period", "another fact")]
    assert derived(plan, "status") == []
