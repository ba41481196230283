"""The Rules page (rules.md) documents every rule of the check from the rule
itself: its id, its level, its docstring and its example, with the lines the
check writes about the example (checked when the page is made, so the page
cannot show a message the check no longer writes).

To accept a change of the page (a rule's docstring or example changed), run

    UPDATE_GOLDEN=1 make test PYTEST_ARGS=tests/unit/test_rules_page.py

and review the diff of tests/golden/expected/reference/rules.md.
"""
from __future__ import annotations

import inspect
import os
import re
import types

import markdown
import pytest
import yaml

from directory.render.rules_page import PATH, doc_markdown, rule_doc, rules_page
from directory.validate import rules
from directory.validate.examples import EXAMPLES, ExampleError, example_files, run_example
from support import DATA, ROOT

GOLDEN = ROOT / "tests" / "golden" / "expected" / "reference" / "rules.md"


@pytest.fixture(scope="module")
def page() -> str:
    return rules_page()


def test_the_page_is_the_golden_page(page):
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(page, encoding="utf-8")
    assert page == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", rules.ALL, ids=lambda rule: rule.ID)
def test_every_rule_is_on_the_page_with_its_level_documentation_and_messages(page, rule):
    section = page.split(f"{{ #{rule.ID} }}\n", 1)[1].split("\n## ", 1)[0]
    summary, _, body = inspect.cleandoc(rule.__doc__).partition("\n\n")
    assert f"**{' '.join(summary.split())}**" in section
    assert f"Level\n:   {rule.LEVEL}: " in section
    for paragraph in body.split("\n\n"):
        if "<" not in paragraph and "&" not in paragraph:
            assert paragraph.strip() in section
    example = run_example(rule)
    for path, text in example.files.items():
        assert f"In `{path}`:\n\n" + "".join(f"    {line}\n" if line else "\n"
                                               for line in text.splitlines()) in section
    assert "The check writes:\n\n" + "".join(f"    {line}\n" for line in example.lines) in section
    shown_id = rule.ID.replace("-", "\\-")  # escaped as Markdown text
    assert f"| [{shown_id}](#{rule.ID}) | {rule.LEVEL} |" in page


def test_each_rules_example_shows_its_rule_and_only_it():
    for rule in rules.ALL:
        example = run_example(rule)
        assert example.problems and {p.rule for p in example.problems} == {rule.ID}
        assert {p.level for p in example.problems} == {rule.LEVEL}
        assert all(p.path.startswith("data/") for p in example.problems)
        assert all("rule-example-" not in line for line in example.lines)  # no temporary folder shown


def _made_up() -> types.ModuleType:
    """A rule like age-range, with no example of its own."""
    module = types.ModuleType("made_up", "Made up.")
    module.ID, module.LEVEL = "age-range", "error"
    module.check = rules.by_id("age-range").check
    return module


AGES = example_files(rules.by_id("age-range"))["data/programmes.yaml"]


def test_an_example_that_passes_the_check_or_breaks_another_rule_is_refused():
    valid = AGES.replace("age_min: 6", "age_min: 1")
    with pytest.raises(ExampleError, match="the example of rule age-range passes the check"):
        run_example(_made_up(), {"data/programmes.yaml": valid})
    other = valid.replace("summary: {nl: Coaching thuis., en: Coaching at home.}", "summary: {nl: Coaching thuis.}")
    with pytest.raises(ExampleError, match=r"breaks other rules too: data/programmes.yaml:6:14: warning: "
                                           r"programmes\[0\].summary: no English summary"):
        run_example(_made_up(), {"data/programmes.yaml": other})
    with pytest.raises(ExampleError, match="rule age-range has no example"):
        run_example(_made_up(), {})
    with pytest.raises(ExampleError, match="lies outside its folder"):
        run_example(_made_up(), {"../programmes.yaml": valid})


def test_an_example_with_a_schema_error_is_refused():
    """The rules look only into records that pass the schema: an example must."""
    broken = AGES.replace("    kind: programme\n", "")
    with pytest.raises(ExampleError, match=r"required field 'kind' is missing .*\[schema\]"):
        run_example(_made_up(), {"data/programmes.yaml": broken})


def test_every_rule_has_an_example_folder_and_no_folder_is_left_over():
    folders = {p.name for p in EXAMPLES.iterdir() if p.is_dir()}
    assert folders == {rule.ID for rule in rules.ALL} | {"background"}


@pytest.mark.parametrize("text, markdown", [
    ("Write programmes/<id>/ & more.", "Write programmes/&lt;id&gt;/ &amp; more."),
    ("In code: ``<b>`` and `a & b`, not <b>.", "In code: ``<b>`` and `a & b`, not &lt;b&gt;."),
    ("A block:\n\n    <b>as written</b>\n\nand <i>.", "A block:\n\n    <b>as written</b>\n\nand &lt;i&gt;."),
    ("- a list\n  with <x>", "- a list\n  with &lt;x&gt;"),
])
def test_docstrings_show_html_characters_as_text_outside_code(text, markdown):
    assert doc_markdown(text) == markdown


def test_no_docstring_puts_raw_html_on_the_page(page):
    """Outside code, the page has only the elements its own Markdown makes:
    'programmes/<id>/' in a docstring is text, not an element."""
    html = markdown.markdown(page, extensions=["def_list", "tables", "attr_list"])
    outside_code = re.sub(r"<code>.*?</code>", "", html, flags=re.S)
    assert set(re.findall(r"<([a-z0-9]+)[\s>]", outside_code)) == {
        "h1", "h2", "h3", "p", "strong", "pre", "a", "table", "thead", "tbody", "tr", "th", "td",
        "dl", "dt", "dd", "ul", "li"}
    assert "programmes/&lt;id&gt;/" in outside_code


def test_the_site_has_the_page_under_editors():
    from directory import model
    from directory.site import site_files
    from directory.validate import validate

    result = validate(DATA)
    assert site_files(result.context, model.build(result.context))[0][PATH] == rules_page()
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "#"))["nav"]
    editors = next(item["Editors"] for item in nav if isinstance(item, dict) and "Editors" in item)
    assert {"Rules": "rules.md"} in editors


def test_the_page_is_the_same_on_any_day(monkeypatch, page):
    monkeypatch.setenv("DIRECTORY_TODAY", "2031-01-01")
    assert rules_page.__wrapped__() == page  # made again, not the one made once a process


def test_a_rule_without_its_declarations_has_no_page():
    module = _made_up()
    del module.LEVEL
    with pytest.raises(rules.RuleError):
        rule_doc(module)
