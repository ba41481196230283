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
