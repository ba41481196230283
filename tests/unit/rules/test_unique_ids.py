"""The unique-ids rule: no two records share an id, in any file, of any type."""
from __future__ import annotations

from .cases import VALID, example_lines, problems, with_changes


def test_example():
    assert example_lines("unique-ids") == [
        "data/programmes.yaml:9:9: error: programmes[1].id: id 'gent-coaching' is already used by the programme "
        "at data/programmes.yaml:2; ids must be unique across all data files [unique-ids]"]


def test_duplicate_ids_across_files(data_folder):
    out = problems(data_folder, with_changes(("  - id: pillar", "  - id: opgroeien")))
    assert out == ["data/programmes.yaml:10:9: error: programmes[1].id: id 'opgroeien' is already used by "
                   "the organisation at data/organisations.yaml:88; ids must be unique across all data "
                   "files [unique-ids]"]


def test_the_same_id_twice_in_one_file(data_folder):
    out = problems(data_folder, with_changes(("  - id: pillar", "  - id: plan")))
    assert [line for line in out if "[unique-ids]" in line] == [
        "data/programmes.yaml:10:9: error: programmes[1].id: id 'plan' is already used by the programme at "
        "data/programmes.yaml:2; ids must be unique across all data files [unique-ids]"]


def test_ids_of_their_own_are_clean(data_folder):
    assert problems(data_folder, VALID) == []
