"""Parents form a tree, not a loop.

Following the parent of a record, then that record's parent and so on, must
end at a record without a parent. A loop (a plan under its own pillar) is
reported once, at the record where it is first met.
"""
from ..context import Context

ID = "parent-cycles"
LEVEL = "error"


def check(ctx: Context):
    parents = {rec.id: rec.data.get("parent") for rec in ctx.valid("programme")}
    by_id = {rec.id: rec for rec in ctx.valid("programme")}
    reported: set[str] = set()
    for start in parents:
        seen: list[str] = []
        node = start
        while node is not None and node in parents and node not in seen:
            seen.append(node)
            node = parents[node]
        if node is not None and node in seen:
            loop = seen[seen.index(node):]
            if not reported.intersection(loop):
                reported.update(loop)
                first = min(loop, key=lambda i: (by_id[i].file.path, by_id[i].path))
                chain = " -> ".join(loop[loop.index(first):] + loop[:loop.index(first)] + [first])
                yield ctx.at(by_id[first], ("parent",), f"parents form a loop: {chain}; "
                             "one of these records must have another parent or none", ID)
