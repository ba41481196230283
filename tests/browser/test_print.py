"""Printing a programme page gives a programme card: no header, navigation,
search, footer, edit link or buttons; the name, facts, description, contacts
and sources; the page's address and the date printed; at most two A4 pages,
even for the longest programme page."""
from __future__ import annotations

import datetime
import io
import re

import pypdf
import pytest

from support import real_directory

pytestmark = pytest.mark.browser

CARD = "socialstyrelsen-taet-stoettede-opstartsforloeb"   # facts, a contact, a source, a part


directory = real_directory


def page_count(pdf: bytes) -> int:
    """The pages of a PDF: its /Type /Page objects (not /Pages), checked
    against the page tree's /Count."""
    assert pdf.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)
              + re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf)]
    assert pages > 0
    if counts:
        assert max(counts) == pages, (counts, pages)
    return pages


def pdf(page) -> bytes:
    page.emulate_media(media="print")
    return page.pdf(format="A4", print_background=True)


def shown(page, selector) -> bool:
    """Whether any element the selector finds is displayed (print media)."""
    return page.evaluate(
        """s => [...document.querySelectorAll(s)].some(e => {
            for (let n = e; n; n = n.parentElement) {
                if (getComputedStyle(n).display === 'none') return false;
            }
            return e.getClientRects().length > 0;
        })""", selector)


def longest_programme(built_site) -> str:
    """The programme whose page has the most text."""
    def length(path):
        html = path.read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        return len(re.sub(r"<[^>]+>", "", article))
    pages = [p for p in (built_site / "programmes").glob("*/index.html")]
    return max(pages, key=length).parent.name


def test_a_programme_prints_as_a_card(page, site_url):
    p = directory().programmes[CARD]
    page.goto(f"{site_url}/programmes/{CARD}/")
    assert page.get_by_role("link", name="Edit this record").is_visible()  # on screen
    page.emulate_media(media="print")

    for furniture in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary",
                      ".md-footer", "#dir-hsearch-q", ".dir-hsearch", ".md-skip", ".md-top",
                      ".record-footer", ".headerlink", "button", "nav"):
        assert not shown(page, furniture), f"{furniture} is printed"
    assert not shown(page, "a[href$='programmes.yaml']")  # "Edit this record"

    article = page.locator("article")
    text = article.inner_text()
    assert page.locator("article h1").is_visible()
    assert p.name.by_lang[p.name.original] in text
    assert page.locator(".facts").is_visible()
    assert page.locator(".facts dt").first.is_visible()
    assert "Organisations" in page.locator(".facts").inner_text() or page.locator(".facts dd").count() > 2
    for heading in ("Description", "Contacts", "Sources"):
        assert article.get_by_role("heading", name=heading, exact=True).is_visible(), heading
    source = p.sources[0].source
    assert source.title in text
    assert p.contacts, f"{CARD} should have a contact to print"
    assert p.contacts[0].name in text

    # the address and the date printed close the card
    origin = page.locator(".print-origin")
    assert origin.is_visible()
    line = origin.inner_text()
    assert page.url in line
    assert datetime.date.today().isoformat() in line
    assert f"Last reviewed {p.last_reviewed}" in line

    # ... and on screen the line is hidden
    page.emulate_media(media="screen")
    assert origin.is_hidden()
    assert page.locator(".md-header").is_visible()

    printed = pdf(page)
    assert page_count(printed) <= 2
    # the PDF itself holds the card: name, facts, sources, address
    reader = pypdf.PdfReader(io.BytesIO(printed))
    assert len(reader.pages) == page_count(printed)
    words = " ".join(" ".join((pg.extract_text() or "").split()) for pg in reader.pages)
    for expected in (" ".join(p.name.by_lang[p.name.original].split()), "Facts", "Kind",
                     "Sources", " ".join(source.title.split()), page.url):
        assert expected in words, f"{expected!r} is not in the printed PDF"
    assert "Edit this record" not in words and "Skip to content" not in words


def test_the_longest_programme_page_fits_on_two_pages(page, site_url, built_site):
    longest = longest_programme(built_site)
    page.goto(f"{site_url}/programmes/{longest}/")
    pages = page_count(pdf(page))
    assert pages <= 2, f"{longest} prints on {pages} pages"


def test_a_pdf_is_counted_page_by_page(page, site_url):
    # the counter itself: the long field reference takes many sheets
    page.goto(f"{site_url}/fields/")
    assert page_count(pdf(page)) > 5
