"""The review-due rule: a record last reviewed more than twelve months ago is due (a warning)."""
from __future__ import annotations

from .cases import example_lines, problems, with_changes


def test_example():
    assert example_lines("review-due") == [
        "data/programmes.yaml:8:20: warning: programmes[0].last_reviewed: last reviewed 2025-06-30, more than 12 "
        "months ago (due 2026-06-30); check the record against its sources and set last_reviewed to the day you "
        "did [review-due]"]


def test_a_record_past_its_review_date(data_folder):
    """Today is 2026-11-23 in the tests (conftest.py)."""
    out = problems(data_folder, with_changes(('    last_reviewed: "2026-11-23"\n  - id: pillar',
                                              '    last_reviewed: "2025-11-22"\n  - id: pillar')))
    assert out == ["data/programmes.yaml:9:20: warning: programmes[0].last_reviewed: last reviewed 2025-11-22, more "
                   "than 12 months ago (due 2026-11-22); check the record against its sources and set "
                   "last_reviewed to the day you did [review-due]"]


def test_a_record_reviewed_exactly_twelve_months_ago_is_clean(data_folder):
    assert problems(data_folder, with_changes(('    last_reviewed: "2026-11-23"\n  - id: pillar',
                                               '    last_reviewed: "2025-11-23"\n  - id: pillar'))) == []
