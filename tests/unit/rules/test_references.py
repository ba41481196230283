"""The references rule: every id a record refers to names a record of the right type."""
from __future__ import annotations

from .cases import example_lines, problems, with_changes


def test_example():
    assert example_lines("references") == [
        "data/programmes.yaml:7:26: error: programmes[0].organisations[0].id: unknown organisation id "
        "'city-of-gnet'; did you mean 'city-of-gent'? allowed: city-of-gent [references]"]


def test_unresolved_reference_suggests_closest(data_folder):
    out = problems(data_folder, with_changes(("parent: plan", "parent: plann")))
    assert out == ["data/programmes.yaml:12:13: error: programmes[1].parent: unknown programme id 'plann'; "
                   "did you mean 'plan'? allowed: pillar, plan [references]"]


def test_an_id_of_another_type_is_no_reference(data_folder):
    """'ocmw-gent' is an organisation: a programme's parent must be a programme."""
    out = problems(data_folder, with_changes(("parent: plan", "parent: ocmw-gent")))
    assert out == ["data/programmes.yaml:12:13: error: programmes[1].parent: unknown programme id 'ocmw-gent'; "
                   "allowed: pillar, plan [references]"]


def test_references_to_existing_records_are_clean(data_folder):
    text = with_changes(("    kind: pillar\n", "    kind: pillar\n    organisations: [{id: ocmw-gent, role: lead}]\n"))
    assert problems(data_folder, text) == []
