"""Where the comments of a data file stand.

YAML's parser passes comments over, so they are found here as every ``#``
that no token covers. ``fmt`` keeps each comment with the entry it belongs
to; the ``template-text`` rule reads the help comments ``new`` writes.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import yaml

from . import LINE_BREAK, _Loader


@dataclass(frozen=True)
class Comment:
    """One comment: where it stands in the text and its words."""

    index: int  # offset of the '#' in the text
    line: int  # 0-based
    col: int
    text: str  # from '#' to the end of the line, trailing blanks removed
    eol: bool  # something else stands before it on its line


def find_comments(text: str) -> list[Comment]:
    """Every comment in ``text`` (which must scan as YAML), in text order.

    A comment is a '#' at the start of a line or after a blank that no token
    (scalar, indicator, tag, ...) covers. The header line of a ``|``/``>``
    block is not covered, so that ``key: |  # note`` is found too."""
    covered = bytearray(len(text) + 1)
    loader = _Loader(text)
    try:
        while loader.check_token():
            token = loader.get_token()
            start, end = token.start_mark.index, token.end_mark.index
            if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
                header_end = LINE_BREAK.search(text, start)
                start = end if header_end is None else min(header_end.start(), end)
            covered[start:end] = b"\x01" * (end - start)
    finally:
        loader.dispose()
    starts = _line_starts(text)
    found = []
    at = text.find("#")
    while at >= 0:
        if covered[at] or (at and text[at - 1] not in " \t\r\n"):
            at = text.find("#", at + 1)
            continue
        line = bisect_right(starts, at) - 1
        end = LINE_BREAK.search(text, at)
        end = len(text) if end is None else end.start()
        found.append(Comment(at, line, at - starts[line], text[at:end].rstrip(),
                             bool(text[starts[line]:at].strip())))
        at = text.find("#", end)
    return found


def _line_starts(text: str) -> list[int]:
    """Offsets at which the lines of ``text`` start."""
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]
