"""The catalogue of the site's own words: keys, placeholders, plural forms."""
import pytest

from directory.render import i18n
from directory.render.markdown import environment


@pytest.fixture
def locales(tmp_path, monkeypatch):
    for lang, text in {
        "en": "a.b: Find programmes\ncount: {one: '{n} programme', other: '{n} programmes'}\nhello: 'Hello, {name}'\n",
        "nl": "a.b: Programma's zoeken\ncount: {one: '{n} programma', other: \"{n} programma's\"}\n",
        "da": "a.b: Find programmer\ncount: {one: '{n} program', other: '{n} programmer'}\n",
    }.items():
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "site.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALES", tmp_path)
    i18n.catalogue.cache_clear()
    yield tmp_path
    i18n.catalogue.cache_clear()


def test_texts_by_key_with_placeholders_and_plural_forms(locales):
    assert i18n.catalogue("nl").t("a.b") == "Programma's zoeken"
    assert i18n.catalogue("en").t("hello", name="Ada") == "Hello, Ada"
    assert [i18n.catalogue("nl").t("count", n=n) for n in (1, 2)] == ["1 programma", "2 programma's"]
    assert [i18n.catalogue("da").t("count", n=n) for n in (1, 2)] == ["1 program", "2 programmer"]


def test_a_missing_key_or_count_is_an_error_never_the_key_shown(locales):
    with pytest.raises(KeyError):
        i18n.catalogue("da").t("hello")
    with pytest.raises(TypeError):
        i18n.catalogue("en").t("count")


def test_templates_ask_the_catalogue_of_their_language(locales):
    env = environment("nl")
    # plain text, escaped for the page like any other value
    assert env.from_string("{{ t('a.b') }}: {{ t('count', n=3) }}").render() == (
        "Programma&#39;s zoeken: 3 programma&#39;s")
