"""MkDocs hooks: the thin layer between the directory generator and MkDocs.

MkDocs loads this file through ``hooks:`` in mkdocs.yml. On every build (and
every rebuild under ``mkdocs serve``) it calls :func:`directory.site.build`,
which validates the data folder and makes every generated file (pages, field
reference, open data, search index), and hands the files to MkDocs. The build
refuses to publish data with errors. ``mkdocs serve`` never stops on bad
data: it prints the errors and shows them on every page (over the last good
site, or over the site's pages without records when it started on bad data),
and builds again on the next save. Nothing else in the package imports
MkDocs, so the site can move to another generator by replacing this file.

The data folder is ``data/`` beside mkdocs.yml, or the folder named by the
environment variable DIRECTORY_DATA (``make build DATA=path``).

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

import html
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent))

from directory import site  # noqa: E402
from directory.problems import summary  # noqa: E402
from directory.schema import SCHEMA_PATH  # noqa: E402

log = logging.getLogger("mkdocs.hooks.directory")
ROOT = Path(__file__).resolve().parent.parent

KEPT = "The data has errors: this preview shows the last version that built. Fix these and save; the page reloads."
NOTHING_YET = ("The data has errors: nothing could be built from it yet, so these pages show no records. "
               "Fix these and save; the page reloads.")


@dataclass
class Shown:
    """One build: the errors every page shows (``serve`` with bad data) and
    how many pages are written."""

    banner: str = ""  # the title above the errors
    errors: list[str] = field(default_factory=list)
    pages_total: int = 0
    pages_done: int = 0
    lastmod: dict[str, str] = field(default_factory=dict)  # page path -> the day git last changed its record


@dataclass
class Session:
    """One ``mkdocs build`` or ``mkdocs serve`` command and its rebuilds.

    Under ``serve`` a rebuild with bad data keeps the last good site and shows
    the errors on every page instead of leaving the browser waiting for a
    build that cannot happen; started on bad data, it serves the site's pages
    without records, with the errors on every page, until the data is fixed."""

    command: str  # build, serve or gh-deploy
    last_good: dict[str, str | bytes] | None = None  # site path -> content; serve only
    shown: Shown = field(default_factory=Shown)


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
    _session = Session(command)


def on_files(files: Files, config) -> Files:
    session = _current()
    options = site.environment_options(Path(config.config_file_path).parent)
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
        log.info("directory: %d programmes, %d organisations, %d contacts: %d pages and data files "
                 "in %.1f s, with the search index (%d files, %.1f MB, %.1f s)",
                 len(d.programmes), len(d.organisations), len(d.contacts), len(generated),
                 built.seconds["files"], index.files, index.bytes / 1e6, index.seconds)
        if session.command == "serve":  # only a preview falls back to the last good site
            session.last_good = generated
    elif session.command == "serve":
        shown.errors = [p.format() for p in built.problems if p.level == "error"]
        # not log.warning: under --strict a warning would abort this rebuild too
        if session.last_good is not None:
            shown.banner = KEPT
            print(f"directory: the data has {summary(built.problems)}; the preview keeps the last "
                  "good version of the site and shows the errors on every page. Fix them and save: "
                  "the preview reloads.", file=sys.stderr)
            generated = session.last_good
        else:
            shown.banner = NOTHING_YET
            print(f"directory: the data has {summary(built.problems)}; nothing could be built from "
                  "it yet. The preview shows the errors on every page (the pages have no records "
                  "until then). Fix them and save: the preview reloads.", file=sys.stderr)
            generated = site.without_records(options).files
    else:
        raise PluginError(f"the data has {summary(built.problems)}; nothing was built. "
                          "Fix the errors listed above (make check shows them too).")
    for path, content in generated.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} exists but the directory generates that file; "
                              "rename or remove docs/" + path)
        files.append(File.generated(config, path, content=content))
    shown.pages_total = len(files.documentation_pages())
    return files


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
    at the top of every page."""
    shown = _current().shown
    shown.pages_done += 1
    step = max(1000, shown.pages_total // 10)
    if shown.pages_done % step == 0:
        log.info("directory: %d of %d pages written", shown.pages_done, shown.pages_total)
    return with_errors(output, shown.banner, shown.errors)


def on_serve(server, config, builder):
    """Rebuild when the data, the schema or the templates change."""
    for path in (data_folder(config), SCHEMA_PATH.parent, ROOT / "scripts"):
        server.watch(str(path))
    return server
