"""Accessibility: axe-core's WCAG 2.x A and AA rules find nothing on any kind
of page, in English, Dutch and Danish, at desktop and phone widths; every
page says its language (English at the root, Dutch under /nl/, Danish under
/da/) and marks Dutch and Danish names and texts with their language.

axe-core comes from node_modules (package.json; make test runs npm ci)."""
from __future__ import annotations

import re

import pytest

from support import ROOT, real_directory

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 740}}

PLAN = "gent-intern-actieplan-kinderarmoede"          # a plan with six pillars
PILLAR = "gent-pijler-opvoedingsondersteuning"          # a pillar with actions
DANISH = "socialstyrelsen-taet-stoettede-opstartsforloeb"

PAGES = [
    "/",
    "/programmes/",
    "/browse/countries/",
    "/browse/themes/",
    "/browse/kinds/",
    "/organisations/",
    "/contacts/",
    "/sources/",
    "/review/",
    "/fields/",
    "/rules/",
    "/about/",
    "/whats-new/",
    "/accessibility/",
    f"/programmes/{PLAN}/",
    f"/programmes/{PILLAR}/",
    f"/programmes/{DANISH}/",
    "/organisations/ocmw-gent/",
    "/contacts/sylvia-lis/",
    "/directory/",
    "/directory/?country=BE&theme=parenting-support&q=ouders",
    "/coverage/",
    "/coverage/?country=DK&status=active",
    "/timeline/",
    f"/compare/?p={DANISH}&p={PLAN}&p={PILLAR}",
    "/404.html",
]
# every page but the one 404 page again in Dutch and Danish, at the same path under /nl/ and /da/
TRANSLATED = [f"/{lang}{path}" for lang in ("nl", "da") for path in PAGES if path != "/404.html"]
# ... of which these at the phone width too (the same templates as English, with their own words:
# the header with its switch, a record page and the directory page)
TRANSLATED_PHONE = [f"/{lang}{path}" for lang in ("nl", "da")
                    for path in ("/", f"/programmes/{PLAN}/", "/directory/?country=BE&theme=parenting-support&q=ouders")]


def axe(page) -> list[dict]:
    """Run axe-core on the page as it is; its violations."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run npm ci")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' '))})))",
        TAGS)


def report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {target}" for target in v["nodes"])
    return "\n".join(lines)


@pytest.fixture(params=list(VIEWPORTS), scope="module")
def viewport(request):
    return request.param


@pytest.fixture
def sized_page(browser, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def settle(page, path):
    if re.match(r"(/nl|/da)?/directory/", path):
        page.locator("#dir-app[data-state=ready]").wait_for()
    if path.startswith("/coverage/"):
        page.locator("#pic-coverage[data-state=ready]").wait_for()
    if path.startswith("/compare/"):
        page.locator("#pic-compare[data-state=ready]").wait_for()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(sized_page, site_url, path):
    sized_page.goto(site_url + path)
    settle(sized_page, path)
    violations = axe(sized_page)
    assert not violations, f"{path}:\n{report(violations)}"


@pytest.mark.parametrize("path", TRANSLATED)
def test_no_axe_violations_in_dutch_and_danish(page, site_url, path):
    page.goto(site_url + path)
    settle(page, path)
    violations = axe(page)
    assert not violations, f"{path}:\n{report(violations)}"


@pytest.mark.parametrize("path", TRANSLATED_PHONE)
def test_no_axe_violations_in_dutch_and_danish_at_the_phone_width(browser, site_url, path):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        page.goto(site_url + path)
        settle(page, path)
        violations = axe(page)
    finally:
        context.close()
    assert not violations, f"{path} (phone):\n{report(violations)}"


def test_no_axe_violations_with_the_header_search_open(sized_page, site_url, viewport):
    page = sized_page
    page.goto(site_url + "/")
    page.locator("#dir-hsearch-q").click()
    page.keyboard.type("pleegzorg")
    page.wait_for_function(
        """() => {
            const all = document.getElementById('dir-hsearch-opt-all');
            return all && !all.closest('[hidden]');
        }""")
    page.keyboard.press("ArrowDown")
    assert page.locator("#dir-hsearch-q").get_attribute("aria-expanded") == "true"
    violations = axe(page)
    assert not violations, f"header search open ({viewport}):\n{report(violations)}"


# -- language marking ------------------------------------------------------------

directory = real_directory


# the language of the text node holding a snippet: the nearest lang attribute
# (text shown on the page: not the JSON-LD block, a script read by programs)
LANG_OF = """snippet => {
    const found = [];
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest('script')) continue;
        if (node.nodeValue.includes(snippet)) found.push(node.parentElement.closest('[lang]').lang);
    }
    return found;
}"""

# every link to a programme page: its text and the language of each text node
PROGRAMME_LINKS = """() => [...document.querySelectorAll('article a[href]')]
    .filter(a => /\\/programmes\\/[^/]+\\/$/.test(new URL(a.href).pathname))
    .map(a => {
        const texts = [];
        const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.nodeValue.trim()) texts.push([node.nodeValue, node.parentElement.closest('[lang]').lang]);
        }
        return {id: new URL(a.href).pathname.split('/').at(-2), texts};
    })"""


def snippet(text: str) -> str:
    """The start of a text's first line (without a list marker), short enough
    to stay in one text node."""
    return re.sub(r"^(?:[-*] |\d+\. |#+ )", "", text.strip().splitlines()[0])[:30]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_in_english(page, site_url, path):
    page.goto(site_url + path)
    assert page.evaluate("document.documentElement.getAttribute('lang')") == "en"


@pytest.mark.parametrize("path", TRANSLATED)
def test_every_dutch_and_danish_page_says_its_language(page, site_url, path):
    page.goto(site_url + path)
    assert page.evaluate("document.documentElement.getAttribute('lang')") == path.split("/")[1]


@pytest.mark.parametrize("programme", [DANISH, PLAN, PILLAR, "sos-simba-familiezorg"])
def test_names_and_texts_of_a_programme_carry_their_language(page, site_url, programme):
    p = directory().programmes[programme]
    page.goto(f"{site_url}/programmes/{programme}/")
    original = p.name.by_lang[p.name.original]
    h1 = page.locator("article h1")
    assert h1.get_attribute("lang") == p.name.original
    assert h1.inner_text().startswith(original)
    checked = 0
    for field in (p.summary, p.description):
        if not field:
            continue
        for lang, text in field.by_lang.items():
            langs = page.evaluate(LANG_OF, snippet(text))
            assert langs, f"{programme}: {snippet(text)!r} is not on the page"
            assert set(langs) == {lang}, f"{programme}: {snippet(text)!r} is marked {langs}, not {lang}"
            checked += 1
    assert checked >= 2


@pytest.mark.parametrize("path", ["/programmes/", "/browse/themes/", "/browse/countries/",
                                  "/organisations/ocmw-gent/", "/contacts/sylvia-lis/",
                                  f"/programmes/{PLAN}/", f"/programmes/{DANISH}/"])
def test_links_to_programmes_mark_the_name_with_its_language(page, site_url, path):
    page.goto(site_url + path)
    programmes = directory().programmes
    links = page.evaluate(PROGRAMME_LINKS)
    named = 0
    for link in links:
        p = programmes[link["id"]]
        original = p.name.by_lang[p.name.original]
        for text, lang in link["texts"]:
            if text.strip() == original.strip():
                assert lang == p.name.original, f"{path}: {original!r} is marked {lang}"
                named += 1
    assert named > 0, f"{path}: no link shows a programme's name"
    if path in ("/programmes/", "/browse/themes/"):
        foreign = {programmes[link["id"]].name.original for link in links}
        assert {"nl", "da"} <= foreign


def test_source_titles_carry_their_language(page, site_url):
    page.goto(site_url + "/sources/")
    sources = directory().sources.values()
    assert {s.language for s in sources} >= {"nl", "da"}
    for source in sources:
        langs = page.evaluate(LANG_OF, snippet(source.title))
        assert langs, source.title
        assert source.language in langs, f"{source.title!r} is marked {langs}, not {source.language}"
