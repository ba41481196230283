"""Golden tests of the pictures: the Coverage, Timeline and Compare pages
(drawings and tables) of the golden fixture and of the seed data
(tests/fixtures/seed, a frozen copy of data/), compared with
tests/golden/expected/pictures/. The programme and organisation pages with
their small timelines are in test_pages.py's list.

After an intended change, regenerate with

    UPDATE_GOLDEN=1 make test PYTEST_ARGS=tests/golden

and review the diff like any other change.
"""
import datetime as dt
import os
from pathlib import Path

import pytest

from directory import site
from directory.render import Options
from support import FIXTURES

EXPECTED = Path(__file__).parent / "expected" / "pictures"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def built():
    out = {}
    for name in ("golden", "seed"):
        result = site.build(FIXTURES / name, Options(today=TODAY))
        assert result.ok, [p.format() for p in result.problems if p.level == "error"]
        out[name] = result.files
    return out


CASES = [("golden", "coverage.md"), ("golden", "timeline.md"), ("golden", "compare.md"),
         ("seed", "coverage.md"), ("seed", "timeline.md"),
         ("seed", "programmes/socialstyrelsen-mere-kvalitet-i-plejefamilier.md"),
         ("seed", "organisations/socialstyrelsen.md")]


@pytest.mark.parametrize("fixture, path", CASES, ids=[f"{f}/{p}" for f, p in CASES])
def test_picture_matches_golden(built, fixture, path):
    expected = EXPECTED / fixture / path
    page = built[fixture][path]
    if os.environ.get("UPDATE_GOLDEN"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(page, encoding="utf-8")
    assert expected.exists(), f"no golden file for {fixture}/{path}: run with UPDATE_GOLDEN=1 and review it"
    assert page == expected.read_text(encoding="utf-8")


def test_the_seed_timeline_shows_what_its_sources_state(built):
    """The picture the seed content gives (issue 14): the 2018-2021 Danish
    pool, the 2019 law, the 2019 Flemish pilot, Simba since 2019; the Gent
    plan's day without a year listed, not drawn."""
    page = built["seed"]["timeline.md"]
    assert "<title>Funding period: 2018 – 2021</title>" in page  # the satspulje pool
    assert "<title>Law in force: 1 July 2019</title>" in page
    belgium = page.split("## Belgium", 1)[1].split("\n## ", 1)[0]
    assert '<span lang="nl">Kleinschalig verblijf in familiale setting voor allerjongsten</span></a></th><td>2019 – end not stated' in belgium
    netherlands = page.split("## Netherlands", 1)[1].split("\n## ", 1)[0]
    assert "<td>2019 – end not stated</td>" in netherlands and "Simba" in netherlands
    undated = page.split("## Dates without a year", 1)[1]
    assert "Armoedebeleidsplan" in undated and r"17 October \(year not stated\)" in undated
