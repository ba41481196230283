"""MkDocs hooks: the thin layer between the directory generator and MkDocs.

MkDocs loads this file through ``hooks:`` in mkdocs.yml. On every build (and
every rebuild under ``mkdocs serve``) it calls :func:`directory.site.build`,
which validates the data folder and makes every generated file (pages in
each language, field reference, open data, search index), and hands the
files to MkDocs. The build refuses to publish data with errors. ``mkdocs
serve`` never stops on bad data: it prints the errors and shows them on every
page (over the last good site, or over the site's pages without records when
it started on bad data), and builds again on the next save. Nothing else in
the package imports MkDocs, so the site can move to another generator by
replacing this file.

The data folder is ``data/`` beside mkdocs.yml, or the folder named by the
environment variable DIRECTORY_DATA (``make build DATA=path``). The site is
built in English, Dutch and Danish, or in the languages DIRECTORY_LANGUAGES
names (English always; ``make bench`` compares one language with three).

Three languages, one site: English at the root, Dutch under ``nl/``, Danish
under ``da/``, each page at the same path in each. mkdocs.yml's nav is the
English one; :func:`on_config` adds one section a language with the same
entries, their titles from the catalogue (``nav.*`` keys, found by their
English text) and their pages under the language's folder, and the theme's
nav partial (overrides/partials/nav.html) shows each page the section of its
language. :func:`on_page_context` gives the theme the page's language
(its words: ``t`` of scripts/theme_hooks.py), Material's own strings (overrides/partials/language.html),
the same page in the other languages (the switch and ``hreflang``) and the
language's home.

Speed: a page is rendered from its template when MkDocs reads it
(:class:`RenderedFile`), and under ``mkdocs build`` each other language's
pages are read, converted and written by a process of its own
(:func:`on_nav` forks it once the navigation is made; the validated model,
the files and the navigation are shared by the fork, not made again), while
this process builds the English pages; :func:`on_post_build` waits for them
and fails the build when one failed. MkDocs' own functions for one page
(``_populate_page``, ``_build_page``) do the work there, as in its own
build loop. Before that, the descriptions every language's pages show are
rendered once, by as many processes as there are processors
(:func:`directory.render.render_descriptions_ahead`), and the forks take
them as they are. ``mkdocs serve`` builds every page in this process.

What the hooks remember: MkDocs loads this module once per process, calls
``on_startup`` once per command, and under ``serve`` calls the other hooks
again on every rebuild, each time with a new config; the module is the only
object that outlives a rebuild. So the module holds exactly one thing, the
:class:`Session` of the running command, which ``on_startup`` makes new (a
second command in the same process starts clean). The session remembers the
last good site (``serve`` only) and the :class:`Shown` state of the current
build, which ``on_files`` makes new on every build. The generator itself
keeps nothing: ``site.build`` is a function of the data folder and options.
"""
from __future__ import annotations

import gc
import gzip
import html
import logging
import os
import posixpath
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, get_build_date

sys.path.insert(0, str(Path(__file__).resolve().parent))

from directory import render, site  # noqa: E402
from directory.languages import DEFAULT  # noqa: E402
from directory.problems import summary  # noqa: E402
from directory.render import i18n, sitemap, urls  # noqa: E402
from directory.schema import SCHEMA_PATH  # noqa: E402

log = logging.getLogger("mkdocs.hooks.directory")
ROOT = Path(__file__).resolve().parent.parent

# the banners over every page when serve has bad data (catalogue keys; each page says it in its language)
BANNER_KEPT, BANNER_NOTHING_YET = "banner.kept", "banner.nothing_yet"
KEPT = i18n.catalogue(DEFAULT).t(BANNER_KEPT)  # their English, as a page without a language shows them
NOTHING_YET = i18n.catalogue(DEFAULT).t(BANNER_NOTHING_YET)


@dataclass
class Shown:
    """One build: the errors every page shows (``serve`` with bad data) and
    how many pages are written."""

    banner: str = ""  # the catalogue key of the title above the errors (each page says it in its language)
    errors: list[str] = field(default_factory=list)
    pages_total: int = 0
    pages_done: int = 0
    lastmod: dict[str, str] = field(default_factory=dict)  # page path -> the day git last changed its record
    pages: dict[str, str] = field(default_factory=dict)  # every language's page path -> its address
    in_nav: set[str] = field(default_factory=set)  # the path of every page the nav lists
    navs: dict[tuple[str, str], str] = field(default_factory=dict)  # (language, folder) -> its nav's HTML


@dataclass
class Session:
    """One ``mkdocs build`` or ``mkdocs serve`` command and its rebuilds.

    Under ``serve`` a rebuild with bad data keeps the last good site and shows
    the errors on every page instead of leaving the browser waiting for a
    build that cannot happen; started on bad data, it serves the site's pages
    without records, with the errors on every page, until the data is fixed."""

    command: str  # build, serve or gh-deploy
    last_good: site.Files | None = None  # the last good site's files; serve only
    shown: Shown = field(default_factory=Shown)
    languages: tuple[str, ...] = (DEFAULT,)  # the languages of the current build
    nav_items: dict[str, list] = field(default_factory=dict)  # language -> its nav entries
    workers: dict[str, int] = field(default_factory=dict)  # language -> the process building its pages


_session: Session | None = None  # the running command's; made by on_startup


def _current() -> Session:
    if _session is None:
        raise PluginError("the directory hooks start with on_startup: run mkdocs build or mkdocs serve")
    return _session


def data_folder(config) -> Path:
    configured = os.environ.get("DIRECTORY_DATA") or config.extra.get("directory", {}).get("data", "data")
    folder = Path(configured)
    return folder if folder.is_absolute() else (Path(config.config_file_path).parent / folder)


def on_startup(command, dirty):
    """Refuse `mkdocs build --dirty`: it leaves the pages of removed records in
    site/, and such a site must never be published."""
    global _session
    if command == "build" and dirty:
        raise PluginError("mkdocs build --dirty keeps the pages of removed records; build without --dirty")
    _session = Session(command, languages=_languages())


def _languages() -> tuple[str, ...]:
    try:
        return site.languages()
    except site.LanguagesError as exc:
        raise PluginError(str(exc)) from None


# -- the navigation in each language -------------------------------------------------

def _nav_keys() -> dict[str, str]:
    """English nav title -> its catalogue key."""
    english = i18n.catalogue(DEFAULT)
    return {text: key for key, text in english.texts.items() if key.startswith("nav.")}


def translated_nav(nav: list, lang: str, keys: dict[str, str] | None = None) -> list:
    """mkdocs.yml's nav in ``lang``: the same entries, titled from the
    catalogue, their pages in the language's folder."""
    keys = _nav_keys() if keys is None else keys
    words = i18n.catalogue(lang)
    out = []
    for item in nav:
        if isinstance(item, str):
            out.append(urls.localized(item, lang))
            continue
        for title, value in item.items():
            if title not in keys:
                raise PluginError(f"mkdocs.yml: the nav title {title!r} has no nav.* key with that English "
                                  "text in scripts/directory/render/locales/en/site.yaml; add one, and its "
                                  "Dutch and Danish titles")
            name = words.t(keys[title])
            if isinstance(value, list):
                out.append({name: translated_nav(value, lang, keys)})
            elif "://" in value:
                out.append({name: value})
            else:
                out.append({name: urls.localized(value, lang)})
    return out


def on_config(config):
    """The site's languages (DIRECTORY_LANGUAGES), and a section of the nav
    for each but English, in its language; the site's address from
    DIRECTORY_SITE_URL where mkdocs.yml names none (the publish workflow sets
    it from GitHub Pages: the sitemap needs absolute addresses)."""
    session = _current()
    config.site_url = site_address(config.site_url, os.environ.get("DIRECTORY_SITE_URL", ""))
    session.languages = _languages()
    english = list(config.nav or [])
    config.nav = english + [{i18n.catalogue(lang).t("switch.name"): translated_nav(english, lang)}
                            for lang in session.languages if lang != DEFAULT]
    return config


def site_address(configured: str | None, given: str) -> str | None:
    """The site's address: mkdocs.yml's, else ``given`` (http or https, with
    a final slash added); None without either."""
    given = given.strip()
    if configured or not given:
        return configured or None
    if not given.startswith(("https://", "http://")) or " " in given:
        raise PluginError(f"DIRECTORY_SITE_URL is {given!r}; write the site's address, such as "
                          "https://example.org/directory/")
    return given.rstrip("/") + "/"


def on_nav(nav, config, files):
    """Each language's entries for the theme's nav partial, and previous/next
    links that stay within a language. Under ``mkdocs build``, start the
    processes that build the other languages' pages (see the module's
    docstring) and leave their pages to them."""
    session = _current()
    extra = [lang for lang in session.languages if lang != DEFAULT]
    sections = nav.items[len(nav.items) - len(extra):] if extra else []
    session.nav_items = {DEFAULT: nav.items[:len(nav.items) - len(extra)]}
    for lang, section in zip(extra, sections):
        assert isinstance(section, Section)
        session.nav_items[lang] = section.children
    by_language: dict[str, list[Page]] = {}
    for page in nav.pages:
        by_language.setdefault(urls.page_language(page.file.src_uri), []).append(page)
    for pages in by_language.values():
        for before, after in zip([None, *pages], [*pages, None]):
            if before is not None:
                before.next_page = after
            if after is not None:
                after.previous_page = before
    session.shown.in_nav = {page.file.src_uri for page in nav.pages}  # before the forks: they need it
    if _forks(session):
        for lang in extra:
            mine = [f for f in files.documentation_pages() if urls.page_language(f.src_uri) == lang]
            session.workers[lang] = _fork(lambda mine=mine: _build_pages(mine, config, files, nav))
            if isinstance(files, SiteFiles):
                files.elsewhere.update(f.src_uri for f in mine)
        session.shown.pages_total = len(files.documentation_pages())
    session.shown.pages = {f.src_uri: f.url for f in files if f.is_documentation_page()}
    return nav


def _forks(session: Session) -> bool:
    """Whether this build hands the other languages' pages to processes of their own."""
    return session.command == "build" and len(session.languages) > 1 and hasattr(os, "fork")


def _processors() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _fork(work: Callable[[], int]) -> int:
    """Run ``work`` in a child process; its process id."""
    sys.stdout.flush()
    sys.stderr.flush()
    gc.collect()
    gc.freeze()  # what the parent made stays shared, untouched by the child's collections
    pid = os.fork()
    if pid:
        gc.unfreeze()
        return pid
    code = 2
    try:
        code = work()
    except BaseException:  # noqa: BLE001 - whatever happens, the child must end here
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _build_pages(mine: list[File], config, files: Files, nav) -> int:
    """In a child process: read, convert and write the pages ``mine`` as
    MkDocs' build does; 0 when that went without a warning or error."""
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    shown = _current().shown
    shown.pages_total, shown.pages_done = len(mine), 0
    env = config.theme.get_env()
    env = config.plugins.on_env(env, config=config, files=files)
    for f in mine:
        if f.page is None:
            Page(None, f, config)
        mkdocs_build._populate_page(f.page, config, files)
    for f in mine:
        mkdocs_build._build_page(f.page, config, mine, nav, env)
    for f in mine:
        f.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    return 1 if counter.get_counts() else 0


def on_post_build(config):
    """Wait for the processes building the other languages' pages; with the
    site's address (site_url), write the sitemap of all of them."""
    session = _current()
    failed = []
    for lang, pid in session.workers.items():
        _, status = os.waitpid(pid, 0)
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            failed.append(lang)
    session.workers = {}
    if failed:
        raise PluginError(f"building the pages in {', '.join(failed)} failed or warned (see the messages "
                          "above); nothing may be published")
    if config.site_url:
        write_sitemap(config, session.shown)


def write_sitemap(config, shown: Shown) -> None:
    """The sitemap of every language's pages (directory.render.sitemap), in
    place of MkDocs' own, which knows only the pages this process built: a
    record's page with the day git last changed its record, every other page
    with the day of the build (as MkDocs dates them)."""
    today = get_build_date()
    pages = [(address, shown.lastmod.get(path, today)) for path, address in shown.pages.items()]
    for name, content in sitemap.sitemap(config.site_url, pages).items():
        target = Path(config.site_dir) / name
        target.write_bytes(content)
        if name == sitemap.NAME:
            with gzip.GzipFile(target.with_name(name + ".gz"), "wb", mtime=0) as out:
                out.write(content)


# -- the files ---------------------------------------------------------------------

class SiteFiles(Files):
    """The site's files, less the pages another process builds (or none,
    for a language the build leaves out): MkDocs' build reads and writes
    :meth:`documentation_pages`, while links are checked against every file
    (``get_file_from_path``), so a page may link to the same page in another
    language."""

    def __init__(self, files) -> None:
        super().__init__(files)
        self.elsewhere: set[str] = set()  # the src_uri of each page this process does not build

    def documentation_pages(self, **kwargs):
        pages = super().documentation_pages(**kwargs)
        return [f for f in pages if f.src_uri not in self.elsewhere] if self.elsewhere else pages


class RenderedFile(File):
    """A page of the directory, rendered from its template when it is read."""

    render: Callable[[], str]

    @property
    def content_string(self) -> str:
        return self.render()

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.render = lambda: value

    @property
    def content_bytes(self) -> bytes:
        return self.render().encode("utf-8")

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.render = lambda: value.decode("utf-8")


def _generated(config, files: site.Files, path: str) -> File:
    if files.rendered_later(path):
        f = RenderedFile.generated(config, path, content="")
        f.render = lambda: files[path]
        return f
    return File.generated(config, path, content=files[path])


def on_files(files: Files, config) -> Files:
    session = _current()
    options = site.environment_options(Path(config.config_file_path).parent)
    options.languages = session.languages
    built = site.build(data_folder(config), options)
    log.info("directory: validated %d records in %.1f s: %s%s", built.records, built.seconds["validation"],
             summary(built.problems),
             " (warnings do not block the build)" if built.ok and built.problems else "")
    for problem in built.problems:
        # warnings go to stderr outside MkDocs' logger: they must not fail --strict
        print(problem.format(), file=sys.stderr)
    session.shown = shown = Shown()
    if built.ok:
        generated = built.files
        shown.lastmod = built.lastmod
        d, index = built.directory, built.index
        log.info("directory: %d programmes, %d organisations, %d contacts in %s: %d pages and data files; "
                 "the data files and the search index in %.1f s (%d index files, %.1f MB, %.1f s)",
                 len(d.programmes), len(d.organisations), len(d.contacts), ", ".join(session.languages),
                 len(generated), built.seconds["files"], index.files, index.bytes / 1e6, index.seconds)
        if session.command == "serve":  # only a preview falls back to the last good site
            session.last_good = generated
        if _forks(session):  # each language's process takes them as they are, rendered once
            started = time.perf_counter()
            texts = render.render_descriptions_ahead(d, _processors())
            log.info("directory: %d descriptions rendered for all languages in %.1f s", texts,
                     time.perf_counter() - started)
    elif session.command == "serve":
        shown.errors = [p.format() for p in built.problems if p.level == "error"]
        # not log.warning: under --strict a warning would abort this rebuild too
        if session.last_good is not None:
            shown.banner = BANNER_KEPT
            print(f"directory: the data has {summary(built.problems)}; the preview keeps the last "
                  "good version of the site and shows the errors on every page. Fix them and save: "
                  "the preview reloads.", file=sys.stderr)
            generated = session.last_good
        else:
            shown.banner = BANNER_NOTHING_YET
            print(f"directory: the data has {summary(built.problems)}; nothing could be built from "
                  "it yet. The preview shows the errors on every page (the pages have no records "
                  "until then). Fix them and save: the preview reloads.", file=sys.stderr)
            generated = site.without_records(options).files
    else:
        raise PluginError(f"the data has {summary(built.problems)}; nothing was built. "
                          "Fix the errors listed above (make check shows them too).")
    for path in generated:
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} exists but the directory generates that file; "
                              "rename or remove docs/" + path)
        files.append(_generated(config, generated, path))
    files = SiteFiles(files)
    # the hand-written pages of a language this build leaves out (docs/nl/about.md) are not
    # built, but stay known, so that the English pages' links to them hold (DIRECTORY_LANGUAGES=en)
    files.elsewhere.update(f.src_uri for f in files if f.is_documentation_page()
                           and urls.page_language(f.src_uri) not in session.languages)
    shown.pages_total = len(files.documentation_pages())
    return files


# -- each page: its language --------------------------------------------------------

def on_env(env, config, files):
    """What a template without a page needs (the 404 page): the site's
    languages, their homes and their catalogues."""
    languages = _current().languages
    env.globals.update(dir_languages=languages, dir_catalogue=i18n.catalogue,
                       dir_homes={lang: urls.page_url(urls.localized("index.md", lang)) for lang in languages})
    return env


def on_page_context(context, page, config, nav):
    """The page's language for the theme: its name and home, its nav
    entries, and the same page in each language (its words: ``t`` of
    scripts/theme_hooks.py, from the same path)."""
    session = _current()
    path = page.file.src_uri
    lang = urls.page_language(path)
    words = i18n.catalogue(lang)
    home = urls.localized("index.md", lang)
    context.update(
        dir_lang=lang,
        dir_page=urls.unlocalized(path),
        dir_site_name=words.t("site.name"),
        dir_site_description=words.t("site.description"),
        dir_home=urls.page_url(home),
        dir_is_home=path == home,
        dir_nav=session.nav_items.get(lang, nav.items),
        dir_alternates=[
            {"lang": other, "name": i18n.catalogue(other).t("switch.name"), "url": urls.page_url(target),
             "current": other == lang}
            for other, target in urls.alternates(path, session.languages).items()],
        dir_nav_key=nav_key(page.url, lang) if path not in session.shown.in_nav else None,
        dir_navs=session.shown.navs,
    )
    return context


def nav_key(url: str, lang: str) -> tuple[str, str]:
    """What the nav of a page the nav does not list depends on: its language
    (the entries and their titles) and its folder (the links are relative to
    the page; no entry is the current one)."""
    return lang, posixpath.dirname(url.rstrip("/"))


_ARTICLE = '<article class="md-content__inner md-typeset">'


def with_errors(output: str, banner: str, errors: list[str]) -> str:
    """A page with the errors at the top of its article, escaped as text."""
    if not errors or _ARTICLE not in output:
        return output
    lines = "\n".join(html.escape(line) for line in errors)
    shown = ('<div class="admonition failure directory-errors" role="alert">'
             f'<p class="admonition-title">{html.escape(banner)}</p>'
             f"<pre><code>{lines}</code></pre></div>")
    return output.replace(_ARTICLE, _ARTICLE + shown, 1)


def on_page_markdown(markdown: str, page, config, files) -> str:
    """The sitemap's lastmod of a record's page: the day git last changed the
    record (site.Site.lastmod); other pages keep MkDocs' date of the build."""
    day = _current().shown.lastmod.get(page.file.src_uri)
    if day is not None:
        page.update_date = day
    return markdown


def on_post_page(output: str, page, config) -> str:
    """Progress of a long build; under ``mkdocs serve`` with bad data, the errors
    at the top of every page, under the banner in the page's language."""
    shown = _current().shown
    shown.pages_done += 1
    step = max(1000, shown.pages_total // 10)
    if shown.pages_done % step == 0:
        log.info("directory: %d of %d pages written", shown.pages_done, shown.pages_total)
    lang = urls.page_language(page.file.src_uri) if page is not None else DEFAULT
    banner = i18n.catalogue(lang).t(shown.banner) if shown.banner else ""
    return with_errors(output, banner, shown.errors)


def on_serve(server, config, builder):
    """Rebuild when the data, the schema or the templates change."""
    for path in (data_folder(config), SCHEMA_PATH.parent, ROOT / "scripts"):
        server.watch(str(path))
    return server
