"""What publishing takes: no value of the repository's settings
(.github/repository.yml, placeholders until a maintainer sets them) reaches
the site, whose edit links name the repository that builds it and fall back to
the published data file without one; and no file the Pages upload leaves out."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

import repo_settings
from support import FIXTURES, ROOT

pytestmark = pytest.mark.site


def settings_values() -> list[str]:
    s = repo_settings.read_settings(ROOT)
    owner, repo = s.owner_repo.split("/")
    return [s.repository, s.owner_repo, owner, s.maintainers, s.editors]


def every_text(folder) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8", errors="replace")
            for p in folder.rglob("*") if p.is_file()}


def test_a_build_without_a_repository_has_no_setting_and_links_to_the_data(built_site):
    for path, text in every_text(built_site).items():
        for value in settings_values():
            assert value not in text, f"{path} holds the setting {value!r}"
    page = (built_site / "programmes" / "opgroeien-kleinschalig-verblijf-0-3" / "index.html").read_text("utf-8")
    assert re.search(r'<a href="[./]*data/programmes\.yaml">Edit this record</a> \(programmes\.yaml, line \d+\)',
                     page), "without a repository, the edit link goes to the published data file"


def test_the_published_build_links_to_its_own_repository_only(tmp_path):
    """What publish.yml builds: GitHub Actions names the repository."""
    out = tmp_path / "site"
    env = dict(os.environ, DIRECTORY_DATA=str(FIXTURES / "golden"), NO_MKDOCS_2_WARNING="1",
               GITHUB_REPOSITORY="acme/welfare-directory", GITHUB_SERVER_URL="https://github.com")
    env.pop("DIRECTORY_REPOSITORY_URL", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    texts = every_text(out)
    for path, text in texts.items():
        for value in settings_values():
            assert value not in text, f"{path} holds the setting {value!r}"
    branch = repo_settings.read_settings(ROOT).branch
    assert (f'<a href="https://github.com/acme/welfare-directory/edit/{branch}/tests/fixtures/golden/'
            'programmes.yaml">Edit this record</a>') in texts["programmes/home-new/index.html"]


def test_the_site_has_no_hidden_file(built_site):
    """upload-pages-artifact (v4 and later) leaves out files and folders whose
    name starts with a dot: the site must need none."""
    hidden = [str(p.relative_to(built_site)) for p in built_site.rglob(".*")]
    assert hidden == []
