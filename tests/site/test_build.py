"""The whole site, built strictly by MkDocs from the real data."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from support import DATA, FIXTURES, ROOT, run_mkdocs
from directory.exports import public_view
from directory.render.i18n import LANGUAGES
from directory.render.script_words import words_script
from directory.validate import validate
from htmlcheck import Page, foreign_markup, injected_markup, url_hosts

pytestmark = pytest.mark.site

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def html_pages(site: Path):
    return sorted(site.rglob("*.html"))


# What the pictures' templates write into an article (templates/pictures/):
# a drawing's or a legend's key's <svg> tag, the coverage filters' <form> tag, the words and the
# module of their scripts. Taken out before looking for injected markup; what
# stands inside a drawing or a form (titles, texts, labels) is still looked at,
# and tests/site/test_whole_site.py checks the blocks against the templates.
PICTURES = re.compile(
    r'<svg (?:xmlns="http://www.w3.org/2000/svg" )?class="pic-(?:svg|key)[^"<>]*"[^<>]*>|</svg>'
    r'|<form class="pic-filters" id="pic-filters" aria-label="[^"<>]*" hidden>|</form>'
    r'|<script type="application/json" id="pic-[a-z-]+">[^<]*</script>'
    r'|<script type="module" src="(?:\.\./)*assets/directory/(?:coverage|compare|compare-tray)\.js"></script>')


def article(html: str) -> str:
    m = ARTICLE.search(html)
    assert m, "no article in page"
    return PICTURES.sub("", m.group(1))


def data_article(html: str) -> str:
    """The article without the directory page's one script, its words for
    filter.js: the template's, from the catalogue, in the page's language
    (directory.render.script_words), so no data in it."""
    text = article(html)
    for lang in LANGUAGES:
        text = text.replace(str(words_script("dir-words", lang, "page")), "")
    return text


def test_every_record_has_its_page(built_site):
    ctx = validate(DATA).context
    expected = {"programme": "programmes", "organisation": "organisations", "contact": "contacts"}
    for rec in ctx.records:
        if rec.type in expected:
            page = built_site / expected[rec.type] / rec.id / "index.html"
            assert page.is_file(), page
    for name in ("index.html", "programmes/index.html", "browse/countries/index.html", "browse/themes/index.html",
                 "browse/kinds/index.html", "organisations/index.html", "contacts/index.html",
                 "sources/index.html", "about/index.html", "404.html"):
        assert (built_site / name).is_file(), name


def test_every_internal_link_resolves(built_site):
    broken = []
    ids_cache: dict[Path, set[str]] = {}
    for page_path in html_pages(built_site):
        page = Page(page_path.read_text(encoding="utf-8"))
        for href in page.links():
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            if not parts.path:
                target = page_path
            elif parts.path.startswith("/"):  # 404.html links from the site root
                target = built_site / unquote(parts.path).lstrip("/")
            else:
                target = (page_path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page_path.relative_to(built_site)}: {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids_cache:
                    ids_cache[target] = Page(target.read_text(encoding="utf-8")).ids
                if unquote(parts.fragment) not in ids_cache[target]:
                    broken.append(f"{page_path.relative_to(built_site)}: {href} (no such anchor)")
    assert broken == []


def test_no_request_to_another_host(built_site):
    for page_path in html_pages(built_site):
        page = Page(page_path.read_text(encoding="utf-8"))
        for url in page.resources():
            assert not urlsplit(url).netloc, f"{page_path}: {url}"
    assert "fonts.googleapis" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_no_markup_from_the_data(built_site, reference_scripts):
    """The whole document, not only the article: the <title>, the header and
    the table of contents hold names and titles from the data too."""
    hosts = url_hosts(public_view(validate(DATA).context))
    for page_path in html_pages(built_site):
        assert foreign_markup(built_site, page_path, hosts, reference_scripts) == [], page_path
        if page_path.name != "404.html":
            assert injected_markup(data_article(page_path.read_text(encoding="utf-8"))) == [], page_path


def test_programme_pages_stay_out_of_the_navigation(built_site):
    html = (built_site / "programmes" / "sos-pleegzorg" / "index.html").read_text(encoding="utf-8")
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "sos-simba-familiezorg" not in nav and "gent-" not in nav


def test_no_material_search_index_is_built(built_site):
    """The directory's own index replaces Material's (15.8 MB at 5,000 pages)."""
    assert not (built_site / "search" / "search_index.json").exists()
    assert (built_site / "directory-index").is_dir()


def test_data_and_schema_are_published(built_site):
    """From the checked records, not copies of the editors' files (whose
    comments may hold what must not be published)."""
    view = public_view(validate(DATA).context)
    for name in ("programmes", "organisations", "contacts", "sources", "vocabularies"):
        text = (built_site / "data" / f"{name}.yaml").read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../schema/editor.schema.json\n")
        assert yaml.safe_load(text) == {name: view[name]}
        assert yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8")).get(name) is not None
    editors = {r["id"] for f in DATA.glob("*.yaml") for k in ("programmes", "organisations", "contacts", "sources")
               for r in yaml.safe_load(f.read_text(encoding="utf-8")).get(k) or []}
    published = {r["id"] for k in ("programmes", "organisations", "contacts", "sources") for r in view[k]}
    assert published == editors
    assert json.loads((built_site / "schema" / "directory.schema.json").read_text())["$schema"].endswith("2020-12/schema")


def test_language_is_marked(built_site):
    html = (built_site / "programmes" / "vordingborg-styrket-indsats-i-hjemmet" / "index.html").read_text("utf-8")
    assert '<html lang="en"' in html
    assert re.search(r'<h1 id="[^"]*" lang="da">Styrket indsats', html)
    assert '<div class="summary" lang="da">' in html


def test_not_stated_instead_of_invented(built_site):
    html = (built_site / "programmes" / "vordingborg-styrket-indsats-i-hjemmet" / "index.html").read_text("utf-8")
    assert "2 February (year not stated)" in html
    text = Page(article(html)).text
    assert "Funding not stated" in text


def test_hostile_data_builds_as_text(hostile_site, reference_scripts):
    for page_path in html_pages(hostile_site):
        assert foreign_markup(hostile_site, page_path, {"example.org"}, reference_scripts) == [], page_path
        if page_path.name != "404.html":
            assert injected_markup(data_article(page_path.read_text(encoding="utf-8"))) == [], page_path
    html = (hostile_site / "programmes" / "hostile" / "index.html").read_text("utf-8")
    assert "<script>alert('name')</script>" in Page(article(html)).text
    # what a value is derived from, a share of a pool, a website without a scheme: text too
    text = Page(article(html)).text
    assert "country derived from <script>alert('derived')</script> [x](javascript:alert(1))" in text
    assert "Share not stated: part of the pool of <marquee>pool</marquee>" in text
    org = (hostile_site / "organisations" / "hostile-org" / "index.html").read_text("utf-8")
    assert "<a href=javascript:alert(1)>www.evil.example</a> (as the source writes it" in Page(article(org)).text


def test_bad_data_refuses_to_build(tmp_path):
    bad = tmp_path / "data"
    bad.mkdir()
    for f in DATA.glob("*.yaml"):
        (bad / f.name).write_bytes(f.read_bytes())
    text = (bad / "programmes.yaml").read_text(encoding="utf-8")
    (bad / "programmes.yaml").write_text(text.replace("kind: pilot", "kind: pilott", 1), encoding="utf-8")
    result = run_mkdocs(bad, tmp_path / "site")
    assert result.returncode == 1
    assert re.search(r"programmes\.yaml:\d+:11: error: programmes\[\d+\]\.kind: unknown kind 'pilott'; "
                     r"did you mean 'pilot'\?", result.stderr)
    assert "nothing was built" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "site" / "index.html").exists()


def test_edit_links_go_to_the_repository_when_known(tmp_path):
    env_site = tmp_path / "site"
    env = dict(os.environ, DIRECTORY_DATA=str(FIXTURES / "golden"), NO_MKDOCS_2_WARNING="1",
               GITHUB_REPOSITORY="example/directory", GITHUB_SERVER_URL="https://github.com")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(env_site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    html = (env_site / "programmes" / "home-new" / "index.html").read_text("utf-8")
    assert ('<a href="https://github.com/example/directory/edit/main/tests/fixtures/golden/programmes.yaml">'
            "Edit this record</a>") in html


def test_make_check_and_build_take_another_data_folder(tmp_path):
    ok = subprocess.run(["make", "-s", "check", f"DATA={FIXTURES / 'hostile'}"], cwd=ROOT,
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "11 records, no problems" in ok.stdout
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "programmes.yaml").write_text("programmes:\n  - id: x\n", encoding="utf-8")
    fail = subprocess.run(["make", "-s", "check", f"DATA={bad}"], cwd=ROOT, capture_output=True, text=True)
    assert fail.returncode != 0
    assert f"{bad}/programmes.yaml:2:5: error: programmes[0]: required field 'kind' is missing" in fail.stdout


def test_open_data_export(built_site):
    export = json.loads((built_site / "data" / "directory.json").read_text(encoding="utf-8"))
    ctx = validate(DATA).context
    for key, type_ in (("programmes", "programme"), ("organisations", "organisation"),
                       ("contacts", "contact"), ("sources", "source")):
        assert [r["id"] for r in export[key]] == sorted(r.id for r in ctx.records if r.type == type_)
    pilot = next(r for r in export["programmes"] if r["id"] == "opgroeien-kleinschalig-verblijf-0-3")
    assert pilot["funding"] == [{"amount": 290000, "currency": "EUR", "funder": "opgroeien",
                                 "scope": {"nl": "subsidie", "en": "subsidy"}}]
    assert {t["id"] for t in export["vocabularies"]["countries"]} == {"BE", "NL", "DK"}


def test_dirty_builds_are_refused(tmp_path):
    result = run_mkdocs(FIXTURES / "golden", tmp_path / "site", "--dirty")
    assert result.returncode == 1
    assert "mkdocs build --dirty keeps the pages of removed records" in result.stderr
