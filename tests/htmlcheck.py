"""Parse HTML pages the way a browser reads their tags: what elements, attributes and links they hold."""
from __future__ import annotations

from html.parser import HTMLParser

FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "svg", "style", "marquee", "blink", "img", "form",
                  "base", "meta", "link"}


# <link rel=...> kinds the browser fetches by itself (canonical, alternate: not)
FETCHED_LINKS = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch",
                 "icon", "manifest"}


class Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []
        self.text_parts: list[str] = []
        self.ids: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if attrs.get("id"):
            self.ids.add(attrs["id"])

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.comments.append(data)

    def handle_data(self, data):
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def links(self) -> list[str]:
        return [a["href"] for t, a in self.tags if t == "a" and a.get("href")]

    def resources(self) -> list[str]:
        """Everything the page makes the browser fetch."""
        out = []
        for tag, attrs in self.tags:
            if tag in ("script", "img", "iframe", "source", "audio", "video") and attrs.get("src"):
                out.append(attrs["src"])
            rels = set((attrs.get("rel") or "").lower().split())
            if tag == "link" and attrs.get("href") and rels & FETCHED_LINKS:
                out.append(attrs["href"])
        return out


def injected_markup(html: str, allowed_tags: set[str] = frozenset()) -> list[str]:
    """Tags, event-handler attributes and script links that data could have smuggled in.
    The page's JSON-LD block is the template's (a JSON text in which no < can
    stand, so nothing of the data ends it: tests/site/test_jsonld.py)."""
    import re

    page = Page(re.sub(r'<script type="application/ld\+json">[^<]*</script>', "", html))
    found = []
    for tag, attrs in page.tags:
        if tag in FORBIDDEN_TAGS - set(allowed_tags):
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(("javascript:", "data:")):
                found.append(f"<{tag} {name}={value}>")
    return found


# -- the whole built site ------------------------------------------------------------
#
# Every file of a built site is parsed, and everything in it that a browser
# would act on must come from the site's own templates and assets: tags and
# attributes, scripts, the URLs it fetches and the hosts it links to. Data
# may only reach a page as text (escaped for where it stands) and as the
# sanitised HTML of a description (directory.description's allow-lists).

import gzip
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import yaml

from directory import description

# What Material's templates, overrides/ and the page templates write
# (scripts/directory/render/templates: Markdown with tables, definition lists,
# admonitions, details), by tag; and what a description may hold.
TEMPLATE_ATTRIBUTES: dict[str, set[str]] = {
    "html": {"class", "lang"}, "head": set(), "body": {"dir", "data-md-color-scheme", "data-md-color-primary",
                                                        "data-md-color-accent"},
    "meta": {"charset", "name", "content"}, "title": set(),
    "link": {"rel", "href", "media", "hreflang", "type", "title"},  # hreflang: the same page in each language; type, title: the change feed
    "script": {"src", "type", "id"}, "noscript": set(),
    "header": {"class", "data-md-component"}, "main": {"class", "data-md-component"},
    "footer": {"class"}, "article": {"class"}, "nav": {"class", "aria-label", "aria-labelledby",
                                                         "aria-expanded", "data-md-level"},
    "div": {"class", "data-md-component", "data-md-type", "hidden", "id", "lang",
            "role"},  # role: the serve error banner (mkdocs_hooks.with_errors)
    "span": {"class", "aria-hidden", "lang"},
    "p": {"class", "hidden", "lang",  # lang: the 404 page's line in each language
          "data-reviewed", "data-printed"},  # the print line's words (overrides/main.html)
    "a": {"href", "class", "title", "aria-label", "data-md-component",
          "hreflang", "lang", "data-dir-switch"},  # the language switch (partials/language-switch.html)
    "button": {"class", "data-md-component", "hidden", "type"},
    "form": {"class", "role", "action", "method", "aria-label"},
    "input": {"class", "type", "id", "name", "autocomplete", "checked", "data-md-toggle", "placeholder",
              "autocapitalize", "spellcheck", "enterkeyhint"},
    "label": {"class", "for", "id", "tabindex"},
    "ul": {"class", "data-md-component", "data-md-scrollfix"}, "ol": set(), "li": {"class"},
    "h1": {"id", "lang"}, "h2": {"id", "lang"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
    "svg": {"xmlns", "viewbox"}, "path": {"d"},
    "table": set(), "thead": set(), "tbody": set(), "tr": set(), "th": {"align", "style"},
    "td": {"align", "style"}, "dl": set(), "dt": set(), "dd": set(), "details": set(), "summary": set(),
    "strong": {"lang"},  # the label over a translation, in the page's language (_macros.md.j2)
    "em": set(), "code": set(), "pre": set(), "hr": set(), "br": set(),
    "blockquote": set(),
}
# What the pictures' templates write (scripts/directory/render/templates/pictures/):
# SVG drawings (shapes and text, styled by class: no style, no href, no
# reference to anything outside the drawing) beside HTML tables, the coverage
# filters, the Compare boxes and the tray, and the data-* attributes their
# scripts read.
PICTURE_ATTRIBUTES: dict[str, set[str]] = {
    "svg": {"class", "width", "height", "role", "data-matrix"},
    "title": {"id"}, "desc": {"id"},
    "g": {"class", "data-row", "data-col"},
    "rect": {"class", "x", "y", "width", "height"},
    "text": {"class", "x", "y", "lang"},
    "tspan": {"x", "dy"},
    "line": {"class", "x1", "y1", "x2", "y2"},
    "polygon": {"class", "points"},
    "circle": {"class", "cx", "cy", "r"},
    "figure": {"class"},
    "div": {"tabindex", "data-directory", "data-compare-page", "data-programmes"},
    "p": {"id", "role"},
    "table": {"class", "data-matrix", "data-facet"},
    "caption": set(),
    "th": {"scope"},
    "td": {"class", "data-row", "data-col"},
    "form": {"id", "hidden"},
    "fieldset": {"class", "data-facet"},
    "legend": set(),
    "input": {"value", "data-compare"},
}
for _tag, _attrs in PICTURE_ATTRIBUTES.items():
    TEMPLATE_ATTRIBUTES[_tag] = TEMPLATE_ATTRIBUTES.get(_tag, set()) | _attrs

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {tag: set(attrs) for tag, attrs in TEMPLATE_ATTRIBUTES.items()}
for _tag in description.TAGS:
    ALLOWED_ATTRIBUTES.setdefault(_tag, set())
    ALLOWED_ATTRIBUTES[_tag] |= description.ATTRIBUTES.get(_tag, set()) | set(
        description.ATTRIBUTE_VALUES.get(_tag, {})) | ({"class"} if _tag in description.CLASSES else set())

STYLE = re.compile(r"^text-align: (?:left|right|center);$")  # Markdown tables' alignment
LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
LINK_SCHEMES = {"", "http", "https", "mailto", "tel"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "cite", "background",
                  "xlink:href", "ping", "longdesc", "manifest"}


class _Document(HTMLParser):
    """Tags with attributes and the text of every <script>, in order."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]], int]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs, self.getpos()[0]))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def url_hosts(value) -> set[str]:
    """The hosts of every ``url`` field in records (the hosts the site may link to)."""
    if isinstance(value, dict):
        hosts = {urlsplit(v).hostname for k, v in value.items() if k == "url" and isinstance(v, str)}
        return hosts.union(*(url_hosts(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(url_hosts(v) for v in value))
    return set()


def page_base(site: Path, page: Path) -> str:
    """The relative URL of the site root from a page, as Material writes it ("." or "../..")."""
    depth = len(page.relative_to(site).parts) - 1
    return "/" if page.name == "404.html" else ("/".join([".."] * depth) or ".")


def normalised_script(text: str, base: str) -> str:
    """An inline script with the page's base URL replaced, to compare across pages."""
    text = text.strip()
    return text.replace(f'"{base}"', '"BASE"').replace(f'"{base}/', '"BASE/') if base else text


def inline_scripts(site: Path) -> set[str]:
    """Every inline script of a site's pages, normalised (the reference: a site of benign data)."""
    found = set()
    for page in site.rglob("*.html"):
        for attrs, text in _Document(page.read_text(encoding="utf-8")).scripts:
            if "src" not in attrs:
                found.add(normalised_script(text, page_base(site, page)))
    return found


def foreign_markup(site: Path, page: Path, link_hosts: set[str], scripts: set[str]) -> list[str]:
    """What in a built page did not come from the site's templates and assets."""
    text = page.read_text(encoding="utf-8")
    doc = _Document(text)
    where = page.relative_to(site)
    out = []
    for tag, attrs, line in doc.elements:
        at = f"{where}:{line}: <{tag}>"
        if tag not in ALLOWED_ATTRIBUTES:
            out.append(f"{at} is not a tag of the site's templates")
            continue
        names = [name for name, _ in attrs]
        if len(names) != len(set(names)):
            out.append(f"{at} has an attribute twice")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name not in ALLOWED_ATTRIBUTES[tag] and not name.startswith("aria-"):
                out.append(f"{at} has the attribute {name}={value!r}")
            elif name == "style" and not STYLE.match(value):
                out.append(f"{at} has the style {value!r}")
            elif name in ("lang", "hreflang") and not LANG.match(value) and (name, value) != ("hreflang", "x-default"):
                out.append(f"{at} has the language {value!r}")
            elif name in URL_ATTRIBUTES:
                out.extend(f"{at} {problem}" for problem in _url_problems(site, page, tag, dict(attrs), name,
                                                                           value, link_hosts))
        if tag == "meta" and {"http-equiv"} & set(names):
            out.append(f"{at} has http-equiv")
    base = page_base(site, page)
    for attrs, body in doc.scripts:
        if attrs.get("type") == "application/ld+json":
            out += jsonld_problems(site, page, body, link_hosts)
        elif "src" not in attrs and normalised_script(body, base) not in scripts:
            out.append(f"{where}: an inline script that the templates do not write: {body.strip()[:80]!r}")
    return out


FETCHED = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("audio", "src"),
           ("video", "src"), ("form", "action"), ("object", "data"), ("embed", "src")}


def _url_problems(site: Path, page: Path, tag: str, attrs: dict, name: str, value: str,
                  link_hosts: set[str]) -> list[str]:
    stripped = "".join(value.split()).lower()
    parts = urlsplit(value.strip())
    scheme = parts.scheme.lower()
    rels = set((attrs.get("rel") or "").lower().split())
    fetched = (tag, name) in FETCHED or (tag == "link" and name == "href" and rels & FETCHED_LINKS)
    if stripped.startswith(("javascript:", "data:", "vbscript:")) or scheme not in LINK_SCHEMES:
        return [f"{name}={value!r}: the scheme is not allowed"]
    if fetched or tag == "link":
        if scheme or parts.netloc:
            return [f"{name}={value!r}: the site fetches only its own files"]
        path = unquote(parts.path)
        target = site / path.lstrip("/") if path.startswith("/") else (page.parent / path).resolve()
        if path and not (target.is_file() or (target / "index.html").is_file()):
            return [f"{name}={value!r}: not a file of the site"]
        return []
    if scheme in ("http", "https") and (parts.hostname or "") not in link_hosts:
        return [f"{name}={value!r}: a link to the host {parts.hostname!r}, which is in no URL of the data"]
    if not scheme and parts.netloc:
        return [f"{name}={value!r}: a link to another host without a scheme"]
    return []


def _json_strict(text: str):
    def no_constant(name):
        raise ValueError(f"{name} is not JSON")
    return json.loads(text, parse_constant=no_constant)


def _read_varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def _skip_set(data: bytes, pos: int) -> int:
    header, pos = _read_varint(data, pos)
    return pos + (header >> 1)


def _skip_entry(data: bytes, pos: int) -> int:
    """Past a stem's entry: four record sets, then a count of term numbers and the numbers."""
    for _ in range(4):
        pos = _skip_set(data, pos)
    count, pos = _read_varint(data, pos)
    for _ in range(count):
        _, pos = _read_varint(data, pos)
    return pos


def _shard_forms(data: bytes) -> list[str]:
    """The word forms of a text shard of the search index (format: scripts/directory/search/FORMAT.md)."""
    stems, pos = _read_varint(data, 0)
    for _ in range(stems):
        pos = _skip_entry(data, pos)
    count, pos = _read_varint(data, pos)
    forms, previous = [], ""
    for _ in range(count):
        shared, pos = _read_varint(data, pos)
        length, pos = _read_varint(data, pos)
        rest = data[pos:pos + length].decode("utf-8")
        pos += length
        units = previous.encode("utf-16-le")[:shared * 2].decode("utf-16-le")
        previous = units + rest
        forms.append(previous)
        n, pos = _read_varint(data, pos)
        for _ in range(n):
            _, pos = _read_varint(data, pos)
    assert pos == len(data), "trailing bytes"
    return forms


WORD = re.compile(r"^[\w]+$")


def site_problems(site: Path, *, link_hosts: set[str], scripts: set[str], assets: list[Path],
                  forbidden: list[str] = (), public_data: dict | None = None) -> list[str]:
    """Everything in a built site that did not come from its templates and assets.

    ``assets``: folders whose files the site copies as they are (docs/ and
    Material's theme); ``forbidden``: texts that must be nowhere in any file
    (confidential values), in any case; ``public_data``: what the published
    YAML and JSON must hold."""
    out = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        where = path.relative_to(site)
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        lowered = raw.decode("utf-8", "replace").lower()
        out += [f"{where}: holds {word!r}" for word in forbidden if word.lower() in lowered]
        try:
            out += _file_problems(site, path, raw, link_hosts, scripts, assets, public_data)
        except (ValueError, UnicodeError, yaml.YAMLError, ElementTree.ParseError, IndexError,
                AssertionError) as exc:
            out.append(f"{where}: cannot be read as its type: {exc}")
    return out


def _file_problems(site, path, raw, link_hosts, scripts, assets, public_data) -> list[str]:
    where = path.relative_to(site)
    rel = where.as_posix()
    name = path.name[:-3] if path.suffix == ".gz" else path.name
    if name.endswith(".html"):
        return foreign_markup(site, path, link_hosts, scripts)
    if rel.startswith("directory-index/"):
        return _index_problems(site, path, raw)
    if rel == "data/directory.json":
        data = _json_strict(raw.decode("utf-8"))
        if public_data is not None and {k: v for k, v in data.items() if k not in ("format_version", "schema")} \
                != public_data:
            return [f"{where}: is not the public view of the records"]
        return []
    if rel.startswith("data/") and name.endswith(".yaml"):
        text = raw.decode("utf-8")
        problems = []
        if not text.startswith("# yaml-language-server: $schema=../schema/editor.schema.json\n"):
            problems.append(f"{where}: does not name the schema on its first line")
        data = yaml.safe_load(text)
        key = name[:-len(".yaml")]
        if public_data is not None and data != {key: public_data[key]}:
            problems.append(f"{where}: is not the public view of the {key}")
        return problems
    if name == "feed.xml":  # the feed of each language
        return _feed_problems(site, path, raw)
    if name.endswith(".xml"):
        root = ElementTree.fromstring(raw)
        problems = []
        for el in root.iter():
            if el.tag.endswith("}loc") or el.tag == "loc":
                parts = urlsplit((el.text or "").strip())
                if parts.scheme not in ("", "http", "https") or parts.netloc and parts.netloc not in link_hosts:
                    problems.append(f"{where}: a location {el.text!r} outside the site")
        return problems
    if rel == "data/datapackage.json" or (name.endswith(".csv") and rel.startswith("data/")) or \
            RECORD_JSON.match(rel):
        return _opendata_problems(site, path, rel, raw, link_hosts, public_data)
    if rel in ("schema/directory.schema.json", "schema/editor.schema.json"):
        _json_strict(raw.decode("utf-8"))
        return []
    for folder in assets:  # copied as it is from docs/ or the theme
        candidate = folder / rel
        if candidate.is_file() and candidate.read_bytes() == path.read_bytes():
            return []
    return [f"{where}: is neither generated nor a copy of an asset"]


def _index_problems(site: Path, path: Path, raw: bytes) -> list[str]:
    where = path.relative_to(site)
    index = site / "directory-index"
    if path.suffix == ".json":
        data = _json_strict(raw.decode("utf-8"))
        if path.name == "manifest.json":
            root = data.get("root")
            return [] if root == "../" else [f"{where}: root {root!r}"]
        problems = []
        for row in data:  # [url, name, lang, name_en, kind, summary, summary_lang, countries, terms]
            url = row[0]
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith("/") or not (index / ".." / url / "index.html").is_file():
                problems.append(f"{where}: the record URL {url!r} is not a page of the site")
            for lang in (row[2], row[6]):
                if lang is not None and not LANG.match(lang):
                    problems.append(f"{where}: the language {lang!r}")
            if not all(type(n) is int and n >= 0 for n in row[8]):
                problems.append(f"{where}: the term numbers {row[8]!r}")
        return problems
    if path.parent.name == "text":
        return [f"{where}: the word form {form!r} is not a word" for form in _shard_forms(raw)
                if not WORD.match(form)]
    if path.parent.name == "wide":  # one entry
        assert _skip_entry(raw, 0) == len(raw), "not one entry"
        return []
    pos = 0  # facets.bin: record sets only
    while pos < len(raw):
        pos = _skip_set(raw, pos)
    assert pos == len(raw), "a set runs past the end"
    return []


# -- the open data of issue 13: per-record JSON, the data package and its tables --------

RECORD_JSON = re.compile(r"^(programmes|organisations|contacts|sources)/[a-z0-9][a-z0-9-]*\.json$")
RECORD_LISTS = {"programmes": "programme", "organisations": "organisation", "contacts": "contact",
                "sources": "source"}


def _site_target(site: Path, here: Path, url: str) -> bool:
    """Whether a URL relative to the file ``here`` names a built file or page of the site."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("/"):
        return False
    target = (here.parent / unquote(parts.path)).resolve()
    return target.is_relative_to(site.resolve()) and (target.is_file() or (target / "index.html").is_file())


def _link_problem(where, column: str, value: str, link_hosts: set[str]) -> list[str]:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or (parts.hostname or "") not in link_hosts:
        return [f"{where}: {column} {value!r} is not a web address of the data"]
    return []


def _opendata_problems(site: Path, path: Path, rel: str, raw: bytes, link_hosts: set[str],
                       public_data: dict | None) -> list[str]:
    import csv
    import io

    where = path.relative_to(site)
    text = raw.decode("utf-8")
    problems = []
    if rel == "data/datapackage.json":
        package = _json_strict(text)
        for resource in package["resources"]:
            if not (path.parent / resource["path"]).is_file() or "/" in resource["path"]:
                problems.append(f"{where}: the resource {resource['path']!r} is not a table beside it")
        return problems
    if rel.endswith(".csv"):
        reader = csv.DictReader(io.StringIO(text, newline=""))
        for n, row in enumerate(reader, start=2):
            for column, value in row.items():
                if column is None or value is None:
                    problems.append(f"{where}:{n}: a row with more or fewer cells than the header")
                elif column == "page" and not _site_target(site, path, value):
                    problems.append(f"{where}:{n}: page {value!r} is not a page of the site")
                elif column == "url" and value:
                    problems += _link_problem(f"{where}:{n}", column, value, link_hosts)
        return problems
    data = _json_strict(text)
    folder = rel.split("/")[0]
    if public_data is not None and data.get("record") not in public_data[folder]:
        problems.append(f"{where}: is not a record of the public view")
    if data.get("type") != RECORD_LISTS[folder] or f"{folder}/{data.get('id')}.json" != rel:
        problems.append(f"{where}: names another record ({data.get('type')} {data.get('id')})")
    urls = [("page", data.get("page", ""))] + [
        (key, ref[key]) for refs in data.get("references", {}).values() for ref in refs.values()
        for key in ("page", "data")]
    problems += [f"{where}: {key} {url!r} is not a file of the site" for key, url in urls
                 if not _site_target(site, path, url)]
    problems += [p for refs in data.get("references", {}).values() for ref in refs.values() if "url" in ref
                 for p in _link_problem(where, "url", ref["url"], link_hosts)]
    return problems


# -- linked data (issue 13): the JSON-LD block of a page ---------------------------------

JSONLD_URL_KEYS = {"@id", "url", "contentUrl"}


def jsonld_urls(value) -> list[tuple[str, str]]:
    """(key, value) of every URL-valued property in a JSON-LD document."""
    if isinstance(value, dict):
        return [(k, v) for k, v in value.items() if k in JSONLD_URL_KEYS and isinstance(v, str)] + \
            [found for v in value.values() for found in jsonld_urls(v)]
    if isinstance(value, list):
        return [found for v in value for found in jsonld_urls(v)]
    return []


def jsonld_problems(site: Path, page: Path, body: str, link_hosts: set[str]) -> list[str]:
    """A page's JSON-LD: strict JSON with no markup character written as it is
    (a value can not end the script), every URL a file of the site or a web
    address of the data."""
    where = page.relative_to(site)
    if any(c in body for c in "<>&"):
        return [f"{where}: the JSON-LD holds < > or & unescaped"]
    try:
        data = _json_strict(body)
    except ValueError as exc:
        return [f"{where}: the JSON-LD is not JSON: {exc}"]
    problems = []
    for key, url in jsonld_urls(data):
        parts = urlsplit(url)
        if parts.scheme in ("http", "https"):
            if (parts.hostname or "") not in link_hosts:
                problems.append(f"{where}: JSON-LD {key} {url!r} is on a host in no URL of the data")
        elif parts.scheme or parts.netloc or url.startswith("/"):
            problems.append(f"{where}: JSON-LD {key} {url!r} is neither the site's nor a web address")
        else:
            target = (page.parent / unquote(parts.path)).resolve()
            if not (target.is_file() or (target / "index.html").is_file()):
                problems.append(f"{where}: JSON-LD {key} {url!r} is not a file of the site")
    return problems


# -- the change feed (issue 13) ---------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"


def _feed_problems(site: Path, path: Path, raw: bytes) -> list[str]:
    """The Atom feed: text only in its titles and summaries, links to pages of the site."""
    where = path.relative_to(site)
    root = ElementTree.fromstring(raw)
    problems = []
    if root.tag != f"{ATOM}feed":
        return [f"{where}: is not an Atom feed"]
    for el in root.iter():
        if not el.tag.startswith(ATOM):
            problems.append(f"{where}: an element {el.tag!r} that is not Atom")
        elif el.tag in (f"{ATOM}title", f"{ATOM}summary", f"{ATOM}content"):
            if el.get("type", "text") != "text" or len(el):
                problems.append(f"{where}: a {el.tag[len(ATOM):]} that is not plain text")
        elif el.tag == f"{ATOM}link":
            href = el.get("href", "")
            if not _site_target(site, path, href):
                problems.append(f"{where}: the link {href!r} is not a file or page of the site")
    return problems
