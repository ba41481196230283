"""Regular expressions with the meaning JSON Schema gives them (ECMA-262).

A JSON Schema ``pattern`` (and ``propertyNames``) is an ECMA-262 regular
expression, the dialect of JavaScript: that is how an editor's IDE, the
schema's own documentation and every other JSON Schema tool read it. Python's
``re`` gives some of the same characters another meaning:

* ``$`` also matches before a final line break, so ``^[a-z]+$`` accepts
  ``"some-id\\n"``; in ECMA-262 ``$`` is the very end of the text;
* ``\\d`` is any Unicode digit (``٢``, ``३``), ``\\w`` any letter of any script,
  ``\\s`` a slightly different set of white space; in ECMA-262 they are 0-9,
  A-Z a-z 0-9 _, and the white space and line terminators it lists;
* ``.`` matches a carriage return and the line separators U+2028/U+2029.

:func:`ecma` translates a pattern into a compiled Python expression with the
ECMA-262 meaning (with the ``u`` flag, which JSON Schema 2020-12 recommends:
a pattern is read by code points, as Python strings are). Everything in the
package that judges an editor's input by a pattern goes through it: the
schema's patterns (in jsonschema and in the fast check) and the package's own
expressions (dates, ...), so a value is accepted or refused the same way
everywhere. Apply the result with ``.search``, as JSON Schema does; a pattern
that must match the whole text says so with ``^`` and ``$``.

Only part of ECMA-262 is translated: the part that keeps its meaning once
translated. Back-references, Unicode property escapes (``\\p{L}``), flags
and whatever else ECMA-262 or Python read differently raise
:class:`PatternError` instead of being silently misread.
"""
from __future__ import annotations

import re
from functools import lru_cache

# ECMA-262 WhiteSpace and LineTerminator: what \s matches (Zs as of Unicode 15)
_SPACE = ((0x09, 0x0D), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A),
          (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000),
          (0xFEFF, 0xFEFF))
_DIGIT = ((0x30, 0x39),)
_WORD = ((0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A))
_LINE_END = ((0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029))
_MAX = 0x10FFFF

# characters that may follow a backslash as themselves (u flag: syntax characters and /)
_SYNTAX = frozenset("^$\\.*+?()[]{}|/")
_CONTROL = {"t": 0x09, "n": 0x0A, "v": 0x0B, "f": 0x0C, "r": 0x0D}
_QUANTIFIER = re.compile(r"\{(\d+)(,(\d*))?\}")
_NAME = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")

WHITESPACE = "".join(chr(c) for lo, hi in _SPACE for c in range(lo, hi + 1))
"""Every character ECMA-262's ``\\s`` matches."""

URL = r"^[Hh][Tt][Tt][Pp][Ss]?://\S+$"
"""The form every web address has: http:// or https:// (in any case, as
urlsplit reads it) and no white space. The ``urls`` rule checks it, and the
schema for editors (``directory.schema.editor``) as they type."""


class PatternError(ValueError):
    """A pattern is not ECMA-262, or uses a part of it that is not translated."""


def _negate(ranges: tuple) -> tuple:
    out, start = [], 0
    for lo, hi in sorted(ranges):
        if lo > start:
            out.append((start, lo - 1))
        start = max(start, hi + 1)
    if start <= _MAX:
        out.append((start, _MAX))
    return tuple(out)


_CLASS_ESCAPES = {"d": _DIGIT, "D": _negate(_DIGIT), "w": _WORD, "W": _negate(_WORD),
                  "s": _SPACE, "S": _negate(_SPACE)}


def _char(code: int) -> str:
    """One code point, written so that Python's re reads it as itself anywhere."""
    return re.escape(chr(code)) if 0x20 <= code < 0x7F else f"\\U{code:08x}"


def _class(ranges, negated: bool = False) -> str:
    if not ranges:
        return "[\\s\\S]" if negated else "(?!)"
    body = "".join(_char(lo) if lo == hi else f"{_char(lo)}-{_char(hi)}" for lo, hi in ranges)
    return f"[{'^' if negated else ''}{body}]"


_W = _class(_WORD)
_NOT_W = _class(_WORD, negated=True)
_BOUNDARY = f"(?:(?<={_W})(?!{_W})|(?<!{_W})(?={_W}))"
_NOT_BOUNDARY = f"(?:(?<={_W})(?={_W})|(?<!{_W})(?!{_W}))"


class _Reader:
    """Reads one ECMA-262 pattern and writes its Python translation."""

    def __init__(self, pattern: str):
        self.p = pattern
        self.i = 0

    def fail(self, what: str) -> PatternError:
        return PatternError(f"pattern {self.p!r}, at {self.i}: {what}")

    def peek(self, n: int = 1) -> str:
        return self.p[self.i:self.i + n]

    def take(self) -> str:
        if self.i >= len(self.p):
            raise self.fail("unexpected end")
        c = self.p[self.i]
        self.i += 1
        return c

    def translate(self) -> str:
        out = []
        groups: list[str] = []  # the openers of the groups not closed yet
        quantifiable = False  # whether the last item may take a quantifier
        while self.i < len(self.p):
            c = self.peek()
            if c in "*+?{":
                if c == "{":
                    m = _QUANTIFIER.match(self.p, self.i)
                    if not m:
                        raise self.fail("a '{' that starts no {n}, {n,} or {n,m}")
                    if m.group(3) and int(m.group(3)) < int(m.group(1)):
                        raise self.fail("a {n,m} with m below n")
                    text, self.i = m.group(), m.end()
                else:
                    text = self.take()
                if not quantifiable:
                    raise self.fail("nothing to repeat")
                if self.peek() == "?":  # lazy; Python reads *+ and ++ as possessive: refused above
                    text += self.take()
                out.append(text)
                quantifiable = False
                continue
            self.i += 1
            if c == "\\":
                out.append(self.escape())
                quantifiable = out[-1] not in (_BOUNDARY, _NOT_BOUNDARY)
            elif c == "[":
                out.append(self.char_class())
                quantifiable = True
            elif c == "(":
                groups.append(self.group_start())
                out.append(groups[-1])
                quantifiable = False
            elif c == ")":
                if not groups:
                    raise self.fail("a ')' without its '('")
                out.append(")")
                # a lookaround is an assertion: with the u flag it takes no quantifier
                quantifiable = groups.pop() not in ("(?=", "(?!", "(?<=", "(?<!")
            elif c == "|":
                out.append("|")
                quantifiable = False
            elif c == "^":
                out.append("\\A")  # no m flag: the start of the text only
                quantifiable = False
            elif c == "$":
                out.append("\\Z")  # the very end: not before a final line break
                quantifiable = False
            elif c == ".":
                out.append(_class(_LINE_END, negated=True))
                quantifiable = True
            elif c in "]}":
                raise self.fail(f"a lone '{c}' (write \\{c})")
            else:
                out.append(_char(ord(c)))
                quantifiable = True
        if groups:
            raise self.fail("a '(' without its ')'")
        return "".join(out)

    def group_start(self) -> str:
        if self.peek() != "?":
            return "("
        self.i += 1
        for opener in (":", "=", "!", "<=", "<!"):
            if self.p.startswith(opener, self.i):
                self.i += len(opener)
                return "(?" + opener
        if self.peek() == "<":
            m = _NAME.match(self.p, self.i + 1)
            if m and self.p.startswith(">", m.end()):
                self.i = m.end() + 1
                return f"(?P<{m.group()}>"
        raise self.fail("an unknown group '(?'")

    def code_point_escape(self, c: str) -> int | None:
        """The code point of \\t, \\n, \\xHH, \\uHHHH, \\u{H...}, \\0, \\cX (after the
        backslash and ``c``), or None when ``c`` starts none of these."""
        if c in _CONTROL:
            return _CONTROL[c]
        if c == "0" and not self.peek().isdigit():
            return 0
        if c == "c" and self.peek().isascii() and self.peek().isalpha():
            return ord(self.take()) % 32
        if c == "x":
            return self.hex(2)
        if c == "u":
            if self.peek() == "{":
                end = self.p.find("}", self.i)
                digits = self.p[self.i + 1:end] if end > 0 else ""
                if not digits or len(digits) > 6 or not all(d in "0123456789abcdefABCDEF" for d in digits) \
                        or int(digits, 16) > _MAX:
                    raise self.fail("a \\u{...} that is no code point")
                self.i = end + 1
                return int(digits, 16)
            code = self.hex(4)
            if 0xD800 <= code <= 0xDBFF and self.peek(2) == "\\u":  # a surrogate pair: one code point
                save = self.i
                self.i += 2
                low = self.hex(4) if self.peek() != "{" else -1
                if 0xDC00 <= low <= 0xDFFF:
                    return 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                self.i = save
            return code
        return None

    def hex(self, n: int) -> int:
        digits = self.p[self.i:self.i + n]
        if len(digits) != n or not all(d in "0123456789abcdefABCDEF" for d in digits):
            raise self.fail(f"an escape that needs {n} hexadecimal digits")
        self.i += n
        return int(digits, 16)

    def escape(self) -> str:
        c = self.take()
        if c in _CLASS_ESCAPES:
            return _class(_CLASS_ESCAPES[c])
        if c == "b":
            return _BOUNDARY
        if c == "B":
            return _NOT_BOUNDARY
        code = self.code_point_escape(c)
        if code is not None:
            return _char(code)
        if c in _SYNTAX:
            return _char(ord(c))
        raise self.fail(f"the escape \\{c} is not translated (back-references, \\p{{...}} and "
                        "escapes of ordinary characters are not)")

    def class_atom(self) -> tuple | int:
        """One atom of a class: a code point, or the ranges of \\d, \\w, \\s, ..."""
        c = self.take()
        if c != "\\":
            return ord(c)
        c = self.take()
        if c in _CLASS_ESCAPES:
            return _CLASS_ESCAPES[c]
        if c == "b":
            return 0x08
        code = self.code_point_escape(c)
        if code is not None:
            return code
        if c in _SYNTAX or c == "-":
            return ord(c)
        raise self.fail(f"the escape \\{c} is not translated inside [...]")

    def char_class(self) -> str:
        negated = self.peek() == "^"
        if negated:
            self.i += 1
        ranges = []
        while True:
            if self.i >= len(self.p):
                raise self.fail("a '[' without its ']'")
            if self.peek() == "]":
                self.i += 1
                break
            lo = self.class_atom()
            if self.peek() == "-" and self.p[self.i + 1:self.i + 2] not in ("]", ""):
                self.i += 1
                hi = self.class_atom()
                if isinstance(lo, tuple) or isinstance(hi, tuple):
                    raise self.fail("a range with \\d, \\w or \\s at one end")
                if hi < lo:
                    raise self.fail("a range out of order")
                ranges.append((lo, hi))
            elif isinstance(lo, tuple):
                ranges.extend(lo)
            else:
                ranges.append((lo, lo))
        return _class(_merge(ranges), negated)


def _merge(ranges: list) -> tuple:
    out: list[list[int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return tuple((lo, hi) for lo, hi in out)


def translate(pattern: str) -> str:
    """The Python ``re`` source with the meaning ECMA-262 gives ``pattern``."""
    if not isinstance(pattern, str):
        raise PatternError(f"a pattern is a text, not {pattern!r}")
    return _Reader(pattern).translate()


@lru_cache(maxsize=None)
def ecma(pattern: str) -> re.Pattern:
    """``pattern`` (ECMA-262) compiled for Python with its ECMA-262 meaning."""
    source = translate(pattern)
    try:
        return re.compile(source)
    except re.error as exc:  # e.g. a lookbehind of varying width, which Python cannot do
        raise PatternError(f"pattern {pattern!r} cannot be run here: {exc}") from None


_NOT_SPACE = ecma(r"\S")


def is_blank(text: str) -> bool:
    """True when ``text`` holds nothing but white space (as ECMA-262's \\s sees it)."""
    return _NOT_SPACE.search(text) is None


def strip(text: str) -> str:
    """``text`` without white space (ECMA-262's \\s) at its start and end."""
    return text.strip(WHITESPACE)
