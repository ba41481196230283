"""The urls rule: web addresses are complete http or https URLs; a website without its scheme
is kept as the source states it (url_as_stated)."""
from __future__ import annotations

from .cases import example_lines, problems, with_changes
from test_stated_values import organisation


def test_example():
    assert example_lines("urls") == [
        "data/programmes.yaml:8:39: error: programmes[0].links[0].url: 'www.gent.be/gezinscoaching' must start "
        "with https:// or http://; allowed: an absolute http(s) URL such as https://example.org/page [urls]"]


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


def test_complete_addresses_are_clean(data_folder):
    text = with_changes(("    kind: pillar\n", "    kind: pillar\n    links:\n"
                                              "      - {title: {en: Site}, url: \"https://www.example.org/a%20page\"}\n"))
    assert problems(data_folder, text) == []
