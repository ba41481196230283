"""schema.org linked data on the built pages (issue 13), read as a search
engine reads it: PyLD extracts every JSON-LD block from the HTML (with lxml)
and expands it against the page's address; the types, the dates and every
URL are checked against the records and the built site."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pyld import jsonld

from directory import model
from directory.validate import validate
from support import DATA, FIXTURES

pytestmark = pytest.mark.site

HOSTILE = FIXTURES / "hostile"
SITE = "https://site.test/"  # the address the pages are read at
S = "http://schema.org/"

# The part of schema.org's JSON-LD context the pages use (its terms are
# schema.org's; those that hold addresses are typed @id, as in schema.org's
# own context). No test fetches anything.
SCHEMA_ORG = {"@context": {"@vocab": S, "schema": S, **{
    key: {"@id": f"schema:{key}", "@type": "@id"} for key in ("url", "contentUrl")}}}


def loader(url, options=None):
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": SCHEMA_ORG}


def blocks(site: Path, page: str) -> list:
    """The JSON-LD blocks of a built page, as PyLD extracts them from its HTML."""
    html = (site / page / "index.html").read_text("utf-8")
    return jsonld.load_html(html, SITE + page, None, {"extractAllScripts": True})


def expanded(site: Path, page: str) -> list[dict]:
    """The nodes of a page's JSON-LD, expanded against the page's address and flattened."""
    found = blocks(site, page)
    assert len(found) == 1, (page, len(found))
    flat = jsonld.flatten(found[0], None, {"base": SITE + page, "documentLoader": loader})
    return flat


def by_type(nodes: list[dict], type_: str) -> list[dict]:
    return [n for n in nodes if S + type_ in n.get("@type", [])]


def values(node: dict, prop: str) -> list:
    return [v.get("@value", v.get("@id")) for v in node.get(S + prop, [])]


def resolves(site: Path, iri: str, public_urls: set[str]) -> bool:
    if not iri.startswith(SITE):
        return iri in public_urls
    path = urlsplit(iri).path[len(urlsplit(SITE).path):]
    return (site / path).is_file() or (site / path / "index.html").is_file()


def public_urls(directory) -> set[str]:
    return {x.url for x in [*directory.sources.values(), *directory.organisations.values()] if x.url}


@pytest.fixture(scope="module")
def sites(built_site, hostile_site):
    return {"data": (built_site, model.build(validate(DATA).context)),
            "hostile": (hostile_site, model.build(validate(HOSTILE).context))}


@pytest.mark.parametrize("which", ["data", "hostile"])
def test_each_programme_page_is_a_service_on_an_item_page(sites, which):
    site, d = sites[which]
    urls = public_urls(d)
    for p in d.programmes.values():
        page = f"programmes/{p.id}/"
        nodes = expanded(site, page)
        [item] = by_type(nodes, "ItemPage")
        [service] = by_type(nodes, "Service")
        assert item["@id"] == SITE + page and values(item, "mainEntity") == [service["@id"]]
        assert values(item, "dateModified") == [p.last_reviewed]
        assert values(service, "identifier") == [p.id]
        names = {(v["@language"], v["@value"]) for v in service[S + "name"]}
        assert names == set(p.name.by_lang.items())  # the name as text, whatever markup it holds
        sources = values(item, "isBasedOn")
        assert sources == [SITE + f"sources/#{s}" for s in dict.fromkeys(r.source.id for r in p.sources)]
        for node in nodes:  # every address is a built page or an address the data gives
            for prop in (S + "url", S + "contentUrl"):
                for v in node.get(prop, []):
                    assert resolves(site, v["@id"], urls), (page, v)
            if node["@id"].startswith(SITE):
                assert resolves(site, node["@id"].split("#")[0], urls), (page, node["@id"])
        provider_ids = set(values(service, "provider"))
        assert provider_ids == {SITE + f"organisations/{inv.organisation.id}/#organisation"
                                for inv in p.organisations if inv.role in ("lead", "implementer", "provider")}
        assert set(values(service, "areaServed")) or not (p.countries or p.regions or p.municipalities)


def test_only_stated_facts(sites):
    site, d = sites["data"]
    for p in d.programmes.values():
        [service] = by_type(expanded(site, f"programmes/{p.id}/"), "Service")
        audience = service.get(S + "audience")
        if p.age_min is None and p.age_max is None and not p.who:
            assert audience is None
        assert (S + "availableLanguage" in service) == bool(p.languages)
        assert (S + "funder" in service) == bool(
            [i for i in p.organisations if i.role == "funder"] or [f for f in p.funding if f.funder])
        raw = (site / "programmes" / p.id / "index.html").read_text("utf-8")
        assert ":null" not in raw.split('application/ld+json">', 1)[1].split("</script>", 1)[0]


def test_ages_and_audience(sites):
    site, d = sites["data"]
    p = d.programmes["opgroeien-kleinschalig-verblijf-0-3"]
    nodes = expanded(site, f"programmes/{p.id}/")
    [audience] = by_type(nodes, "PeopleAudience")
    assert values(audience, "suggestedMinAge") == [0] and values(audience, "suggestedMaxAge") == [3]
    assert values(audience, "audienceType") == ["Children"]
    funders = values(by_type(nodes, "Service")[0], "funder")
    assert funders == [SITE + "organisations/opgroeien/#organisation"]


@pytest.mark.parametrize("which", ["data", "hostile"])
def test_organisation_pages_are_organizations(sites, which):
    site, d = sites[which]
    for o in d.organisations.values():
        page = f"organisations/{o.id}/"
        nodes = expanded(site, page)
        [org] = [n for n in by_type(nodes, "Organization") if n["@id"] == SITE + page + "#organisation"]
        assert values(org, "identifier") == [o.id]
        assert values(org, "url") == ([o.url] if o.url else [])
        assert values(by_type(nodes, "ItemPage")[0], "dateModified") == [o.last_reviewed]


def test_contacts_carry_no_linked_data(sites):
    site, d = sites["hostile"]
    for c in d.contacts.values():
        assert blocks(site, f"contacts/{c.id}/") == []


def test_the_home_page_describes_the_site_and_its_data(sites):
    site, _ = sites["data"]
    nodes = expanded(site, "")
    assert len(by_type(nodes, "WebSite")) == 1
    [dataset] = by_type(nodes, "Dataset")
    downloads = {n["@id"]: n for n in by_type(nodes, "DataDownload")}
    urls = [values(n, "contentUrl")[0] for n in downloads.values()]
    assert SITE + "data/datapackage.json" in urls
    assert all((site / u[len(SITE):]).is_file() for u in urls)
    assert len(values(dataset, "distribution")) == 3


def test_markup_in_the_data_stays_inside_the_json(sites):
    """The hostile names end the script element in plain HTML (</script>): in the
    JSON-LD the < > & are escaped, so the block ends where the template ends it
    and the values read back exactly."""
    site, d = sites["hostile"]
    p = d.programmes["title-break-out"]
    assert "</script>" in p.name.source
    raw = (site / "programmes" / "title-break-out" / "index.html").read_text("utf-8")
    body = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in body and ">" not in body and "&" not in body and "\\u003c/script\\u003e" in body
    [service] = by_type(expanded(site, "programmes/title-break-out/"), "Service")
    assert {v["@value"] for v in service[S + "name"]} == set(p.name.by_lang.values())


def test_real_values_hold_no_markup(sites):
    site, d = sites["data"]
    for page in [f"programmes/{p}/" for p in d.programmes] + [f"organisations/{o}/" for o in d.organisations]:
        for node in expanded(site, page):
            for prop, items in node.items():
                for v in items if isinstance(items, list) else []:
                    if isinstance(v, dict) and isinstance(v.get("@value"), str):
                        assert "<" not in v["@value"] and ">" not in v["@value"], (page, prop, v)
