"""MkDocs hooks: the thin layer between the directory generator and MkDocs.

MkDocs loads this file through ``hooks:`` in mkdocs.yml. On every build (and
every rebuild under ``mkdocs serve``) it validates the data folder, refuses to
build when there are errors, renders the pages with ``directory.render`` and
hands them to MkDocs as generated files. ``mkdocs serve`` never stops on bad
data: it prints the errors and shows them on every page (over the last good
site, or over the site's pages without records when it started on bad data),
and builds again on the next save. Nothing else in the package imports
MkDocs, so the site can move to another generator by replacing this file.

The data folder is ``data/`` beside mkdocs.yml, or the folder named by the
environment variable DIRECTORY_DATA (``make build DATA=path``).
"""
from __future__ import annotations

import html
import logging
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent))

from directory import model  # noqa: E402
from directory.export import export_json  # noqa: E402
from directory.problems import summary  # noqa: E402
from directory.reference import reference_page  # noqa: E402
from directory.render import Options, programme_path, render_pages  # noqa: E402
from directory.search_index import INDEX_FOLDER, build_search_index  # noqa: E402
from directory.site import site_files  # noqa: E402
from directory.load import data_files  # noqa: E402
from directory.validate import validate  # noqa: E402
from directory.schema import SCHEMA_PATH  # noqa: E402
from directory.schema.records import Context  # noqa: E402

log = logging.getLogger("mkdocs.hooks.directory")
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class _Session:
    """What the hooks remember between the builds of one ``mkdocs`` run.

    Under ``mkdocs serve`` a rebuild with bad data keeps the last good pages
    (``last_good``) and shows the errors on every page instead of leaving the
    browser waiting for a build that cannot happen. Started on bad data, it
    serves the site's pages without records, with the errors on every page,
    until the data is fixed."""

    command: str = "build"
    last_good: dict[str, str | bytes] | None = None  # site path -> content
    directory: model.Directory | None = None  # the last good model, for the search index
    showing_errors: list[str] = field(default_factory=list)
    banner: str = ""  # the title above the errors
    pages_total: int = 0  # progress of a long build
    pages_done: int = 0


_session = _Session()


def data_folder(config) -> Path:
    configured = os.environ.get("DIRECTORY_DATA") or config.extra.get("directory", {}).get("data", "data")
    folder = Path(configured)
    return folder if folder.is_absolute() else (Path(config.config_file_path).parent / folder)


def edit_url(config):
    """'Edit this record' goes to the web editor of the repository that builds
    the site: GitHub Actions names it (GITHUB_REPOSITORY), or
    DIRECTORY_REPOSITORY_URL does. The settings file .github/repository.yml is
    never read for it, so its placeholders cannot reach the site; without a
    repository the pages link to the published data file and line instead.
    The branch is the settings' ``branch`` (DIRECTORY_BRANCH overrides it)."""
    repo = os.environ.get("DIRECTORY_REPOSITORY_URL")
    if not repo and os.environ.get("GITHUB_REPOSITORY"):
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
        repo = f"{server}/{os.environ['GITHUB_REPOSITORY']}"
    if not repo:
        return None
    branch = os.environ.get("DIRECTORY_BRANCH") or _settings_branch()
    root = Path(config.config_file_path).parent

    def url(path: str) -> str:
        try:
            relative = Path(path).resolve().relative_to(root).as_posix()
        except ValueError:
            relative = Path(path).name
        return f"{repo.rstrip('/')}/edit/{branch}/{relative}"

    return url


def _settings_branch() -> str:
    """The published branch, from the repository's settings (main when unset)."""
    import yaml

    try:
        settings = yaml.safe_load((ROOT / ".github" / "repository.yml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return "main"
    branch = settings.get("branch") if isinstance(settings, dict) else None
    return branch if isinstance(branch, str) and branch else "main"


def on_startup(command, dirty):
    """Refuse `mkdocs build --dirty`: it leaves the pages of records that were
    removed or renamed in site/, and such a site must never be published."""
    if command == "build" and dirty:
        raise PluginError("mkdocs build --dirty keeps the pages of removed records; build without --dirty")
    _session.command = command
    _session.last_good = None
    _session.directory = None


def on_files(files: Files, config) -> Files:
    folder = data_folder(config)
    started = time.perf_counter()
    result = validate(folder)
    log.info("directory: validated %d records in %.1f s: %s%s", len(result.context.records),
             time.perf_counter() - started, summary(result.problems),
             " (warnings do not block the build)" if result.ok and result.problems else "")
    for problem in result.problems:
        # warnings go to stderr outside MkDocs' logger: they must not fail --strict
        print(problem.format(), file=sys.stderr)
    _session.showing_errors = []
    if result.ok:
        generated = _generate(result, config)
    elif _session.command == "serve":
        _session.showing_errors = [p.format() for p in result.problems if p.level == "error"]
        # not log.warning: under --strict a warning would abort this rebuild too
        if _session.last_good is not None:
            _session.banner = KEPT
            print(f"directory: the data has {summary(result.problems)}; the preview keeps the last "
                  "good version of the site and shows the errors on every page. Fix them and save: "
                  "the preview reloads.", file=sys.stderr)
            generated = _session.last_good
        else:
            _session.banner = NOTHING_YET
            print(f"directory: the data has {summary(result.problems)}; nothing could be built from "
                  "it yet. The preview shows the errors on every page (the pages have no records "
                  "until then). Fix them and save: the preview reloads.", file=sys.stderr)
            generated = _without_records(result)
    else:
        raise PluginError(f"the data has {summary(result.problems)}; nothing was built. "
                          "Fix the errors listed above (make check shows them too).")
    for path, content in generated.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} exists but the directory generates that page; "
                              "rename or remove docs/" + path)
        files.append(File.generated(config, path, content=content))
    _session.pages_total = len(files.documentation_pages())
    _session.pages_done = 0
    return files


def _generate(result, config) -> dict[str, str | bytes]:
    """The generated pages and the open data files, by their path in the site."""
    started = time.perf_counter()
    directory = model.build(result.context)
    options = Options(edit_url=edit_url(config), today=result.context.today)
    generated = site_files(result, directory, options)
    log.info("directory: %d programmes, %d organisations, %d contacts: %d pages and data files "
             "in %.1f s", len(directory.programmes), len(directory.organisations),
             len(directory.contacts), len(generated), time.perf_counter() - started)
    if _session.command == "serve":  # only a preview falls back to the last good site
        _session.last_good = generated
    _session.directory = directory
    return generated


def _without_records(result) -> dict[str, str | bytes]:
    """The site's pages as they are with no records at all: what ``mkdocs
    serve`` shows, with the errors, when it starts on data that has errors."""
    empty = Context(today=result.context.today)
    directory = model.build(empty)
    generated: dict[str, str | bytes] = dict(render_pages(directory, Options(today=empty.today)))
    try:
        generated["fields.md"] = reference_page(result.context)
    except Exception:  # the vocabularies may be what is broken; the errors say so
        generated["fields.md"] = "# Field reference\n\nShown again when the data has no errors.\n"
    for path in data_files(result.folder) if result.folder.is_dir() else []:  # as they are (a local preview only)
        generated[f"data/{path.name}"] = path.read_bytes()
    generated["data/directory.json"] = export_json(empty)
    generated[f"schema/{SCHEMA_PATH.name}"] = SCHEMA_PATH.read_bytes()
    _session.directory = directory
    return generated


_ARTICLE = '<article class="md-content__inner md-typeset">'
KEPT = "The data has errors: this preview shows the last version that built. Fix these and save; the page reloads."
NOTHING_YET = ("The data has errors: nothing could be built from it yet, so these pages show no records. "
               "Fix these and save; the page reloads.")


def on_post_page(output: str, page, config) -> str:
    """Progress of a long build; under ``mkdocs serve`` with bad data, the errors
    at the top of every page."""
    _session.pages_done += 1
    step = max(1000, _session.pages_total // 10)
    if _session.pages_done % step == 0:
        log.info("directory: %d of %d pages written", _session.pages_done, _session.pages_total)
    if not _session.showing_errors or _ARTICLE not in output:
        return output
    lines = "\n".join(html.escape(line) for line in _session.showing_errors)
    banner = ('<div class="admonition failure directory-errors" role="alert">'
              f'<p class="admonition-title">{html.escape(_session.banner)}</p>'
              f"<pre><code>{lines}</code></pre></div>")
    return output.replace(_ARTICLE, _ARTICLE + banner, 1)


def on_post_build(config):
    """The search and filter index of the programmes, beside the pages it points to."""
    directory = _session.directory
    if directory is None:
        return
    stats = build_search_index(directory, Path(config.site_dir) / INDEX_FOLDER,
                               url_of=lambda p: programme_path(p)[:-len(".md")] + "/")
    log.info("directory: search index of %d programmes built: %d files, %.1f MB in %.1f s",
             stats.records, stats.files, stats.bytes / 1e6, stats.seconds)


def on_serve(server, config, builder):
    """Rebuild when the data, the schema or the templates change."""
    for path in (data_folder(config), SCHEMA_PATH.parent, ROOT / "scripts"):
        server.watch(str(path))
    return server
