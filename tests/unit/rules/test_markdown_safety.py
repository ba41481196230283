"""The markdown-safety rule: what the page would not show as written is reported, on the line
of the text it is on (the renderer and sanitiser themselves: test_description.py)."""
from __future__ import annotations

import re

import pytest

from directory.description import render
from directory.validate import validate
from test_description import HIDDEN_REFERENCES

from .cases import example_lines


def test_example():
    assert example_lines("markdown-safety") == [
        "data/programmes.yaml:8:11: error: programmes[0].description.nl: HTML is not allowed in a description "
        "(found '<b>'); use Markdown instead [markdown-safety]"]


def test_a_description_in_markdown_is_clean(data_folder):
    assert check(data_folder, "      nl: |\n        Eerste alinea met *nadruk* en [een link](https://example.org).\n\n"
                              "        ### Kop\n\n        - een lijst\n") == []


# -- the markdown-safety rule: the same findings, on the line they are on ----------

PROGRAMME = """\
programmes:
  - id: plan
    kind: action-plan
    original_language: nl
    name: {nl: Actieplan}
    summary: {nl: Een plan., en: A plan.}
    description:
"""
TAIL = """\
    sources:
      - source: ocmw-gent-kinderarmoede-2014
    last_reviewed: "2026-11-23"
"""


def check(data_folder, description: str) -> list[str]:
    data_folder("programmes.yaml", PROGRAMME + description + TAIL)
    return [p.format() for p in validate("data").problems]


LINK = ("link 'javascript:alert(1)' uses 'javascript:', which is not allowed; links in descriptions must "
        "be absolute https://, http://, mailto: or tel: addresses [markdown-safety]")


def test_rule_names_the_line_inside_a_block_text(data_folder):
    out = check(data_folder, (
        "      nl: |\n"                                # line 8
        "        Eerste alinea.\n"
        "\n"
        "        - Zie [hier][x] voor meer.\n"
        "\n"
        "            [x]: javascript:alert(1)\n"        # line 13
        "\n"
        "        Een ![logo](https://tracker.example/p.png) en <b>vet</b>.\n"   # line 15
        "      en: \"Quoted, on one line: [x](javascript:alert(1))\"\n"))       # line 16
    assert out == [
        f"data/programmes.yaml:13:18: error: programmes[0].description.nl: {LINK}",
        "data/programmes.yaml:15:21: error: programmes[0].description.nl: images are not shown on the site, "
        "which loads nothing from other hosts (found an image of 'https://tracker.example/p.png'); write a "
        "link instead, such as [logo](https://tracker.example/p.png) [markdown-safety]",
        "data/programmes.yaml:15:55: error: programmes[0].description.nl: HTML is not allowed in a description "
        "(found '<b>'); use Markdown instead [markdown-safety]",
        f"data/programmes.yaml:16:11: error: programmes[0].description.en: {LINK}",
    ]


@pytest.mark.parametrize("name, text", HIDDEN_REFERENCES.items(), ids=HIDDEN_REFERENCES.keys())
def test_rule_reports_every_hidden_reference(data_folder, name, text):
    block = "      nl: |\n" + "".join(f"        {line}\n" if line else "\n" for line in text.splitlines())
    out = check(data_folder, block)
    assert len(out) == 1, out
    # the line with the destination: the reference definition's, or the link's own
    line = 9 + next(i for i, l in enumerate(text.splitlines()) if re.search(r"script:|data:", l, re.I))
    assert re.match(rf"data/programmes\.yaml:{line}:\d+: error: programmes\[0\]\.description\.nl: link '",
                    out[0]), out[0]


def test_rule_reports_headings_and_unknown_boxes(data_folder):
    out = check(data_folder, (
        "      nl: |\n"
        "        Titel\n"                      # line 9: a level 2 heading, underlined
        "        -----\n"
        "\n"
        "        !!! geheim \"Kader\"\n"         # line 12
        "            Tekst.\n"))
    assert out == [
        "data/programmes.yaml:9:9: error: programmes[0].description.nl: headings of level 1 and 2 (# and ##) "
        "are the page's own; start description headings at ### [markdown-safety]",
        "data/programmes.yaml:12:9: error: programmes[0].description.nl: '!!! geheim' is not a kind of box the "
        "site knows; use one of abstract, attention, bug, caution, check, cite, danger, done, error, example, "
        "fail, failure, faq, help, hint, important, info, missing, note, question, quote, success, summary, "
        "tip, tldr, todo, warning [markdown-safety]",
    ]


def test_rule_and_page_agree_on_the_real_data():
    from support import DATA

    result = validate(DATA)
    assert [p for p in result.problems if p.rule == "markdown-safety"] == []
    for rec in result.context.valid("programme"):
        for text in (rec.data.get("description") or {}).values():
            assert render(text).findings == ()
