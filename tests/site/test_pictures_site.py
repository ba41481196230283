"""The pictures in the built site: the Coverage, Timeline and Compare pages
and the timelines on record pages hold only what their templates write
(htmlcheck knows their SVG and HTML, tag by tag), names from the data reach
an SVG only as text, the words for the scripts stay inside their JSON block,
and every link of a picture finds its page.
"""
from __future__ import annotations

import html
import json
import re
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest

from directory.exports import public_view
from directory.render import pictures
from directory.validate import validate
from htmlcheck import Page, site_problems
from support import FIXTURES, ROOT

pytestmark = pytest.mark.site

HOSTILE = FIXTURES / "hostile"
MATERIAL = __import__("pathlib").Path(__import__("material").__file__).parent / "templates"
ASSETS = [ROOT / "docs", MATERIAL]


class Svg(Page):
    """The text of every <text> and <title> inside the page's <svg> elements."""

    def __init__(self, text: str):
        self.svg_depth = 0
        self.stack: list[str] = []
        self.texts: list[tuple[str, str]] = []  # (tag, text)
        super().__init__(text)

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        if tag == "svg":
            self.svg_depth += 1
        if self.svg_depth and tag in ("text", "title", "desc"):
            self.stack.append(tag)
            self.texts.append((tag, ""))

    def handle_endtag(self, tag):
        if tag == "svg":
            self.svg_depth -= 1
        if self.stack and tag == self.stack[-1]:
            self.stack.pop()

    def handle_data(self, data):
        super().handle_data(data)
        if self.stack:
            tag, text = self.texts[-1]
            self.texts[-1] = (tag, text + data)


def svg_texts(site, path, tag):
    return [text for t, text in Svg((site / path / "index.html").read_text("utf-8")).texts if t == tag]


@pytest.mark.parametrize("path, tag, name", [
    ("timeline", "title", "<script>alert('name')</script> [klik](javascript:alert(1)) *vet* {: onclick=alert(1) }"),
    ("timeline", "title", "Part </title><script>alert('part')</script>"),
    ("timeline", "title", "Other part \" onmouseover=\"alert('attribute')\" x=\""),
    ("timeline", "text", "<marquee>pool</marquee>"),
    ("programmes/title-break-out", "title", "Part </title><script>alert('part')</script>"),
    ("programmes/title-break-out", "title", "Timeline: Plan </title><script>alert('title-nl')</script><title>"),
    ("coverage", "title", "Theme </title><script>alert('theme')</script><title>"),
    ("coverage", "title", "Belgium </title><script>alert('country')</script>"),
])
def test_names_reach_a_drawing_as_text(hostile_site, path, tag, name):
    texts = svg_texts(hostile_site, path, tag)
    assert name in texts, texts
    # and a shortened label (on lines of their own: spaces aside) begins with the name, as text
    if tag == "title" and not name.startswith("Timeline"):
        def bare(text):
            return re.sub(r"\s", "", text)
        labels = [t for t in svg_texts(hostile_site, path, "text") if t.endswith("…")]
        assert any(bare(name).startswith(bare(label[:-1])) for label in labels), labels


def test_the_timeline_lists_a_date_without_a_year_as_text(hostile_site):
    page = Page((hostile_site / "timeline" / "index.html").read_text("utf-8"))
    assert "Milestone, 1 May (year not stated): Day </text><script>alert('undated')</script>" in page.text
    assert "Law in force: 1 January 2015 ( Law </desc></svg><script>alert('law')</script> )" in page.text


def test_the_words_for_the_scripts_stay_in_their_json_block(built_site):
    """No '<' reaches a words block, whatever a text holds: it cannot end its <script>."""
    words = pictures.words_json({"a": "</script><script>alert(1)</script>", "b": "<!-- x -->", "c": "&amp;"})
    assert "<" not in words and ">" not in words and "&" not in words
    assert json.loads(words) == {"a": "</script><script>alert(1)</script>", "b": "<!-- x -->", "c": "&amp;"}
    for path, ids in (("coverage", ["pic-coverage-words"]), ("compare", ["pic-compare-page-words"]),
                      ("directory", ["pic-compare-words"]),
                      ("programmes/sos-simba-familiezorg", ["pic-compare-words"])):
        text = (built_site / path / "index.html").read_text("utf-8")
        for block_id in ids:
            block = re.search(rf'<script type="application/json" id="{block_id}">(.*?)</script>', text, re.S)
            assert block, (path, block_id)
            assert json.loads(block.group(1))  # whole JSON: nothing was cut off


def test_every_cell_links_to_the_directory_with_its_filters(built_site):
    page = Page((built_site / "coverage" / "index.html").read_text("utf-8"))
    links = [href for href in page.links() if href.startswith("../directory/?")]
    assert len(links) > 40
    for href in links:
        query = parse_qs(urlsplit(href).query)
        assert set(query) <= {"theme", "age", "country"} and "theme" in query, href
        # in the order url-state.js writes (one list, one URL)
        names = [pair.split("=")[0] for pair in urlsplit(href).query.split("&")]
        assert names == sorted(names, key=pictures.FACET_ORDER.index), href


PLANTS = {  # what a drawing must never hold: each one is seen
    "script in a drawing": ('<svg xmlns="http://www.w3.org/2000/svg" class="pic-svg pic-matrix-svg"',
                            '<svg xmlns="http://www.w3.org/2000/svg" class="pic-svg pic-matrix-svg"><script>alert(1)</script'),
    "foreignObject": ("<desc id=", "<foreignObject><div>x</div></foreignObject><desc id="),
    "event handler on a shape": ('<rect x=', '<rect onclick="alert(1)" x='),
    "link inside a drawing": ("<desc id=", '<a href="https://evil.example/"><text>x</text></a><desc id='),
    "image from another host": ("<desc id=", '<image href="https://tracker.example/p.png"/><desc id='),
    "use of another document": ("<desc id=", '<use href="https://evil.example/s.svg#x"/><desc id='),
    "style on a shape": ('<rect x=', '<rect style="fill:url(https://evil.example/x)" x='),
    "fill with a reference": ('<rect x=', '<rect fill="url(https://evil.example/x#a)" x='),
    "animation": ("<desc id=", '<set attributeName="href" to="javascript:alert(1)"/><desc id='),
    "words block break-out": ('<script type="application/json" id="pic-coverage-words">{',
                              '<script type="application/json" id="pic-coverage-words">{"x":"</script><script>alert(1)</script>",'),
}


@pytest.mark.parametrize("plant", PLANTS, ids=PLANTS)
def test_the_check_sees_what_a_drawing_must_never_hold(hostile_site, reference_scripts, tmp_path, plant):
    site = tmp_path / "site"
    shutil.copytree(hostile_site, site)
    target = site / "coverage" / "index.html"
    old, new = PLANTS[plant]
    text = target.read_text("utf-8")
    assert old in text, old
    target.write_text(text.replace(old, new, 1), "utf-8")
    view = public_view(validate(HOSTILE).context)
    problems = site_problems(site, link_hosts={"example.org"}, scripts=reference_scripts, assets=ASSETS,
                             public_data=view)
    assert problems and all(p.startswith("coverage/") for p in problems), problems


def test_the_pictures_pages_are_in_the_navigation(built_site):
    nav = Page((built_site / "index.html").read_text("utf-8"))
    for path in ("coverage/", "timeline/", "compare/"):
        assert any(href.rstrip("/").endswith(path.rstrip("/")) for href in nav.links()), path


def test_a_country_with_many_rows_is_drawn_by_organisation(tmp_path):
    """Past MAX_ROWS a country's timeline has one bar an organisation, each
    linking to the organisation page's own timeline (#timeline)."""
    from directory import site as directory_site
    from directory.pictures import timeline as tl
    from directory.render import Options

    folder = tmp_path / "data"
    shutil.copytree(FIXTURES / "golden", folder)
    extra = "".join(
        f"\n  - id: extra-{k}\n    kind: programme\n    original_language: en\n"
        f"    name: {{en: Extra {k}}}\n    summary: {{en: An extra programme.}}\n    countries: [DK]\n"
        f"    organisations: [{{id: {'org-dk' if k % 3 else 'org-nl'}, role: lead}}]\n"
        f"    period: {{start: \"{2000 + k % 20}\"}}\n"
        f"    sources: [{{source: doc-b}}]\n    last_reviewed: \"2026-11-23\"\n"
        for k in range(tl.MAX_ROWS + 1))
    path = folder / "programmes.yaml"
    path.write_text(path.read_text("utf-8") + extra, "utf-8")
    built = directory_site.build(folder, Options())
    assert built.ok, [p.format() for p in built.problems]
    page = built.files["timeline.md"]
    section = page.split("## Denmark", 1)[1].split("\n## ", 1)[0]
    assert "too many to draw one by one" in section
    assert '<a href="../organisations/org-dk/#timeline">' in section
    assert '<a href="../organisations/org-nl/#timeline">' in section
    assert "extra-1" not in section  # no programme bar: organisations only
    org = built.files["organisations/org-dk.md"]
    assert "{ #timeline }" in org and html.escape("Extra 1") in org
