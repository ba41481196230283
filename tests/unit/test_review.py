"""Review dates in one place (directory.review): the review-due rule, make links
and the page "Due for review" ask it, and so agree on what is overdue."""
from __future__ import annotations

import datetime as dt

import pytest

from directory import model, review
from directory.render import Options, render_pages
from directory.tools.links import overdue_reviews
from directory.validate import validate

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize("last, due, overdue, soon", [
    ("2025-11-22", "2026-11-22", True, False),  # due yesterday
    ("2025-11-23", "2026-11-23", False, True),  # due today: not yet past it
    ("2026-02-23", "2027-02-23", False, True),  # due in three months: due soon
    ("2026-02-24", "2027-02-24", False, False),
    ("2024-02-29", "2025-02-28", True, False),  # the 29th falls back to the month's last day
    (dt.date(2026, 11, 23), "2027-11-23", False, False),
])
def test_where_a_record_stands(last, due, overdue, soon):
    found = review.review_of("rec", last, TODAY)
    assert (found.due.isoformat(), found.overdue, found.soon) == (due, overdue, soon)
    assert found.record == "rec" and found.last_reviewed == last


@pytest.mark.parametrize("last", ["2019-02-30", "2019", "9999-12-31", "", None, 2019, ["2019-01-01"]])
def test_a_value_that_is_no_day_is_not_reviewed(last):
    """The schema and the partial-dates rule say what is wrong with it; nothing here fails."""
    assert review.review_of("rec", last, TODAY) is None
    assert review.overdue([{"last": last}], TODAY, lambda r: r["last"]) == []


def test_overdue_keeps_the_order_it_is_given():
    records = [{"id": i, "last": d} for i, d in enumerate(["2020-01-01", "2026-01-01", "2019-06-30"])]
    assert [r.record["id"] for r in review.overdue(records, TODAY, lambda r: r["last"])] == [0, 2]


RECORD = """\
  - id: {id}
    kind: programme
    original_language: en
    name: {{en: {name}}}
    summary: {{en: A programme.}}
    sources: [{{source: sos-kinderdorpen-families-versterken}}]
    last_reviewed: "{last}"
"""


def test_the_rule_the_link_report_and_the_page_agree(data_folder):
    dates = {"long-ago": "2024-05-31", "just-past": "2025-11-22", "today": "2025-11-23",
             "soon": "2026-01-15", "later": "2026-06-01"}
    data_folder("programmes.yaml", "programmes:\n" + "".join(
        RECORD.format(id=i, name=i.replace("-", " "), last=d) for i, d in dates.items()))
    result = validate("data")
    assert result.ok, [p.format() for p in result.problems]
    warned = [p.field for p in result.problems if p.rule == "review-due"]
    assert warned == ["programmes[0].last_reviewed", "programmes[1].last_reviewed"]
    assert [d.record for d in overdue_reviews(result.context, TODAY)] == ["long-ago", "just-past"]
    directory = model.build(result.context)
    lists = review.review_lists(directory, TODAY)
    assert [r.record.id for r in lists["overdue"]] == ["long-ago", "just-past"]
    assert [r.record.id for r in lists["upcoming"]] == ["today", "soon"]
    page = render_pages(directory, Options(today=TODAY))["review.md"]
    past, upcoming = page.split("## Due within three months")
    assert "(programmes/long-ago.md)" in past and "(programmes/just-past.md)" in past
    assert "(programmes/today.md)" in upcoming and "(programmes/soon.md)" in upcoming
    assert "programmes/later.md" not in page
