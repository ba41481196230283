"""Markdown text from the data's values, and the Jinja environment that writes it.

Text from the data never becomes markup: every ``{{ value }}`` of a template
passes through :func:`finalize`, which escapes it with :func:`escape_md`
(HTML special characters become entities, Markdown punctuation is
backslash-escaped, line breaks fold into spaces) unless a helper marked it
safe (Markup). Descriptions, which are Markdown by design, pass through
:func:`markdown_text`: :mod:`directory.description` renders them to HTML and
sanitises that HTML (only the tags of the Markdown subset, only absolute
http(s), mailto and tel links, no images), and the page holds the result as a
raw HTML block, which Markdown passes through as it is.

The record pages (:mod:`directory.render`) and the field reference
(:mod:`directory.render.reference`) are rendered by :func:`environment`.
"""
from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .. import description
from . import formats, i18n

TEMPLATES = Path(__file__).parent / "templates"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^=:<>&\"'])")
_HTML = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;"}


def escape_md(value: Any) -> str:
    """Plain text -> Markdown that shows exactly that text and nothing else."""
    text = " ".join(str(value).split())

    def sub(m: re.Match) -> str:
        ch = m.group(1)
        if ch in _HTML:
            return _HTML[ch]
        if ch in "~^=:":  # not Markdown-escapable; harmless without their extensions
            return ch
        return "\\" + ch

    return _MD_SPECIAL.sub(sub, text)


def markdown_text(value: str) -> Markup:
    """A description (Markdown from the data) as sanitised HTML without blank
    lines: one raw HTML block when it stands inside a block-level tag."""
    return Markup(description.render(value).html)


def html_text(value: Any) -> Markup:
    """Plain text inside a raw HTML block (where Markdown escapes would show)."""
    return escape(" ".join(str(value).split()))


def url_md(value: str) -> Markup:
    """A validated URL as a Markdown link destination."""
    return Markup(quote(value, safe=":/?#[]@!$&'*+,;=%~-._"))


_SLUG = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")


def anchor(value: str) -> Markup:
    """An id or code (validated as a slug) used as-is in an anchor or attribute."""
    if not _SLUG.fullmatch(value):
        raise ValueError(f"not a slug: {value!r}")
    return Markup(value)


def join(items: Iterable[Any], sep: str = ", ") -> Markup:
    """Values, each escaped unless it is Markup already, joined by ``sep``."""
    return Markup(sep.join(i if isinstance(i, Markup) else escape_md(i) for i in items))


def strong(value: Any) -> Markup:
    """Strong emphasis around a text (escaped unless it is Markup)."""
    return Markup(f"**{value if isinstance(value, Markup) else escape_md(value)}**")


def em(value: Any) -> Markup:
    """Emphasis around a text (escaped unless it is Markup)."""
    return Markup(f"*{value if isinstance(value, Markup) else escape_md(value)}*")


def finalize(value: Any) -> Any:
    """What ``{{ value }}`` writes: Markup as it is, nothing for None, else escaped text."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return Markup(escape_md(value))


def _piece(text: str) -> str:
    """A piece of a catalogue text, escaped for Markdown, keeping the one space
    at either end that joins it to a value (escape_md folds them away)."""
    if not text.strip():
        return " " if text else ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return lead + escape_md(text) + trail


class Words:
    """The catalogue's texts as a template writes them: ``t`` escaped for
    Markdown (plain text, as any value), ``tm`` with values that are
    Markdown already (links), which it puts in as they are. Numbers among the
    values are written as the language writes them (``1,234``; ``1.234``)."""

    def __init__(self, language: str):
        self.language = language
        self.catalogue = i18n.catalogue(language)
        self._plain: dict[str, Markup] = {}

    def _values(self, n: int | float | None, params: dict[str, Any]) -> dict[str, Any]:
        if n is not None:
            params.setdefault("n", n)
        return {k: formats.number(v, self.language)
                if isinstance(v, (int, float)) and not isinstance(v, bool) else v
                for k, v in params.items()}

    def text(self, key: str, /, n: int | float | None = None, **params: Any) -> str:
        """The plain text of ``key``, its values filled in."""
        raw = self.catalogue.raw(key, n)
        values = self._values(n, params)
        return raw.format(**values) if values else raw

    def t(self, key: str, /, n: int | float | None = None, **params: Any) -> Markup:
        if n is None and not params:
            found = self._plain.get(key)
            if found is None:
                found = self._plain[key] = Markup(escape_md(self.catalogue.raw(key)))
            return found
        return Markup(escape_md(self.text(key, n, **params)))

    def th(self, key: str, /, n: int | float | None = None, **params: Any) -> Markup:
        """The text for a raw HTML block: escaped for HTML, not Markdown."""
        return html_text(self.text(key, n, **params))

    def tm(self, key: str, /, n: int | float | None = None, **params: Any) -> Markup:
        values = self._values(n, params)
        out = []
        for literal, name, _, _ in string.Formatter().parse(self.catalogue.raw(key, n)):
            out.append(_piece(literal))
            if name is not None:
                value = values[name]
                out.append(value if isinstance(value, Markup) else escape_md(value))
        return Markup("".join(out))


def environment(language: str = i18n.DEFAULT) -> Environment:
    """A Jinja environment for the Markdown templates in TEMPLATES, its
    interface words (``t``, ``tm``) in ``language``."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        # autoescape makes macro output safe (Markup); finalize does the actual
        # escaping, for Markdown rather than HTML, and marks the result safe
        autoescape=True,
        finalize=finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    words = Words(language)
    env.globals.update(t=words.t, tm=words.tm, th=words.th, strong=strong, em=em, lang=language)
    return env
