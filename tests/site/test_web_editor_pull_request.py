"""A pull request made in GitHub's web editor gets green checks and a preview.

The editor opens each data file on GitHub, appends a valid record at the end
(as CONTRIBUTING.md says: one empty line, then the record; one editor forgot
the empty line, another the line break at the end of the file) and never runs
`make fmt`. This test makes that change in a copy of the repository and runs,
step by step, what .github/workflows/checks.yml runs, read from the workflow
file: every `run:` step in the copy with the environment GitHub Actions gives
(GITHUB_ACTIONS, CI, GITHUB_STEP_SUMMARY, GITHUB_REPOSITORY), and the upload
step as a check that the preview folder is there. Setting up Python and Node
is what this machine has done already.

`make test` in the copy runs the whole suite once more, on the changed data,
except this test (DIRECTORY_SIMULATED_PR stops the recursion): a test that
pins the state of the real data would turn an editor's pull request red.
That is the cost of this test: a second run of the suite.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from support import ROOT

pytestmark = pytest.mark.site

GUARD = "DIRECTORY_SIMULATED_PR"
ARTIFACT_URL = "https://github.com/acme/welfare-directory/actions/runs/1/artifacts/2"
SKIP = {"actions/checkout", "actions/setup-python", "actions/setup-node"}  # this machine is set up
NOT_COPIED = {".git", ".venv", "node_modules", "site", "build", ".pytest_cache", "test-results",
              ".hypothesis", "__pycache__"}

# What the editor pastes at the end of each file, exactly as typed.
APPENDED = {
    "sources.yaml": """
  - id: pleegzorg-voorbeeld-bron
    title: Pleegzorg in de buurt
    publisher: opgroeien
    language: nl
    format: Web page
    date: "2026-10"
""",
    # ids out of alphabetical order, and no line break at the end of the file
    "organisations.yaml": """
  - id: pleegzorg-voorbeeld
    name: {nl: Pleegzorg Voorbeeld}
    original_language: nl
    summary:
      en: Foster care service in the example region.
    countries: [BE]
    sources:
      - {source: pleegzorg-voorbeeld-bron}
    last_reviewed: "2026-11-20\"""",
    # no empty line before the record; its source is from 2014, so the check
    # warns (contact-age), and a warning never blocks
    "contacts.yaml": """  - id: pleegzorg-voorbeeld-onthaal
    name: Onthaal Pleegzorg Voorbeeld
    organisation: pleegzorg-voorbeeld
    phone: "09 123 45 67"
    source:
      source: ocmw-gent-kinderarmoede-2014
      locator: slide 17
""",
    # a region at the end of the last vocabulary (the file's last list)
    "vocabularies.yaml": """    - id: BE-VAN
      label: {en: Antwerp, nl: Antwerpen, da: Antwerpen}
      country: BE
      within: BE-VLG
""",
    # single quotes where fmt writes double ones: a layout notice, nothing more
    "programmes.yaml": """
  - id: pleegzorg-voorbeeld-netwerk
    kind: pilot
    original_language: nl
    name:
      nl: "Netwerkpleegzorg: een proef"
      en: 'Network foster care: a pilot'
    summary:
      nl: Proef waarin pleeggezinnen elkaar steunen in een netwerk.
      en: Pilot in which foster families support each other in a network.
    countries: [BE]
    regions: [BE-VAN]
    scope: regional
    organisations:
      - {id: pleegzorg-voorbeeld, role: implementer}
    target_group:
      who: [foster-families]
    themes: [foster-care, family-based-care]
    contacts: [pleegzorg-voorbeeld-onthaal]
    sources:
      - {source: pleegzorg-voorbeeld-bron, locator: Netwerkpleegzorg}
    last_reviewed: "2026-11-20"
""",
}


def copy_repository(target: Path) -> None:
    shutil.copytree(ROOT, target, symlinks=True,
                    ignore=lambda folder, names: [n for n in names if n in NOT_COPIED])
    for shared in (".venv", "node_modules"):  # set up once; the copy's make finds them current
        (target / shared).symlink_to(ROOT / shared, target_is_directory=True)


def edit_in_the_web_editor(data: Path) -> None:
    for name, record in APPENDED.items():
        path = data / name
        text = path.read_text(encoding="utf-8")
        assert text.endswith("\n")
        path.write_text(text + record, encoding="utf-8", newline="\n")


def expression(value: str, outputs: dict[str, str]) -> str:
    """A `${{ ... }}` of the workflow, as GitHub would give it here."""
    def one(match: re.Match) -> str:
        inner = match.group(1).strip()
        if inner in outputs:
            return outputs[inner]
        raise AssertionError(f"the simulation does not know the expression {inner!r}; teach it")
    return re.sub(r"\$\{\{(.*?)\}\}", one, str(value))


def actions_environment(repo: Path, summary: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("MAKE", "MFLAGS", "PYTEST_", "GITHUB_"))}  # not this run's make and pytest
    env.update(GITHUB_ACTIONS="true", CI="true", GITHUB_STEP_SUMMARY=str(summary),
               GITHUB_REPOSITORY="acme/welfare-directory", GITHUB_SERVER_URL="https://github.com",
               GITHUB_WORKSPACE=str(repo), **{GUARD: "1"})
    env.pop("DIRECTORY_DATA", None)
    env.pop("PYTHONPATH", None)
    return env


@pytest.mark.skipif(os.environ.get(GUARD) == "1", reason="this run is the simulated pull request's own suite")
def test_a_pull_request_from_the_web_editor_is_green_and_gets_a_preview(tmp_path):
    repo = tmp_path / "repo"
    copy_repository(repo)
    edit_in_the_web_editor(repo / "data")
    summary = tmp_path / "summary.md"
    summary.touch()
    env = actions_environment(repo, summary)

    workflow = yaml.safe_load((repo / ".github" / "workflows" / "checks.yml").read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    outputs: dict[str, str] = {}
    logs: dict[str, str] = {}
    ran = []
    for step in job["steps"]:
        condition = step.get("if")
        assert condition in (None, "${{ !cancelled() }}"), f"the simulation does not know the condition {condition!r}"
        if "uses" in step:
            action = step["uses"].split("@")[0]
            if action in SKIP:
                continue
            assert action == "actions/upload-artifact", f"the simulation does not know {action}"
            preview = repo / step["with"]["path"]
            assert (preview / "README.txt").is_file() and (preview / "site" / "index.html").is_file()
            outputs[f"steps.{step['id']}.outputs.artifact-url"] = ARTIFACT_URL
            ran.append(step["with"]["name"])
            continue
        step_env = dict(env, **{k: expression(v, outputs) for k, v in (step.get("env") or {}).items()})
        result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=step_env,
                                capture_output=True, text=True, timeout=3600)
        logs[step["run"]] = result.stdout + result.stderr
        assert result.returncode == 0, (
            f"the step {step.get('name', step['run'])!r} failed on a pull request from the web editor:\n"
            + result.stdout[-6000:] + result.stderr[-6000:])
        ran.append(step["run"])

    assert ran == ["make check", "make fmt-check", "make build", "make preview", "site-preview",
                   'bash .github/preview/summary.sh >> "$GITHUB_STEP_SUMMARY"', "make test"]

    # the check: the contact's warning is an annotation at its line; no error
    contact_line = (repo / "data" / "contacts.yaml").read_text(encoding="utf-8").splitlines().index(
        "  - id: pleegzorg-voorbeeld-onthaal") + 1
    assert re.search(rf"^::warning file=data/contacts\.yaml,line={contact_line + 5},col=\d+,title=contact-age::",
                     logs["make check"], re.M), logs["make check"]
    assert "::error" not in logs["make check"]
    # the layout: notices at the file and line, never a failure
    layout = logs["make fmt-check"]
    assert re.search(rf"^::notice file=data/contacts\.yaml,line={contact_line - 1},endLine={contact_line - 1},"
                     r"title=Standard layout \(make fmt\)::make fmt adds an empty line after line "
                     rf"{contact_line - 1}$", layout, re.M), layout
    organisations = (repo / "data" / "organisations.yaml").read_text(encoding="utf-8").splitlines()
    assert re.search(rf"^::notice file=data/organisations\.yaml,line={len(organisations)},.*the file does not "
                     "end with a line break; make fmt adds one$", layout, re.M), layout
    quoted = (repo / "data" / "programmes.yaml").read_text(encoding="utf-8").splitlines().index(
        "      en: 'Network foster care: a pilot'") + 1
    assert (f"::notice file=data/programmes.yaml,line={quoted},endLine={quoted},title=Standard layout "
            f"(make fmt)::make fmt writes line {quoted} as:%0A      en: \"Network foster care: a pilot\"") in layout
    # the preview: the new records' pages, edit links to the repository, and how to view it
    preview = repo / "build" / "preview"
    page = (preview / "site" / "programmes" / "pleegzorg-voorbeeld-netwerk" / "index.html").read_text("utf-8")
    assert "Netwerkpleegzorg: een proef" in page
    assert "https://github.com/acme/welfare-directory/edit/main/data/programmes.yaml" in page
    assert (preview / "site" / "organisations" / "pleegzorg-voorbeeld" / "index.html").is_file()
    assert "python3 -m http.server --directory site 8000" in (preview / "README.txt").read_text("utf-8")
    written = summary.read_text(encoding="utf-8")
    assert "### Standard layout" in written and "data/contacts.yaml" in written
    assert f"Download [site-preview]({ARTIFACT_URL})" in written
    suite = logs["make test"]
    assert re.search(r"\b\d+ passed\b", suite) and not re.search(r"\b[1-9]\d* (failed|errors?)\b", suite), suite[-3000:]
