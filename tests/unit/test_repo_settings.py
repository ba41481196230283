"""The repository's settings in one place (.github/repository.yml): the files
GitHub reads are in step with it, `make repo-settings` writes them, and the
issue forms use only labels it creates."""
from __future__ import annotations

import shutil

import pytest
import yaml

import repo_settings
from repo_settings import CODEOWNERS, CONTRIBUTING, ISSUE_CONFIG, SETTINGS
from support import ROOT

FORMS = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))


def test_the_files_github_reads_are_in_step_with_the_settings():
    assert repo_settings.out_of_step(ROOT) == []


def test_the_issue_forms_use_exactly_the_labels_the_settings_create():
    created = {label["name"] for label in repo_settings.read_settings(ROOT).labels}
    used = {label for form in FORMS for label in (yaml.safe_load(form.read_text(encoding="utf-8")).get("labels") or [])}
    assert used == created, f"labels used by the forms: {sorted(used)}; created: {sorted(created)}"


@pytest.fixture
def copy(tmp_path):
    """The settings and the files made from them, in a folder of their own."""
    for path in (SETTINGS, CODEOWNERS, ISSUE_CONFIG, CONTRIBUTING):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / path, tmp_path / path)
    return tmp_path


def test_set_once_and_written_everywhere(copy, capsys):
    settings = (copy / SETTINGS).read_text(encoding="utf-8")
    settings = (settings.replace("https://github.com/child-welfare-directory/programme-directory",
                                 "https://github.com/acme/welfare-directory")
                .replace("@child-welfare-directory/", "@acme/directory-"))
    (copy / SETTINGS).write_text(settings, encoding="utf-8")
    assert repo_settings.out_of_step(copy) == [
        ".github/CODEOWNERS: not in step with .github/repository.yml; run make repo-settings",
        ".github/ISSUE_TEMPLATE/config.yml: not in step with .github/repository.yml; run make repo-settings",
        "CONTRIBUTING.md: not in step with .github/repository.yml; run make repo-settings",
    ]
    assert repo_settings.main(["--root", str(copy)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(".github/CODEOWNERS: written\n.github/ISSUE_TEMPLATE/config.yml: written\n"
                          "CONTRIBUTING.md: written\n")
    assert ("  gh label create 'programme proposal' --repo acme/welfare-directory --color 0e8a16 "
            "--description 'A programme proposed for the directory, with its source' --force\n") in out
    assert ("  gh api --method PUT repos/acme/welfare-directory/actions/permissions/"
            "fork-pr-contributor-approval -f approval_policy=first_time_contributors\n") in out
    assert "  gh api --method POST repos/acme/welfare-directory/pages -f build_type=workflow" in out
    assert repo_settings.out_of_step(copy) == []
    owners = (copy / CODEOWNERS).read_text(encoding="utf-8")
    assert "*          @acme/directory-maintainers\n" in owners and "/data/     @acme/directory-editors\n" in owners
    assert "child-welfare-directory" not in owners
    config = yaml.safe_load((copy / ISSUE_CONFIG).read_text(encoding="utf-8"))
    assert config["contact_links"][0]["url"] == \
        "https://github.com/acme/welfare-directory/blob/main/CONTRIBUTING.md"
    guide = (copy / CONTRIBUTING).read_text(encoding="utf-8")
    assert "`@acme/directory-maintainers`" in guide and "@child-welfare-directory" not in guide
    before = {p: (copy / p).read_bytes() for p in (CODEOWNERS, ISSUE_CONFIG, CONTRIBUTING)}
    assert repo_settings.main(["--root", str(copy)]) == 0  # a second run changes nothing
    assert "written" not in capsys.readouterr().out
    assert before == {p: (copy / p).read_bytes() for p in before}


@pytest.mark.parametrize("old, new, message", [
    ("repository: https://github.com/child-welfare-directory/programme-directory", "repository: OWNER/REPO",
     ".github/repository.yml: repository: write the address as https://github.com/OWNER/REPO"),
    ('maintainers: "@child-welfare-directory/maintainers"', 'maintainers: "maintainers"',
     ".github/repository.yml: teams.maintainers: write a team handle such as @your-org/maintainers"),
    ("color: 0e8a16", "color: green",
     ".github/repository.yml: labels[0]: give a name and a colour of six hex digits (such as 0e8a16)"),
])
def test_a_wrong_setting_is_named_and_nothing_is_written(copy, capsys, old, new, message):
    path = copy / SETTINGS
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    before = (copy / CODEOWNERS).read_bytes()
    assert repo_settings.main(["--root", str(copy)]) == 2
    assert capsys.readouterr().err == message + "\n"
    assert (copy / CODEOWNERS).read_bytes() == before


def test_make_repo_settings_is_a_command():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\nrepo-settings: " in makefile and "scripts/repo_settings.py" in makefile
