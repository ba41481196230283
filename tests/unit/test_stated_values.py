"""Values as the source states them: a website given without its scheme, and
values derived from a stated fact."""
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

def test_a_website_as_the_source_writes_it(data_folder):
    assert organisation(data_folder, "url_as_stated: www.ocmwgent.be") == []


def test_a_website_with_its_scheme_belongs_in_url(data_folder):
    assert organisation(data_folder, "url_as_stated: https://www.example.org") == [
        "data/more.yaml:5:20: error: organisations[0].url_as_stated: 'https://www.example.org' "
        "has its http:// or https://; write it as url instead of url_as_stated [urls]"]


def test_url_is_still_refused_without_its_scheme(data_folder):
    assert organisation(data_folder, "url: www.ocmwgent.be") == [
        "data/more.yaml:5:10: error: organisations[0].url: 'www.ocmwgent.be' must start with "
        "https:// or http://; allowed: an absolute http(s) URL such as https://example.org/page [urls]"]


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
