"""What a reader does: search in three languages, open a result, browse the hierarchy."""
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def search(page, site_url, query):
    page.goto(site_url + "/")
    box = page.locator("input.md-search__input")
    box.click()
    page.keyboard.type(query)  # Material reads the query on keyup, not on input
    page.locator(".md-search-result__item").first.wait_for()
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


@pytest.mark.parametrize("query, expected", [
    ("plejefamilier", "programmes/socialstyrelsen-taet-stoettede-opstartsforloeb/"),
    ("pleegzorg", "programmes/sos-pleegzorg/"),
    # the page says only "pleeggezin": found through the Dutch stemmer
    ("pleeggezinnen", "programmes/opgroeien-zorggarantie-jonge-kinderen/"),
    ("anbringelsestruede", "programmes/vordingborg-styrket-indsats-i-hjemmet/"),
    ("plejefamilierne", "programmes/socialstyrelsen-taet-stoettede-opstartsforloeb/"),
    ("kinderarmoede", "programmes/gent-actieplannen-kinderarmoede/"),
    ("truancy", "programmes/gent-intern-spijbelactieplan/"),
])
def test_search_finds_programmes_in_three_languages(page, site_url, query, expected):
    hrefs = search(page, site_url, query)
    assert any(expected in (h or "") for h in hrefs), hrefs


def test_open_a_result_and_go_up_the_hierarchy(page, site_url):
    hrefs = search(page, site_url, "kompetencekursus")
    target = next(h for h in hrefs if "socialstyrelsen-kompetencekursus-opstartsforloeb" in h)
    page.locator(f".md-search-result__item > a[href='{target}']").first.click()
    page.wait_for_url("**/socialstyrelsen-kompetencekursus-opstartsforloeb/**")
    assert "ompetencekursus" in page.locator("h1").inner_text()
    page.locator(".breadcrumbs a").last.click()
    page.wait_for_url("**/socialstyrelsen-taet-stoettede-opstartsforloeb/")
    assert "opstartsforløb" in page.locator("h1").inner_text()
    page.locator(".breadcrumbs a").first.click()
    page.wait_for_url("**/socialstyrelsen-mere-kvalitet-i-plejefamilier/")


def test_pages_request_nothing_from_other_hosts(page, site_url):
    for path in ("/", "/programmes/sos-simba-familiezorg/", "/contacts/sylvia-lis/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    hosts = {urlsplit(u).hostname for u in page.requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}
    assert page.context.cookies() == []
