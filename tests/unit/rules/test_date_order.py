"""The date-order rule: a period does not end before it starts, at the precision given."""
from __future__ import annotations

from .cases import example_lines, problems, with_changes


def test_example():
    assert example_lines("date-order") == [
        "data/programmes.yaml:7:34: error: programmes[0].period.end: the period ends (2019-06) before it starts "
        "(2021); the end must be the same as or later than the start [date-order]"]


def test_a_period_that_ends_before_it_starts(data_folder):
    out = problems(data_folder, with_changes(('{start: "2018", end: "2021"}', '{start: "2021", end: "2019-06"}')))
    assert out == ["data/programmes.yaml:16:34: error: programmes[1].period.end: the period ends (2019-06) "
                   "before it starts (2021); the end must be the same as or later than the start [date-order]"]


def test_a_funding_period_too(data_folder):
    text = with_changes(("    kind: pillar\n", "    kind: pillar\n    funding:\n"
                                              "      - {currency: EUR, period: {start: \"2020\", end: \"2019\"}}\n"))
    assert problems(data_folder, text) == [
        "data/programmes.yaml:13:54: error: programmes[1].funding[0].period.end: the period ends (2019) before it "
        "starts (2020); the end must be the same as or later than the start [date-order]"]


def test_the_same_period_at_another_precision_is_clean(data_folder):
    """From 2018 to 2018-06: compared at the precision given, it may end in June 2018."""
    assert problems(data_folder, with_changes(('{start: "2018", end: "2021"}', '{start: "2018", end: "2018-06"}'))) == []
