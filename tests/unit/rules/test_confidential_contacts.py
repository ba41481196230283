"""The confidential-contacts rule: nothing marked confidential is in the data."""
from __future__ import annotations

from .cases import VALID, example_lines, problems, with_changes
from support import DATA, dedent


def test_example():
    assert example_lines("confidential-contacts") == [
        "data/contacts.yaml:6:19: error: contacts[0].confidential: a contact marked confidential must not be in the "
        "data; remove the whole record [confidential-contacts]"]


def test_a_confidential_contact(data_folder):
    contacts = (DATA / "contacts.yaml").read_text()
    contacts = contacts.replace("    name: Sylvia Lis\n", "    name: Sylvia Lis\n    confidential: true\n")
    out = problems(data_folder, with_changes(("    kind: pillar\n", "    kind: pillar\n    replaced_by: plan\n")),
                   **{"contacts.yaml": contacts})
    assert "error: contacts[2].confidential: a contact marked confidential must not be in the data; remove " \
           "the whole record [confidential-contacts]" in "\n".join(out)
    line = contacts.splitlines().index("    confidential: true") + 1
    assert f"data/contacts.yaml:{line}:19: error: contacts[2].confidential: a contact marked confidential must " \
           "not be in the data; remove the whole record [confidential-contacts]" in out


def test_a_contact_not_marked_confidential_is_clean(data_folder):
    contacts = dedent("""\
        contacts:
          - id: someone
            organisation: ocmw-gent
            source: {source: ocmw-gent-kinderarmoede-2014}
            confidential: false
        """)
    out = problems(data_folder, VALID, **{"contacts.yaml": contacts})
    assert [line for line in out if "[confidential-contacts]" in line] == []
