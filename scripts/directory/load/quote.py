"""How a value is written in a data file: the one scalar quoting.

Everything that writes YAML for an editor to read or copy writes its values
here: ``fmt`` (the standard layout), ``new`` (a record's template), the field
reference (examples), and the messages that say what to write.

A text goes without quotes when every YAML reader reads it back as the same
text and it does not look like a number or a date to a person; otherwise it
is put in quotes: "2019", "2019-07", "NO", "yes", "09 266 30 42", a text with
": " or " #". A text in quotes that holds a double quote or a backslash gets
single quotes, so that nothing in it needs escaping; any other gets double
quotes, with JSON's escapes (which are YAML's) and the invisible line breaks
written as escapes too. Inside ``[...]`` and ``{...}`` (``flow``) a comma
or a bracket needs quotes as well.
"""
from __future__ import annotations

import io
import json
import re
from typing import Any

import yaml
from ruamel.yaml.nodes import ScalarNode as _RuamelScalar
from ruamel.yaml.resolver import VersionedResolver
from yaml.nodes import ScalarNode

STR = "tag:yaml.org,2002:str"

_EMITTER = yaml.emitter.Emitter(io.StringIO(), allow_unicode=True)
_YAML11 = yaml.resolver.Resolver()  # PyYAML: YAML 1.1, the loader's rules and more
_YAML12 = VersionedResolver(version=(1, 2))  # ruamel.yaml, the editor's language server
_NUMBER_LIKE = re.compile(r"[-+.(]{0,2}[0-9][-+0-9 .,:/()]*")  # "2019", "09 266 30 42", "2019-07"
_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def reads_as_text(text: str) -> bool:
    """Whether ``text`` may go unquoted: YAML 1.1 and 1.2 readers both read it
    as a text, and it does not look like a number or a date to a person."""
    return (not _NUMBER_LIKE.fullmatch(text)
            and _YAML11.resolve(ScalarNode, text, (True, False)) == STR
            and _YAML12.resolve(_RuamelScalar, text, (True, False)) == STR)


def scalar(text: str, flow: bool = False) -> str:
    """A text as a one-line scalar: plain where that is safe, else :func:`quoted`.
    ``flow``: it stands inside ``[...]`` or ``{...}``."""
    analysis = _EMITTER.analyze_scalar(text)
    plain = analysis.allow_flow_plain if flow else analysis.allow_block_plain
    if plain and not analysis.empty and not analysis.multiline and reads_as_text(text):
        return text
    return _quoted(text, analysis)


def quoted(text: str) -> str:
    """A text in quotes, on one line, that reads back as ``text``: single quotes
    when it holds a double quote or a backslash (nothing then needs escaping),
    else double quotes."""
    return _quoted(text, _EMITTER.analyze_scalar(text))


def _quoted(text: str, analysis) -> str:
    if ('"' in text or "\\" in text) and analysis.allow_single_quoted and not analysis.multiline:
        return "'" + text.replace("'", "''") + "'"
    return double_quoted(text)


def double_quoted(text: str) -> str:
    """``text`` in double quotes; JSON's escapes are YAML's, plus line-break look-alikes."""
    escaped = json.dumps(text, ensure_ascii=False)
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", escaped)


def flow(value: Any, inside: bool = False) -> str:
    """Any value as it is written after 'key: ' on one line: texts per
    :func:`scalar`, lists and mappings in flow style (``[a, b]``, ``{nl: a}``),
    true, false, null and numbers as YAML writes them. ``inside``: the value
    stands inside ``[...]`` or ``{...}``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(flow(v, True) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(str(k), flow=True)}: {flow(v, True)}"
                               for k, v in value.items()) + "}"
    return scalar(str(value), flow=inside)
