"""The built site publishes the schema for editors' tools, made from the data it
shows, where the published data files' first line finds it."""
import json

import pytest

from support import DATA
from directory.schema.editor import EDITOR_SCHEMA_PATH, for_context, named_schema
from directory.validate import validate

pytestmark = pytest.mark.site


def test_the_site_publishes_a_fresh_editor_schema(built_site):
    published = built_site / "schema" / EDITOR_SCHEMA_PATH.name
    assert published.read_text(encoding="utf-8") == for_context(validate(DATA).context)
    assert json.loads(published.read_text(encoding="utf-8"))["$id"] == EDITOR_SCHEMA_PATH.name


def test_the_published_data_files_name_it(built_site):
    for path in sorted((built_site / "data").glob("*.yaml")):
        assert named_schema(path) == (built_site / "schema" / EDITOR_SCHEMA_PATH.name).resolve(), path.name
