"""The site in three languages, on the whole built site of the real data:
every page exists in English (the root), Dutch (nl/) and Danish (da/); each
says its language in <html lang>, names the same page in the three languages
with <link rel="alternate" hreflang> (x-default: English) and links to it
from the language switch; and no sentence of the English catalogue is left
on a Dutch or Danish page outside the records' own texts and code (the
check's messages, quoted on the editors' pages, are English everywhere)."""
from __future__ import annotations

import html
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from directory.languages import DEFAULT, LANGUAGES
from directory.render import i18n

pytestmark = pytest.mark.site

OTHERS = [lang for lang in LANGUAGES if lang != DEFAULT]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Page(HTMLParser):
    """What a page says about its languages, and its text in its own language
    (the text of elements marked with another language left out, and code:
    the check's messages and the data's field names stay as they are)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang: str | None = None
        self.alternates: dict[str, str] = {}  # hreflang -> href
        self.switch: dict[str, str] = {}  # lang -> href of the switch's link
        self.switch_current: list[str] = []
        self.own_text: list[str] = []
        self._stack: list[tuple[str, str | None]] = []  # (tag, lang)
        self._in_switch = 0
        self._skip = 0  # inside <script> or <style>

    def _lang(self) -> str | None:
        for _, lang in reversed(self._stack):
            if lang:
                return lang
        return None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a.get("href") or ""
        if tag == "nav" and "dir-langs" in (a.get("class") or "").split():
            self._in_switch = len(self._stack) + 1
        if self._in_switch and tag == "a" and "data-dir-switch" in a:
            self.switch[a.get("hreflang") or ""] = a.get("href") or ""
        if self._in_switch and tag == "span" and "dir-langs__current" in (a.get("class") or ""):
            self.switch_current.append(a.get("lang") or "")
        if tag in ("script", "style", "code", "pre"):
            self._skip += 1
        if tag not in VOID:
            self._stack.append((tag, a.get("lang")))

    def handle_endtag(self, tag):
        if tag in VOID or tag not in (t for t, _ in self._stack):
            return  # a stray end tag closes nothing
        while self._stack:
            top, _ = self._stack.pop()
            if top == tag:
                break
        if self._in_switch and len(self._stack) < self._in_switch:
            self._in_switch = 0
        if tag in ("script", "style", "code", "pre"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data):
        if not self._skip and not self._in_switch and self._lang() == self.html_lang:
            self.own_text.append(data)


def read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def page_language(rel: str) -> str:
    first = rel.split("/", 1)[0]
    return first if first in OTHERS else DEFAULT


def english_path(rel: str) -> str:
    lang = page_language(rel)
    return rel if lang == DEFAULT else rel[len(lang) + 1:]


def localized(rel: str, lang: str) -> str:
    return rel if lang == DEFAULT else f"{lang}/{rel}"


def pages(site: Path) -> list[str]:
    """Every page of the site (index.html files), relative to the site; not the one 404 page."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html")
                  if not p.relative_to(site).as_posix().startswith(("assets/", "data/", "schema/")))


def target(rel: str, href: str) -> str:
    """The page a relative link from the page ``rel`` leads to (its index.html)."""
    assert "://" not in href and not href.startswith("/"), href
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel), href.split("#")[0].split("?")[0]))
    return "index.html" if joined == "." else f"{joined}/index.html"


def test_every_page_exists_in_each_language(built_site):
    by_language: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for rel in pages(built_site):
        by_language[page_language(rel)].add(english_path(rel))
    assert len(by_language[DEFAULT]) > 90
    for lang in OTHERS:
        assert by_language[lang] == by_language[DEFAULT], lang


def test_every_page_says_its_language_and_names_itself_in_the_others(built_site):
    checked = 0
    for rel in pages(built_site):
        lang, base = page_language(rel), english_path(rel)
        page = read(built_site / rel)
        assert page.html_lang == lang, rel
        expected = {other: localized(base, other) for other in LANGUAGES}
        alternates = {hl: target(rel, href) for hl, href in page.alternates.items()}
        assert alternates == {**expected, "x-default": base}, rel
        assert {hl: target(rel, href) for hl, href in page.switch.items()} == \
            {other: path for other, path in expected.items() if other != lang}, rel
        assert page.switch_current == [lang], rel
        checked += 1
    assert checked == 3 * len([r for r in pages(built_site) if page_language(r) == DEFAULT])


def english_sentences() -> list[str]:
    """The English catalogue's texts that a Dutch or Danish page must not show:
    the text before any placeholder, when it is long enough to be a phrase
    and different in both other languages."""
    english = i18n.catalogue(DEFAULT)
    others = [i18n.catalogue(lang) for lang in OTHERS]
    out = set()
    for key, text in english.texts.items():
        if key.startswith("switch.name"):
            continue  # each language's name is written in that language, on every page
        forms = text.values() if isinstance(text, dict) else [text]
        translated = [str(o.texts[key]) for o in others]
        for form in forms:
            head = re.split(r"\{[^}]*\}", " ".join(str(form).split()))[0].strip()
            if len(head) >= 12 and " " in head and not any(head in t for t in translated):
                out.add(head)
    return sorted(out)


def test_the_english_catalogue_has_sentences_to_look_for():
    sentences = english_sentences()
    assert len(sentences) > 50
    assert "This page does not exist (any more)." in sentences


@pytest.mark.parametrize("lang", OTHERS)
def test_no_english_interface_sentence_on_the_dutch_and_danish_pages(built_site, lang):
    sentences = english_sentences()
    left = []
    for rel in pages(built_site):
        if page_language(rel) != lang:
            continue
        text = " ".join(" ".join(read(built_site / rel).own_text).split())
        left.extend(f"{rel}: {s!r}" for s in sentences if s in text)
    assert left == []


def test_the_scan_finds_the_sentences_on_the_english_pages(built_site):
    """The scan above sees the interface: most sentences are on the English pages."""
    sentences, found = english_sentences(), set()
    for rel in pages(built_site):
        if page_language(rel) == DEFAULT:
            text = " ".join(" ".join(read(built_site / rel).own_text).split())
            found |= {s for s in sentences if s in text}
    assert len(found) > len(sentences) // 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_about_page_documents_the_open_data_and_its_history_in_each_language(built_site, lang):
    """The About page in each language links to every export (one set, at the
    root), the feed, its own What's new and field reference pages, and each
    link leads to a built file."""
    folder = "" if lang == DEFAULT else f"{lang}/"
    page = f"{folder}about/"
    html = (built_site / page / "index.html").read_text("utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    targets = set()
    for href in re.findall(r'href="([^"#]+)(?:#[^"]*)?"', article):
        if "://" in href or href.startswith("mailto:"):
            continue
        target = posixpath.normpath(posixpath.join(page, href))
        targets.add(target)
        path = built_site / target
        assert path.is_file() or (path / "index.html").is_file(), (lang, href)
    assert {"data/datapackage.json", "data/programmes.csv", "data/directory.json", "data/programmes.yaml",
            "schema/directory.schema.json", f"{folder}feed.xml", f"{folder}whats-new", f"{folder}fields"} <= targets, targets
    assert "programmes/&lt;id&gt;.json" in article or "programmes/<id>.json" in article
    # feed readers find the feed of the page's language from any page
    feeds = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)"', html)
    assert [posixpath.normpath(posixpath.join(page, href)) for href in feeds] == [f"{folder}feed.xml"]
    assert (built_site / folder / "feed.xml").is_file()


PRIMARY_NAV = re.compile(r'<nav class="md-nav md-nav--primary".*?(?=<div class="md-sidebar md-sidebar--secondary")', re.S)
ACTIVE_LINK = re.compile(r'<a href="([^"]*)" class="md-nav__link md-nav__link--active">\s*'
                         r'<span class="md-ellipsis">\s*(.*?)\s*</span>', re.S)


def _nav_titles(entries: list, out: dict[str, str]) -> dict[str, str]:
    """{page (its index.html): its title} of a nav in mkdocs.yml's form."""
    for entry in entries:
        for title, value in entry.items():
            if isinstance(value, list):
                _nav_titles(value, out)
            elif "://" not in value:
                page = value[:-len("index.md")] if value.endswith("index.md") else value[:-len(".md")] + "/"
                out[page + "index.html"] = title
    return out


def test_each_page_nav_shows_the_page_itself_as_current_and_a_record_page_none(built_site):
    """The nav of a page it lists marks that page, by its title in the page's
    language, as the current one, and the nav of a page it does not list (a
    record's) marks none: the nav of such pages is rendered once a folder and
    language (mkdocs_hooks.nav_key), and must still be each page's own."""
    from mkdocs.config import load_config
    from support import ROOT

    config = load_config(str(ROOT / "mkdocs.yml"))
    hooks = config.hooks["scripts/mkdocs_hooks.py"]
    english = [entry for entry in config.nav if "://" not in str(entry)]
    listed = _nav_titles(english, {})
    for lang in OTHERS:  # the same entries, titled in the language, their pages in its folder
        _nav_titles(hooks.translated_nav(english, lang), listed)
    seen_listed = seen_other = 0
    for rel in pages(built_site):
        nav = PRIMARY_NAV.search((built_site / rel).read_text(encoding="utf-8"))
        assert nav, rel
        active = [(href, html.unescape(text)) for href, text in ACTIVE_LINK.findall(nav.group(0))]
        if rel in listed:
            seen_listed += 1
            assert [(target(rel, href), text) for href, text in active] == [(rel, listed[rel])], rel
        else:
            seen_other += 1
            assert "--active" not in nav.group(0), rel
    assert seen_listed == len(listed) and seen_other > 200
