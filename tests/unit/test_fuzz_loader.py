"""Hostile YAML, generated: never a traceback, always a located message.

Anchors and aliases (up to the 'billion laughs'), deep nesting, long lines,
numbers that are not finite and Unicode line separators, mixed into real
records and into random structures. Every problem stands on a line the file
has, counted as an editor counts (by '\\n').
"""
from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.load import load_text
from directory.problems import Problem
from directory.validate import validate
from support import DATA

SEED = (DATA / "programmes.yaml").read_text(encoding="utf-8")[:6000]

HOSTILE = [
    "&a ", "*a", "&b [*a, *a, *a, *a]", "<<: *a\n", "!!python/object:os.system ", "!!str ",
    "[" * 40, "{" * 40, "]" * 5, "- " * 30, "x" * 5000, ".nan", "-.Inf", "1.0e+999", "0x_", "9" * 5000,
    "\u2028", "\u2029", "\x85", "\r", "\ufeff", "\t", ": ", "'", '"', "? ", "---\n", "%YAML 1.1\n",
    "[a: b]", "{a, b}", "@", "`", "|\n", ">-\n",
]


def _located(problems: list[Problem], text: str) -> None:
    lines = text.count("\n") + 1
    for p in problems:
        assert isinstance(p, Problem) and 1 <= p.line <= lines and p.col >= 1, p.format()
        assert p.format().startswith(p.path + ":")


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=6))
def test_hostile_pieces_in_real_records(seed, edits):
    rng = random.Random(seed)
    text = SEED
    for _ in range(edits):
        i = rng.randrange(len(text))
        text = text[:i] + rng.choice(HOSTILE) + text[i + rng.randrange(3):]
    _located(load_text(text, "f.yaml").problems, text)


@st.composite
def aliases(draw) -> str:
    """Layers of anchors, each aliasing the one before several times."""
    layers = draw(st.integers(min_value=1, max_value=12))
    width = draw(st.integers(min_value=1, max_value=12))
    flow = draw(st.booleans())
    lines = ["l0: &l0 [x, y]"]
    for n in range(1, layers):
        items = [f"*l{n - 1}"] * width
        lines.append(f"l{n}: &l{n} [{', '.join(items)}]" if flow else
                     f"l{n}: &l{n}\n" + "".join(f"  - {i}\n" for i in items).rstrip("\n"))
    return "\n".join(lines) + "\n"


@settings(max_examples=100, deadline=None)
@given(aliases())
def test_aliases_are_never_expanded(text):
    file = load_text(text, "f.yaml")
    _located(file.problems, text)
    assert any("(an alias)" in p.message for p in file.problems) or "*" not in text
    # nothing is expanded: every alias stands for nothing
    for key, items in file.data.items():
        if key != "l0":
            assert items == [None] * len(items)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=3000), st.sampled_from(["[", "{", "- ", "a:\n  "]),
       st.booleans())
def test_deep_nesting_is_a_limit_never_a_recursion_error(depth, opener, closed):
    if opener == "a:\n  ":
        text = "".join("  " * i + f"k{i}:\n" for i in range(min(depth, 400))) + "  " * min(depth, 400) + "x\n"
    else:
        closer = {"[": "]", "{": "}", "- ": ""}[opener]
        inner = "x" if opener != "{" else "x: y"
        text = "a: " + opener * depth + inner + (closer * depth if closed else "") + "\n"
    _located(load_text(text, "f.yaml").problems, text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab:,- #'\"\u2028\u2029\x85\r\n\t[]{}"), max_size=400))
def test_line_separators_and_punctuation(text):
    _located(load_text(text, "f.yaml").problems, text)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([".nan", ".NaN", ".NAN", ".inf", "-.inf", "+.Inf", ".INF", "1.0e+400",
                        "-1.0e+400", "1e400", "9" * 400, "0x" + "f" * 300]),
       st.sampled_from(["amount: {}", "- {}", "{{amount: {}}}", "[{}]"]))
def test_numbers_that_are_not_finite_are_refused_with_a_place(number, shape):
    text = "funding:\n  " + shape.format(number) + "\n"
    file = load_text(text, "f.yaml")
    _located(file.problems, text)
    assert "inf" not in repr(file.data) and "nan" not in repr(file.data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=1, max_value=200_000), st.sampled_from(["x", "é", "😀", "a: b ", "[x, "]))
def test_long_lines_end_with_a_message_or_a_value(data_folder, length, piece):
    text = "programmes:\n  - " + piece * (length // len(piece)) + "\n"
    data_folder("programmes.yaml", text)
    result = validate("data")
    _located([p for p in result.problems if p.path.endswith("programmes.yaml")], text)
