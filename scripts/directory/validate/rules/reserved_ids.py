"""Some ids are the site's own: choose another.

A record's id is its address on the site: programmes/<id>/,
organisations/<id>/, contacts/<id>/, and for a source the anchor
sources/#<id> on the page of all sources. Where the site already uses that
address for a page or anchor of its own, a record with the id would take its
place without a word: a programme with the id 'index' would replace the list
of all records, a source with the id 'sources' would take the anchor of the
Sources page's heading. So these ids are reserved:

- 'index' for every kind of record: it is the address of the list of all
  programmes, organisations, contacts or sources (and so it stays free for
  the list of a kind when the records are also published one file each,
  programmes/<id>.json beside programmes/index.json);
- for sources, also the anchors of the Sources page itself: 'sources' (its
  heading), 'dir-hsearch-q' (the search box at the top of every page) and
  'dir-hsearch-words' (the search box's words, beside it);
- for themes and kinds, whose ids are the anchors of the By theme and By
  kind pages: 'by-theme' and 'by-kind' (the pages' headings),
  'dir-hsearch-q' and 'dir-hsearch-words'.
"""
from __future__ import annotations

from ...schema.records import Context
from .common import at, at_file, terms

ID = "reserved-ids"
LEVEL = "error"

_SEARCH_BOX = "is the anchor of the search box at the top of every page"
_SEARCH_WORDS = "is the id of the words of the search box at the top of every page"

# record type -> reserved id -> what it already is
RECORDS: dict[str, dict[str, str]] = {
    "programme": {"index": "is the address of the list of all programmes (programmes/)"},
    "organisation": {"index": "is the address of the list of all organisations (organisations/)"},
    "contact": {"index": "is the address of the list of all contacts (contacts/)"},
    "source": {
        "index": "is the address of the list of all sources (sources/)",
        "sources": "is the anchor of the Sources page's own heading (sources/#sources)",
        "dir-hsearch-q": f"{_SEARCH_BOX}, and so of the Sources page, where sources are anchors",
        "dir-hsearch-words": f"{_SEARCH_WORDS}, and so of the Sources page, where sources are anchors",
    },
}

# vocabulary -> reserved term id -> what it already is (the terms are anchors of a browse page)
TERMS: dict[str, dict[str, str]] = {
    "themes": {"by-theme": "is the anchor of the By theme page's own heading (browse/themes/#by-theme)",
               "dir-hsearch-q": f"{_SEARCH_BOX}, and so of the By theme page, where themes are anchors",
               "dir-hsearch-words": f"{_SEARCH_WORDS}, and so of the By theme page, where themes are anchors"},
    "kinds": {"by-kind": "is the anchor of the By kind page's own heading (browse/kinds/#by-kind)",
              "dir-hsearch-q": f"{_SEARCH_BOX}, and so of the By kind page, where kinds are anchors",
              "dir-hsearch-words": f"{_SEARCH_WORDS}, and so of the By kind page, where kinds are anchors"},
}


def reserved(record_type: str, record_id: str) -> str | None:
    """The message for ``record_id`` when a record of ``record_type`` may not have it."""
    why = RECORDS.get(record_type, {}).get(record_id)
    return f"'{record_id}' {why}; choose another id" if why else None


def check(ctx: Context):
    for rec in ctx.valid():
        message = reserved(rec.type, rec.id) if rec.id else None
        if message:
            yield at(rec, ("id",), message)
    for name, taken in TERMS.items():
        for file, term_path, term in terms(ctx, name):
            term_id = term.get("id")
            if isinstance(term_id, str) and term_id in taken:
                yield at_file(file, term_path + ("id",), f"'{term_id}' {taken[term_id]}; "
                              "choose another id (and change the records that use it)")
