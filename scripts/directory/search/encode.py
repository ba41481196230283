"""The bytes of the search index (FORMAT.md, "Encodings" and the text
files): varints, sets of record numbers, entries (a word's records by tier
and the terms whose labels have it), and the text shards with their keys and
wide prefixes."""
from __future__ import annotations

import bisect
from typing import Iterable, NamedTuple

SHARD_BYTES = 40_000  # a text shard stops growing at this size
TIERS = 4  # name, summary, term, other

Tiers = tuple[list[int], ...]  # records by best tier: name, summary, term, other


class Entry(NamedTuple):
    """What the index holds for a stem (or a wide prefix): its records by best
    tier and the numbers of the terms whose labels have it, ascending."""

    tiers: Tiers
    terms: list[int]


# -- varints and sets ------------------------------------------------------------

def varint(n: int) -> bytes:
    out = bytearray()
    while n >= 0x80:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


_VARINTS = [varint(n) for n in range(1 << 14)]
_BIT = [1 << b for b in range(8)]
_ONE = [bytes([2, r]) for r in range(8)]  # {r}: a one-byte list (as short as the bitset)
_LIST_OF_ONE = {n: varint(n << 1) for n in (1, 2, 3)}  # header of a list of one varint of n bytes


def varints(values: Iterable[int]) -> bytes:
    table, size = _VARINTS, len(_VARINTS)
    return b"".join([table[v] if v < size else varint(v) for v in values])


def encode_set(records: list[int]) -> bytes:
    """A sorted list of record numbers as a set: a list or a bitset, whichever is shorter."""
    if not records:
        return b"\x00"
    if len(records) == 1 and records[0] < len(_VARINTS):
        return _ONE[records[0]] if records[0] < 8 else _LIST_OF_ONE[len(_VARINTS[records[0]])] + _VARINTS[records[0]]
    nbytes = records[-1] // 8 + 1
    if len(records) <= nbytes:  # else a list takes at least as many bytes
        deltas = varints([records[0], *map(int.__sub__, records[1:], records[:-1])])
        if len(deltas) <= nbytes:
            return varint(len(deltas) << 1) + deltas
    bits = bytearray(nbytes)
    for r in records:
        bits[r >> 3] |= _BIT[r & 7]
    return varint(nbytes << 1 | 1) + bytes(bits)


def encode_entry(entry: Entry) -> bytes:
    assert len(entry.tiers) == TIERS
    return b"".join(map(encode_set, entry.tiers)) + varint(len(entry.terms)) + varints(entry.terms)


def union_entry(entries: Iterable[Entry]) -> Entry:
    """The union of several words' entries, each record in its best tier only."""
    union: list[set[int]] = [set() for _ in range(TIERS)]
    terms: set[int] = set()
    for entry in entries:
        for u, records in zip(union, entry.tiers):
            u.update(records)
        terms.update(entry.terms)
    better: set[int] = set()
    for u in union:
        u -= better
        better |= u
    return Entry(tuple(sorted(u) for u in union), sorted(terms))


# -- text shards ---------------------------------------------------------------------

def text_files(stems_of: dict[str, set[str]], entries: dict[str, Entry]) -> tuple[dict[str, bytes], list[str], list[str]]:
    """The text shards and wide-prefix files of the forms (form -> stems) and
    the stems' entries: {path: bytes}, the shard keys and the wide prefixes."""
    files: dict[str, bytes] = {}
    forms = sorted(stems_of, key=utf16)
    encoded = {stem: encode_entry(entry) for stem, entry in entries.items()}
    shards = pack(forms, stems_of, encoded)
    for i, shard in enumerate(shards):
        files[f"text/{i}.bin"] = shard_bytes(shard, stems_of, encoded)
    wide = wide_prefixes(shards)
    keys16 = [utf16(f) for f in forms]
    for j, prefix in enumerate(wide):
        lo = bisect.bisect_left(keys16, utf16(prefix))
        hi = bisect.bisect_left(keys16, utf16(prefix + "\uffff"))
        stems = set().union(*(stems_of[f] for f in forms[lo:hi]))
        files[f"wide/{j}.bin"] = encode_entry(union_entry(entries[s] for s in stems))
    return files, shard_keys(shards), wide


def pack(forms: list[str], stems_of: dict[str, set[str]], encoded: dict[str, bytes]) -> list[list[str]]:
    """Consecutive runs of the sorted forms, each shard at most SHARD_BYTES
    (unless one form alone is bigger)."""
    shards: list[list[str]] = [[]]
    size, stems_in = 0, set()
    for form in forms:
        stems = stems_of[form]
        cost = len(form.encode()) + 4 + 2 * len(stems)
        cost += sum(len(encoded[s]) for s in stems if s not in stems_in)
        if size + cost > SHARD_BYTES and shards[-1]:
            shards.append([])
            size, stems_in = 0, set()
            cost = len(form.encode()) + 4 + 2 * len(stems) + sum(len(encoded[s]) for s in stems)
        shards[-1].append(form)
        stems_in |= stems
        size += cost
    return shards


def shard_bytes(shard: list[str], stems_of: dict[str, set[str]], encoded: dict[str, bytes]) -> bytes:
    numbers: dict[str, int] = {}  # stem -> its number in the shard, by first use
    refs = [[numbers.setdefault(s, len(numbers)) for s in _in_order(stems_of[form])] for form in shard]
    parts = [varint(len(numbers)), *map(encoded.__getitem__, numbers), varint(len(shard))]
    previous = ""
    for form, ref in zip(shard, refs):
        common = common_prefix(previous, form)
        rest = form[len(common):].encode()
        shared = len(common) if common.isascii() else len(utf16(common)) // 2
        parts.append(varints([shared, len(rest)]) + rest + varints([len(ref), *ref]))
        previous = form
    return b"".join(parts)


def shard_keys(shards: list[list[str]]) -> list[str]:
    """For each shard the shortest prefix of its first form above the previous shard's last."""
    keys = [""]
    for before, shard in zip(shards, shards[1:]):
        last, first = before[-1], shard[0]
        n = 1
        while utf16(first[:n]) <= utf16(last):
            n += 1
        keys.append(first[:n])
    return keys


def wide_prefixes(shards: list[list[str]]) -> list[str]:
    """Prefixes whose forms are in more than one shard: those of the common
    prefix of the forms either side of a shard boundary."""
    wide: set[str] = set()
    for before, shard in zip(shards, shards[1:]):
        common = common_prefix(before[-1], shard[0])
        wide.update(common[:n] for n in range(1, len(common) + 1))
    return sorted(wide, key=utf16)


def utf16(s: str) -> bytes:
    """Sort key: JavaScript's string order (UTF-16 code units)."""
    return s.encode("utf-16-be")


def common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _in_order(items: set[str]) -> Iterable[str]:
    return items if len(items) == 1 else sorted(items)
