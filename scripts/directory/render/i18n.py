"""The site's own words in the reader's language: one catalogue a language.

Templates write no interface text themselves: they ask for it by key,
``{{ t('facts.kind') }}``, and the catalogue of the page's language answers.
Record content (names, summaries, descriptions) is never in a catalogue: it
is shown as its source wrote it.

A catalogue is every YAML file under ``locales/<language>/`` (one file an
area of the site, so that a translator can work on one at a time: ``site.yaml``
for the pages, ``search.yaml``, ``opendata.yaml``, ...); each holds a mapping
of dotted keys to texts. A text may have placeholders, ``{name}``, filled
from the keyword arguments of ``t``. A text that counts something is a
mapping of the language's plural categories (CLDR, through Babel) to texts,
``{one: "{n} programme", other: "{n} programmes"}``, chosen by ``n``.

English is the reference: :func:`check` reads the catalogues with the
project's loader (:mod:`directory.load`, which keeps the line and column of
every key) and reports, all at once, as ``path:line:col: error: key:
message [catalogue]``, a key that a language lacks or that only a
translation has, a text whose placeholders are not English's, a count
without the plural forms of its language, and anything that is not a text.
``make check`` prints them and the build refuses to run on them
(:func:`directory.site.build`).

The value ``t`` returns is plain text: the template's finalize escapes it for
the place it lands, as any other value.
"""
from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel import Locale

from ..load import display_path, load_file
from ..problems import ERROR, Problem

LOCALES = Path(__file__).parent / "locales"
from ..languages import DEFAULT, LANGUAGES  # noqa: E402,F401 (the one list of the languages)
RULE = "catalogue"

_KEY = re.compile(r"[a-z0-9_]+(?:[.-][a-z0-9_]+)*")


def plural_categories(language: str) -> frozenset[str]:
    """The CLDR plural categories of ``language`` a count text must give (Babel)."""
    return frozenset(Locale.parse(language).plural_form.tags | {"other"})


class Catalogue:
    """The texts of one language, by key."""

    def __init__(self, language: str, texts: dict[str, Any]):
        self.language = language
        self.texts = texts
        self._plural = Locale.parse(language).plural_form

    def t(self, key: str, /, n: int | float | None = None, **params: Any) -> str:
        """The text of ``key``, its placeholders filled; with ``n``, the plural
        form for that number (``n`` is also the placeholder ``{n}``)."""
        text = self.raw(key, n)
        if n is not None:
            params.setdefault("n", n)
        return text.format(**params) if params else text

    def raw(self, key: str, n: int | float | None = None) -> str:
        """The text of ``key`` (for ``n``, its plural form) with its placeholders unfilled."""
        text = self.texts[key]  # a missing key is an error, never the key shown
        if isinstance(text, dict):
            if n is None:
                raise TypeError(f"{key!r} counts something: give n")
            text = text.get(self._plural(n)) or text["other"]
        return text

    def __contains__(self, key: str) -> bool:
        return key in self.texts


class CatalogueError(ValueError):
    """The catalogues have problems (:func:`check` lists them)."""


@dataclass
class _Read:
    """One language's catalogue as read: texts, where each key stands, problems."""

    texts: dict[str, Any] = field(default_factory=dict)
    where: dict[str, tuple[Any, tuple]] = field(default_factory=dict)  # key -> (LoadedFile, path)
    problems: list[Problem] = field(default_factory=list)


def _problem(file, path: tuple, key: str, message: str, at_key: bool = True) -> Problem:
    pos = file.key_position(path) if at_key else file.position(path)
    return Problem(file.path, pos.line, pos.col, ERROR, key, message, RULE)


def _read(language: str, root: Path) -> _Read:
    out = _Read()
    for path in sorted((root / language).glob("*.yaml")):
        file = load_file(path, display_path(path))
        out.problems.extend(Problem(p.path, p.line, p.col, p.level, p.field, p.message, RULE)
                            for p in file.problems)
        if file.data is None:
            continue
        if not isinstance(file.data, dict):
            out.problems.append(_problem(file, (), "(file)", "a catalogue is a mapping of keys to "
                                         "texts, one 'key: text' a line", at_key=False))
            continue
        for key, value in file.data.items():
            if key in out.where:
                other = out.where[key][0]
                out.problems.append(_problem(file, (key,), key, f"the key is already in {other.path}; "
                                             "keep it in one file"))
                continue
            if not _KEY.fullmatch(key):
                out.problems.append(_problem(file, (key,), key, "a key is lowercase words joined by "
                                             "dots, such as 'programme.facts.kind'"))
                continue
            out.where[key] = (file, (key,))
            out.texts[key] = value
    return out


def _fields(text: str) -> set[str] | str:
    """The placeholders of ``text``, or why it is not a valid text with placeholders."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return "a '{' or '}' stands alone; write a placeholder as {name}, or a brace as {{ or }}"
    for name in names:
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
            return f"the placeholder {{{name}}} is not a plain name such as {{n}} or {{name}}"
    return names


def _shape(value: Any, language: str) -> tuple[dict[str, set[str]] | None, str | None]:
    """{form: placeholders} of a text ('' for a plain text) and a problem, if any."""
    if isinstance(value, str):
        found = _fields(value)
        return ({"": found}, None) if isinstance(found, set) else (None, found)
    if isinstance(value, dict) and value:
        forms = {}
        for form, text in value.items():
            if not isinstance(text, str):
                return None, f"the form '{form}' is not a text"
            found = _fields(text)
            if isinstance(found, str):
                return None, f"the form '{form}': {found}"
            forms[form] = found
        return forms, None
    return None, "expected a text, or for a count a mapping of plural forms ({one: ..., other: ...})"


def _compare(key: str, language: str, read: _Read, english: Any) -> list[Problem]:
    file, path = read.where[key]
    value = read.texts[key]
    forms, why = _shape(value, language)
    if why:
        return [_problem(file, path, key, why, at_key=False)]
    ref, _ = _shape(english, DEFAULT)
    if ref is None:  # English's own problem, reported there
        return []
    is_count, ref_count = "" not in forms, "" not in ref
    if is_count != ref_count:
        if ref_count:
            return [_problem(file, path, key, "English counts something here: give the plural forms "
                             f"of {_lang_name(language)} ({_forms(language)})", at_key=False)]
        return [_problem(file, path, key, "English has one text here, not plural forms: give one text",
                         at_key=False)]
    out = []
    if is_count:
        needed = plural_categories(language)
        missing, extra = needed - forms.keys(), forms.keys() - needed
        if missing or extra:
            said = []
            if missing:
                said.append("it lacks " + ", ".join(sorted(missing)))
            if extra:
                said.append(f"{_lang_name(language)} has no form " + ", ".join(sorted(extra)))
            out.append(_problem(file, path, key, f"{'; '.join(said)}: {_lang_name(language)} counts with "
                                f"the forms {_forms(language)}", at_key=False))
    wanted = set().union(*ref.values())
    used = set().union(*forms.values())
    unknown = used - wanted
    if unknown:
        out.append(_problem(file, path, key, "English has no placeholder " + _names(unknown)
                            + (f"; it has {_names(wanted)}" if wanted else ""), at_key=False))
    left_out = wanted - used
    if left_out:
        out.append(_problem(file, path, key, f"the text leaves out {_names(left_out)}, which English "
                            "shows; keep every placeholder", at_key=False))
    return out


def _names(names: set[str]) -> str:
    return ", ".join("{" + n + "}" for n in sorted(names))


def _forms(language: str) -> str:
    return ", ".join(sorted(plural_categories(language), key=lambda f: f == "other"))


def _lang_name(language: str) -> str:
    return Locale.parse("en").languages.get(language, language)


def check(root: Path | None = None, languages: tuple[str, ...] = LANGUAGES) -> list[Problem]:
    """Every problem of the catalogues under ``root`` (default LOCALES), sorted."""
    root = root or LOCALES
    read = {lang: _read(lang, root) for lang in languages}
    problems = [p for r in read.values() for p in r.problems]
    english = read[DEFAULT]
    for key in english.texts:
        forms, why = _shape(english.texts[key], DEFAULT)
        if why:
            file, path = english.where[key]
            problems.append(_problem(file, path, key, why, at_key=False))
    for lang in languages:
        if lang == DEFAULT:
            continue
        here = read[lang]
        for key in english.texts:
            if key not in here.texts:
                file, path = english.where[key]
                problems.append(_problem(file, path, key, f"the key is missing in the {_lang_name(lang)} "
                                         f"catalogue ({lang}/); add it there with its {_lang_name(lang)} text"))
        for key in here.texts:
            if key not in english.texts:
                file, path = here.where[key]
                problems.append(_problem(file, path, key, "English has no such key: remove it, or add it "
                                         f"to the English catalogue ({DEFAULT}/) first"))
            else:
                problems.extend(_compare(key, lang, here, english.texts[key]))
    return sorted(problems)


@functools.cache
def catalogue(language: str) -> Catalogue:
    """The catalogue of ``language``: every YAML file of ``locales/<language>/``.
    Catalogues with problems are refused (:func:`check` says which)."""
    if language not in LANGUAGES:
        raise CatalogueError(f"the site has no catalogue for {language!r}; its languages: {', '.join(LANGUAGES)}")
    read = _read(language, LOCALES)
    if read.problems:
        raise CatalogueError("; ".join(p.format() for p in read.problems))
    return Catalogue(language, read.texts)
