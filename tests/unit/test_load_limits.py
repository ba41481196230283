"""Hostile or odd data files: refused at their place, early, with a message.

Anchors and aliases are refused before any value is built from them (so none
is ever expanded), nesting and sizes are bounded, invisible line breaks are
reported without shifting later positions, numbers that are not finite are
refused, and a data file that is a link out of the folder is never read. The
last test runs ``python -m directory check`` on pathological folders under a
500 MB address-space limit: each answers with a message, never a traceback.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from directory import load
from directory.load import data_files, find_data_files, load_file, load_text
from directory.validate import validate
from support import ROOT


def messages(text: str, path: str = "data/sources.yaml") -> list[str]:
    return [p.format() for p in load_text(text, path).problems]


def folder_messages(folder: Path) -> list[str]:
    return [p.format() for p in validate(folder).problems]


# ---------------------------------------------------------------- anchors, aliases, tags


def test_an_anchor_and_its_alias_are_each_refused_where_they_stand():
    text = "sources:\n  - id: first\n    title: &t A title\n  - id: second\n    title: *t\n"
    file = load_text(text, "data/sources.yaml")
    assert [p.format() for p in file.problems] == [
        "data/sources.yaml:3:12: error: sources[0].title: '&t' (an anchor) marks a value to repeat "
        "elsewhere; data files do not use anchors or aliases: delete '&t' [yaml]",
        "data/sources.yaml:5:12: error: sources[1].title: '*t' (an alias) repeats a value marked "
        "elsewhere with '&t'; data files do not use aliases: write the value out here [yaml]",
    ]
    # the anchored value is read as written; the alias is never looked up
    assert file.data == {"sources": [{"id": "first", "title": "A title"}, {"id": "second", "title": None}]}


def test_a_merge_key_is_refused_and_its_fields_are_not_copied():
    text = "sources:\n  - &base {id: aa, title: T}\n  - <<: *base\n    id: bb\n"
    file = load_text(text, "data/sources.yaml")
    assert [p.format() for p in file.problems] == [
        "data/sources.yaml:2:5: error: sources[0]: '&base' (an anchor) marks a value to repeat "
        "elsewhere; data files do not use anchors or aliases: delete '&base' [yaml]",
        "data/sources.yaml:3:5: error: sources[1]: '<<' (a merge key) copies fields from elsewhere; "
        "data files do not use it: write the fields out here [yaml]",
    ]
    assert file.data["sources"][1] == {"id": "bb"}


def test_nine_lines_of_aliases_answer_at_once_without_expanding():
    """The classic 'billion laughs': 9**9 values if the aliases were expanded."""
    names = "abcdefghi"
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]" for p, n in zip(names, names[1:])]
    file = load_text("\n".join(lines) + "\n", "data/sources.yaml")
    assert file.data["i"] == [None] * 9  # not a single alias expanded
    found = [p.format() for p in file.problems]
    assert len(found) == 9 + 8  # each anchor, and the first alias of each line
    assert found[:3] == [
        "data/sources.yaml:1:4: error: a: '&a' (an anchor) marks a value to repeat elsewhere; "
        "data files do not use anchors or aliases: delete '&a' [yaml]",
        "data/sources.yaml:2:4: error: b: '&b' (an anchor) marks a value to repeat elsewhere; "
        "data files do not use anchors or aliases: delete '&b' [yaml]",
        "data/sources.yaml:2:8: error: b[0]: '*a' (an alias) repeats a value marked elsewhere "
        "with '&a'; data files do not use aliases: write the value out here [yaml]",
    ]


def test_tags_and_keys_that_are_not_names_are_refused():
    assert messages("sources:\n  - id: !!str 2019\n") == [
        "data/sources.yaml:2:9: error: sources[0].id: the tag '!!str' is not allowed; a data file "
        "holds plain texts, numbers, lists and mappings: delete the tag [yaml]"]
    assert messages("sources:\n  - [a, b]: c\n    id: aa\n") == [
        "data/sources.yaml:2:5: error: sources[0]: a key must be a plain name, not a list, mapping "
        "or alias; write the field's name [yaml]"]
    assert messages("sources:\n  - ~: c\n") == [
        "data/sources.yaml:2:5: error: sources[0]: a field name is missing before the ':' here; "
        "write the field's name [yaml]"]


def test_a_second_document_is_refused():
    assert messages("sources: []\n---\nsources: []\n") == [
        "data/sources.yaml:2:1: error: (file): a second document starts here; a data file holds "
        "one: delete the line '---' (and put the records below it in the list above it) [yaml-syntax]"]


# ---------------------------------------------------------------- numbers


def test_numbers_that_are_not_finite_are_refused_with_what_to_write():
    text = ("programmes:\n  - funding:\n      - {amount: .NaN}\n      - {amount: -.inf}\n"
            "      - amount: 1.0e+999\n      - amount: .Inf\n")
    file = load_text(text, "data/programmes.yaml")
    advice = ("which no page or data export can show; write the number in digits only (such as "
              "250000), or leave the field out when the source does not state it [yaml]")
    assert [p.format() for p in file.problems] == [
        f"data/programmes.yaml:3:18: error: programmes[0].funding[0].amount: '.NaN' is read as not a number, {advice}",
        f"data/programmes.yaml:4:18: error: programmes[0].funding[1].amount: '-.inf' is read as infinite, {advice}",
        f"data/programmes.yaml:5:17: error: programmes[0].funding[2].amount: '1.0e+999' is read as too large to be a number, {advice}",
        f"data/programmes.yaml:6:17: error: programmes[0].funding[3].amount: '.Inf' is read as infinite, {advice}",
    ]
    assert all(f["amount"] is None for f in file.data["programmes"][0]["funding"])


def test_a_number_too_long_to_convert_is_a_message():
    assert messages(f"a: {'9' * 5000}\n") == [
        f"data/sources.yaml:1:4: error: a: '{'9' * 59}…' looks like a number but cannot be read as "
        "one; write a number in digits only (such as 250000), or put a text in double quotes [yaml]"]


def test_the_text_of_numbers_is_kept_where_it_is_not_plain_digits():
    file = load_text("a: 290.000\nb: 290000\nc: 017\nd: '1.5'\ne: -1\n", "f.yaml")
    assert file.data == {"a": 290.0, "b": 290000, "c": 15, "d": "1.5", "e": -1}
    assert file.numbers == {("a",): "290.000", ("c",): "017", ("e",): "-1"}


def test_the_file_text_is_kept_with_its_comments(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes("\ufeff# Bron: pagina 3\nsources: []  # leeg\n".encode())
    assert load_file(path).text == "# Bron: pagina 3\nsources: []  # leeg\n"
    assert load_text("a: 1 # x\n", "f").text == "a: 1 # x\n"


# ---------------------------------------------------------------- nesting and sizes


def test_nesting_deeper_than_the_limit_stops_reading_the_file():
    file = load_text("programmes:\n  - " + "[" * 30 + "]" * 30 + "\n", "data/programmes.yaml")
    assert file.data is None
    assert [p.format() for p in file.problems] == [
        "data/programmes.yaml:2:23: error: programmes[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
        "[0][0][0][0]: lists and mappings are nested more than 20 deep here, the limit (records "
        "nest a few levels only); the check stops reading the file here: check the brackets and "
        "the indentation [limits]"]


def test_a_kilobyte_of_brackets_is_a_message_not_a_recursion_error():
    found = messages("a: " + "[" * 1000 + "\n")
    assert found[0].startswith("data/sources.yaml:1:23: error: a[0][0]")
    assert found[0].endswith("[limits]")


def test_limits_of_one_file(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 100)
    big = tmp_path / "big.yaml"
    big.write_text("sources: [" + "aa, " * 30 + "aa]\n")
    assert [p.format() for p in load_file(big, "data/big.yaml").problems] == [
        "data/big.yaml:1:1: error: (file): the file is larger than 100 bytes, the limit for a data "
        "file (it is not read); split it into several data files, or ask a maintainer [limits]"]
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 40_000_000)
    monkeypatch.setattr(load, "MAX_TEXT_CHARS", 10)
    assert messages("sources:\n  - id: aa\n    title: 'Een titel van meer dan tien tekens'\n") == [
        "data/sources.yaml:3:12: error: sources[0].title: this text is 34 characters long, more "
        "than the limit of 10 for one text; shorten it, or link to the source [limits]"]
    monkeypatch.setattr(load, "MAX_VALUES", 5)
    file = load_text("sources: [a, b, c, d, e, f, g]\n", "data/sources.yaml")
    assert file.data is None
    assert [p.format() for p in file.problems] == [
        "data/sources.yaml:1:20: error: sources: the data files hold more than 5 values (texts, "
        "numbers, lists and fields), the limit for a data folder; the check stops reading here. "
        "Split off data that does not belong in the directory, or ask a maintainer [limits]"]


def test_the_values_limit_is_shared_by_the_files_of_a_folder(data_folder, monkeypatch):
    data_folder("programmes.yaml", "programmes: []\n")
    data_folder("zz-extra.yaml", "sources: [a, b, c, d]\n")
    used = sum(len(load_file(p).values) for p in data_files(data_folder.folder) if p.name != "zz-extra.yaml")
    monkeypatch.setattr(load, "MAX_VALUES", used + 3)
    found = [m for m in folder_messages(data_folder.folder) if "[limits]" in m]
    assert found == [
        f"data/zz-extra.yaml:1:14: error: sources: the data files hold more than {used + 3:,} values "
        "(texts, numbers, lists and fields), the limit for a data folder; the check stops reading "
        "here. Split off data that does not belong in the directory, or ask a maintainer [limits]"]


def test_limits_of_the_folder(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.chdir(tmp_path)
    for i in range(4):
        (folder / f"f{i}.yaml").write_text("sources: []\n")
    monkeypatch.setattr(load, "MAX_FILES", 3)
    assert folder_messages(folder)[0] == (
        "data:1:1: error: (folder): the data folder holds 4 data files, more than the limit of 3; "
        "none is read: keep only the directory's data files in it [limits]")
    monkeypatch.setattr(load, "MAX_FILES", 100)
    monkeypatch.setattr(load, "MAX_FOLDER_BYTES", 40)
    (folder / "f3.yaml").write_text("sources: [" + "aa, " * 100 + "aa]\n")
    assert folder_messages(folder)[0] == (
        "data:1:1: error: (folder): the data files hold 450 bytes in all, more than the limit of "
        "40 bytes; none is read (the largest is data/f3.yaml, 414 bytes) [limits]")


def test_too_many_problems_in_one_file_stop_the_reading(monkeypatch):
    monkeypatch.setattr(load, "MAX_PROBLEMS", 3)
    found = messages("".join("a: 1\n" for _ in range(10)))
    assert len(found) == 4
    assert found[-1] == (
        "data/sources.yaml:5:1: error: a: more than 3 problems in this file; the check stops "
        "reading it here: fix these first, then check again [limits]")


# ---------------------------------------------------------------- characters


@pytest.mark.parametrize("char,name", [
    ("\x85", "an invisible line break (U+0085 NEXT LINE)"),
    ("\u2028", "an invisible line break (U+2028 LINE SEPARATOR)"),
    ("\u2029", "an invisible line break (U+2029 PARAGRAPH SEPARATOR)"),
    ("\r", "a carriage return without a line feed (U+000D, an old Mac line end)"),
])
def test_an_invisible_line_break_is_refused_and_later_lines_keep_their_numbers(char, name):
    text = f'sources:\n  - id: aa\n    title: "Een{char}twee"\n  - id: bb\n    title: [x\n'
    assert messages(text) == [
        f"data/sources.yaml:3:16: error: (file): {name} stands here; the check reads it as the end "
        "of a line where you see none: delete it (or type a space) [encoding]",
        # line 5, as the editor counts: the parser's count would say 6
        "data/sources.yaml:5:12: error: (syntax): the [ here is not closed on its line: close it "
        "with ], or, if this is a text that starts with [, put the whole text in double quotes: "
        'title: "[x" [yaml-syntax]',
    ]


def test_invisible_line_breaks_keep_every_position_exact():
    text = 'sources:\n  - id: aa\n    title: "A\u2028B"\n    id: cc\n'
    file = load_text(text, "f.yaml")
    assert file.data == {"sources": [{"id": "aa", "title": "A B"}]}
    assert [p.format() for p in file.problems][1] == (
        "f.yaml:4:5: error: sources[0].id: duplicate key 'id' (first at line 2, column 5); a key "
        "may appear once in a mapping: keep one and delete the other [duplicate-key]")


def test_a_byte_order_mark_inside_the_file_is_refused_and_takes_no_room():
    assert messages("a: x\n\ufeffb: y\nc: [\n") == [
        "data/sources.yaml:2:1: error: (file): an invisible character (U+FEFF ZERO WIDTH NO-BREAK "
        "SPACE, a byte order mark) stands here, where it does not belong; delete it [encoding]",
        "data/sources.yaml:3:4: error: (syntax): the [ here is not closed on its line: close it "
        'with ], or, if this is a text that starts with [, put the whole text in double quotes: '
        'c: "[" [yaml-syntax]',
    ]


def test_many_invisible_line_breaks_are_counted_not_listed():
    found = messages("a: '" + "x\u2028" * 150 + "'\n")
    assert len(found) == 101
    assert found[-1] == (
        "data/sources.yaml:1:206: error: (file): 50 more invisible line breaks or characters from "
        "here on; delete them all (an editor's 'show invisible characters' finds them) [encoding]")


def test_control_characters_the_parser_refuses(tmp_path):
    path = tmp_path / "c1.yaml"
    path.write_bytes("a: b\nc: d\u0080e\n".encode())
    assert [p.format() for p in load_file(path, "c1.yaml").problems] == [
        "c1.yaml:2:5: error: (file): control character U+0080 is not allowed; a data file must be "
        "plain text (tabs only inside quoted text) [encoding]"]


# ---------------------------------------------------------------- what data files are


SECRET = "root-password-do-not-print: hunter2\n"


def test_a_link_out_of_the_data_folder_is_refused_and_never_read(data_folder, tmp_path):
    secret = tmp_path / "outside.yaml"
    secret.write_text(SECRET)
    data_folder("programmes.yaml", "programmes: []\n")
    (data_folder.folder / "evil.yaml").symlink_to(secret)
    (data_folder.folder / "passwd.yml").symlink_to("/etc/passwd")
    found = folder_messages(data_folder.folder)
    message = ("is a link to a file outside the data folder; it is not read: a data file must be a "
               "file in the data folder itself (replace the link by the file) [data-folder]")
    assert f"data/evil.yaml:1:1: error: (file): {message}" in found
    assert f"data/passwd.yml:1:1: error: (file): {message}" in found
    assert "hunter2" not in "\n".join(found) and "root:" not in "\n".join(found)
    assert all(p.name not in ("evil.yaml", "passwd.yml") for p in data_files(data_folder.folder))


def test_a_link_inside_the_folder_is_read(data_folder):
    data_folder("programmes.yaml", "programmes: []\n")
    (data_folder.folder / "other.yaml").symlink_to("programmes.yaml")
    assert data_folder.folder / "other.yaml" in data_files(data_folder.folder)


def test_a_dangling_link_a_folder_and_a_pipe_named_yaml_are_errors(data_folder):
    data_folder("programmes.yaml", "programmes: []\n")
    folder = data_folder.folder
    (folder / "gone.yaml").symlink_to(folder / "nothing-here.yaml")
    (folder / "old.yaml").mkdir()
    os.mkfifo(folder / "pipe.yaml")  # reading it would wait for ever
    paths, problems = find_data_files(folder)
    assert [p.format() for p in problems] == [
        "data/gone.yaml:1:1: error: (file): is a link to a file that does not exist; delete the "
        "link, or put the data file itself in its place [data-folder]",
        "data/old.yaml:1:1: error: (file): is a folder, not a data file; data files stand directly "
        "in the data folder: rename the folder (without .yaml) or move it out [data-folder]",
        "data/pipe.yaml:1:1: error: (file): is not a regular file (a pipe, socket or device); it "
        "is not read: put a data file in its place [data-folder]",
    ]
    assert {p.name for p in paths} == {"organisations.yaml", "programmes.yaml", "sources.yaml",
                                       "vocabularies.yaml"}
    assert set(problems) <= set(validate(folder).problems)


# ---------------------------------------------------------------- any input, bounded


LIMIT = 500 * 1024 * 1024  # bytes of address space


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def _pathological(root: Path) -> dict[str, tuple[Path, str]]:
    """Folders that once took minutes or gigabytes, and the message each gets."""
    def folder(name: str, files: dict[str, str]) -> Path:
        path = root / name
        path.mkdir()
        for file_name, text in files.items():
            (path / file_name).write_text(text, encoding="utf-8")
        return path

    names = "abcdefghi"
    laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip(names, names[1:]))
    return {
        "huge flow list": (folder("flow", {"programmes.yaml": "programmes: [" + "1, " * 17_000_000 + "1]\n"}),
                           "the file is larger than 48 MB, the limit for a data file"),
        "many values": (folder("values", {"programmes.yaml": "programmes: [" + "1, " * 700_000 + "1]\n"}),
                        "the data files hold more than 600,000 values"),
        "billion laughs": (folder("laughs", {"programmes.yaml": laughs}),
                           "'*a' (an alias) repeats a value marked elsewhere with '&a'"),
        "deep nesting": (folder("deep", {"programmes.yaml": "programmes: " + "[" * 2_000_000 + "\n"}),
                         "lists and mappings are nested more than 20 deep here, the limit"),
        "long text": (folder("text", {"programmes.yaml": "programmes:\n  - " + "x" * 5_000_000 + "\n"}),
                      "this text is 5,000,000 characters long, more than the limit of 100,000"),
        "many files": (folder("files", {f"f{i:04}.yaml": "sources: []\n" for i in range(1000)}),
                       "the data folder holds 1,000 data files, more than the limit of 100"),
        "broken records": (folder("records", {"programmes.yaml": "programmes:\n" + "  - {}\n" * 300_000}),
                           "more than 1,000 problems with the fields of this file"),
    }


def test_a_check_of_any_input_answers_with_a_message_within_bounds(tmp_path):
    """Each runs under a 500 MB address-space limit (a generous timeout only
    guards against a hang; it is not the measure: see the benchmark)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    for name, (folder, expected) in _pathological(tmp_path).items():
        done = subprocess.run([sys.executable, "-m", "directory", "check", str(folder), "--format", "text"],
                              capture_output=True, text=True, env=env, preexec_fn=_limited, timeout=300)
        assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr, (name, done.stderr[-2000:])
        assert done.returncode == 1, (name, done.returncode, done.stderr[-500:])
        assert expected in done.stdout, (name, done.stdout[:1000])


def test_fmt_lists_the_data_files_the_check_lists(data_folder, tmp_path):
    """fmt rewrites files: a link out of the folder must not lead it there."""
    from directory.tools import fmt

    outside = tmp_path / "outside.yaml"
    outside.write_text("sources:\n- id: b\n- id: a\n")
    data_folder("programmes.yaml", "programmes: []\n")
    (data_folder.folder / "linked.yaml").symlink_to(outside)
    files, _ = fmt.files_to_format([str(data_folder.folder)])
    assert [p for p, _ in files] == data_files(data_folder.folder)
    assert all(p.name != "linked.yaml" for p, _ in files)
