"""YAML mistakes in an editor's words, at the line and column of the cause.

Each case is one an editor makes in GitHub's web editor: a colon in a text, a
tab, an entry not lined up, a text that YAML reads as something else, a quote
or bracket never closed. The message names the cause and the fix (the text
quoted, the number of spaces, the line to line up with).
"""
from __future__ import annotations

import pytest

from directory.load import load_text
from directory.validate import validate
from test_validate import VALID

RECORD = "programmes:\n  - id: gent-buurtwerk\n    kind: pilot\n"


def said(lines: str) -> list[str]:
    return [p.format() for p in load_text(RECORD + lines, "data/programmes.yaml").problems]


CASES = {
    # a colon followed by a space inside a text that is not in quotes
    "colon in a text": (
        "    name:\n      nl: Buurtwerk\n      en: Residential care: a family setting\n",
        "data/programmes.yaml:6:27: error: (syntax): a colon followed by a space inside a text that "
        'is not in quotes; put the whole text in double quotes: en: "Residential care: a family '
        'setting" [yaml-syntax]'),
    "colon in a text in braces": (
        "    summary: {nl: Opvang, en: Care: for families}\n",
        "data/programmes.yaml:4:35: error: (syntax): a colon followed by a space inside a text in "
        '{...} ends the text there; put the whole text in double quotes: en: "Care: for families" '
        "[yaml-syntax]"),
    # a tab in the indentation: how many spaces instead
    "tab in a mapping": (
        "    name:\n\tnl: Buurtwerk\n",
        "data/programmes.yaml:5:1: error: (syntax): a tab stands in the indentation here; "
        "indentation must be spaces: replace the tab with 6 spaces (2 more than 'name' on line 4) "
        "[yaml-syntax]"),
    "tab among fields": (
        "    name:\n      nl: Buurtwerk\n\ten: Neighbourhood work\n",
        "data/programmes.yaml:6:1: error: (syntax): a tab stands in the indentation here; "
        "indentation must be spaces: replace the tab with 6 spaces (to line up with 'nl' on line 5) "
        "[yaml-syntax]"),
    "tab in a list": (
        "    themes:\n      - early-childhood\n\t- poverty\n",
        "data/programmes.yaml:6:1: error: (syntax): a tab stands in the indentation here; "
        "indentation must be spaces: replace the tab with 6 spaces (to line up with the '-' on "
        "line 5) [yaml-syntax]"),
    "tab in a block text": (
        "    description:\n      nl: |\n        Eerste regel.\n\tTweede regel.\n",
        "data/programmes.yaml:7:1: error: (syntax): a tab stands in the indentation here; "
        "indentation must be spaces: replace the tab with 8 spaces (as line 6 of the text) "
        "[yaml-syntax]"),
    # an entry not lined up: the line it should line up with
    "list item one space short": (
        "    themes:\n      - early-childhood\n     - poverty\n",
        "data/programmes.yaml:6:6: error: (syntax): this list item is not lined up with the list "
        "items above it: indent it by 6 spaces, to line up with the '-' on line 5 [yaml-syntax]"),
    "field one space short": (
        "    original_language: nl\n   scope: local\n",
        "data/programmes.yaml:5:4: error: (syntax): this field is not lined up with the fields above "
        "it: indent it by 4 spaces, to line up with 'original_language' on line 4 [yaml-syntax]"),
    "field one space deeper": (
        "    original_language: nl\n     scope: local\n",
        "data/programmes.yaml:5:6: error: (syntax): this field is not lined up with the fields above "
        "it: indent it by 4 spaces, to line up with 'original_language' on line 4 (indented deeper, "
        "it is read as the rest of the text on line 4) [yaml-syntax]"),
    "nested field one space short": (
        "    target_group:\n      who: [children]\n     age_min: 0\n",
        "data/programmes.yaml:6:6: error: (syntax): this field is not lined up with the fields above "
        "it: indent it by 6 spaces, to line up with 'who' on line 5 [yaml-syntax]"),
    # what parses, but not as the editor meant
    "a pair in brackets": (
        "    municipalities: [Gent: centrum]\n",
        "data/programmes.yaml:4:22: error: programmes[0].municipalities[0]: 'Gent: centrum' inside "
        "[...] is read as a field and its value, because of the colon followed by a space; if it is "
        'a text, put it in double quotes: "Gent: centrum" [yaml-syntax]'),
    "names in braces": (
        "    themes: {poverty, early-childhood}\n",
        "data/programmes.yaml:4:14: error: programmes[0].themes.poverty: 'poverty' inside {...} has "
        "no ':' and value; braces hold fields, as in {nl: tekst, en: text}: for a list write themes: "
        "[poverty, early-childhood], and for a text put it in double quotes: themes: \"{poverty, "
        'early-childhood}" [yaml-syntax]'),
    # quotes and brackets
    "a stray quote": (
        "    scope: 'lokaal' niveau\n",
        "data/programmes.yaml:4:12: error: (syntax): the text in quotes ends before 'niveau'; a text "
        "in quotes must be quoted whole: scope: \"'lokaal' niveau\" [yaml-syntax]"),
    "a stray quote in braces": (
        "    name: {nl: 'Huis' van het Kind}\n",
        "data/programmes.yaml:4:23: error: (syntax): the text in quotes ends before 'van het Kind'; "
        "a text in quotes must be quoted whole: nl: \"'Huis' van het Kind\" [yaml-syntax]"),
    "an unclosed quote": (
        '    name:\n      nl: "Huis van het Kind\n      en: Family house\n',
        'data/programmes.yaml:5:11: error: (syntax): the text that starts with " here is never '
        'closed: end it with " on the same line ("Huis van het Kind"), or, if " is part of the '
        "text, put the whole text in single quotes: nl: '\"Huis van het Kind' [yaml-syntax]"),
    "an unclosed bracket": (
        "    themes: [poverty, early-childhood\n    scope: local\n",
        "data/programmes.yaml:4:13: error: (syntax): the [ here is not closed on its line: close it "
        "with ], or, if this is a text that starts with [, put the whole text in double quotes: "
        'themes: "[poverty, early-childhood" [yaml-syntax]'),
    "a text that starts with @": (
        "    scope: @home\n",
        "data/programmes.yaml:4:12: error: (syntax): a text cannot start with @ unless it is in "
        'quotes: put the whole text in double quotes: scope: "@home" [yaml-syntax]'),
    "no space after a colon": (
        "    scope:local\n    status: active\n",
        "data/programmes.yaml:4:5: error: (syntax): line 4 has no space after its colon, so it is "
        "read as a text; write a space after the colon: 'name: value' [yaml-syntax]"),
}


@pytest.mark.parametrize("name", CASES)
def test_a_yaml_mistake_is_explained_at_its_place(name):
    lines, expected = CASES[name]
    assert said(lines) == [expected]


def test_a_comma_in_a_number_in_braces_says_to_write_digits():
    assert said("    funding:\n      - {amount: 290,000, currency: EUR}\n") == [
        "data/programmes.yaml:5:22: error: programmes[0].funding[0].0: a comma inside {...} starts "
        "a new field, so '000' is read as a field without a value; write the number in digits only: "
        "amount: 290000 (no thousands separator) [yaml-syntax]"]


def test_a_suggestion_is_never_itself_invalid(data_folder):
    """An id with 'å' is a schema error; a reference close to it gets a
    suggestion of a valid id instead of the broken one."""
    broken = ("  - id: plån-b\n    kind: action-plan\n    original_language: nl\n"
              "    name: {nl: Plan B}\n    summary: {nl: Een plan., en: A plan.}\n"
              "    sources:\n      - source: ocmw-gent-kinderarmoede-2014\n"
              '    last_reviewed: "2026-11-23"\n')
    data_folder("programmes.yaml", VALID.replace("    parent: plan\n", "    parent: plan-b\n") + broken)
    assert [p.format() for p in validate("data").problems] == [
        "data/programmes.yaml:12:13: error: programmes[1].parent: unknown programme id 'plan-b'; "
        "did you mean 'plan'? allowed: pillar, plan [references]",
        "data/programmes.yaml:21:9: error: programmes[2].id: 'plån-b' is not allowed; use a "
        "lowercase slug of letters a-z, digits and single hyphens, e.g. 'vordingborg-home-support' "
        "[schema]",
    ]
