"""Golden tests: the fixture data renders to exactly the pages in expected/.

After an intended change to a template, regenerate with

    UPDATE_GOLDEN=1 make test PYTEST_ARGS=tests/golden

and review the diff of tests/golden/expected/ like any other change.
"""
import datetime as dt
import os
from pathlib import Path

import pytest

from support import FIXTURES
from directory import site
from directory.render import Options

EXPECTED = Path(__file__).parent / "expected"


@pytest.fixture(scope="module")
def pages():
    """Every file of the site, as the build gives them (the pages among them)."""
    # house-old (2025-06-30) and org-dk (2025-11-01) are past their review
    # date on this day, action-b (2026-01-15) falls due within three months
    built = site.build(FIXTURES / "golden", Options(today=dt.date(2026, 11, 23)))
    assert built.ok, [p.format() for p in built.problems]
    return built.files


def test_the_set_of_pages(pages):
    english = [p for p in pages if p.endswith(".md") and not p.startswith(("nl/", "da/"))]
    assert sorted(english) == [
        "browse/countries.md", "browse/kinds.md", "browse/themes.md", "compare.md",
        "contacts/index.md", "contacts/person-a.md", "coverage.md", "directory.md", "fields.md", "index.md",
        "organisations/index.md", "organisations/org-dk.md", "organisations/org-nl.md",
        "programmes/action-a.md", "programmes/action-b.md", "programmes/home-new.md",
        "programmes/house-old.md", "programmes/index.md", "programmes/pillar-a.md",
        "programmes/plan-a.md", "review.md", "rules.md", "sources/index.md", "timeline.md", "whats-new.md",
    ]
    # the same pages in Dutch and Danish, at the same paths under nl/ and da/, and the change feed of each
    for lang in ("nl", "da"):
        assert sorted(p for p in pages if p.startswith(f"{lang}/")) == sorted(
            [f"{lang}/{p}" for p in english] + [f"{lang}/feed.xml"])
    # beside them the open data, the schemas and the search index (one for all languages); nothing else
    # (each record's data as JSON beside its English page; the data package's tables:
    # tests/unit/test_opendata_exports.py)
    records = [p[:-len(".md")] + ".json" for p in english
               if p.startswith(("programmes/", "organisations/", "contacts/")) and not p.endswith("/index.md")
               ] + ["sources/doc-a.json", "sources/doc-b.json"]
    from directory.exports.package import TABLES
    tables = [f"data/{t.name}.csv" for t in TABLES] + ["data/datapackage.json"]
    assert sorted(p for p in pages if not p.endswith(".md") and not p.startswith(("directory-index/", "nl/", "da/"))
                  ) == sorted([
        "data/contacts.yaml", "data/directory.json", "data/organisations.yaml", "data/programmes.yaml",
        "data/sources.yaml", "data/vocabularies.yaml",
        "schema/directory.schema.json", "schema/editor.schema.json", *records, *tables, "feed.xml",
    ])
    assert {"directory-index/manifest.json", "directory-index/facets.bin", "directory-index/text/0.bin",
            "directory-index/meta/0.json"} <= set(pages)


GOLDEN = ["programmes/home-new.md", "programmes/pillar-a.md", "programmes/house-old.md",
          "programmes/plan-a.md", "programmes/action-a.md",
          "contacts/person-a.md", "organisations/org-dk.md", "organisations/org-nl.md", "browse/countries.md", "sources/index.md",
          "programmes/index.md", "review.md"]


# in each language: a programme (in Danish, with English), a plan (in Dutch) and the directory page
GOLDEN += ["directory.md"] + [f"{lang}/{path}" for lang in ("nl", "da")
                              for path in ("programmes/home-new.md", "programmes/plan-a.md", "directory.md")]


@pytest.mark.parametrize("path", GOLDEN)
def test_page_matches_golden(pages, path):
    expected = EXPECTED / path
    if os.environ.get("UPDATE_GOLDEN"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(pages[path], encoding="utf-8")
    assert expected.exists(), f"no golden file for {path}: run with UPDATE_GOLDEN=1 and review it"
    assert pages[path] == expected.read_text(encoding="utf-8")
