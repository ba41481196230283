"""Odd dates get a message at their place, never a traceback: years out of
range (0000, 9999), a line break after the date, digits of another script.

Every consumer of a date (the partial-dates, review-due, contact-age and
date-order rules, the review dates of the pages and of ``make links``) takes
what the others let through without failing. Partial dates keep working.
"""
from __future__ import annotations

import datetime as dt

import pytest

from directory import model, review
from directory.schema.dates import MAX_YEAR, MIN_YEAR, PartialDate, full_day, parse
from directory.tools.links import overdue_reviews
from directory.render import Options, render_pages
from directory.validate import validate

ALLOWED = ("use a date as precise as the source gives it: 2019, 2019-07, 2019-07-01, or --02-02 "
           "for a day without a year")


# ------------------------------------------------------------------ parse


@pytest.mark.parametrize("value,expected", [
    ("2019", PartialDate(2019)), (2019, PartialDate(2019)), ("2019-07", PartialDate(2019, 7)),
    ("2019-07-01", PartialDate(2019, 7, 1)), ("--02-02", PartialDate(None, 2, 2)),
    ("--02-29", PartialDate(None, 2, 29)),
    ("1000", PartialDate(1000)), (1000, PartialDate(1000)), ("2100-12-31", PartialDate(2100, 12, 31)),
    ("1683", PartialDate(1683)),  # Danske Lov, still cited
])
def test_partial_dates_keep_working(value, expected):
    assert parse(value) == expected


@pytest.mark.parametrize("value,message", [
    ("0000", "'0000' is out of range: years run from 1000 to 2100; check the year in the source"),
    ("0999-01", "'0999-01' is out of range: years run from 1000 to 2100; check the year in the source"),
    ("2101", "'2101' is out of range: years run from 1000 to 2100; check the year in the source"),
    ("9999-12-31", "'9999-12-31' is out of range: years run from 1000 to 2100; check the year in "
                   "the source"),
    (9999, "'9999' is out of range: years run from 1000 to 2100; check the year in the source"),
    (0, f"'0' is not a date; {ALLOWED}"),
    (-2019, f"'-2019' is not a date; {ALLOWED}"),
    pytest.param(10**400, f"a number of about 401 digits is not a date; {ALLOWED}", id="10**400"),
    pytest.param(10**5000, f"a number of about 5001 digits is not a date; {ALLOWED}",
                 id="10**5000"),  # beyond what str() writes
    ("2026-11-23\n", "'2026-11-23\\n' is not a date: it ends with a line break; write "
                     "'2026-11-23' (on one line, without | or >)"),
    ("\n2019", "'\\n2019' is not a date: it starts with a line break; write '2019' (on one line, "
               "without | or >)"),
    (" 2019-07 ", "' 2019-07 ' is not a date: it starts and ends with a space; write '2019-07'"),
    ("2019\u2028", "'2019\\u2028' is not a date: it ends with a line break; write '2019' (on one "
                   "line, without | or >)"),
    ("٢٠٢٦-١١-٢٣", "'٢٠٢٦-١١-٢٣' is not a date: it has digits other than 0-9; write '2026-11-23'"),
    ("۲۰۱۹", "'۲۰۱۹' is not a date: it has digits other than 0-9; write '2019'"),
    ("२०१९-०७", "'२०१९-०७' is not a date: it has digits other than 0-9; write '2019-07'"),
    ("٢٠١٩-٠٢-٣٠", "'٢٠١٩-٠٢-٣٠' is not a date; " + ALLOWED),  # the fix would not be a day either
    ("²⁰¹⁹", f"'²⁰¹⁹' is not a date; {ALLOWED}"),  # superscripts are no decimal digits
    ("2019-07-01\n\n", "'2019-07-01\\n\\n' is not a date: it ends with a line break; write "
                       "'2019-07-01' (on one line, without | or >)"),
    (2019.5, f"expected a date, found '2019.5'; {ALLOWED}"),
    (None, f"expected a date, found 'null'; {ALLOWED}"),
])
def test_odd_dates_say_what_to_write(value, message):
    assert parse(value) == message


def test_the_range_is_the_rules():
    assert (MIN_YEAR, MAX_YEAR) == (1000, 2100)
    assert parse(str(MIN_YEAR - 1)) != PartialDate(MIN_YEAR - 1)
    assert parse(str(MAX_YEAR + 1)) != PartialDate(MAX_YEAR + 1)


@pytest.mark.parametrize("value,day", [
    ("2026-11-23", dt.date(2026, 11, 23)), ("2026-11", None), ("2026", None), ("--11-23", None),
    ("9999-12-31", None), ("0001-01-01", None), ("2026-11-23\n", None), ("٢٠٢٦-١١-٢٣", None),
    ("20261123", None), ("2026-W47-1", None), (None, None), (20261123, None),
])
def test_full_day(value, day):
    assert full_day(value) == day


# ------------------------------------------------------------------ review dates


def test_counting_months_never_leaves_the_calendar():
    assert review.add_months(dt.date(9999, 12, 31), 12) == dt.date.max
    assert review.add_months(dt.date(1, 1, 1), -1) == dt.date.min
    assert review.add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert review.add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert review.add_months(dt.date(2025, 11, 30), 2) == dt.date(2026, 1, 30)


@pytest.mark.parametrize("value", ["9999-12-31", "0000-01-01", "2026-11-23\n", "٢٠٢٦-١١-٢٣", "2026-13-01"])
def test_a_review_date_that_is_no_day_is_a_value_error(value):
    with pytest.raises(ValueError):
        review.review_due(value)


def test_review_dates_at_the_ends_of_the_range():
    assert review.review_due("2100-12-31") == dt.date(2101, 12, 31)
    assert review.review_due("1000-02-28") == dt.date(1001, 2, 28)
    assert review.latest_day(PartialDate(9999)) == dt.date(9999, 12, 31)
    assert review.latest_day(PartialDate(2100, 2)) == dt.date(2100, 2, 28)  # 2100 is no leap year
    assert review.source_too_old(PartialDate(9999, 12, 31), dt.date(2026, 11, 23)) is False
    assert review.source_too_old(PartialDate(1000), dt.date(2026, 11, 23)) is True


# ------------------------------------------------------------------ the whole check

PROGRAMME = """\
programmes:
  - id: plan
    kind: action-plan
    original_language: nl
    name: {nl: Actieplan}
    summary: {nl: Een plan., en: A plan.}
    period: {start: "2018", end: "2021"}
    legal_basis:
      - {text: {en: Danske Lov}, in_force: "1683"}
    milestones:
      - date: "2019-07-01"
        event: {en: Start}
    contacts: [someone]
    sources:
      - source: ocmw-gent-kinderarmoede-2014
    last_reviewed: "2026-11-23"
"""

CONTACTS = """\
contacts:
  - id: someone
    organisation: ocmw-gent
    source: {source: dated-source}
"""

SOURCES = """\
sources:
  - id: dated-source
    title: Contact page
    publisher: ocmw-gent
    language: nl
    date: DATE
"""


def _check(data_folder, *changes, source_date='"2026-01-01"'):
    text = PROGRAMME
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    data_folder("programmes.yaml", text)
    data_folder("contacts.yaml", CONTACTS)
    data_folder("more-sources.yaml", SOURCES.replace("DATE", source_date))
    return validate("data")


def _lines(result) -> list[str]:
    return [p.format() for p in result.problems]


def test_the_example_is_valid_and_builds(data_folder):
    result = _check(data_folder)
    assert _lines(result) == []
    pages = render_pages(model.build(result.context), Options())
    assert "1683" in pages["programmes/plan.md"]


@pytest.mark.parametrize("change,line", [
    (('last_reviewed: "2026-11-23"', 'last_reviewed: "9999-12-31"'),
     "data/programmes.yaml:16:20: error: programmes[0].last_reviewed: '9999-12-31' is out of range: "
     "years run from 1000 to 2100; check the year in the source [partial-dates]"),
    (('last_reviewed: "2026-11-23"', 'last_reviewed: "0000-02-29"'),
     "data/programmes.yaml:16:20: error: programmes[0].last_reviewed: '0000-02-29' is out of range: "
     "years run from 1000 to 2100; check the year in the source [partial-dates]"),
    (('start: "2018"', 'start: "0000"'),
     "data/programmes.yaml:7:21: error: programmes[0].period.start: '0000' is out of range: years "
     "run from 1000 to 2100; check the year in the source [partial-dates]"),
    (('end: "2021"', 'end: 9999'),
     "data/programmes.yaml:7:34: error: programmes[0].period.end: '9999' is out of range: years run "
     "from 1000 to 2100; check the year in the source [partial-dates]"),
    (('in_force: "1683"', 'in_force: "0999"'),
     "data/programmes.yaml:9:44: error: programmes[0].legal_basis[0].in_force: '0999' is out of "
     "range: years run from 1000 to 2100; check the year in the source [partial-dates]"),
    (('date: "2019-07-01"', 'date: "2019-07-01\\n"'),
     "data/programmes.yaml:11:15: error: programmes[0].milestones[0].date: '2019-07-01\\n' is not a "
     "date: it ends with a line break; write '2019-07-01' (on one line, without | or >) "
     "[partial-dates]"),
    (('date: "2019-07-01"', 'date: |\n          2019-07-01'),
     "data/programmes.yaml:11:15: error: programmes[0].milestones[0].date: '2019-07-01\\n' is not a "
     "date: it ends with a line break; write '2019-07-01' (on one line, without | or >) "
     "[partial-dates]"),
    (('end: "2021"', 'end: "٢٠٢١"'),
     "data/programmes.yaml:7:34: error: programmes[0].period.end: '٢٠٢١' is not a date: it has "
     "digits other than 0-9; write '2021' [partial-dates]"),
    (('last_reviewed: "2026-11-23"', 'last_reviewed: "2026-11-23\\n"'),
     "data/programmes.yaml:16:20: error: programmes[0].last_reviewed: '2026-11-23\\n' is not allowed: "
     "it ends with a line break; write '2026-11-23' (on one line, without | or >) [schema]"),
    (('last_reviewed: "2026-11-23"', 'last_reviewed: "२०२६-११-२३"'),
     "data/programmes.yaml:16:20: error: programmes[0].last_reviewed: '२०२६-११-२३' is not allowed: "
     "it has digits other than 0-9; write '2026-11-23' [schema]"),
])
def test_each_odd_date_is_one_located_message(data_folder, change, line):
    assert _lines(_check(data_folder, change)) == [line]


@pytest.mark.parametrize("date,lines", [
    ('"9999"', ["data/more-sources.yaml:6:11: error: sources[0].date: '9999' is out of range: years run "
                "from 1000 to 2100; check the year in the source [partial-dates]"]),
    ('"0000-01"', ["data/more-sources.yaml:6:11: error: sources[0].date: '0000-01' is out of range: "
                   "years run from 1000 to 2100; check the year in the source [partial-dates]"]),
    ('"2100-12-31"', []),
    ('"1000"', ["data/contacts.yaml:4:22: warning: contacts[0].source.source: the source "
                "'dated-source' is dated 1000, more than 24 months ago; cite a newer publication "
                "of this contact or remove the contact [contact-age]"]),
    ('"2024-10"', ["data/contacts.yaml:4:22: warning: contacts[0].source.source: the source "
                   "'dated-source' is dated 2024-10, more than 24 months ago; cite a newer "
                   "publication of this contact or remove the contact [contact-age]"]),
    ('"2024-11"', []),  # November 2024 may mean the 30th: not yet 24 months on 2026-11-23
])
def test_a_contacts_source_date_at_and_beyond_the_ends(data_folder, date, lines):
    assert _lines(_check(data_folder, source_date=date)) == lines


def test_a_record_reviewed_in_2100_builds_and_is_not_due(data_folder):
    result = _check(data_folder, ('last_reviewed: "2026-11-23"', 'last_reviewed: "2100-12-31"'),
                    ('end: "2021"', 'end: "2100"'), ('start: "2018"', 'start: 1000'))
    assert _lines(result) == []
    pages = render_pages(model.build(result.context), Options())
    assert "1000 – 2100" in pages["programmes/plan.md"]
    assert "(programmes/plan.md)" not in pages["review.md"]  # neither past nor near its review date


def test_make_links_skips_a_review_date_that_is_no_day(data_folder):
    result = _check(data_folder, ('last_reviewed: "2026-11-23"', 'last_reviewed: "9999-12-31"'))
    assert overdue_reviews(result.context, dt.date(2026, 11, 23)) == []
    result = _check(data_folder, ('last_reviewed: "2026-11-23"', 'last_reviewed: "2024-01-31"'))
    assert [(d.record, d.due) for d in overdue_reviews(result.context, dt.date(2026, 11, 23))] == [
        ("plan", "2025-01-31")]
