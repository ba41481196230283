"""The directory page, "Find programmes": filters, a query, the state in the
URL (reload, Back), paging, facet counts against the data, and the page
without JavaScript."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from support import real_directory

pytestmark = pytest.mark.browser


directory = real_directory


def expected(country: str | None = None, themes: tuple[str, ...] = ()) -> list[str]:
    """Programme page paths with the country and any of the themes, in name order."""
    programmes = sorted(directory().programmes.values(), key=lambda p: (p.name.source.casefold(), p.id))
    return [f"/programmes/{p.id}/" for p in programmes
            if (country is None or country in p.countries)
            and (not themes or set(themes) & set(p.themes))]


# -- helpers -------------------------------------------------------------------

def ready(page):
    """Wait until the list shows the state in the URL."""
    page.locator("#dir-app[data-state=ready]").wait_for()


def open_directory(page, site_url, query=""):
    page.goto(f"{site_url}/directory/{query}")
    ready(page)


def results(page) -> list[str]:
    return [urlsplit(a.get_attribute("href")).path for a in page.locator(".dir-result__name").all()]


def shown_total(page) -> int:
    text = page.locator("#dir-count").inner_text()
    match = re.fullmatch(r"([\d,]+) programmes?", text.strip())
    assert match, text
    return int(match.group(1).replace(",", ""))


def checked(page) -> list[tuple[str, str]]:
    boxes = page.locator(".dir-facet input[type=checkbox]:checked").all()
    return sorted((b.get_attribute("name"), b.get_attribute("value")) for b in boxes)


def box(page, facet, value):
    return page.locator(f"fieldset[data-facet='{facet}'] input[type=checkbox][value='{value}']")


def state(url) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def click_and_wait(page, facet, value, wanted):
    box(page, facet, value).click()
    page.wait_for_url(lambda url: all(state(url).get(k) == v for k, v in wanted.items()))
    ready(page)


# -- tests -------------------------------------------------------------------

def test_filter_type_reload_and_go_back(page, site_url):
    be_parenting = expected("BE", ("parenting-support",))
    assert 0 < len(be_parenting) <= 20  # the whole list fits on the first page

    open_directory(page, site_url)
    assert page.locator("h1").inner_text().startswith("Find programmes")
    assert shown_total(page) == len(directory().programmes)
    assert checked(page) == []

    click_and_wait(page, "country", "BE", {"country": ["BE"]})
    assert shown_total(page) == len(expected("BE"))
    click_and_wait(page, "theme", "parenting-support", {"country": ["BE"], "theme": ["parenting-support"]})
    assert shown_total(page) == len(be_parenting)
    assert results(page) == be_parenting
    filtered = results(page)

    # typing narrows the list (debounced); the query joins the URL
    search = page.get_by_label("Search programmes", exact=True).and_(page.locator("#dir-q"))
    search.click()
    page.keyboard.type("ouders")
    page.wait_for_url(lambda url: state(url).get("q") == ["ouders"])
    ready(page)
    typed = results(page)
    assert typed, "the query found nothing"
    assert shown_total(page) == len(typed)
    assert set(typed) <= set(be_parenting)
    assert state(page.url) == {"q": ["ouders"], "country": ["BE"], "theme": ["parenting-support"]}

    # a reload of the URL restores the same list, boxes and query
    page.reload()
    ready(page)
    assert results(page) == typed
    assert checked(page) == [("country", "BE"), ("theme", "parenting-support")]
    assert page.locator("#dir-q").input_value() == "ouders"

    # Back: the state before the query (typing made one history entry)
    page.go_back()
    page.wait_for_url(lambda url: "q" not in state(url))
    ready(page)
    assert results(page) == filtered
    assert checked(page) == [("country", "BE"), ("theme", "parenting-support")]
    assert page.locator("#dir-q").input_value() == ""
    page.go_back()
    page.wait_for_url(lambda url: state(url) == {"country": ["BE"]})
    ready(page)
    assert checked(page) == [("country", "BE")]
    assert shown_total(page) == len(expected("BE"))

    # follow a result to its programme page
    page.go_forward()
    page.wait_for_url(lambda url: "theme" in state(url))
    ready(page)
    first = page.locator(".dir-result__name").first
    name = first.inner_text()
    assert first.get_attribute("lang") in ("nl", "da", "en")
    first.click()
    page.wait_for_url(f"**{be_parenting[0]}")
    assert page.locator("h1").inner_text().startswith(name)

    hosts = {urlsplit(u).hostname for u in page.requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}


def test_two_values_of_a_facet_widen_the_list(page, site_url):
    open_directory(page, site_url, "?theme=parenting-support&theme=education")
    wanted = expected(None, ("parenting-support", "education"))
    assert shown_total(page) == len(wanted)
    assert results(page) == wanted[:20]
    assert checked(page) == [("theme", "education"), ("theme", "parenting-support")]


def test_facet_counts_match_the_data(page, site_url):
    open_directory(page, site_url, "?country=BE")
    fieldset = page.locator("fieldset[data-facet=theme]")
    assert fieldset.locator("legend").inner_text().strip()
    label = directory().vocab.label
    for term in directory().vocab.ordered("themes"):
        want = len(expected("BE", (term.id,)))
        row = fieldset.locator(".dir-opt").filter(has=page.locator(f"input[value='{term.id}']"))
        if want == 0 and row.count() == 0:
            continue
        assert row.locator("label").inner_text() == f"{label('themes', term.id)} ({want})", term.id
    # the country counts ignore the country filter itself (they would widen it)
    countries = directory().programmes.values()
    for code in ("BE", "NL", "DK"):
        text = page.locator(f"label[for='{box(page, 'country', code).get_attribute('id')}']").inner_text()
        assert text.endswith(f"({sum(code in p.countries for p in countries)})"), text


def test_organisations_show_the_top_ten_and_a_filter_box_finds_the_others(page, site_url):
    programmes = directory().programmes.values()
    count = {}
    for p in programmes:
        for org in {i.organisation.id for i in p.organisations}:
            count[org] = count.get(org, 0) + 1
    orgs = directory().organisations
    ranked = sorted(count, key=lambda o: (-count[o], orgs[o].name.source.casefold()))
    assert len(ranked) > 10
    last = orgs[ranked[-1]]

    open_directory(page, site_url)
    fieldset = page.locator("fieldset[data-facet=organisation]")
    assert fieldset.locator(".dir-opt:visible").count() == 10
    row = fieldset.locator(".dir-opt").filter(has=page.locator(f"input[value='{last.id}']"))
    assert row.is_hidden()
    assert fieldset.locator(f".dir-opt:visible input[value='{ranked[0]}']").count() == 1

    find = fieldset.get_by_label("Find organisation")
    find.fill(last.name.source.upper())  # case (and accents) do not matter
    assert row.is_visible()
    assert row.locator("[lang]").get_attribute("lang") == last.name.original
    click_and_wait(page, "organisation", last.id, {"organisation": [last.id]})
    assert shown_total(page) == count[last.id]
    # a checked value stays in the list when the filter text goes
    find.fill("")
    assert row.is_visible()
    assert row.locator("input").is_checked()


def test_show_more_pages_through_the_list_and_the_url_keeps_the_page(page, site_url):
    everything = expected()
    assert len(everything) > 40
    open_directory(page, site_url)
    assert results(page) == everything[:20]
    page.get_by_role("button", name="Show more").click()
    page.wait_for_url(lambda url: state(url) == {"page": ["2"]})
    ready(page)
    assert results(page) == everything[:40]
    # the keyboard reader lands on the first new result
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith(everything[20])
    page.reload()
    ready(page)
    assert results(page) == everything[:40]


def test_unknown_parameters_are_ignored(page, site_url):
    open_directory(page, site_url, "?country=XX&theme=nonsense&country=DK&page=abc&colour=blue")
    assert checked(page) == [("country", "DK")]
    assert results(page) == expected("DK")
    assert shown_total(page) == len(expected("DK"))


def test_clear_all_filters(page, site_url):
    open_directory(page, site_url, "?country=DK&theme=foster-care")
    page.get_by_role("button", name="Clear all filters").click()
    page.wait_for_url(lambda url: state(url) == {})
    ready(page)
    assert checked(page) == []
    assert shown_total(page) == len(directory().programmes)


def test_without_javascript_the_page_links_to_the_browse_pages(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "/directory/")
        assert page.locator("h1").inner_text().startswith("Find programmes")
        note = page.locator(".dir-noscript")
        assert note.is_visible()
        assert "need JavaScript" in note.inner_text()
        links = {
            "by country and region": "/browse/countries/",
            "by theme": "/browse/themes/",
            "by kind": "/browse/kinds/",
            "by organisation": "/organisations/",
            "all records": "/programmes/",
        }
        article = page.locator("article")
        for text, path in links.items():
            link = article.get_by_role("link", name=text, exact=True)
            assert link.is_visible(), text
            assert urlsplit(link.evaluate("a => a.href")).path == path
        article.get_by_role("link", name="by theme", exact=True).click()
        page.wait_for_url("**/browse/themes/")
        assert page.locator("h1").inner_text().startswith("By theme")
    finally:
        context.close()
