"""The sitemap (``sitemap.xml``, the sitemaps.org protocol): every page of
every language at its address under the site's address, with the day its
record last changed (``lastmod``; other pages: the day of the build).

The protocol allows 50,000 addresses a file. A larger site (three languages
of a directory of ten thousand programmes pass that) gets files of at most
that many (``sitemap-1.xml``, ``sitemap-2.xml``, ...) and ``sitemap.xml``
becomes their index, which is where crawlers look. The files are written
with ElementTree, which escapes every address for XML.
"""
from __future__ import annotations

from typing import Iterable
from xml.etree import ElementTree as ET

LIMIT = 50_000  # addresses a sitemap file may hold
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
NAME = "sitemap.xml"


def sitemap(site_url: str, pages: Iterable[tuple[str, str]], limit: int = LIMIT) -> dict[str, bytes]:
    """{file name: content}: the sitemap of ``pages``, (address relative to
    the site's root, lastmod as YYYY-MM-DD), under ``site_url``."""
    base = site_url.rstrip("/") + "/"
    entries = sorted(set(pages))
    chunks = [entries[i:i + limit] for i in range(0, len(entries), limit)] or [[]]
    if len(chunks) == 1:
        return {NAME: _write("urlset", "url", base, chunks[0])}
    out = {f"sitemap-{n}.xml": _write("urlset", "url", base, chunk) for n, chunk in enumerate(chunks, 1)}
    out[NAME] = _write("sitemapindex", "sitemap", base,
                       [(name, max(day for _, day in chunk)) for name, chunk in zip(out, chunks)])
    return out


def _write(root_tag: str, item_tag: str, base: str, items: list[tuple[str, str]]) -> bytes:
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(f"{{{NAMESPACE}}}{root_tag}")
    for address, day in items:
        item = ET.SubElement(root, f"{{{NAMESPACE}}}{item_tag}")
        ET.SubElement(item, f"{{{NAMESPACE}}}loc").text = base + address.removeprefix("./").lstrip("/")
        ET.SubElement(item, f"{{{NAMESPACE}}}lastmod").text = day
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"
