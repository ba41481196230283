"""Descriptions: one renderer and sanitiser makes the page's HTML and the check's findings.

Safety is decided on the HTML that Markdown produced, so links hidden where a
pattern on the Markdown text would not look (reference definitions in a list
item, an indented continuation, an admonition, a definition list, with an
empty label) are caught as surely as plain ones, and the check reports the
line of the text they are on (the markdown-safety rule:
rules/test_markdown_safety.py).
"""
from __future__ import annotations

import re

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from directory import description
from directory.description import TAGS, URL_SCHEMES, might_have_findings, render
from htmlcheck import Page
from support import dedent

# the Markdown extensions of mkdocs.yml, which read the generated pages
SITE_EXTENSIONS = ["toc", "tables", "def_list", "admonition", "attr_list", "md_in_html", "sane_lists"]

# reference definitions with an unsafe destination, where Python-Markdown finds them
HIDDEN_REFERENCES = {
    "list item": "- Zie [hier][x] voor meer.\n\n    [x]: javascript:alert(1)\n",
    "list item, no blank line": "- Zie [hier][x] voor meer.\n  [x]: javascript:alert(1)\n",
    "indented continuation": "Een alinea\nmet [hier][x] erin.\n   [x]: javascript:alert(1)\n",
    "admonition": '!!! note "Let op"\n    Zie [hier][x].\n\n    [x]: javascript:alert(1)\n',
    "definition list": "Term\n:   Zie [hier][x].\n\n    [x]: javascript:alert(1)\n",
    "empty label": "Zie [hier][].\n\n[hier]: javascript:alert(1)\n",
    "shortcut label": "Zie [hier].\n\n[HIER]: javascript:alert(1)\n",
    "data URL": "Zie [hier][x].\n\n[x]: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\n",
    "angle brackets": "Zie [hier][x].\n\n[x]: <javascript:alert(1)>\n",
    "upper case scheme": "Zie [hier](JaVaScRiPt:alert(1)).\n",
    "entity in scheme": "Zie [hier](&#106;avascript:alert(1)).\n",
    "vbscript": "Zie [hier](vbscript:msgbox(1)).\n",
}


def hrefs(html: str) -> list[str]:
    return [a.get("href") for tag, a in Page(html).tags if tag == "a" and a.get("href") is not None]


@pytest.mark.parametrize("text", HIDDEN_REFERENCES.values(), ids=HIDDEN_REFERENCES.keys())
def test_hidden_unsafe_links_are_dropped_and_found(text):
    out = render(text)
    assert hrefs(out.html) == []
    assert "hier" in Page(out.html).text
    assert [f.kind for f in out.findings] == ["link"]


def test_safe_links_are_kept():
    out = render("[web](https://example.org/a?b=1&c=2 \"Titel\"), [mail](mailto:info@example.org), "
                 "[bel](tel:+3290000000), <https://example.org/auto> en <info@example.org>\n\n"
                 "- [ref][r]\n\n    [r]: http://example.org/ref\n")
    assert out.findings == ()
    assert hrefs(out.html) == ["https://example.org/a?b=1&c=2", "mailto:info@example.org", "tel:+3290000000",
                               "https://example.org/auto", "mailto:info@example.org", "http://example.org/ref"]
    assert '<a href="https://example.org/a?b=1&amp;c=2" title="Titel">web</a>' in out.html


@pytest.mark.parametrize("target, problem", [
    ("/programmes/x/", "is not a complete address (on the site it would be a broken link)"),
    ("#facts", "is not a complete address (on the site it would be a broken link)"),
    ("//evil.example/x", "is not a complete address (on the site it would be a broken link)"),
    ("www.example.org", "is not a complete address (on the site it would be a broken link)"),
    ("ftp://example.org/f", "uses 'ftp:', which is not allowed"),
    ("file:///etc/passwd", "uses 'file:', which is not allowed"),
    ("https://intranet/x", "has no valid host name (such as www.example.org)"),
    ("mailto:nobody", "is not an e-mail address (such as mailto:name@example.org)"),
    ("tel:call-me", "is not a phone number (such as tel:+3290000000)"),
])
def test_relative_and_other_links_are_dropped_with_the_reason(target, problem):
    out = render(f"Zie [hier]({target}).")
    assert hrefs(out.html) == []
    assert [f.message for f in out.findings] == [
        f"link '{target}' {problem}; links in descriptions must be absolute https://, http://, mailto: or "
        "tel: addresses"]


def test_images_are_never_loaded():
    out = render("Logo: ![logo](https://tracker.example/pixel.png?reader=1)\n\n"
                 "[![foto](https://cdn.example/a.jpg)](https://example.org) ![](data:image/png;base64,AAAA)")
    assert "<img" not in out.html and [t for t, _ in Page(out.html).tags if t == "img"] == []
    assert Page(out.html).resources() == []
    # a link to the picture instead (or, inside a link, its text): a reader may follow it, nothing loads
    assert hrefs(out.html) == ["https://tracker.example/pixel.png?reader=1", "https://example.org"]
    assert [f.kind for f in out.findings] == ["image", "image", "image"]
    assert out.findings[0].message == (
        "images are not shown on the site, which loads nothing from other hosts (found an image of "
        "'https://tracker.example/pixel.png?reader=1'); write a link instead, such as "
        "[logo](https://tracker.example/pixel.png?reader=1)")


def test_html_is_text_and_found():
    out = render("Een <b>vet</b> woord, <script>alert(1)</script>, <!-- commentaar -->, `<i>code</i>` en "
                 "<img src=x onerror=alert(1)>.")
    page = Page(out.html)
    assert [t for t, _ in page.tags] == ["p", "code"]
    assert "<script>alert(1)</script>" in page.text and "<img src=x onerror=alert(1)>" in page.text
    assert [f.found for f in out.findings] == ["<b>", "</b>", "<script>", "</script>", "<!-- commentaar -->",
                                               "<img src=x onerror=alert(1)>"]  # not the code span


def test_page_headings_become_level_three():
    out = render("# Een\n\nTwee\n---\n\n### Drie\n\n#### Vier")
    assert [t for t, _ in Page(out.html).tags] == ["h3", "h3", "h3", "h4"]
    assert [(f.kind, f.found) for f in out.findings] == [("heading", "Een"), ("heading", "Twee")]


def test_the_markdown_subset_passes_the_sanitiser_untouched():
    text = dedent("""
        Een **vette** en *schuine* tekst met `code`,
        een regel  
        en een [link](https://example.org).

        ### Kop

        #### Kop 4

        ##### Kop 5

        ###### Kop 6

        > Een citaat.

        1. een
        2. twee

        3. drie

        - punt

        ---

            code blok

            na een lege regel

        | Links | Rechts | Midden |
        |:------|-------:|:------:|
        | a     | b      | c      |

        Term
        :   Uitleg.

        !!! warning "Pas op"
            In een kader.

        !!! tip
            Zonder titel.
        """)
    out = render(text)
    assert out.findings == ()
    assert {t for t, _ in Page(out.html).tags} == TAGS - {"span"}
    assert '<ol start="3">' not in out.html  # sane lists: one list


def test_the_html_is_one_block_that_markdown_passes_through():
    """The page holds a description as a raw HTML block: Python-Markdown, with
    the site's extensions, must give it back as it is (not parse it again)."""
    text = dedent("""
        Alinea met <b>tags</b> en *nadruk* en [link](https://example.org).

            code met *sterren* en [link](javascript:x)

            en een lege regel, en </div> en <script>x</script>

        - lijst {: onclick=alert(1) }

        [x]: javascript:alert(1)
        """)
    html = render(text).html
    assert "\n\n" not in html and not re.search(r"\n[ \t]*\n", html)
    page = f'# Titel\n\n<div lang="nl">\n{html}\n</div>\n\n## Daarna\n'
    out = markdown.markdown(page, extensions=SITE_EXTENSIONS)
    assert f'<div lang="nl">\n{html}\n</div>' in out
    assert "<script" not in out and "onclick=" not in out.replace("{: onclick=alert(1) }", "")


@pytest.mark.parametrize("scheme", sorted(URL_SCHEMES))
def test_only_the_allowed_schemes(scheme):
    target = {"https": "https://example.org", "http": "http://example.org", "mailto": "mailto:a@example.org",
              "tel": "tel:+3290000000"}[scheme]
    assert hrefs(render(f"[x]({target})").html) == [target]


MARKDOWN_CHARS = st.lists(st.sampled_from(list("ab 1.\n\t*_`[]()<>!#=-:|>&\\/\"'{}") +
                                          ["http://", "https://x.org", "javascript:", "!!! ", "    ", "tel:",
                                           "mailto:", "@", "\n\n", "note", "foo", "x.org"]),
                         max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(MARKDOWN_CHARS)
def test_the_check_skips_only_texts_without_findings(text):
    if not might_have_findings(text):
        assert render(text).findings == ()


@settings(max_examples=400, deadline=None)
@given(MARKDOWN_CHARS)
def test_nothing_unsafe_survives(text):
    page = Page(render(text).html)
    for tag, attrs in page.tags:
        assert tag in TAGS
        for name, value in attrs.items():
            assert not name.startswith("on")
            if name == "href":
                assert value.split(":", 1)[0].lower() in URL_SCHEMES


# -- rendered once for every language's process (render_ahead) --------------------

def _texts(n: int) -> list[str]:
    kinds = ["**Vet** en [veilig](https://example.org/{i})", "<b>{i}</b> is text", "# Kop {i}\n\n- punt",
             "![beeld](https://example.org/{i}.png)", "| a | b |\n|---|---|\n| {i} | x |", "Gewoon {i}."]
    return [kinds[i % len(kinds)].format(i=i) for i in range(n)]


@pytest.mark.parametrize("processes", [1, 2])
def test_texts_rendered_ahead_are_what_render_makes_of_them(processes):
    texts = _texts(description.AHEAD_ALONE + 100)  # past the point where workers take them
    expected = [description._render.__wrapped__(t) for t in texts]
    try:
        assert description.render_ahead(texts + texts[:50], processes) == len(texts)  # each once
        assert [description.render(t) for t in texts] == expected  # the html and the findings alike
        assert all(description.render(t) is description._AHEAD[t] for t in texts)  # kept, not rendered again
    finally:
        description.render_ahead([])
    assert description._AHEAD == {}
    assert description.render(texts[0]) == expected[0]  # without them, render renders


def test_a_second_call_keeps_only_its_own_texts():
    try:
        description.render_ahead(["first"])
        description.render_ahead(["second"])
        assert list(description._AHEAD) == ["second"]
    finally:
        description.render_ahead([])
