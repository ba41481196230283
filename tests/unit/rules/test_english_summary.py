"""The english-summary rule: every programme has an English summary (a warning)."""
from __future__ import annotations

from .cases import VALID, example_lines, problems, with_changes


def test_example():
    assert example_lines("english-summary") == [
        "data/programmes.yaml:6:14: warning: programmes[0].summary: no English summary; add 'en:' with one or two "
        "sentences written from the source [english-summary]"]


def test_a_summary_without_english(data_folder):
    out = problems(data_folder, with_changes(("{nl: Een pijler., en: A pillar.}", "{nl: Een pijler.}")))
    assert out == ["data/programmes.yaml:15:14: warning: programmes[1].summary: no English summary; add 'en:' "
                   "with one or two sentences written from the source [english-summary]"]


def test_an_english_summary_is_clean(data_folder):
    assert problems(data_folder, VALID) == []
