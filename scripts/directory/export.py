"""Open-data export: every validated record in one JSON document.

The records are exported as the editors wrote them (the YAML files are the
source of truth), grouped by type and sorted by id, with the vocabularies, so
that a reuser needs one download and no YAML parser.
"""
from __future__ import annotations

import json
from typing import Any

from .validate.context import RECORD_LISTS, Context

FORMAT_VERSION = 1


def export_json(ctx: Context, schema_url: str = "schema/directory.schema.json") -> str:
    """The JSON text of the export (call only for data without errors)."""
    out: dict[str, Any] = {"format_version": FORMAT_VERSION, "schema": schema_url}
    for key, type_ in RECORD_LISTS.items():
        records = [r.data for r in ctx.records if r.type == type_]
        out[key] = sorted(records, key=lambda d: d["id"])
    out["vocabularies"] = {name: list(terms.values()) for name, terms in ctx.vocab.items()}
    return json.dumps(out, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
