"""Escaping: nothing from the data reaches a page as markup."""
import re

import markdown
import pytest

from support import FIXTURES
from htmlcheck import Page, injected_markup
from directory import model
from directory.render import render_pages
from directory.render.markdown import escape_md, markdown_text
from directory.render.script_words import words_script
from directory.validate import validate

# the Markdown extensions of mkdocs.yml
EXTENSIONS = ["toc", "tables", "def_list", "admonition", "attr_list", "md_in_html", "sane_lists"]


def to_html(md_text: str) -> str:
    return markdown.markdown(md_text, extensions=EXTENSIONS)


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "*em* _em_ `code` # h | t |",
    "{: onclick=alert(1) }",
    "line one\n\n# heading\n- item",
    "&lt;b&gt; & <b>",
    "a\\b",
])
def test_plain_text_shows_as_itself(text):
    html = to_html(escape_md(text))
    assert injected_markup(html) == []
    assert [tag for tag, _ in Page(html).tags] == ["p"]  # one paragraph: no link, emphasis, heading, list
    # the visible text is the original, whitespace folded
    visible = re.sub(r"<[^>]+>", "", html)
    import html as h
    assert h.unescape(visible) == " ".join(text.split())


def test_markdown_description_keeps_formatting_but_not_html_or_unsafe_links():
    text = ("**Vet** en [veilig](https://example.org) maar niet [dit](javascript:alert(1)) of\n\n"
            "<script>alert(1)</script>\n\n[ref]: javascript:alert(2)\n\nParagraaf {: onclick=alert(3) }\n\n- punt")
    html = to_html(markdown_text(text))
    assert "<strong>Vet</strong>" in html
    assert '<a href="https://example.org">veilig</a>' in html
    assert "javascript:" not in html
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "onclick=" not in html.replace("{: onclick=alert(3) }", "")
    assert "<li>punt</li>" in html


def _hostile_pages():
    result = validate(FIXTURES / "hostile")
    assert result.ok, [p.format() for p in result.problems]
    return render_pages(model.build(result.context))


# the tags the pictures' templates write (templates/pictures/), each in the one form they write it
TEMPLATE_TAGS = {
    "script": lambda a: (a.get("type") == "module" and re.fullmatch(r"(\.\./)*assets/directory/[a-z-]+\.js", a.get("src", ""))
                         or a.get("type") == "application/json" and re.fullmatch(r"pic-[a-z-]+-words", a.get("id", ""))),
    "svg": lambda a: a.get("class") in ("pic-svg pic-matrix-svg", "pic-svg pic-timeline-svg", "pic-key"),
    "form": lambda a: a.get("class") == "pic-filters",
}


def test_hostile_fixture_renders_no_markup():
    # the directory page's one script: its words for filter.js, the catalogue's, no data in it
    words = str(words_script("dir-words", "en", "page"))
    for path, page in _hostile_pages().items():
        if path == "directory.md":
            assert page.count(words) == 1
            page = page.replace(words, "")
        html = to_html(page)
        # the one JSON-LD block a page may have, in which no < can stand (tests/site/test_jsonld.py)
        html, blocks = re.subn(r'<script type="application/ld\+json">[^<]*</script>', "", html)
        assert blocks <= 1, path
        assert injected_markup(html, allowed_tags=set(TEMPLATE_TAGS)) == [], path
        for tag, attrs in Page(html).tags:
            assert tag not in TEMPLATE_TAGS or TEMPLATE_TAGS[tag](attrs), (path, tag, attrs)
        assert Page(html).comments == [], path


def test_hostile_text_is_visible_as_text():
    page = Page(to_html(_hostile_pages()["programmes/hostile.md"]))
    assert "<script>alert('name')</script> [klik](javascript:alert(1)) *vet* {: onclick=alert(1) }" in page.text
    assert "<img src=x onerror=alert('en-name')>" in page.text
    assert "<!-- comment --> <object data=x>" in page.text


def test_page_resources_include_every_fetched_link():
    page = Page('<link rel="stylesheet" href="https://cdn.example/a.css"><link rel="icon" href="//x.example/i.png">'
                '<link rel="canonical" href="https://site.example/"><script src="/s.js"></script>')
    assert page.resources() == ["https://cdn.example/a.css", "//x.example/i.png", "/s.js"]
