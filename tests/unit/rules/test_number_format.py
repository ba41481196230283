"""Amounts, counts and ages mean what the editor meant.

A Dutch or Danish editor writes 290.000 for two hundred and ninety thousand;
YAML reads 290. The number-format rule decides from the text as written (kept
by the loader), and a text in a number field gets, in its schema message,
what to write instead.
"""
from __future__ import annotations

import pytest

from directory.validate import validate
from directory.validate.rules import number_format

from .cases import VALID, example_lines

AGES = "target_group: {age_min: 0, age_max: 3}"


def checked(data_folder, amount: str, ages: str = "age_min: 0, age_max: 3") -> list[str]:
    text = VALID.replace(AGES, "target_group: {" + ages + "}\n    funding:\n      - amount: "
                         + amount + "\n        currency: EUR")
    data_folder("programmes.yaml", text)
    return [p.format() for p in validate("data").problems]


AMOUNT = "data/programmes.yaml:19:17: error: programmes[1].funding[0].amount: "


def test_example():
    assert example_lines("number-format") == [
        "data/programmes.yaml:8:17: error: programmes[0].funding[0].amount: '290.000' is read as 290: a dot is a "
        "decimal point in a data file; write amount: 290000 (digits only; no thousands separator) [number-format]"]


@pytest.mark.parametrize("amount,message", [
    ("290.000", "'290.000' is read as 290: a dot is a decimal point in a data file; write amount: "
                "290000 (digits only; no thousands separator) [number-format]"),
    ("1.250", "'1.250' is read as 1.25: a dot is a decimal point in a data file; write amount: 1250 "
              "(digits only; no thousands separator) [number-format]"),
    ("1.5e+6", "'1.5e+6' is scientific notation, which readers of the file may not know; write "
               "amount: 1500000 (digits only) [number-format]"),
    ("0x1F", "'0x1F' is read as 31 (a number in another base); write amount: 31 (digits only) "
             "[number-format]"),
])

def test_a_number_written_as_a_dutch_or_danish_reader_reads_it_otherwise(data_folder, amount, message):
    assert checked(data_folder, amount) == [AMOUNT + message]


@pytest.mark.parametrize("amount,advice", [
    ("'€ 290.000'", "'€ 290.000'; write amount: 290000 (digits only; no thousands separator; the "
                    "currency goes in currency: EUR)"),
    ("290,000", "'290,000'; write amount: 290000 (digits only; no thousands separator), or amount: "
                "290 if the comma is a decimal comma"),
    ("1.250.000", "'1.250.000'; write amount: 1250000 (digits only; no thousands separator)"),
    ("73,7 mio", "'73,7 mio'; write amount: 73700000 (digits only; no words)"),
    ("1.5 million", "'1.5 million'; write amount: 1500000 (digits only; no words)"),
    ("DKK 73,7 mio.", "'DKK 73,7 mio.'; write amount: 73700000 (digits only; no words; the "
                      "currency goes in currency: DKK)"),
    ("lots", "'lots'; write a number in digits only, as in amount: 250000"),
])
def test_a_text_in_an_amount_says_what_to_write(data_folder, amount, advice):
    assert checked(data_folder, amount) == [f"{AMOUNT}expected a number, found the text {advice} [schema]"]


def test_ages_written_as_a_range_or_with_words(data_folder):
    assert checked(data_folder, "250000", "age_min: '0-3', age_max: 3 jaar") == [
        "data/programmes.yaml:17:29: error: programmes[1].target_group.age_min: expected a number, "
        "found the text '0-3'; write age_min: 0 and age_max: 3 (a range is two fields) [schema]",
        "data/programmes.yaml:17:45: error: programmes[1].target_group.age_max: expected a number, "
        "found the text '3 jaar'; write age_max: 3 (digits only; no words) [schema]",
    ]
    assert checked(data_folder, "250000", "age_min: 017, age_max: 1:30") == [
        "data/programmes.yaml:17:29: error: programmes[1].target_group.age_min: '017' is read as 15 "
        "(a number that starts with 0 is read in base 8); write age_min: 17 (digits only, without "
        "the leading 0) [number-format]",
        "data/programmes.yaml:17:43: error: programmes[1].target_group.age_max: '1:30' is read as 90 "
        "(YAML reads digits with colons in base 60); write age_max in digits only [number-format]",
    ]


@pytest.mark.parametrize("amount,ages", [
    ("250000", "age_min: 0, age_max: 3"),
    ("250000.50", "age_min: 0.5, age_max: 2.5"),
    ("1_000", "age_min: 0, age_max: 12"),
])
def test_numbers_every_reader_reads_alike_pass(data_folder, amount, ages):
    assert checked(data_folder, amount, ages) == []


def test_every_other_type_message_says_what_to_write_with_the_fields_example(data_folder):
    text = VALID.replace("    name: {nl: Pijler}\n", "    name: Pijler\n    countries: BE\n"
                         "    target_group:\n      prenatal: ja\n", 1)
    text = text.replace("    period: {start: \"2018\", end: \"2021\"}\n    target_group: {age_min: 0, age_max: 3}\n", "")
    text = text.replace("      - source: ocmw-gent-kinderarmoede-2014\n    last_reviewed: \"2026-11-23\"\n  - id: pillar",
                        "      - {source: ocmw-gent-kinderarmoede-2014, locator: 12}\n    last_reviewed: \"2026-11-23\"\n  - id: pillar")
    data_folder("programmes.yaml", text)
    assert [p.format() for p in validate("data").problems] == [
        "data/programmes.yaml:8:57: error: programmes[0].sources[0].locator: expected a text, found "
        "the number 12; put the value in quotes to make it text, as in locator: \"section 2\"; "
        "allowed: a non-empty text [schema]",
        "data/programmes.yaml:14:11: error: programmes[1].name: expected a mapping of fields, found "
        "the text 'Pijler'; write its fields, as in name: {nl: Voorbeeldprogramma, en: Example "
        "programme}; allowed: a mapping of language code to text, e.g. {nl: ..., en: ...} [schema]",
        "data/programmes.yaml:15:16: error: programmes[1].countries: expected a list, found the text "
        "'BE'; write a list in brackets: countries: [BE] [schema]",
        "data/programmes.yaml:17:17: error: programmes[1].target_group.prenatal: expected true or "
        "false, found the text 'ja'; write true or false, as in prenatal: true [schema]",
    ]


def test_the_number_fields_come_from_the_schema():
    fields = number_format.FIELDS
    assert {("target_group", "age_min"), ("target_group", "age_max"),
            ("funding", "*", "amount")} <= set(fields["programme"])
