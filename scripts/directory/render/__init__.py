"""Render the directory to Markdown pages through the Jinja templates, in each of the site's languages.

``render_pages(directory, options, language)`` returns ``{path: markdown}``
for one language, with paths relative to the site's docs root: English at the
root (``programmes/<id>.md``), Dutch and Danish under their language's folder
(``nl/programmes/<id>.md``; see :mod:`directory.render.urls`).
``page_plan`` gives the same pages unrendered, each as a function that
renders it, so that a site can render a language's pages where and when it
needs them (:mod:`directory.site`). It depends on nothing but Jinja and
Babel, so any Markdown site generator can take its output.

Every interface word comes from the catalogue of the page's language
(:mod:`directory.render.i18n`), every vocabulary term is shown by its label
in that language, dates, numbers and amounts as the language writes them
(:mod:`directory.render.formats`). Record content is never translated by
the site: a record shows its text as its source wrote it, first, then a
translation into the reader's language that an editor added (marked with
its language), then the English it has.

Text from the data never becomes markup: the templates' environment escapes
every value for Markdown unless a helper marked it safe, and descriptions are
rendered and sanitised (:mod:`directory.render.markdown`).

The package: this module (the pages and the helpers their templates call),
``i18n`` (the catalogues), ``formats`` (dates and numbers), ``markdown``
(Markdown text from the data's values), ``urls`` (where everything stands
in the site), ``reference`` (the field reference page), ``rules_page``,
``jsonld`` (each page's schema.org linked data, in the page's language),
``changes`` (the What's new page's entries and the change feed) and the
templates in ``templates/``. :func:`directory.site.build` assembles the
pages with the open data and the search index.
"""
from __future__ import annotations

import datetime as dt
import functools
import posixpath
from dataclasses import dataclass
from typing import Any, Callable

from babel.lists import format_list
from jinja2 import Environment, pass_context
from markupsafe import Markup

from .. import description, review
from ..languages import LANGUAGES
from ..schema.dates import PartialDate
from ..model import Directory, Organisation, Programme, Term, Texts
from . import changes, formats, i18n, jsonld, markdown, pictures, urls
from .markdown import anchor, escape_md, html_text, join, markdown_text, url_md
from .urls import contact_path, localized, organisation_path, programme_path
from .script_words import words_script

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
    languages: tuple[str, ...] = LANGUAGES  # the languages the site is built in, the default first
    # the change feed and each record's "Last changed" are read from git over
    # this many newest commits (directory.history); None: git is not read
    history_commits: int | None = None
    repository_url: str | None = None  # the repository's web address: each record's "History" link
    history: Any = None  # what git said (directory.history.History), set by the build; None: not known


# -- template helpers that need only the page's path --------------------------------

def _rel(ctx, target: str) -> str:
    """A link from the page to ``target``: a page (``.md``) in the page's own
    language, any other file (open data, schemas) where it stands."""
    here = posixpath.dirname(ctx["page_path"])
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    if not target:
        return anchor
    if target.endswith(".md"):
        target = localized(target, ctx["lang"])
    return _relpath(target, here or ".") + anchor


@functools.lru_cache(maxsize=None)
def _relpath(target: str, start: str) -> str:
    """posixpath.relpath, remembered: pages link to the same few thousand
    targets from a handful of folders, and relpath is slow."""
    return posixpath.relpath(target, start)


@pass_context
def link(ctx, text: Any, target: str) -> Markup:
    """A Markdown link: ``text`` escaped for Markdown, unless it is Markdown
    already (Markup: the catalogue's words through ``t``, which escaped them;
    escaping them again would show the backslashes)."""
    shown = text if isinstance(text, Markup) else escape_md(text)
    return Markup(f"[{shown}]({_rel(ctx, target)})")


@pass_context
def rel(ctx, target: str) -> Markup:
    return Markup(_rel(ctx, target))


@pass_context
def record_jsonld(ctx, record: Any) -> Markup:
    """The page's schema.org JSON-LD block (:mod:`directory.render.jsonld`),
    its words and links in the page's language."""
    return jsonld.script(jsonld.record(record, ctx["d"].vocab, ctx["page_path"], ctx["lang"]))


@pass_context
def site_jsonld(ctx) -> Markup:
    """The home page's JSON-LD: the web site and the data set, named in the
    page's language (plain text: JSON is no Markdown), dated by the newest review."""
    d, t = ctx["d"], i18n.catalogue(ctx["lang"]).t
    modified = max((r.last_reviewed for r in [*d.programmes.values(), *d.organisations.values()]), default=None)
    return jsonld.script(jsonld.site(t("site.name"), t("opendata.dataset.description"), modified,
                                     ctx["page_path"], ctx["lang"]))


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
    return Markup(f"[{escape_md(ctx['contact_title'](c))}]({_rel(ctx, contact_path(c))})")


def lang_span(texts: Texts) -> Markup:
    """The original-language text, marked with its language."""
    return Markup(f'<span lang="{texts.original}">{escape_md(texts.source)}</span>')


# -- the words of one language -------------------------------------------------------

class Words:
    """The helpers of the templates that say something in the page's
    language: labels of terms, dates, amounts, ages, periods, and which of a
    record's texts a page shows."""

    def __init__(self, directory: Directory, language: str):
        self.language = language
        self.catalogue = i18n.catalogue(language)
        self.t = self.catalogue.t
        self.vocab = directory.vocab
        self._year_not_stated = self.t("date.year_not_stated")
        self._list_locale = formats.LOCALES.get(language, language)

    # terms
    def label(self, vocab: str, term_id: str) -> str:
        return self.vocab.label(vocab, term_id, self.language)

    def term(self, term_id: str, vocab: str) -> str:
        """The filter ``term``: ``p.themes | map('term', 'themes')``."""
        return self.vocab.label(vocab, term_id, self.language)

    def plural(self, term: Term) -> str:
        return term.plural(self.language)

    def contact_title(self, c) -> str:
        """What a contact is called: its name, else its unit, else 'Contact at' its organisation."""
        return c.name or c.unit or self.t("contact.untitled", organisation=c.organisation.name.source)

    def language_name(self, code: str) -> str:
        """A language's name: its term's label, or its code when the vocabulary lacks it."""
        terms = self.vocab.terms.get("languages", {})
        return self.label("languages", code) if code in terms else code

    # texts of a record
    def short(self, texts: Texts) -> Markup:
        """For lists: the text in the reader's language where the record has
        it, else English, else the original, each marked with its language
        unless it is the page's."""
        for lang in (self.language, "en"):
            text = texts.by_lang.get(lang)
            if text:
                return self._marked(text, lang)
        return self._marked(texts.source, texts.original)

    def _marked(self, text: str, lang: str) -> Markup:
        if lang == self.language:
            return Markup(escape_md(text))
        return Markup(f'<span lang="{markdown.anchor(lang)}">{escape_md(text)}</span>')

    def translations(self, texts: Texts) -> list[tuple[str, str]]:
        """The texts other than the original that a page shows after it: the
        reader's language first, then English, then the others."""
        return sorted(texts.translations(),
                      key=lambda kv: (kv[0] != self.language, kv[0] != "en", kv[0]))

    def pages_shown(self, texts: Texts) -> list[tuple[str, str]]:
        """The original and the translations a page shows of ``texts``, in order."""
        if not texts:
            return []
        return [(texts.original, texts.source)] + self.translations(texts)

    # dates and numbers
    def date(self, value: PartialDate | None, missing: str | None = None) -> str:
        if value is None:
            return self.t("value.not_stated") if missing is None else missing
        return formats.date(value, self.language, self._year_not_stated)

    def number(self, value: float) -> str:
        return formats.number(value, self.language)

    def amount(self, value: float | None, currency: str | None) -> str:
        if value is None:
            return self.t("funding.amount_not_stated")
        return formats.amount(value, currency, self.language)

    def list(self, items: list[str]) -> str:
        """'a, b and c' as the language writes it (CLDR through Babel)."""
        return format_list(list(items), locale=self._list_locale) if items else ""

    def ages(self, p: Programme) -> str:
        t = self.t
        if not p.has_ages:
            return t("value.not_stated")
        parts = []
        if p.prenatal:
            parts.append(t("ages.prenatal"))
        lo, hi = p.age_min, p.age_max
        if lo is not None and hi is not None:
            parts.append(t("ages.range", low=self.number(lo), high=self.number(hi)))
        elif lo is not None:
            parts.append(t("ages.from", n=lo, low=self.number(lo)))
        elif hi is not None:
            parts.append(t("ages.up_to", n=hi, high=self.number(hi)))
        return ", ".join(parts)

    def period(self, p: Programme) -> str:
        t = self.t
        if p.start and p.end:
            return t("period.from_to", start=self.date(p.start), end=self.date(p.end))
        if p.start:
            return t("period.from", start=self.date(p.start))
        if p.end:
            return t("period.until", end=self.date(p.end))
        return t("value.not_stated")

    def derived(self, record: Any, *fields: str) -> list[tuple[str, Texts]]:
        """What the record's values of ``fields`` are derived from, fields with
        the same note together: [('country and region', note)], for 'country and
        region derived from ...'. Empty when the source states them."""
        groups: dict[tuple, tuple[list[str], Texts]] = {}
        for name in fields:
            note = record.derived.get(name)
            if not note:
                continue
            value = getattr(record, name, None)
            count = len(value) if isinstance(value, list) else 1
            words = self.t(f"derived.field.{name}", n=count)
            groups.setdefault(tuple(sorted(note.by_lang.items())), ([], note))[0].append(words)
        return [(self.list(names), note) for names, note in groups.values()]


def derived(record: Any, *fields: str) -> list[tuple[str, Texts]]:
    """:meth:`Words.derived` in English."""
    from ..model import Vocabularies

    return Words(Directory({}, {}, {}, {}, Vocabularies({})), i18n.DEFAULT).derived(record, *fields)


def _remembered(env: Environment, macro: str, key: Callable[[Any], Any]) -> Callable:
    """A macro of _macros.md.j2 whose output is remembered per folder and key.

    A macro's Markdown depends only on its argument, on the folder of the
    page it is on (links are relative) and on the page's language, which
    ``env`` has. Source lines and list items repeat on thousands of pages,
    and calling a Jinja macro is slow."""
    modules: dict[str, Any] = {}
    outputs: dict[tuple, Markup] = {}

    @pass_context
    def call(ctx, value: Any) -> Markup:
        here = posixpath.dirname(ctx["page_path"])
        cache_key = (here, key(value))
        if cache_key not in outputs:
            if here not in modules:
                page = posixpath.join(here, "_.md")
                modules[here] = env.get_template("_macros.md.j2").make_module(
                    {"page_path": page, "lang": env.globals["lang"]})
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


def environment(directory: Directory, options: Options, today: dt.date,
                language: str = i18n.DEFAULT) -> Environment:
    """The environment of the record pages in ``language``."""
    env = markdown.environment(language)
    words = Words(directory, language)
    env.globals.update(
        d=directory,
        options=options,
        label=words.label,
        plural=words.plural,
        language_name=words.language_name,
        contact_title=words.contact_title,
        terms=directory.vocab.ordered,
        link=link,
        rel=rel,
        plink=plink,
        olink=olink,
        clink=clink,
        record_link=record_link,
        short=words.short,
        translations=words.translations,
        lang_span=lang_span,
        programme_path=programme_path,
        organisation_path=organisation_path,
        contact_path=contact_path,
        record_data_path=lambda record: urls.record_data_path(record.KIND, record.id),
        record_jsonld=record_jsonld,
        last_changed=_last_changed(options),
        history_url=_history_url(options),
        site_jsonld=site_jsonld,
        ages=words.ages,
        period=words.period,
        amount=words.amount,
        derived=words.derived,
        number=words.number,
        join=join,
        review=lambda record: review.review_of(record, record.last_reviewed, today),
        contact_outdated=lambda contact: review.contact_outdated(contact, today),
        review_months=review.REVIEW_MONTHS,
        contact_months=review.CONTACT_SOURCE_MONTHS,
        **pictures.helpers(directory, today),
    )
    env.globals.update(
        # the directory page's words for its script, in the page's language
        search_words=pass_context(lambda ctx, element_id, area: words_script(element_id, ctx["lang"], area)),
        item=_remembered(env, "item", lambda p: p.id),
        source_line=_remembered(env, "source_line", lambda ref: (ref.source.id, ref.locator)),
    )
    env.filters.update(md=markdown_text, html=html_text, anchor=anchor, date=words.date, url=url_md,
                       term=words.term)
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
             values: Callable[[Programme], list[str]], language: str, plural: bool = False) -> list[Group]:
    terms = directory.vocab.ordered(vocab)
    groups = _grouped(terms, programmes, values)
    return [Group(t.id, t.plural(language) if plural else t.name(language), groups[t.id],
                  t.description(language))
            for t in terms if groups[t.id]]


def _by_country(directory: Directory, programmes: list[Programme], words: Words):
    """[(country group, [region groups, then 'no region stated'])] and those without a country."""
    countries, regions = directory.vocab.ordered("countries"), directory.vocab.ordered("regions")
    in_country = _grouped(countries, programmes, lambda p: p.countries)
    in_region = _grouped(regions, programmes, lambda p: p.regions)
    lang = words.language
    out = []
    for country in countries:
        listed = in_country[country.id]
        if not listed:
            continue
        code = country.id.lower()
        sub = [Group(r.id.lower(), r.name(lang), in_region[r.id]) for r in regions
               if r.extra.get("country") == country.id and in_region[r.id]]
        elsewhere = [p for p in listed if not p.regions]
        if elsewhere:
            sub.append(Group(f"{code}-no-region", words.t("browse.countries.no_region", country=country.name(lang)),
                             elsewhere))
        out.append((Group(code, country.name(lang), listed), sub))
    no_country = Group("no-country", words.t("browse.countries.none"),
                       [p for p in programmes if not p.countries])
    return out, no_country


def page_plan(directory: Directory, options: Options | None = None,
              language: str = i18n.DEFAULT) -> dict[str, Callable[[], str]]:
    """Every generated page of ``language``, keyed by its path under the docs
    root, each as a function that renders it."""
    options = options or Options()
    today = options.today or review.today()
    env = environment(directory, options, today, language)
    words = Words(directory, language)
    t = words.t
    plan: dict[str, Callable[[], str]] = {}

    def page(template: str, path: str, values: Callable[[], dict[str, Any]] | None = None, **fixed: Any) -> None:
        where = localized(path, language)

        def render() -> str:
            more = values() if values else {}
            return env.get_template(template).render(page_path=where, **fixed, **more)

        plan[where] = render

    for p in directory.programmes.values():
        edit = options.edit_url(p.location.path) if options.edit_url else None
        page("programme.md.j2", programme_path(p), p=p, edit_url=edit, max_siblings=MAX_SIBLINGS)
    for o in directory.organisations.values():
        page("organisation.md.j2", organisation_path(o),
             lambda o=o: {"programmes": directory.programmes_of(o), "contacts": directory.contacts_at(o)}, o=o)
    for c in directory.contacts.values():
        page("contact.md.j2", contact_path(c), lambda c=c: {"programmes": directory.programmes_with(c)}, c=c)

    @functools.cache
    def programmes() -> list[Programme]:
        return sorted(directory.programmes.values(), key=lambda p: p.sort_key)

    def kinds() -> list[Group]:
        return _by_term(directory, programmes(), "kinds", lambda p: [p.kind], language, plural=True)

    def countries() -> dict[str, Any]:
        found, none = _by_country(directory, programmes(), words)
        return {"countries": found, "no_country": none}

    page("home.md.j2", "index.md", lambda: {"kinds": kinds()})
    page("all.md.j2", "programmes/index.md", roots=directory.roots)
    page("by_country.md.j2", "browse/countries.md", countries)
    page("by_term.md.j2", "browse/themes.md", lambda: {"groups": _by_term(
        directory, programmes(), "themes", lambda p: p.themes, language)}, title=t("browse.themes.title"))
    page("by_term.md.j2", "browse/kinds.md", lambda: {"groups": kinds()}, title=t("browse.kinds.title"))
    page("organisations.md.j2", "organisations/index.md", lambda: {
        "organisations": sorted(directory.organisations.values(), key=lambda o: o.sort_key)})
    page("contacts.md.j2", "contacts/index.md", lambda: {
        "contacts": sorted(directory.contacts.values(), key=lambda c: c.sort_key)})
    page("sources.md.j2", "sources/index.md", sources=list(directory.sources.values()))
    page("review.md.j2", "review.md", lambda: review.review_lists(directory, today), today=today)
    page("directory.md.j2", "directory.md")
    page("whats_new.md.j2", urls.WHATS_NEW, lambda: {
        "entries": changes.entries(options.history, directory, language)},
        history=options.history, history_commits=options.history_commits,
        more=changes.more(options.history), feed_path=urls.localized(urls.FEED, language))
    pictures.plan(page, directory, today)
    return plan


def render_descriptions_ahead(directory: Directory, processes: int = 1) -> int:
    """Render every description a programme page shows, in every language it
    has, now and in up to ``processes`` processes (description.render_ahead):
    the pages of each language then take them as they are. The number of texts."""
    return description.render_ahead(
        (text for p in directory.programmes.values() for text in p.description.by_lang.values()), processes)


def render_pages(directory: Directory, options: Options | None = None,
                 language: str = i18n.DEFAULT) -> dict[str, str]:
    """Every generated page of ``language``, rendered, keyed by its path under the docs root."""
    return {path: render() for path, render in page_plan(directory, options, language).items()}
