"""The MkDocs hook's languages, in process: the nav in each language, titled
from the catalogue (a nav title without a catalogue key is refused with a
line that says what to add), and the ``serve`` error banner in the language
of each page."""
from __future__ import annotations

import html
import shutil
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from support import FIXTURES, ROOT
from directory.render import i18n


@pytest.fixture
def config(tmp_path):
    return load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))


@pytest.fixture
def hooks(config):
    return config.hooks["scripts/mkdocs_hooks.py"]  # the directory's hook (the theme's is beside it)


def test_the_nav_in_each_language(hooks):
    nav = [{"Home": "index.md"}, {"Browse": [{"By theme": "browse/themes.md"}]}, "about.md"]
    assert hooks.translated_nav(nav, "nl") == [
        {"Start": "nl/index.md"}, {"Bladeren": [{"Per thema": "nl/browse/themes.md"}]}, "nl/about.md"]
    assert hooks.translated_nav(nav, "da") == [
        {"Forside": "da/index.md"}, {"Gennemse": [{"Efter tema": "da/browse/themes.md"}]}, "da/about.md"]


def test_a_nav_title_without_a_catalogue_key_is_refused(hooks):
    with pytest.raises(PluginError) as refused:
        hooks.translated_nav([{"Pictures": "pictures.md"}], "nl")
    assert str(refused.value) == (
        "mkdocs.yml: the nav title 'Pictures' has no nav.* key with that English text in "
        "scripts/directory/render/locales/en/site.yaml; add one, and its Dutch and Danish titles")


@pytest.mark.parametrize("lang", ["en", "nl", "da"])
def test_the_serve_banner_is_in_the_language_of_the_page(config, hooks, tmp_path, monkeypatch, lang):
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES / "golden", folder)
    programmes = folder / "programmes.yaml"
    programmes.write_text(programmes.read_text(encoding="utf-8").replace("    kind: pillar\n", "    kind: pilar\n", 1),
                          encoding="utf-8")
    monkeypatch.setenv("DIRECTORY_DATA", str(folder))
    config.plugins.on_startup(command="serve", dirty=False)
    config.plugins.on_files(Files([]), config=config)
    page = SimpleNamespace(file=SimpleNamespace(src_uri=("" if lang == "en" else f"{lang}/") + "about.md"))
    out = config.plugins.on_post_page('<article class="md-content__inner md-typeset"></article>',
                                      page=page, config=config)
    assert html.escape(i18n.catalogue(lang).t("banner.nothing_yet")) in out
    assert "unknown kind &#x27;pilar&#x27;" in out  # the messages themselves stay as the check writes them
    if lang != "en":
        assert hooks.NOTHING_YET not in out


@pytest.mark.parametrize("configured, given, address", [
    (None, "", None),
    (None, "https://owner.github.io/directory", "https://owner.github.io/directory/"),
    (None, " https://example.org/ ", "https://example.org/"),
    ("https://set.example/", "https://other.example/", "https://set.example/"),  # mkdocs.yml's wins
])
def test_the_site_address_comes_from_the_environment_where_mkdocs_yml_has_none(hooks, configured, given, address):
    assert hooks.site_address(configured, given) == address


@pytest.mark.parametrize("given", ["owner.github.io/directory", "javascript:alert(1)", "https://a b/"])
def test_a_site_address_that_is_not_one_is_refused_with_what_to_write(hooks, given):
    with pytest.raises(PluginError, match="DIRECTORY_SITE_URL is .*; write the site's address"):
        hooks.site_address(None, given)
