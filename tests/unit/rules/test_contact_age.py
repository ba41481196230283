"""The contact-age rule: a contact whose source is over 24 months old is flagged (a warning).

The dates at the ends of the range: test_date_bounds.py."""
from __future__ import annotations

from .cases import VALID, example_lines, problems
from support import dedent


def test_example():
    assert example_lines("contact-age") == [
        "data/contacts.yaml:5:22: warning: contacts[0].source.source: the source 'gent-leaflet-2019' is dated "
        "2019-05, more than 24 months ago; cite a newer publication of this contact or remove the contact "
        "[contact-age]"]


CONTACT = dedent("""\
    contacts:
      - id: someone
        organisation: ocmw-gent
        source: {source: a-source}
    sources:
      - {id: a-source, title: Een bron, publisher: ocmw-gent, language: nl, date: "DATE"}
    """)


def test_a_contact_from_an_old_source(data_folder):
    out = problems(data_folder, VALID, **{"contacts.yaml": CONTACT.replace("DATE", "2024-10-31")})
    assert out == ["data/contacts.yaml:4:22: warning: contacts[0].source.source: the source 'a-source' is dated "
                   "2024-10-31, more than 24 months ago; cite a newer publication of this contact or remove the "
                   "contact [contact-age]"]


def test_a_contact_from_a_recent_source_is_clean(data_folder):
    assert problems(data_folder, VALID, **{"contacts.yaml": CONTACT.replace("DATE", "2025-01")}) == []
