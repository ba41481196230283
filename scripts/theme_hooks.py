"""MkDocs hooks of the theme: the words of the templates in overrides/ in the
page's language.

MkDocs loads this file through ``hooks:`` in mkdocs.yml, beside
mkdocs_hooks.py. It gives the theme's templates (the header's search box,
overrides/partials/header.html) what they need to write a page in its
language: ``t(key)``, the catalogue's words (directory.render.i18n);
``search_words(id, area)``, the header search box's words for its script, as
a JSON block (directory.render.script_words); ``in_language(path)``, a path in the
site of the page's language. A page's language is the folder it stands in
(directory.render.urls.page_language). It is kept apart from mkdocs_hooks.py
because the theme needs it wherever it is used: the benchmark's floor, a
bare MkDocs build of the same pages without the directory's own hooks, keeps
it.
"""
from __future__ import annotations

import sys
from pathlib import Path

from jinja2 import pass_context

sys.path.insert(0, str(Path(__file__).resolve().parent))

from directory.render import i18n, urls  # noqa: E402
from directory.render.script_words import words_script  # noqa: E402


def page_language(context) -> str:
    """The language of the page a template renders (the default without one)."""
    page = context.get("page")
    path = page.file.src_uri if page is not None and getattr(page, "file", None) else ""
    return urls.page_language(path)


@pass_context
def t(context, key, n=None, **params):
    return i18n.catalogue(page_language(context)).t(key, n, **params)


@pass_context
def search_words(context, element_id, area):
    return words_script(element_id, page_language(context), area)


@pass_context
def in_language(context, path):
    return urls.localized(path, page_language(context))


def on_env(env, config, files):
    env.globals.setdefault("t", t)
    env.globals.update(search_words=search_words, in_language=in_language)
    return env
