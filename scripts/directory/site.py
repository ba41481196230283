"""Everything the directory adds to a site, by its path under the docs root.

The pages rendered from the records (``render.render_pages``), the field
reference made from the schema (``reference.reference_page``) and the open
data published beside them, written from the validated records (never copies
of the editors' files): one YAML file a list, all records as one JSON
document (``export``), and the schema. The MkDocs hook, ``python -m directory
render`` and the benchmark's floor build all take their files from here.
"""
from __future__ import annotations

from .export import export_json, export_yaml
from .model import Directory
from .reference import reference_page
from .render import Options, render_pages
from .validate import Result
from .schema import SCHEMA_PATH


def site_files(result: Result, directory: Directory, options: Options | None = None) -> dict[str, str | bytes]:
    """{path: content} of the generated pages (Markdown text) and the open data (bytes or text)."""
    files: dict[str, str | bytes] = dict(render_pages(directory, options))
    files["fields.md"] = reference_page(result.context)
    for name, text in export_yaml(result.context).items():
        files[f"data/{name}"] = text
    files["data/directory.json"] = export_json(result.context)
    files[f"schema/{SCHEMA_PATH.name}"] = SCHEMA_PATH.read_bytes()
    from .schema import editor  # the one the data files name, fresh from the data's vocabularies

    files[f"schema/{editor.EDITOR_SCHEMA_PATH.name}"] = editor.for_context(result.context)
    return files
