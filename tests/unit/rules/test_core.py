"""The rule contract: every registered rule declares its ID, LEVEL and
documentation, and the core, not the rule, puts the level and id on what the
rule reports; a rule without them is refused."""
from __future__ import annotations

import types
from pathlib import Path

import pytest

from directory.validate import rules
from directory.schema.records import Context
from directory.validate.rules import RuleError, apply, contract, run
from directory.validate.rules.common import Finding

ALL_MODULES = sorted(p.stem for p in Path(rules.__file__).parent.glob("*.py")
                     if p.stem not in ("__init__", "common"))


def test_every_rule_module_is_registered_once():
    assert sorted(rule.__name__.rsplit(".", 1)[1] for rule in rules.ALL) == ALL_MODULES


@pytest.mark.parametrize("rule", rules.ALL, ids=lambda rule: rule.ID)
def test_every_registered_rule_keeps_the_contract(rule):
    contract(rule)  # raises otherwise
    assert rule.LEVEL in ("error", "warning")
    assert isinstance(rule.ID, str) and rule.ID
    assert rule.__doc__.strip().split("\n")[0].endswith(".")  # a sentence: the page's summary
    assert callable(rule.check)


def test_every_rule_has_its_test_module():
    """tests/unit/rules/test_<rule id>.py, with the exact lines the rule writes."""
    here = Path(__file__).parent
    modules = {p.stem for p in here.glob("test_*.py")} - {"test_core"}
    assert modules == {"test_" + rule.ID.replace("-", "_") for rule in rules.ALL}


def test_ids_are_unique():
    ids = [rule.ID for rule in rules.ALL]
    assert len(ids) == len(set(ids))
    assert all(rules.by_id(rule_id).ID == rule_id for rule_id in ids)
    with pytest.raises(KeyError):
        rules.by_id("no-such-rule")


def _rule(**attributes) -> types.ModuleType:
    """A rule module made up for a test: a finding in every context, and what ``attributes`` say."""
    module = types.ModuleType("made_up", attributes.pop("doc", "Made up.\n\nFor a test."))
    module.ID = "made-up"
    module.LEVEL = "warning"
    module.check = lambda ctx: iter([Finding("data/x.yaml", 3, 5, "programmes[0].id", "a message")])
    for name, value in attributes.items():
        if value is None:
            delattr(module, name)
        else:
            setattr(module, name, value)
    return module


def test_the_core_puts_the_rules_level_and_id_on_each_finding():
    assert [p.format() for p in run(Context(), [_rule()])] == [
        "data/x.yaml:3:5: warning: programmes[0].id: a message [made-up]"]
    assert [p.format() for p in run(Context(), [_rule(LEVEL="error", ID="other-id")])] == [
        "data/x.yaml:3:5: error: programmes[0].id: a message [other-id]"]


@pytest.mark.parametrize("attributes, says", [
    ({"ID": None}, "has no ID"),
    ({"ID": ""}, "has no ID"),
    ({"ID": "Made Up"}, "has no ID"),
    ({"LEVEL": None}, "rule made-up has no LEVEL of error, warning (it has None)"),
    ({"LEVEL": "info"}, "rule made-up has no LEVEL of error, warning (it has 'info')"),
    ({"doc": None}, "rule made-up has no docstring"),
    ({"doc": "  \n"}, "rule made-up has no docstring"),
    ({"check": None}, "rule made-up has no check(ctx) function"),
])
def test_the_core_refuses_a_rule_without_its_declarations(attributes, says):
    with pytest.raises(RuleError, match=says.replace("(", r"\(").replace(")", r"\)")):
        list(apply(_rule(**attributes), Context()))


def test_the_core_refuses_a_rule_that_makes_its_own_problems():
    """A rule reports where and what; a Problem (with a level and id of the
    rule's own choosing) is refused."""
    problem = next(iter(run(Context(), [_rule()])))
    with pytest.raises(RuleError, match="rule made-up yielded Problem, not a Finding"):
        list(apply(_rule(check=lambda ctx: iter([problem])), Context()))
