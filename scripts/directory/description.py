"""Descriptions: Markdown from the data, rendered to HTML and sanitised.

One function, :func:`render`, decides what a description becomes on the page
and what in it is refused, so the page and the check cannot disagree:

1. Python-Markdown renders the text with the subset of Markdown that
   descriptions may use (paragraphs, emphasis, lists, headings from level 3,
   block quotes, code, tables, definition lists, admonitions, links). Raw
   HTML is not markup here: a tag or comment is shown as the text it is.
   An image becomes a link to its address: nothing from the data is loaded.
   A heading of level 1 or 2 is shown at level 3 (those are the page's own).
2. ``nh3`` (the Rust ``ammonia`` sanitiser) cleans that HTML with allow-lists
   of the tags and attributes this subset produces, and of URLs: only
   absolute ``https:``, ``http:``, ``mailto:`` and ``tel:`` addresses; no
   relative ones (a relative link from the data would be a broken link).
3. What the renderer changed (raw HTML, images, headings) and what the
   sanitiser dropped (found by comparing its input with its output) come
   back as :class:`Finding` objects. The ``markdown-safety`` rule reports
   them to the editor; the pages show the sanitised HTML.

The HTML has no blank line (a newline before a blank line is written as the
character reference ``&#10;``, which means the same), so that it stays one
raw HTML block in any Markdown page it is put into: Python-Markdown and
CommonMark pass such a block through without parsing its inside again.
"""
from __future__ import annotations

import functools
import gc
import html
import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import nh3
from markdown.inlinepatterns import HTML_RE, InlineProcessor
from markdown.treeprocessors import Treeprocessor

# The Markdown extensions descriptions may use (a subset of mkdocs.yml's: no
# attribute lists, no Markdown inside HTML, no heading ids).
EXTENSIONS = ["tables", "def_list", "admonition", "sane_lists"]
EXTENSION_CONFIGS = {"tables": {"use_align_attribute": True}}  # align="left", not style=

# Material's admonition types and their aliases (`!!! note "Title"`)
ADMONITION_TYPES = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success",
    "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail",
    "missing", "danger", "error", "bug", "example", "quote", "cite"})

# What the subset produces, and so all the sanitiser lets through
TAGS = frozenset({
    "p", "br", "hr", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre", "blockquote",
    "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "a", "span", "div"})
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ATTRIBUTE_VALUES = {"th": {"align": {"left", "right", "center"}},
                    "td": {"align": {"left", "right", "center"}}}
CLASSES = {"div": {"admonition", *ADMONITION_TYPES}, "p": {"admonition-title"}}
URL_SCHEMES = frozenset({"https", "http", "mailto", "tel"})


@dataclass(frozen=True)
class Finding:
    """Something in a description that the page does not show as written.

    ``found`` is the piece of the text it is about, as written where that
    can be known (a tag, a URL, a heading's text), to quote and to find the
    line by; ``message`` says what is wrong and what to write instead."""

    kind: str  # html, image, heading, link, removed, unformatted
    found: str
    message: str


@dataclass(frozen=True)
class Rendered:
    html: str  # sanitised, without blank lines
    findings: tuple[Finding, ...]


LINK_RULE = "links in descriptions must be absolute https://, http://, mailto: or tel: addresses"


def url_problem(url: str) -> str | None:
    """Why the sanitiser does not keep ``url`` as a link, or None when it does."""
    if not url or any(c.isspace() for c in url):
        return "contains white space; encode spaces as %20" if url else "is empty"
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"cannot be read as an address ({exc})"
    scheme = parts.scheme.lower()
    if not scheme:
        return "is not a complete address (on the site it would be a broken link)"
    if scheme not in URL_SCHEMES:
        return f"uses '{scheme}:', which is not allowed"
    if scheme in ("http", "https"):
        host = parts.hostname or ""
        if "." not in host and host != "localhost":
            return "has no valid host name (such as www.example.org)"
    elif scheme == "mailto" and "@" not in parts.path:
        return "is not an e-mail address (such as mailto:name@example.org)"
    elif scheme == "tel" and not any(c.isdigit() for c in parts.path):
        return "is not a phone number (such as tel:+3290000000)"
    return None


def _url_filter(tag: str, attribute: str, value: str) -> str | None:
    """After the sanitiser's own scheme and relative-URL checks: a host, an
    e-mail address, a phone number (url_problem)."""
    if attribute == "href" and url_problem(value):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    tag_attribute_values={tag: {name: set(values) for name, values in by_name.items()}
                          for tag, by_name in ATTRIBUTE_VALUES.items()},
    allowed_classes={tag: set(names) for tag, names in CLASSES.items()},
    url_schemes=set(URL_SCHEMES),
    url_relative="deny",
    attribute_filter=_url_filter,
    link_rel=None,
    strip_comments=True,
    clean_content_tags={"script", "style"},
)


def might_have_findings(text: str) -> bool:
    """False only for a text that :func:`render` returns without findings:
    no character that starts a tag, a link or an image, no admonition, no
    heading of level 1 or 2 (ATX or setext, after any quote, list or
    definition markers), nothing nested too deep and nothing too long. The
    check renders only the others (the build renders every description
    anyway); a property test holds the two together. Linear in the length
    of the text."""
    return bool(_MIGHT.search(text)) or _too_big(text) is not None or nesting(text) > MAX_NESTING


# a tag, a link or image; an admonition; a heading of level 1 or 2, ATX or
# setext, after any quote, list or definition markers. Greedy, and '#' and '='
# are not markers, so each line is read in one pass ('-' is: a line that is all
# markers and ends in '-' may underline the line before).
_MIGHT = re.compile(r"[<\[]|!!!|^[ \t>*+\-0-9.):]*(?:#{1,2}(?!#)|=+[ \t]*$|-[ \t]*$)", re.M)


def render(text: str) -> Rendered:
    """A description's Markdown -> sanitised HTML and what was refused."""
    ahead = _AHEAD.get(text)
    return ahead if ahead is not None else _render(text)


# What render_ahead rendered, for this process and the processes it forks
_AHEAD: dict[str, Rendered] = {}


def render_ahead(texts: Iterable[str], processes: int = 1) -> int:
    """Render ``texts`` now, in up to ``processes`` processes at once, and keep
    what each becomes for :func:`render`, in place of what the last call kept:
    a build that forks a process for each language's pages calls it first, so
    that each description is rendered once and not once in each language (the
    cache of :func:`render` holds fewer texts than 10,000 programmes have).
    The number of texts kept."""
    unique = list(dict.fromkeys(texts))
    _AHEAD.clear()
    if processes > 1 and len(unique) > AHEAD_ALONE and hasattr(os, "fork"):
        gc.freeze()  # the workers' collections leave this process's objects alone (and unshared)
        try:
            with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork")) as pool:
                rendered = list(pool.map(_render_anew, unique, chunksize=max(1, len(unique) // (processes * 8))))
        finally:
            gc.unfreeze()
    else:
        rendered = [_render(text) for text in unique]
    _AHEAD.update(zip(unique, rendered))
    return len(unique)


AHEAD_ALONE = 100  # render_ahead renders this many texts or fewer in its own process: a worker costs more


def _render_anew(text: str) -> Rendered:
    return _render.__wrapped__(text)


# Lists, quotes and boxes inside each other: Python-Markdown parses each level
# by recursion, and a line of a few hundred "- " or ">" makes it fail with a
# RecursionError. No description needs more than a few levels.
MAX_NESTING = 8
# Python-Markdown looks for the end of a link from every "[" on (time grows with
# the square of the text); no description needs more than a few dozen links.
MAX_BRACKETS = 100
# ... and for the end of an emphasis or code span from every '*', '_' and '`'
# on; the most any description has is some thirty.
MAX_MARKS = 400
# ... and handles a long list item by item, in time growing with the square of
# the number of lines; the longest description has some forty.
MAX_LINES = 500
# Emphasis and links are looked for paragraph by paragraph, in time that grows
# faster than the paragraph; the longest description is some 3,000 characters.
MAX_CHARS = 20_000
MAX_PARAGRAPH = 5_000
_NESTS = " \t-*+>:!0123456789"  # what a line that nests starts with
_CONTAINER = re.compile(r"[ \t]*(?:[-*+>]|[0-9]{1,9}[.)]|:|!!!)(?=[ \t]|$)")


def nesting(text: str) -> int:
    """How deep the lists, quotes, definitions and boxes of ``text`` nest, at
    most: per line, the container markers at its start (``- > 1. :``) plus
    its indentation in steps of four (continued items and box contents)."""
    deepest = 0
    for line in text.split("\n"):
        if not line or line[0] not in _NESTS:
            continue  # depth 0: most lines
        stripped = line.lstrip(" \t")
        depth = (len(line) - len(stripped) + 3) // 4
        pos = 0
        while (m := _CONTAINER.match(line, pos)) and m.end() > pos:
            depth += 1
            pos = m.end()
            if depth > MAX_NESTING:
                return depth
        deepest = max(deepest, depth)
    return deepest


@functools.lru_cache(maxsize=4096)  # the check and the build of one run render the same texts
def _render(text: str) -> Rendered:
    if nesting(text) > MAX_NESTING:
        return _unformatted(text, f"lists, quotes or boxes are nested more than {MAX_NESTING} "
                            "levels deep; use fewer levels")
    if (why := _too_big(text)) is not None:
        return _unformatted(text, why)
    md = _markdown()
    md.reset()
    md.findings = []
    raw = md.convert(text)
    findings = list(md.findings)
    clean = _CLEANER.clean(raw)
    images = {f.found for f in findings if f.kind == "image"}  # reported once, as an image
    findings += [f for f in _dropped(raw, clean) if not (f.kind == "link" and f.found in images)]
    return Rendered(_no_blank_lines(clean), tuple(findings))


def _too_big(text: str) -> str | None:
    """Why the renderer does not take ``text`` on (its time would grow with the
    square of the text), or None."""
    if len(text) > MAX_CHARS:
        return f"the text is longer than {MAX_CHARS:,} characters; shorten it"
    if text.count("\n") >= MAX_LINES:
        return f"the text has more than {MAX_LINES} lines; shorten it, or split the description"
    if text.count("[") > MAX_BRACKETS:
        return (f"the text has more than {MAX_BRACKETS} '[' (each may start a link); write fewer, "
                "or split the description")
    if sum(map(text.count, "*_`")) > MAX_MARKS:
        return (f"the text has more than {MAX_MARKS} '*', '_' and '`' (each may start emphasis or "
                "code); write fewer")
    if len(text) > MAX_PARAGRAPH and max(map(len, _PARAGRAPHS.split(text))) > MAX_PARAGRAPH:
        return (f"a paragraph is longer than {MAX_PARAGRAPH:,} characters; split it with an empty "
                "line")
    return None


_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


def _unformatted(text: str, why: str) -> Rendered:
    """A text the renderer does not take on: shown as plain text, and why."""
    return Rendered(f"<p>{html.escape(' '.join(text.split()))}</p>", (Finding(
        "unformatted", "", f"{why}; until then the site shows the text without its formatting"),))


# -- the Markdown renderer ----------------------------------------------------

class _RawHtmlAsText(InlineProcessor):
    """A tag or comment in the text stays text (Python-Markdown would pass it through as HTML)."""

    def handleMatch(self, m, data):
        self.md.findings.append(Finding("html", m.group(1), "HTML is not allowed in a description "
                                        f"(found '{m.group(1)[:30]}'); use Markdown instead"))
        return m.group(1), m.start(0), m.end(0)


class _NoImagesNoPageHeadings(Treeprocessor):
    """Images become links to their address; headings of level 1 and 2 become level 3."""

    def run(self, root):
        in_link = {id(child) for a in root.iter("a") for child in a.iter() if child is not a}
        for el in root.iter():
            if el.tag == "img":
                src, alt = el.get("src", ""), el.get("alt", "")
                example = f"[{alt or 'name of the picture'}]({src})"
                self.md.findings.append(Finding(
                    "image", src, f"images are not shown on the site, which loads nothing from other "
                    f"hosts (found an image of '{src}'); write a link instead, such as {example}"))
                # a link to the picture; inside a link, only its text (links do not nest)
                el.tag = "span" if id(el) in in_link else "a"
                el.attrib.clear()
                if el.tag == "a":
                    el.set("href", src)
                el.text = alt or src
            elif el.tag in ("h1", "h2"):
                self.md.findings.append(Finding(
                    "heading", "".join(el.itertext()).strip(), "headings of level 1 and 2 (# and ##) are "
                    "the page's own; start description headings at ###"))
                el.tag = "h3"
        return None


@functools.cache
def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.inlinePatterns.register(_RawHtmlAsText(HTML_RE, md), "html", 90)
    md.treeprocessors.register(_NoImagesNoPageHeadings(md), "directory-images-headings", 5)
    return md


# -- what the sanitiser dropped -------------------------------------------------

class _Elements(HTMLParser):
    """Every element and attribute of an HTML fragment, values decoded."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: Counter = Counter()
        self.attrs: Counter = Counter()
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        for name, value in attrs:
            if name == "class":
                for cls in (value or "").split():
                    self.attrs[(tag, name, cls)] += 1
            else:
                self.attrs[(tag, name, value or "")] += 1

    handle_startendtag = handle_starttag


def _dropped(raw: str, clean: str) -> list[Finding]:
    before, after = _Elements(raw), _Elements(clean)
    out = []
    for (tag, name, value), n in (before.attrs - after.attrs).items():
        for _ in range(n):
            if tag == "a" and name == "href":
                problem = url_problem(value) or "is not allowed"
                out.append(Finding("link", value, f"link '{value}' {problem}; {LINK_RULE}"))
            elif tag == "div" and name == "class":
                out.append(Finding("removed", f"!!! {value}", f"'!!! {value}' is not a kind of box the "
                                   f"site knows; use one of {', '.join(sorted(ADMONITION_TYPES))}"))
            else:
                out.append(Finding("removed", value, f"the {name} '{value}' of <{tag}> would be "
                                   "removed from the page; use only plain Markdown"))
    for tag, n in (before.tags - after.tags).items():
        out.extend(Finding("removed", f"<{tag}>", f"<{tag}> would be removed from the page; "
                           "use only plain Markdown") for _ in range(n))
    return out


_BEFORE_BLANK_LINE = re.compile(r"\n(?=[ \t]*(?:\n|$))")


def _no_blank_lines(html: str) -> str:
    return _BEFORE_BLANK_LINE.sub("&#10;", html.strip())

