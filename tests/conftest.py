"""Fixtures: data folders made from YAML snippets, the built site, a local
server for it and Debian's chromium driven by Playwright.

Browser tests never download a browser: chromium comes from Debian (make test
installs it). Every request a page makes is recorded, so tests can assert that
nothing leaves localhost.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from support import DATA, FIXTURES, dedent, run_mkdocs, serve_folder

# Review dates are measured against "today": every test (and every build or
# check a test starts) sees the same day, so expected lines and pages hold.
os.environ["DIRECTORY_TODAY"] = "2026-11-23"

# Property tests explore new examples on a developer's machine; in CI they run
# the same examples every time, so a landing never hinges on a random draw
# (a failure found locally is kept as an explicit regression test).
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    """A data folder with the real vocabularies and supporting records, and a
    function that writes (or overwrites) one of its files from a snippet.

    The working directory is the folder's parent, so messages name files as
    'data/programmes.yaml'."""
    folder = tmp_path / "data"
    folder.mkdir()
    # no contacts.yaml: the real contacts' sources are over 24 months old, and
    # their contact-age warnings would show in every test; tests that need
    # contacts write them
    for name in ("vocabularies.yaml", "organisations.yaml", "sources.yaml"):
        shutil.copy(DATA / name, folder / name)
    monkeypatch.chdir(tmp_path)

    def write(name: str, text: str | bytes) -> Path:
        path = folder / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(dedent(text), encoding="utf-8")
        return path

    write.folder = folder
    return write


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real data built strictly, once per test session."""
    out = tmp_path_factory.mktemp("site")
    result = run_mkdocs(DATA, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The hostile fixture (markup and break-outs in every text) built strictly, once."""
    out = tmp_path_factory.mktemp("hostile") / "site"
    result = run_mkdocs(FIXTURES / "hostile", out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def reference_scripts(tmp_path_factory) -> set[str]:
    """The inline scripts the templates write (htmlcheck.inline_scripts of a site of benign data)."""
    from htmlcheck import inline_scripts

    out = tmp_path_factory.mktemp("reference") / "site"
    result = run_mkdocs(FIXTURES / "golden", out)
    assert result.returncode == 0, result.stdout + result.stderr
    return inline_scripts(out)


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve_folder(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.set_default_timeout(15000)
    yield page
    context.close()
