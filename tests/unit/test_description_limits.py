"""Descriptions built to make the renderer slow or fail: refused with a reason,
never a traceback, and rendered in time linear in their length."""
import os
import subprocess
import sys

import pytest

from support import ROOT
from directory import description
from directory.description import MAX_BRACKETS, MAX_LINES, MAX_NESTING, nesting, render


@pytest.mark.parametrize("text, depth", [
    ("plain text", 0),
    ("- a\n    - b\n        - c", 3),
    ("> > - 1. x", 4),
    ("- " * 20 + "x", MAX_NESTING + 1),  # stops counting past the limit
    ("!!! note\n    - a\n        > b", 3),
    ("Term\n:   - a", 2),
])
def test_nesting_counts_containers_and_indentation(text, depth):
    assert nesting(text) == depth


def test_deep_nesting_is_shown_as_text_with_a_reason():
    text = "- " * 600 + "<x>"  # Python-Markdown recursion: a RecursionError before
    out = render(text)
    assert out.html == "<p>" + "- " * 600 + "&lt;x&gt;</p>"
    assert [f.message for f in out.findings] == [
        f"lists, quotes or boxes are nested more than {MAX_NESTING} levels deep; use fewer levels; "
        "until then the site shows the text without its formatting"]
    assert description.might_have_findings("> " * 600)


def test_many_brackets_and_many_lines_are_shown_as_text_with_a_reason():
    brackets = render("[" * (MAX_BRACKETS + 1))
    assert brackets.findings[0].message.startswith(f"the text has more than {MAX_BRACKETS} '['")
    lines = render("- a\n" * MAX_LINES)
    assert lines.findings[0].message.startswith(f"the text has more than {MAX_LINES} lines")
    assert description.might_have_findings("a\n" * MAX_LINES)
    assert render("- a\n" * (MAX_LINES - 1)).findings == ()


PUMPS = ("-", " -", "- ", "1. ", "> ", ">", "* ", "[", "![", "[a", " [", "*a", "_a", "`a", "**",
         "\\", "[x](", "<a ", "&", "|", "|-\n", ":   ", "    ", "!!! note\n    ", "- a\n    ",
         "[a]:", "](", "<!--", "#", "\n- ", "\n> ", "\n    - ", "=\n", "a\n")

_SCRIPT = """
import sys
from directory import description
for pump in PUMPS:
    for suffix in ("", "x", "\\n", "!"):
        text = pump * (20_000 // len(pump)) + suffix
        description.might_have_findings(text)
        description._render.__wrapped__(text)
"""


def test_no_description_of_twenty_thousand_characters_hangs_the_renderer():
    """Each text built to make the renderer quadratic or recursive is rendered;
    a minute is a hang guard (they take well under a second each)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    subprocess.run([sys.executable, "-c", f"PUMPS = {PUMPS!r}\n" + _SCRIPT], env=env, check=True,
                   timeout=120)


def test_the_check_stops_rendering_descriptions_after_its_time_budget(data_folder, monkeypatch):
    from directory.validate import validate
    from directory.validate.rules import markdown_safety

    monkeypatch.setattr(markdown_safety, "TIME_BUDGET", -1.0)  # spent before the first
    data_folder("programmes.yaml", """\
        programmes:
          - id: slow
            kind: programme
            original_language: en
            name: {en: Slow}
            summary: {en: A programme.}
            description: {en: "See [this](https://example.org)."}
            sources: [{source: opgroeien-jonge-kind}]
            last_reviewed: "2026-11-01"
        """)
    assert [p.format() for p in validate("data").problems] == [
        "data/programmes.yaml:7:23: error: programmes[0].description.en: checking the descriptions "
        "took more than -1 seconds, the limit, so this one and those after it were not checked; look "
        "for descriptions written to slow the check (thousands of '*', '[' or list markers) and "
        "shorten them [markdown-safety]"]
