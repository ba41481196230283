"""The one scalar quoting (directory.load.quote): every tool that writes YAML
for an editor writes a value the same way, the way ``make fmt`` keeps it, and
what it writes reads back as the value."""
from __future__ import annotations

import json

import pytest

from support import ROOT, nodes_with_examples
from directory.load import load_text, messages, quote
from directory.tools.fmt import canonical_text

TEXTS = [
    "plain text", "Programma's", "Coördinator", "Børn", "x, y", "a: b", "a:b", "# c", "a #b",
    "", " lead", "trail ", "2019", "2019-07", "2021-06", "--02-02", "2026-11-23", "12", "1e3",
    "0x1F", "1_000", "09 266 30 42", "+45 41 74 00 34", "no", "NO", "yes", "on", "off", "y", "~",
    "null", "true", "True", "https://example.org/a?b=c", 'say "hi"', "C:\\dir", "it's \"x\"",
    "two\nlines", "line\u2028separator", "tab\there", "-", "- item", "? q", "[a]", "{a}", "&a",
    "*a", "!tag", "%x", "@x", "`x", "|", ">", "'", '"', "a\x85b", "\ufeffbom",
]
VALUES = TEXTS + [0, 2.5, -3, True, False, None, ["BE", "NL"], ["a, b", "c"],
                  {"nl": "a, b", "en": "c"}, [{"source": "s", "locator": "slide 4"}],
                  {"start": "2019", "end": "2021-06"}, {"2019": "year"}, {"no": 1}]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_a_value_reads_back_as_itself(value):
    written = quote.flow(value)
    loaded = load_text(f"k: {written}\n", "x")
    assert loaded.problems == [] and loaded.data == {"k": value}, written


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_a_value_reads_back_inside_brackets(value):
    written = quote.flow(value, inside=True)
    loaded = load_text(f"k: [{written}]\n", "x")
    assert loaded.problems == [] and loaded.data == {"k": [value]}, written


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_what_is_written_is_the_standard_layout(value):
    """The field reference, new and the messages write a value as make fmt
    writes it: fmt leaves it as it is."""
    text = f"k: {quote.flow(value)}\n"
    assert canonical_text(text) == text


@pytest.mark.parametrize("text", TEXTS, ids=repr)
def test_quoted_text_reads_back(text):
    written = quote.quoted(text)
    assert written[0] in "'\"" and "\n" not in written
    assert load_text(f"k: {written}\n", "x").data == {"k": text}


def test_single_quotes_where_nothing_then_needs_escaping():
    assert quote.quoted('say "hi"') == "'say \"hi\"'"
    assert quote.quoted("C:\\dir") == "'C:\\dir'"
    assert quote.quoted("it's \"x\"") == "'it''s \"x\"'"
    assert quote.quoted("plain") == '"plain"'
    assert quote.quoted("two\nlines") == '"two\\nlines"'  # one line, \n escaped
    assert quote.double_quoted("a\u2028b") == '"a\\u2028b"'


def test_what_looks_like_a_number_or_a_date_is_quoted():
    for text in ("2019", "2019-07", "2026-11-23", "--02-02", "09 266 30 42", "12", "1e3"):
        assert quote.scalar(text) == json.dumps(text), text
    for text in ("NO", "yes", "on", "null", "~", "true"):
        assert quote.scalar(text) == f'"{text}"', text
    assert quote.scalar("Coördinator") == "Coördinator"
    assert quote.scalar("x, y") == "x, y" and quote.scalar("x, y", flow=True) == '"x, y"'


def test_the_messages_quote_a_cut_text_that_reads_back():
    cut = messages.quoted("a" * 200, limit=10)
    assert cut == '"' + "a" * 9 + '…"'
    # a text over several lines used to be written with its line breaks inside
    # the quotes, which YAML reads back as spaces
    written = messages.quoted("one: two\nthree")
    assert load_text(f"k: {written}\n", "x").data == {"k": "one: two\nthree"}


def test_every_example_of_the_schema_is_written_in_the_standard_layout():
    schema = json.loads((ROOT / "schema" / "directory.schema.json").read_text(encoding="utf-8"))
    found = [example for node in nodes_with_examples(schema) for example in node["examples"]]
    assert len(found) > 50
    for example in found:
        text = f"k: {quote.flow(example)}\n"
        assert load_text(text, "x").data == {"k": example}
        assert canonical_text(text) == text, text
