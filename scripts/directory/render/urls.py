"""Where everything the directory generates stands in the site: the one place
that says so.

Paths are relative to the site's docs root: a page's path is its Markdown
file (``programmes/<id>.md``), which the site generator publishes at the
page's URL (``programmes/<id>/``: MkDocs with ``use_directory_urls``, as
mkdocs.yml sets it). The pages link to each other by path (the renderer makes
the links relative); the search index names each programme by its URL; the
open data stands under DATA (the data package among it) and the schemas
under SCHEMA; each record's data stands beside its English page
(``programmes/<id>.json``, ``sources/<id>.json`` beside the page of all
sources); the change feed at the site's root.

Every page exists in each of the site's languages: English at the root, the
others under the folder of their language (``nl/programmes/<id>.md``), at the
same path inside it (:func:`localized`); so the same page in another
language is always one step away (:func:`alternates`). The open data (the
records' JSON and the change feed among it), the schemas and the search
index are one for all languages, at the root.

A file of the site named after a record (its page, its JSON) takes the
record's id as it is: ids are slugs, and those the site uses for its own
files in a record folder are reserved (validate/rules/reserved_ids.py).
"""
from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from ..languages import DEFAULT, LANGUAGES

if TYPE_CHECKING:
    from ..model import Contact, Organisation, Programme

DATA = "data"  # the open data files: one YAML file a list, directory.json, the data package
SCHEMA = "schema"  # the data schema and the editors' schema
FEED = "feed.xml"  # the change feed (Atom)
WHATS_NEW = "whats-new.md"  # the page of the same changes (in each language)
DATA_PACKAGE = f"{DATA}/datapackage.json"  # the CSV tables and their schemas (Frictionless)

# record type -> the folder of its pages and data files
FOLDERS = {"programme": "programmes", "organisation": "organisations", "contact": "contacts",
           "source": "sources"}

DIRECTORY = "directory.md"  # Find programmes: search and filters (its state in the URL's query)
# the pictures of the field (render/pictures.py)
COVERAGE = "coverage.md"  # themes by age group and by country
TIMELINE = "timeline.md"  # periods and dated events
COMPARE = "compare.md"  # programmes side by side (their ids in the URL's query: ?p=a&p=b)


def localized(path: str, lang: str) -> str:
    """The path of the page or URL at ``path`` (its English path) in ``lang``:
    ``programmes/a.md`` -> ``nl/programmes/a.md``. The scripts know the same
    rule (docs/assets/directory/shared.js, languageRoot)."""
    return f"{lang}/{path}" if lang != DEFAULT and lang in LANGUAGES else path


def page_language(path: str) -> str:
    """The language of the page at ``path`` (its first folder, else English)."""
    first, _, rest = path.partition("/")
    return first if rest and first in LANGUAGES and first != DEFAULT else DEFAULT


def unlocalized(path: str) -> str:
    """The English path of the page at ``path``: ``nl/programmes/a.md`` -> ``programmes/a.md``."""
    lang = page_language(path)
    return path if lang == DEFAULT else path[len(lang) + 1:]


def alternates(path: str, languages: tuple[str, ...] = LANGUAGES) -> dict[str, str]:
    """The same page in each of ``languages``: {lang: path}."""
    base = unlocalized(path)
    return {lang: localized(base, lang) for lang in languages}


def programme_path(p: Programme) -> str:
    return f"programmes/{p.id}.md"


def organisation_path(o: Organisation) -> str:
    return f"organisations/{o.id}.md"


def contact_path(c: Contact) -> str:
    return f"contacts/{c.id}.md"


def record_data_path(record_type: str, record_id: str) -> str:
    """A record's data as JSON: ``programmes/<id>.json``, ``sources/<id>.json``."""
    return f"{FOLDERS[record_type]}/{record_id}.json"


def record_page_url(record_type: str, record_id: str, lang: str = DEFAULT) -> str:
    """The URL (from the site root) where a record is shown in ``lang``: its
    page, or for a source its entry on the page of all sources (``sources/#<id>``)."""
    if record_type == "source":
        return f"{page_url(localized('sources/index.md', lang))}#{record_id}"
    return page_url(localized(f"{FOLDERS[record_type]}/{record_id}.md", lang))


def absolute(url: str, site_url: str | None) -> str:
    """``url`` (from the site root) with the site's address before it when it
    is known, else as it is."""
    return f"{site_url.rstrip('/')}/{url}" if site_url else url


def relative_url(url: str, page_path: str) -> str:
    """``url`` (from the site root) relative to the URL of the page at
    ``page_path``: what a link on that page writes (``../../organisations/x/``)."""
    here = page_url(page_path)
    target, hash_, fragment = url.partition("#")
    rel = posixpath.relpath(target or ".", here or ".")
    if target.endswith("/") or not target:
        rel = "./" if rel == "." else rel + "/"
    return rel + hash_ + fragment


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


