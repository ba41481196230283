"""`python -m directory fmt`: one canonical form, and nothing lost on the way."""
import io
import json
import shutil

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from directory.load.comments import find_comments
from directory.tools import fmt
from directory.tools.fmt import canonical_text, format_text, run
from directory.load import load_text
from support import DATA, dedent

REAL_FILES = sorted(p.name for p in DATA.glob("*.yaml"))


def formatted(text: str) -> str:
    new, problems = format_text(dedent(text), "f.yaml")
    assert not problems, [p.format() for p in problems]
    return new


def data_of(text: str):
    loaded = load_text(text, "f.yaml")
    assert not loaded.problems, [p.format() for p in loaded.problems]
    return loaded.data


def by_id(data: dict) -> dict:
    """Every record of a file by (list, id); other top-level values as they are."""
    out = {}
    for name, value in data.items():
        if isinstance(value, list) and all(isinstance(r, dict) and "id" in r for r in value):
            assert len({r["id"] for r in value}) == len(value)
            out.update({(name, r["id"]): r for r in value})
        else:
            out[name] = value
    return out


def comment_texts(text: str) -> list[str]:
    return sorted(c.text for c in find_comments(text))


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """An empty 'data' folder; messages name its files 'data/<name>'."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    return tmp_path / "data"


def cli(*args) -> tuple[int, str]:
    out = io.StringIO()
    paths = [a for a in args if a != "--check"] or ["data"]
    code = run(paths, check="--check" in args, out=out)
    return code, out.getvalue()


# ---------------------------------------------------------------- the real data


@pytest.fixture(scope="module")
def real_formatted(tmp_path_factory):
    """The real data folder, copied and formatted once: {name: (before, after)}."""
    copy = tmp_path_factory.mktemp("fmtdata") / "data"
    shutil.copytree(DATA, copy)
    assert run([str(copy)], out=io.StringIO()) == 0
    return {name: ((DATA / name).read_text(encoding="utf-8"), (copy / name).read_text(encoding="utf-8"))
            for name in REAL_FILES}


@pytest.mark.parametrize("name", REAL_FILES)
def test_real_data_formats_to_a_fixed_point(real_formatted, name):
    _, after = real_formatted[name]
    assert canonical_text(after) == after


@pytest.mark.parametrize("name", REAL_FILES)
def test_real_data_keeps_every_record_value_and_comment(real_formatted, name):
    before, after = real_formatted[name]
    old, new = by_id(data_of(before)), by_id(data_of(after))
    assert old.keys() == new.keys()
    for key in old:
        assert json.dumps(old[key], sort_keys=True) == json.dumps(new[key], sort_keys=True), key
    assert comment_texts(before) == comment_texts(after)


def test_real_data_keeps_the_top_comment_and_the_order_of_programmes(real_formatted):
    before, after = real_formatted["programmes.yaml"]
    header = before[:before.index("programmes:")]
    assert header.startswith("# yaml-language-server: $schema=../schema/editor.schema.json\n")
    assert after.startswith(header + "programmes:\n")
    ids = [r["id"] for r in data_of(before)["programmes"]]
    assert [r["id"] for r in data_of(after)["programmes"]] == ids  # the site shows this order


def test_real_vocabulary_terms_keep_their_order(real_formatted):
    before, after = real_formatted["vocabularies.yaml"]
    old, new = data_of(before)["vocabularies"], data_of(after)["vocabularies"]
    assert list(new) == list(old)
    for name in old:
        assert [t["id"] for t in new[name]] == [t["id"] for t in old[name]]


# ---------------------------------------------------------------- comments


def test_comments_move_with_their_field_and_records_stay_in_place():
    text = """
        # yaml-language-server: $schema=../schema/directory.schema.json
        #
        # Organisations.
        organisations:
          # ---- from source 2
          - id: zeta
            original_language: nl   # stated on the page
            name: {nl: Zeta}
            # the summary is a translation
            summary:
              en: Zeta in English.
              nl: Zeta in het Nederlands.
            last_reviewed: "2026-11-23"
            sources:
              - {source: s2, locator: "slide 1"}

          # ---- from source 1
          # (two lines)
          - id: alpha
            name: {nl: Alpha}
            original_language: nl
            sources:
              - {source: s1}
            last_reviewed: "2026-11-23"
            # alpha has no summary yet
        # end of file
        """
    assert formatted(text) == dedent("""
        # yaml-language-server: $schema=../schema/directory.schema.json
        #
        # Organisations.
        organisations:
          # ---- from source 2
          - id: zeta
            name: {nl: Zeta}
            original_language: nl  # stated on the page
            # the summary is a translation
            summary:
              nl: Zeta in het Nederlands.
              en: Zeta in English.
            sources:
              - {source: s2, locator: slide 1}
            last_reviewed: "2026-11-23"

          # ---- from source 1
          # (two lines)
          - id: alpha
            name: {nl: Alpha}
            original_language: nl
            sources:
              - {source: s1}
            last_reviewed: "2026-11-23"
            # alpha has no summary yet
        # end of file
        """)


def test_the_top_comment_stays_on_top_when_top_level_keys_are_reordered():
    text = """
        # The top comment.

        sources: []
        # about the organisations
        organisations: []
        """
    assert formatted(text) == dedent("""
        # The top comment.

        # about the organisations
        organisations: []

        sources: []
        """)


def test_awkward_comments_are_kept_near_their_place():
    text = """
        sources:
          -   # on the dash
            id: a
            title: |  # on a block text
              Text
            publisher: p   # one
            language: [nl,   # inside a list
              # a line inside a list
              da]
        # the end
        """
    assert formatted(text) == dedent("""
        sources:
          # on the dash
          - id: a
            title: |  # on a block text
              Text
            publisher: p  # one
            # a line inside a list
            language: [nl, da]  # inside a list
        # the end
        """)


# ---------------------------------------------------------------- values


@pytest.mark.parametrize("written, expected", [
    ('"2019"', '"2019"'), ("'2026-11-23'", '"2026-11-23"'), ('"NO"', '"NO"'), ("NO", '"NO"'),
    ('"yes"', '"yes"'), ("yes", '"yes"'), ('"09 266 30 42"', '"09 266 30 42"'),
    ('"+45 41 74 00 34"', '"+45 41 74 00 34"'), ('"--02-02"', '"--02-02"'), ("2019-07", '"2019-07"'),
    ('"true"', '"true"'), ('"null"', '"null"'), ('"~"', '"~"'), ('""', '""'), ('"1e5"', '"1e5"'),
    ('"0o17"', '"0o17"'), ('"1:20"', '"1:20"'), ('"0x1F"', '"0x1F"'), ('".inf"', '".inf"'),
    ('"a: b"', '"a: b"'), ('"a #b"', '"a #b"'), ('"#x"', '"#x"'), ('"- x"', '"- x"'),
    ('" padded "', '" padded "'), ('"@x"', '"@x"'), ('"*x"', '"*x"'), ('"&x"', '"&x"'),
    ("'say \"hi\"'", 'say "hi"'), ('"C:\\\\dir"', "C:\\dir"), ('"see: C:\\\\dir"', "'see: C:\\dir'"), ("\"it's \\\"so\\\": x\"", "'it''s \"so\": x'"),
    ('"two\\nlines"', '"two\\nlines"'), ('"tab\\there"', '"tab\\there"'), ('"sep\\u2028x"', '"sep\\u2028x"'),
    ('"Plain text"', "Plain text"), ("https://example.org/a#b", "https://example.org/a#b"),
    ("Senest opdateret 14-04-2021", "Senest opdateret 14-04-2021"), ("é ‘’ –", "é ‘’ –"),
])
def test_texts_stay_texts_quoted_only_as_needed(written, expected):
    text = f"sources:\n  - id: a\n    title: {written}\n    format: [{written}]\n"
    new = formatted(text)
    assert data_of(new) == data_of(text)
    assert isinstance(data_of(new)["sources"][0]["title"], str)
    assert new.splitlines()[2] == f"    title: {expected}"


@pytest.mark.parametrize("written", ["290000", "0", "1.5", "true", "false", "~", "null", "", "0x1F", "1_000"])
def test_numbers_booleans_and_nulls_stay_as_written(written):
    text = f"x:\n  - a:{' ' * bool(written)}{written}\n    b: [{written or 'null'}]\n"
    new = formatted(text)
    assert data_of(new) == data_of(text)
    assert new == text


def test_block_texts_stay_block_texts_line_for_line():
    text = """
        programmes:
            -   id: a
                original_language: nl
                description:
                    nl: |
                        First paragraph.

                        - a list item   
                          continued
                    en: >-
                        Folded
                        text

                        kept
                    da: |2
                          two more spaces
                        then back
                    fr: |+
                        kept newlines

                kind: pilot
        """
    new = formatted(text)
    assert data_of(new) == data_of(dedent(text))
    assert new == dedent("""
        programmes:
          - id: a
            kind: pilot
            original_language: nl
            description:
              nl: |
                First paragraph.

                - a list item   
                  continued
              en: >-
                Folded
                text

                kept
              da: |2
                    two more spaces
                  then back
              fr: "kept newlines\\n\\n"
        """)


def test_layout_order_and_flow_choice():
    text = """
        programmes:
          - last_reviewed: "2026-11-23"
            zzz: later
            id: b
            aaa: [2, 1]
            name: {en: B, da: B da, nl: B nl, de: B de}
            original_language: nl
            target_group: {note: {en: x}, who: [children], age_max: 3, age_min: 0}
            sources:
              - locator: here
                source: s
          - id: a
            kind: pilot
        """
    assert formatted(text) == dedent("""
        programmes:
          - id: b
            original_language: nl
            name: {nl: B nl, en: B, da: B da, de: B de}
            target_group: {who: [children], age_min: 0, age_max: 3, note: {en: x}}
            sources:
              - source: s
                locator: here
            last_reviewed: "2026-11-23"
            zzz: later
            aaa: [2, 1]

          - id: a
            kind: pilot
        """)


@pytest.mark.parametrize("name", ["organisations", "contacts", "sources", "programmes"])
def test_records_stay_where_they_are(name):
    """fmt never moves a record: one added at the end (as GitHub's web editor
    adds it) stays at the end, in every record list."""
    text = f"{name}:\n  - id: b\n\n  - title: no id\n\n  - id: a\n"
    assert formatted(text) == text


@pytest.mark.parametrize("text", [
    "\ufeffsources:\r\n  - id: b\r\n  - id: a\r\n",
    "--- # a document marker\nsources: [{id: b}, {id: a}]\n...\n",
    "    sources:\n    - id: b\n      title: T\n    - id: a\n",
    "- 1\n- [2, {b: c}]\n- - x\n  - y\n",
    "just text  # a comment\n",
    "x:\n  -\n  - a\ny: {a: }\n",
])
def test_odd_files_format_to_a_fixed_point(text):
    new, problems = format_text(text.lstrip("\ufeff"), "f.yaml")
    assert not problems
    assert data_of(new) == data_of(text.lstrip("\ufeff"))
    assert comment_texts(new) == comment_texts(text)
    assert canonical_text(new) == new


values = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(values, values), min_size=1, max_size=4),
       st.sampled_from([None, "'", '"', "|", ">"]), st.permutations(["id", "title", "format", "publisher"]))
def test_any_texts_survive(records, style, keys):
    data = {"sources": [dict(zip(keys, (f"id{i}", title, fmt_, "p")))
                        for i, (title, fmt_) in enumerate(records)]}
    text = yaml.safe_dump(data, allow_unicode=True, default_style=style, width=10**6, sort_keys=False)
    loaded = load_text(text, "f.yaml")
    assume(not loaded.problems)
    new, problems = format_text(text, "f.yaml")
    assert not problems, [p.format() for p in problems]
    assert data_of(new) == loaded.data
    assert canonical_text(new) == new


# ---------------------------------------------------------------- safety


@pytest.mark.parametrize("content, message", [
    ("sources:\n  - id: a\n    id: b\n",
     "data/bad.yaml:3:5: error: sources[0].id: duplicate key 'id' (first at line 2, column 5); "
     "a key may appear once in a mapping: keep one and delete the other [duplicate-key]"),
    ("sources:\n  - id: [a\n  - id: b\n",
     "data/bad.yaml:2:9: error: (syntax): the [ here is not closed on its line: close it with ], or, "
     "if this is a text that starts with [, put the whole text in double quotes: id: \"[a\" [yaml-syntax]"),
])
def test_a_file_that_does_not_load_is_reported_and_left_alone(folder, content, message):
    bad = folder / "bad.yaml"
    bad.write_bytes(content.encode())
    (folder / "ok.yaml").write_text("sources: []\n")
    for args in [(), ("--check",)]:
        code, out = cli(*args)
        assert code == 1
        assert out.splitlines()[0] == message
        assert "Traceback" not in out
        assert bad.read_bytes() == content.encode()
    assert cli()[1].splitlines()[-1] == "2 files: 0 formatted, 1 already in the standard layout, 1 not formatted (errors above)"


def test_a_result_that_would_change_a_value_is_not_written(folder, monkeypatch):
    path = folder / "sources.yaml"
    path.write_text("sources:\n  - id: a\n  - id: b\n    title: T\n")
    before = path.read_bytes()
    monkeypatch.setattr(fmt, "canonical_text", lambda text: text.replace("title: T", "title: U"))
    code, out = cli()
    assert code == 1
    assert out.splitlines()[0] == ("data/sources.yaml:4:12: error: sources[1].title: formatting would change "
                                   "this value; the file is left as it is (please report this) [fmt]")
    assert path.read_bytes() == before


def test_a_result_that_would_lose_a_comment_is_not_written(folder, monkeypatch):
    path = folder / "sources.yaml"
    path.write_text("sources: []  # keep me\n")
    monkeypatch.setattr(fmt, "canonical_text", lambda text: "sources: [ ]\n")
    code, out = cli()
    assert code == 1 and "formatting would lose or change a comment" in out
    assert path.read_text() == "sources: []  # keep me\n"


def test_an_internal_error_is_a_message_not_a_traceback(folder, monkeypatch):
    (folder / "sources.yaml").write_text("sources: []\n")

    def broken(text):
        raise RuntimeError("boom")
    monkeypatch.setattr(fmt, "canonical_text", broken)
    code, out = cli()
    assert code == 1
    assert out.splitlines()[0] == ("data/sources.yaml:1:1: error: (file): fmt cannot format this file "
                                   "(RuntimeError: boom); the file is left as it is (please report this) [fmt]")


# ---------------------------------------------------------------- command line


def test_fmt_and_check_messages_and_exit_codes(folder):
    (folder / "a.yaml").write_text("sources: []\n")
    (folder / "b.yml").write_text("sources:\n  - {id: b}\n  - {id: 'a'}\n")
    (folder / "notes.txt").write_text("not a data file: [")
    assert cli("--check") == (0, (
        "data/b.yml:3:1: notice: (layout): make fmt writes line 3 as: [fmt]\n"
        "    | \n"
        "    |   - {id: a}\n"
        "1 of 2 files is not in the standard layout (1 place above); nothing is wrong with the "
        "data and this never blocks a pull request: make fmt writes the standard layout "
        "(a maintainer does it after merging)\n"))
    assert (folder / "b.yml").read_text() == "sources:\n  - {id: b}\n  - {id: 'a'}\n"
    a_before = (folder / "a.yaml").stat()
    assert cli() == (0, "data/b.yml: formatted\n2 files: 1 formatted, 1 already in the standard layout\n")
    assert (folder / "b.yml").read_text() == "sources:\n  - {id: b}\n\n  - {id: a}\n"
    assert (folder / "a.yaml").stat().st_mtime_ns == a_before.st_mtime_ns  # not rewritten
    assert cli("--check") == (0, "all 2 files are in the standard layout\n")
    assert cli() == (0, "2 files: 0 formatted, 2 already in the standard layout\n")
    assert sorted(p.name for p in folder.iterdir()) == ["a.yaml", "b.yml", "notes.txt"]  # no temp files


def test_single_files_and_missing_paths(folder):
    (folder / "a.yaml").write_text("sources: [{id: b}, {id: 'a'}]\n")
    assert cli("--check", "data/a.yaml") == (0, (
        "data/a.yaml:1:1: notice: (layout): make fmt writes line 1 as: [fmt]\n"
        "    | sources: [{id: b}, {id: a}]\n"
        "1 of 1 file is not in the standard layout (1 place above); nothing is wrong with the data "
        "and this never blocks a pull request: make fmt writes the standard layout "
        "(a maintainer does it after merging)\n"))
    assert cli("data/a.yaml") == (0, "data/a.yaml: formatted\n1 file: 1 formatted, 0 already in the standard layout\n")
    assert cli("--check", "data/a.yaml") == (0, "1 file is in the standard layout\n")
    assert cli("--check", "nope") == (1, "nope: error: no such file or folder\n")


def test_the_command_is_registered(folder, capsys, monkeypatch):
    from directory.__main__ import main

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (folder / "a.yaml").write_text("sources: [{id: b}, {id: 'a'}]\n")
    assert main(["fmt", "--check"]) == 0
    assert capsys.readouterr().out.startswith("data/a.yaml:1:1: notice: (layout): make fmt writes line 1 as: [fmt]\n")
    assert main(["fmt", "data"]) == 0
    assert main(["fmt", "--check", "data"]) == 0
    assert capsys.readouterr().out.endswith("1 file is in the standard layout\n")


def test_a_block_text_of_a_no_break_space_keeps_its_indentation():
    """Found by hypothesis: Python's strip() takes U+00A0 for a blank, YAML does not."""
    text = "sources:\n  - id: id0\n    title: |-\n      \xa0\n    publisher: p\n"
    new, problems = format_text(text, "f.yaml")
    assert not problems
    assert canonical_text(new) == new
    assert data_of(new) == data_of(text)


# ---------------------------------------------------------------- where fmt --check says a file differs


@pytest.mark.parametrize("old, new, expected", [
    ("a:\n  b: 'x'\n", "a:\n  b: x\n", [(2, 2, "make fmt writes line 2 as:", ("  b: x",))]),
    ("a: 1\nb: 2\n", "a: 1\n\nb: 2\n", [(1, 1, "make fmt adds an empty line after line 1", ())]),
    ("a: 1\n\n\n\nb: 2\n", "a: 1\n\nb: 2\n", [(3, 4, "make fmt removes the empty lines 3-4", ())]),
    ("a: 1\n\n\nb: 2\n", "a: 1\n\nb: 2\n", [(3, 3, "make fmt removes the empty line 3", ())]),
    ("---\na: 1\n", "a: 1\n", [(1, 1, "make fmt removes line 1", ())]),
    ("a: 1", "a: 1\n", [(1, 1, "the file does not end with a line break; make fmt adds one", ())]),
    ("a: 1\r\nb: 2\r\n", "a: 1\nb: 2\n", [(1, 1, "make fmt changes only the line ends (to Unix line ends)", ())]),
    ("a:\n- x\n- y\nb: 1\n", "a:\n  - x\n  - y\n\nb: 1\n",
     [(2, 3, "make fmt writes lines 2-3 as:", ("  - x", "  - y", ""))]),
    ("x: 1\n", "# top\nx: 1\n", [(1, 1, "make fmt adds these lines at the top:", ("# top",))]),
])
def test_layout_places_name_the_lines_and_what_fmt_writes(old, new, expected):
    places = fmt.layout_places(old, new)
    assert [(p.line, p.end, p.message, p.lines) for p in places] == expected


def test_a_record_appended_in_the_web_editor_is_in_the_standard_layout(folder):
    """The usual web-editor change, a record copied and appended at the end of
    a file, needs no fmt: records are never moved."""
    path = folder / "organisations.yaml"
    path.write_text(dedent("""
        organisations:
          - id: zeta
            name: {nl: Zeta}
            original_language: nl
            sources:
              - {source: s1}
            last_reviewed: "2026-11-23"

          - id: alpha
            name: {nl: Alpha}
            original_language: nl
            sources:
              - {source: s1}
            last_reviewed: "2026-11-23"
        """))
    assert cli("--check") == (0, "1 file is in the standard layout\n")


def test_a_file_that_differs_is_never_a_failure_and_a_bom_is_named(folder):
    (folder / "a.yaml").write_bytes(b"\xef\xbb\xbfsources: []\n")
    assert cli("--check") == (0, (
        "data/a.yaml:1:1: notice: (layout): make fmt removes the byte order mark (an invisible mark "
        "at the start) [fmt]\n"
        "1 of 1 file is not in the standard layout (1 place above); nothing is wrong with the data "
        "and this never blocks a pull request: make fmt writes the standard layout "
        "(a maintainer does it after merging)\n"))


def test_github_format_gives_annotations_at_the_lines_and_a_step_summary(folder, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    (folder / "a.yaml").write_text("sources:\n  - id: 'a'\n    title: \"T, ok: x\"\n  - id: b\n")
    out = io.StringIO()
    assert run(["data"], check=True, out=out, style="github") == 0
    lines = out.getvalue().splitlines()
    assert lines[:2] == [
        "::notice file=data/a.yaml,line=2,endLine=2,title=Standard layout (make fmt)::"
        "make fmt writes line 2 as:%0A  - id: a",
        "::notice file=data/a.yaml,line=3,endLine=3,title=Standard layout (make fmt)::"
        "make fmt adds an empty line after line 3",
    ]
    assert lines[2].startswith("1 of 1 file is not in the standard layout (2 places above)")
    assert summary.read_text(encoding="utf-8") == (
        "### Standard layout\n\n"
        "1 of 1 file not in the standard layout: nothing is wrong with the data and this never "
        "blocks a pull request: make fmt writes the standard layout (a maintainer does it after "
        "merging).\n\n"
        "- `data/a.yaml` line 2: make fmt writes line 2 as:\n\n"
        "  ```yaml\n    - id: a\n  ```\n"
        "- `data/a.yaml` line 3: make fmt adds an empty line after line 3\n")


def test_github_format_annotates_the_first_ten_places_and_lists_the_rest(folder, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    records = "".join(f"  - id: 'r{i}'\n\n" for i in range(12))
    (folder / "a.yaml").write_text("sources:\n" + records)
    out = io.StringIO()
    assert run(["data"], check=True, out=out, style="github") == 0
    lines = out.getvalue().splitlines()
    assert sum(line.startswith("::notice ") for line in lines) == 10
    assert lines[10:12] == [
        "data/a.yaml:22:1: notice: (layout): make fmt writes line 22 as: [fmt]", "    |   - id: r10"]
    assert "::error" not in out.getvalue()


def test_a_file_that_does_not_load_fails_the_check_once(folder):
    """A broken file is an error (make check reports it at its line too); the
    other files are still checked."""
    (folder / "a.yaml").write_text("sources: [\n")
    (folder / "b.yaml").write_text("sources:\n  - id: 'b'\n")
    code, out = cli("--check")
    assert code == 1
    assert out.splitlines()[0].startswith("data/a.yaml:1:10: error: (syntax): the [ here is not closed on its line")
    assert "data/b.yaml:2:1: notice: (layout): make fmt writes line 2 as: [fmt]" in out
