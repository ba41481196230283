"""The directory page's form and the header search box share one engine and
one index (docs/assets/directory/shared.js): on the directory page, using
both loads engine.js and the manifest once; the site root both derive
results' links from is the same on every level of the site."""
import pytest

pytestmark = pytest.mark.browser

BOX = "#dir-hsearch-q"
OPTIONS = "#dir-hsearch-list [role=option]"


def header_search(page, query) -> list[str]:
    page.locator(BOX).click()
    page.keyboard.type(query)
    page.wait_for_function(
        """q => {
            const all = document.getElementById('dir-hsearch-opt-all');
            return all && new URL(all.href).searchParams.get('q') === q && !all.closest('[hidden]');
        }""", arg=query)
    return [a.get_attribute("href") for a in page.locator(OPTIONS).all()]


def test_the_directory_page_and_the_header_search_load_the_index_once(page, site_url):
    page.goto(site_url + "/directory/?q=pleegzorg")
    page.locator("#dir-app[data-state=ready]").wait_for()
    hrefs = header_search(page, "plejefamilie")
    page.wait_for_load_state("networkidle")
    names = [u.split("?")[0].rsplit("/", 2) for u in page.requests]
    assert sum(n[-2:] == ["directory-index", "manifest.json"] for n in names) == 1, page.requests
    for module in ("engine.js", "shared.js", "url-state.js"):
        assert sum(n[-1] == module for n in names) == 1, (module, page.requests)
    programmes = [h for h in hrefs if "/programmes/" in h]
    assert programmes and all(h.startswith(site_url + "/programmes/") for h in programmes)
    results = page.locator(".dir-result__name")
    assert results.count() > 0
    assert all(results.nth(i).get_attribute("href").startswith(site_url + "/programmes/")
               for i in range(results.count()))


@pytest.mark.parametrize("path", ["/", "/browse/themes/", "/programmes/sos-pleegzorg/"])
def test_results_link_into_the_site_from_every_level(page, site_url, path):
    page.goto(site_url + path)
    hrefs = header_search(page, "pleegzorg")
    assert any(h == site_url + "/programmes/sos-pleegzorg/" for h in hrefs), hrefs
    assert hrefs[-1] == site_url + "/directory/?q=pleegzorg"
