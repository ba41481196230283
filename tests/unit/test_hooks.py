"""The MkDocs hook (scripts/mkdocs_hooks.py) driven as MkDocs drives it, in
process: the files it adds come from directory.site.build; a build refuses bad
data; ``serve`` keeps the last good site with the errors over it, or the site
without records when it starts on bad data; each command starts clean.
(tests/site/test_serve.py runs the real ``mkdocs serve``.)"""
from __future__ import annotations

import shutil

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from support import FIXTURES, ROOT
from directory import site

PAGE = '<html><body><article class="md-content__inner md-typeset"><h1>A page</h1></article></body></html>'


@pytest.fixture
def data(tmp_path, monkeypatch):
    """The golden fixture as the data folder, and a function that breaks or mends it."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES / "golden", folder)
    monkeypatch.setenv("DIRECTORY_DATA", str(folder))
    for name in ("GITHUB_REPOSITORY", "DIRECTORY_REPOSITORY_URL"):
        monkeypatch.delenv(name, raising=False)
    programmes = folder / "programmes.yaml"
    good = programmes.read_text(encoding="utf-8")

    def set_broken(broken: bool) -> None:
        programmes.write_text(good.replace("    kind: pillar\n", "    kind: pilar\n", 1) if broken else good,
                              encoding="utf-8")

    set_broken.folder = folder
    return set_broken


class MkDocs:
    """The events of one command, as ``mkdocs serve`` sends them: on_startup
    once, then for every build a new config (loading mkdocs.yml again), its
    files and its pages."""

    def __init__(self, site_dir):
        self.site_dir = str(site_dir)
        self.config = self._load()
        self.hooks = self.config.hooks["scripts/mkdocs_hooks.py"]  # the module MkDocs loaded (once a process)

    def _load(self):
        return load_config(str(ROOT / "mkdocs.yml"), site_dir=self.site_dir)

    def startup(self, command: str, dirty: bool = False) -> None:
        self.config.plugins.on_startup(command=command, dirty=dirty)

    def files(self, docs: Files | None = None) -> dict[str, bytes]:
        self.config = self._load()
        files = self.config.plugins.on_files(docs or Files([]), config=self.config)
        return {f.src_uri: f.content_bytes for f in files}

    def page(self) -> str:
        return self.config.plugins.on_post_page(PAGE, page=None, config=self.config)


@pytest.fixture
def mkdocs(tmp_path) -> MkDocs:
    return MkDocs(tmp_path / "site")


def as_bytes(files: dict[str, str | bytes]) -> dict[str, bytes]:
    return {path: c if isinstance(c, bytes) else c.encode() for path, c in files.items()}


def test_the_files_are_those_of_the_build(mkdocs, data):
    mkdocs.startup("build")
    assert mkdocs.files() == as_bytes(site.build(data.folder).files)
    assert mkdocs.page() == PAGE


def test_a_build_refuses_bad_data_and_dirty_builds(mkdocs, data):
    data(broken=True)
    mkdocs.startup("build")
    with pytest.raises(PluginError) as refused:
        mkdocs.files()
    assert str(refused.value) == ("the data has 3 errors, 4 warnings; nothing was built. "
                                  "Fix the errors listed above (make check shows them too).")
    with pytest.raises(PluginError, match="--dirty"):
        mkdocs.startup("build", dirty=True)


def test_serve_keeps_the_last_good_site_and_shows_the_errors(mkdocs, data):
    mkdocs.startup("serve")
    good = mkdocs.files()
    assert mkdocs.page() == PAGE
    data(broken=True)
    assert mkdocs.files() == good
    page = mkdocs.page()
    assert mkdocs.hooks.KEPT in page and "unknown kind &#x27;pilar&#x27;" in page and "[vocabulary]" in page
    data(broken=False)
    assert mkdocs.files() == good
    assert mkdocs.page() == PAGE


def test_serve_started_on_bad_data_shows_the_site_without_records(mkdocs, data):
    data(broken=True)
    mkdocs.startup("serve")
    assert mkdocs.files() == as_bytes(site.without_records().files)
    assert mkdocs.hooks.NOTHING_YET in mkdocs.page()


def test_each_command_starts_clean(mkdocs, data):
    mkdocs.startup("serve")
    mkdocs.files()  # a good site to fall back on
    data(broken=True)
    mkdocs.startup("serve")  # a new command: nothing of the last one
    assert "programmes/home-new.md" not in mkdocs.files()
    assert mkdocs.hooks.NOTHING_YET in mkdocs.page()
    mkdocs.startup("build")
    with pytest.raises(PluginError):
        mkdocs.files()


def test_a_docs_file_in_the_place_of_a_generated_one_is_refused(mkdocs, data, tmp_path):
    mkdocs.startup("build")
    docs = Files([File("review.md", str(tmp_path), mkdocs.site_dir, True)])
    with pytest.raises(PluginError, match="^docs/review.md exists but the directory generates that file"):
        mkdocs.files(docs)
