"""The preview the checks keep: it says how to view it (search and filters
need a local server, not a file:// address), in the artifact and in the
run's summary."""
from __future__ import annotations

import os
import shutil
import subprocess

from support import ROOT

SERVE = "python3 -m http.server --directory site 8000"


def summary(**env) -> str:
    result = subprocess.run(["bash", str(ROOT / ".github" / "preview" / "summary.sh")],
                            env={**{k: v for k, v in os.environ.items() if k != "ARTIFACT_URL"}, **env},
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return result.stdout


def test_the_summary_links_the_artifact_and_gives_the_one_command():
    text = summary(ARTIFACT_URL="https://github.com/acme/dir/actions/runs/1/artifacts/2")
    assert text.startswith("### Preview of the site\n")
    assert "Download [site-preview](https://github.com/acme/dir/actions/runs/1/artifacts/2), unzip it" in text
    assert f"\n    {SERVE}\n" in text and "<http://127.0.0.1:8000/>" in text
    assert "`README.txt`" in text


def test_without_the_address_the_summary_points_to_the_artifacts_list():
    text = summary()
    assert "Download **site-preview** (under Artifacts at the bottom of this page), unzip it" in text


def test_the_readme_of_the_artifact_says_how_to_view_it():
    text = (ROOT / ".github" / "preview" / "README.txt").read_text(encoding="utf-8")
    assert SERVE in text and "http://127.0.0.1:8000/" in text
    assert "search box and" in text and "do not work" in text  # why a file:// address is not enough
    assert "Windows" in text and "py " in text


def test_make_preview_puts_the_site_and_the_readme_together(tmp_path):
    """`make preview` in a copy of what it needs (the repository's own site/
    and build/ stay untouched)."""
    work = tmp_path / "repo"
    (work / ".github" / "preview").mkdir(parents=True)
    shutil.copy(ROOT / "Makefile", work / "Makefile")
    shutil.copy(ROOT / ".github" / "preview" / "README.txt", work / ".github" / "preview" / "README.txt")
    missing = subprocess.run(["make", "-s", "preview"], cwd=work, capture_output=True, text=True)
    assert missing.returncode == 2 and "run make build first" in missing.stderr
    (work / "site" / "programmes").mkdir(parents=True)
    (work / "site" / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (work / "site" / "programmes" / "index.html").write_text("<p>all</p>", encoding="utf-8")
    made = subprocess.run(["make", "-s", "preview"], cwd=work, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    preview = work / "build" / "preview"
    assert sorted(p.relative_to(preview).as_posix() for p in preview.rglob("*") if p.is_file()) == [
        "README.txt", "site/index.html", "site/programmes/index.html"]
