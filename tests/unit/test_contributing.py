"""The contributor documents stay true: CONTRIBUTING.md, the pull request
template, the issue forms and CODEOWNERS.

* Every ``path:line:col:`` line quoted in CONTRIBUTING.md is exactly what the
  checker prints today for the mistake the document describes. The examples
  use the small, self-contained data folder the document describes (its
  example record as ``data/programmes.yaml``, the real vocabularies, and only
  the organisations and sources that record needs), so they do not move when
  editors change the real data.
* The issue forms have the structure GitHub requires, and the programme form
  cannot drift from the data: its dropdowns offer exactly the vocabulary terms,
  and every field of a programme record is either asked for or listed below
  with the reason it is not.

When a test here fails after an intended change (a new vocabulary term, a
reworded message, a new schema field), the assertion says what to write where.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import warnings
from pathlib import Path
from typing import Callable

import pytest
import yaml

from directory.load import load_file, load_text
from directory.validate import validate
from directory.schema.records import find
from directory.validate.rules.references import FIELDS as REFERENCE_FIELDS
from directory.schema import SCHEMA
from support import DATA, ROOT

CONTRIBUTING = ROOT / "CONTRIBUTING.md"
PR_TEMPLATE = ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md"
CODEOWNERS = ROOT / ".github" / "CODEOWNERS"
FORMS_DIR = ROOT / ".github" / "ISSUE_TEMPLATE"
FORMS = ["propose-programme.yml", "correction.yml", "broken-link.yml"]
TODAY = dt.date(2026, 11, 23)  # the day tests/conftest.py fixes


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def doc() -> str:
    return read(CONTRIBUTING)


# --------------------------------------------------------------------------
# CONTRIBUTING.md: the example record and the messages quoted for mistakes
# --------------------------------------------------------------------------

EXAMPLE_START = "programmes:\n  - id: "
MESSAGE = re.compile(r"data/[\w.-]+\.ya?ml:\d+:\d+: (?:error|warning): [^`\n]*\[[\w-]+\]")


def example_file(text: str) -> str:
    """The example data file: the ```yaml block of CONTRIBUTING.md that starts with 'programmes:'."""
    blocks = re.findall(r"^```yaml\n(.*?)^```", text, re.M | re.S)
    found = [b for b in blocks if b.startswith(EXAMPLE_START)]
    assert len(found) == 1, ("CONTRIBUTING.md must hold exactly one ```yaml block that starts "
                             "with 'programmes:' (the example record the messages are made from)")
    return found[0]


Edit = Callable[[str], str]


def replace(old: str, new: str) -> Edit:
    """Replace the one occurrence of ``old`` in the example file with ``new``.
    The document must show ``new`` (the line as the editor got it wrong)."""
    def edit(text: str) -> str:
        assert text.count(old) == 1, f"the example record must contain {old!r} exactly once"
        return text.replace(old, new)
    edit.shows = new.strip()
    return edit


def copy_record_below(text: str) -> str:
    """A copy of the record pasted below it, its id unchanged (a blank line between)."""
    return text + "\n" + text[len("programmes:\n"):]


copy_record_below.shows = None

# mistake -> the edit that makes it; CONTRIBUTING.md quotes what the checker prints for each
EXAMPLES: dict[str, Edit] = {
    # the worked example
    "unknown-role": replace("{id: sos-kinderdorpen, role: implementer}", "{id: sos-kinderdorpen, role: implementor}"),
    # the table of common errors
    "unknown-field": replace("    settings: [residential, family-based]", "    setting: [residential, family-based]"),
    "unknown-term": replace("    scope: regional\n", "    scope: regionaal\n"),
    "number-for-text": replace(
        'locator: "Pilootproject: Kleinschalig verblijf in familiale setting voor allerjongsten"}',
        "locator: 12}"),
    "colon-unquoted": replace(
        'locator: "Pilootproject: Kleinschalig verblijf in familiale setting voor allerjongsten"}',
        "locator: Pilootproject: Kleinschalig verblijf in familiale setting voor allerjongsten}"),
    "date-format": replace('start: "2019"', 'start: "01/2019"'),
    "duplicate-id": copy_record_below,
    "unknown-reference": replace("{id: sos-kinderdorpen, role: implementer}", "{id: sos-kinderdorp, role: implementer}"),
    "comma-in-braces": replace(
        "note: {nl: Na een jaar wordt het pilootproject geëvalueerd., en:",
        "note: {nl: Na een jaar, wordt het pilootproject geëvalueerd., en:"),
    "missing-required": replace('    last_reviewed: "2026-11-23"\n', ""),
    # the sections on ids, languages and review dates
    "id-not-a-slug": replace("  - id: opgroeien-kleinschalig-verblijf-0-3", "  - id: opgroeien_kleinschalig_verblijf"),
    "no-original-language": replace('      nl: "Kleinschalig verblijf in familiale setting voor allerjongsten"\n', ""),
    "no-english-summary": replace(
        "      en: Pilot in which SOS Kinderdorpen cares for children aged 0 to 3 in a small-scale "
        "family setting with consistent professional carers.\n", ""),
    "review-due": replace('last_reviewed: "2026-11-23"', 'last_reviewed: "2025-10-01"'),
}


def _references(type_: str, data: dict):
    for pattern, target in REFERENCE_FIELDS.get(type_, []):
        for _, value in find(data, pattern):
            yield target, value


def write_example_folder(folder: Path, programmes: str, base: str) -> None:
    """The data folder CONTRIBUTING.md describes: ``programmes`` as programmes.yaml,
    the real vocabularies, and the real organisations and sources that the
    example record (``base``) names, directly or through each other."""
    folder.mkdir(parents=True)
    shutil.copy(DATA / "vocabularies.yaml", folder / "vocabularies.yaml")
    (folder / "programmes.yaml").write_text(programmes, encoding="utf-8")
    real: dict[str, list[dict]] = {}
    by_id: dict[tuple[str, str], dict] = {}
    for key, type_ in (("organisations", "organisation"), ("sources", "source")):
        items = load_file(DATA / f"{key}.yaml").data[key]
        real[key] = items
        by_id.update({(type_, item["id"]): item for item in items})
    record = load_text(base, "example").data["programmes"][0]
    wanted: set[tuple[str, str]] = set()
    todo = list(_references("programme", record))
    while todo:
        ref = todo.pop()
        if ref in wanted or ref not in by_id:
            continue
        wanted.add(ref)
        todo.extend(_references(ref[0], by_id[ref]))
    for key, type_ in (("organisations", "organisation"), ("sources", "source")):
        keep = [item for item in real[key] if (type_, item["id"]) in wanted]
        (folder / f"{key}.yaml").write_text(
            yaml.safe_dump({key: keep}, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def checker_lines(tmp: Path, programmes: str, base: str) -> list[str]:
    """What ``make check`` prints for the example folder, run from its parent
    so that files are named 'data/…' as in the document."""
    write_example_folder(tmp / "data", programmes, base)
    here = os.getcwd()
    os.chdir(tmp)
    try:
        return [p.format() for p in validate("data", today=TODAY).problems]
    finally:
        os.chdir(here)


@pytest.fixture(scope="module")
def produced(doc, tmp_path_factory) -> dict[str, list[str]]:
    """Mistake -> the lines the checker prints for it ('' -> the example as written)."""
    base = example_file(doc)
    out = {"": checker_lines(tmp_path_factory.mktemp("example"), base, base)}
    for name, edit in EXAMPLES.items():
        out[name] = checker_lines(tmp_path_factory.mktemp(name), edit(base), base)
    return out


def quoted_messages(doc: str) -> list[str]:
    return MESSAGE.findall(doc)


def test_the_example_record_is_valid(produced):
    assert produced[""] == [], "the example record in CONTRIBUTING.md must pass the check as it stands"


def test_the_example_record_is_a_real_record(doc):
    """The example is taken from data/programmes.yaml; its id must still exist there
    (it may have been edited since, which is fine: the example is self-contained)."""
    record = load_text(example_file(doc), "example").data["programmes"][0]
    real = load_file(DATA / "programmes.yaml").data["programmes"]
    assert record["id"] in {r["id"] for r in real}


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_each_mistake_is_quoted_exactly(name, doc, produced):
    lines = produced[name]
    assert len(lines) == 1, f"the mistake '{name}' should give one message, got: {lines}"
    assert lines[0] in doc, (
        f"CONTRIBUTING.md must quote what the checker prints today for the mistake '{name}'. "
        f"Replace the old line with:\n{lines[0]}")
    shows = EXAMPLES[name].shows
    if shows:
        assert shows in doc, f"CONTRIBUTING.md must show the broken text for '{name}': {shows}"


def test_every_quoted_message_comes_from_an_example(doc, produced):
    made = {line for name, lines in produced.items() for line in lines}
    stale = [line for line in quoted_messages(doc) if line not in made]
    assert not stale, ("CONTRIBUTING.md quotes checker lines that no example in this test produces "
                       "(reworded message, or an example without a test):\n" + "\n".join(stale))
    assert len(quoted_messages(doc)) >= len(EXAMPLES)


def test_every_make_command_is_mentioned(doc):
    for command in ["make check", "make fmt", "make fmt-check", "make serve", "make build", "make test"]:
        assert re.search(re.escape(command) + r"(?![\w-])", doc), f"CONTRIBUTING.md must mention `{command}`"
    assert re.search(r"make new KIND=[\w-]+ ID=[\w-]+", doc), "CONTRIBUTING.md must mention `make new KIND=… ID=…`"


def test_contributing_links_and_names(doc):
    assert "fields/" in doc and "Field reference" in doc
    for form in FORMS:
        name = yaml.safe_load(read(FORMS_DIR / form))["name"]
        assert name in doc, f"CONTRIBUTING.md must name the issue form '{name}'"
    assert "README.md" in doc.split("## For developers", 1)[-1]
    assert "site-preview" in doc
    for team in re.findall(r"@[\w-]+/[\w-]+", doc):
        assert team in read(CODEOWNERS), f"{team} is mentioned in CONTRIBUTING.md but not in CODEOWNERS"


def test_the_example_source_record_is_valid(doc):
    """The source record shown under 'Sources and organisations' passes the schema."""
    from directory.validate.schema_check import check_file

    blocks = [b for b in re.findall(r"^```yaml\n(.*?)^```", doc, re.M | re.S) if b.startswith("sources:\n")]
    assert len(blocks) == 1
    file = load_text(blocks[0], "data/sources.yaml")
    assert file.problems == [] and check_file(file) == []


# --------------------------------------------------------------------------
# The pull request template and CODEOWNERS
# --------------------------------------------------------------------------

PERSONAL_DATA_CHECKLIST = [
    "every fact comes from a named source",
    "nothing invented — open facts left out",
    "everything in this repository is public: I added no personal data beyond contact details "
    "a source published, and I cited that source",
    "nothing marked confidential",
    "no data about individual children, parents or families",
    "last_reviewed set to today on records I checked",
    "`make check` passes (or the PR check is green)",
]


def test_pull_request_template_has_the_checklist():
    text = read(PR_TEMPLATE)
    boxes = [re.sub(r"\s+", " ", item).strip()
             for item in re.findall(r"^- \[ \] (.+(?:\n  .+)*)", text, re.M)]
    for item in PERSONAL_DATA_CHECKLIST:
        assert item in boxes, f"the pull request template must have the checkbox '- [ ] {item}'"
    lower = text.lower()
    for part in ("what changed", "why", "source", "title", "url", "date"):
        assert part in lower, f"the pull request template must ask for {part!r}"


def codeowners() -> list[tuple[str, list[str]]]:
    rules = []
    for line in read(CODEOWNERS).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def owners_of(path: str) -> list[str]:
    """The owners of a repository path: the last matching line wins (only the
    pattern forms used here: '*' and '/folder/')."""
    found: list[str] = []
    for pattern, owners in codeowners():
        if pattern == "*" or (pattern.startswith("/") and pattern.endswith("/") and
                              ("/" + path).startswith(pattern)):
            found = owners
    return found


def test_codeowners_assigns_data_and_schema_to_teams():
    text = read(CODEOWNERS)
    head = text.split("\n\n", 1)[0]
    assert "placeholder" in head and "real organisation" in head, \
        "the comment at the top must say that the team handles are placeholders"
    for pattern, owners in codeowners():
        assert owners, f"'{pattern}' has no owner"
        for owner in owners:
            assert re.fullmatch(r"@[A-Za-z0-9-]+/[A-Za-z0-9_.-]+", owner), f"{owner} is not a team handle"
    assert owners_of("data/programmes.yaml") == ["@child-welfare-directory/editors"]
    assert owners_of("data/vocabularies.yaml") == ["@child-welfare-directory/editors"]
    assert owners_of("schema/directory.schema.json") == ["@child-welfare-directory/maintainers"]
    assert owners_of("scripts/directory/load.py") == ["@child-welfare-directory/maintainers"]
    assert owners_of(".github/CODEOWNERS") == ["@child-welfare-directory/maintainers"]


# --------------------------------------------------------------------------
# Issue forms: the structure GitHub requires
# --------------------------------------------------------------------------

TOP_LEVEL = {"name", "description", "title", "labels", "assignees", "projects", "type", "body"}
ATTRIBUTES = {
    "markdown": {"value"},
    "textarea": {"label", "description", "placeholder", "value", "render"},
    "input": {"label", "description", "placeholder", "value"},
    "dropdown": {"label", "description", "multiple", "options", "default"},
    "checkboxes": {"label", "description", "options"},
}
REQUIRED_ATTRIBUTES = {"markdown": {"value"}, "textarea": {"label"}, "input": {"label"},
                       "dropdown": {"label", "options"}, "checkboxes": {"label", "options"}}
FORBIDDEN_LABEL_WORDS = ("password",)


def load_form(name: str) -> dict:
    return yaml.safe_load(read(FORMS_DIR / name))


def elements(form: dict) -> dict[str, dict]:
    return {e["id"]: e for e in form["body"] if "id" in e}


def _text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _keys_are_text(value, where: str) -> None:
    """YAML turns keys such as 'yes' or 'on' into booleans; GitHub forbids them."""
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str), f"{where}: key {key!r} is not a text"
            _keys_are_text(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _keys_are_text(item, f"{where}[{i}]")


def _parameterize(label: str) -> str:
    """How GitHub turns a label into a reference (Rails' parameterize)."""
    return re.sub(r"[^a-z0-9_-]+", "-", label.lower()).strip("-")


@pytest.mark.parametrize("name", FORMS)
def test_issue_form_has_the_structure_github_requires(name):
    form = load_form(name)
    _keys_are_text(form, name)
    assert isinstance(form, dict) and set(form) <= TOP_LEVEL, f"{name}: unknown top-level keys"
    for key in ("name", "description"):
        assert _text(form.get(key)), f"{name}: '{key}' must be a non-empty text"
    if "title" in form:
        assert _text(form["title"])
    assert isinstance(form.get("labels", []), list) and all(_text(x) for x in form.get("labels", []))
    body = form.get("body")
    assert isinstance(body, list) and body, f"{name}: 'body' must be a non-empty list"
    assert any(e.get("type") != "markdown" for e in body), f"{name}: needs a field besides markdown"
    ids, labels = [], []
    for i, element in enumerate(body):
        where = f"{name} body[{i}]"
        assert isinstance(element, dict) and set(element) <= {"type", "id", "attributes", "validations"}, where
        kind = element.get("type")
        assert kind in ATTRIBUTES, f"{where}: unknown type {kind!r}"
        attributes = element.get("attributes")
        assert isinstance(attributes, dict), f"{where}: 'attributes' is required"
        assert set(attributes) <= ATTRIBUTES[kind], f"{where}: not permitted: {set(attributes) - ATTRIBUTES[kind]}"
        assert REQUIRED_ATTRIBUTES[kind] <= set(attributes), f"{where}: missing {REQUIRED_ATTRIBUTES[kind]}"
        for key in ("label", "description", "placeholder", "value", "render"):
            if key in attributes:
                assert _text(attributes[key]), f"{where}: '{key}' must be a non-empty text"
        if kind == "markdown":
            assert "id" not in element and "validations" not in element, f"{where}: markdown takes neither id nor validations"
            continue
        element_id = element.get("id")
        assert isinstance(element_id, str) and re.fullmatch(r"[A-Za-z0-9_-]+", element_id), \
            f"{where}: every field needs an id of letters, digits, - and _"
        ids.append(element_id)
        label = attributes["label"]
        assert not any(w in label.lower() for w in FORBIDDEN_LABEL_WORDS), f"{where}: forbidden word in label"
        labels.append(label)
        if "validations" in element:
            assert kind != "checkboxes", f"{where}: checkboxes are required per option"
            assert set(element["validations"]) <= {"required"}
            assert isinstance(element["validations"]["required"], bool)
        if kind == "dropdown":
            options = attributes["options"]
            assert isinstance(options, list) and options, f"{where}: options must not be empty"
            assert all(_text(o) for o in options), f"{where}: every option must be a text (quote yes, no, true…)"
            assert len(set(options)) == len(options), f"{where}: options must be unique"
            assert "none" not in {o.strip().lower() for o in options}, f"{where}: 'None' is reserved"
            if "multiple" in attributes:
                assert isinstance(attributes["multiple"], bool)
            if "default" in attributes:
                assert isinstance(attributes["default"], int) and 0 <= attributes["default"] < len(options)
        if kind == "checkboxes":
            options = attributes["options"]
            assert isinstance(options, list) and options, f"{where}: options must not be empty"
            for option in options:
                assert isinstance(option, dict) and set(option) <= {"label", "required"}, where
                assert _text(option.get("label")), f"{where}: every checkbox needs a label"
                assert isinstance(option.get("required", False), bool)
                labels.append(option["label"])
    assert len(set(ids)) == len(ids), f"{name}: ids must be unique: {ids}"
    assert len(set(labels)) == len(labels), f"{name}: labels must be unique"
    refs = [_parameterize(label) for label in labels]
    assert len(set(refs)) == len(refs), f"{name}: labels are too similar"


def test_issue_chooser_config():
    config = yaml.safe_load(read(FORMS_DIR / "config.yml"))
    assert set(config) <= {"blank_issues_enabled", "contact_links"}
    assert config["blank_issues_enabled"] is False
    links = config["contact_links"]
    assert isinstance(links, list) and links
    for link in links:
        assert set(link) == {"name", "url", "about"} and all(_text(v) for v in link.values())
        assert link["url"].startswith("https://")
    assert any(link["url"].endswith("/CONTRIBUTING.md") for link in links)
    names = {load_form(f)["name"] for f in FORMS}
    assert len(names) == len(FORMS), "every form needs a name of its own"


@pytest.mark.parametrize("name,required", [
    ("correction.yml", ["record", "wrong", "right", "source"]),
    ("broken-link.yml", ["page", "broken-url"]),
])
def test_correction_and_broken_link_forms_ask_what_is_needed(name, required):
    fields = elements(load_form(name))
    for element_id in required:
        assert element_id in fields, f"{name} must ask for '{element_id}'"
        assert fields[element_id].get("validations", {}).get("required") is True, \
            f"{name}: '{element_id}' must be required"
    if name == "broken-link.yml":
        assert {"expected", "replacement-url"} <= set(fields)


# --------------------------------------------------------------------------
# The programme proposal form mirrors the schema and the vocabularies
# --------------------------------------------------------------------------

PROPOSAL = "propose-programme.yml"

# dropdown id -> vocabulary; its options are "id — English label" for every term, in order
DROPDOWNS = {
    "kind": "kinds",
    "original-language": "languages",
    "countries": "countries",
    "regions": "regions",
    "scope": "scopes",
    "who": "target_groups",
    "themes": "themes",
    "settings": "settings",
    "languages": "languages",
    "status": "statuses",
    "evaluation-status": "evaluation_statuses",
}
MULTIPLE = {"countries", "regions", "who", "themes", "settings", "languages"}

# every field of $defs/programme -> the form elements that ask for it
FIELD_ELEMENTS = {
    "id": ["suggested-id"],
    "kind": ["kind"],
    "original_language": ["original-language"],
    "name": ["name", "name-en"],
    "summary": ["summary", "summary-en"],
    "description": ["description"],
    "parent": ["parent"],
    "countries": ["countries"],
    "regions": ["regions"],
    "municipalities": ["municipalities"],
    "scope": ["scope"],
    "organisations": ["organisations"],
    "target_group": ["who", "ages", "target-note"],
    "themes": ["themes"],
    "settings": ["settings"],
    "languages": ["languages"],
    "period": ["period"],
    "status": ["status"],
    "funding": ["funding"],
    "evaluation": ["evaluation-status", "evaluation"],
    "legal_basis": ["legal-basis"],
    "milestones": ["milestones"],
    "links": ["url"],
    "sources": ["source-title", "source-publisher", "source-date", "source-location", "source-where"],
    "last_reviewed": ["checked-on"],
}
# fields the form deliberately does not ask for, and why
NOT_ASKED = {
    "contacts": "personal data: the maintainers take a contact point from the published source itself",
    "replaced_by": "set on the old record when a programme is replaced: a correction, not a proposal",
    "derived": "what a value is derived from: the maintainers note it when they check the record against the source",
}
# form elements that must be filled in (the source in full, the confirmations)
REQUIRED_ELEMENTS = {"name", "kind", "original-language", "summary", "source-title", "source-publisher",
                     "source-date", "source-location", "source-where", "checked-on"}


def vocabularies() -> dict:
    return load_file(DATA / "vocabularies.yaml").data["vocabularies"]


def _missing_from_form(where: str, vocabulary: str, expected: list[str]) -> None:
    """A term (or label) the form does not offer yet: a warning, not a failure.

    Editors add terms to data/vocabularies.yaml in their pull requests (from
    GitHub's web editor too); the form is a maintainer's file, and a proposer
    who misses a term can name it in words. So a form behind the vocabulary
    must not turn an editor's pull request red
    (tests/site/test_web_editor_pull_request.py); the warning says what to write."""
    warnings.warn(f".github/ISSUE_TEMPLATE/{PROPOSAL}: {where} does not offer every term of the "
                  f"'{vocabulary}' vocabulary as data/vocabularies.yaml has it. Write:\n"
                  + "\n".join(expected), UserWarning, stacklevel=2)


def test_proposal_dropdowns_offer_the_vocabulary_terms():
    """Every option is a term of its vocabulary, in the vocabulary's order;
    a term the form lacks, or a label written otherwise, is a warning."""
    fields = elements(load_form(PROPOSAL))
    vocab = vocabularies()
    dropdowns = {i for i, e in fields.items() if e["type"] == "dropdown"}
    assert dropdowns == set(DROPDOWNS), "every dropdown of the form must be mapped to its vocabulary here"
    for element_id, name in DROPDOWNS.items():
        terms = [t["id"] for t in vocab[name]]
        expected = [f"{t['id']} — {t['label']['en']}" for t in vocab[name]]
        options = fields[element_id]["attributes"]["options"]
        ids = [o.split(" — ", 1)[0] for o in options]
        unknown = [i for i in ids if i not in terms]
        assert not unknown and ids == [t for t in terms if t in ids], (
            f".github/ISSUE_TEMPLATE/{PROPOSAL}: '{element_id}' offers {unknown or 'terms in another order'}: "
            f"the options must be terms of the '{name}' vocabulary in data/vocabularies.yaml, in order. "
            "Write them as:\n" + "\n".join(f"        - {o}" for o in expected))
        if options != expected:
            _missing_from_form(f"the dropdown '{element_id}'", name, [f"        - {o}" for o in expected])
        assert fields[element_id]["attributes"].get("multiple", False) is (element_id in MULTIPLE)


def test_proposal_lists_the_organisation_roles():
    description = elements(load_form(PROPOSAL))["organisations"]["attributes"]["description"]
    line = next(line for line in description.splitlines() if line.startswith("Roles:"))
    roles = re.findall(r"`([^`]+)`", line)
    terms = [t["id"] for t in vocabularies()["organisation_roles"]]
    expected = "Roles: " + ", ".join(f"`{t}`" for t in terms) + "."
    assert roles and roles == [t for t in terms if t in roles], (
        f"the organisations field lists roles that are not in the organisation_roles vocabulary: {expected}")
    if roles != terms:
        _missing_from_form("the organisations field", "organisation_roles", [expected])


def test_proposal_asks_for_every_programme_field():
    programme = SCHEMA.root["$defs"]["programme"]
    fields = elements(load_form(PROPOSAL))
    properties = set(programme["properties"])
    assert set(FIELD_ELEMENTS) | set(NOT_ASKED) == properties, (
        "every field of $defs/programme must be asked for by the proposal form (FIELD_ELEMENTS) or "
        f"listed with a reason in NOT_ASKED; new: {properties - set(FIELD_ELEMENTS) - set(NOT_ASKED)}, "
        f"gone: {set(FIELD_ELEMENTS) | set(NOT_ASKED) - properties}")
    assert not set(FIELD_ELEMENTS) & set(NOT_ASKED)
    for field, element_ids in FIELD_ELEMENTS.items():
        for element_id in element_ids:
            assert element_id in fields, f"schema field '{field}' maps to form element '{element_id}', which is missing"
    for field in programme["required"]:
        assert field in FIELD_ELEMENTS, f"required schema field '{field}' is not asked for by the form"
    mapped = {e for ids in FIELD_ELEMENTS.values() for e in ids}
    extra = set(fields) - mapped - {"confirmations", "anything-else"}
    assert not extra, f"form elements not mapped to a schema field: {extra}"


def test_proposal_requires_the_source_and_the_confirmations():
    fields = elements(load_form(PROPOSAL))
    for element_id in REQUIRED_ELEMENTS:
        assert fields[element_id].get("validations", {}).get("required") is True, f"'{element_id}' must be required"
    for field in SCHEMA.root["$defs"]["programme"]["required"]:
        if field != "id":  # the maintainers choose the id when the proposer does not
            assert set(FIELD_ELEMENTS[field]) & REQUIRED_ELEMENTS, f"required field '{field}' must be required in the form"
    boxes = fields["confirmations"]["attributes"]["options"]
    assert all(box.get("required") is True for box in boxes)
    text = " ".join(box["label"].lower() for box in boxes)
    for words in ("source", "invented", "personal data", "confidential", "child, parent or family"):
        assert words in text, f"the confirmations must cover '{words}'"
