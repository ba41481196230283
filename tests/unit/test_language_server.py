"""What an editor sees in VS Code: yaml-language-server (the engine of VS Code's
YAML extension, pinned in package.json) checks the data files against the
schema their first line names, driven over its language-server protocol as
VS Code drives it (tests/lsp.py): initialize, the settings of
.vscode/settings.json through workspace/configuration, textDocument/didOpen,
and the textDocument/publishDiagnostics it sends back.

The mistakes are those editors make most (issue 10, section 4). Each test
says which the editor's tool flags as they type, and which only `make check`
finds: the README and CONTRIBUTING say the same.
"""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from lsp import Server
from support import DATA, ROOT
from directory.schema import dates
from directory.schema.editor import EDITOR_SCHEMA_PATH, for_context, named_schema
from directory.schema.patterns import ecma
from directory.validate import validate
from directory.validate.rules import urls

# A pilot as an editor writes it, valid for the editor's tool and for make check
# (its organisations and source are real records of data/).
RECORD = """\
# yaml-language-server: $schema=../schema/editor.schema.json
programmes:
  - id: example-pilot
    kind: pilot
    original_language: nl
    name:
      nl: Kleinschalig verblijf
      en: Small-scale residential care
    summary:
      nl: Pilootproject voor kinderen van 0 tot 3 jaar.
      en: Pilot for children aged 0 to 3.
    countries: [BE]
    regions: [BE-VLG]
    scope: regional
    organisations:
      - {id: sos-kinderdorpen, role: implementer}
    target_group:
      who: [children]
      age_min: 0
      age_max: 3
    themes: [residential-care, early-childhood]
    settings: [residential, family-based]
    period:
      start: "2019"
    funding:
      - amount: 290000
        currency: EUR
        funder: opgroeien
    links:
      - title: {en: More information}
        url: https://www.opgroeien.be/
    sources:
      - {source: opgroeien-jonge-kind, locator: Pilootproject}
    last_reviewed: "2026-11-23"
"""

COPY = """\
  - id: example-pilot
    kind: pilot
    original_language: nl
    name: {nl: Kopie}
    summary: {nl: Een kopie., en: A copy.}
    sources: [{source: opgroeien-jonge-kind}]
    last_reviewed: "2026-11-23"
"""

# mistake -> (the change to RECORD, the diagnostic the editor sees: 0-based line and
# character as the protocol counts them, and the message; only: no other diagnostic)
FLAGGED = {
    "misspelt field": (("    settings:", "    setting:"),
                       (21, 4, "Property setting is not allowed."), True),
    "unknown theme": (("[residential-care,", "[residental-care,"),
                      (20, 13, "enum: themes"), True),
    "'March 2019' as a date": (('start: "2019"', "start: March 2019"),
                               (23, 13, "Allowed: " + dates.ALLOWED + "."), True),
    "'0-3' as an age": (("      age_min: 0\n      age_max: 3\n", '      age_min: "0-3"\n'),
                        (18, 15, 'Incorrect type. Expected "number".'), True),
    "colon in unquoted text": (("      en: Small-scale residential care\n",
                                "      en: Residential care: a family setting\n"),
                               (7, 10, "Nested mappings are not allowed in compact mappings"), False),
    "tab in the indentation": (("      age_min: 0", "    \tage_min: 0"),
                               (18, 4, "Tabs are not allowed as indentation"), False),
    "missing sources": (("    sources:\n      - {source: opgroeien-jonge-kind, locator: Pilootproject}\n", ""),
                        (2, 4, 'Missing property "sources".'), True),
    "www. URL without a scheme": (("url: https://www.opgroeien.be/", "url: www.opgroeien.be"),
                                  (30, 13, "Allowed: an absolute http(s) URL, e.g. https://example.org/page."),
                                  True),
    "'€ 290.000' as an amount": (("amount: 290000", "amount: € 290.000"),
                                 (25, 16, 'Incorrect type. Expected "number".'), True),
}

# mistakes only make check finds: a schema sees one file at a time and checks forms,
# not facts about other records or the calendar  (mistake -> (change, rule of make check))
CHECK_ONLY = {
    "the same id twice": (('    last_reviewed: "2026-11-23"\n', '    last_reviewed: "2026-11-23"\n' + COPY),
                          "unique-ids"),
    "an organisation id that does not exist": (("{id: sos-kinderdorpen,", "{id: sos-kinderdorp,"), "references"),
    "a day that is not in the calendar": (('start: "2019"', 'start: "2019-02-30"'), "partial-dates"),
    "a period that ends before it starts": (('start: "2019"', 'start: "2019"\n      end: "2018"'), "date-order"),
}


def changed(change: tuple[str, str], text: str = RECORD) -> str:
    old, new = change
    assert old in text, old
    return text.replace(old, new, 1)


def uri(name: str) -> str:
    """A document beside the data files: its first line finds the schema as theirs does."""
    return (DATA / f"{name.replace(' ', '-').replace('€', 'euro').replace(chr(39), '')}.yaml").as_uri()


def positions(diagnostics: list[dict]) -> list[tuple[int, int, str]]:
    return [(d["range"]["start"]["line"], d["range"]["start"]["character"], d["message"])
            for d in diagnostics]


def enum_message(vocabulary: str) -> str:
    schema = json.loads(EDITOR_SCHEMA_PATH.read_text(encoding="utf-8"))
    node = schema["$defs"]["programme"]["properties"][vocabulary]["items"]
    return "Value is not accepted. Valid values: " + ", ".join(json.dumps(v) for v in node["enum"]) + "."


@pytest.fixture(scope="module")
def server():
    s = Server()
    yield s
    s.stop()


def test_the_server_is_the_pinned_one(server):
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert server.info["serverInfo"] == {"name": "yaml-language-server",
                                         "version": package["devDependencies"]["yaml-language-server"]}


def test_the_real_data_files_have_no_diagnostics(server, tmp_path):
    """The data against the editor schema that make schema writes for it: the
    committed file may lag behind a new vocabulary term, which make check
    reports as a warning (editor-schema) and never as a failure."""
    files = sorted(DATA.glob("*.yaml"))
    assert len(files) >= 5
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / EDITOR_SCHEMA_PATH.name).write_text(
        for_context(validate(DATA).context), encoding="utf-8")
    (tmp_path / "data").mkdir()
    copies = [tmp_path / "data" / p.name for p in files]
    for path, copy in zip(files, copies):
        copy.write_bytes(path.read_bytes())
    assert all(named_schema(c) == tmp_path / "schema" / EDITOR_SCHEMA_PATH.name for c in copies)
    found = server.diagnose({c.as_uri(): c.read_text(encoding="utf-8") for c in copies})
    assert {u: positions(d) for u, d in found.items() if d} == {}


def test_the_example_record_has_no_diagnostics_and_passes_make_check(server, data_folder):
    assert server.diagnose({uri("example"): RECORD}) == {uri("example"): []}
    data_folder("programmes.yaml", RECORD)
    assert [p.format() for p in validate("data").problems] == []


@pytest.mark.parametrize("mistake", list(FLAGGED))
def test_the_editors_tool_flags_the_mistake_and_so_does_make_check(server, data_folder, mistake):
    change, (line, character, message), only = FLAGGED[mistake]
    if message == "enum: themes":
        message = enum_message("themes")
    text = changed(change)
    found = positions(server.diagnose({uri(mistake): text})[uri(mistake)])
    assert (line, character, message) in found, found
    if only:
        assert found == [(line, character, message)]
    data_folder("programmes.yaml", text)
    assert [p for p in validate("data").problems if p.level == "error"], "make check misses it"


@pytest.mark.parametrize("mistake", list(CHECK_ONLY))
def test_only_make_check_finds_the_mistake(server, data_folder, mistake):
    change, rule = CHECK_ONLY[mistake]
    text = changed(change)
    assert server.diagnose({uri(mistake): text})[uri(mistake)] == []
    data_folder("programmes.yaml", text)
    assert {p.rule for p in validate("data").problems if p.level == "error"} == {rule}


def test_a_number_with_a_thousands_dot_is_a_number_to_the_editors_tool(server):
    # YAML reads 290.000 as 290.0: a number, so no schema can tell (make check reads the raw text)
    text = changed(("amount: 290000", "amount: 290.000"))
    assert server.diagnose({uri("thousands-dot"): text})[uri("thousands-dot")] == []


def test_the_data_schema_alone_misses_themes_dates_and_urls(server):
    """What the editor schema adds: with the first line naming the data schema
    (as before it existed) the vocabulary, date and URL mistakes pass."""
    plain = "# yaml-language-server: $schema=../schema/directory.schema.json\n"
    head = RECORD.split("\n", 1)[0] + "\n"
    missed = ["unknown theme", "'March 2019' as a date", "www. URL without a scheme"]
    docs = {uri("plain " + m): changed((head, plain), changed(FLAGGED[m][0])) for m in FLAGGED}
    found = server.diagnose(docs)
    assert sorted(m for m in FLAGGED if not found[uri("plain " + m)]) == sorted(missed)


def test_the_settings_map_the_schema_when_the_first_line_is_gone(server):
    # .vscode/settings.json maps schema/editor.schema.json to data/*.yaml
    text = changed(FLAGGED["unknown theme"][0]).split("\n", 1)[1]
    found = positions(server.diagnose({uri("no-first-line"): text})[uri("no-first-line")])
    assert found == [(19, 13, enum_message("themes"))]


def test_completion_offers_a_vocabularys_terms_with_their_labels(server):
    text = changed(("    scope: regional\n", "    scope: \n"))
    server.open(uri("completion"), text)
    answer = server.request("textDocument/completion", {
        "textDocument": {"uri": uri("completion")}, "position": {"line": 13, "character": 11}})
    server.close(uri("completion"))
    items = answer["items"] if isinstance(answer, dict) else answer
    offered = {i["label"]: i.get("documentation") for i in items}
    assert offered["regional"] == "Regional (nl: Regionaal; da: Regional)"
    assert offered["local"] == "Local (nl: Lokaal; da: Lokal)"


def test_hover_shows_a_terms_label(server):
    server.open(uri("hover"), RECORD)
    answer = server.request("textDocument/hover", {
        "textDocument": {"uri": uri("hover")}, "position": {"line": 20, "character": 15}})
    server.close(uri("hover"))
    assert "* `residential-care`: Residential care (nl: Residentiële zorg" in answer["contents"]["value"]


def test_every_pattern_of_the_editor_schema_reads_the_same_in_javascript():
    """ECMA-262 (how the editor's tool reads a pattern) and Python (how make check
    reads it) agree on the date and URL forms."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: install Node.js (Debian: apt-get install nodejs npm)")
    schema = json.loads(EDITOR_SCHEMA_PATH.read_text(encoding="utf-8"))
    dates_pattern = schema["$defs"]["partial_date"]["pattern"]
    url_pattern = schema["$defs"]["url"]["pattern"]
    samples = {
        dates_pattern: ["2019", "2019-07", "2019-07-01", "--02-02", "March 2019", "01/2019", "2019-7",
                        "19", "2019-13", "2019-07-01T00:00", "2019\n", " 2019", "--2-2"],
        url_pattern: ["https://example.org/page", "http://localhost:8000/", "HTTPS://EXAMPLE.ORG",
                      "www.example.org", "ftp://example.org", "https://example .org", "https://",
                      "https://example.org/\n", "mailto:a@example.org", " https://example.org"],
    }
    expected = {p: [bool(ecma(p).search(s)) for s in ss] for p, ss in samples.items()}
    assert expected[dates_pattern] == [bool(dates._FORMS.search(s)) for s in samples[dates_pattern]]
    assert url_pattern == urls.PATTERN
    patterns = sorted({n["pattern"] for n in _nodes(schema) if isinstance(n.get("pattern"), str)})
    script = """
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = {compiled: [], results: {}};
for (const p of input.patterns) { new RegExp(p, 'u'); out.compiled.push(p); }
for (const [p, samples] of Object.entries(input.samples)) {
  const re = new RegExp(p, 'u');
  out.results[p] = samples.map((s) => re.test(s));
}
console.log(JSON.stringify(out));
"""
    run = subprocess.run([node, "-e", script], input=json.dumps({"patterns": patterns, "samples": samples}),
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["compiled"] == patterns
    assert out["results"] == expected


def _nodes(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def test_the_readme_says_what_the_editors_tool_flags_and_what_only_make_check_does():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Checking as you type (VS Code)", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[2] in ("flags it", "no"):
            assert cells[3] == "flags it", line
            rows[cells[0]] = cells[2] == "flags it"
    assert rows == {**{m: True for m in FLAGGED}, **{m: False for m in CHECK_ONLY}}
    assert "`amount: 290.000` is the number 290 to YAML" in " ".join(section.split())
