"""The schema for editors' tools: the data schema with the vocabularies and the checks' patterns.

VS Code's YAML extension (yaml-language-server) checks a data file, as the
editor types, against the JSON Schema named on the file's first line. The data
schema (``schema/directory.schema.json``) cannot know the vocabularies, which
live in the data (``data/vocabularies.yaml``), and leaves some checks to the
rules. :func:`generate` makes a copy of it for the editor's tool where

* every coded field is an ``enum`` of its vocabulary's ids, with the terms'
  labels as ``enumDescriptions`` (shown by completion and hover) and the
  vocabulary's name as ``x-vocabulary`` (the annotation by which the data
  schema names it);
* a partial date has the pattern of :mod:`directory.schema.dates`, a URL the
  pattern the ``urls`` rule checks (``patterns.URL``): the texts the checks
  themselves use, not copies;
* a pattern's mismatch says what is allowed in words (``patternErrorMessage``
  from the schema's ``x-allowed``) instead of showing the regular expression;
* everything else is as in the data schema.

``make schema`` writes it to ``schema/editor.schema.json``, the file the data
files and ``.vscode/settings.json`` name; the site publishes one made from the
data it is built from. When a vocabulary changes and nobody ran ``make schema``,
the committed file is out of date: ``make check`` warns (rule
``editor-schema``) and names the command, and nothing is blocked.

What a schema cannot check, the editor's tool cannot either: whether an id is
unique across the files, whether a referenced record exists, whether a date is
in the calendar or a period ends after it starts; ``make check`` does.
"""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any, Iterable

from . import SCHEMA, SCHEMA_PATH, VOCABULARY, Schema, dates, deref
from .patterns import URL, ecma
from .records import Context

EDITOR_SCHEMA_PATH = SCHEMA_PATH.with_name("editor.schema.json")
COMMAND = "make schema"
GENERATED = "x-generated-by"  # marks a generated schema; its value is COMMAND
# what a vocabulary's terms put into a coded field's schema node
_TERM_KEYWORDS = ("enum", "enumDescriptions")


# -- vocabularies --------------------------------------------------------------

def _text(language_map: Any) -> str:
    """The English text of a language map, or its first."""
    if not isinstance(language_map, dict) or not language_map:
        return ""
    return str(language_map.get("en") or next(iter(language_map.values())))


def term_description(term: dict) -> str:
    """'Pilot (nl: Pilootproject; da: Pilotprojekt). A time-limited trial ...': the
    English label, the others, and what the term means where the vocabulary says it."""
    label = term.get("label") if isinstance(term.get("label"), dict) else {}
    out = _text(label) or str(term.get("id"))
    first = "en" if "en" in label else next(iter(label), None)
    others = [f"{lang}: {text}" for lang, text in label.items() if lang != first and text]
    if others:
        out += f" ({'; '.join(others)})"
    meaning = _text(term.get("description"))
    if meaning:
        out += ". " + meaning
    return out


def _coded_fields(schema: Schema) -> list[tuple[tuple, str]]:
    """(path from the schema's top, vocabulary) of every coded field."""
    return [(schema.prefix(kind) + pattern, vocab)
            for kind in schema.kinds() for pattern, vocab in schema.vocabulary_fields(kind)]


def _slot(root: dict, path: tuple) -> tuple[dict, str]:
    """(the mapping that holds the schema node at ``path``, its key there)."""
    holder, key = None, None
    node = root
    for part in path:
        node = deref(root, node)
        if part == "*":
            holder, key = node, "items"
        else:
            holder, key = node["properties"], part
        node = holder[key]
    if holder is None:
        raise ValueError("an empty path has no slot")
    return holder, key


def _coded_node(root: dict, own: dict, vocab: str, terms: list[dict] | None) -> dict:
    """The schema node of a coded field: its vocabulary's ids, each described."""
    target = deref(root, own)
    node = {key: value for key, value in own.items() if key in ("description", "examples")}
    node.setdefault("description", f"A term of the vocabulary '{vocab}' (data/vocabularies.yaml).")
    node["type"] = "string"
    node[VOCABULARY] = vocab
    if terms:
        seen: dict[str, dict] = {}
        for term in terms:
            if isinstance(term, dict) and isinstance(term.get("id"), str):
                seen.setdefault(term["id"], term)
        node["enum"] = list(seen)
        node["enumDescriptions"] = [term_description(t) for t in seen.values()]
    else:  # a vocabulary the data lacks (make check says so): the data schema's pattern
        node.update({key: value for key, value in target.items()
                     if key in ("pattern", "x-allowed") and key not in node})
    return node


# -- the schema ----------------------------------------------------------------

def _messages(node: Any) -> None:
    """Every pattern said in words where the schema can. The patterns are
    ECMA-262 already (the checks read them so too: directory.schema.patterns); one
    that ECMA-262 and the checks would read differently is refused here."""
    if isinstance(node, list):
        for item in node:
            _messages(item)
        return
    if not isinstance(node, dict):
        return
    if isinstance(node.get("pattern"), str):
        ecma(node["pattern"])  # raises PatternError on what the two would read differently
        if node.get("x-allowed"):
            node["patternErrorMessage"] = f"Allowed: {node['x-allowed']}."
    for key, value in node.items():
        if key not in ("enum", "const", "default", "examples"):
            _messages(value)


def generate(source: dict, vocabularies: dict[str, Iterable[dict]] | None) -> dict:
    """The schema for editors' tools, made from the data schema ``source`` and a
    data folder's ``vocabularies`` (name -> terms). ``source`` is not changed."""
    out = copy.deepcopy(source)
    vocabularies = vocabularies or {}
    done: dict[tuple[int, str], str] = {}
    for path, vocab in _coded_fields(Schema(source)):
        holder, key = _slot(out, path)
        if done.setdefault((id(holder), key), vocab) != vocab:
            raise ValueError(f"{'.'.join(path)}: one schema node would take two vocabularies")
        terms = vocabularies.get(vocab)
        holder[key] = _coded_node(out, holder[key], vocab, list(terms) if terms is not None else None)
    defs = out["$defs"]
    defs["partial_date"]["pattern"] = dates.PATTERN
    defs["url"]["pattern"] = URL
    _messages(out)
    head = {
        "$schema": out.pop("$schema"),
        "$id": EDITOR_SCHEMA_PATH.name,
        "$comment": (f"Generated by '{COMMAND}' from schema/{SCHEMA_PATH.name} and the data's "
                     "vocabularies, for editors' tools such as VS Code's YAML extension: do not "
                     f"edit; change those and run {COMMAND}."),
        GENERATED: COMMAND,
    }
    out.pop("$id", None)
    return {**head, **out}


def text(schema: dict) -> str:
    """The schema as the file holds it."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def for_context(ctx: Context) -> str:
    """The schema for editors' tools made from the vocabularies the validator found."""
    return text(generate(SCHEMA.root, ctx.vocabularies()))


# -- comparing a committed schema ----------------------------------------------

def terms_of(schema: dict) -> dict[str, dict[str, str]]:
    """The vocabularies a generated schema holds: name -> {id: description}."""
    found: dict[str, dict[str, str]] = {}

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            name = node.get(VOCABULARY)
            if isinstance(name, str) and name not in found:
                ids = node.get("enum") or []
                described = node.get("enumDescriptions") or []
                found[name] = {str(i): (described[n] if n < len(described) else "")
                               for n, i in enumerate(ids)}
            for key, value in node.items():
                if key not in ("enum", "const", "default", "examples"):
                    walk(value)

    walk(schema)
    return found


def skeleton(schema: Any) -> Any:
    """The schema without its vocabularies' terms: what does not depend on the data."""
    if isinstance(schema, list):
        return [skeleton(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    coded = VOCABULARY in schema
    return {key: (value if key in ("enum", "const", "default", "examples") else skeleton(value))
            for key, value in schema.items() if not (coded and key in _TERM_KEYWORDS)}


MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")


def named_schema(data_file: Path) -> Path | None:
    """The local schema a data file names on its first line for yaml-language-server."""
    try:
        with data_file.open(encoding="utf-8", errors="replace") as f:
            first = f.readline()
    except OSError:
        return None
    m = MODELINE.match(first.strip())
    if not m or "://" in m.group(1):
        return None
    return (data_file.parent / m.group(1)).resolve()


def load_generated(path: Path) -> dict | None:
    """A generated schema's content, or None when ``path`` holds none."""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) and found.get(GENERATED) == COMMAND else None


# -- command line --------------------------------------------------------------

def _command(args) -> int:
    import sys

    from ..load import display_path, write_atomic
    from ..problems import errors
    from ..validate import validate

    result = validate(args.data)
    ctx = result.context
    broken = [f for f in ctx.files if not isinstance(f.data, dict)]
    wrong = [p for p in errors(result.problems)
             if p.field.startswith("vocabularies") or any(p.path == f.path for f in broken)]
    if wrong or not ctx.vocab:
        for p in wrong:
            print(p.format(), file=sys.stderr)
        print(f"{args.data}: the vocabularies did not load cleanly; {display_path(Path(args.out))} "
              "is left as it is", file=sys.stderr)
        return 1
    out = Path(args.out)
    new = for_context(ctx)
    old = out.read_text(encoding="utf-8") if out.is_file() else None
    if new == old:
        print(f"{display_path(out)} is up to date")
        return 0
    write_atomic(out, new)
    print(f"wrote {display_path(out)} from schema/{SCHEMA_PATH.name} and the vocabularies of {args.data}")
    return 0


def add_command(sub) -> None:
    """Register ``schema`` on the subparsers of ``python -m directory``."""
    parser = sub.add_parser(
        "schema", help="write the schema for editors' tools (VS Code) with the vocabularies",
        description="Write the schema that VS Code's YAML extension checks the data files with: "
                    f"schema/{SCHEMA_PATH.name} with every coded field limited to its "
                    "vocabulary's terms, and the date and URL patterns of the checks.")
    parser.add_argument("data", nargs="?", default="data", help="the data folder (default: data)")
    parser.add_argument("--out", default=str(EDITOR_SCHEMA_PATH),
                        help=f"the file to write (default: schema/{EDITOR_SCHEMA_PATH.name})")
    parser.set_defaults(func=_command)
