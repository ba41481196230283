"""The vocabulary-terms rule: a vocabulary is defined once, its ids are unique, its terms
labelled in English, and its links to other vocabularies hold."""
from __future__ import annotations

from .cases import VALID, example_lines, problems


def test_example():
    assert example_lines("vocabulary-terms") == [
        "data/countries.yaml:6:12: error: vocabularies.regions[0].id: region 'BE-VLG' does not lie in country "
        "'DK'; its code must start with 'DK-' [vocabulary-terms]",
        "data/countries.yaml:6:27: error: vocabularies.regions[0].label: an English label (en) is required "
        "[vocabulary-terms]",
    ]


def test_vocabulary_terms_and_codes(data_folder):
    vocab = (data_folder.folder / "vocabularies.yaml").read_text(encoding="utf-8")
    vocab = vocab.replace("    - id: DK\n", "    - id: XX\n      label: {nl: X, da: X}\n    - id: DK\n", 1)
    vocab = vocab.replace("Region Sjælland}\n      country: DK\n", "Region Sjælland}\n      country: BE\n", 1)
    vocab = vocab.replace("    - id: group\n", "    - id: office\n", 1)
    out = problems(data_folder, VALID, **{"vocabularies.yaml": vocab})
    assert [o for o in out if "vocabularies.yaml" in o] == [
        "data/vocabularies.yaml:107:11: error: vocabularies.settings[6].id: 'office' is defined twice in "
        "'settings'; keep one [vocabulary-terms]",
        "data/vocabularies.yaml:188:11: error: vocabularies.countries[2].id: 'XX' is not an ISO 3166-1 alpha-2 "
        "country code [iso-codes]",
        "data/vocabularies.yaml:189:14: error: vocabularies.countries[2].label: an English label (en) is "
        "required [vocabulary-terms]",
        "data/vocabularies.yaml:205:11: error: vocabularies.regions[3].id: region 'DK-85' does not lie in "
        "country 'BE'; its code must start with 'BE-' [vocabulary-terms]",
    ]


def test_a_vocabulary_defined_twice(data_folder):
    data_folder("extra.yaml", "vocabularies:\n  themes:\n    - {id: a, label: {en: A, nl: A, da: A}}\n")
    out = problems(data_folder, VALID)
    assert out == ["data/vocabularies.yaml:54:3: error: vocabularies.themes: vocabulary 'themes' is already "
                   "defined in data/extra.yaml; define it once [vocabulary-terms]"]


def test_parents_and_regions_name_known_terms(data_folder):
    vocab = (data_folder.folder / "vocabularies.yaml").read_text(encoding="utf-8")
    vocab = vocab.replace("      parents: [course]\n", "      parents: [cours]\n", 1)
    vocab = vocab.replace("Region Sjælland}\n      country: DK\n", "Region Sjælland}\n      country: DE\n", 1)
    out = problems(data_folder, VALID, **{"vocabularies.yaml": vocab})
    assert [o for o in out if "[vocabulary-terms]" in o] == [
        "data/vocabularies.yaml:52:17: error: vocabularies.kinds[8].parents[0]: 'cours' is not a kind; parents "
        "must be kinds [vocabulary-terms]",
        "data/vocabularies.yaml:203:11: error: vocabularies.regions[3].id: region 'DK-85' does not lie in "
        "country 'DE'; its code must start with 'DE-' [vocabulary-terms]",
        "data/vocabularies.yaml:205:16: error: vocabularies.regions[3].country: country 'DE' is not in the "
        "countries vocabulary [vocabulary-terms]",
    ]


def test_the_real_vocabularies_are_clean(data_folder):
    assert [o for o in problems(data_folder, VALID) if "[vocabulary-terms]" in o] == []
