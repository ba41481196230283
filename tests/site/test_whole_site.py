"""Every file of the built site, parsed: nothing from the data runs, loads or leaks.

The hostile fixture (tests/fixtures/hostile) passes ``make check`` and builds;
its names, titles, labels and descriptions try to end the page's <title>,
leave an attribute, run a script or link where they should not, and its
contacts file holds a confidential contact that was commented out instead of
deleted. Every HTML, JSON, YAML, XML and search index file of its site (and
of the real data's) is parsed, and anything a browser would act on that did
not come from the site's own templates and assets fails the test
(htmlcheck.site_problems). The last tests plant one example of each class
in a copy of the hostile fixture's site, to show that the check sees it.
"""
from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from directory.exports import public_view
from directory.validate import validate
from htmlcheck import Page, foreign_markup, site_problems, url_hosts
from support import DATA, FIXTURES, ROOT, run_mkdocs

pytestmark = pytest.mark.site

HOSTILE = FIXTURES / "hostile"
MATERIAL = Path(__import__("material").__file__).parent / "templates"
ASSETS = [ROOT / "docs", MATERIAL]

# the commented-out confidential contact of tests/fixtures/hostile/contacts.yaml: its name
# whole (each word alone is a Dutch word the Dutch pages may use: "vertrouwelijk", confidential)
CONFIDENTIAL = ["hostile-confidential", "Verborgen Vertrouwelijk", "verborgen.vertrouwelijk", "geheim.example",
                "111 22 33", "1112233"]


def test_the_hostile_fixture_passes_the_check():
    result = validate(HOSTILE)
    assert [p.format() for p in result.problems] == []


def test_hostile_site_holds_only_what_the_templates_write(hostile_site, reference_scripts):
    view = public_view(validate(HOSTILE).context)
    assert url_hosts(view) == {"example.org"}
    problems = site_problems(hostile_site, link_hosts={"example.org"}, scripts=reference_scripts,
                             assets=ASSETS, forbidden=CONFIDENTIAL, public_data=view)
    assert problems == []


def test_real_site_holds_only_what_the_templates_write(built_site, reference_scripts):
    view = public_view(validate(DATA).context)
    problems = site_problems(built_site, link_hosts=url_hosts(view), scripts=reference_scripts,
                             assets=ASSETS, public_data=view)
    assert problems == []


def texts(html: str, pattern: str) -> list[str]:
    return [" ".join(Page(m).text.split()) for m in re.findall(pattern, html, re.S)]


@pytest.mark.parametrize("path, name", [
    ("programmes/title-break-out", "Plan </title><script>alert('title-nl')</script><title>"),
    ("programmes/title-break-out-part", "Part </title><script>alert('part')</script>"),
    ("programmes/title-break-out-other-part", "Other part \" onmouseover=\"alert('attribute')\" x=\""),
    ("organisations/hostile-org-title", "Organisatie </title><script>alert('org-title')</script><title>"),
    ("contacts/hostile-contact-title", "Contact </title><script>alert('contact-title')</script><title>"),
])
def test_names_are_text_in_the_title_and_the_header(hostile_site, path, name):
    html = (hostile_site / path / "index.html").read_text("utf-8")
    head = html.split("</head>", 1)[0]  # the drawings' <title>s in the body are theirs (below)
    assert texts(head, r"<title>(.*?)</title>") == [f"{name} - Programme directory for child and family welfare"]
    topic = r'<div class="md-header__topic" data-md-component="header-topic">(.*?)</div>'
    assert texts(html, topic) == [name]


def test_names_are_text_in_the_drawings(hostile_site):
    """The pictures' SVG (timeline, small timelines, coverage) hold names and
    labels as text: in <title>, <desc> and <text>, escaped, never markup."""
    name = "<script>alert('name')</script> [klik](javascript:alert(1)) *vet* {: onclick=alert(1) }"
    country = "Belgium </title><script>alert('country')</script>"
    for path, shown in [("timeline", [name, f"Timeline: {country}"]),
                        ("programmes/title-break-out", ["Timeline: Plan </title><script>alert('title-nl')</script><title>",
                                                        "Part </title><script>alert('part')</script>"]),
                        ("coverage", [])]:
        html = (hostile_site / path / "index.html").read_text("utf-8")
        drawings = re.findall(r'<svg xmlns="http://www.w3.org/2000/svg" class="pic-svg.*?</svg>', html, re.S)
        assert drawings, path
        page = Page("".join(drawings))
        assert {t for t, _ in page.tags} <= {"svg", "title", "desc", "text", "tspan", "g", "rect", "line",
                                              "polygon", "circle"}, path
        assert not any(k.startswith("on") or k in ("href", "xlink:href", "style", "src")
                       for _, attrs in page.tags for k in attrs), path
        titles = texts("".join(drawings), r"<title[^>]*>(.*?)</title>")
        for text in shown:
            assert text in titles, (path, text)


def test_headings_are_text_in_the_table_of_contents(hostile_site):
    def toc(path):
        html = (hostile_site / path / "index.html").read_text("utf-8")
        nav = html.split('<nav class="md-nav md-nav--secondary"', 1)[1].split("</nav>\n</div>", 1)[0]
        return Page(nav)

    page = toc("sources")
    assert "Bron </title><script>alert('source-title')</script><title>" in page.text
    page = toc("browse/countries")
    labels = [a["aria-label"] for t, a in page.tags if t == "nav" and "aria-label" in a]
    assert "Belgium </title><script>alert('country')</script> (2)" in labels
    assert "Pillars </title><script>alert('plural')</script> (2)" in toc("programmes/title-break-out").text
    assert ("Alongside this one in Plan </title><script>alert('title-nl')</script><title>"
            in toc("programmes/title-break-out-part").text)


def test_description_shows_its_markdown_and_the_rest_as_text(hostile_site):
    html = (hostile_site / "programmes" / "title-break-out" / "index.html").read_text("utf-8")
    block = html.split('<h2 id="description">', 1)[1].split('<h2 id="parts">', 1)[0]
    page = Page(block)
    assert [a["href"] for t, a in page.tags if t == "a" and "href" in a and not a["href"].startswith("#")] == [
        "https://example.org/plan", "https://example.org/ref", "https://example.org/auto",
        "https://example.org/ref", "mailto:info@example.org", "tel:+3290000000"]
    for shown in ("Kop </title><script>alert('heading')</script>", "<script>alert('code')</script>",
                  "Let op </div><script>alert('admonition')</script>", "</td><script>alert('table')</script>"):
        assert shown in page.text
    assert {t for t, _ in page.tags} >= {"h3", "code", "ul", "div", "dl", "table"}


def test_published_data_is_the_public_view_without_internal_fields(hostile_site):
    view = public_view(validate(HOSTILE).context)
    contacts = yaml.safe_load((hostile_site / "data" / "contacts.yaml").read_text("utf-8"))["contacts"]
    assert [c["id"] for c in contacts] == ["hostile-contact", "hostile-contact-title"]
    assert all("confidential" not in c for c in contacts)  # hostile-contact-title says false
    assert "confidential: false" in (HOSTILE / "contacts.yaml").read_text("utf-8")
    export = json.loads((hostile_site / "data" / "directory.json").read_text("utf-8"))
    assert export["contacts"] == contacts == view["contacts"]
    for name in ("programmes", "organisations", "contacts", "sources", "vocabularies"):
        text = (hostile_site / "data" / f"{name}.yaml").read_text("utf-8")
        assert text.startswith("# yaml-language-server: $schema=../schema/editor.schema.json\n")
        assert yaml.safe_load(text) == {name: view[name]}


# -- the check sees each class -------------------------------------------------------

PLANTS = {
    "title break-out": ("programmes/hostile/index.html", "<title>", "<title>x</title><script>alert(1)</script><title>"),
    "event handler": ("index.html", '<div class="md-content"', '<div onmouseover="alert(1)" class="md-content"'),
    "attribute break-out": ("index.html", '<a href="#', '<a x="" onfocus="alert(1)" href="#'),
    "image from another host": ("index.html", "</article>", '<img src="https://tracker.example/p.png"></article>'),
    "relative image": ("index.html", "</article>", '<img src="assets/images/favicon.png"></article>'),
    "javascript link": ("index.html", "</article>", '<a href="javascript:alert(1)">x</a></article>'),
    "data link": ("index.html", "</article>", '<a href=" data:text/html,x">x</a></article>'),
    "link to an unknown host": ("index.html", "</article>", '<a href="https://evil.example/">x</a></article>'),
    "stylesheet from another host": ("index.html", "</head>", '<link rel="stylesheet" href="https://cdn.example/a.css"></head>'),
    "inline script": ("index.html", "</body>", "<script>alert(1)</script></body>"),
    "style attribute": ("index.html", "<article ", '<article style="display:none" '),
    "meta refresh": ("index.html", "</head>", '<meta http-equiv="refresh" content="0;url=https://evil.example/"></head>'),
    "confidential value in the data": ("data/contacts.yaml", "contacts:\n", "contacts:\n# Verborgen Vertrouwelijk\n"),
    "NaN in the export": ("data/directory.json", '"format_version": 1', '"format_version": NaN'),
    "not the public view": ("data/contacts.yaml", "contacts:\n", "contacts:\n- {id: x, confidential: true}\n"),
    "record JSON not the public view": ("contacts/hostile-contact.json", '"record": {', '"record": {"confidential": true, '),
    "record JSON link": ("programmes/title-break-out.json", '"page": "title-break-out/"', '"page": "javascript:alert(1)"'),
    "CSV page link": ("data/programmes.csv", ",../programmes/", ",javascript:alert(1)//../programmes/"),
    "CSV web address": ("data/sources.csv", "\n", "\n,,,,,,,https://evil.example/,,../sources/#x\n"),
    "JSON-LD break-out": ("programmes/title-break-out/index.html", '"identifier":"title-break-out"',
                          '"identifier":"</script><script>alert(1)</script>"'),
    "JSON-LD link": ("programmes/title-break-out/index.html", '"url":"./"', '"url":"https://evil.example/"'),
    "JSON-LD page": ("programmes/title-break-out/index.html", '"url":"./"', '"url":"../no-such-page/"'),
    "feed link": ("feed.xml", 'href="feed.xml"', 'href="https://evil.example/feed.xml"'),
    "feed markup": ("feed.xml", '<summary type="text">', '<summary type="html">'),
    "search index link": ("directory-index/meta/0.json", '[["programmes/', '[["javascript:alert(1)//'),
    "search index word": ("directory-index/text/0.bin", None, None),
    "unknown asset": ("assets/directory/engine.js", "export", "alert(1);export"),
    "script in a drawing": ("timeline/index.html", '<g class="pic-row">', '<g class="pic-row"><script>alert(1)</script>'),
    "image in a drawing": ("timeline/index.html", '<rect class="pic-bar"',
                           '<image href="https://tracker.example/p.png"/><rect class="pic-bar"'),
    "use of another file in a drawing": ("timeline/index.html", '<rect class="pic-bar"',
                                         '<use href="https://evil.example/a.svg#x"/><rect class="pic-bar"'),
    "link in a drawing": ("timeline/index.html", '<rect class="pic-bar"',
                          '<a href="javascript:alert(1)"><rect/></a><rect class="pic-bar"'),
    "style in a drawing": ("timeline/index.html", '<rect class="pic-bar"',
                           '<rect style="fill:url(https://tracker.example/x)" class="pic-bar"'),
    "handler in a drawing": ("coverage/index.html", '<g class="pic-cell', '<g onclick="alert(1)" class="pic-cell'),
    "sitemap": ("sitemap.xml", "</urlset>", "<url><loc>https://evil.example/</loc></url></urlset>"),
}


@pytest.mark.parametrize("plant", PLANTS, ids=PLANTS)
def test_the_check_sees_each_class(hostile_site, reference_scripts, tmp_path, plant):
    site = tmp_path / "site"
    shutil.copytree(hostile_site, site)
    path, old, new = PLANTS[plant]
    target = site / path
    if plant == "search index word":  # a form with markup, in a well-formed shard
        target.write_bytes(b"\x00\x01\x00\x04<b>x\x00")
    else:
        text = target.read_text("utf-8")
        assert old in text, (path, old)
        target.write_text(text.replace(old, new, 1), "utf-8")
    view = public_view(validate(HOSTILE).context)
    problems = site_problems(site, link_hosts={"example.org"}, scripts=reference_scripts, assets=ASSETS,
                             forbidden=CONFIDENTIAL, public_data=view)
    assert problems, plant
    assert all(p.startswith(path.split("/")[0]) for p in problems), problems


def test_the_check_reads_the_compressed_sitemap(hostile_site, reference_scripts, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(hostile_site, site)
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset><url><loc>javascript:x</loc></url></urlset>"))
    problems = site_problems(site, link_hosts={"example.org"}, scripts=reference_scripts, assets=ASSETS)
    assert problems == ["sitemap.xml.gz: a location 'javascript:x' outside the site"]


def test_the_serve_error_banner_shows_messages_as_text(hostile_site, reference_scripts, tmp_path):
    """Under ``make serve`` with bad data every page shows the errors, whose
    messages quote the data: they are escaped for HTML like everything else."""
    import mkdocs_hooks

    message = ("data/programmes.yaml:3:11: error: programmes[0].kind: unknown kind "
               "'</code></pre><script>alert(1)</script>' [vocabulary]")
    page = hostile_site / "about" / "index.html"
    html = mkdocs_hooks.with_errors(page.read_text("utf-8"), mkdocs_hooks.KEPT, [message])
    assert "directory-errors" in html and message in Page(html).text
    copy = tmp_path / "site" / "about" / "index.html"
    shutil.copytree(hostile_site, tmp_path / "site")
    copy.write_text(html, "utf-8")
    assert foreign_markup(tmp_path / "site", copy, {"example.org"}, reference_scripts) == []


def test_refused_descriptions_stop_the_build(tmp_path):
    """What the sanitiser would change is an error: the build names the lines and publishes nothing."""
    folder = tmp_path / "data"
    shutil.copytree(HOSTILE, folder)
    text = (folder / "programmes.yaml").read_text("utf-8")
    old = "      en: |\n        Plain text &lt;/title&gt; with [a phone number](tel:+3290000000).\n"
    assert old in text
    line = text[:text.index(old)].count("\n") + 1  # the line of 'en: |'
    text = text.replace(old, (
        "      en: |\n"
        "        - An item with a [reference][x].\n"
        "\n"
        "            [x]: javascript:alert(1)\n"
        "\n"
        "        ![pixel](https://tracker.example/p.png?reader=1)\n"))
    (folder / "programmes.yaml").write_text(text, "utf-8")
    result = run_mkdocs(folder, tmp_path / "site")
    assert result.returncode == 1
    shown = str(folder / "programmes.yaml")
    assert (f"{shown}:{line + 3}:18: error: programmes[1].description.en: link 'javascript:alert(1)' uses "
            "'javascript:', which is not allowed; links in descriptions must be absolute https://, http://, "
            "mailto: or tel: addresses [markdown-safety]") in result.stderr
    assert (f"{shown}:{line + 5}:18: error: programmes[1].description.en: images are not shown on the site, "
            "which loads nothing from other hosts (found an image of 'https://tracker.example/p.png?reader=1'); "
            "write a link instead, such as [pixel](https://tracker.example/p.png?reader=1) "
            "[markdown-safety]") in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
