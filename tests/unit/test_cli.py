"""`python -m directory check`: exit status and output for editors, never a traceback."""
import json
import os
import subprocess
import sys

import pytest

from support import ROOT


def check(folder, *args):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "directory", "check", str(folder), *args],
                          capture_output=True, text=True, env=env)


def test_valid_data_exits_0(data_folder):
    data_folder("programmes.yaml", "programmes: []\n")
    out = check("data")
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.endswith("records, no problems\n")


@pytest.mark.parametrize("content", [
    b"", b"\x00\x01\x02binary", b"\xff\xfe\x00a", b"programmes: [", b"programmes: 5\n", b"- a\n- b\n",
    b"programmes:\n  - 1\n  - [2]\n  - {id: {x: 1}}\n", b"\"unterminated", b"programmes:\n\t- id: x\n",
    b"programmes: !!binary aGVsbG8=\n", b"? [a, b]\n: c\n", b"programmes:\n  - &a {id: x, parent: *a}\n",
    b"programmes:\n  - id: x\n    kind: 0x_\n", b"programmes:\n  - {id: x, kind: 0o_, age: 1e99999}\n",
])
def test_any_content_gives_messages_not_tracebacks(data_folder, content):
    data_folder("programmes.yaml", content)
    out = check("data")
    assert out.returncode == 1
    assert "Traceback" not in out.stderr + out.stdout
    assert out.stdout.startswith("data/programmes.yaml:")
    for line in out.stdout.splitlines():
        assert line.startswith("data/programmes.yaml:") and ": error: " in line, line


def test_formats(data_folder):
    data_folder("programmes.yaml", "programmes:\n  - id: X\n")
    text = check("data", "--format", "text").stdout.splitlines()
    gh = check("data", "--format", "github").stdout.splitlines()
    js = json.loads(check("data", "--format", "json").stdout)
    assert text[0].startswith("data/programmes.yaml:2:5: error: programmes[0]: required field 'kind' is missing")
    assert gh[0].startswith("::error file=data/programmes.yaml,line=2,col=5,title=schema::programmes[0]: "
                            "required field 'kind' is missing")
    assert js[0]["line"] == 2 and js[0]["level"] == "error" and js[0]["rule"] == "schema"
    assert len(text) == len(gh) == len(js)


WARNINGS_ONLY = """\
programmes:
  - id: plan
    kind: action-plan
    original_language: nl
    name: {nl: Actieplan}
    summary: {nl: Een plan.}
    sources:
      - source: ocmw-gent-kinderarmoede-2014
    last_reviewed: "2025-11-22"
"""

OLD_CONTACT = """\
contacts:
  - id: someone
    name: Iemand
    organisation: ocmw-gent
    source:
      source: ocmw-gent-kinderarmoede-2014
"""

EXPECTED_WARNINGS = [
    "data/contacts.yaml:6:15: warning: contacts[0].source.source: the source "
    "'ocmw-gent-kinderarmoede-2014' is dated 2014-05-06, more than 24 months ago; cite a newer "
    "publication of this contact or remove the contact [contact-age]",
    "data/programmes.yaml:6:14: warning: programmes[0].summary: no English summary; add 'en:' with "
    "one or two sentences written from the source [english-summary]",
    "data/programmes.yaml:9:20: warning: programmes[0].last_reviewed: last reviewed 2025-11-22, more "
    "than 12 months ago (due 2026-11-22); check the record against its sources and set "
    "last_reviewed to the day you did [review-due]",
]


def test_warnings_are_listed_sorted_and_do_not_block(data_folder):
    data_folder("programmes.yaml", WARNINGS_ONLY)
    data_folder("contacts.yaml", OLD_CONTACT)
    out = check("data", "--format", "text")
    assert out.returncode == 0
    assert out.stdout.splitlines() == EXPECTED_WARNINGS
    assert out.stderr == "data: 0 errors, 3 warnings\n"


def test_a_record_reviewed_exactly_twelve_months_ago_is_not_yet_due(data_folder):
    data_folder("programmes.yaml", WARNINGS_ONLY.replace("2025-11-22", "2025-11-23")
                .replace("{nl: Een plan.}", "{nl: Een plan., en: A plan.}"))
    out = check("data")
    assert out.returncode == 0 and out.stdout.endswith("records, no problems\n"), out.stdout


def test_errors_block_and_come_with_the_warnings_in_file_and_line_order(data_folder):
    data_folder("programmes.yaml", WARNINGS_ONLY.replace("kind: action-plan", "kind: actionplan"))
    data_folder("contacts.yaml", OLD_CONTACT)
    out = check("data")
    assert out.returncode == 1
    assert out.stdout.splitlines() == [
        EXPECTED_WARNINGS[0],
        "data/programmes.yaml:3:11: error: programmes[0].kind: unknown kind 'actionplan'; did you "
        "mean 'action-plan'? allowed: action, action-plan, course, initiative, module, pillar, "
        "pilot, programme, strand [vocabulary]",
        *EXPECTED_WARNINGS[1:],
    ]
    assert out.stderr == "data: 1 error, 3 warnings\n"


def test_github_annotations_are_chosen_under_github_actions(data_folder):
    data_folder("programmes.yaml", WARNINGS_ONLY)
    data_folder("contacts.yaml", OLD_CONTACT)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"), GITHUB_ACTIONS="true")
    out = subprocess.run([sys.executable, "-m", "directory", "check", "data"],
                         capture_output=True, text=True, env=env)
    assert out.returncode == 0
    assert out.stdout.splitlines() == [
        "::warning file=data/contacts.yaml,line=6,col=15,title=contact-age::contacts[0].source.source: "
        "the source 'ocmw-gent-kinderarmoede-2014' is dated 2014-05-06, more than 24 months ago; cite "
        "a newer publication of this contact or remove the contact",
        "::warning file=data/programmes.yaml,line=6,col=14,title=english-summary::programmes[0].summary: "
        "no English summary; add 'en:' with one or two sentences written from the source",
        "::warning file=data/programmes.yaml,line=9,col=20,title=review-due::programmes[0].last_reviewed: "
        "last reviewed 2025-11-22, more than 12 months ago (due 2026-11-22); check the record against "
        "its sources and set last_reviewed to the day you did",
    ]


def test_json_output_carries_every_field(data_folder):
    data_folder("programmes.yaml", WARNINGS_ONLY)
    out = check("data", "--format", "json")
    assert json.loads(out.stdout)[1] == {
        "path": "data/programmes.yaml", "line": 9, "col": 20, "level": "warning",
        "field": "programmes[0].last_reviewed",
        "message": "last reviewed 2025-11-22, more than 12 months ago (due 2026-11-22); check the "
                   "record against its sources and set last_reviewed to the day you did",
        "rule": "review-due",
    }


def test_github_annotation_escapes_what_would_end_the_command():
    from directory.problems import Problem

    p = Problem("data/a,b:c.yaml", 3, 4, "error", "x", "100% sure\nnext line", "rule")
    assert p.github() == "::error file=data/a%2Cb%3Ac.yaml,line=3,col=4,title=rule::x: 100%25 sure%0Anext line"
