"""The parent-kind rule: a record sits only under a parent of a kind its kind allows."""
from __future__ import annotations

from .cases import VALID, example_lines, problems, with_changes


def test_example():
    assert example_lines("parent-kind") == [
        "data/programmes.yaml:11:13: error: programmes[1].parent: a pillar cannot sit under 'gent-coaching', which "
        "is a programme; a pillar may sit under action-plan [parent-kind]"]


def test_parent_of_wrong_kind(data_folder):
    out = problems(data_folder, with_changes(("kind: action-plan", "kind: course")))
    assert out == ["data/programmes.yaml:12:13: error: programmes[1].parent: a pillar cannot sit under "
                   "'plan', which is a course; a pillar may sit under action-plan, strand [parent-kind]"]


def test_a_record_is_not_its_own_parent(data_folder):
    out = problems(data_folder, with_changes(("parent: plan", "parent: pillar")))
    assert out[0] == "data/programmes.yaml:12:13: error: programmes[1].parent: a record cannot be its own parent [parent-kind]"


def test_a_pillar_under_a_plan_is_clean(data_folder):
    assert problems(data_folder, VALID) == []
