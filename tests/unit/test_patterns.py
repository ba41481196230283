"""Patterns mean what JSON Schema says they mean: ECMA-262, not Python's re.

``directory.schema.patterns.ecma`` translates an ECMA-262 pattern for Python's re.
These tests hold it to a real ECMA-262 engine (``regress``, the Rust crate
behind jsonschema-rs, as a test dependency): the schema's own patterns and
the package's on texts full of the characters where the two dialects part
(line breaks, digits of other scripts, white space of both kinds), and
patterns made up at random. Then the schema check: a value with a trailing
line break or Arabic-Indic digits is refused, with its location and what to
write instead, the same by the fast check and by jsonschema.
"""
from __future__ import annotations

import re

import pytest
import regress
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.schema import dates, patterns
from directory.schema.patterns import PatternError, ecma, translate
from directory.validate import fast, validate
from directory.validate import schema_check as schema

SCHEMA = schema.SCHEMA.root


def _schema_patterns(node=SCHEMA) -> set[str]:
    """Every ``pattern`` in the schema, those of ``propertyNames`` included."""
    found = set()
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            found.add(node["pattern"])
        for value in node.values():
            found |= _schema_patterns(value)
    elif isinstance(node, list):
        for value in node:
            found |= _schema_patterns(value)
    return found


SCHEMA_PATTERNS = sorted(_schema_patterns())
PACKAGE_PATTERNS = [dates.FORMS]
# where Python's re and ECMA-262 part: line breaks, other digits, both kinds of white space
ALPHABET = "aZz09_-.@ +()/:\n\r\t\x0b\x0c\x85\x1c\xa0\u2028\u2029\u3000\ufeff\u200b٢३é"


def _ecma_says(pattern: str, text: str) -> bool:
    return regress.Regex(pattern, "u").find(text) is not None


def test_the_schema_has_patterns_to_test():
    assert len(SCHEMA_PATTERNS) >= 6 and r"^\d{4}-\d{2}-\d{2}$" in SCHEMA_PATTERNS


@pytest.mark.parametrize("pattern", SCHEMA_PATTERNS + PACKAGE_PATTERNS)
def test_every_pattern_translates(pattern):
    assert isinstance(ecma(pattern), re.Pattern)


@pytest.mark.parametrize("pattern,text,matches", [
    (r"^[a-z0-9]+(-[a-z0-9]+)*$", "some-id", True),
    (r"^[a-z0-9]+(-[a-z0-9]+)*$", "some-id\n", False),   # Python's $ matches before the \n
    (r"^[a-z]{2}$", "nl\n", False),
    (r"^\d{4}-\d{2}-\d{2}$", "2026-11-23", True),
    (r"^\d{4}-\d{2}-\d{2}$", "٢٠٢٦-١١-٢٣", False),          # Python's \d is any decimal digit
    (r"^\d{4}$", "२०२६", False),
    (r"\S", "\u3000\ufeff\n", False),                       # ECMA white space only
    (r"\S", "\x85", True),                                  # NEL is no white space to ECMA
    (r"\S", "\x1c", True),                                  # nor the information separators
    (r"^\w+$", "één", False),                               # \w is A-Z a-z 0-9 _
    (r"^\w+$", "e_1", True),
    (r"^a.b$", "a\rb", False),                              # . stops at every line terminator
    (r"^a.b$", "a\u2028b", False),
    (r"^a.b$", "a\x85b", True),
    (r"\bid\b", "an id here", True),
    (r"\bid\b", "éidé", True),                              # é is no word character to ECMA
    (r"^[^]$", "\n", True),
    (r"[]", "anything", False),
    (r"^\u{1F600}$", "\U0001F600", True),
    (r"^\uD83D\uDE00$", "\U0001F600", True),                # a surrogate pair is one code point
    (r"^(?<year>\d{4})$", "2019", True),
    (r"^[\d-]+$", "12-3", True),
    (r"^[\w.]{2}$", "a.", True),
])
def test_ecma_meaning(pattern, text, matches):
    assert bool(ecma(pattern).search(text)) is matches
    assert _ecma_says(pattern, text) is matches  # the reference engine agrees


@pytest.mark.parametrize("pattern", [
    r"(a)\1",          # back-reference
    r"\p{L}",          # Unicode property
    r"(?i)a",          # inline flag: Python only
    r"a**", r"a*+",    # nothing to repeat (Python 3.11 reads *+ as possessive)
    r"a{", r"a}", r"]", r"{1}",
    r"(a", r"a)", r"[a", r"[z-a]", r"[\d-z]",
    r"\z", r"\Z", r"\A", r"\e",  # Python-only or invalid escapes
    r"(?<=a+)b",       # a lookbehind of varying width: Python cannot run it
    r"(?=a)*",         # a quantified lookahead (an error with the u flag)
    r"^*",
    r"\u{110000}",
])
def test_what_is_not_translated_is_refused(pattern):
    with pytest.raises(PatternError):
        ecma(pattern)


def test_a_pattern_is_a_text():
    with pytest.raises(PatternError):
        translate(None)


def test_blank_is_ecma_white_space():
    assert patterns.is_blank(" \t\n\u3000\ufeff\u2028")
    assert not patterns.is_blank("\x85") and not patterns.is_blank("a")
    assert patterns.strip("\ufeff a\n\u2029") == "a"


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_schema_and_package_patterns_agree_with_ecma(data):
    pattern = data.draw(st.sampled_from(SCHEMA_PATTERNS + PACKAGE_PATTERNS))
    # texts near a match (a matching text with a slip) and texts of the odd characters
    near = st.builds(lambda t, i, c: t[:i] + c + t[i:], st.from_regex(translate(pattern)),
                     st.integers(0, 40), st.sampled_from(["", *ALPHABET]))
    text = data.draw(st.one_of(near, st.text(alphabet=ALPHABET, max_size=15)))
    assert bool(ecma(pattern).search(text)) == _ecma_says(pattern, text), (pattern, text)


ATOMS = st.sampled_from([
    "a", "b", "0", "-", "\\.", ".", "@", " ", "é", "\\n", "\\u00e9", "\\x41", "\\t",
    "\\d", "\\D", "\\w", "\\W", "\\s", "\\S", "[a-c]", "[^a-c]", "[\\d.-]", "[^@\\s]",
    "[\\s\\S]", "[\\w-]", "[-a]", "[a-]", "[\\D]", "[^\\W]", "[]", "[^]", "\\$", "\\^",
])
QUANTIFIERS = st.sampled_from(["", "", "", "*", "+", "?", "{2}", "{1,3}", "{0,}", "*?", "+?", "??"])
ASSERTIONS = st.sampled_from(["^", "$", "\\b", "\\B"])


def _sequence(inner):
    quantified = st.tuples(st.one_of(ATOMS, inner.map("({})".format), inner.map("(?:{})".format)),
                           QUANTIFIERS).map("".join)
    item = st.one_of(quantified, quantified, ASSERTIONS,
                     inner.map("(?={})".format), inner.map("(?!{})".format))
    return st.lists(item, min_size=1, max_size=4).map("".join)


RANDOM_PATTERNS = st.recursive(_sequence(ATOMS), lambda inner: st.lists(
    _sequence(inner), min_size=1, max_size=3).map("|".join), max_leaves=10)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RANDOM_PATTERNS, st.lists(st.text(alphabet="ab0-.@ é\n\r\u2028\u3000_٢", max_size=10),
                                 min_size=1, max_size=5))
def test_random_patterns_agree_with_ecma(pattern, texts):
    compiled = ecma(pattern)
    for text in texts:
        assert bool(compiled.search(text)) == _ecma_says(pattern, text), (pattern, text)


# ------------------------------------------------------------- the schema check


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
"""


def _problems(data_folder, *changes: tuple[str, str]) -> list[str]:
    text = VALID
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    data_folder("programmes.yaml", text)
    return [p.format() for p in validate("data").problems]


def test_the_example_is_valid(data_folder):
    assert _problems(data_folder) == []


def test_an_id_with_a_line_break_at_its_end(data_folder):
    assert _problems(data_folder, ("- id: plan", '- id: "plan\\n"')) == [
        "data/programmes.yaml:2:9: error: programmes[0].id: 'plan\\n' is not allowed: it ends with "
        "a line break; write 'plan' (on one line, without | or >) [schema]"]


def test_an_id_written_as_a_block(data_folder):
    assert _problems(data_folder, ("- id: plan", "- id: |\n      plan")) == [
        "data/programmes.yaml:2:9: error: programmes[0].id: 'plan\\n' is not allowed: it ends with "
        "a line break; write 'plan' (on one line, without | or >) [schema]"]


def test_an_id_with_a_space_around_it(data_folder):
    assert _problems(data_folder, ("- id: plan", "- id: ' plan '")) == [
        "data/programmes.yaml:2:9: error: programmes[0].id: ' plan ' is not allowed: it starts and "
        "ends with a space; write 'plan' [schema]"]


def test_a_reference_with_a_line_break(data_folder):
    assert _problems(data_folder, ("- source: ocmw-gent-kinderarmoede-2014",
                                   '- source: "ocmw-gent-kinderarmoede-2014\\r\\n"')) == [
        "data/programmes.yaml:8:17: error: programmes[0].sources[0].source: "
        "'ocmw-gent-kinderarmoede-2014\\r\\n' is not an id: it ends with a line break; write "
        "'ocmw-gent-kinderarmoede-2014' (on one line, without | or >) [schema]"]


def test_a_date_in_arabic_indic_digits(data_folder):
    assert _problems(data_folder, ('last_reviewed: "2026-11-23"', 'last_reviewed: "٢٠٢٦-١١-٢٣"')) == [
        "data/programmes.yaml:9:20: error: programmes[0].last_reviewed: '٢٠٢٦-١١-٢٣' is not allowed: "
        "it has digits other than 0-9; write '2026-11-23' [schema]"]


def test_a_date_in_devanagari_digits_and_a_slip(data_folder):
    assert _problems(data_folder, ('last_reviewed: "2026-11-23"', 'last_reviewed: "२०२६/११/२३"')) == [
        "data/programmes.yaml:9:20: error: programmes[0].last_reviewed: '२०२६/११/२३' is not allowed; "
        "use a full date YYYY-MM-DD, e.g. 2026-11-23 [schema]"]


def test_a_language_key_with_a_line_break(data_folder):
    assert _problems(data_folder, ("name: {nl: Actieplan}", 'name: {nl: Actieplan, "en\\n": Plan}')) == [
        "data/programmes.yaml:5:27: error: programmes[0].name.en\\n: 'en\\n' is not an allowed key "
        "here; use a two-letter ISO 639-1 language code such as nl, da or en (if it is part of a "
        "text, put the whole text in quotes: a comma inside {...} starts a new key) [schema]"]


def test_a_text_of_ideographic_spaces_is_empty(data_folder):
    assert _problems(data_folder, ("summary: {nl: Een plan., en: A plan.}",
                                   'summary: {nl: Een plan., en: "\\u3000\\uFEFF"}')) == [
        "data/programmes.yaml:6:34: error: programmes[0].summary.en: must not be empty; write the "
        "text or leave the field out [schema]"]


def test_the_messages_are_one_line_each(data_folder):
    out = _problems(data_folder, ("- id: plan", '- id: "pl\\u2028an"'),
                    ("kind: action-plan", 'kind: "action-\\rplan"'))
    assert len(out) == 2 and all("\n" not in line and "\r" not in line and "\u2028" not in line
                                 for line in out)
    assert out[0].startswith("data/programmes.yaml:2:9: error: programmes[0].id: 'pl\\u2028an' is "
                             "not allowed; use a lowercase slug")


@pytest.mark.parametrize("value", ["plan\n", "plan\r", "plan\u2028", "٢٠١٩", "\u3000", "ab\n",
                                   "2019-07-01\n", "nl\n", "name@example.org\n"])
def test_fast_check_and_jsonschema_refuse_alike(value):
    check = fast.compile_schema(SCHEMA).compile(SCHEMA)
    oracle = schema.ECMAValidator(SCHEMA)
    record = {"id": value, "kind": "pilot", "original_language": "nl", "name": {"nl": "x"},
              "summary": {"nl": "x"}, "sources": [{"source": "x1"}], "last_reviewed": "2026-11-23"}
    for data in ({"programmes": [record]},
                 {"programmes": [dict(record, id="ok", last_reviewed=value)]},
                 {"programmes": [dict(record, id="ok", name={value: "x"})]},
                 {"contacts": [{"id": "c1", "organisation": "o1", "source": {"source": "x1"},
                                "email": value}]}):
        assert check(data) is False and oracle.is_valid(data) is False, data


def test_new_refuses_an_id_the_check_refuses():
    from directory.tools.new import _id_problem

    assert _id_problem("some-id") is None
    assert _id_problem("some-id\n") == ("'some-id\\n' is not allowed; use a lowercase slug of letters "
                                        "a-z, digits and single hyphens, e.g. 'vordingborg-home-support'")


# ------------------------------------------------------------- no pattern can hang


OLD_EMAIL = r'^[^@\s<>()\[\]\\,;:"]+@[^@\s<>()\[\]\\,;:"]+\.[^@\s<>()\[\]\\,;:"]+$'
EMAIL = SCHEMA["$defs"]["contact"]["properties"]["email"]["pattern"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a.@ -é\n", max_size=12))
def test_the_one_pass_email_pattern_accepts_what_the_old_one_did(text):
    assert bool(ecma(EMAIL).search(text)) == bool(ecma(OLD_EMAIL).search(text))


@pytest.mark.parametrize("text,ok", [("name@example.org", True), ("a@b.c", True), ("a@b..c", True),
                                     ("a@.b.c", True), ("a@b.", False), ("a@b", False),
                                     ("a@.b", False), ("name@example.org\n", False)])
def test_email_examples(text, ok):
    assert bool(ecma(EMAIL).search(text)) is ok


# Long texts built to make a backtracking pattern try every split: runs of the
# characters patterns repeat, between the starts and ends that make them fail
# late. A pattern that backtracks quadratically spends minutes on one of them
# (the old e-mail pattern: 'a@' + 'b.' * 25,000 + ' '); a linear one, a few
# milliseconds. Each pattern gets its own process and a minute for all of them.
_HANG_SCRIPT = """
import sys
from directory.schema.patterns import ecma
search = ecma(sys.argv[1]).search
pumps = ["a", "a.", "a-", "a@", "1", "-", ".", " ", "ab.", "A", "AB-", "0-", "a@a.", "@.", "+1"]
for prefix in ("", "a@", "+"):
    for pump in pumps:
        for suffix in ("", "!", "\\n", " ", "@", "."):
            search(prefix + pump * (50_000 // len(pump)) + suffix)
"""


@pytest.mark.parametrize("pattern", SCHEMA_PATTERNS + PACKAGE_PATTERNS + [r"\bid\b"])
def test_no_pattern_hangs_on_a_long_value(pattern):
    import os
    import subprocess
    import sys

    from support import ROOT

    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    subprocess.run([sys.executable, "-c", _HANG_SCRIPT, pattern], env=env, check=True, timeout=60)


def test_the_hang_test_can_fail():
    """The old e-mail pattern on one of the texts: far over the test's minute."""
    import subprocess
    import sys

    from support import ROOT

    script = ("import sys; sys.path.insert(0, sys.argv[2]); from directory.schema.patterns import ecma; "
              "ecma(sys.argv[1]).search('a@' + 'b.' * 25_000 + ' ')")
    with pytest.raises(subprocess.TimeoutExpired):
        subprocess.run([sys.executable, "-c", script, OLD_EMAIL, str(ROOT / "scripts")], timeout=5)
