"""Descriptions are Markdown without HTML or images, and link only to complete addresses.

A description may use Markdown (paragraphs, lists, emphasis, headings from
level 3, tables, definition lists, boxes such as ``!!! note``) but no HTML
tags or comments and no images (the site loads nothing from other hosts:
write a link to the picture instead). Its links must be complete
``https://``, ``http://``, ``mailto:`` or ``tel:`` addresses, however they
are written (``[text](address)``, ``<address>``, or ``[text][name]`` with
``[name]: address`` anywhere in the text).

The rule reports exactly what the site would not show as written: it asks
the same renderer and sanitiser that make the page (``directory.description``),
and names the line of the text where it can.

Rendering is the slow part of the check. The rule spends at most four seconds
of processor time on it: a data folder whose descriptions take longer (a real
directory of 10,000 programmes takes well under one) gets an error at the
first description it did not check, and the site is not built.
"""
from __future__ import annotations

import bisect
import dataclasses
import html
import re
import time

from ...description import might_have_findings, render
from ...description import Finding as TextFinding
from ...load import LoadedFile, Position
from ...schema.records import Context
from .common import at

ID = "markdown-safety"
LEVEL = "error"

TIME_BUDGET = 4.0  # seconds of processor time for rendering descriptions


def check(ctx: Context):
    files = _Files()
    deadline = time.process_time() + TIME_BUDGET
    for rec in ctx.valid("programme"):
        description = rec.data.get("description") or {}
        for lang, text in description.items():
            if not isinstance(text, str) or not might_have_findings(text):
                continue
            sub = ("description", lang)
            if time.process_time() > deadline:
                yield at(rec, sub, f"checking the descriptions took more than {TIME_BUDGET:.0f} "
                         "seconds, the limit, so this one and those after it were not checked; "
                         "look for descriptions written to slow the check (thousands of '*', '[' "
                         "or list markers) and shorten them")
                return
            seen: dict[str, int] = {}  # how many findings quoted the same text so far
            html_told = False
            for finding in render(text).findings:
                if finding.kind == "html":  # the first tag says it: no HTML in this text
                    if html_told:
                        continue
                    html_told = True
                nth = seen[finding.found] = seen.get(finding.found, -1) + 1
                problem = at(rec, sub, finding.message)
                pos = files.where(rec.file, rec.file.position(rec.path + sub), text, finding, nth)
                yield dataclasses.replace(problem, line=pos.line, col=pos.col) if pos else problem


_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # YAML's line breaks


class _Files:
    """The lines of the data files, split when a finding needs them, and where
    each file's keys and values start."""

    def __init__(self) -> None:
        self.lines: dict[int, list[str]] = {}
        self.starts: dict[int, list[int]] = {}

    def where(self, file: LoadedFile, start: Position, text: str, finding: TextFinding,
              nth: int) -> Position | None:
        """The line and column of what a finding is about, when it stands on a
        later line of the file than where the text starts (a block text ``|``
        or ``>``, or a quoted text over several lines); None keeps the text's
        start."""
        if not finding.found:
            return None
        decode = finding.found not in text  # Markdown decoded a character reference: &#106;avascript:
        if (html.unescape(text) if decode else text).count(finding.found) <= nth:
            return None
        lines = self._lines(file)
        if start.line > len(lines):
            return None
        starts = self._starts(file)
        after = bisect.bisect_right(starts, start.line)
        end = starts[after] if after < len(starts) else len(lines) + 1  # the text ends before
        seen = -1
        for number in range(start.line, min(end, len(lines) + 1)):
            line = lines[number - 1]
            col = start.col - 1 if number == start.line else 0
            if decode:  # the line, not the column
                line = line[:col] + html.unescape(line[col:])
            while (col := line.find(finding.found, col)) != -1:
                seen += 1
                if seen == nth:
                    if number == start.line:
                        return None
                    return Position(number, (len(line) - len(line.lstrip()) if decode else col) + 1)
                col += 1
        return None

    def _lines(self, file: LoadedFile) -> list[str]:
        if id(file) not in self.lines:
            self.lines[id(file)] = _LINE_BREAK.split(file.text)
        return self.lines[id(file)]

    def _starts(self, file: LoadedFile) -> list[int]:
        if id(file) not in self.starts:
            self.starts[id(file)] = sorted({pos.line for positions in (file.values, file.keys)
                                            for pos in positions.values()})
        return self.starts[id(file)]
