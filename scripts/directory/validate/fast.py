"""A fast yes-or-no check of a value against the JSON Schema.

jsonschema is thorough but slow: for every value it makes a validator object,
resolves ``$ref``s and looks up each keyword's function, some ten
microseconds a value. Almost every record of a data folder is valid, so
``schema.check_file`` first asks this module, which compiles the schema once
into plain Python functions that only answer "valid?" (some thirty times
faster), and hands jsonschema only what they reject, to say what is wrong.

The check is conservative: it never accepts a value that jsonschema rejects;
it may reject a value that jsonschema accepts (a float such as ``2019.0`` for
an integer, a list with ``uniqueItems`` that holds more than texts, a value of
a type a data file cannot hold), which then only costs the slow path.
It understands the keywords listed in ``_KEYWORDS`` with jsonschema's
draft 2020-12 meaning, a ``pattern`` with ECMA-262's (as the schema check
reads it: see ``directory.schema.patterns``); a schema that uses any other keyword,
or a pattern that is not translated, is not compiled
(:func:`compile_schema` raises :class:`Unsupported`), and everything then goes
to jsonschema, as before this module.
"""
from __future__ import annotations

from typing import Any, Callable

from ..schema import patterns, pointer

Check = Callable[[Any], bool]

# keywords that say nothing about validity (and the "x-" ones of this project)
_ANNOTATIONS = frozenset({
    "$schema", "$defs", "$comment", "title", "description", "examples", "default",
    "deprecated", "readOnly", "writeOnly",
})
_STRING = frozenset({"pattern", "minLength", "maxLength"})
_NUMBER = frozenset({"minimum", "maximum"})
_ARRAY = frozenset({"items", "minItems", "uniqueItems"})
_OBJECT = frozenset({"properties", "additionalProperties", "required", "minProperties",
                     "propertyNames"})
_KEYWORDS = _STRING | _NUMBER | _ARRAY | _OBJECT | {"type", "$ref"}

# The Python types a data file can hold, by JSON Schema type. Exact types:
# bool is not an integer, and anything unusual is rejected (and so goes to
# jsonschema, which knows what to say about it).
_TYPES = {
    "string": (str,),
    "object": (dict,),
    "array": (list,),
    "boolean": (bool,),
    "null": (type(None),),
    "integer": (int,),
    "number": (int, float),
}
_PLAIN = frozenset(t for types in _TYPES.values() for t in types)


class Unsupported(ValueError):
    """The schema uses something this module does not check."""


def _accept(value: Any) -> bool:
    return True


def _reject(value: Any) -> bool:
    return False


def _all(checks: list[Check]) -> Check:
    """One check that passes when every one of ``checks`` passes."""
    if not checks:
        return _accept
    if len(checks) == 1:
        return checks[0]

    def check(value: Any) -> bool:
        for one in checks:
            if not one(value):
                return False
        return True
    return check


class Compiler:
    """Compiles the schema ``root`` (and any of its subschemas) into checks."""

    def __init__(self, root: dict):
        if not isinstance(root, dict):
            raise Unsupported("the root schema must be a mapping")
        self.root = root
        self._refs: dict[str, Check] = {}
        self._compiled: dict[int, tuple[Any, Check]] = {}

    def compile(self, node: Any) -> Check:
        """The check of one (sub)schema of ``root``; raises :class:`Unsupported`."""
        done = self._compiled.get(id(node))
        if done is not None and done[0] is node:
            return done[1]
        check = self._node(node)
        self._compiled[id(node)] = (node, check)  # keeps node alive: ids stay unique
        return check

    def _node(self, node: Any) -> Check:
        if node is True:
            return _accept
        if node is False:
            return _reject
        if not isinstance(node, dict):
            raise Unsupported(f"a schema must be a mapping or a boolean, not {node!r}")
        # an $id below the root would change what its references point to
        allowed = _KEYWORDS | _ANNOTATIONS | ({"$id"} if node is self.root else set())
        unknown = sorted(k for k in node if k not in allowed and not k.startswith("x-"))
        if unknown:
            raise Unsupported(f"keywords not checked here: {', '.join(unknown)}")
        types = self._types(node)
        checks = []
        if types is not None and not (len(types) == 1 and types[0] in (str, dict, list)):
            checks.append(lambda value: type(value) in types)
        # each group applies to values of its own type; with 'type' naming just
        # that type, the group's check is the type check too
        for group, kind, make in ((_STRING, str, self._string), (_NUMBER, None, self._number),
                                  (_ARRAY, list, self._array), (_OBJECT, dict, self._object)):
            only = types is not None and len(types) == 1 and types[0] is kind
            if only or not group.isdisjoint(node):
                checks.append(make(node, only))
        if "$ref" in node:
            checks.append(self._ref(node["$ref"]))
        return _all(checks)

    @staticmethod
    def _types(node: dict) -> tuple | None:
        """The Python types ``type`` allows, or None when ``type`` is absent."""
        if "type" not in node:
            return None
        names = node["type"] if isinstance(node["type"], list) else [node["type"]]
        if not all(isinstance(n, str) and n in _TYPES for n in names):
            raise Unsupported(f"type {node['type']!r}")
        return tuple(dict.fromkeys(t for n in names for t in _TYPES[n]))

    def _ref(self, ref: Any) -> Check:
        """The check of the subschema a local ``#/...`` reference points to."""
        if not isinstance(ref, str) or not (ref == "#" or ref.startswith("#/")) or "~" in ref \
                or "%" in ref:
            raise Unsupported(f"$ref {ref!r}: only plain local references are checked here")
        if ref not in self._refs:
            # a placeholder first, so that a schema that refers to itself compiles
            target: list[Check] = []
            self._refs[ref] = lambda value: target[0](value)
            try:
                node = pointer(self.root, ref)
            except ValueError as exc:
                raise Unsupported(str(exc)) from None
            target.append(self.compile(node))
            self._refs[ref] = target[0]
        return self._refs[ref]

    @staticmethod
    def _string(node: dict, only: bool) -> Check:
        """pattern (ECMA-262's meaning, searched, as the schema check does), minLength
        and maxLength (in code points, as jsonschema counts)."""
        try:
            search = patterns.ecma(node["pattern"]).search if "pattern" in node else None
        except patterns.PatternError as exc:
            raise Unsupported(str(exc)) from None
        shortest = node.get("minLength", 0)
        longest = node.get("maxLength")

        def check(value: Any) -> bool:
            if type(value) is not str:
                return not only and type(value) in _PLAIN
            if len(value) < shortest or (longest is not None and len(value) > longest):
                return False
            return search is None or search(value) is not None
        return check

    @staticmethod
    def _number(node: dict, only: bool) -> Check:
        """minimum and maximum, on int and float alike (bool is no number)."""
        low, high = node.get("minimum"), node.get("maximum")
        if not all(b is None or type(b) in (int, float) for b in (low, high)):
            raise Unsupported("minimum and maximum must be numbers")

        def check(value: Any) -> bool:
            if type(value) not in (int, float):
                return type(value) in _PLAIN
            return not ((low is not None and value < low) or (high is not None and value > high))
        return check

    def _array(self, node: dict, only: bool) -> Check:
        """items (every item: there are no prefixItems), minItems and uniqueItems."""
        each = self.compile(node["items"]) if "items" in node else _accept
        fewest = node.get("minItems", 0)
        unique = node.get("uniqueItems", False)

        def check(value: Any) -> bool:
            if type(value) is not list:
                return not only and type(value) in _PLAIN
            if len(value) < fewest:
                return False
            if unique and not _unique_strings(value):
                return False
            for item in value:
                if not each(item):
                    return False
            return True
        return check

    def _object(self, node: dict, only: bool) -> Check:
        """properties, additionalProperties, required, minProperties, propertyNames."""
        known = {name: self.compile(sub) for name, sub in node.get("properties", {}).items()}
        other = node.get("additionalProperties", True)
        other = None if other is True else self.compile(other)
        names = self.compile(node["propertyNames"]) if "propertyNames" in node else None
        required = tuple(node.get("required", ()))
        fewest = node.get("minProperties", 0)

        def check(value: Any) -> bool:
            if type(value) is not dict:
                return not only and type(value) in _PLAIN
            if len(value) < fewest:
                return False
            for name in required:
                if name not in value:
                    return False
            for key, item in value.items():
                if names is not None and not names(key):
                    return False
                one = known.get(key, other)
                if one is not None and not one(item):
                    return False
            return True
        return check


def _unique_strings(items: list) -> bool:
    """True when the items are distinct strings. Other lists are left to
    jsonschema, whose idea of equal (1 is not true, 1 is 1.0) is subtler."""
    for item in items:
        if type(item) is not str:
            return False
    return len(set(items)) == len(items)


def compile_schema(root: dict) -> Compiler:
    """A compiler for ``root`` whose whole schema is known to compile."""
    compiler = Compiler(root)
    compiler.compile(root)
    return compiler
