"""The iso-codes rule: countries, regions, currencies and languages are real ISO codes."""
from __future__ import annotations

from .cases import example_lines, problems, with_changes


def test_example():
    assert example_lines("iso-codes") == [
        "data/programmes.yaml:7:42: error: programmes[0].funding[0].currency: 'EUX' is not an ISO 4217 currency "
        "code (such as EUR, DKK) [iso-codes]"]


def test_codes(data_folder):
    text = with_changes(("    kind: pillar\n", "    kind: pillar\n    countries: [XX]\n    funding:\n"
                                             "      - {amount: 5, currency: EUX}\n"))
    out = problems(data_folder, text)
    assert out == [
        "data/programmes.yaml:12:17: error: programmes[1].countries[0]: unknown country 'XX'; allowed: BE, DK, "
        "NL [vocabulary]",
        "data/programmes.yaml:14:31: error: programmes[1].funding[0].currency: 'EUX' is not an ISO 4217 "
        "currency code (such as EUR, DKK) [iso-codes]",
    ]


def test_language_keys_are_iso_codes(data_folder):
    out = problems(data_folder, with_changes(("name: {nl: Pijler}", "name: {nl: Pijler, xx: Pillar}")))
    assert out == ["data/programmes.yaml:14:24: error: programmes[1].name.xx: 'xx' is not an ISO 639-1 "
                   "language code (such as nl, da, en) [iso-codes]"]


def test_real_codes_are_clean(data_folder):
    text = with_changes(("    kind: pillar\n", "    kind: pillar\n    countries: [BE]\n    funding:\n"
                                              "      - {amount: 5, currency: DKK}\n"),
                        ("name: {nl: Pijler}", "name: {nl: Pijler, da: Søjle, en: Pillar}"))
    assert problems(data_folder, text) == []
