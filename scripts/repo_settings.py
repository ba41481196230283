"""``make repo-settings``: the repository's settings, from .github/repository.yml
into the files GitHub reads, and the commands that set the rest once.

The settings (repository address, branch, review teams, labels, Pages source,
approval of first-time contributors' workflow runs) are written in one file,
``.github/repository.yml``. GitHub cannot read that file, so this command
writes what follows from it into the files GitHub does read:

* ``.github/CODEOWNERS``: who is asked to review (the teams);
* ``.github/ISSUE_TEMPLATE/config.yml``: the link to the contributing guide
  on the "New issue" page (the repository's address and branch);
* ``CONTRIBUTING.md``: the maintainers' team that editors mention;

and prints the GitHub CLI commands that create the labels and set the Pages
source and the approval policy (repository settings that no file holds).

``--check`` writes nothing and lists each file that is out of step (exit 1);
the test suite runs it. The published site reads none of these settings: its
"Edit this record" links come from the repository that builds it.

Usage: ``python scripts/repo_settings.py [--check] [--root DIR]``.
"""
from __future__ import annotations

import argparse
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = Path(".github/repository.yml")
CODEOWNERS = Path(".github/CODEOWNERS")
ISSUE_CONFIG = Path(".github/ISSUE_TEMPLATE/config.yml")
CONTRIBUTING = Path("CONTRIBUTING.md")
TEAM = re.compile(r"@[A-Za-z0-9-]+/[A-Za-z0-9_.-]+")
REPOSITORY = re.compile(r"https://github\.com/([A-Za-z0-9-]+)/([A-Za-z0-9_.-]+)")
# the sentence of CONTRIBUTING.md ("Ask for help") that names the maintainers' team
MENTION = re.compile(r"(To reach\s+the maintainers, write\s+`)(@[A-Za-z0-9-]+/[A-Za-z0-9_.-]+)(`)")


@dataclass
class Settings:
    repository: str
    branch: str
    maintainers: str
    editors: str
    labels: list[dict]
    pages_source: str
    fork_pull_request_approval: str

    @property
    def owner_repo(self) -> str:
        owner, repo = REPOSITORY.fullmatch(self.repository).groups()
        return f"{owner}/{repo}"


class SettingsError(Exception):
    pass


def read_settings(root: Path = ROOT) -> Settings:
    """The settings file, checked: a wrong value is a message, not a traceback."""
    path = root / SETTINGS
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SettingsError(f"{SETTINGS}: cannot read it: {exc}") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{SETTINGS}: must be a mapping of settings")
    problems = []
    repository = str(data.get("repository", ""))
    if not REPOSITORY.fullmatch(repository):
        problems.append("repository: write the address as https://github.com/OWNER/REPO")
    teams = data.get("teams") or {}
    for name in ("maintainers", "editors"):
        if not TEAM.fullmatch(str(teams.get(name, ""))):
            problems.append(f"teams.{name}: write a team handle such as @your-org/{name}")
    labels = data.get("labels") or []
    for i, label in enumerate(labels):
        if not (isinstance(label, dict) and label.get("name")
                and re.fullmatch(r"[0-9a-fA-F]{6}", str(label.get("color", "")))):
            problems.append(f"labels[{i}]: give a name and a colour of six hex digits (such as 0e8a16)")
    if data.get("pages_source") != "workflow":
        problems.append("pages_source: must be 'workflow' (publish.yml deploys the site)")
    approval = data.get("fork_pull_request_approval")
    if approval not in ("first_time_contributors_new_to_github", "first_time_contributors",
                        "all_external_contributors"):
        problems.append("fork_pull_request_approval: first_time_contributors_new_to_github, "
                        "first_time_contributors or all_external_contributors")
    if problems:
        raise SettingsError("\n".join(f"{SETTINGS}: {p}" for p in problems))
    return Settings(repository, str(data.get("branch") or "main"), teams["maintainers"],
                    teams["editors"], labels, data["pages_source"], approval)


def codeowners(s: Settings) -> str:
    return f"""\
# Who reviews what. GitHub asks the owners below to review every pull request
# that touches their files; the last matching line wins. Written by
# `make repo-settings` from .github/repository.yml: change the teams there.
# Until a maintainer sets them (README.md, "Setting up the repository"), the
# team handles are placeholders for the real organisation's teams
# (Settings -> Teams on GitHub).

# Everything else: code, templates, tests, documentation, the CI
*          {s.maintainers}

# The records: editors from the care organisations and municipalities
/data/     {s.editors}

# The definition of every field: a change here changes what editors may write
/schema/   {s.maintainers}
"""


def issue_config(s: Settings) -> str:
    return f"""\
# The "New issue" page: only the forms in this folder, plus a link to the
# contributing guide. Written by `make repo-settings` from
# .github/repository.yml (the repository's address and branch): change them there.
blank_issues_enabled: false
contact_links:
  - name: How to contribute
    url: {s.repository.rstrip("/")}/blob/{s.branch}/CONTRIBUTING.md
    about: Change or add a record yourself, read a check failure, or find out how to ask for help.
"""


def contributing(s: Settings, text: str) -> str:
    if not MENTION.search(text):
        raise SettingsError(f"{CONTRIBUTING}: the sentence 'To reach the maintainers, write "
                            "`@…`' is missing; put it back (under 'Ask for help')")
    return MENTION.sub(lambda m: m.group(1) + s.maintainers + m.group(3), text)


def wanted(s: Settings, root: Path) -> dict[Path, str]:
    """The text each file GitHub reads must have."""
    current = (root / CONTRIBUTING).read_text(encoding="utf-8")
    return {CODEOWNERS: codeowners(s), ISSUE_CONFIG: issue_config(s),
            CONTRIBUTING: contributing(s, current)}


def out_of_step(root: Path = ROOT) -> list[str]:
    """A line for each file that differs from what the settings give."""
    s = read_settings(root)
    found = []
    for path, text in wanted(s, root).items():
        try:
            now = (root / path).read_text(encoding="utf-8")
        except OSError:
            now = None
        if now != text:
            found.append(f"{path}: not in step with {SETTINGS}; run make repo-settings")
    return found


def commands(s: Settings) -> list[str]:
    """The GitHub CLI commands that set what no file in the repository holds."""
    repo = s.owner_repo
    out = [f"gh label create {shlex.quote(label['name'])} --repo {repo} "
           f"--color {label['color']} --description {shlex.quote(str(label.get('description', '')))} --force"
           for label in s.labels]
    out.append(f"gh api --method POST repos/{repo}/pages -f build_type={s.pages_source}"
               f"    # or, when Pages is on already: --method PUT")
    out.append(f"gh api --method PUT repos/{repo}/actions/permissions/fork-pr-contributor-approval "
               f"-f approval_policy={s.fork_pull_request_approval}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; list the files out of step with the settings (exit 1)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.check:
            found = out_of_step(args.root)
            for line in found:
                print(line)
            if not found:
                print(f"the files GitHub reads are in step with {SETTINGS}")
            return 1 if found else 0
        s = read_settings(args.root)
        for path, text in wanted(s, args.root).items():
            target = args.root / path
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                target.write_text(text, encoding="utf-8")
                print(f"{path}: written")
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"\nRun these once as a maintainer of {s.repository} (GitHub CLI; or set the same in "
          "the repository's Settings on GitHub, see README.md):\n")
    for line in commands(s):
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
