"""The anchors a built page has of its own are reserved for the records and
terms that become anchors on it (see validate/rules/reserved_ids.py).

The Sources page makes each source an anchor (sources/#<id>), the By theme
and By kind pages each theme and kind. Every other id on these pages (the
heading's, the header's search box, ...) that could be written as an id is
reserved, so that no record or term can take it.
"""
import re

import pytest

from directory.validate import validate
from directory.validate.rules.reserved_ids import RECORDS, TERMS
from support import DATA

pytestmark = pytest.mark.site

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # what a record's or term's id can be


def _own_anchors(html: str, data_ids: set[str]) -> set[str]:
    ids = set(re.findall(r'\bid="([^"]*)"', html))
    return {i for i in ids - data_ids if ID.match(i) and len(i) >= 2}


def test_the_sources_page_anchors_are_reserved_for_sources(built_site):
    sources = {r.id for r in validate(DATA).context.records if r.type == "source"}
    html = (built_site / "sources" / "index.html").read_text(encoding="utf-8")
    own = _own_anchors(html, sources)
    assert own and own <= set(RECORDS["source"]), own - set(RECORDS["source"])


@pytest.mark.parametrize("vocabulary,page", [("themes", "browse/themes"), ("kinds", "browse/kinds")])
def test_the_browse_page_anchors_are_reserved_for_terms(built_site, vocabulary, page):
    terms = set(validate(DATA).context.vocab[vocabulary])
    html = (built_site / page / "index.html").read_text(encoding="utf-8")
    own = _own_anchors(html, terms)
    assert own and own <= set(TERMS[vocabulary]), own - set(TERMS[vocabulary])
