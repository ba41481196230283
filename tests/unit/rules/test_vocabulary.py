"""The vocabulary rule: a coded field takes a term of its vocabulary, and every vocabulary is there."""
from __future__ import annotations

from .cases import VALID, example_lines, problems, with_changes


def test_example():
    assert example_lines("vocabulary") == [
        "data/programmes.yaml:7:14: error: programmes[0].themes[0]: unknown theme 'foster-kare'; did you mean "
        "'foster-care'? allowed: child-poverty, foster-care [vocabulary]"]


def test_unknown_vocabulary_value(data_folder):
    out = problems(data_folder, with_changes(("kind: pillar", "kind: piller")))
    assert out == ["data/programmes.yaml:11:11: error: programmes[1].kind: unknown kind 'piller'; did you "
                   "mean 'pillar'? allowed: action, action-plan, course, initiative, module, pillar, pilot, "
                   "programme, strand [vocabulary]"]


def test_each_vocabulary_names_its_terms(data_folder):
    text = with_changes(("    kind: pillar\n", "    kind: pillar\n    evaluation: {status: late}\n"
                                             "    organisations: [{id: ocmw-gent, role: leader}]\n"
                                             "    target_group: {who: [kids]}\n"),
                        ("    target_group: {age_min: 0, age_max: 3}\n", ""))
    out = problems(data_folder, text)
    assert [o.split(": ", 3)[3].split(";")[0] for o in out] == [
        "unknown evaluation status 'late'", "unknown organisation role 'leader'", "unknown target group 'kids'"]


def test_no_vocabularies_at_all(data_folder):
    (data_folder.folder / "vocabularies.yaml").unlink()
    out = problems(data_folder, VALID)
    assert out[0] == ("data/organisations.yaml:5:1: error: (file): no vocabularies found in the data folder; add a "
                      "file with a 'vocabularies:' mapping (see data/vocabularies.yaml) [vocabulary]")


def test_a_missing_vocabulary(data_folder):
    vocab = (data_folder.folder / "vocabularies.yaml").read_text(encoding="utf-8")
    start, end = vocab.index("  scopes:\n"), vocab.index("  languages:\n")
    data_folder("vocabularies.yaml", vocab[:start] + vocab[end:])
    assert problems(data_folder, VALID) == [
        "data/vocabularies.yaml:8:5: error: vocabularies.kinds: vocabulary 'scopes' is missing; add it with "
        "its terms [vocabulary]"]


def test_terms_of_the_vocabularies_are_clean(data_folder):
    text = with_changes(("    kind: pillar\n", "    kind: pillar\n    themes: [foster-care]\n    scope: local\n"))
    assert problems(data_folder, text) == []
