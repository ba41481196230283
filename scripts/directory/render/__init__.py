"""Render the directory to Markdown pages through the Jinja templates.

``render_pages(directory, options)`` returns ``{path: markdown}`` with paths
relative to the site's docs root (``programmes/<id>.md``, see
:mod:`directory.render.urls`). It depends on nothing but Jinja, so any
Markdown site generator can take its output.

Text from the data never becomes markup: the templates' environment escapes
every value for Markdown unless a helper marked it safe, and descriptions are
rendered and sanitised (:mod:`directory.render.markdown`).

The package: this module (the pages and the helpers their templates call),
``markdown`` (Markdown text from the data's values), ``urls`` (where
everything stands in the site), ``reference`` (the field reference page) and
the templates in ``templates/``. :func:`directory.site.build` assembles the
pages with the open data and the search index.
"""
from __future__ import annotations

import datetime as dt
import functools
import posixpath
from dataclasses import dataclass
from typing import Any, Callable

from jinja2 import Environment, pass_context
from markupsafe import Markup

from .. import review
from ..schema.dates import PartialDate
from ..model import Directory, Organisation, Programme, Term, Texts
from . import changes, jsonld, markdown, urls
from .markdown import anchor, escape_md, html_text, join, markdown_text, url_md
from .urls import contact_path, organisation_path, programme_path

# A page lists its siblings only up to this many: a plan with a thousand
# actions would otherwise make every action page list all the others, and the
# build quadratic in the number of records.
MAX_SIBLINGS = 15


@dataclass
class Options:
    """What the pages need to know about where they are published."""

    edit_url: Callable[[str], str] | None = None  # data file path -> URL of its editor
    data_url: str = urls.DATA  # where the data files are published, relative to the site root
    today: dt.date | None = None  # review dates are measured against it; None: review.today()
    # the change feed and each record's "Last changed" are read from git over
    # this many newest commits (directory.history); None: git is not read
    history_commits: int | None = None
    repository_url: str | None = None  # the repository's web address: each record's "History" link
    history: Any = None  # what git said (directory.history.History), set by the build; None: not known


# -- template helpers --------------------------------------------------------

def _rel(ctx, target: str) -> str:
    here = posixpath.dirname(ctx["page_path"])
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    if not target:
        return anchor
    return _relpath(target, here or ".") + anchor


@functools.lru_cache(maxsize=None)
def _relpath(target: str, start: str) -> str:
    """posixpath.relpath, remembered: pages link to the same few thousand
    targets from a handful of folders, and relpath is slow."""
    return posixpath.relpath(target, start)


@pass_context
def link(ctx, text: Any, target: str) -> Markup:
    return Markup(f"[{escape_md(text)}]({_rel(ctx, target)})")


@pass_context
def rel(ctx, target: str) -> Markup:
    return Markup(_rel(ctx, target))


@pass_context
def record_jsonld(ctx, record: Any) -> Markup:
    """The page's schema.org JSON-LD block (:mod:`directory.render.jsonld`)."""
    return jsonld.script(jsonld.record(record, ctx["d"].vocab, ctx["page_path"]))


@pass_context
def site_jsonld(ctx, name: str, description: str) -> Markup:
    """The home page's JSON-LD: the web site and the data set, dated by the newest review."""
    d = ctx["d"]
    modified = max((r.last_reviewed for r in [*d.programmes.values(), *d.organisations.values()]), default=None)
    return jsonld.script(jsonld.site(name, description, modified, ctx["page_path"]))


@pass_context
def plink(ctx, p: Programme) -> Markup:
    """A link to a programme, its name marked with the name's language."""
    return Markup(f'[<span lang="{p.original_language}">{escape_md(p.name.source)}</span>]'
                  f"({_rel(ctx, programme_path(p))})")


@pass_context
def olink(ctx, o: Organisation) -> Markup:
    return Markup(f'[<span lang="{o.name.original}">{escape_md(o.name.source)}</span>]'
                  f"({_rel(ctx, organisation_path(o))})")


@pass_context
def record_link(ctx, record: Programme | Organisation) -> Markup:
    return plink(ctx, record) if isinstance(record, Programme) else olink(ctx, record)


@pass_context
def clink(ctx, c) -> Markup:
    return Markup(f"[{escape_md(c.title)}]({_rel(ctx, contact_path(c))})")


def short(texts: Texts) -> Markup:
    """English where there is English, else the original marked with its language."""
    if texts.en:
        return Markup(escape_md(texts.en))
    return lang_span(texts)


def lang_span(texts: Texts) -> Markup:
    """The original-language text, marked with its language."""
    return Markup(f'<span lang="{texts.original}">{escape_md(texts.source)}</span>')


def date_human(value: PartialDate | None, missing: str = "not stated") -> str:
    return value.human() if value else missing


def amount(value: float | None, currency: str | None) -> str:
    if value is None:
        return "amount not stated"
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return f"{currency or ''} {number}".strip()


def ages(p: Programme) -> str:
    if not p.has_ages:
        return "not stated"
    parts = []
    if p.prenatal:
        parts.append("from pregnancy")
    lo, hi = p.age_min, p.age_max

    def n(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else str(x)

    if lo is not None and hi is not None:
        parts.append(f"{n(lo)}–{n(hi)} years")
    elif lo is not None:
        parts.append(f"from {n(lo)} years")
    elif hi is not None:
        parts.append(f"up to {n(hi)} years")
    return ", ".join(parts)


def period(p: Programme) -> str:
    if p.start and p.end:
        return f"{p.start.human()} – {p.end.human()}"
    if p.start:
        return f"from {p.start.human()} (end not stated)"
    if p.end:
        return f"until {p.end.human()} (start not stated)"
    return "not stated"


# a derived field as a page names it: (one value, several values)
_DERIVED_WORDS = {"countries": ("country", "countries"), "regions": ("region", "regions"),
                  "status": ("status", "status"), "period": ("period", "period")}


def derived(record: Any, *fields: str) -> list[tuple[str, Texts]]:
    """What the record's values of ``fields`` are derived from, fields with
    the same note together: [('country and region', note)], for 'country and
    region derived from ...'. Empty when the source states them."""
    groups: dict[tuple, tuple[list[str], Texts]] = {}
    for name in fields:
        note = record.derived.get(name)
        if not note:
            continue
        value = getattr(record, name, None)
        several = isinstance(value, list) and len(value) > 1
        words = _DERIVED_WORDS.get(name, (name, name))[several]
        groups.setdefault(tuple(sorted(note.by_lang.items())), ([], note))[0].append(words)
    out = []
    for names, note in groups.values():
        said = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        out.append((said, note))
    return out


def _remembered(env: Environment, macro: str, key: Callable[[Any], Any]) -> Callable:
    """A macro of _macros.md.j2 whose output is remembered per folder and key.

    A macro's Markdown depends only on its argument and on the folder of the
    page it is on (links are relative). Source lines and list items repeat
    on thousands of pages, and calling a Jinja macro is slow."""
    modules: dict[str, Any] = {}
    outputs: dict[tuple, Markup] = {}

    @pass_context
    def call(ctx, value: Any) -> Markup:
        here = posixpath.dirname(ctx["page_path"])
        cache_key = (here, key(value))
        if cache_key not in outputs:
            if here not in modules:
                page = posixpath.join(here, "_.md")
                modules[here] = env.get_template("_macros.md.j2").make_module({"page_path": page})
            outputs[cache_key] = Markup(getattr(modules[here], macro)(value))
        return outputs[cache_key]

    return call


def _last_changed(options: Options) -> Callable[[Any], Any]:
    """The commit that last changed a record (its ``day``), or None when it is not known."""
    history = options.history
    return lambda record: history.of(record.KIND, record.id) if history is not None else None


def _history_url(options: Options) -> Callable[[Any], str | None]:
    """A record's history in the repository, when its address is known: the
    record's lines in the data file as the built commit has them, with the
    commit that last changed each line (GitHub's blame view)."""
    history, repo = options.history, options.repository_url

    def url(record: Any) -> str | None:
        if history is None or not repo or history.head is None:
            return None
        lines = history.lines.get((record.KIND, record.id))
        if lines is None or history.of(record.KIND, record.id) is None:
            return None
        return f"{repo.rstrip('/')}/blame/{history.head}/{lines.path}#L{lines.first}-L{lines.last}"

    return url


def environment(directory: Directory, options: Options, today: dt.date) -> Environment:
    env = markdown.environment()
    vocab = directory.vocab
    env.globals.update(
        d=directory,
        options=options,
        label=vocab.label,
        terms=vocab.ordered,
        link=link,
        rel=rel,
        plink=plink,
        olink=olink,
        clink=clink,
        record_link=record_link,
        short=short,
        lang_span=lang_span,
        programme_path=programme_path,
        organisation_path=organisation_path,
        contact_path=contact_path,
        record_data_path=lambda record: urls.record_data_path(record.KIND, record.id),
        record_jsonld=record_jsonld,
        last_changed=_last_changed(options),
        history_url=_history_url(options),
        site_jsonld=site_jsonld,
        ages=ages,
        period=period,
        amount=amount,
        derived=derived,
        join=join,
        review=lambda record: review.review_of(record, record.last_reviewed, today),
        contact_outdated=lambda contact: review.contact_outdated(contact, today),
        review_months=review.REVIEW_MONTHS,
        contact_months=review.CONTACT_SOURCE_MONTHS,
    )
    env.globals.update(
        item=_remembered(env, "item", lambda p: p.id),
        source_line=_remembered(env, "source_line", lambda ref: (ref.source.id, ref.locator)),
    )
    env.filters.update(md=markdown_text, html=html_text, anchor=anchor, date=date_human, url=url_md,
                       term=lambda term_id, vocab_name: vocab.label(vocab_name, term_id))
    return env


@dataclass
class Group:
    """A heading of a browse page and the programmes under it."""

    id: str  # the heading's anchor
    title: str
    programmes: list[Programme]
    description: str | None = None


def _grouped(terms: list[Term], programmes: list[Programme],
             values: Callable[[Programme], list[str]]) -> dict[str, list[Programme]]:
    """Programmes by term id, in one pass; each keeps the order of ``programmes``."""
    groups: dict[str, list[Programme]] = {t.id: [] for t in terms}
    for p in programmes:
        for v in values(p):
            groups[v].append(p)
    return groups


def _by_term(directory: Directory, programmes: list[Programme], vocab: str,
             values: Callable[[Programme], list[str]], plural: bool = False) -> list[Group]:
    terms = directory.vocab.ordered(vocab)
    groups = _grouped(terms, programmes, values)
    return [Group(t.id, t.extra["plural"]["en"] if plural else t.en, groups[t.id],
                  (t.extra.get("description") or {}).get("en"))
            for t in terms if groups[t.id]]


def _by_country(directory: Directory, programmes: list[Programme]):
    """[(country group, [region groups, then 'no region stated'])] and those without a country."""
    countries, regions = directory.vocab.ordered("countries"), directory.vocab.ordered("regions")
    in_country = _grouped(countries, programmes, lambda p: p.countries)
    in_region = _grouped(regions, programmes, lambda p: p.regions)
    out = []
    for country in countries:
        listed = in_country[country.id]
        if not listed:
            continue
        code = country.id.lower()
        sub = [Group(r.id.lower(), r.en, in_region[r.id]) for r in regions
               if r.extra.get("country") == country.id and in_region[r.id]]
        elsewhere = [p for p in listed if not p.regions]
        if elsewhere:
            sub.append(Group(f"{code}-no-region", f"{country.en}: no region stated", elsewhere))
        out.append((Group(code, country.en, listed), sub))
    no_country = Group("no-country", "International or country not stated",
                       [p for p in programmes if not p.countries])
    return out, no_country


def render_pages(directory: Directory, options: Options | None = None) -> dict[str, str]:
    """Every generated page, keyed by its path under the docs root."""
    options = options or Options()
    today = options.today or review.today()
    env = environment(directory, options, today)
    pages: dict[str, str] = {}

    def render(template: str, path: str, **values: Any) -> None:
        pages[path] = env.get_template(template).render(page_path=path, **values)

    for p in directory.programmes.values():
        edit = options.edit_url(p.location.path) if options.edit_url else None
        render("programme.md.j2", programme_path(p), p=p, edit_url=edit, max_siblings=MAX_SIBLINGS)
    for o in directory.organisations.values():
        render("organisation.md.j2", organisation_path(o), o=o,
               programmes=directory.programmes_of(o), contacts=directory.contacts_at(o))
    for c in directory.contacts.values():
        render("contact.md.j2", contact_path(c), c=c, programmes=directory.programmes_with(c))

    programmes = sorted(directory.programmes.values(), key=lambda p: p.sort_key)
    kinds = _by_term(directory, programmes, "kinds", lambda p: [p.kind], plural=True)
    render("home.md.j2", "index.md", kinds=kinds)
    render("all.md.j2", "programmes/index.md", roots=directory.roots)
    countries, no_country = _by_country(directory, programmes)
    render("by_country.md.j2", "browse/countries.md", countries=countries, no_country=no_country)
    render("by_term.md.j2", "browse/themes.md", title="By theme",
           groups=_by_term(directory, programmes, "themes", lambda p: p.themes))
    render("by_term.md.j2", "browse/kinds.md", title="By kind", groups=kinds)
    render("organisations.md.j2", "organisations/index.md",
           organisations=sorted(directory.organisations.values(), key=lambda o: o.sort_key))
    render("contacts.md.j2", "contacts/index.md",
           contacts=sorted(directory.contacts.values(), key=lambda c: c.sort_key))
    render("sources.md.j2", "sources/index.md", sources=list(directory.sources.values()))
    render("review.md.j2", "review.md", today=today, **review.review_lists(directory, today))
    render("directory.md.j2", "directory.md")
    render("whats_new.md.j2", urls.WHATS_NEW, history=options.history, history_commits=options.history_commits,
           entries=changes.entries(options.history, directory), more=changes.more(options.history),
           feed_path=urls.FEED)
    return pages
