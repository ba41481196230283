"""Search and filter work the same on the English, Dutch and Danish sites
(`/`, `/nl/`, `/da/`): the same index, the same results in the same order,
with the page's words, labels, counts and result links in its language; a
category typed in any language finds its programmes and the results say
why; axe-core finds nothing on the directory page and the header dropdown
in any language.

The directory page of each language comes from the built site when it has
one (the three-language site); until then this module makes it from the
English page as the templates would (the page's lang, its words block and
the header's words in that language, one folder deeper), so the scripts are
tested in each language either way."""
from __future__ import annotations

import html
import re
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
from babel.numbers import format_decimal

from support import real_directory, serve_folder
from test_accessibility import axe, report
from directory.render import i18n
from directory.render.script_words import words_script

pytestmark = pytest.mark.browser

LANGUAGES = {"en": "", "nl": "/nl", "da": "/da"}  # language -> the folder of its site
BOX = "#dir-hsearch-q"
OPTIONS = "#dir-hsearch-list [role=option]"

directory = real_directory


def t(lang: str, key: str, n: int | None = None, **params) -> str:
    """The catalogue's text, its count written as the page writes it."""
    text = i18n.catalogue(lang).texts[key]
    if isinstance(text, dict):
        from babel import Locale

        text = text.get(Locale.parse(lang).plural_form(n)) or text["other"]
    if n is not None:
        params["n"] = format_decimal(n, locale=lang)
    return re.sub(r"\{(\w+)\}", lambda m: str(params.get(m.group(1), m.group(0))), text)


def label(vocab: str, term: str, lang: str) -> str:
    texts = directory().vocab.term(vocab, term).label.by_lang
    return texts.get(lang) or texts["en"]


# -- the site in three languages ------------------------------------------------------

def in_folder(page: str, lang: str) -> str:
    """The built English directory page as the site of ``lang`` has it: one
    folder deeper, in ``lang``, with the words the templates write in it."""
    page = page.replace('<html lang="en"', f'<html lang="{lang}"', 1)
    page = re.sub(r'(\s(?:href|src|action)=")(\.\.)', r"\1../\2", page)
    page = page.replace('"base": ".."', '"base": "../.."', 1)
    for element_id, area in (("dir-words", "page"), ("dir-hsearch-words", "header")):
        block = re.compile(rf'<script type="application/json" id="{element_id}">.*?</script>', re.S)
        assert len(block.findall(page)) == 1, element_id
        page = block.sub(lambda _: str(words_script(element_id, lang, area)), page)
    box = {key: html.escape(t(lang, f"search.box.{key}")) for key in ("form", "label", "placeholder")}
    page = page.replace('aria-label="Programmes">', f'aria-label="{box["form"]}">', 1)
    page = page.replace('for="dir-hsearch-q">Search programmes</label>', f'for="dir-hsearch-q">{box["label"]}</label>', 1)
    return page.replace('placeholder="Search programmes"', f'placeholder="{box["placeholder"]}"', 1)


@pytest.fixture(scope="module")
def lang_site(built_site, tmp_path_factory):
    if all((built_site / lang / "directory" / "index.html").is_file() for lang in ("nl", "da")):
        return built_site  # the site has its pages in every language
    site = tmp_path_factory.mktemp("languages") / "site"
    shutil.copytree(built_site, site)
    english = (built_site / "directory" / "index.html").read_text(encoding="utf-8")
    for lang in ("nl", "da"):
        (site / lang / "directory").mkdir(parents=True)
        (site / lang / "directory" / "index.html").write_text(in_folder(english, lang), encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def lang_url(lang_site):
    with serve_folder(lang_site) as url:
        yield url


# -- helpers -------------------------------------------------------------------------

def ready(page):
    page.locator("#dir-app[data-state=ready]").wait_for()


def open_directory(page, base, lang, query=""):
    page.goto(f"{base}{LANGUAGES[lang]}/directory/{query}")
    ready(page)
    assert page.evaluate("document.documentElement.lang") == lang


def shown_total(page, lang) -> int:
    text = page.locator("#dir-count").inner_text().strip()
    for n in range(len(directory().programmes) + 1):
        if text == t(lang, "search.page.count", n=n):
            return n
    raise AssertionError(f"not a count in {lang}: {text!r}")


def results(page, base, lang) -> list[str]:
    """The results' pages, as paths within the language's site."""
    prefix = f"{base}{LANGUAGES[lang]}/"
    hrefs = [a.get_attribute("href") for a in page.locator(".dir-result__name").all()]
    assert all(h.startswith(prefix + "programmes/") for h in hrefs), hrefs
    return [h[len(prefix):] for h in hrefs]


def expected(country=None, themes=()) -> list[str]:
    programmes = sorted(directory().programmes.values(), key=lambda p: p.sort_key)
    return [f"programmes/{p.id}/" for p in programmes
            if (country is None or country in p.countries) and (not themes or set(themes) & set(p.themes))]


def state(url) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


# -- tests -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_same_search_in_every_language_with_its_words(page, lang_url, lang):
    open_directory(page, lang_url, "en", "?q=pleegzorg")
    english = results(page, lang_url, "en")
    assert english
    open_directory(page, lang_url, lang, "?q=pleegzorg")
    # the same records in the same order, linking to the pages of the reader's language
    assert results(page, lang_url, lang) == english
    assert shown_total(page, lang) == len(english)
    # the form, in the page's language
    search = page.get_by_label(t(lang, "search.page.label"), exact=True).and_(page.locator("#dir-q"))
    assert search.input_value() == "pleegzorg"
    assert page.get_by_role("search", name=t(lang, "search.page.form")).count() == 1
    assert page.locator("#dir-q-hint").inner_text() == t(lang, "search.page.hint")
    # why: the records with the theme Foster care ("Pleegzorg" in Dutch) say so
    why = t(lang, "search.why.theme", label=label("themes", "foster-care", lang))
    foster = {f"programmes/{p.id}/" for p in directory().programmes.values() if "foster-care" in p.themes}
    items = page.locator("li.dir-result").all()
    for item in items:
        path = results_of(item, lang_url, lang)
        reasons = item.locator(".dir-result__why")
        if path in foster:
            assert why in reasons.inner_text(), path
        elif reasons.count():
            assert why not in reasons.inner_text(), path
    assert any(results_of(i, lang_url, lang) in foster for i in items)


def results_of(item, base, lang) -> str:
    href = item.locator(".dir-result__name").get_attribute("href")
    return href[len(f"{base}{LANGUAGES[lang]}/"):]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_filters_in_every_language(page, lang_url, lang):
    wanted = expected("BE", ("foster-care",))
    assert 0 < len(wanted) <= 20
    open_directory(page, lang_url, lang)
    assert shown_total(page, lang) == len(directory().programmes)
    theme = page.locator("fieldset[data-facet=theme]")
    assert theme.locator("legend").inner_text().strip() == t(lang, "search.facet.theme")
    assert page.locator("fieldset[data-facet=country] legend").inner_text().strip() == t(lang, "search.facet.country")
    be = page.get_by_label(f"{label('countries', 'BE', lang)} ({len(expected('BE'))})", exact=True)
    be.click()
    page.wait_for_url(lambda url: state(url) == {"country": ["BE"]})
    ready(page)
    foster = theme.get_by_label(f"{label('themes', 'foster-care', lang)} ({len(wanted)})", exact=True)
    foster.click()
    page.wait_for_url(lambda url: state(url) == {"country": ["BE"], "theme": ["foster-care"]})
    ready(page)
    assert shown_total(page, lang) == len(wanted)
    assert results(page, lang_url, lang) == wanted
    assert page.locator(".dir-filters__toggle").inner_text() == t(lang, "search.page.filters_selected", n=2)
    # the state stays in the URL: a reload restores it
    page.reload()
    ready(page)
    assert results(page, lang_url, lang) == wanted
    page.get_by_role("button", name=t(lang, "search.page.clear")).click()
    page.wait_for_url(lambda url: state(url) == {})
    ready(page)
    assert shown_total(page, lang) == len(directory().programmes)
    assert page.get_by_role("button", name=t(lang, "search.page.more")).is_visible()
    ages = page.locator("fieldset[data-facet=age]")
    assert ages.locator("legend").inner_text().strip() == t(lang, "search.facet.age")
    assert t(lang, "search.not_stated") in ages.inner_text()


@pytest.mark.parametrize("lang, query", [("en", "early childhood"), ("nl", "jonge kinderen"), ("da", "småbørn"),
                                         ("nl", "early childhood"), ("da", "Jonge kinderen")])
def test_a_category_typed_in_any_language_finds_its_programmes(page, lang_url, lang, query):
    """Issue 12: "early childhood" found 0 programmes although some have the theme."""
    theme = expected(None, ("early-childhood",))
    assert len(theme) >= 5
    open_directory(page, lang_url, lang, "?" + f"q={query}&theme=early-childhood")
    assert shown_total(page, lang) == len(theme)
    open_directory(page, lang_url, lang, "?" + f"q={query}")
    found = []
    while True:
        found = results(page, lang_url, lang)
        more = page.get_by_role("button", name=t(lang, "search.page.more"))
        if not more.is_visible():
            break
        more.click()
        page.wait_for_function("n => document.querySelectorAll('.dir-result').length > n", arg=len(found))
    assert set(theme) <= set(found)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_header_search_in_every_language(page, lang_url, lang):
    page.goto(f"{lang_url}{LANGUAGES[lang]}/directory/")
    box = page.get_by_role("combobox", name=t(lang, "search.box.label"))
    assert box.get_attribute("placeholder") == t(lang, "search.box.placeholder")
    box.click()
    page.keyboard.type("plejefamilier")
    page.wait_for_function(
        """q => {
            const all = document.getElementById('dir-hsearch-opt-all');
            return all && new URL(all.href).searchParams.get('q') === q && !all.closest('[hidden]');
        }""", arg="plejefamilier")
    options = page.locator(OPTIONS).all()
    hrefs = [o.get_attribute("href") for o in options]
    prefix = f"{lang_url}{LANGUAGES[lang]}/"
    assert all(h.startswith(prefix + "programmes/") for h in hrefs[:-1]) and len(hrefs) > 1
    assert hrefs[-1] == prefix + "directory/?q=plejefamilier"
    assert page.get_by_role("listbox", name=t(lang, "search.header.list")).count() == 1
    live = page.locator(".dir-hsearch [role=status]").inner_text()
    total = next(n for n in range(1, 1000) if live in (t(lang, "search.header.found", n=n),
                                                       t(lang, "search.header.found_first", n=n, limit=10)))
    assert options[-1].inner_text().strip() == t(lang, "search.header.all", n=total)
    # the theme whose Danish label is "Plejefamilier", in the reader's language
    why = t(lang, "search.why.theme", label=label("themes", "foster-care", lang))
    assert any(why in o.inner_text() for o in options[:-1])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_axe_violations_in_any_language(browser, lang_url, lang):
    for viewport in ({"width": 1280, "height": 800}, {"width": 375, "height": 740}):
        context = browser.new_context(viewport=viewport)
        try:
            page = context.new_page()
            open_directory(page, lang_url, lang, "?country=BE&theme=foster-care&q=pleeg")
            page.wait_for_load_state("networkidle")
            violations = axe(page)
            assert not violations, f"{lang} directory page:\n{report(violations)}"
            page.locator(BOX).click()
            page.keyboard.type("pleegzorg")
            page.wait_for_function(
                "() => { const all = document.getElementById('dir-hsearch-opt-all');"
                " return all && !all.closest('[hidden]'); }")
            page.keyboard.press("ArrowDown")
            violations = axe(page)
            assert not violations, f"{lang} header search open:\n{report(violations)}"
        finally:
            context.close()
