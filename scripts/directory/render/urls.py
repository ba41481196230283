"""Where everything the directory generates stands in the site: the one place
that says so.

Paths are relative to the site's docs root: a page's path is its Markdown
file (``programmes/<id>.md``), which the site generator publishes at the
page's URL (``programmes/<id>/``: MkDocs with ``use_directory_urls``, as
mkdocs.yml sets it). The pages link to each other by path (the renderer makes
the links relative); the search index names each programme by its URL; the
open data stands under DATA and the schemas under SCHEMA.
"""
from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Contact, Organisation, Programme

DATA = "data"  # the open data files: one YAML file a list, directory.json
SCHEMA = "schema"  # the data schema and the editors' schema
DIRECTORY = "directory.md"  # Find programmes: search and filters (its state in the URL's query)
# the pictures of the field (render/pictures.py)
COVERAGE = "coverage.md"  # themes by age group and by country
TIMELINE = "timeline.md"  # periods and dated events
COMPARE = "compare.md"  # programmes side by side (their ids in the URL's query: ?p=a&p=b)


def programme_path(p: Programme) -> str:
    return f"programmes/{p.id}.md"


def organisation_path(o: Organisation) -> str:
    return f"organisations/{o.id}.md"


def contact_path(c: Contact) -> str:
    return f"contacts/{c.id}.md"


def page_url(path: str) -> str:
    """The URL of the page at ``path``, relative to the site root:
    ``programmes/a.md`` -> ``programmes/a/``, ``programmes/index.md`` -> ``programmes/``."""
    folder, name = posixpath.split(path[:-len(".md")] if path.endswith(".md") else path)
    if name == "index":
        return f"{folder}/" if folder else ""
    return f"{folder}/{name}/" if folder else f"{name}/"


def programme_url(p: Programme) -> str:
    """A programme's page URL, as the search index names it."""
    return page_url(programme_path(p))


def data_path(name: str) -> str:
    """An open data file: ``data/programmes.yaml``, ``data/directory.json``."""
    return f"{DATA}/{name}"


def schema_path(name: str) -> str:
    """A published schema: ``schema/directory.schema.json``."""
    return f"{SCHEMA}/{name}"


def language_of(path: str) -> str:
    """The language of the page at ``path`` (relative to the docs root): the
    site of the first language (English) stands at the root, each other's in
    the folder named by its code (``nl/programmes/a.md`` is Dutch)."""
    from .i18n import LANGUAGES

    folder = path.split("/", 1)[0]
    return folder if folder in LANGUAGES[1:] else LANGUAGES[0]


def in_language(path: str, language: str) -> str:
    """``path`` (relative to the root of a language's site) in the site of
    ``language``: ``programmes/a/`` -> ``nl/programmes/a/``. The scripts know
    the same rule (docs/assets/directory/shared.js, languageRoot)."""
    from .i18n import LANGUAGES

    return path if language == LANGUAGES[0] or language not in LANGUAGES else f"{language}/{path}"
