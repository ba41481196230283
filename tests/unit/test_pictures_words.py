"""The pictures' words (render/locales/<lang>/pictures.yaml): every key in
English, Dutch and Danish, with the same placeholders and plural forms, and
every key the pictures' templates ask for."""
from __future__ import annotations

import re
import string

import pytest
import yaml

from directory.render import i18n
from directory.render.markdown import TEMPLATES

LANGS = i18n.LANGUAGES


def words(lang: str) -> dict:
    return yaml.safe_load((i18n.LOCALES / lang / "pictures.yaml").read_text(encoding="utf-8"))


def placeholders(text) -> set[str]:
    texts = text.values() if isinstance(text, dict) else [text]
    return {name for t in texts for _, name, _, _ in string.Formatter().parse(t) if name}


@pytest.mark.parametrize("lang", LANGS[1:])
def test_every_language_has_every_key_with_the_same_placeholders(lang):
    en, other = words("en"), words(lang)
    assert sorted(other) == sorted(en)
    for key, text in en.items():
        assert all(k.startswith("pictures.") for k in (key,))
        assert placeholders(other[key]) == placeholders(text), key
        assert isinstance(other[key], dict) == isinstance(text, dict), key
        if isinstance(text, dict):  # Dutch and Danish count as English does: one and other
            assert set(other[key]) == set(text) == {"one", "other"}, key
        assert other[key], key


def test_the_texts_are_plain_text():
    """The pages escape a text for where it lands: Markdown or HTML in one would show."""
    for lang in LANGS:
        for key, text in words(lang).items():
            for t in (text.values() if isinstance(text, dict) else [text]):
                assert not re.search(r"\*\*|<[a-z/]|\]\(|`", t), (lang, key, t)


def test_every_key_the_templates_ask_for_is_there():
    used = set()
    for path in list(TEMPLATES.glob("*.j2")) + list((TEMPLATES / "pictures").glob("*.j2")):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""(?:t|forms)\(\s*'(pictures\.[a-z0-9_.-]+)'""", text))
        # keys made of a prefix and a value: every value they can take
        for prefix in re.findall(r"""t\('(pictures\.[a-z0-9_.]+\.)' ~""", text):
            used.add(prefix)
    en = words("en")
    for key in used:
        if key.endswith("."):
            assert any(k.startswith(key) for k in en), key
        else:
            assert key in en, key
    for band in ("prenatal", "0-3", "4-6", "7-12", "13-17", "18-plus", "not-stated"):
        assert f"pictures.band.{band}" in en
    for kind in ("law", "evaluation", "milestone"):
        assert f"pictures.timeline.event.{kind}" in en
    assert {f"pictures.facet.{f}" for f in ("country", "kind", "status")} <= set(en)
