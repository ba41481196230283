"""The derived rule: a note under derived says what a value is derived from, and only for a
value the record gives."""
from __future__ import annotations

from test_stated_values import DERIVED, organisation, problems

from .cases import example_lines


def test_example():
    assert example_lines("derived") == [
        "data/programmes.yaml:9:7: error: programmes[0].derived.countries: derived.countries says what the "
        "countries are derived from, but the record gives no countries; give them, or remove derived.countries "
        "[derived]"]


def test_derived_values_with_their_fact_are_valid(data_folder):
    assert problems(data_folder, DERIVED) == []
    assert organisation(data_folder, 'countries: [BE]\n    derived: {countries: {en: "Gent, in its name"}}') == []


def test_a_derived_note_needs_its_value(data_folder):
    text = (DERIVED.replace("    countries: [BE]\n", "")
            .replace("      regions: {en:", "      status: {en: the source}\n      period: {en: the funds}\n"
                     "      regions: {en:"))
    text = text.replace("    sources:", "    period: {note: {en: For some years.}}\n    sources:")
    assert problems(data_folder, text) == [
        "data/programmes.yaml:10:7: error: programmes[0].derived.countries: derived.countries says what the "
        "countries are derived from, but the record gives no countries; give them, or remove "
        "derived.countries [derived]",
        "data/programmes.yaml:11:7: error: programmes[0].derived.status: derived.status says what the "
        "status is derived from, but the record gives no status; give it, or remove derived.status [derived]",
        "data/programmes.yaml:12:7: error: programmes[0].derived.period: derived.period says what the "
        "period is derived from, but the record's period has no start or end; give them, or remove "
        "derived.period [derived]",
    ]
