"""An organisation's part_of follows the rules of a programme's parent: not
itself, no loop; each reported once, at its place, and nothing hangs.
"""
from __future__ import annotations

import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from directory.validate import validate
from directory.validate.rules.common import loops
from support import ROOT

from .cases import example_lines

PROGRAMME = """\
programmes:
  - id: plan
    kind: action-plan
    original_language: nl
    name: {nl: Actieplan}
    summary: {nl: Een plan., en: A plan.}
    organisations: [{id: org-a, role: lead}]
    sources:
      - source: ocmw-gent-kinderarmoede-2014
    last_reviewed: "2026-11-23"
"""


def _organisations(*links: tuple[str, str | None]) -> str:
    out = "organisations:\n"
    for org, part_of in links:
        out += (f"  - id: {org}\n    name: {{en: {org}}}\n    original_language: en\n"
                + (f"    part_of: {part_of}\n" if part_of else "")
                + "    sources: [{source: ocmw-gent-kinderarmoede-2014}]\n"
                "    last_reviewed: \"2026-11-23\"\n")
    return out


def _lines(data_folder, *links) -> list[str]:
    data_folder("programmes.yaml", PROGRAMME)
    data_folder("more-organisations.yaml", _organisations(*links))
    return [p.format() for p in validate("data").problems]


def test_example():
    assert example_lines("part-of-cycles") == [
        "data/organisations.yaml:5:14: error: organisations[0].part_of: part_of forms a loop: city-of-gent -> "
        "ocmw-gent -> city-of-gent; one of these organisations must be part of another organisation or of none "
        "[part-of-cycles]"]

def test_a_tree_is_fine(data_folder):
    assert _lines(data_folder, ("org-a", "org-b"), ("org-b", "ocmw-gent"), ("org-c", "org-b")) == []


def test_an_organisation_part_of_itself(data_folder):
    assert _lines(data_folder, ("org-a", None), ("org-b", "org-b")) == [
        "data/more-organisations.yaml:10:14: error: organisations[1].part_of: an organisation cannot "
        "be part of itself; name the organisation it belongs to, or leave part_of out "
        "[part-of-cycles]"]


def test_a_loop_is_reported_once_where_it_is_first_met(data_folder):
    # org-c -> org-a -> org-b -> org-d -> org-a: the loop is a, b, d (c only leads into it),
    # reported at org-d, the first of them in the file
    assert _lines(data_folder, ("org-c", "org-a"), ("org-d", "org-a"), ("org-a", "org-b"),
                  ("org-b", "org-d")) == [
        "data/more-organisations.yaml:11:14: error: organisations[1].part_of: part_of forms a loop: "
        "org-d -> org-a -> org-b -> org-d; one of these organisations must be part of another "
        "organisation or of none [part-of-cycles]"]


def test_two_loops_two_messages(data_folder):
    lines = _lines(data_folder, ("org-a", "org-b"), ("org-b", "org-a"), ("org-c", "org-c"))
    assert [line.split(": error: ")[1].split(":")[0] for line in lines] == [
        "organisations[0].part_of", "organisations[2].part_of"]


def test_a_loop_is_no_page(data_folder):
    """The check refuses it, so no model or page is ever made of a loop."""
    _lines(data_folder, ("org-a", "org-b"), ("org-b", "org-a"))
    run = subprocess.run([sys.executable, "-m", "directory", "render", "data", "out"],
                         capture_output=True, text=True, timeout=120,
                         env={"PYTHONPATH": str(ROOT / "scripts"), "DIRECTORY_TODAY": "2026-11-23"})
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert "data: 1 error, 0 warnings; nothing rendered" in run.stderr


def test_a_programme_still_gets_both_its_messages(data_folder):
    data_folder("programmes.yaml", PROGRAMME.replace("    organisations:", "    parent: plan\n    organisations:"))
    data_folder("more-organisations.yaml", _organisations(("org-a", None)))
    assert [p.rule for p in validate("data").problems] == ["parent-kind", "parent-cycles"]


# ------------------------------------------------------------------ loops()


def _brute_force(links: dict) -> set[frozenset]:
    """The loops, found by following every id len(links) steps."""
    out = set()
    for start in links:
        node, seen = start, []
        for _ in range(len(links) + 1):
            if node not in links or node is None:
                break
            if node in seen:
                out.add(frozenset(seen[seen.index(node):]))
                break
            seen.append(node)
            node = links[node]
    return out


@given(st.dictionaries(st.integers(0, 12).map(str), st.one_of(st.none(), st.integers(0, 14).map(str)),
                       max_size=13))
def test_loops_are_the_loops(links):
    found = loops(links)
    assert len(found) == len({frozenset(loop) for loop in found})  # each once
    assert {frozenset(loop) for loop in found} == _brute_force(links)
    for loop in found:  # and in the order of the links
        assert all(links[loop[i]] == loop[(i + 1) % len(loop)] for i in range(len(loop)))


def test_a_long_chain_is_walked_once():
    n = 200_000
    chain = {f"o{i}": f"o{i + 1}" for i in range(n)}
    assert loops(chain) == []
    chain[f"o{n}"] = "o0"
    assert len(loops(chain)[0]) == n + 1
