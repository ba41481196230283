"""The parent-cycles rule: parents form a tree; a loop is reported once, where it is first met."""
from __future__ import annotations

from .cases import VALID, example_lines, problems, with_changes


def test_example():
    assert example_lines("parent-cycles") == [
        "data/programmes.yaml:4:13: error: programmes[0].parent: parents form a loop: gent-coaching -> "
        "gent-home-visits -> gent-coaching; one of these records must have another parent or none [parent-cycles]"]


def test_parent_cycle_reported_once(data_folder):
    text = with_changes(("    kind: action-plan\n", "    kind: action-plan\n    parent: pillar\n"))
    out = problems(data_folder, text.replace("kind: pillar", "kind: action-plan"))
    assert out == ["data/programmes.yaml:4:13: error: programmes[0].parent: parents form a loop: "
                   "plan -> pillar -> plan; one of these records must have another parent or none "
                   "[parent-cycles]"]


def test_a_chain_without_a_loop_is_clean(data_folder):
    """plan <- pillar <- action: three levels, no loop."""
    action = ("  - id: action\n    kind: action\n    parent: pillar\n    original_language: nl\n"
              "    name: {nl: Actie}\n    summary: {nl: Een actie., en: An action.}\n"
              "    sources:\n      - source: ocmw-gent-kinderarmoede-2014\n    last_reviewed: \"2026-11-23\"\n")
    assert problems(data_folder, VALID + action) == []
