"""The loader keeps positions, reports every duplicate key and never raises."""
from directory.load import load_text


def messages(text):
    return [p.format() for p in load_text(text, "f.yaml").problems]


def test_positions_of_keys_and_values():
    f = load_text("programmes:\n  - id: abc\n    kind: pilot\n", "f.yaml")
    assert f.data == {"programmes": [{"id": "abc", "kind": "pilot"}]}
    assert f.position(("programmes", 0, "kind")) == (f.values[("programmes", 0, "kind")])
    pos = f.position(("programmes", 0, "kind"))
    assert (pos.line, pos.col) == (3, 11)
    key = f.key_position(("programmes", 0, "kind"))
    assert (key.line, key.col) == (3, 5)
    # a path that does not exist falls back on its nearest ancestor
    assert f.position(("programmes", 0, "missing")) == f.position(("programmes", 0))


def test_every_duplicate_key_is_reported_with_both_places():
    text = "a: 1\nb:\n  c: x\n  c: y\na: 2\n"
    assert messages(text) == [
        "f.yaml:4:3: error: b.c: duplicate key 'c' (first at line 3, column 3); a key may "
        "appear once in a mapping: keep one and delete the other [duplicate-key]",
        "f.yaml:5:1: error: a: duplicate key 'a' (first at line 1, column 1); a key may "
        "appear once in a mapping: keep one and delete the other [duplicate-key]",
    ]


def test_dates_stay_text_and_country_codes_stay_codes():
    f = load_text("d: 2019-07-01\nc: [NO, no, On, yes]\nt: true\nn: 2019\n", "f.yaml")
    assert f.data == {"d": "2019-07-01", "c": ["NO", "no", "On", "yes"], "t": True, "n": 2019}


def test_broken_yaml_is_one_problem_at_its_place():
    assert messages("a: [1, 2\nb: 3\n") == [
        "f.yaml:1:4: error: (syntax): the [ here is not closed on its line: close it with ], or, "
        "if this is a text that starts with [, put the whole text in double quotes: a: \"[1, 2\" "
        "[yaml-syntax]"
    ]


def test_empty_and_comment_only_files():
    for text in ("", "# only a comment\n", "\n\n"):
        assert messages(text) == [
            "f.yaml:1:1: error: (file): the file is empty; it must hold a mapping such as "
            "'programmes:' with a list of records [empty-file]"
        ]


def test_unsafe_tags_are_refused_not_executed():
    assert messages("x: !!python/object/apply:os.system ['true']\n") == [
        "f.yaml:1:4: error: x: the tag '!!python/object/apply:os.system' is not allowed; a data "
        "file holds plain texts, numbers, lists and mappings: delete the tag [yaml]"]
    assert messages("x: !!python/name:os.system a\n") == [
        "f.yaml:1:4: error: x: the tag '!!python/name:os.system' is not allowed; a data "
        "file holds plain texts, numbers, lists and mappings: delete the tag [yaml]"]


def test_recursive_alias_does_not_hang():
    assert messages("a: &x [*x]\n") == [
        "f.yaml:1:4: error: a: '&x' (an anchor) marks a value to repeat elsewhere; data files "
        "do not use anchors or aliases: delete '&x' [yaml]",
        "f.yaml:1:8: error: a[0]: '*x' (an alias) repeats a value marked elsewhere with '&x'; "
        "data files do not use aliases: write the value out here [yaml]",
    ]


def test_binary_and_non_utf8_files(tmp_path):
    from directory.load import load_file

    (tmp_path / "bin.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "latin.yaml").write_bytes("a: b\nnaam: Caf\xe9\n".encode("latin-1"))
    (tmp_path / "ctl.yaml").write_bytes(b"a: b\nc: d\x00\n")
    out = {n: [p.format() for p in load_file(tmp_path / n, n).problems]
           for n in ("bin.yaml", "latin.yaml", "ctl.yaml")}
    assert out["bin.yaml"] == ["bin.yaml:1:1: error: (file): byte 0x89 is not UTF-8 text; save "
                               "the file as UTF-8 (a data file must be plain text) [encoding]"]
    assert out["latin.yaml"] == ["latin.yaml:2:10: error: (file): byte 0xe9 is not UTF-8 text; "
                                 "save the file as UTF-8 (a data file must be plain text) [encoding]"]
    assert out["ctl.yaml"] == ["ctl.yaml:2:5: error: (file): control character U+0000 is not "
                               "allowed; a data file must be plain text (tabs only inside quoted "
                               "text) [encoding]"]


def test_bom_is_accepted(tmp_path):
    from directory.load import load_file

    (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbfa: 1\n")
    f = load_file(tmp_path / "bom.yaml", "bom.yaml")
    assert f.data == {"a": 1} and not f.problems
