"""The pictures of the field in a real browser: a number of the Coverage page
(in the table or on the drawing, with or without its filters) opens the
directory page listing exactly that many programmes; programmes chosen with
their Compare boxes open a comparison of exactly those, which a reload and
the address keep; without JavaScript the Compare page says so and links on;
a comparison of four programmes prints on one landscape A4 page."""
from __future__ import annotations

import io
import re
from urllib.parse import parse_qs, urlsplit

import pypdf
import pytest

from support import real_directory

pytestmark = pytest.mark.browser

directory = real_directory

DANISH = "socialstyrelsen-taet-stoettede-opstartsforloeb"
PLAN = "gent-intern-actieplan-kinderarmoede"


# -- helpers -------------------------------------------------------------------

def coverage_ready(page):
    page.locator("#pic-coverage[data-state=ready]").wait_for()


def directory_ready(page):
    page.locator("#dir-app[data-state=ready]").wait_for()


def compare_ready(page):
    page.locator("#pic-compare[data-state=ready]").wait_for()


def shown_total(page) -> int:
    text = page.locator("#dir-count").inner_text()
    match = re.fullmatch(r"([\d,]+) programmes?", text.strip())
    assert match, text
    return int(match.group(1).replace(",", ""))


def number(text: str) -> int:
    return int(text.strip().replace(",", ""))


def cell(page, facet: str, row: str, col: str):
    return page.locator(f"table.pic-matrix[data-facet='{facet}'] td[data-row='{row}'][data-col='{col}']")


def linked_cells(page, facet: str) -> list[tuple[str, str, int]]:
    """(theme, column, number) of every cell of a matrix with a link."""
    return page.evaluate(
        """facet => [...document.querySelectorAll(`table.pic-matrix[data-facet='${facet}'] td[data-row] a`)]
            .map(a => [a.parentElement.dataset.row, a.parentElement.dataset.col, a.textContent])""", facet)


def compare_ids(url: str) -> list[str]:
    return parse_qs(urlsplit(url).query).get("p", [])


def compared_names(page) -> list[str]:
    return [a.inner_text().strip() for a in page.locator(".pic-compare-table thead th a").all()]


def name(programme_id: str) -> str:
    p = directory().programmes[programme_id]
    return p.name.by_lang[p.name.original]


# -- coverage ------------------------------------------------------------------

def test_a_cell_of_the_table_opens_the_directory_with_that_count(page, site_url):
    page.goto(f"{site_url}/coverage/")
    coverage_ready(page)
    ages = linked_cells(page, "age")
    countries = linked_cells(page, "country")
    assert ages and countries
    # the largest cell of each matrix, a "not stated" age and a theme's total
    chosen = [max(ages, key=lambda c: number(c[2])), max(countries, key=lambda c: number(c[2]))]
    chosen += [c for c in ages if c[1] == "not-stated"][:1] + [c for c in ages if c[1] == "all"][:1]
    assert len(chosen) == 4
    for facet, (row, col, text) in zip(["age", "country", "age", "age"], chosen):
        page.goto(f"{site_url}/coverage/")
        coverage_ready(page)
        cell(page, facet, row, col).locator("a").click()
        page.wait_for_url(re.compile(r"/directory/\?"))
        directory_ready(page)
        state = parse_qs(urlsplit(page.url).query)
        assert state["theme"] == [row]
        if col != "all":
            assert state[facet] == [col]
        assert shown_total(page) == number(text), (row, col)
        assert page.locator(".dir-result").count() == min(number(text), 20)


def test_a_cell_of_the_drawing_opens_the_same_list(page, site_url):
    page.goto(f"{site_url}/coverage/")
    coverage_ready(page)
    row, col, text = max((c for c in linked_cells(page, "country") if c[1] != "all"), key=lambda c: number(c[2]))
    drawn = page.locator(f"svg[data-matrix] g.pic-cell[data-row='{row}'][data-col='{col}']")
    assert drawn.locator("text").text_content().strip() == text
    drawn.click()
    page.wait_for_url(re.compile(r"/directory/\?"))
    directory_ready(page)
    assert shown_total(page) == number(text)


def test_filtered_cells_count_what_the_directory_lists(page, site_url):
    page.goto(f"{site_url}/coverage/")
    coverage_ready(page)
    page.locator("#pic-filters input[name=country][value=DK]").check()
    page.wait_for_url(re.compile(r"country=DK"))
    coverage_ready(page)
    # every country but Denmark is left out of the country matrix
    assert {col for _, col, _ in linked_cells(page, "country")} == {"all", "DK"}
    expected_dk = sum("DK" in p.countries for p in directory().programmes.values())
    assert f"{expected_dk}" in page.locator("#pic-status").inner_text()
    row, col, text = max((c for c in linked_cells(page, "age") if c[1] != "all"), key=lambda c: number(c[2]))
    # a reload keeps the filter and the same numbers
    page.reload()
    coverage_ready(page)
    assert page.locator("#pic-filters input[name=country][value=DK]").is_checked()
    assert cell(page, "age", row, col).inner_text().strip() == text
    cell(page, "age", row, col).locator("a").click()
    page.wait_for_url(re.compile(r"/directory/\?"))
    directory_ready(page)
    state = parse_qs(urlsplit(page.url).query)
    assert state["country"] == ["DK"] and state["theme"] == [row] and state["age"] == [col]
    assert shown_total(page) == number(text)


# -- compare -------------------------------------------------------------------

def test_two_programmes_chosen_on_the_directory_page_are_compared(page, site_url):
    page.goto(f"{site_url}/directory/?country=DK")
    directory_ready(page)
    boxes = page.locator(".dir-result input[data-compare]")
    boxes.first.wait_for()
    first, second = boxes.nth(0).get_attribute("data-compare"), boxes.nth(1).get_attribute("data-compare")
    boxes.nth(0).check()
    tray = page.locator("#pic-tray")
    assert tray.is_visible()
    assert page.locator(".pic-tray__open").is_hidden()  # one is not a comparison
    boxes.nth(1).check()
    page.locator(".pic-tray__open").click()
    page.wait_for_url(re.compile(r"/compare/\?"))
    compare_ready(page)
    assert compare_ids(page.url) == [first, second]
    assert compared_names(page) == [name(first), name(second)]
    rows = [th.inner_text() for th in page.locator(".pic-compare-table tbody th[scope=row]").all()]
    assert len(rows) >= 5

    page.reload()
    compare_ready(page)
    assert compare_ids(page.url) == [first, second]
    assert compared_names(page) == [name(first), name(second)]

    # the address alone (a shared link, a new tab) shows the same comparison
    other = page.context.new_page()
    other.goto(f"{site_url}/compare/?p={first}&p={second}")
    compare_ready(other)
    assert compared_names(other) == [name(first), name(second)]
    other.close()


def test_a_programme_page_adds_to_the_choice_and_a_row_can_go(page, site_url):
    page.goto(f"{site_url}/programmes/{DANISH}/")
    page.locator(".pic-toggle input[data-compare]").check()
    page.goto(f"{site_url}/programmes/{PLAN}/")
    page.locator(".pic-toggle input[data-compare]").check()
    assert "2" in page.locator(".pic-tray__count").inner_text()
    page.locator(".pic-tray__open").click()
    compare_ready(page)
    assert compare_ids(page.url) == [DANISH, PLAN]
    assert compared_names(page) == [name(DANISH), name(PLAN)]
    differing = page.locator(".pic-compare-table tr.pic-differs")
    assert differing.count() > 0
    assert "differs" in differing.first.locator("th").inner_text()
    page.locator(".pic-compare-table thead .pic-remove").first.click()
    page.wait_for_url(lambda url: compare_ids(url) == [PLAN])
    compare_ready(page)
    assert compared_names(page) == [name(PLAN)]
    page.go_back()
    page.wait_for_url(lambda url: compare_ids(url) == [DANISH, PLAN])
    compare_ready(page)
    assert compared_names(page) == [name(DANISH), name(PLAN)]


def test_without_javascript_the_compare_page_says_so(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/compare/?p={DANISH}&p={PLAN}")
    message = page.locator(".pic-noscript")
    assert message.is_visible()
    assert message.locator("a[href$='/directory/']").count() == 1
    assert page.locator("#pic-compare").is_hidden()
    context.close()


def longest_facts(built_site, n: int) -> list[str]:
    """The n programmes whose pages' Facts lists hold the most text."""
    def length(path):
        html = path.read_text(encoding="utf-8")
        facts = re.search(r'class="facts".*?</dl>', html, re.S)
        return len(re.sub(r"<[^>]+>", "", facts.group(0))) if facts else 0
    pages = sorted((built_site / "programmes").glob("*/index.html"), key=lambda p: (-length(p), p.parent.name))
    return [p.parent.name for p in pages[:n]]


def test_a_comparison_of_four_prints_on_one_landscape_page(page, site_url, built_site):
    ids = longest_facts(built_site, 4)  # the longest comparison the data can make
    page.goto(f"{site_url}/compare/?" + "&".join(f"p={i}" for i in ids))
    compare_ready(page)
    assert len(compared_names(page)) == 4
    page.emulate_media(media="print")
    assert page.locator(".pic-compare-table").is_visible()
    assert page.locator(".md-header").is_hidden()
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    text = reader.pages[0].extract_text()
    for i in ids:
        assert name(i).split()[0] in text
