"""Words for 'unknown value' messages: a close match and the allowed values."""
from __future__ import annotations

import difflib
from typing import Iterable

MAX_LISTED = 25


def did_you_mean(value: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(value), list(options), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'? " if close else ""


def allowed(options: Iterable[str]) -> str:
    options = sorted(options)
    if not options:
        return "none are defined yet"
    shown = ", ".join(options[:MAX_LISTED])
    more = f" (and {len(options) - MAX_LISTED} more)" if len(options) > MAX_LISTED else ""
    return f"allowed: {shown}{more}"


def unknown(what: str, value: str, options: Iterable[str]) -> str:
    options = list(options)
    return f"unknown {what} '{value}'; {did_you_mean(value, options)}{allowed(options)}"
