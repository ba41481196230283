"""Ids the site uses itself are refused, for every kind, with the reason.

A programme with the id 'index' would silently replace the list of all
records; a source with the id 'sources' would take the Sources page's own
anchor. The reserved names are checked against what the generator really
makes: every generated page in a record folder that is not a record's page
has its name reserved for that kind (tests/site checks the anchors of the
built Sources page the same way).
"""
from __future__ import annotations

import posixpath

import pytest

from directory.tools import new
from directory.render import render_pages
from directory.validate import validate
from directory.validate.rules.reserved_ids import RECORDS, TERMS, reserved
from support import FIXTURES, directory_of

from .cases import example_lines

PROGRAMME = """\
programmes:
  - id: plan
    kind: action-plan
    original_language: nl
    name: {nl: Actieplan}
    summary: {nl: Een plan., en: A plan.}
    contacts: [someone]
    sources:
      - source: ocmw-gent-kinderarmoede-2014
    last_reviewed: "2026-11-23"
"""

CONTACTS = """\
contacts:
  - id: someone
    organisation: ocmw-gent
    source: {source: ocmw-gent-kinderarmoede-2014}
"""

OTHERS = """\
organisations:
  - id: umbrella
    name: {en: Umbrella}
    original_language: en
    sources: [{source: a-source}]
    last_reviewed: "2026-11-23"
sources:
  - id: a-source
    title: A source
    publisher: ocmw-gent
    language: nl
"""


def _lines(data_folder, programmes=PROGRAMME, contacts=CONTACTS, others=OTHERS) -> list[str]:
    data_folder("programmes.yaml", programmes)
    data_folder("contacts.yaml", contacts)
    data_folder("others.yaml", others)
    return [p.format() for p in validate("data").problems
            if p.rule != "contact-age"]  # the real source of the contact is old


def test_example():
    assert example_lines("reserved-ids") == [
        "data/programmes.yaml:2:9: error: programmes[0].id: 'index' is the address of the list of all programmes "
        "(programmes/); choose another id [reserved-ids]"]

def test_the_examples_are_valid(data_folder):
    assert _lines(data_folder) == []


def test_a_programme_named_index(data_folder):
    programmes = PROGRAMME.replace("- id: plan", "- id: index")
    assert _lines(data_folder, programmes=programmes) == [
        "data/programmes.yaml:2:9: error: programmes[0].id: 'index' is the address of the list of "
        "all programmes (programmes/); choose another id [reserved-ids]"]


def test_a_contact_named_index(data_folder):
    assert _lines(data_folder, programmes=PROGRAMME.replace("[someone]", "[index]"),
                  contacts=CONTACTS.replace("id: someone", "id: index")) == [
        "data/contacts.yaml:2:9: error: contacts[0].id: 'index' is the address of the list of all "
        "contacts (contacts/); choose another id [reserved-ids]"]


@pytest.mark.parametrize("old,new,line", [
    ("id: umbrella", "id: index",
     "data/others.yaml:2:9: error: organisations[0].id: 'index' is the address of the list of all "
     "organisations (organisations/); choose another id [reserved-ids]"),
    ("id: a-source", "id: index",
     "data/others.yaml:8:9: error: sources[0].id: 'index' is the address of the list of all "
     "sources (sources/); choose another id [reserved-ids]"),
    ("id: a-source", "id: sources",
     "data/others.yaml:8:9: error: sources[0].id: 'sources' is the anchor of the Sources page's own "
     "heading (sources/#sources); choose another id [reserved-ids]"),
    ("id: a-source", "id: dir-hsearch-q",
     "data/others.yaml:8:9: error: sources[0].id: 'dir-hsearch-q' is the anchor of the search box "
     "at the top of every page, and so of the Sources page, where sources are anchors; choose "
     "another id [reserved-ids]"),
    ("id: a-source", "id: dir-hsearch-words",
     "data/others.yaml:8:9: error: sources[0].id: 'dir-hsearch-words' is the id of the words of the "
     "search box at the top of every page, and so of the Sources page, where sources are anchors; "
     "choose another id [reserved-ids]"),
])
def test_organisations_and_sources(data_folder, old, new, line):
    others = OTHERS.replace(old, new)
    if old == "id: a-source":  # the organisation names the source
        others = others.replace("{source: a-source}", "{source: " + new[4:] + "}")
    assert _lines(data_folder, others=others) == [line]


@pytest.mark.parametrize("record_id", ["sources", "dir-hsearch-q", "by-theme", "all-records"])
def test_anchor_names_are_free_where_they_are_no_anchor(data_folder, record_id):
    """A programme's id is a page, not an anchor on the Sources page."""
    assert _lines(data_folder, programmes=PROGRAMME.replace("- id: plan", f"- id: {record_id}")) == []


def test_a_theme_or_kind_that_is_the_heading_of_its_page(data_folder):
    vocabularies = (data_folder.folder / "vocabularies.yaml").read_text(encoding="utf-8")
    assert vocabularies.count("  themes:\n    - id: ") == 1
    vocabularies = (vocabularies
                    .replace("  themes:\n    - id: ", "  themes:\n    - id: by-theme\n      label: {en: X, nl: X, da: X}\n"
                             "    - id: ")
                    .replace("  kinds:\n    - id: ", "  kinds:\n    - id: dir-hsearch-q\n      label: {en: X, nl: X, da: X}\n"
                             "      plural: {en: Xs, nl: Xs, da: Xs}\n    - id: "))
    data_folder("vocabularies.yaml", vocabularies)
    lines = _lines(data_folder)
    themes = vocabularies[:vocabularies.index("  themes:")].count("\n") + 2
    kinds = vocabularies[:vocabularies.index("  kinds:")].count("\n") + 2
    assert sorted(lines) == sorted([
        f"data/vocabularies.yaml:{themes}:11: error: vocabularies.themes[0].id: 'by-theme' is the "
        "anchor of the By theme page's own heading (browse/themes/#by-theme); choose another id "
        "(and change the records that use it) [reserved-ids]",
        f"data/vocabularies.yaml:{kinds}:11: error: vocabularies.kinds[0].id: 'dir-hsearch-q' is the "
        "anchor of the search box at the top of every page, and so of the By kind page, where kinds "
        "are anchors; choose another id (and change the records that use it) [reserved-ids]",
    ])


def test_new_refuses_a_reserved_id(data_folder):
    data_folder("programmes.yaml", PROGRAMME)
    with pytest.raises(new.Refused) as refused:
        new.add_record(data_folder.folder, "pilot", "index")
    assert [p.format() for p in refused.value.problems] == [
        "data/programmes.yaml:1:1: error: id: 'index' is the address of the list of all programmes "
        "(programmes/); choose another id [new]"]


def test_every_generated_list_page_is_reserved_for_its_kind():
    """The pages the generator makes beside the records' pages, in each record
    folder, are exactly the reserved names: a new list page there must be
    reserved too."""
    directory = directory_of(FIXTURES / "golden")
    pages = render_pages(directory)
    folders = {"programmes": ("programme", "programmes"), "organisations": ("organisation", "organisations"),
               "contacts": ("contact", "contacts")}
    for folder, (kind, attribute) in folders.items():
        record_pages = {f"{folder}/{i}.md" for i in getattr(directory, attribute)}
        own = {posixpath.splitext(posixpath.basename(p))[0] for p in pages
               if posixpath.dirname(p) == folder and p not in record_pages}
        assert own and own == set(RECORDS[kind]), (folder, own)
    assert set(RECORDS["source"]) >= {"index"}
    assert set(TERMS) == {"themes", "kinds"}


def test_reserved_gives_none_for_a_free_id():
    assert reserved("programme", "plan") is None
    assert reserved("programme", "sources") is None
    assert reserved("source", "sources") is not None
