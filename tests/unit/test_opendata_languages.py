"""The open data in each of the site's languages (issues 13 and 12): the
record's data line and its last change in the page's words, the What's new
page in each language, the sitemap's days for each language's page, and the
JSON-LD of a Dutch or Danish page linking into that language's pages."""
from __future__ import annotations

import datetime as dt
import json
import re

import feedparser
import pytest

from directory import model, site
from directory.render import Options, i18n, jsonld
from directory.validate import validate
from support import FIXTURES
from test_history import DAYS, repo  # noqa: F401 (repo: the fixture repository of three commits)

GOLDEN = FIXTURES / "golden"

# the page's words for 'Last changed on', 'History' and 'Data', as the page writes them (escaped for Markdown)
LINES = {
    "en": "Last changed on 2026\\-02\\-20 · [History]({url}) · Data: [JSON]({json})",
    "nl": "Laatst gewijzigd op 2026\\-02\\-20 · [Geschiedenis]({url}) · Gegevens: [JSON]({json})",
    "da": "Sidst ændret 2026\\-02\\-20 · [Historik]({url}) · Data: [JSON]({json})",
}


@pytest.fixture
def built(repo):  # noqa: F811 (the fixture of test_history)
    done = site.build(repo, Options(history_commits=100, repository_url="https://github.com/o/r",
                                    today=dt.date(2026, 11, 23)))
    assert done.ok, [p.format() for p in done.problems]
    return done


@pytest.mark.parametrize("lang", ["en", "nl", "da"])
def test_the_record_line_in_the_pages_language(built, repo, lang):  # noqa: F811
    prefix = "" if lang == "en" else f"{lang}/"
    page = built.files[f"{prefix}programmes/plan-a.md"]
    lines = re.search(r"/blame/([0-9a-f]{40})/data/programmes\.yaml#L(\d+)-L(\d+)", page)
    assert lines, page[-400:]
    url = f"https://github.com/o/r/blame/{lines[1]}/data/programmes.yaml#L{lines[2]}-L{lines[3]}"
    # the record's JSON is one for all languages, beside the English page
    data = "plan-a.json" if lang == "en" else "../../programmes/plan-a.json"
    assert LINES[lang].format(url=url, json=data) in page
    assert built.lastmod[f"{prefix}programmes/plan-a.md"] == DAYS[1]
    assert f"{prefix}programmes/plan-a.json" not in built.files or lang == "en"


def test_whats_new_in_each_language(built):
    nl, da = built.files["nl/whats-new.md"], built.files["da/whats-new.md"]
    assert nl.startswith("# Wat is er nieuw\n") and da.startswith("# Hvad er nyt\n")
    # links to the record's page in the same language (relative to the page), the feed beside it
    assert "- [Actieplan A](programmes/plan-a.md): funding gewijzigd" in nl
    assert "- Jongerenwerking: Programma verwijderd" in nl
    assert "[de wijzigingsfeed \\(Atom\\)](feed.xml)" in nl
    assert "- [Nieuw aanbod](programmes/new-one.md): Nyt program" in da
    assert "[ændringsfeedet \\(Atom\\)](feed.xml)" in da
    assert "[the change feed \\(Atom\\)](feed.xml)" in built.files["whats-new.md"]


FEED_WORDS = {"en": ("New programme", "funding changed"), "nl": ("Nieuw programma", "funding gewijzigd"),
              "da": ("Nyt program", None)}


@pytest.mark.parametrize("lang", ["en", "nl", "da"])
def test_a_feed_in_each_language_beside_its_whats_new_page(built, lang):
    """The feed of each language: its xml:lang, its own id, its words, and
    links (relative to it) to the language's pages, which are built; the
    same changes as the English feed, under ids of their own."""
    prefix = "" if lang == "en" else f"{lang}/"
    raw = built.files[f"{prefix}feed.xml"]
    assert f'xml:lang="{lang}"'.encode() in raw
    feed = feedparser.parse(raw, response_headers={
        "content-location": f"https://site.test/{prefix}feed.xml", "content-type": "application/atom+xml"})
    assert not feed.bozo, feed.bozo_exception
    english = feedparser.parse(built.files["feed.xml"])
    assert len(feed.entries) == len(english.entries) > 0
    assert (feed.feed.id == english.feed.id) == (lang == "en")
    assert {e.id for e in feed.entries}.isdisjoint({e.id for e in english.entries}) == (lang != "en")
    summaries = [e.summary for e in feed.entries]
    added, changed = FEED_WORDS[lang]
    assert added in summaries
    if changed:
        assert any(changed in s for s in summaries), summaries
    linked = [link.href for e in feed.entries for link in e.get("links", []) if link.rel == "alternate"]
    assert linked
    for url in linked:
        assert url.startswith(tuple(f"https://site.test/{prefix}{folder}/" for folder in (
            "programmes", "organisations", "contacts", "sources"))), url
        page = url.removeprefix("https://site.test/").partition("#")[0]
        md = page.rstrip("/") + ".md" if not page.endswith("sources/") else page + "index.md"
        assert md in built.files, md
    alternate = [link.href for link in feed.feed.links if link.rel == "alternate"]
    assert alternate == [f"https://site.test/{prefix}whats-new/"]


def _graph(page: str) -> list[dict]:
    block = re.search(r'<script type="application/ld\+json">([^<]*)</script>', page)
    assert block, page[-300:]
    return json.loads(block[1])["@graph"]


@pytest.mark.parametrize("lang, kind", [("nl", "Actieplan"), ("da", "Handleplan")])
def test_json_ld_of_a_page_in_another_language(lang, kind):
    built = site.build(GOLDEN, Options(today=dt.date(2026, 11, 23)))
    item, service = _graph(built.files[f"{lang}/programmes/plan-a.md"])
    assert item["inLanguage"] == lang
    # relative to nl/programmes/plan-a/: the organisation, source and home pages of the same language
    assert item["isPartOf"] == {"@id": "../../#website"}
    assert [s["@id"] for s in item["isBasedOn"]] == ["../../sources/#doc-a"]
    assert [o["@id"] for o in service["provider"]] == ["../../organisations/org-nl/#organisation"]
    assert service["serviceType"] == kind  # the kind's label in the page's language
    home = _graph(built.files[f"{lang}/index.md"])
    assert home[0]["inLanguage"] == lang and home[0]["name"] == i18n.catalogue(lang).t("site.name")
    # the downloads are one for all languages, at the site's root
    assert [d["contentUrl"] for d in home[1]["distribution"]] == [
        "../data/datapackage.json", "../data/programmes.csv", "../data/directory.json"]


def test_json_ld_ids_are_the_pages_of_each_language():
    d = model.build(validate(GOLDEN).context)
    p = d.programmes["plan-a"]
    org = next(inv.organisation for inv in p.organisations)
    for lang, here in (("en", "programmes/plan-a.md"), ("nl", "nl/programmes/plan-a.md"),
                       ("da", "da/programmes/plan-a.md")):
        assert jsonld.organisation_id(org, here, lang) == f"../../organisations/{org.id}/#organisation"
    # from a page of another folder the links still land in the page's language
    assert jsonld.organisation_id(org, "nl/index.md", "nl") == f"organisations/{org.id}/#organisation"
    assert jsonld.organisation_id(org, "index.md", "nl") == f"nl/organisations/{org.id}/#organisation"
