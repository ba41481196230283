"""The age-range rule: the lowest age is not above the highest."""
from __future__ import annotations

from .cases import example_lines, problems, with_changes


def test_example():
    assert example_lines("age-range") == [
        "data/programmes.yaml:7:41: error: programmes[0].target_group.age_max: age_max 3 is below age_min 6; the "
        "range must run from the lowest to the highest age in years [age-range]"]


def test_age_range(data_folder):
    out = problems(data_folder, with_changes(("{age_min: 0, age_max: 3}", "{age_min: 6, age_max: 3}")))
    assert out == ["data/programmes.yaml:17:41: error: programmes[1].target_group.age_max: age_max 3 is "
                   "below age_min 6; the range must run from the lowest to the highest age in years [age-range]"]


def test_one_age_is_a_range_too(data_folder):
    assert problems(data_folder, with_changes(("{age_min: 0, age_max: 3}", "{age_min: 3, age_max: 3}"))) == []
