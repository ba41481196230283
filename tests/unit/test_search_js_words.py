"""The browser scripts (docs/assets/directory/*.js) hold no word a reader
sees: their texts come from the page (the catalogue's search.page.*,
search.header.* and search.why.*, written by the templates in the page's
language) and their labels from the index. Here: no string literal of the
scripts reads as English text, no English text of the catalogue is in them,
and every key they ask for is in the catalogue of every language, in the
area whose words the page gives them."""
from __future__ import annotations

import re

import pytest

from support import ROOT
from directory.render import i18n
from directory.search.build import TERM_GROUPS
from directory.render.script_words import AREAS, script_words

SCRIPTS = sorted((ROOT / "docs/assets/directory").glob("*.js"))
# the words block each script reads: its catalogue area
AREA_OF = {"filter.js": "page", "header-search.js": "header"}
KEY_NAMES = {"Enter", "Escape", "ArrowDown", "ArrowUp", "Tab"}  # KeyboardEvent.key values

_LITERAL = re.compile(r"""(?P<q>["'`])(?P<body>(?:\\.|(?!(?P=q)).)*)(?P=q)""", re.S)
_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_REGEX = re.compile(r"(?<=[(,=:]) */(?![/*])(?:\\.|\[(?:\\.|[^\]])*\]|[^/\n])+/[a-z]*")
_WORD = re.compile(r"^[A-Za-z][a-z]+[.,;:!?…]*$")


def literals(source: str) -> list[tuple[str, str]]:
    """(the code before it on its line, text) of every string literal of a
    script, comments and regular expressions left out; a template literal's
    ${...} parts as a space."""
    out = []
    code = _REGEX.sub(" ", _blank_comments(source))
    for m in _LITERAL.finditer(code):
        body = re.sub(r"\$\{[^}]*\}", " ", m.group("body")) if m.group("q") == "`" else m.group("body")
        line_start = code.rfind("\n", 0, m.start()) + 1
        out.append((code[line_start:m.start()], body))
    return out


def _blank_comments(source: str) -> str:
    """The source with its comments replaced by spaces (string literals kept)."""
    out, pos = [], 0
    pattern = re.compile(r"""(["'`])(?:\\.|(?!\1).)*\1|//[^\n]*|/\*.*?\*/""", re.S)
    for m in pattern.finditer(source):
        out.append(source[pos:m.start()])
        out.append(m.group(0) if m.group(0)[0] in "\"'`" else " " * len(m.group(0)))
        pos = m.end()
    out.append(source[pos:])
    return "".join(out)


def reader_english(source: str) -> list[str]:
    """The literals of a script that read as English a reader would see: two
    words in a row, or one capitalised word. Messages for developers (thrown
    errors, the console) and key names are not for readers."""
    found = []
    for before, text in literals(source):
        if re.search(r"(new Error|console\.\w+)\($", before.rstrip()) or text.startswith("directory"):
            continue
        tokens = text.split()
        phrase = any(_WORD.match(a) and _WORD.match(b) for a, b in zip(tokens, tokens[1:]))
        capitalised = len(tokens) == 1 and re.match(r"^[A-Z][a-z]", tokens[0]) and tokens[0] not in KEY_NAMES
        if phrase or capitalised:
            found.append(text)
    return found


def test_the_checker_finds_english_in_scripts():
    """What the scripts held before their words came from the page."""
    old = '''
      const status = h("p", { class: "dir-count" }, "Loading the directory…");
      this.toggle = h("button", { type: "button" }, "Filters");
      this.more = h("button", { type: "button", class: "dir-more md-button", text: 'Show more' });
      list.setAttribute("aria-label", "Matching programmes");
      span("dir-hsearch__all", `All ${plural(res.total, "result", "results")}`);
      live.textContent = res.total === 0 ? "No programmes found." : `${n} found, the first ${m} shown`;
    '''
    found = reader_english(old)
    for text in ("Loading the directory…", "Filters", "Show more", "Matching programmes", "No programmes found.",
                 "  found, the first   shown"):
        assert text in found, (text, found)
    # and not code: selectors, attributes, keys, catalogue keys, developer messages
    code = '''
      document.querySelector("ol.dir-results > li.dir-result"); el.setAttribute("aria-expanded", "false");
      if (ev.key === "Enter" || ev.key === "ArrowDown") say("search.page.more", {n: 1});
      throw new Error(`directory index: unknown format ${format}`); say(`search.why.${group}`);
      const WORD = /[\\p{L}\\p{N}_]+/gu; // Show more words in a comment
    '''
    assert reader_english(code) == []


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.name for s in SCRIPTS])
def test_no_english_a_reader_sees_in_the_scripts(script):
    source = script.read_text(encoding="utf-8")
    assert reader_english(source) == []
    # nor in any literal a text of the English search catalogue (its phrases
    # and capitalised words), whatever the literal's shape
    texts = "\n".join(text for _, text in literals(source))
    for key, text in i18n.catalogue("en").texts.items():
        for form in (text.values() if isinstance(text, dict) else [text]):
            for part in re.split(r"\{\w+\}", form):
                part = part.strip(" .,;:")
                if len(part) > 3 and (" " in part or part[0].isupper()):
                    assert part not in texts, (script.name, key, part)


@pytest.mark.parametrize("script", sorted(AREA_OF), ids=sorted(AREA_OF))
def test_every_key_a_script_asks_for_is_in_its_words_in_every_language(script):
    source = _blank_comments((ROOT / "docs/assets/directory" / script).read_text(encoding="utf-8"))
    keys = set(re.findall(r"""say\(\s*["'](search\.[a-z_.]+)["']""", source))
    keys |= set(re.findall(r"""["'](search\.(?:page|header)\.[a-z_]+)["']""", source))
    assert keys, script
    assert all(k.startswith(f"search.{AREA_OF[script]}.") for k in keys), keys
    shared = (ROOT / "docs/assets/directory/shared.js").read_text(encoding="utf-8")
    assert "say(`search.why.${t.group}`" in shared
    keys |= {f"search.why.{group}" for group, _, _ in TERM_GROUPS}
    for lang in i18n.LANGUAGES:
        words = script_words(lang, AREA_OF[script])
        assert keys <= set(words), (lang, keys - set(words))


def test_every_language_has_the_same_search_words():
    english = {k for k in i18n.catalogue("en").texts if k.startswith("search.")}
    for lang in i18n.LANGUAGES:
        texts = i18n.catalogue(lang).texts
        assert {k for k in texts if k.startswith("search.")} == english, lang
        for key in english:
            assert type(texts[key]) is type(i18n.catalogue("en").texts[key]), (lang, key)
            if isinstance(texts[key], dict):
                assert set(texts[key]) >= {"one", "other"}, (lang, key)
        for area in AREAS:
            assert script_words(lang, area)
