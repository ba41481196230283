"""A problem found in the data, and how it is printed."""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable

from .schema import patterns

ERROR = "error"
WARNING = "warning"

# characters that would break a message's one line or hide in it: control
# characters, line and paragraph separators, zero-width characters, BOM
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """``text`` on one line, each invisible character written as an escape
    (a line break as \\n, others as \\uXXXX), so a message can show it."""
    return _INVISIBLE.sub(lambda m: _NAMED.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


def quoted(value: Any, limit: int = 40) -> str:
    """A value as a message quotes it: in single quotes, on one line, cut at
    ``limit`` characters. A whole number too long to read is described
    instead (Python refuses to write one of over 4,300 digits as text)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        digits = int(value.bit_length() * 0.30103) + 1
        return f"a {'negative ' if value < 0 else ''}number of about {digits} digits"
    try:
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    except ValueError:  # a list holding such a number
        return "a value too long to show"
    text = visible(text)
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"'{text}'"



def _ascii_digit(c: str) -> str:
    """'٢' -> '2': a decimal digit of another script as the digit 0-9 it stands for."""
    value = unicodedata.decimal(c, None)
    return c if c.isascii() or value is None else str(value)


def what_to_write(text: str, accepts: Callable[[str], Any]) -> str | None:
    """How a text that ``accepts`` refuses went wrong and what to write instead,
    where one slip explains it: a line break or space around a right value
    (": it ends with a line break; write 'plan' ..."), or digits of another
    script (": it has digits other than 0-9; write '2026-11-23'"). None when
    neither is the reason."""
    trimmed = patterns.strip(text)
    if trimmed and trimmed != text and accepts(trimmed):
        around = text.replace(trimmed, "", 1)
        breaks = any(c in "\n\r\u2028\u2029" for c in around)
        where = ("starts and ends" if text[0] in patterns.WHITESPACE and text[-1] in patterns.WHITESPACE
                 else "ends" if text[-1] in patterns.WHITESPACE else "starts")
        return (f": it {where} with {'a line break' if breaks else 'a space'}; write {quoted(trimmed)}"
                + (" (on one line, without | or >)" if breaks else ""))
    if any(c.isdigit() and not c.isascii() for c in text):
        ascii_digits = "".join(_ascii_digit(c) for c in text)
        if accepts(ascii_digits):
            return f": it has digits other than 0-9; write {quoted(ascii_digits)}"
    return None


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a data file, at a line and column (both 1-based)."""

    path: str
    line: int
    col: int
    level: str
    field: str
    message: str
    rule: str

    def format(self) -> str:
        """One line, whatever the field's name or the message quotes."""
        return (
            f"{self.path}:{self.line}:{self.col}: {self.level}: "
            f"{visible(self.field)}: {visible(self.message)} [{self.rule}]"
        )

    def github(self) -> str:
        """A GitHub Actions workflow command: an annotation on the file's line."""
        return (f"::{self.level} file={_gh_property(self.path)},line={self.line},col={self.col},"
                f"title={_gh_property(self.rule)}::{_gh_data(f'{self.field}: {self.message}')}")


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == ERROR]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == WARNING]


def summary(problems: list[Problem]) -> str:
    n_err, n_warn = len(errors(problems)), len(warnings(problems))
    return f"{n_err} error{'s' * (n_err != 1)}, {n_warn} warning{'s' * (n_warn != 1)}"


def field_path(path: tuple) -> str:
    """('programmes', 3, 'name', 'nl') -> 'programmes[3].name.nl'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(file)"
