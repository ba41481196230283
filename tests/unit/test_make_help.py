"""`make` alone, or `make help`: the commands in one screen, in the editor's
words, and only commands that exist."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from support import ROOT

EDITORS = ["check", "serve", "new", "fmt", "fmt-check", "build", "links", "test"]


def make(*args: str) -> subprocess.CompletedProcess:
    if shutil.which("make") is None:
        pytest.fail("make is missing")
    return subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), *args],
                          capture_output=True, text=True, timeout=60)


def targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w-]*)\s*:(?!=)", makefile, re.M))


def test_make_alone_is_help_and_fits_one_screen():
    alone, help_ = make(), make("help")
    assert alone.returncode == help_.returncode == 0, alone.stderr + help_.stderr
    assert alone.stdout == help_.stdout and alone.stderr == ""
    lines = help_.stdout.splitlines()
    assert len(lines) <= 24 and max(map(len, lines)) <= 80, "make help must fit a 80x24 terminal"
    assert "CONTRIBUTING.md" in help_.stdout


def test_help_lists_every_editors_command_and_only_real_ones():
    text = make("help").stdout
    listed = re.findall(r"^  make ([a-z][\w-]*)", text, re.M)
    assert listed == EDITORS
    more = [name.strip() for name in re.search(r"More: make ([^(]+)\(", text).group(1).split(",")]
    named = set(listed) | set(more)
    assert named <= targets(), f"make help names commands the Makefile lacks: {sorted(named - targets())}"
    assert "KIND=pilot ID=some-id" in text


def test_help_sets_nothing_up():
    """Help is for before anything is installed: it creates no .venv."""
    result = make("-n", "help")
    assert ".venv" not in result.stdout and "pip" not in result.stdout
