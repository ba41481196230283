"""Journeys through the hierarchy and the contacts, and the keyboard basics:
the skip link and a visible focus. The header search, the directory page and
the climb from an action to its plan are in test_search.py and
test_directory.py."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from support import real_directory

pytestmark = pytest.mark.browser

PLAN = "gent-intern-actieplan-kinderarmoede"
PILLAR = "gent-pijler-opvoedingsondersteuning"


directory = real_directory


def name(programme_id: str) -> str:
    p = directory().programmes[programme_id]
    return p.name.by_lang[p.name.original]


def heading(page) -> str:
    return page.locator("article h1").inner_text().rstrip("¶ \n")


def path_id(url: str) -> str:
    return urlsplit(url).path.rstrip("/").split("/")[-1]


def follow(page, link):
    """Click a link to another page and wait until that page is there."""
    target = urlsplit(link.evaluate("a => a.href")).path
    link.click()
    page.wait_for_url(f"**{target}")
    return path_id(target)


def section(page, title: str):
    """The list under an h2 or h3 of the article whose text starts with title."""
    return page.locator("article").locator(
        f"xpath=.//*[self::h2 or self::h3][starts-with(normalize-space(.), '{title}')]"
        "/following-sibling::ul[1]")


def test_from_a_pillar_up_to_its_plan_and_down_to_the_other_pillars_and_actions(page, site_url):
    plan = directory().programmes[PLAN]
    pillars = [c.id for c in plan.children]
    assert PILLAR in pillars and len(pillars) > 2

    page.goto(f"{site_url}/programmes/{PILLAR}/")
    assert heading(page).startswith(name(PILLAR))

    # up: the last breadcrumb is the plan the pillar belongs to
    crumbs = page.locator(".breadcrumbs a")
    assert crumbs.last.inner_text() == name(PLAN)
    assert follow(page, crumbs.last) == PLAN
    assert heading(page).startswith(name(PLAN))

    # the plan lists all its pillars, in the data's order, this one among them
    parts = section(page, "Pillars").locator(":scope > li > a")
    assert [path_id(a.evaluate("a => a.href")) for a in parts.all()] == pillars
    assert page.locator("article h3", has_text=f"Pillars ({len(pillars)})").count() == 1

    # down: another pillar, and its actions
    other = next(p for p in pillars if p != PILLAR and directory().programmes[p].children)
    assert follow(page, parts.nth(pillars.index(other))) == other
    assert heading(page).startswith(name(other))
    actions = [c.id for c in directory().programmes[other].children]
    links = section(page, "Actions").locator(":scope > li > a")
    assert [path_id(a.evaluate("a => a.href")) for a in links.all()] == actions

    action = actions[-1]
    assert follow(page, links.last) == action
    assert heading(page).startswith(name(action))
    # and back up through the breadcrumbs: pillar, then the top of the tree
    crumbs = page.locator(".breadcrumbs a")
    assert [c.inner_text() for c in crumbs.all()] == [name(a.id) for a in
                                                      directory().programmes[action].ancestors]
    assert follow(page, crumbs.last) == other
    assert follow(page, page.locator(".breadcrumbs a").first) == plan.ancestors[0].id
    assert heading(page).startswith(name(plan.ancestors[0].id))


def linked(contact_id: str) -> list[str]:
    """Ids of the programmes that list the contact."""
    def ids(p):
        return {getattr(c, "contact", c).id for c in p.contacts}
    return [p.id for p in directory().programmes.values() if contact_id in ids(p)]


def test_from_the_contacts_to_a_contact_and_its_programmes(page, site_url):
    contact = max(directory().contacts.values(), key=lambda c: len(linked(c.id)))
    programmes = linked(contact.id)
    assert len(programmes) >= 2

    page.goto(f"{site_url}/contacts/")
    link = page.locator("article").get_by_role("link", name=contact.name, exact=True)
    assert follow(page, link.first) == contact.id
    assert heading(page) == contact.name

    listed = section(page, "Programmes").locator(":scope > li > a:first-child")
    hrefs = [path_id(a.evaluate("a => a.href")) for a in listed.all()]
    assert sorted(hrefs) == sorted(programmes)
    assert page.locator("article h2", has_text=f"Programmes ({len(programmes)})").count() == 1

    # one of them, and back: the programme names the contact under Contacts
    target = programmes[-1]
    assert follow(page, listed.nth(hrefs.index(target))) == target
    assert heading(page).startswith(name(target))
    back = section(page, "Contacts").get_by_role("link", name=contact.name, exact=True)
    assert back.count() == 1
    assert follow(page, back) == contact.id


# -- keyboard ------------------------------------------------------------------

FOCUS_STYLE = """() => {
    const e = document.activeElement, s = getComputedStyle(e);
    return {tag: e.tagName, id: e.id, text: (e.innerText || '').trim().slice(0, 60),
            outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
            shadow: s.boxShadow !== 'none',
            inArticle: !!e.closest('article')};
}"""


@pytest.mark.parametrize("path", ["/", f"/programmes/{PILLAR}/", "/contacts/"])
def test_the_skip_link_is_the_first_tab_stop_and_moves_to_the_content(page, site_url, path):
    page.goto(site_url + path)
    page.keyboard.press("Tab")
    skip = page.evaluate(FOCUS_STYLE)
    assert skip["tag"] == "A" and skip["text"] == "Skip to content", skip
    assert page.locator(".md-skip").is_visible()  # shown while it has the focus
    page.keyboard.press("Enter")
    target = urlsplit(page.url).fragment
    assert target and page.locator("article").locator(f"[id='{target}']").count() == 1
    # the next Tab stop is in the content, past the header and navigation
    page.keyboard.press("Tab")
    after = page.evaluate(FOCUS_STYLE)
    assert after["inArticle"], after


def test_focus_is_visible_on_links_and_the_search_box(page, site_url):
    page.goto(f"{site_url}/programmes/{PILLAR}/")
    seen = {"search": False, "links": 0}
    for _ in range(60):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_STYLE)
        if focus["tag"] == "BODY":
            break
        if focus["id"] == "dir-hsearch-q":
            assert focus["outline"] or focus["shadow"], focus
            seen["search"] = True
        elif focus["tag"] == "A":
            assert focus["outline"] or focus["shadow"], focus
            seen["links"] += focus["inArticle"]
    assert seen["search"]
    assert seen["links"] >= 5


# -- privacy -------------------------------------------------------------------

PAGE_KINDS = [
    "/", "/directory/?country=NL&q=pleegzorg", "/programmes/", "/browse/countries/",
    "/browse/themes/", "/browse/kinds/", "/organisations/", "/organisations/sos-kinderdorpen/",
    "/contacts/", "/contacts/pernille-holzmann-poulsen/", "/sources/", "/review/", "/fields/",
    "/about/", "/accessibility/", f"/programmes/{PLAN}/",
    "/programmes/vordingborg-styrket-indsats-i-hjemmet/", "/404.html",
]


def test_no_page_kind_contacts_another_host_or_sets_a_cookie(page, site_url):
    for path in PAGE_KINDS:
        page.goto(site_url + path)
        if path.startswith("/directory/"):
            page.locator("#dir-app[data-state=ready]").wait_for()
        page.wait_for_load_state("networkidle")
    # the header search loads its index on first use: from the same host too
    page.locator("#dir-hsearch-q").focus()
    page.keyboard.type("plejefamilie")
    page.wait_for_function("() => performance.getEntriesByType('resource')"
                           ".some(e => e.name.includes('/directory-index/'))")
    page.wait_for_load_state("networkidle")

    local = urlsplit(site_url).netloc
    elsewhere = sorted({u for u in page.requests
                        if not u.startswith(("data:", "blob:")) and urlsplit(u).netloc != local})
    assert elsewhere == []
    assert len(page.requests) > len(PAGE_KINDS)  # the recording works
    assert page.context.cookies() == []
    assert page.evaluate("document.cookie") == ""
