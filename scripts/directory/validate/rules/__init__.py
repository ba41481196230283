"""The cross-record rules, one per module, and the core that applies them.

A rule is a module with

- ``ID``: the name shown in brackets after each of its messages
  (``[parent-kind]``), which editors look up on the Rules page;
- ``LEVEL``: ``error`` (blocks publishing) or ``warning`` (does not);
- a docstring: its documentation for editors, published on the Rules page
  (the first line says what the rule asks for, the rest how to comply);
- an example beside it: ``examples/<ID>/`` holds the data files of a small
  mistake the rule reports, checked for the Rules page so that the message
  the page shows is the one the check writes (:mod:`directory.validate.examples`);
- ``check(ctx)``: yields a :class:`~.common.Finding` for each problem, where it
  is and what is wrong, and nothing else.

The core (:func:`apply`) refuses a rule without an ID, a LEVEL, a docstring
or a check function (the Rules page and its tests refuse one without an
example), and makes each finding a :class:`~directory.problems.Problem` with
the rule's ``LEVEL`` and ``ID``: a rule never states its level or id itself,
so what it reports is what it declares and documents (as yamllint does with
its rules). A rule that would report under two ids is two rules. Rules only
look into records that passed the schema (``ctx.valid()``); what they share
is in :mod:`.common`.
"""
from __future__ import annotations

import re
from types import ModuleType
from typing import Iterable, Iterator

from ...problems import ERROR, WARNING, Problem
from ...schema.records import Context
from .common import Finding
from . import (
    age_range,
    confidential_contacts,
    contact_age,
    date_order,
    derived_values,
    editor_schema,
    english_summary,
    funding_pool,
    iso_codes,
    markdown_safety,
    number_format,
    original_language,
    parent_cycles,
    parent_kind,
    part_of_cycles,
    partial_dates,
    references,
    replaced_by,
    reserved_ids,
    review_due,
    template_text,
    unique_ids,
    urls,
    vocabulary,
    vocabulary_labels,
    vocabulary_terms,
)

ALL: list[ModuleType] = [
    unique_ids,
    reserved_ids,
    references,
    vocabulary_terms,
    vocabulary_labels,
    vocabulary,
    iso_codes,
    parent_kind,
    parent_cycles,
    part_of_cycles,
    partial_dates,
    date_order,
    age_range,
    funding_pool,
    derived_values,
    number_format,
    urls,
    markdown_safety,
    original_language,
    english_summary,
    confidential_contacts,
    replaced_by,
    review_due,
    contact_age,
    template_text,
    editor_schema,
]


LEVELS = (ERROR, WARNING)
_ID = re.compile(r"[a-z]+(?:-[a-z]+)*")


class RuleError(TypeError):
    """A rule that does not keep the contract (a mistake in the code, never in the data)."""


def contract(rule: ModuleType) -> None:
    """Raise RuleError unless ``rule`` has an ID, a LEVEL of LEVELS, a
    docstring and a check function."""
    name = getattr(rule, "__name__", repr(rule))
    rule_id = getattr(rule, "ID", None)
    if not isinstance(rule_id, str) or not _ID.fullmatch(rule_id):
        raise RuleError(f"rule {name} has no ID (the name shown after its messages: lowercase "
                        f"words joined by hyphens; it has {rule_id!r})")
    if getattr(rule, "LEVEL", None) not in LEVELS:
        raise RuleError(f"rule {rule_id} has no LEVEL of {', '.join(LEVELS)} "
                        f"(it has {getattr(rule, 'LEVEL', None)!r})")
    if not (getattr(rule, "__doc__", None) or "").strip():
        raise RuleError(f"rule {rule_id} has no docstring (its documentation for editors)")
    if not callable(getattr(rule, "check", None)):
        raise RuleError(f"rule {rule_id} has no check(ctx) function")


def apply(rule: ModuleType, ctx: Context) -> Iterator[Problem]:
    """The problems ``rule`` finds in ``ctx``, with its level and id."""
    contract(rule)
    for found in rule.check(ctx):
        if not isinstance(found, Finding):
            raise RuleError(f"rule {rule.ID} yielded {type(found).__name__}, not a Finding; the core adds "
                            "the level and id")
        yield Problem(found.path, found.line, found.col, rule.LEVEL, found.field, found.message, rule.ID)


def run(ctx: Context, rules: Iterable[ModuleType] = ALL) -> list[Problem]:
    """The problems all ``rules`` find in ``ctx``, rule by rule."""
    return [problem for rule in rules for problem in apply(rule, ctx)]


def by_id(rule_id: str) -> ModuleType:
    """The registered rule with the id ``rule_id`` (KeyError if none)."""
    for rule in ALL:
        if rule.ID == rule_id:
            return rule
    raise KeyError(rule_id)
