"""The Rules page for editors (``rules.md``): every rule of the check, by its id.

``rules_page()`` returns the page's Markdown: for each rule of
:data:`directory.validate.rules.ALL`, its id (the name in brackets at the end
of a message), its level, its docstring (the rule's documentation, written for
editors) and its example: the data that breaks it and the lines ``make check``
writes about that data, made by checking the example
(:mod:`directory.validate.examples`), so the page shows what the check
writes today. Nothing on the page comes from the editors' data.

Docstrings are Markdown written by developers; HTML special characters in
them are shown as text (``programmes/<id>/``), outside code, where Markdown
would take them for tags.
"""
from __future__ import annotations

import functools
import inspect
import re
from dataclasses import dataclass
from types import ModuleType

from jinja2 import Environment
from markupsafe import Markup

from ..validate import rules
from ..validate.examples import DAY, Example, background, run_example
from ..languages import DEFAULT
from .markdown import anchor, environment
from .reference import _link, code, code_block, english

TEMPLATE = "rules.md.j2"
PATH = "rules.md"  # the page's path in the site

@dataclass(frozen=True)
class RuleDoc:
    id: str
    level: str
    summary: Markup  # the docstring's first paragraph
    body: Markup  # the rest of the docstring
    example: Example

    @property
    def messages(self) -> str:
        """What the check writes about the example, a line a problem."""
        return "\n".join(self.example.lines)


# a code span (any run of backticks to the same run), or what lies between them
_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)", re.S)
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _text(part: str) -> str:
    return re.sub("[&<>]", lambda m: _HTML_SPECIAL[m.group()], part)


def doc_markdown(text: str) -> Markup:
    """Docstring text as Markdown: as written, but with &, < and > outside code
    spans and indented code blocks shown as text, not read as HTML."""
    out = []
    for paragraph in re.split(r"(\n\s*\n)", text):
        if not paragraph.strip():
            out.append(paragraph)
            continue
        lines = paragraph.split("\n")
        # a paragraph indented four spaces or more is a code block (after a blank line)
        if all(line.startswith("    ") or not line.strip() for line in lines):
            out.append(paragraph)
            continue
        pieces, last = [], 0
        for m in _CODE_SPAN.finditer(paragraph):
            pieces.append(_text(paragraph[last:m.start()]))
            pieces.append(m.group())
            last = m.end()
        pieces.append(_text(paragraph[last:]))
        out.append("".join(pieces))
    return Markup("".join(out))


def rule_doc(rule: ModuleType) -> RuleDoc:
    rules.contract(rule)
    doc = inspect.cleandoc(rule.__doc__)
    summary, _, body = doc.partition("\n\n")
    return RuleDoc(rule.ID, rule.LEVEL, doc_markdown(" ".join(summary.split())), doc_markdown(body.strip()),
                   run_example(rule))


def _environment(language: str) -> Environment:
    env = environment(language)  # the pages' one environment: values escaped for Markdown
    env.filters.update(anchor=anchor, code=code, code_block=code_block)
    inline, block = english(language)
    env.globals.update(en=inline, en_block=block, link=_link)
    return env


@functools.cache
def _docs() -> list[RuleDoc]:
    """Every rule's documentation, its example checked: once a process (half
    a second), for every language's page."""
    return sorted((rule_doc(rule) for rule in rules.ALL), key=lambda d: d.id)


@functools.cache
def rules_page(language: str = DEFAULT) -> str:
    """The page 'Rules' (Markdown) in ``language``. Made once a process: it
    depends on the code only, never on the data. The rules' own texts are
    English (their docstrings and what the check writes)."""
    return _environment(language).get_template(TEMPLATE).render(
        rules=_docs(), background=background(), day=DAY)
