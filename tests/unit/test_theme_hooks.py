"""The theme's hook (scripts/theme_hooks.py): MkDocs loads it from mkdocs.yml
beside the directory's own hook, and it gives the theme's templates
(overrides/partials/header.html) their words in the page's language, the page's
language being the folder it stands in. The benchmark's floor (a bare MkDocs
build without the directory's hooks) keeps it, so that the theme renders."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jinja2 import Environment
from markupsafe import escape
from mkdocs.config import load_config
from mkdocs.structure.files import File

from support import ROOT
from bench.run import floor_config
from directory.render import i18n

TEMPLATE = ("{{ t('search.box.label') }}|{{ in_language('directory/') }}|"
            "{{ search_words('dir-hsearch-words', 'header') }}")


@pytest.fixture(scope="module")
def hooks():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert list(config.hooks) == ["scripts/mkdocs_hooks.py", "scripts/theme_hooks.py"]
    return config.hooks["scripts/theme_hooks.py"]


class Page:
    def __init__(self, src_uri: str):
        self.file = File(src_uri, "docs", "site", use_directory_urls=True)


def render(hooks, src_uri: str | None) -> tuple[str, str, dict]:
    env = hooks.on_env(Environment(autoescape=True), config=None, files=None)
    out = env.from_string(TEMPLATE).render(page=Page(src_uri) if src_uri else None)
    label, path, script = out.split("|")
    m = re.fullmatch(r'<script type="application/json" id="dir-hsearch-words">(.*)</script>', script)
    assert m, script
    return label, path, json.loads(m.group(1))


@pytest.mark.parametrize("src_uri, lang, path", [
    ("index.md", "en", "directory/"),
    ("programmes/a.md", "en", "directory/"),
    ("nl/programmes/a.md", "nl", "nl/directory/"),
    ("da/index.md", "da", "da/directory/"),
    ("nlx/index.md", "en", "directory/"),  # a folder that only begins with a language's code
    (None, "en", "directory/"),  # a template rendered without a page (404, sitemap)
])
def test_the_templates_words_are_the_page_languages(hooks, src_uri, lang, path):
    label, where, words = render(hooks, src_uri)
    texts = i18n.catalogue(lang).texts
    assert label == escape(texts["search.box.label"])  # escaped as every text of a template
    assert where == path
    assert words["search.header.list"] == texts["search.header.list"]
    assert all(key.startswith(("search.header.", "search.why.")) for key in words)


def test_the_three_languages_have_different_words(hooks):
    labels = {render(hooks, f"{lang}/a.md" if lang != "en" else "a.md")[0] for lang in i18n.LANGUAGES}
    assert len(labels) == 3


def test_a_t_given_before_is_kept(hooks):
    """Another hook may give the templates their own t (the page's language
    by its own rule): the theme's hook does not replace it."""
    env = Environment()
    env.globals["t"] = lambda key, n=None, **params: f"<{key}>"
    env = hooks.on_env(env, config=None, files=None)
    assert env.from_string("{{ t('search.box.label') }}").render() == "<search.box.label>"


def test_the_floor_keeps_the_theme_hook_only(tmp_path):
    config = floor_config(tmp_path)
    assert config["hooks"] == [str((ROOT / "scripts" / "theme_hooks.py").resolve())]
    assert Path(config["hooks"][0]).is_file()
    assert "directory" not in config.get("extra", {})
