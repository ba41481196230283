"""The pictures' pages and blocks: coverage, timeline, compare.

Pages (Markdown templates, rendered by :func:`directory.render.render_pages`
like every other page): ``coverage.md.j2``, ``timeline.md.j2`` and
``compare.md.j2``. Their drawings and tables are raw HTML blocks, which
Markdown passes through as they are: SVG and HTML from the templates in
``templates/pictures/`` (``*.svg.j2``, ``*.html.j2``), rendered by their own
Jinja environment that escapes every value for HTML (not for Markdown: inside
a raw HTML block a Markdown escape would show). A block has no blank line,
so that Markdown reads it as one HTML block.

A page template asks for a block with ``{{ html_block('name.html.j2',
...) }}``; the block gets the page's words (``t``, ``label``, the ``date``
filter: the page's language), ``href(path, query)`` (a page's URL relative
to this page, for raw HTML, where MkDocs rewrites no link) and ``asset(path)``.

The scripts (docs/assets/directory/coverage.js, compare-tray.js,
compare.js) take every word they show from the page: the blocks write them
into a JSON block (``words``), as text that cannot end its <script>.
"""
from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
from typing import Any, Callable
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from ..model import Directory
from ..pictures import coverage as cov, draw, timeline as tl
from ..facets import FACETS
from ..words import shorten
from . import i18n, urls
from .script_words import json_for_script
from .markdown import TEMPLATES

FACET_ORDER = list(FACETS)  # the order of a directory URL's parameters (url-state.js)


@functools.cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # a build renders a block per page: no stat of its file each time
    )
    env.filters["r1"] = draw.r1
    env.filters["words"] = words_json
    env.globals.update(matrix_drawing=draw.matrix_drawing, timeline_drawing=draw.timeline_drawing,
                       timeline_labels=timeline_labels)
    return env


_BLANK = re.compile(r"\n\s*\n+")


def render_block(template: str, **values: Any) -> Markup:
    """A raw HTML block from ``templates/pictures/<template>``: no blank line in it."""
    html = _environment().get_template(f"pictures/{template}").render(**values)
    return Markup(_BLANK.sub("\n", html.strip()))


def words_json(words: dict[str, Any]) -> Markup:
    """Words for a script, as JSON that stays text inside <script type="application/json">."""
    return Markup(json_for_script(words))


# -- where things stand, from a page ---------------------------------------------------

def url_from(page_path: str, target: str, query: str = "", fragment: str = "") -> str:
    """The URL of the page (``.md``) or file ``target`` relative to the page at
    ``page_path``, with a query and fragment: for links in raw HTML."""
    here = urls.page_url(page_path)
    there = urls.page_url(target) if target.endswith(".md") else target
    rel = _relative(there, here)
    return rel + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")


@functools.lru_cache(maxsize=None)
def _relative(there: str, here: str) -> str:
    """``there`` (a page's URL, ending in / or empty for the home page, or a
    file's path) relative to the page URL ``here``."""
    rel = posixpath.relpath(there.rstrip("/") or ".", here.rstrip("/") or ".")
    if there.endswith("/") or not there:
        rel = "./" if rel == "." else rel + "/"
    return rel


def directory_query(filters: dict[str, list[str]]) -> str:
    """The directory page's query string for ``filters`` (facet -> values), in
    the order url-state.js writes it, so one list has one URL."""
    pairs = [(name, v) for name in FACET_ORDER for v in filters.get(name, [])]
    return urlencode(pairs)


# -- helpers the page templates call ----------------------------------------------------

@pass_context
def html_block(ctx, template: str, **values: Any) -> Markup:
    """A block rendered with the page's words, links relative to the page."""
    page_path = ctx["page_path"]
    words = i18n.catalogue(ctx["lang"])  # plain texts: the block's environment escapes them for HTML
    return render_block(
        template,
        t=words.t, label=ctx["label"], date=ctx.environment.filters["date"],
        forms=lambda key: plural_forms(words, key),
        # a page in the page's language (a file, such as a script, is one for every language)
        href=lambda target, query="", fragment="": url_from(
            page_path, urls.localized(target, ctx["lang"]) if target.endswith(".md") else target, query, fragment),
        asset=lambda path: url_from(page_path, path),
        directory_query=directory_query, shorten=shorten, programme_path=urls.programme_path,
        organisation_path=urls.organisation_path, **values)


def plural_forms(words: i18n.Catalogue, key: str) -> dict[str, str]:
    """A text's plural forms ({one: ..., other: ...}, as the catalogue of the
    page's language has them), for a script that counts: it picks the form
    with Intl.PluralRules and fills {n}."""
    text = words.texts[key]
    return dict(text) if isinstance(text, dict) else {"other": text}


def helpers(directory: Directory, today: dt.date) -> dict[str, Callable]:
    """The globals the page templates use for pictures."""
    return {
        "html_block": html_block,
        "programme_small_timeline": lambda p: tl.programme_timeline(p, today),
        "organisation_small_timeline": lambda o: tl.organisation_timeline(directory, o, today),
    }


def timeline_labels(items: list[Any]) -> list[str]:
    """The label of each row: a programme's name, an organisation's name."""
    out = []
    for item in items:
        if isinstance(item, tl.OrganisationRow):
            out.append(item.organisation.name.source if item.organisation else "")
        else:
            out.append(item.programme.name.source)
    return out


# -- the pages ---------------------------------------------------------------------------

def plan(page: Callable[..., None], directory: Directory, today: dt.date) -> None:
    """Add the three pages to a language's page plan: ``page(template, path,
    values, **fixed)`` of render.page_plan, ``values`` computed when the page
    is rendered."""
    page("coverage.md.j2", urls.COVERAGE,
         lambda: {"coverage": cov.coverage(directory), "filters": cov.filter_values(directory)})
    page("timeline.md.j2", urls.TIMELINE, lambda: {"timeline": tl.timeline(directory, today)})
    page("compare.md.j2", urls.COMPARE)
