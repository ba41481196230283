"""MkDocs hooks: the thin layer between the directory generator and MkDocs.

MkDocs loads this file through ``hooks:`` in mkdocs.yml. On every build (and
every rebuild under ``mkdocs serve``) it validates the data folder, refuses to
build when there are errors, renders the pages with ``directory.render`` and
hands them to MkDocs as generated files. Nothing else in the package imports
MkDocs, so the site can move to another generator by replacing this file.

The data folder is ``data/`` beside mkdocs.yml, or the folder named by the
environment variable DIRECTORY_DATA (``make build DATA=path``).
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

from directory import model  # noqa: E402
from directory.export import export_json  # noqa: E402
from directory.problems import summary, warnings  # noqa: E402
from directory.reference import reference_page  # noqa: E402
from directory.render import Options, render_pages  # noqa: E402
from directory.validate import data_files, validate  # noqa: E402
from directory.validate.schema import SCHEMA_PATH  # noqa: E402

log = logging.getLogger("mkdocs.hooks.directory")
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class _Session:
    """What the hooks remember between the builds of one ``mkdocs`` run.

    Under ``mkdocs serve`` a rebuild with bad data keeps the last good pages
    (``last_good``) and shows the errors on every page instead of leaving the
    browser waiting for a build that cannot happen."""

    command: str = "build"
    last_good: dict[str, str | bytes] | None = None  # site path -> content
    showing_errors: list[str] = field(default_factory=list)


_session = _Session()


def data_folder(config) -> Path:
    configured = os.environ.get("DIRECTORY_DATA") or config.extra.get("directory", {}).get("data", "data")
    folder = Path(configured)
    return folder if folder.is_absolute() else (Path(config.config_file_path).parent / folder)


def edit_url(config):
    """'Edit this record' goes to the repository's web editor when one is known."""
    repo = os.environ.get("DIRECTORY_REPOSITORY_URL") or config.extra.get("directory", {}).get("repository")
    if not repo and os.environ.get("GITHUB_REPOSITORY"):
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
        repo = f"{server}/{os.environ['GITHUB_REPOSITORY']}"
    if not repo:
        return None
    branch = os.environ.get("DIRECTORY_BRANCH", "main")
    root = Path(config.config_file_path).parent

    def url(path: str) -> str:
        try:
            relative = Path(path).resolve().relative_to(root).as_posix()
        except ValueError:
            relative = Path(path).name
        return f"{repo.rstrip('/')}/edit/{branch}/{relative}"

    return url


def on_startup(command, dirty):
    """Refuse `mkdocs build --dirty`: it rewrites the search index with only the
    pages it rebuilt, and such a site must never be published."""
    if command == "build" and dirty:
        raise PluginError("mkdocs build --dirty writes an incomplete search index; build without --dirty")
    _session.command = command
    _session.last_good = None


def on_files(files: Files, config) -> Files:
    folder = data_folder(config)
    result = validate(folder)
    for problem in result.problems:
        # warnings go to stderr outside MkDocs' logger: they must not fail --strict
        print(problem.format(), file=sys.stderr)
    _session.showing_errors = []
    if result.ok:
        generated = _generate(result, folder, config)
    elif _session.command == "serve" and _session.last_good is not None:
        _session.showing_errors = [p.format() for p in result.problems if p.level == "error"]
        # not log.warning: under --strict a warning would abort this rebuild too
        print(f"directory: the data has {summary(result.problems)}; the preview keeps the last "
              "good version of the site and shows the errors on every page. Fix them and save: "
              "the preview reloads.", file=sys.stderr)
        generated = _session.last_good
    else:
        raise PluginError(f"the data has {summary(result.problems)}; nothing was built. "
                          "Fix the errors listed above (make check shows them too).")
    if result.ok and warnings(result.problems):
        print(f"directory: {summary(result.problems)} (warnings do not block the build)", file=sys.stderr)
    for path, content in generated.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} exists but the directory generates that page; "
                              "rename or remove docs/" + path)
        files.append(File.generated(config, path, content=content))
    return files


def _generate(result, folder: Path, config) -> dict[str, str | bytes]:
    """The generated pages and the open data files, by their path in the site."""
    directory = model.build(result.context)
    generated: dict[str, str | bytes] = dict(render_pages(directory, Options(edit_url=edit_url(config))))
    generated["fields.md"] = reference_page(folder)  # the field reference, from the schema
    # open data: the data files and the schema, published with the site
    for path in data_files(folder):
        generated[f"data/{path.name}"] = path.read_bytes()
    generated["schema/directory.schema.json"] = SCHEMA_PATH.read_bytes()
    generated["data/directory.json"] = export_json(result.context)
    log.info("directory: %d programmes, %d organisations, %d contacts rendered to %d pages",
             len(directory.programmes), len(directory.organisations), len(directory.contacts),
             len(generated) - len(data_files(folder)) - 2)
    _session.last_good = generated
    return generated


_ARTICLE = '<article class="md-content__inner md-typeset">'


def on_post_page(output: str, page, config) -> str:
    """Under ``mkdocs serve`` with bad data: the errors at the top of every page."""
    if not _session.showing_errors or _ARTICLE not in output:
        return output
    lines = "\n".join(html.escape(line) for line in _session.showing_errors)
    banner = ('<div class="admonition failure directory-errors" role="alert">'
              '<p class="admonition-title">The data has errors: this preview shows the last '
              'version that built. Fix these and save; the page reloads.</p>'
              f"<pre><code>{lines}</code></pre></div>")
    return output.replace(_ARTICLE, _ARTICLE + banner, 1)


# Material's search appends "*" to every query term (prefix search while
# typing). Lunr does not run a wildcard term through the pipeline, so with
# stemming on, a whole word never meets its stemmed form in the index:
# "pleeggezinnen*" cannot match the indexed stem "pleeggezin". Querying each
# term both as typed (stemmed by lunr) and as a prefix keeps both behaviours.
# Material 9.8 is pinned and in maintenance, so its worker no longer changes;
# should it, the build stops here instead of shipping a search that fails.
_WILDCARD_ONLY = "`${r}*`)"
_WORD_AND_PREFIX = "`${r} ${r}*`)"


def on_post_build(config):
    workers = list((Path(config.site_dir) / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if not workers:
        return
    for worker in workers:
        code = worker.read_text(encoding="utf-8")
        if _WORD_AND_PREFIX in code:
            continue
        if code.count(_WILDCARD_ONLY) != 1:
            raise PluginError(f"{worker.name}: Material's query transform was not found; the search "
                              "stemming patch in scripts/mkdocs_hooks.py must be brought up to date")
        worker.write_text(code.replace(_WILDCARD_ONLY, _WORD_AND_PREFIX), encoding="utf-8")


def on_serve(server, config, builder):
    """Rebuild when the data, the schema or the templates change."""
    for path in (data_folder(config), SCHEMA_PATH.parent, ROOT / "scripts"):
        server.watch(str(path))
    return server
