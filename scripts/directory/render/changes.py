"""What changed, when, as the site shows it: the What's new page and the
change feed (``feed.xml``, Atom 1.0, RFC 4287), from the history git gives
(:mod:`directory.history`).

Each change of a record in the newest commits is one entry: the record's
name (its name now, or the name it had when it was removed), a sentence of
what changed ("New programme", "funding changed", "Contact removed") in the
site's words (catalogue keys ``opendata.change.*``), the commit's date and
the record's page. At most :data:`MAX_ENTRIES` are listed (a commit that
touches every record of a large directory would otherwise make a feed of
megabytes); the page says how many more there are.

The feed is written with ElementTree, which escapes every value for XML;
its entries carry text only (``type="text"``), never HTML. Its ids are
``urn:uuid:`` names made from the commit, the record and (but for English)
the language, so an entry keeps its id from build to build; its links are
relative to the feed. There is a feed in each language, beside its What's
new page (``feed.xml``, ``nl/feed.xml``, ``da/feed.xml``): its words are the
language's and its links lead into the language's pages.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree as ET

from ..model import Directory
from . import urls
from ..languages import DEFAULT
from .i18n import catalogue

MAX_ENTRIES = 1000
ATOM = "http://www.w3.org/2005/Atom"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:programme-directory:changes")


@dataclass
class Entry:
    """One change of one record, ready to show."""

    id: str  # urn:uuid:...
    date: str  # the commit's date and time, ISO 8601
    day: str  # YYYY-MM-DD
    type: str
    record_id: str
    title: str
    lang: str | None  # the language of the title
    page: str | None  # the md path of the record's page (None: removed, or a source)
    url: str | None  # its URL from the site root
    sentence: str


def _name(directory: Directory, type_: str, record_id: str) -> tuple[str, str | None] | None:
    """The record's name as its page gives it, and that name's language; None when it is gone."""
    if type_ == "programme" and record_id in directory.programmes:
        p = directory.programmes[record_id]
        return p.name.source, p.original_language
    if type_ == "organisation" and record_id in directory.organisations:
        o = directory.organisations[record_id]
        return o.name.source, o.name.original
    if type_ == "contact" and record_id in directory.contacts:
        return directory.contacts[record_id].title, None
    if type_ == "source" and record_id in directory.sources:
        s = directory.sources[record_id]
        return s.title, s.language
    return None


def sentence(change: Any, language: str = "en") -> str:
    """What a change did, in a sentence of the site's words."""
    t = catalogue(language).t
    if change.what in ("added", "removed"):
        return t(f"opendata.change.{change.what}.{change.type}")
    names = [f.field.replace("_", " ") for f in change.fields]
    said = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {t('opendata.change.and')} {names[-1]}"
    return t("opendata.change.changed", fields=said)


def entries(history: Any, directory: Directory, language: str = "en") -> list[Entry]:
    """Every change of ``history`` (newest first) as an entry, at most MAX_ENTRIES."""
    out = []
    for change in (history.changes if history is not None else [])[:MAX_ENTRIES]:
        now = _name(directory, change.type, change.id)
        title, lang = now if now and change.what != "removed" else (change.name or change.id, None)
        page = None
        if now and change.what != "removed":
            page = urls.record_page_url(change.type, change.id)
        md = None
        if page is not None and change.type != "source":
            md = f"{urls.FOLDERS[change.type]}/{change.id}.md"
        elif page is not None:
            md = f"sources/index.md#{change.id}"
        name = f"{change.commit.sha}/{change.type}/{change.id}" + ("" if language == DEFAULT else f"/{language}")
        out.append(Entry(f"urn:uuid:{uuid.uuid5(_NAMESPACE, name)}",
                         change.commit.date, change.commit.day, change.type, change.id, title, lang, md, page,
                         sentence(change, language)))
    return out


def more(history: Any) -> int:
    """How many changes the lists leave out."""
    return max(0, len(history.changes) - MAX_ENTRIES) if history is not None else 0


def feed(history: Any, directory: Directory, today: dt.date, language: str = "en") -> bytes:
    """The Atom feed of the changes in ``language`` (``feed.xml`` in its folder)."""
    t = catalogue(language).t
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": language})
    listed = entries(history, directory, language)
    updated = max((e.date for e in listed), default=None) or f"{today.isoformat()}T00:00:00Z"

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    add(root, "id", f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'feed' if language == DEFAULT else f'feed/{language}')}")
    add(root, "title", t("opendata.feed.title"), type="text")
    add(root, "updated", updated)
    add(add(root, "author"), "name", t("site.name"))
    add(root, "link", rel="self", href=urls.FEED, type="application/atom+xml")
    add(root, "link", rel="alternate", href=urls.page_url(urls.WHATS_NEW), type="text/html")
    for e in listed:
        entry = add(root, "entry")
        add(entry, "id", e.id)
        add(entry, "title", e.title, type="text")
        add(entry, "updated", e.date)
        if e.url is not None:
            add(entry, "link", rel="alternate", href=e.url, type="text/html")
        add(entry, "summary", e.sentence, type="text")
        add(entry, "category", term=e.type)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) \
        + b"\n"
