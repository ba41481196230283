"""Everything the directory adds to a site, by its path under the docs root.

The pages rendered from the records (``render.render_pages``), the field
reference made from the schema (``reference.reference_page``) and the open
data published beside them: the data files as they are, all records as one
JSON document, and the schema. The MkDocs hook, ``python -m directory render``
and the benchmark's floor build all take their files from here.
"""
from __future__ import annotations

from pathlib import Path

from .export import export_json
from .model import Directory
from .reference import reference_page
from .render import Options, render_pages
from .validate import Result, data_files
from .validate.schema import SCHEMA_PATH


def site_files(result: Result, directory: Directory, options: Options | None = None) -> dict[str, str | bytes]:
    """{path: content} of the generated pages (Markdown text) and the open data (bytes or text)."""
    files: dict[str, str | bytes] = dict(render_pages(directory, options))
    files["fields.md"] = reference_page(result.folder)
    for path in data_files(result.folder):
        files[f"data/{path.name}"] = path.read_bytes()
    files["data/directory.json"] = export_json(result.context)
    files[f"schema/{SCHEMA_PATH.name}"] = SCHEMA_PATH.read_bytes()
    from . import editor_schema  # the one the data files name, fresh from the data's vocabularies

    files[f"schema/{editor_schema.EDITOR_SCHEMA_PATH.name}"] = editor_schema.for_context(result.context)
    return files
