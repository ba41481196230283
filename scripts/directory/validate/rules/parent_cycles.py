"""Parents form a tree, not a loop.

Following the parent of a record, then that record's parent and so on, must
end at a record without a parent. A loop (a plan under its own pillar) is
reported once, at the record where it is first met.
"""
from __future__ import annotations

from ...schema.records import Context, Record

ID = "parent-cycles"
LEVEL = "error"


def loops(links: dict[str, str | None]) -> list[list[str]]:
    """Every loop of ``links`` (an id -> the id it points to, or None), once
    each, in the order the walk from the ids in ``links``' order meets them.

    Each id is walked once (a chain of 10,000 records takes 10,000 steps, not
    50 million), and a link to an id outside ``links`` ends the walk."""
    done: set[str] = set()
    found = []
    for start in links:
        if start in done:
            continue
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node in links and node not in done and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = links[node]
        if node is not None and node in on_path:
            found.append(path[path.index(node):])
        done.update(path)
    return found


def first_met(loop: list[str], by_id: dict[str, Record]) -> list[str]:
    """The loop as a chain from the record that comes first in the data files
    back to it: ['b', 'a'] with a first -> ['a', 'b', 'a']."""
    first = min(loop, key=lambda i: (by_id[i].file.path, by_id[i].path))
    at = loop.index(first)
    return loop[at:] + loop[:at] + [first]


def check(ctx: Context):
    by_id = {rec.id: rec for rec in ctx.valid("programme")}
    parents = {rec_id: rec.data.get("parent") for rec_id, rec in by_id.items()}
    for loop in loops(parents):
        chain = first_met(loop, by_id)
        yield ctx.at(by_id[chain[0]], ("parent",), f"parents form a loop: {' -> '.join(chain)}; "
                     "one of these records must have another parent or none", ID)
