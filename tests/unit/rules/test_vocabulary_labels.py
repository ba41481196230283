"""The vocabulary-labels rule: every term is labelled (and a kind's plural and
a term's description written) in English, Dutch and Danish; countries and
regions may leave out what the CLDR (Babel) or pycountry names."""
from __future__ import annotations

from directory import model
from directory.validate import validate

from .cases import VALID, example_lines, problems


def test_example():
    assert example_lines("vocabulary-labels") == [
        "data/countries.yaml:10:27: error: vocabularies.regions[1].label: the label has no Danish (da) text, and "
        "pycountry knows no Danish name of 'BE-BRU'; add da: with the label in Danish [vocabulary-labels]",
    ]


def _vocabularies(data_folder, *changes: tuple[str, str]) -> list[str]:
    vocab = (data_folder.folder / "vocabularies.yaml").read_text(encoding="utf-8")
    for old, new in changes:
        assert old in vocab, old
        vocab = vocab.replace(old, new, 1)
    return [o for o in problems(data_folder, VALID, **{"vocabularies.yaml": vocab}) if "[vocabulary-labels]" in o]


def test_a_term_without_dutch_or_danish(data_folder):
    assert _vocabularies(
        data_folder,
        ("label: {en: Foster care, nl: Pleegzorg, da: Plejefamilier}", "label: {en: Foster care, da: Plejefamilier}"),
        ("label: {en: Residential care, nl: Residentiële zorg, da: Døgnophold}", "label: {en: Residential care}"),
        ("plural: {en: Pillars, nl: Pijlers, da: Søjler}", "plural: {en: Pillars, nl: Pijlers, da: ''}"),
    ) == [
        "data/vocabularies.yaml:35:15: error: vocabularies.kinds[5].plural: the plural has no Danish (da) text; "
        "add da: with the plural in Danish [vocabulary-labels]",
        "data/vocabularies.yaml:62:14: error: vocabularies.themes[3].label: the label has no Dutch (nl) text; "
        "add nl: with the label in Dutch [vocabulary-labels]",
        "data/vocabularies.yaml:64:14: error: vocabularies.themes[4].label: the label has no Dutch (nl) or "
        "Danish (da) text; add nl: and da: with the label in Dutch and Danish [vocabulary-labels]",
    ]


def test_a_description_in_english_only(data_folder):
    assert _vocabularies(data_folder, (
        "description: {en: A module of a course., nl: Een module van een cursus., da: Et modul i et forløb.}",
        "description: {en: A module of a course.}")) == [
        "data/vocabularies.yaml:51:20: error: vocabularies.kinds[8].description: the description has no Dutch "
        "(nl) or Danish (da) text; add nl: and da: with the description in Dutch and Danish [vocabulary-labels]",
    ]


def test_countries_and_regions_take_the_libraries_names(data_folder):
    """Babel names Belgium in Dutch and Danish, pycountry East Flanders in Danish
    (Østflandern) and Dutch (Oost-Vlaanderen); the page shows those names."""
    assert _vocabularies(
        data_folder,
        ("label: {en: Belgium, nl: België, da: Belgien}", "label: {en: Belgium}"),
        ("label: {en: East Flanders, nl: Oost-Vlaanderen, da: Østflandern}", "label: {en: East Flanders}"),
    ) == []
    result = validate("data")
    vocab = model.build(result.context).vocab
    assert [vocab.label("countries", "BE", lang) for lang in ("en", "nl", "da")] == ["Belgium", "België", "Belgien"]
    assert [vocab.label("regions", "BE-VOV", lang) for lang in ("en", "nl", "da")] == [
        "East Flanders", "Oost-Vlaanderen", "Østflandern"]


def test_a_label_written_in_the_data_wins(data_folder):
    _vocabularies(data_folder)
    vocab = model.build(validate("data").context).vocab
    # pycountry's Dutch name of DK-85 is 'Seeland'; the data writes 'Regio Seeland'
    assert vocab.label("regions", "DK-85", "nl") == "Regio Seeland"


def test_a_region_no_library_names(data_folder):
    """pycountry names the Brussels-Capital Region in Dutch, not in Danish."""
    assert _vocabularies(data_folder, (
        "    - id: DK-85\n", "    - id: BE-BRU\n      label: {en: Brussels}\n      country: BE\n    - id: DK-85\n"
    )) == [
        "data/vocabularies.yaml:204:14: error: vocabularies.regions[3].label: the label has no Danish (da) text, "
        "and pycountry knows no Danish name of 'BE-BRU'; add da: with the label in Danish [vocabulary-labels]",
    ]


def test_the_real_vocabularies_are_clean(data_folder):
    assert _vocabularies(data_folder) == []
