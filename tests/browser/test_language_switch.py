"""The language switch in a browser: it leads to the same page in the other
language, keeping the address's query (the filters and the query of Find
programmes) as the reader has made it; the page it opens shows the same
selection, in its language, with Material's own words in that language."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser


def ready(page):
    page.locator("#dir-app[data-state=ready]").wait_for()


def switch(page, name):
    return page.locator("nav.dir-langs a[data-dir-switch]", has_text=name)


def test_the_switch_keeps_the_filters_in_the_address(page, site_url):
    query = "?country=BE&theme=parenting-support&q=ouders"
    page.goto(f"{site_url}/directory/{query}")
    ready(page)
    switch(page, "Dansk").click()
    page.wait_for_url("**/da/directory/**")
    ready(page)
    parts = urlsplit(page.url)
    assert parts.path == "/da/directory/"
    assert parse_qs(parts.query) == {"country": ["BE"], "theme": ["parenting-support"], "q": ["ouders"]}
    assert page.evaluate("document.documentElement.lang") == "da"
    assert page.locator("fieldset[data-facet='country'] input[value='BE']").is_checked()
    assert page.locator("fieldset[data-facet='theme'] input[value='parenting-support']").is_checked()


def test_the_switch_follows_a_filter_chosen_on_the_page(page, site_url):
    page.goto(f"{site_url}/nl/directory/")
    ready(page)
    page.locator("fieldset[data-facet='country'] input[type=checkbox][value='DK']").click()
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("country") == ["DK"])
    switch(page, "English").click()
    page.wait_for_url("**/directory/?*")
    ready(page)
    parts = urlsplit(page.url)
    assert parts.path == "/directory/"
    assert parse_qs(parts.query).get("country") == ["DK"]
    assert page.locator("fieldset[data-facet='country'] input[value='DK']").is_checked()


@pytest.mark.parametrize("lang, skip, home", [("nl", "Ga naar inhoud", "Nederlands"),
                                              ("da", "Gå til indholdet", "Dansk")])
def test_a_record_page_in_each_language(page, site_url, lang, skip, home):
    page.goto(f"{site_url}/programmes/socialstyrelsen-taet-stoettede-opstartsforloeb/")
    switch(page, home).click()
    page.wait_for_url(f"**/{lang}/programmes/socialstyrelsen-taet-stoettede-opstartsforloeb/")
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator("a.md-skip").inner_text().strip() == skip
    # the switch names this page's language as text, and leads back to the same page in English
    assert page.locator("nav.dir-langs .dir-langs__current").inner_text().strip() == home
    switch(page, "English").click()
    page.wait_for_url("**/programmes/socialstyrelsen-taet-stoettede-opstartsforloeb/")
    assert urlsplit(page.url).path == "/programmes/socialstyrelsen-taet-stoettede-opstartsforloeb/"
