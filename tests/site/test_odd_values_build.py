"""MkDocs builds data at the edges of what the schema and rules allow, and
refuses what lies beyond them with located messages, never a traceback.

At the edges: years 1000 and 2100, a law from 1683, a day without a year,
an amount of a million million, ages 0 to 120, ids next to the reserved ones
('indexes', 'sources-2'). Beyond them: 'index' as an id, a year 9999, a date
and an id with a line break after them, Arabic-Indic digits, an amount of 401
digits, an organisation part of itself.
"""
import shutil

import pytest

from support import DATA, dedent, run_mkdocs

pytestmark = pytest.mark.site

EDGES = """\
programmes:
  - id: indexes
    kind: action-plan
    original_language: nl
    name: {nl: Actieplan}
    summary: {nl: Een plan., en: A plan.}
    target_group: {age_min: 0, age_max: 120}
    period: {start: 1000, end: "2100-12-31"}
    funding:
      - {amount: 1000000000000, currency: EUR}
    legal_basis:
      - {text: {en: Danske Lov}, in_force: "1683"}
    milestones:
      - {date: "--02-29", event: {en: Every leap day}}
    sources:
      - source: sources-2
    last_reviewed: "2100-12-31"
sources:
  - id: sources-2
    title: A source
    publisher: ocmw-gent
    language: nl
    date: "1000"
organisations:
  - id: umbrella
    name: {en: Umbrella}
    original_language: en
    part_of: ocmw-gent
    sources: [{source: sources-2}]
    last_reviewed: "2026-11-23"
"""

BEYOND = [
    ("- id: indexes", "- id: index",
     "data/programmes.yaml:2:9: error: programmes[0].id: 'index' is the address of the list of all "
     "programmes (programmes/); choose another id [reserved-ids]"),
    ('last_reviewed: "2100-12-31"', 'last_reviewed: "9999-12-31"',
     "data/programmes.yaml:17:20: error: programmes[0].last_reviewed: '9999-12-31' is out of range: "
     "years run from 1000 to 2100; check the year in the source [partial-dates]"),
    ('in_force: "1683"', 'in_force: "1683\\n"',
     "data/programmes.yaml:12:44: error: programmes[0].legal_basis[0].in_force: '1683\\n' is not a "
     "date: it ends with a line break; write '1683' (on one line, without | or >) [partial-dates]"),
    ('- source: sources-2', '- source: "sources-2\\n"',
     "data/programmes.yaml:16:17: error: programmes[0].sources[0].source: 'sources-2\\n' is not an "
     "id: it ends with a line break; write 'sources-2' (on one line, without | or >) [schema]"),
    ('date: "1000"', 'date: "١٠٠٠"',
     "data/programmes.yaml:23:11: error: sources[0].date: '١٠٠٠' is not a date: it has digits other "
     "than 0-9; write '1000' [partial-dates]"),
    ("amount: 1000000000000", "amount: 1" + "0" * 400,
     "data/programmes.yaml:10:18: error: programmes[0].funding[0].amount: a number of about 401 "
     "digits is out of range; it must be at most 1000000000000 [schema]"),
    ("part_of: ocmw-gent", "part_of: umbrella",
     "data/programmes.yaml:28:14: error: organisations[0].part_of: an organisation cannot be part "
     "of itself; name the organisation it belongs to, or leave part_of out [part-of-cycles]"),
]


def _folder(tmp_path, programmes: str):
    folder = tmp_path / "data"
    folder.mkdir()
    for path in DATA.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    (folder / "programmes.yaml").write_text(dedent(programmes), encoding="utf-8")
    return folder


def test_the_edges_build(tmp_path):
    result = run_mkdocs(_folder(tmp_path, EDGES), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "programmes" / "indexes" / "index.html").read_text(encoding="utf-8")
    assert "1000 – 31 December 2100" in page and "EUR 1,000,000,000,000" in page
    assert "0–120 years" in page and "1683" in page and "29 February (year not stated)" in page
    listing = (tmp_path / "site" / "programmes" / "index.html").read_text(encoding="utf-8")
    assert "All records" in listing  # the list of all records is still the list


@pytest.mark.parametrize("old,new,line", BEYOND)
def test_beyond_the_edges_a_located_line_and_no_site(tmp_path, old, new, line):
    assert EDGES.count(old) == 1, old
    folder = _folder(tmp_path, EDGES.replace(old, new))
    result = run_mkdocs(folder, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "the data has 1 error, " in result.stderr and "nothing was built" in result.stderr
    assert line.replace("data/", f"{folder}/", 1) in result.stderr.splitlines()
    assert not (tmp_path / "site" / "index.html").exists()
