"""Open data: the validated records as the site publishes them.

Every published form of the data comes from one public view of the
validated records (:func:`public_view`): the records of each type sorted by
id, the vocabularies, and nothing that is for the editors only (a contact's
``confidential`` flag). The editors' files are never copied: their comments
(a record commented out instead of deleted, with its e-mail address and
phone number) and anything else the check does not read stay in the
repository.

- :func:`export_json`: all of it as one JSON document (``data/directory.json``);
- :func:`export_yaml`: one YAML file a list (``data/programmes.yaml``, ...),
  in the layout of the data folder, each naming the schema on its first line.
"""
from __future__ import annotations

import json
from typing import Any

import yaml

from ..schema import SCHEMA
from ..schema.records import RECORD_LISTS, Context

FORMAT_VERSION = 1

# fields that are for the editors only, by record type (from the schema: "x-internal")
INTERNAL_FIELDS = {type_: SCHEMA.internal(type_) for type_ in RECORD_LISTS.values()}

YAML_HEADER = """\
# yaml-language-server: $schema=../schema/editor.schema.json
#
# Open data of the programme directory for child and family welfare: the
# {key} as the site publishes them, written from the checked records (sorted
# by id). The schema named above defines every field.
"""


def public_view(ctx: Context) -> dict[str, Any]:
    """{list name: records} for every record type, then {"vocabularies": {name: terms}}."""
    out: dict[str, Any] = {}
    for key, type_ in RECORD_LISTS.items():
        internal = INTERNAL_FIELDS.get(type_, frozenset())
        records = [{k: v for k, v in r.data.items() if k not in internal}
                   for r in ctx.records if r.type == type_]
        out[key] = sorted(records, key=lambda d: d["id"])
    out["vocabularies"] = {name: list(terms.values()) for name, terms in ctx.vocab.items()}
    return out


def export_json(ctx: Context, schema_url: str = "schema/directory.schema.json") -> str:
    """The JSON text of the export (call only for data without errors)."""
    out: dict[str, Any] = {"format_version": FORMAT_VERSION, "schema": schema_url, **public_view(ctx)}
    # allow_nan=False: NaN and Infinity are not JSON; a value the check let through fails here
    return json.dumps(out, ensure_ascii=False, indent=1, sort_keys=False, allow_nan=False) + "\n"


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Texts over several lines as block texts (``|``), as editors write them.
    libyaml's emitter where PyYAML has it: ten times faster than PyYAML's own,
    which took a sixth of a build."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def export_yaml(ctx: Context) -> dict[str, str]:
    """{file name: YAML text}: one file for each record list and one for the vocabularies."""
    view = public_view(ctx)
    return {f"{key}.yaml": YAML_HEADER.format(key=key) + yaml.dump(
        {key: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
        default_flow_style=False) for key, value in view.items()}
