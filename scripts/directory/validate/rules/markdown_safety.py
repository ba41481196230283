"""Descriptions are Markdown without HTML, and link only to web addresses.

A description may use Markdown (paragraphs, lists, emphasis, headings from
level 3) but no HTML tags or comments, and its links must point to http(s)
or mailto addresses. The site shows HTML from the data as text in any case;
this rule tells the editor before a reader sees stray tags.
"""
import re

from ...links import targets
from ..context import Context
from .urls import problem_with

ID = "markdown-safety"
LEVEL = "error"

# a tag as Python-Markdown would pass it on; written so that each '<' is looked
# at in one pass ('<\s*/?\s*' and '(?:\s[^<>]*)?/?\s*>' meant the same but took
# time quadratic in a long run of spaces)
TAG = re.compile(r"<\s*(?:/\s*)?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*|/?\s*)>|<!--")
HEADING = re.compile(r"^\s{0,3}(#{1,2})\s", re.M)


def link_problem(target: str) -> str | None:
    if target.startswith("mailto:") and "@" in target:
        return None
    return problem_with(target)


def check(ctx: Context):
    for rec in ctx.valid("programme"):
        description = rec.data.get("description") or {}
        for lang, text in description.items():
            sub = ("description", lang)
            tag = TAG.search(text)
            if tag:
                yield ctx.at(rec, sub, f"HTML is not allowed in a description (found "
                             f"'{tag.group()[:30]}'); use Markdown instead", ID)
            for target in targets(text):
                wrong = link_problem(target)
                if wrong:
                    yield ctx.at(rec, sub, f"link '{target}' {wrong}; links in descriptions "
                                 "must be absolute http(s) or mailto: addresses", ID)
            if "#" in text and HEADING.search(text):  # the test first: a search is slow
                yield ctx.at(rec, sub, "headings of level 1 and 2 (# and ##) are the page's own; "
                             "start description headings at ###", ID)
