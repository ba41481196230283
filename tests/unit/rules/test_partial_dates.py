"""The partial-dates rule: dates as precise as the source, real days, years in range.

The dates at the ends of the range: test_date_bounds.py."""
from __future__ import annotations

from .cases import example_lines, problems, with_changes


def test_example():
    assert example_lines("partial-dates") == [
        "data/programmes.yaml:7:21: error: programmes[0].period.start: '2021-02-30' is not a day in the calendar; "
        "check the day of the month [partial-dates]"]


def test_a_day_that_does_not_exist_and_a_start_without_a_year(data_folder):
    out = problems(data_folder, with_changes(('{start: "2018", end: "2021"}', '{start: "2021-02-30", end: "2018"}')))
    assert out == ["data/programmes.yaml:16:21: error: programmes[1].period.start: '2021-02-30' is not a "
                   "day in the calendar; check the day of the month [partial-dates]"]
    out = problems(data_folder, with_changes(('{start: "2018", end: "2021"}', '{start: "--02-02"}')))
    assert out == ["data/programmes.yaml:16:21: error: programmes[1].period.start: a period's start and end "
                   "need a year; leave the field out if the source does not give one [partial-dates]"]


def test_a_last_reviewed_day_that_does_not_exist_is_an_error_not_a_crash(data_folder):
    out = problems(data_folder, with_changes(('    last_reviewed: "2026-11-23"\n  - id: pillar',
                                              '    last_reviewed: "2020-02-30"\n  - id: pillar')))
    assert out == ["data/programmes.yaml:9:20: error: programmes[0].last_reviewed: '2020-02-30' is "
                   "not a day in the calendar; check the day of the month [partial-dates]"]


def test_dates_as_precise_as_the_source_are_clean(data_folder):
    text = with_changes(('{start: "2018", end: "2021"}', '{start: "2018-09", end: "2021-06-30"}'),
                        ("    kind: pillar\n", "    kind: pillar\n    milestones:\n"
                                              "      - {date: \"--02-02\", event: {en: Every year.}}\n"))
    assert problems(data_folder, text) == []
