"""Each record's data as one JSON file beside its page.

``programmes/<id>.json`` (and ``organisations/``, ``contacts/``,
``sources/``) holds the record as the public view has it (never the
editors' file: no comments, no field for the editors only), with:

- ``page``: the URL of the record's page (for a source: its entry on the
  page of all sources);
- ``references``: every record it names by id, by type, with that record's
  name (or title), page and data file, and for a source its document's
  address where the data gives one;
- ``schema``: the JSON Schema that defines the fields of ``record``.

Every URL in the file is relative to the file itself (RFC 3986: resolve it
against the address the file was fetched from), so the files work wherever
the site is published.
"""
from __future__ import annotations

import json
import posixpath
from typing import Any, Iterator

from ..render import urls
from ..schema import SCHEMA, SCHEMA_PATH
from ..schema.records import RECORD_LISTS

FORMAT_VERSION = 1

# record type -> [(pattern of a field that holds an id, the type it names)]
REFERENCES = {type_: SCHEMA.references(type_) for type_ in RECORD_LISTS.values()}


def ids_at(value: Any, pattern: tuple[str, ...]) -> Iterator[str]:
    """The values at ``pattern`` ('*' for each item of a list) in a record."""
    if not pattern:
        if isinstance(value, str):
            yield value
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        for item in value if isinstance(value, list) else ():
            yield from ids_at(item, rest)
    elif isinstance(value, dict) and head in value:
        yield from ids_at(value[head], rest)


def title_of(record_type: str, record: dict) -> Any:
    """What names a record: a programme's or organisation's name (in each
    language it is given in), a source's title, a contact's name when the
    source gives one."""
    return record.get("title") if record_type == "source" else record.get("name")


def _relative(target: str, here: str) -> str:
    """``target`` (a URL from the site root) relative to the file ``here``."""
    path, hash_, fragment = target.partition("#")
    rel = posixpath.relpath(path or ".", posixpath.dirname(here) or ".")
    if path.endswith("/"):
        rel += "/"
    return rel + hash_ + fragment


def record_files(view: dict[str, Any], history: Any = None) -> dict[str, str]:
    """{site path: JSON text} of every record of the public ``view``
    (:func:`directory.exports.public_view`). ``history``, when given, adds
    each record's ``last_changed`` date (see :mod:`directory.history`)."""
    by_type = {type_: {r["id"]: r for r in view[key]} for key, type_ in RECORD_LISTS.items()}
    out: dict[str, str] = {}
    for key, type_ in RECORD_LISTS.items():
        for record in view[key]:
            here = urls.record_data_path(type_, record["id"])
            refs: dict[str, dict[str, Any]] = {}
            for pattern, target_type in REFERENCES[type_]:
                for ref_id in ids_at(record, pattern):
                    target = by_type[target_type].get(ref_id)
                    if target is None or ref_id in refs.get(target_type, {}):
                        continue
                    entry = {"name": title_of(target_type, target),
                             "page": _relative(urls.record_page_url(target_type, ref_id), here),
                             "data": _relative(urls.record_data_path(target_type, ref_id), here)}
                    if target_type == "source" and target.get("url"):
                        entry["url"] = target["url"]
                    refs.setdefault(target_type, {})[ref_id] = {k: v for k, v in entry.items() if v is not None}
            document: dict[str, Any] = {
                "format_version": FORMAT_VERSION,
                "type": type_,
                "id": record["id"],
                "page": _relative(urls.record_page_url(type_, record["id"]), here),
                "schema": _relative(urls.schema_path(SCHEMA_PATH.name), here),
                "record": record,
                "references": refs,
            }
            changed = history.of(type_, record["id"]) if history is not None else None
            if changed is not None:
                document["last_changed"] = changed.day
            out[here] = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    return out
