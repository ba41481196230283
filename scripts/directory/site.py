"""The site: everything the directory generates, by its path in the site.

``build(folder, options)`` is the one pipeline: it validates the data folder,
builds the model and makes every generated file, by its path under the docs
root (:mod:`directory.render.urls`):

- the pages rendered from the records, in each of the site's languages
  (``render.page_plan``: English at the root, Dutch under ``nl/``, Danish
  under ``da/``);
- the field reference, from the schema and the validated vocabularies
  (``render.reference.reference_page``), and the rules of the check, with
  their examples (``rules_page.rules_page``), in each language;
- the open data, written from the validated records (never copies of the
  editors' files): one YAML file a list and all records as one JSON document
  (:mod:`directory.exports`), each record as JSON beside its page
  (:mod:`directory.exports.records`), the CSV tables of the data package
  (:mod:`directory.exports.package`), the schema, and the schema for editors' tools
  with the vocabularies (:mod:`directory.schema.editor`);
- the search and filter index (:mod:`directory.search`), as bytes;
- what changed, when (with ``options.history_commits``): each record's last
  change and the change feed, read from git once (:mod:`directory.history`),
  on the pages, the What's new page and ``feed.xml``
  (:mod:`directory.render.changes`).

The pages are rendered when they are read (:class:`Files`): a site in three
languages has three times the pages, and whoever takes them renders each
where it needs it (the MkDocs hook renders each language's pages in a
process of its own). Everything that does not depend on the language is
made once: the check, the model, the open data, the schemas and the search
index, which all languages share.

The MkDocs hook, ``python -m directory render``, the benchmark's floor (which
renders with that command) and the tests all take their files from here, so
they see the same site. Nothing here keeps state between calls.
"""
from __future__ import annotations

import dataclasses
import functools
import os
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import history as git_history
from . import model
from .schema import editor as editor_schema
from .exports import export_json, export_yaml, public_view
from .exports.package import package_files
from .exports.records import record_files
from .model import Directory
from .problems import Problem
from .languages import DEFAULT, LANGUAGES
from .render import Options, i18n, page_plan
from .render import changes, urls
from .render.reference import reference_page
from .search import INDEX_FOLDER, IndexStats, index_files
from .validate import validate
from .schema.records import Context
from .render.rules_page import PATH as RULES_PATH, rules_page
from .schema import SCHEMA_PATH

__all__ = ["Files", "Options", "Site", "build", "environment_options", "without_records", "write"]

REPOSITORY = Path(__file__).resolve().parents[2]  # the repository this package stands in


class Files(Mapping):
    """Every file of the site by its path: the pages rendered each time they
    are read (nothing keeps them), everything else as it was made.

    ``render(path)`` is how a page is made; ``language(path)`` says which
    language a page is in (None for the files all languages share)."""

    def __init__(self) -> None:
        self._made: dict[str, str | bytes] = {}
        self._later: dict[str, Callable[[], str]] = {}

    def made(self, path: str, content: str | bytes) -> None:
        self._made[path] = content

    def later(self, path: str, render: Callable[[], str]) -> None:
        self._later[path] = render

    def rendered_later(self, path: str) -> bool:
        """Whether ``path`` is a page rendered when it is read."""
        return path in self._later

    def __getitem__(self, path: str) -> str | bytes:
        if path in self._made:
            return self._made[path]
        return self._later[path]()

    def __contains__(self, path: object) -> bool:
        return path in self._made or path in self._later

    def __iter__(self) -> Iterator[str]:
        yield from self._later
        yield from self._made

    def __len__(self) -> int:
        return len(self._made) + len(self._later)


@dataclass
class Site:
    """What a build made of a data folder."""

    problems: list[Problem]  # every problem, sorted; warnings too
    directory: Directory | None  # the model; None when the data has errors
    files: dict[str, str | bytes]  # site path -> content; empty when the data has errors
    records: int = 0  # the records read
    index: IndexStats | None = None  # the search index's figures
    seconds: dict[str, float] = field(default_factory=dict)  # "validation", "history", "files" (index included)
    # page path -> the day git last changed its record (the sitemap's lastmod)
    lastmod: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.directory is not None


def build(folder: Path | str, options: Options | None = None) -> Site:
    """Validate ``folder`` and, when it has no errors, make every file of the site.

    The check and the pages measure review dates against ``options.today``,
    else against ``DIRECTORY_TODAY`` or the real date."""
    started = time.perf_counter()
    result = validate(folder, options.today if options else None)
    catalogue = i18n.check()
    seconds = {"validation": time.perf_counter() - started}
    records = len(result.context.records)
    if not result.ok or catalogue:
        return Site(sorted(result.problems + catalogue), None, {}, records, seconds=seconds)
    options = options or Options()
    if options.history_commits and options.history is None:
        started = time.perf_counter()
        options = dataclasses.replace(options, history=git_history.read(result.context, folder,
                                                                        options.history_commits))
        seconds["history"] = time.perf_counter() - started
    started = time.perf_counter()
    directory = model.build(result.context)
    files, index = site_files(result.context, directory, options)
    seconds["files"] = time.perf_counter() - started
    return Site(result.problems, directory, files, records, index, seconds,
                lastmod(options.history, options.languages))


def lastmod(history, languages: tuple[str, ...] = (DEFAULT,)) -> dict[str, str]:
    """{page path: YYYY-MM-DD} of the record pages whose last change git
    knows, in each of ``languages`` (the same day for each language's page)."""
    if history is None:
        return {}
    return {urls.localized(f"{urls.FOLDERS[type_]}/{record_id}.md", lang): commit.day
            for (type_, record_id), commit in history.last_changed.items() if type_ != "source"
            for lang in languages}


def without_records(options: Options | None = None) -> Site:
    """The site as it is with no records at all: the pages ``mkdocs serve``
    shows, with the errors over them, when it starts on data that has errors."""
    empty = Context()
    directory = model.build(empty)
    files, index = site_files(empty, directory, options)
    return Site([], directory, files, 0, index)


def site_files(context: Context, directory: Directory,
               options: Options | None = None) -> tuple[Files, IndexStats]:
    """{site path: content} of the validated ``context`` and its model, and the
    search index's figures. The pages of each of ``options.languages`` are
    rendered when they are read."""
    options = dataclasses.replace(options or Options(), today=(options and options.today) or context.today)
    files = Files()
    for lang in options.languages:
        for path, render in page_plan(directory, options, lang).items():
            files.later(path, render)
        files.later(urls.localized("fields.md", lang), functools.partial(reference_page, context, lang))
        files.later(urls.localized(RULES_PATH, lang), functools.partial(rules_page, lang))
    for name, text in export_yaml(context).items():
        files.made(urls.data_path(name), text)
    files.made(urls.data_path("directory.json"), export_json(context, urls.schema_path(SCHEMA_PATH.name)))
    view = public_view(context)
    for path, content in record_files(view, options.history).items():
        files.made(path, content)
    for lang in options.languages:  # the feed in each language, beside its What's new page
        files.made(urls.localized(urls.FEED, lang), changes.feed(options.history, directory, options.today, lang))
    for name, text in package_files(view, context.vocab).items():
        files.made(urls.data_path(name), text)
    files.made(urls.schema_path(SCHEMA_PATH.name), SCHEMA_PATH.read_bytes())
    # the schema the published data files name: the data schema with the vocabularies' terms
    files.made(urls.schema_path(editor_schema.EDITOR_SCHEMA_PATH.name), editor_schema.for_context(context))
    index, stats = index_files(directory, urls.programme_url)
    for path, content in index.items():
        files.made(f"{INDEX_FOLDER}/{path}", content)
    return files, stats


# -- where the site is published --------------------------------------------------

def environment_options(root: Path = REPOSITORY) -> Options:
    """The options of a site built from the repository at ``root``: its
    'Edit this record' links from the environment (:func:`edit_url`), its
    languages (:func:`languages`), and the history of its records from git
    (:func:`feed_commits`, :func:`repository_url`)."""
    return Options(edit_url=edit_url(root), languages=languages(), history_commits=feed_commits(),
                   repository_url=repository_url())


class LanguagesError(ValueError):
    """DIRECTORY_LANGUAGES names a language the site does not have."""


def languages(value: str | None = None) -> tuple[str, ...]:
    """The languages to build: DIRECTORY_LANGUAGES (``en``, ``en nl``; the
    benchmark builds English alone to compare), else all of the site's.
    English, the site's root, is always built."""
    value = os.environ.get("DIRECTORY_LANGUAGES", "") if value is None else value
    asked = [v for v in value.replace(",", " ").split() if v]
    if not asked:
        return LANGUAGES
    unknown = [v for v in asked if v not in LANGUAGES]
    if unknown:
        raise LanguagesError(f"DIRECTORY_LANGUAGES names {', '.join(unknown)}; the site's languages are "
                             + ", ".join(LANGUAGES))
    return tuple(lang for lang in LANGUAGES if lang == DEFAULT or lang in asked)


def feed_commits() -> int:
    """How many of the newest commits the change feed covers: DIRECTORY_FEED_COMMITS, else 100."""
    value = os.environ.get("DIRECTORY_FEED_COMMITS", "")
    return int(value) if value.isdigit() and int(value) > 0 else git_history.COMMITS


def repository_url() -> str | None:
    """The web address of the repository that builds the site, as for 'Edit
    this record' (:func:`edit_url`): GitHub Actions names it, or
    DIRECTORY_REPOSITORY_URL does; None elsewhere."""
    repo = os.environ.get("DIRECTORY_REPOSITORY_URL")
    if not repo and os.environ.get("GITHUB_REPOSITORY"):
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
        repo = f"{server}/{os.environ['GITHUB_REPOSITORY']}"
    return repo or None


def edit_url(root: Path = REPOSITORY) -> Callable[[str], str] | None:
    """'Edit this record' goes to the web editor of the repository that builds
    the site: GitHub Actions names it (GITHUB_REPOSITORY), or
    DIRECTORY_REPOSITORY_URL does. The settings file .github/repository.yml is
    never read for it, so its placeholders cannot reach the site; without a
    repository the pages link to the published data file and line instead
    (None). The branch is the settings' ``branch`` (DIRECTORY_BRANCH overrides
    it). A data file's path in the editor is its path under ``root``."""
    repo = repository_url()
    if not repo:
        return None
    branch = os.environ.get("DIRECTORY_BRANCH") or _settings_branch(root)
    root = Path(root).resolve()

    def url(path: str) -> str:
        try:
            relative = Path(path).resolve().relative_to(root).as_posix()
        except ValueError:
            relative = Path(path).name
        return f"{repo.rstrip('/')}/edit/{branch}/{relative}"

    return url


def _settings_branch(root: Path) -> str:
    """The published branch, from the repository's settings (main when unset)."""
    import yaml

    try:
        settings = yaml.safe_load((Path(root) / ".github" / "repository.yml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return "main"
    branch = settings.get("branch") if isinstance(settings, dict) else None
    return branch if isinstance(branch, str) and branch else "main"


# -- writing the files into a folder -------------------------------------------------

WRITTEN = ".directory-files"  # in a folder written by write(): the paths it wrote, one a line


def write(files: dict[str, str | bytes], out: Path | str) -> None:
    """Write ``files`` under ``out``. What an earlier ``write`` to ``out`` wrote
    and ``files`` no longer has (the page of a removed record, a search index
    shard) is removed, so ``out`` holds the same site as a fresh folder would;
    nothing else in ``out`` is touched."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    inside = out.resolve()
    listed = out / WRITTEN
    before = listed.read_text(encoding="utf-8").splitlines() if listed.is_file() else []
    for path in sorted(set(before) - set(files), reverse=True):
        target = out / path
        if not target.is_file() or not target.resolve().is_relative_to(inside):
            continue  # gone already, or the list was edited: never remove anything outside ``out``
        target.unlink()
        for folder in target.parents:
            if folder == out or not folder.is_dir() or any(folder.iterdir()):
                break
            folder.rmdir()
    for path, content in files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    listed.write_text("".join(f"{path}\n" for path in sorted(files)), encoding="utf-8")
