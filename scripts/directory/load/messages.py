"""YAML mistakes in an editor's words.

The parser says what it expected ("mapping values are not allowed in this
context", "did not find expected '-' indicator"); an editor needs the cause and
the fix: a colon inside a text that is not in quotes, a tab in the
indentation, a field that is not lined up with the one above it, a quote or
bracket that is never closed. ``explain`` looks at the parser's error and the
text around it and says that, at the place of the cause (the position comes
first: the message never replaces it). What it does not recognise keeps the
parser's words, with the advice to check indentation, colons and quotes.

The loader also asks here for the words for what parses but is not what the
editor meant (``[Gent: centrum]``, ``{a, b}``) and for numbers that are not
finite (``.nan``, ``.inf``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from yaml.events import ScalarEvent

from .quote import quoted as _in_yaml_quotes

INDENT = 2  # the data files indent by two spaces (fmt writes them so)


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(text: str, limit: int = 100) -> str:
    """``text`` as a YAML text in quotes that reads back as ``text`` (cut to
    ``limit`` characters with '…' before the closing quote)."""
    return _in_yaml_quotes(text if len(text) <= limit else text[: limit - 1] + "…")


def _spaces(n: int) -> str:
    return "no spaces" if n == 0 else f"{n} space{'s' * (n != 1)}"


def not_finite(written: str) -> str:
    """The message for a number YAML reads as not-a-number or infinite."""
    what = "not a number" if "nan" in written.lower() else (
        "infinite" if "inf" in written.lower() else "too large to be a number")
    return (f"'{short(written)}' is read as {what}, which no page or data export can show; "
            "write the number in digits only (such as 250000), or leave the field out when "
            "the source does not state it")


def pair_in_brackets(text: str, index: int) -> str:
    """``[Gent: centrum]``: a colon and space inside [...] make a mapping."""
    end = _flow_end(text, index)
    item = text[index:end].strip()
    return (f"'{short(item)}' inside [...] is read as a field and its value, because of the "
            f"colon followed by a space; if it is a text, put it in double quotes: {quoted(item)}")


def key_without_value(text: str, index: int, end: int, before: tuple | None,
                      field: str | None) -> str:
    """``{a, b}`` or ``{nl: Een, twee}``: a name without ':' inside {...};
    ``before``: the key and value events of the field before it, if any;
    ``field``: the field whose value the {...} is."""
    name = short(text[index:end])
    if before is not None and isinstance(before[1], ScalarEvent) and not before[1].style:
        key, value = before
        whole = text[value.start_mark.index:end]
        if name.isdigit() and re.fullmatch(r"\d+(,\d+)*,", text[value.start_mark.index:index].strip()):
            return (f"a comma inside {{...}} starts a new field, so '{name}' is read as a field "
                    f"without a value; write the number in digits only: {key.value}: "
                    f"{whole.replace(',', '').replace(' ', '')} (no thousands separator)")
        return (f"a comma inside {{...}} starts a new field, so '{name}' is read as a field "
                "without a value; if it belongs to the text before it, put the whole text in "
                f"{_in_quotes(key.value + ': ' + quoted(whole))}")
    start = text.rfind("{", 0, index)
    close = text.find("}", end)
    line_end = text.find("\n", end)
    inner = text[start + 1: close].strip() if start >= 0 and 0 <= close < (
        line_end if line_end >= 0 else len(text)) else None
    if field is None or inner is None:
        return (f"'{name}' inside {{...}} has no ':' and value; braces hold fields, as in "
                "{nl: tekst, en: text}: for a list write [...] instead of {...}")
    return (f"'{name}' inside {{...}} has no ':' and value; braces hold fields, as in "
            f"{{nl: tekst, en: text}}: for a list write {field}: [{inner}], and for a text put "
            f"it in {_in_quotes(field + ': ' + quoted('{' + inner + '}'))}")


def _flow_end(text: str, index: int) -> int:
    """Where the item that starts at ``index`` inside [...] or {...} ends."""
    match = re.compile(r"[,\]}\n]").search(text, index)
    return match.start() if match else len(text)


# ---------------------------------------------------------------- syntax errors


class _Text:
    """The lines of a text around a parser error."""

    def __init__(self, text: str, index: int):
        start = text.rfind("\n", 0, index) + 1
        self.text = text
        self.before = text[:start].split("\n")[:-1]  # the lines before the error's line
        end = text.find("\n", index)
        self.line = text[start: len(text) if end < 0 else end]
        self.number = len(self.before) + 1
        self.col = index - start  # 0-based, in the line

    def indent(self, line: str) -> int:
        return len(line) - len(line.lstrip(" "))


_KEY = re.compile(r"""(?P<dash>(?:-[ ]+)*)(?P<key>[^\s#'"\[\]{},:&*!|>%@`-][^:#]*?|'[^']*'|"[^"]*")[ ]*:(?:[ ]|$)""")
_COMMENT = re.compile(r"[ \t]+#.*$")


@dataclass
class _Open:
    """A field or list item that later lines may line up with."""

    col: int
    line: int
    kind: str  # 'field' or 'item'
    name: str


def _open_entries(lines: list[str]) -> list[_Open]:
    """The fields and list items still open at the end of ``lines``: those
    that a next line could be lined up with, deepest last."""
    stack: list[_Open] = []
    block = None  # the indentation above a block text (|, >) being passed over
    for n, line in enumerate(lines, 1):
        content = line.lstrip(" ")
        col = len(line) - len(content)
        if not content.strip() or content.startswith("#"):
            continue
        if block is not None:
            if col > block:
                continue
            block = None
        entries = []
        at = col
        rest = content
        while rest.startswith("-") and (len(rest) == 1 or rest[1] in " \t"):
            entries.append(_Open(at, n, "item", "-"))
            stripped = rest[1:].lstrip(" ")
            at += len(rest) - len(stripped)
            rest = stripped
        key = _KEY.match(rest)
        if key:
            entries.append(_Open(at, n, "field", key.group("key").strip("'\"")))
            value = _COMMENT.sub("", rest[key.end():]).strip()
            if value[:1] in ("|", ">"):
                block = at
        elif not entries:
            continue  # a text's next line
        elif _COMMENT.sub("", rest).strip()[:1] in ("|", ">"):
            block = col
        first = entries[0]
        stack = [e for e in stack if e.col < first.col or (e.col == first.col and e.kind != first.kind)]
        stack.extend(entries)
    return stack


def _line_up(where: _Text) -> str | None:
    """Which line the entry on the error's line should line up with, in words."""
    content = where.line.lstrip(" ")
    col = len(where.line) - len(content)
    kind = "item" if content.startswith("-") else "field"
    candidates = [e for e in _open_entries(where.before) if e.kind == kind and e.col != col]
    if not candidates:
        return None
    best = min(candidates, key=lambda e: (abs(e.col - col), -e.col))
    what = "list item" if kind == "item" else "field"
    with_ = f"the '-' on line {best.line}" if kind == "item" else f"'{best.name}' on line {best.line}"
    return (f"this {what} is not lined up with the {what}s above it: indent it by "
            f"{_spaces(best.col)}, to line up with {with_}")


def _key_end(line: str) -> int | None:
    """Where the value of the field that ``line`` starts begins ('  - id: x' -> 8)."""
    key = re.compile(r"(?:-[ ]+)*[^\s#\-][^:#]*?:[ ]+").match(line.lstrip(" "))
    return None if key is None else len(line) - len(line.lstrip(" ")) + key.end()


def _value_text(line: str, col: int) -> tuple[int, str]:
    """The text that the position ``col`` of ``line`` stands in: its start and
    the text (to the end of the line, without a comment)."""
    start = _key_end(line)
    if start is None or start > col:
        start = len(line) - len(line.lstrip(" -"))
    return start, _COMMENT.sub("", line[start:]).rstrip()


def _in_quotes(fixed: str) -> str:
    """'double quotes: en: "a: b"' (single quotes where the text holds a double quote)."""
    return f"{'single' if fixed.endswith(chr(39)) else 'double'} quotes: {fixed}"


def _fixed(line: str, col: int) -> str:
    """The field at ``col`` of ``line`` with its whole text in quotes: 'en: "a: b"'."""
    start, value = _value_text(line, col)
    key = line[:start].strip(" -").rstrip(": ")
    return f"{key}: {quoted(value)}" if key and start <= col else quoted(value)


def _unclosed(text: str, index: int, window: int = 20_000) -> int | None:
    """The first '[' or '{' before ``index`` that is not closed (looking back
    ``window`` characters at most; texts in quotes and comments left aside)."""
    start = max(0, index - window)
    opened: list[int] = []
    quote = None
    i = start
    while i < index:
        char = text[i]
        if quote:
            if char == quote:
                quote = None
        elif char in "'\"" and (i == 0 or text[i - 1] in " [{,:\n"):
            quote = char
        elif char == "#" and (i == 0 or text[i - 1] in " \n"):
            end = text.find("\n", i, index)
            i = index if end < 0 else end
            continue
        elif char in "[{":
            opened.append(i)
        elif char in "]}" and opened:
            opened.pop()
        i += 1
    return opened[0] if opened else None


def _flow_value(line: str, col: int) -> str:
    """The field inside {...} (or item inside [...]) that the position ``col``
    of ``line`` stands in, with its whole text in quotes."""
    start = max(line.rfind(", ", 0, col), line.rfind("[", 0, col), line.rfind("{", 0, col))
    # in {key: text: more}, the text starts after the first ': ' since the item started
    first = line.find(": ", start + 1, col)
    end = _flow_end(line, col)
    if first < 0:
        return quoted(line[start + 1: end].strip())
    key = line[start + 1: first].strip()
    return f"{key}: {quoted(line[first + 1: end].strip())}"


def explain(text: str, exc: yaml.MarkedYAMLError) -> tuple:
    """The place and the editor's words for a parser error in ``text``."""
    from . import Position  # the loader's Position (it imports this module)

    mark = exc.problem_mark or exc.context_mark
    if mark is None:  # pragma: no cover - the parser marks its errors
        return Position(1, 1), _parser_words(exc)
    problem, context = exc.problem or "", exc.context or ""
    where = _Text(text, min(mark.index, len(text)))
    found = _explain(where, problem, context, exc)
    if found is None:
        found = (mark.line + 1, mark.column + 1), _parser_words(exc)
    (line, col), message = found
    # the parser may place the end of a text without a last line break on a line after it
    last = text.count("\n") + 1
    if line > last:
        line, col = last, len(text) - text.rfind("\n")
    return Position(line, col), message


def _parser_words(exc: yaml.MarkedYAMLError) -> str:
    what = " ".join(filter(None, [exc.context, exc.problem]))
    return f"not valid YAML: {what}; check indentation, colons and quotes around this place"


def _explain(where: _Text, problem: str, context: str, exc) -> tuple | None:
    line, col, number = where.line, where.col, where.number
    char = line[col: col + 1]
    here = (number, col + 1)
    cmark = exc.context_mark

    # a tab
    if "tab" in problem or char == "\t":
        return _tab(where, context, cmark)

    # an unclosed quote: the parser reads on to the end of the file
    if "quoted scalar" in context and cmark is not None:
        opening = _Text(where.text, cmark.index)
        quote = opening.line[opening.col]
        rest = opening.line[opening.col + 1:]
        return (cmark.line + 1, cmark.column + 1), (
            f"the text that starts with {quote} here is never closed: end it with {quote} on the "
            f"same line ({quote}{short(rest, 50)}{quote}), or, if {quote} is part of the text, "
            f"put the whole text in {_in_quotes(_fixed(opening.line, opening.col))}")

    # a '[' or '{' that is not closed, or a colon inside a text in [...] / {...}
    if "flow" in context and cmark is not None:
        opening_at = cmark.index
        if "flow node" in context:  # the parser does not say which bracket it was in
            opening_at = _unclosed(where.text, cmark.index)
            if opening_at is None:
                return None
        opening = _Text(where.text, opening_at)
        bracket = opening.line[opening.col]
        close = "]" if bracket == "[" else "}"
        if "flow node" in context or mark_line(exc) > cmark.line:
            return (opening.number, opening.col + 1), (
                f"the {bracket} here is not closed on its line: close it with {close}, or, if "
                f"this is a text that starts with {bracket}, put the whole text in "
                f"{_in_quotes(_fixed(opening.line, opening.col))}")
        if char == ":":
            return here, (
                f"a colon followed by a space inside a text in {bracket}...{close} ends the text "
                f"there; put the whole text in {_in_quotes(_flow_value(line, col))}")
        if line[:col].rstrip().endswith(("'", '"')):
            return here, (
                f"the text in quotes ends before '{short(line[col:_flow_end(line, col)], 30)}'; a "
                f"text in quotes must be quoted whole: {_flow_value(line, col)}")
        return here, (
            f"'{short(line[col:], 30)}' does not belong here inside {bracket}...{close}: separate "
            f"the items with commas, end with {close}, and put a text that holds a comma, "
            "colon or quote in double quotes")

    # a colon followed by a space inside a text that is not in quotes
    if problem.startswith("mapping values are not allowed"):
        value = _value_text(line, col)[1]
        if _key_end(line) is not None and _key_end(line) <= col and value:
            return here, (
                "a colon followed by a space inside a text that is not in quotes; put the "
                f"whole text in {_in_quotes(_fixed(line, col))}")
        previous = next((b for b in reversed(where.before)
                         if b.strip() and not b.lstrip().startswith("#")), "")
        prev_number = max(i for i, b in enumerate(where.before, 1) if b == previous) if previous else 0
        if re.search(r"\w:[^\s:]", _COMMENT.sub("", previous)) and ": " not in previous:
            return (prev_number, 1 + where.indent(previous)), (
                f"line {prev_number} has no space after its colon, so it is read as a text "
                "that goes on here; write a space after the colon: 'name: value'")
        advice = _line_up(where)
        if advice is None:
            return None
        return (number, 1 + where.indent(line)), (
            f"{advice} (indented deeper, it is read as the rest of the text on line "
            f"{prev_number})")

    # an entry not lined up with the entries above it
    if "expected key" in problem or "'-' indicator" in problem or "<block end>" in problem:
        first = where.indent(line)
        if col == first:
            advice = _line_up(where)
            if advice is not None:
                return here, advice
            if line[col:col + 1] == "-":
                return here, (
                    "a list item ('-') cannot stand here among fields: put the list under a "
                    "field of its own ('name:' with the items indented below it), or remove the '-'")
            return None
        before = line[:col].rstrip()
        if before.endswith(("'", '"')):
            start = _value_text(line, col)[0]
            return (number, start + 1), (
                f"the text in quotes ends before '{short(line[col:], 30)}'; a text in quotes must "
                f"be quoted whole: {_fixed(line, col)}")
        if before.endswith(("]", "}")):
            return here, (
                f"'{short(line[col:], 30)}' follows the closing {before[-1]}; remove it, or, if "
                "this is a text, put the whole text in double quotes")
        return None

    # a character that cannot start a text, such as @ or `
    if "cannot start any token" in problem and char:
        return here, (
            f"a text cannot start with {char} unless it is in quotes: put the whole text in "
            f"{_in_quotes(_fixed(line, col))}")

    if "block scalar" in context and "line break" in problem:
        return here, (
            "after | or > the text starts on the next line, indented; move it there")

    if "simple key" in context and cmark is not None:
        start = _Text(where.text, cmark.index)
        if re.match(r"[^\s:#]+:[^\s:]", start.line[start.col:]):
            return (cmark.line + 1, cmark.column + 1), (
                f"line {start.number} has no space after its colon, so it is read as a text; "
                "write a space after the colon: 'name: value'")
        return (cmark.line + 1, cmark.column + 1), (
            "this line has no ':' after its name; a field is written 'name: value', and a "
            "text that goes on over several lines is indented under its field")
    return None


def mark_line(exc) -> int:
    return exc.problem_mark.line if exc.problem_mark else exc.context_mark.line


def _tab(where: _Text, context: str, cmark) -> tuple:
    """A tab in the indentation (or between the parts of a line)."""
    line = where.line
    lead = len(line) - len(line.lstrip(" \t"))
    tab = line.find("\t")
    if tab < 0 or tab >= lead:  # a tab after '-' or ':'
        tab = where.col if where.line[where.col: where.col + 1] == "\t" else max(tab, 0)
        return (where.number, tab + 1), (
            "a tab stands between the parts of this line; YAML allows only spaces there: "
            "replace the tab with a space")
    spaces_before = line[:tab].count(" ")
    tabs = line[:lead].count("\t")
    if "block scalar" in context and cmark is not None:
        # as the block's first line is indented, or two more than its field
        first = cmark.line + 1  # the line after 'key: |' (0-based)
        inside = [(i, b) for i, b in enumerate(where.before[first:], first + 1) if b.strip()]
        if inside and "\t" not in inside[0][1][:where.indent(inside[0][1]) + 1]:
            want, whose = where.indent(inside[0][1]), f"as line {inside[0][0]} of the text"
        else:
            header = where.before[cmark.line] if cmark.line < len(where.before) else ""
            want = where.indent(header) + INDENT
            whose = f"{INDENT} more than line {cmark.line + 1}"
    else:
        kind = "item" if line[lead:].startswith("-") else "field"
        entries = _open_entries(where.before)
        same = [e for e in entries if e.kind == kind]
        previous = next((b for b in reversed(where.before)
                         if b.strip() and not b.lstrip().startswith("#")), "")
        if _COMMENT.sub("", previous).rstrip().endswith(":") and entries:
            last = entries[-1]
            want, whose = last.col + INDENT, f"{INDENT} more than '{last.name}' on line {last.line}"
        elif same:
            best = same[-1]
            want = best.col
            whose = (f"to line up with the '-' on line {best.line}" if kind == "item"
                     else f"to line up with '{best.name}' on line {best.line}")
        else:
            want, whose = INDENT, "the indentation of this file"
    n = max(want - spaces_before, 1)
    tab_words = "the tab" if tabs == 1 else f"the {tabs} tabs"
    return (where.number, tab + 1), (
        f"a tab stands in the indentation here; indentation must be spaces: replace {tab_words} "
        f"with {_spaces(n)} ({whose})")
