"""The original-language rule: a record's name (and a programme's summary and description)
carries a text in its original language."""
from __future__ import annotations

from .cases import example_lines, problems, with_changes


def test_example():
    assert example_lines("original-language") == [
        "data/programmes.yaml:5:11: error: programmes[0].name: no text in the original language 'nl'; add 'nl:' "
        "with the text as the source gives it (found: en) [original-language]"]


def test_original_language_and_english_summary(data_folder):
    out = problems(data_folder, with_changes(("{nl: Een pijler., en: A pillar.}", "{nl: Een pijler.}"),
                                             ("name: {nl: Pijler}", "name: {en: Pillar}")))
    assert out == [
        "data/programmes.yaml:14:11: error: programmes[1].name: no text in the original language 'nl'; add "
        "'nl:' with the text as the source gives it (found: en) [original-language]",
        "data/programmes.yaml:15:14: warning: programmes[1].summary: no English summary; add 'en:' with one "
        "or two sentences written from the source [english-summary]",
    ]


def test_a_description_without_the_original_language(data_folder):
    text = with_changes(("    kind: pillar\n", "    kind: pillar\n    description: {en: A pillar.}\n"))
    assert problems(data_folder, text) == [
        "data/programmes.yaml:12:18: error: programmes[1].description: no text in the original language 'nl'; "
        "add 'nl:' with the text as the source gives it (found: en) [original-language]"]


def test_texts_in_the_original_language_and_others_are_clean(data_folder):
    text = with_changes(("name: {nl: Pijler}", "name: {nl: Pijler, en: Pillar, da: Søjle}"))
    assert problems(data_folder, text) == []
