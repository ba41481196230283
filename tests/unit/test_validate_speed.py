"""The fast paths of validation give exactly what the slow ones gave.

Validating 10,000 records takes seconds, not tens of seconds, because

* the schema check asks a compiled yes-or-no check (validate/fast.py) first
  and jsonschema only about what it rejects, so the fast check must never
  accept what jsonschema rejects;
* the loader builds the values straight from the parser's events, never
  composing PyYAML's node tree, so it must build the same values and
  positions as PyYAML's composer and constructor do from that tree (the
  reference here), and refuse, with a problem, what is not plain YAML;
* the loader's resolver and the rules' ``find`` are quicker versions of what
  they replace, so they must answer the same.

These tests mutate real records and texts and compare the two ways.
"""
from __future__ import annotations

import copy
import gc
import json
import random

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from directory import load
from directory.load import load_text
from directory.schema.records import RECORD_LISTS, find
from directory.validate import fast, validate
from directory.validate import schema_check as schema
from support import DATA, values

SCHEMA = schema.SCHEMA.root
# jsonschema with JSON Schema's meaning of a pattern (ECMA-262: $ only at the
# very end, \d only 0-9), the meaning the fast check must keep
JSONSCHEMA = schema.ECMAValidator(SCHEMA)
FAST = fast.compile_schema(SCHEMA).compile(SCHEMA)
SEED_TEXT = (DATA / "programmes.yaml").read_text(encoding="utf-8")[:6000]


def _real_records() -> list[tuple[str, dict]]:
    """(record list, record) for every record of the real data, and every vocabulary term."""
    out = []
    for path in sorted(DATA.glob("*.yaml")):
        data = load.load_file(path).data
        for key in RECORD_LISTS:
            out += [(key, r) for r in data.get(key) or []]
        for name, terms in (data.get("vocabularies") or {}).items():
            out += [(f"vocabularies.{name}", t) for t in terms]
    return out


RECORDS = _real_records()

# values that break one rule or another: types, patterns, lengths, ranges
ODD_VALUES = [None, True, False, 0, -1, 1.5, 2019, 121, 120, 0.0, "", " ", "x", "X Y", "NL", "nl",
              "BE-VLG", "EUR", "2019-07-01", "2019-07", "--02-02", "not an id!", "a--b", "-a",
              "ab", "a" * 81, "a" * 80, "name@example.org", "+32 9 000 00 00", "https://x.org",
              [], {}, ["x"], ["x", "x"], ["NL", "BE"], {"en": "x"}, {"EN": "x"}, {"en": ""},
              [{"source": "x"}], {"source": "ab"}, {"start": "2019"}, float("nan"), float("inf"),
              # where ECMA-262 and Python's re part: a final line break, other digits, spaces
              "ab\n", "NL\n", "nl\n", "BE-VLG\n", "2019-07-01\n", "٢٠١٩-٠٧-٠١", "name@example.org\n",
              "\u3000", "\x85", {"en\n": "x"}, ["NL\n"], 10**400, 10**12, 10**12 + 1]
ODD_KEYS = ["foo", "nme", "Id", "summary", "description", "en", "EN", "eng", "e", "nl", "note",
            "who", "start", "source", "locator", "x-allowed"]


def _paths(value, path=()):
    """Every path to a value inside ``value``, itself included."""
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, path + (i,))


def _mutate(record, rng: random.Random):
    """One slip: a wrong value, a lost or unknown key, an emptied or doubled list."""
    record = copy.deepcopy(record)
    path = rng.choice(list(_paths(record)))
    parent = record
    for part in path[:-1]:
        parent = parent[part]
    target = parent[path[-1]] if path else record
    op = rng.choice(["value", "value", "delete", "add", "double", "empty", "rename"])
    if op == "value" and path:
        parent[path[-1]] = copy.deepcopy(rng.choice(ODD_VALUES))
    elif op == "delete" and path:
        del parent[path[-1]]
    elif op == "add" and isinstance(target, dict):
        target[rng.choice(ODD_KEYS)] = copy.deepcopy(rng.choice(ODD_VALUES))
    elif op == "double" and isinstance(target, list) and target:
        target.append(copy.deepcopy(target[0]))
    elif op == "empty" and isinstance(target, (list, dict)):
        target.clear()
    elif op == "rename" and isinstance(target, dict) and target:
        old = rng.choice(list(target))
        target[rng.choice(ODD_KEYS)] = target.pop(old)
    return record


def _as_file(list_key: str, records: list) -> dict:
    if list_key.startswith("vocabularies."):
        return {"vocabularies": {list_key.split(".", 1)[1]: records}}
    return {list_key: records}


def _unusual_number(value) -> bool:
    """A float that is a whole number: jsonschema takes it for an integer, the
    fast check does not (it is never in a data file: YAML reads 2019 as int)."""
    return any(isinstance(v, float) and v.is_integer() for v in values(value))




# ---------------------------------------------------------------- schema


def test_the_oracle_reads_patterns_as_ecma_262():
    """Plain jsonschema would take 'ab\\n' for an id; the schema check does not."""
    data = {"sources": [{"id": "ab\n", "title": "T", "publisher": "ab", "language": "nl"}]}
    assert Draft202012Validator(SCHEMA).is_valid(data)
    assert not JSONSCHEMA.is_valid(data) and not FAST(data)


def test_the_schema_compiles_whole():
    """Every keyword of the schema is one the fast check knows; else jsonschema
    would see everything again and validation would be slow."""
    assert schema._fast() is not None


@pytest.mark.parametrize("list_key,record", RECORDS[:: max(1, len(RECORDS) // 60)])
def test_real_records_pass_both_ways(list_key, record):
    data = _as_file(list_key, [record])
    assert FAST(data) and JSONSCHEMA.is_valid(data)


@settings(max_examples=600, deadline=None)
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=3))
def test_fast_verdict_is_jsonschema_verdict(seed, slips):
    rng = random.Random(seed)
    list_key, record = rng.choice(RECORDS)
    for _ in range(slips):
        record = _mutate(record, rng)
    data = _as_file(list_key, [record])
    expected = JSONSCHEMA.is_valid(data)
    if _unusual_number(record):
        assert not FAST(data) or expected  # never accepts what jsonschema rejects
    else:
        assert FAST(data) == expected, json.dumps(record, default=str)[:500]


@pytest.mark.parametrize("value,valid", [
    (2019.0, True),          # an integer to jsonschema, and so for the fast check a "maybe"
    (["NL", 1], False),
])
def test_the_fast_check_may_say_no_where_jsonschema_says_yes(value, valid):
    """The documented exceptions: a "no" of the fast check only means "ask
    jsonschema", which has the last word, so no message changes."""
    record = copy.deepcopy(next(r for k, r in RECORDS if k == "programmes"))
    if isinstance(value, list):
        record["countries"] = value
    else:
        record["period"] = {"start": value}
    data = _as_file("programmes", [record])
    assert not FAST(data)
    assert JSONSCHEMA.is_valid(data) is valid


@pytest.mark.parametrize("keyword", [
    {"enum": ["a"]}, {"const": 1}, {"anyOf": [{}]}, {"prefixItems": [{}]}, {"format": "uri"},
    {"$ref": "other.json#/x"}, {"unevaluatedProperties": False}, {"dependentRequired": {}},
])
def test_a_keyword_the_fast_check_does_not_know_turns_it_off(keyword):
    with pytest.raises(fast.Unsupported):
        fast.compile_schema({"type": "object", "properties": {"a": keyword}})


def _problems(data: dict) -> list:
    """Schema problems of ``data`` written out and loaded as a data file."""
    return schema.check_file(load_text(yaml.safe_dump(data, allow_unicode=True), "f.yaml"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=0, max_value=2**32))
def test_messages_are_those_jsonschema_alone_gives(monkeypatch, seed):
    """A file of real records, some with slips: the same problems, word for
    word and place for place, with the fast check and without it."""
    rng = random.Random(seed)
    list_key = rng.choice(["programmes", "organisations", "sources", "vocabularies.themes"])
    pool = [r for k, r in RECORDS if k == list_key]
    records = [rng.choice(pool) for _ in range(rng.randint(1, 8))]
    for _ in range(rng.randint(0, 4)):
        i = rng.randrange(len(records))
        records[i] = _mutate(records[i], rng)
    data = _as_file(list_key, records)
    if rng.random() < 0.1:
        data[rng.choice(ODD_KEYS)] = rng.choice(ODD_VALUES)  # a key the file may not have
    with_fast = _problems(data)
    with monkeypatch.context() as m:
        m.setattr(schema, "_fast", lambda: None)
        without = _problems(data)
    assert with_fast == without


def test_jsonschema_sees_only_the_records_the_fast_check_rejects(monkeypatch):
    programmes = [r for k, r in RECORDS if k == "programmes"]
    records = [dict(programmes[i % len(programmes)], id=f"record-{i}") for i in range(40)]
    records[17] = dict(records[17], kind="Not A Code")
    items = SCHEMA["properties"]["programmes"]["items"]
    descended = []
    original = schema._Validator.descend

    def descend(self, instance, schema, path=None, **kwargs):
        if schema is items:
            descended.append(path)
        return original(self, instance, schema, path, **kwargs)

    monkeypatch.setattr(schema._Validator, "descend", descend)
    problems = _problems({"programmes": records})
    assert descended == [17]
    assert [p.field for p in problems] == ["programmes[17].kind"]
    descended.clear()
    assert _problems({"programmes": records[:17]}) == [] and descended == []


# ---------------------------------------------------------------- loader


def _loaded(file) -> tuple:
    return (file.data, dict(file.values.packed), dict(file.keys.packed))


_PLAIN_RULES = {"duplicate-key"}  # what the loader reports in plain YAML


def _is_plain(text: str) -> bool:
    """One document without anchors, aliases or tags: what data files hold."""
    loader = load._Loader(text)
    try:
        events = list(iter(loader.get_event, None))
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()
    if sum(isinstance(e, yaml.DocumentStartEvent) for e in events) != 1:
        return False
    return not any(isinstance(e, yaml.AliasEvent) or getattr(e, "anchor", None) is not None
                   or getattr(e, "tag", None) is not None for e in events)


def _reference(text: str) -> tuple | None:
    """What PyYAML's composer and constructor make of plain YAML ``text``:
    (data, value positions, key positions), the first of equal keys kept (as
    the loader does, which reports the others); None when the text is not
    plain YAML, or holds what the loader refuses in plain YAML (a key that is
    not a text, a number that is not finite, a name without value in {...})."""
    if not _is_plain(text) or any(c in text.replace("\r\n", "\n") for c in "\x85\u2028\u2029\ufeff\r"):
        return None  # the parser's line breaks that an editor does not see are refused
    loader = load._Loader(text)
    try:
        node = loader.get_single_node()
        values, keys = {}, {}

        def build(node, path):
            values[path] = node.start_mark.line << 32 | node.start_mark.column
            if isinstance(node, yaml.ScalarNode):
                value = loader.construct_object(node, deep=True)
                if isinstance(value, float) and value != value or value in (float("inf"), float("-inf")):
                    raise _Refused
                return value
            if isinstance(node, yaml.SequenceNode):
                if node.flow_style and any(isinstance(i, yaml.MappingNode) and
                                           i.start_mark.index == i.end_mark.index for i in node.value):
                    raise _Refused  # [a: b]
                return [build(item, path + (i,)) for i, item in enumerate(node.value)]
            result = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                    raise _Refused
                if node.flow_style and value_node.tag == "tag:yaml.org,2002:null" and \
                        value_node.start_mark.index == key_node.end_mark.index:
                    raise _Refused  # {a, b}
                sub = path + (key_node.value,)
                if sub not in keys:
                    keys[sub] = key_node.start_mark.line << 32 | key_node.start_mark.column
                    result[key_node.value] = build(value_node, sub)
            return result

        if node is None:
            return None
        data = build(node, ())
    except (_Refused, ValueError, OverflowError, yaml.YAMLError):
        return None
    finally:
        loader.dispose()
    return data, values, keys


class _Refused(Exception):
    pass


def _same_as_pyyaml(text: str) -> bool:
    """The loader builds what PyYAML builds from plain YAML, reporting only
    duplicate keys; True when the text was plain YAML."""
    expected = _reference(text)
    file = load_text(text, "f.yaml")
    if expected is None:
        return False
    if any("is read as a field and its value" in p.message for p in file.problems):
        return False  # [Gent: centrum]: a mapping to PyYAML, a text to quote for an editor (refused)
    assert _loaded(file) == expected
    assert {p.rule for p in file.problems} <= _PLAIN_RULES, [p.format() for p in file.problems]
    return True


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.yaml")))
def test_real_files_load_as_pyyaml_loads_them(name):
    assert _same_as_pyyaml((DATA / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: !foo x\n", "? [a]\n: 1\n", "<<: {a: 1}\n",
    "", "# nothing\n", "a: 1\n---\nb: 2\n", "a: [1, 2\n", "a: *nowhere\n", "a: 1\na: &y 2\n",
    "~: x\n", "a: ! x\n",
])
def test_anything_but_plain_yaml_is_a_problem_at_its_place(text):
    """Where the old loader took the composed way, the one loader reports a
    problem (and never looks an alias up)."""
    assert not _same_as_pyyaml(text)
    problems = load_text(text, "f.yaml").problems
    assert problems and all(p.line >= 1 and p.col >= 1 for p in problems)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=6))
def test_mutated_texts_load_as_pyyaml_loads_them(seed, edits):
    """Cut, doubled and swapped pieces of a real file (doubled keys among them)."""
    rng = random.Random(seed)
    text = SEED_TEXT
    for _ in range(edits):
        i, j = sorted(rng.randrange(len(text)) for _ in range(2))
        op = rng.choice(["delete", "duplicate", "duplicate-line", "replace", "indent"])
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j][:200] + text[j:]
        elif op == "duplicate-line":
            start = text.rfind("\n", 0, i) + 1
            end = text.find("\n", i) + 1 or len(text)
            text = text[:end] + text[start:end] + text[end:]
        elif op == "replace":
            text = text[:i] + rng.choice([
                ":", "- ", "\n", "{", "]", "'", '"', "&a ", "*a", "!!", "2019-02-30", "-1", "null",
                "[]", "{}", "~", "yes", "no", "true", "1.5", "0x1F", ".inf", "<<: ", "? "]) + text[i + 1:]
        else:
            text = text[:i] + "  " + text[i:]
    if not _same_as_pyyaml(text):
        problems = load_text(text, "f.yaml").problems
        assert problems and all(p.line >= 1 and p.col >= 1 for p in problems)


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.sampled_from(["no", "yes", "on", "NO", "2019-07-01", "~", "null", "1_0",
                                     "0o17", ".5", "-", "a: b", "#x", "'q'", "", " ", "<<"]),
                    st.text(max_size=12))
DOCUMENTS = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS, st.booleans(), st.integers(min_value=0, max_value=3))
def test_any_document_loads_as_pyyaml_loads_it(document, flow, doubled):
    text = yaml.safe_dump({"programmes": document}, default_flow_style=flow, allow_unicode=True)
    lines = text.splitlines(keepends=True)
    for n in range(doubled):  # a doubled line is often a doubled key
        i = (n * 7919) % len(lines)
        lines.insert(i, lines[i])
    _same_as_pyyaml("".join(lines))


@given(st.text(max_size=20), st.booleans(), st.booleans())
def test_the_quicker_resolver_resolves_as_pyyaml(value, plain, quoted):
    loader = load._Loader("")
    try:
        for kind in (yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode):
            assert loader.resolve(kind, value, (plain, quoted)) == \
                yaml.resolver.BaseResolver.resolve(loader, kind, value, (plain, quoted))
    finally:
        loader.dispose()


def test_the_collector_is_paused_only_while_loading_and_validating():
    assert gc.isenabled()
    validate(DATA)
    load_text("a: 1\n", "f.yaml")
    assert gc.isenabled()
    gc.disable()
    try:
        validate(DATA)
        assert not gc.isenabled()
    finally:
        gc.enable()


# ---------------------------------------------------------------- rules


def _find_recursive(data, pattern, prefix=()):
    """find() as it was, recursing."""
    if not pattern:
        yield prefix, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for i, item in enumerate(data):
                yield from _find_recursive(item, rest, prefix + (i,))
    elif isinstance(data, dict) and head in data:
        yield from _find_recursive(data[head], rest, prefix + (head,))


@given(DOCUMENTS, st.lists(st.sampled_from(["*", "a", "b", "", "0"]), max_size=4))
def test_find_finds_what_it_found_before(data, pattern):
    pattern = tuple(pattern)
    assert list(find(data, pattern)) == list(_find_recursive(data, pattern))


def test_find_on_real_records():
    patterns = {p for _, r in RECORDS for p in _paths(r)}
    patterns |= {tuple("*" if isinstance(x, int) else x for x in p) for p in patterns}
    for _, record in RECORDS[:: max(1, len(RECORDS) // 30)]:
        for pattern in patterns:
            assert find(record, pattern) == list(_find_recursive(record, pattern))

