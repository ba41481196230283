"""The replaced-by rule: a record with status 'replaced' names its successor, and only then."""
from __future__ import annotations

from .cases import example_lines, problems, with_changes


def test_example():
    assert example_lines("replaced-by") == [
        "data/programmes.yaml:7:13: error: programmes[0].status: status is 'replaced' but replaced_by is missing; "
        "name the record that replaced this one [replaced-by]"]


def test_replaced_by_without_the_status(data_folder):
    out = problems(data_folder, with_changes(("    kind: pillar\n", "    kind: pillar\n    replaced_by: plan\n")))
    assert "data/programmes.yaml:12:18: error: programmes[1].replaced_by: replaced_by is given but the status " \
           "is 'not stated'; set status: replaced, or remove replaced_by [replaced-by]" in out


def test_a_record_that_replaces_itself(data_folder):
    out = problems(data_folder, with_changes(("    kind: pillar\n", "    kind: pillar\n    status: replaced\n"
                                                                    "    replaced_by: pillar\n")))
    assert out == ["data/programmes.yaml:13:18: error: programmes[1].replaced_by: a record cannot replace itself "
                   "[replaced-by]"]


def test_a_replaced_record_with_its_successor_is_clean(data_folder):
    out = problems(data_folder, with_changes(("    kind: pillar\n", "    kind: pillar\n    status: replaced\n"
                                                                    "    replaced_by: plan\n")))
    assert out == []
