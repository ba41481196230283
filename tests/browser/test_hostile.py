"""The hostile fixture's site in a real browser: nothing from the data runs.

Every page of tests/fixtures/hostile (names that end the <title>, leave an
attribute or hold script tags; hostile vocabulary labels; a description with
every construct of the Markdown subset) is opened in headless chromium, as
are the header search's suggestions and the directory page, whose scripts
draw names and labels from the search index: no dialog opens, no script
error occurs, nothing is requested from another host, and the names show as
the text they are. The page with the description passes axe-core."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from support import serve_folder
from test_accessibility import axe, report

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    with serve_folder(hostile_site) as url:
        yield url


@pytest.fixture
def watched(browser):
    """A page that records dialogs, script errors and requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.dialogs, page.errors, page.requests = [], [], []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    context.close()


def nothing_ran(page, base: str) -> None:
    assert page.dialogs == [], page.dialogs
    assert page.errors == [], page.errors
    foreign = [u for u in page.requests if urlsplit(u).netloc != urlsplit(base).netloc]
    assert foreign == []


def test_every_page_runs_nothing_from_the_data(watched, hostile_site, hostile_url):
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        watched.goto(f"{hostile_url}/{path}", wait_until="load")
        watched.mouse.move(400, 300)  # hover handlers, if any were there
        nothing_ran(watched, hostile_url)


def test_titles_show_as_text(watched, hostile_url):
    watched.goto(f"{hostile_url}/programmes/title-break-out/")
    assert watched.title() == ("Plan </title><script>alert('title-nl')</script><title> - "
                               "Programme directory for child and family welfare")
    assert watched.locator("h1").inner_text().startswith("Plan </title><script>")
    nothing_ran(watched, hostile_url)


def test_search_suggestions_and_the_directory_show_names_as_text(watched, hostile_url):
    watched.goto(f"{hostile_url}/")
    watched.locator("#dir-hsearch-q").click()
    watched.keyboard.type("plan")
    option = watched.locator("#dir-hsearch-list [role=option] .dir-hsearch__name").first
    option.wait_for()
    assert option.inner_text() == "Plan </title><script>alert('title-nl')</script><title>"
    watched.goto(f"{hostile_url}/directory/?q=part")
    watched.locator("#dir-app[data-state=ready]").wait_for()
    names = [a.inner_text() for a in watched.locator(".dir-result__name").all()]
    assert "Part </title><script>alert('part')</script>" in names
    facets = watched.locator(".dir-facet").all_inner_texts()
    assert any("Theme </title><script>alert('theme')</script><title>" in f for f in facets), facets
    nothing_ran(watched, hostile_url)


def test_description_markup_is_accessible(watched, hostile_url):
    watched.goto(f"{hostile_url}/programmes/title-break-out/")
    violations = axe(watched)
    assert violations == [], report(violations)
