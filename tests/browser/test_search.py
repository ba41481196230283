"""What a reader does: search in three languages from the header, open a
result, browse the hierarchy; with the keyboard only; without JavaScript."""
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

BOX = "#dir-hsearch-q"
OPTIONS = "#dir-hsearch-list [role=option]"


def search(page, site_url, query):
    """Type a query into the header search; the hrefs of the options shown."""
    page.goto(site_url + "/")
    page.locator(BOX).click()
    page.keyboard.type(query)
    wait_for_options(page, query)
    return [a.get_attribute("href") for a in page.locator(OPTIONS).all()]


def wait_for_options(page, query):
    # the last option is "All N results" for this very query
    page.wait_for_function(
        """q => {
            const all = document.getElementById('dir-hsearch-opt-all');
            return all && new URL(all.href).searchParams.get('q') === q
                && !all.closest('[hidden]');
        }""", arg=query)


@pytest.mark.parametrize("query, expected", [
    ("plejefamilier", "programmes/socialstyrelsen-taet-stoettede-opstartsforloeb/"),
    ("pleegzorg", "programmes/sos-pleegzorg/"),
    # the page says only "pleeggezin": found through the Dutch stemmer
    ("pleeggezinnen", "programmes/opgroeien-zorggarantie-jonge-kinderen/"),
    ("anbringelsestruede", "programmes/vordingborg-styrket-indsats-i-hjemmet/"),
    ("plejefamilierne", "programmes/socialstyrelsen-taet-stoettede-opstartsforloeb/"),
    ("kursus", "programmes/socialstyrelsen-kompetencekursus-opstartsforloeb/"),
    # the name says "kompetencekursus", the description "kompetencekurser"
    ("kompetencekurser", "programmes/socialstyrelsen-kompetencekursus-opstartsforloeb/"),
    ("kinderarmoede", "programmes/gent-actieplannen-kinderarmoede/"),
    ("truancy", "programmes/gent-intern-spijbelactieplan/"),
])
def test_search_finds_programmes_in_three_languages(page, site_url, query, expected):
    hrefs = search(page, site_url, query)
    assert any(expected in (h or "") for h in hrefs), hrefs
    # the number found is announced, and the list ends with a link to all of them
    assert "found" in page.locator(".dir-hsearch [role=status]").inner_text()
    all_results = page.locator("#dir-hsearch-opt-all")
    assert parse_qs(urlsplit(all_results.get_attribute("href")).query) == {"q": [query]}
    assert urlsplit(all_results.get_attribute("href")).path == "/directory/"


def test_open_a_result_and_go_up_the_hierarchy(page, site_url):
    hrefs = search(page, site_url, "kompetencekursus")
    target = next(h for h in hrefs if "socialstyrelsen-kompetencekursus-opstartsforloeb" in h)
    page.locator(f"{OPTIONS}[href='{target}']").first.click()
    page.wait_for_url("**/socialstyrelsen-kompetencekursus-opstartsforloeb/**")
    assert "ompetencekursus" in page.locator("h1").inner_text()
    page.locator(".breadcrumbs a").last.click()
    page.wait_for_url("**/socialstyrelsen-taet-stoettede-opstartsforloeb/")
    assert "opstartsforløb" in page.locator("h1").inner_text()
    page.locator(".breadcrumbs a").first.click()
    page.wait_for_url("**/socialstyrelsen-mere-kvalitet-i-plejefamilier/")


def test_keyboard_only_journey(page, site_url):
    page.goto(site_url + "/programmes/sos-simba-familiezorg/")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "dir-hsearch-q":
            break
    else:
        pytest.fail("Tab never reached the header search box")
    box = page.locator(BOX)
    page.keyboard.type("pleegzorg")
    wait_for_options(page, "pleegzorg")
    assert box.get_attribute("aria-expanded") == "true"

    # Escape closes the list and keeps the text; ArrowDown opens it again
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert page.locator(".dir-hsearch__panel").is_hidden()
    assert box.input_value() == "pleegzorg"

    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-expanded") == "true"
    active = box.get_attribute("aria-activedescendant")
    assert active
    option = page.locator(f"#{active}")
    assert option.get_attribute("aria-selected") == "true"
    href = option.get_attribute("href")
    # ArrowDown and ArrowUp move through the options and back
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") != active
    page.keyboard.press("ArrowUp")
    assert box.get_attribute("aria-activedescendant") == active
    assert page.evaluate("document.activeElement.id") == "dir-hsearch-q"  # the focus stays in the box

    page.keyboard.press("Enter")
    page.wait_for_url(href)
    assert "/programmes/" in page.url

    # Enter with no option chosen opens the directory page with the query
    page.locator(BOX).focus()
    page.keyboard.type("pleegzorg")
    wait_for_options(page, "pleegzorg")
    page.keyboard.press("Enter")
    page.wait_for_url("**/directory/?q=pleegzorg")
    page.locator("#dir-app[data-state=ready]").wait_for()
    assert page.locator("#dir-q").input_value() == "pleegzorg"
    assert page.locator(".dir-result__name").count() > 0


def test_the_index_loads_on_first_use_only(page, site_url):
    page.goto(site_url + "/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in page.requests if "directory-index" in u or u.endswith("/engine.js")]
    page.locator(BOX).focus()
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => performance.getEntriesByType('resource')"
                           ".some(e => e.name.includes('/directory-index/'))")
    assert [u for u in page.requests if "/directory-index/" in u]


def test_search_without_javascript_opens_the_directory_page(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "/browse/themes/")
        box = page.get_by_role("searchbox", name="Search programmes")
        box.fill("pleeggezinnen")
        box.press("Enter")
        page.wait_for_url("**/directory/?q=pleeggezinnen")
        assert page.locator("h1").inner_text().startswith("Find programmes")
        assert page.locator("article").get_by_role("link", name="by theme", exact=True).is_visible()
    finally:
        context.close()


def test_header_search_fits_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(site_url + "/")
        box = page.locator(BOX)
        closed = box.bounding_box()
        assert closed["width"] >= 24 and closed["height"] >= 24  # a target a finger can hit
        assert closed["x"] + closed["width"] <= 360
        box.click()
        opened = box.bounding_box()
        assert opened["width"] > 250  # spreads over the header to be typed in
        page.keyboard.type("pleegzorg")
        wait_for_options(page, "pleegzorg")
        panel = page.locator(".dir-hsearch__panel").bounding_box()
        assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 360
    finally:
        context.close()


def test_pages_request_nothing_from_other_hosts(page, site_url):
    for path in ("/", "/programmes/sos-simba-familiezorg/", "/contacts/sylvia-lis/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    search(page, site_url, "plejefamilie")
    page.goto(site_url + "/directory/?country=DK&q=plejefamilie")
    page.locator("#dir-app[data-state=ready]").wait_for()
    page.wait_for_load_state("networkidle")
    hosts = {urlsplit(u).hostname for u in page.requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}
    assert page.context.cookies() == []
