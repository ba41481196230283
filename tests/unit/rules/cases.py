"""What the rule tests share: a valid data folder's programmes (VALID, on top
of the real vocabularies, organisations and sources of the data_folder
fixture), changes to it, the lines the check writes, and a rule's example."""
from __future__ import annotations

from directory.validate import rules, validate
from directory.validate.examples import run_example

VALID = """\
programmes:
  - id: plan
    kind: action-plan
    original_language: nl
    name: {nl: Actieplan}
    summary: {nl: Een plan., en: A plan.}
    sources:
      - source: ocmw-gent-kinderarmoede-2014
    last_reviewed: "2026-11-23"
  - id: pillar
    kind: pillar
    parent: plan
    original_language: nl
    name: {nl: Pijler}
    summary: {nl: Een pijler., en: A pillar.}
    period: {start: "2018", end: "2021"}
    target_group: {age_min: 0, age_max: 3}
    sources:
      - source: ocmw-gent-kinderarmoede-2014
    last_reviewed: "2026-11-23"
"""


def problems(data_folder, programmes: str, **files) -> list[str]:
    """The lines the check writes about the folder with these programmes (and
    these files: contacts_yaml= or 'contacts.yaml'= writes data/contacts.yaml)."""
    data_folder("programmes.yaml", programmes)
    for name, text in files.items():
        data_folder(name.replace("_", ".", 1) if "." not in name else name, text)
    return [p.format() for p in validate("data").problems]


def with_changes(*pairs, text: str = VALID) -> str:
    """``text`` with each (old, new) replaced once; each old must be there."""
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def example_lines(rule_id: str) -> list[str]:
    """The lines the check writes about the rule's example (rules/examples/<id>/, shown on the Rules page)."""
    return run_example(rules.by_id(rule_id)).lines
