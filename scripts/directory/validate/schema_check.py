"""Check each data file against the JSON Schema and say what is allowed.

jsonschema's own messages ("'x' does not match '^[a-z0-9]+...'") are written
for developers; here each error is turned into a sentence for an editor,
placed at the line and column of the offending key or value. Schema nodes may
carry an ``x-allowed`` text that describes the allowed values in words.

A pattern means what JSON Schema says it means, ECMA-262's regular
expressions (what an editor's IDE applies too): ``$`` is the very end of the
text and ``\\d`` the digits 0-9, not Python's readings (``directory.schema.patterns``).

jsonschema takes some ten microseconds a value (seven seconds for 10,000
records), so it is asked only about what the fast check (``fast``) rejects:
not at all for a valid file, and in a list of records only about the records
with a problem. Its errors, and so the messages, are the same as if it had
seen everything, since what the fast check accepts jsonschema accepts too.
"""
from __future__ import annotations

import json
from functools import lru_cache
from itertools import islice
from typing import Any, Iterator

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

from ..schema import SCHEMA, TYPE_NAMES, patterns
from ..load import LoadedFile, quote
from ..problems import ERROR, Problem, field_path, quoted, what_to_write
from . import fast
from .suggest import allowed as allowed_values
from .suggest import did_you_mean

@lru_cache(maxsize=1)
def _fast() -> fast.Compiler | None:
    """The schema compiled for the fast check, or None if it uses a keyword
    the fast check does not know (then jsonschema sees everything)."""
    try:
        return fast.compile_schema(SCHEMA.root)
    except fast.Unsupported:
        return None


def _fast_check(subschema: Any) -> fast.Check | None:
    """The fast check of a subschema of the schema, if there is one."""
    compiler = _fast()
    if compiler is None:
        return None
    try:
        return compiler.compile(subschema)
    except fast.Unsupported:  # pragma: no cover - the whole schema compiled
        return None


def is_valid(data: Any) -> bool:
    """True when ``data`` (a whole data file) certainly passes the schema;
    False when it fails or the fast check cannot tell."""
    check = _fast_check(SCHEMA.root)
    return check is not None and check(data)


def _items_rejected_by_fast_check(validator, items, instance, schema_):
    """jsonschema's ``items``, descending only into the items that the fast
    check rejects: the ones it accepts would yield no error."""
    check = _fast_check(items) if isinstance(items, dict) else None
    if check is None or "prefixItems" in schema_ or not isinstance(instance, list):
        yield from Draft202012Validator.VALIDATORS["items"](validator, items, instance, schema_)
        return
    for index, item in enumerate(instance):
        if not check(item):
            yield from validator.descend(instance=item, schema=items, path=index)


def _pattern(validator, pattern, instance, schema_):
    """jsonschema's ``pattern``, with the meaning JSON Schema gives it: ECMA-262's
    (``$`` only at the very end, ``\\d`` only 0-9; see :mod:`directory.schema.patterns`)."""
    if validator.is_type(instance, "string") and not patterns.ecma(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# Draft 2020-12 whose patterns mean what JSON Schema says they mean (ECMA-262);
# ``propertyNames`` checks each key with this ``pattern`` too
ECMAValidator = validators.extend(Draft202012Validator, {"pattern": _pattern})

# ... and with the items keyword above: the same errors, in the same order
_Validator = validators.extend(ECMAValidator, {"items": _items_rejected_by_fast_check})


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return _Validator(SCHEMA.root)


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {_short(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _short(value: Any, limit: int = 40) -> str:
    return quoted(value, limit)


def _number(value: int | float) -> str:
    """A number as a message shows it: as written, unless it is too long to read."""
    return quoted(value) if isinstance(value, int) and value.bit_length() > 128 else str(value)


def _allowed(err: ValidationError) -> str:
    return err.schema.get("x-allowed") or err.schema.get("description") or ""


def _field_example(path: tuple) -> tuple[str | None, Any]:
    """The name of the field at ``path`` (of its list, for a list item) and
    its own example from the schema (None when it has none)."""
    node: Any = SCHEMA.root
    name = None
    for i, part in enumerate(path):
        node = SCHEMA.resolve(node) if isinstance(node, dict) else {}
        if isinstance(part, int):
            if i == len(path) - 1:
                break  # a list item: the list's own example
            node = node.get("items")
            if not isinstance(node, dict):
                return name, None
            continue
        props = node.get("properties") or {}
        node = props.get(part, node.get("additionalProperties"))
        name = part
        if not isinstance(node, dict):
            return name, None
    node = SCHEMA.resolve(node) if isinstance(node, dict) else {}
    examples = node.get("examples") or [None]
    return name, examples[0]


def _instead(path: tuple, inst: Any, expected: list) -> str:
    """What to write instead of ``inst`` where a value of ``expected`` types
    belongs, with the field's own example."""
    from .rules.number_format import advice_for_text

    name, example = _field_example(path)
    like = f", as in {name}: {quote.flow(example)}" if name and example is not None else ""
    if ("number" in expected or "integer" in expected) and isinstance(inst, str):
        return advice_for_text(inst, name or "") or f"write a number in digits only{like}"
    if "string" in expected and not isinstance(inst, (list, dict)) and inst is not None:
        if path and isinstance(path[-1], int):  # an item of a list
            return f"put the value in quotes to make it text: {quote.quoted(str(inst))}"
        in_quotes = f", as in {name}: {quote.quoted(example)}" if name and isinstance(example, str) else like
        return f"put the value in quotes to make it text{in_quotes}"
    if "array" in expected and name and not isinstance(inst, (list, dict)) and inst is not None:
        return f"write a list in brackets: {name}: [{quote.flow(inst, inside=True)}]"
    if "array" in expected:
        return f"write a list in brackets{like}"
    if "object" in expected:
        return f"write its fields{like}"
    if "boolean" in expected:
        return f"write true or false{like}"
    return f"write {' or '.join(TYPE_NAMES.get(t, t) for t in expected)}{like}"


def _messages(err: ValidationError) -> Iterator[tuple[tuple, bool, str]]:
    """(path, at_key, message) for one schema error; one error may say several things."""
    path = tuple(err.absolute_path)
    v, inst = err.validator, err.instance
    if "propertyNames" in err.absolute_schema_path:
        # jsonschema reports a bad key as an error of the key's own schema,
        # with the key as instance and the mapping's path
        allowed = _allowed(err)
        yield path + (inst,), True, (f"{_short(inst)} is not an allowed key here; use {allowed} "
                                     "(if it is part of a text, put the whole text in quotes: "
                                     "a comma inside {...} starts a new key)")
    elif v == "required":
        present = inst if isinstance(inst, dict) else {}
        for name in err.validator_value:
            if name not in present:
                desc = err.schema.get("properties", {}).get(name, {}).get("description", "")
                hint = f" ({desc})" if desc else ""
                yield path, False, f"required field '{name}' is missing{hint}"
    elif v == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        for name in inst:
            if name not in allowed:
                yield path + (name,), True, (
                    f"unknown field '{name}'; {did_you_mean(name, allowed)}"
                    f"allowed fields: {', '.join(allowed)}"
                )
    elif v == "type":
        expected = err.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        want = " or ".join(TYPE_NAMES.get(t, t) for t in expected)
        extra = f"; allowed: {_allowed(err)}" if err.schema.get("x-allowed") else ""
        yield path, False, f"expected {want}, found {_kind_of(inst)}; {_instead(path, inst, expected)}{extra}"
    elif v == "pattern" and isinstance(inst, str) and patterns.is_blank(inst):
        yield path, False, "must not be empty; write the text or leave the field out"
    elif v == "pattern" and (target := SCHEMA.refers_to(path)):
        yield path, False, f"{_short(inst)} is not an id" + (
            what_to_write(inst, patterns.ecma(err.validator_value).search) or f"; give the id of an existing {target} record "
            "(a lowercase slug of letters a-z, digits and single hyphens)")
    elif v == "pattern":
        allowed = _allowed(err) or f"text matching {err.validator_value}"
        yield path, False, f"{_short(inst)} is not allowed" + (
            what_to_write(inst, patterns.ecma(err.validator_value).search) or f"; use {allowed}")
    elif v == "enum":
        options = [str(o) for o in err.validator_value]
        yield path, False, f"{_short(inst)} is not allowed; {did_you_mean(str(inst), options)}{allowed_values(options)}"
    elif v in ("minItems", "minProperties"):
        what = "item" if v == "minItems" else "field"
        n = err.validator_value
        yield path, False, f"must have at least {n} {what}{'s' * (n != 1)}; it is empty"
    elif v == "minLength":
        n = err.validator_value
        yield path, False, f"{_short(inst)} is too short; at least {n} characters ({_allowed(err)})"
    elif v in ("minimum", "maximum"):
        word = "at least" if v == "minimum" else "at most"
        yield path, False, f"{_number(inst)} is out of range; it must be {word} {_number(err.validator_value)}"
    elif v == "maxLength":
        yield path, False, f"is too long; at most {err.validator_value} characters"
    elif v == "uniqueItems":
        seen, dup = set(), None
        for item in inst:
            key = json.dumps(item, sort_keys=True, default=str)
            if key in seen:
                dup = item
                break
            seen.add(key)
        yield path, False, f"{_short(dup)} is listed more than once; list each value once"
    else:  # a keyword the schema may gain later: fall back on jsonschema's words
        yield path, False, err.message


MAX_ERRORS = 1000  # schema errors reported for one file; then the check stops looking
LIMIT_FIELD = "(schema)"  # the field of the problem that says so (validate sees it)


def check_file(file: LoadedFile) -> list[Problem]:
    """All schema problems of one loaded file, in file order (at most MAX_ERRORS:
    a file of a hundred thousand broken records must not cost minutes)."""
    if file.data is None or is_valid(file.data):
        return []
    problems = []
    # the schema uses no anyOf/oneOf, so every error is a leaf with a path
    errors = list(islice(_validator().iter_errors(file.data), MAX_ERRORS + 1))
    if len(errors) > MAX_ERRORS:
        errors.pop()
        pos = file.position(tuple(errors[-1].absolute_path))
        problems.append(Problem(file.path, pos.line, pos.col, ERROR, LIMIT_FIELD, (
            f"more than {MAX_ERRORS:,} problems with the fields of this file; the check stops "
            "looking after this line: fix these first, then check again"), "limits"))
    found = [(path, at_key, message)
             for err in errors
             for path, at_key, message in _messages(err)]
    # a key that is not allowed at all: what its value holds is beside the point
    bad_keys = [path for path, at_key, _ in found if at_key]
    for path, at_key, message in found:
        if not at_key and any(path[:len(b)] == b for b in bad_keys):
            continue
        pos = file.key_position(path) if at_key else file.position(path)
        problems.append(Problem(file.path, pos.line, pos.col, ERROR, field_path(path), message, "schema"))
    return problems
