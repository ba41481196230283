"""The rules' examples, checked: what ``make check`` writes about each rule's example.

Each rule has an example beside it: ``rules/examples/<rule id>/`` holds the
files of a small mistake the rule reports, by their path in a repository
(``data/programmes.yaml``). :func:`run_example` copies them into a temporary
folder over the supporting files of ``rules/examples/background/`` (the
vocabularies, an organisation and a source the examples may refer to; an
example's file of the same path takes the place of one), with the schema for
editors as ``make schema`` writes it for the background, checks the data
folder as ``make check`` does, on the day :data:`DAY`, and returns what the
rule reports. The Rules page shows these messages, so the page cannot say
what the check no longer writes; a test holds each one.

An example breaks its rule and nothing else: a problem of the schema or of
another rule, or no problem of its own, is an ExampleError (a mistake in the
code, which the tests find, never in the editors' data).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from ..problems import Problem

EXAMPLES = Path(__file__).parent / "rules" / "examples"
BACKGROUND = "background"  # the folder of the supporting files, beside one a rule

# the day the examples are checked on: the page says the same on any day it is built
DAY = dt.date(2026, 11, 23)


class ExampleError(ValueError):
    """A rule's example that does not show the rule, and only it."""


@dataclass(frozen=True)
class Example:
    rule: ModuleType
    files: dict[str, str]  # the example's own files: path -> text
    problems: list[Problem]  # what the rule reports about them

    @property
    def lines(self) -> list[str]:
        return [p.format() for p in self.problems]


def _files(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(folder.rglob("*")) if path.is_file()}


def background() -> dict[str, str]:
    """The supporting files every example sits beside: path -> text."""
    return _files(EXAMPLES / BACKGROUND)


def example_files(rule: ModuleType) -> dict[str, str]:
    """The files of the rule's example: path -> text."""
    return _files(EXAMPLES / rule.ID)


def run_example(rule: ModuleType, files: dict[str, str] | None = None) -> Example:
    """Check the rule's example (or ``files`` in its place); the problems it
    gives, all of them the rule's."""
    from ..load import display_path
    from ..schema import editor
    from . import validate

    files = example_files(rule) if files is None else files
    if not files:
        raise ExampleError(f"rule {rule.ID} has no example: add the files of a mistake it reports "
                           f"to {EXAMPLES.name}/{rule.ID}/")
    with tempfile.TemporaryDirectory(prefix="rule-example-") as tmp:
        root = Path(tmp).resolve()
        _write(root, background())
        _write(root, {f"schema/{editor.EDITOR_SCHEMA_PATH.name}":
                      editor.for_context(validate(root / "data", today=DAY).context)})
        _write(root, files)
        found = validate(root / "data", today=DAY).problems
        # messages name files by their display path: from the temporary folder
        prefix = os.path.join(display_path(root), "")
        found = [dataclasses.replace(p, path=p.path.removeprefix(prefix), message=p.message.replace(prefix, ""))
                 for p in found]
    others = [p.format() for p in found if p.rule != rule.ID]
    if others:
        raise ExampleError(f"the example of rule {rule.ID} breaks other rules too: " + "; ".join(others))
    if not found:
        raise ExampleError(f"the example of rule {rule.ID} passes the check: it shows no message")
    return Example(rule, files, found)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = (root / name).resolve()
        if not path.is_relative_to(root):
            raise ExampleError(f"the example's file {name} lies outside its folder")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
