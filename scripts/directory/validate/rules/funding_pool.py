"""A pool's total is never entered as a programme's own money.

Some sources give one amount for several programmes together, such as
"DKK 73.7 million in all, shared among nine initiatives". That amount is a
pool. Record it once, on the record that holds it (usually the initiative the
programmes are part of), and mark it as a pool:

    funding:
      - amount: 73700000
        currency: DKK
        pool: true
        shared_among: 9

A programme that gets part of the pool does not repeat the amount. It names
the record that holds the pool, and gives an amount only when the source
states its own share (otherwise its page says "share not stated"):

    funding:
      - share_of: the-initiative-id

The check cannot read what a text says (a scope such as "part of a shared
pool" is for readers), so it looks at the structure and finds the ways a
pool's total ends up as a programme's own money:

- an amount that is the same (amount and currency) as a pool on another
  record, without share_of;
- an amount that is the same as an amount of a record this one is part of
  (its parent, or the parent's parent, and so on): a part that repeats its
  whole's money, the way a pool's total is most often copied;
- a share whose amount is the whole pool or more;
- share_of naming a record that holds no pool, or the record itself;
  pool: true and share_of in the same item; shared_among without pool: true.
"""
from __future__ import annotations

from collections import defaultdict

from ...schema.records import Context, Record
from .common import at

ID = "funding-pool"
LEVEL = "error"


def _money(item: dict) -> tuple | None:
    """(amount, currency) of a funding item with an amount."""
    amount = item.get("amount")
    if isinstance(amount, bool) or not isinstance(amount, (int, float)):
        return None
    return amount, item.get("currency")


def _shown(money: tuple) -> str:
    amount, currency = money
    number = str(int(amount)) if float(amount).is_integer() else str(amount)
    return f"{number} {currency}" if currency else number


def _pool_words(item: dict) -> str:
    n = item.get("shared_among")
    return f", shared among {n}" if isinstance(n, int) and not isinstance(n, bool) else ""


def _tour(programmes: dict[str, Record]) -> dict[str, tuple[int, int]]:
    """id -> (enter, last) of a depth-first walk of the parent hierarchy: A
    is an ancestor of B when enter[A] < enter[B] <= last[A]. Records in a
    parent cycle (reported by parent-cycles) are left out."""
    children: dict[str, list[str]] = defaultdict(list)
    roots = []
    for pid, rec in programmes.items():
        parent = rec.data.get("parent")
        if isinstance(parent, str) and parent in programmes and parent != pid:
            children[parent].append(pid)
        else:
            roots.append(pid)
    enter: dict[str, int] = {}
    last: dict[str, int] = {}
    counter = 0
    for root in roots:
        stack = [(root, False)]
        while stack:
            node, done = stack.pop()
            if done:
                last[node] = counter - 1
                continue
            enter[node] = counter
            counter += 1
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(children[node]))
    return {pid: (enter[pid], last[pid]) for pid in enter}


def check(ctx: Context):
    programmes = {rec.id: rec for rec in ctx.valid("programme") if rec.id}
    pools: dict[tuple, list[tuple[Record, dict]]] = defaultdict(list)
    holders: dict[str, list[dict]] = defaultdict(list)
    for rec in programmes.values():
        for item in rec.data.get("funding", []):
            if item.get("pool") is True:
                holders[rec.id].append(item)
                if (money := _money(item)) is not None:
                    pools[money].append((rec, item))

    # amounts that are not shares, by record: a part may repeat its whole's
    amounts: dict[tuple, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for rec in programmes.values():
        for i, item in enumerate(rec.data.get("funding", [])):
            item_at = ("funding", i)
            is_pool, share = item.get("pool") is True, item.get("share_of")
            if item.get("shared_among") is not None and not is_pool:
                yield at(rec, item_at + ("shared_among",), "shared_among says how many share a pool; "
                         "add pool: true to this item, or remove shared_among")
            money = _money(item)
            if share is not None:
                if is_pool:
                    yield at(rec, item_at + ("share_of",), "an item is either a pool (pool: true) or a "
                             "share of one (share_of), not both; remove one of them")
                elif share == rec.id:
                    yield at(rec, item_at + ("share_of",), "share_of names this record itself; name the "
                             "record that holds the pool")
                elif share in programmes and share not in holders:
                    yield at(rec, item_at + ("share_of",), f"'{share}' holds no pool; mark the pool's "
                             f"amount in the funding of '{share}' with pool: true, or remove share_of")
                elif money is not None and any(
                        (m := _money(pool)) is not None and m[1] == money[1] and money[0] >= m[0]
                        for pool in holders.get(share, [])):
                    yield at(rec, item_at + ("amount",), (
                        f"{_shown(money)} is the whole pool of '{share}' or more, not this "
                        "programme's share; remove amount (the page then says 'share not "
                        "stated'), or give the share the source states"))
                continue
            if money is None:
                continue
            other = next(((r, pool) for r, pool in pools.get(money, []) if r.id != rec.id), None)
            if other is not None and not is_pool:
                holder, pool = other
                yield at(rec, item_at + ("amount",), (
                    f"{_shown(money)} is the pool of '{holder.id}'{_pool_words(pool)}, not this "
                    f"programme's own money; write share_of: {holder.id} instead of amount and "
                    "currency (give an amount only when the source states this programme's own share)"))
                continue
            amounts[money][rec.id].append(i)

    # a part that repeats an amount of a record it is part of (any pool on
    # another record was reported above, so the part's item here is a pool)
    clashes = {money: by_rec for money, by_rec in amounts.items() if len(by_rec) > 1}
    if not clashes:
        return
    tour = _tour(programmes)
    for money, by_rec in clashes.items():
        placed = sorted((tour[pid], pid) for pid in by_rec if pid in tour)
        enclosing: list[tuple[tuple[int, int], str]] = []  # the records the next one may lie within
        for span, pid in placed:
            while enclosing and enclosing[-1][0][1] < span[0]:
                enclosing.pop()
            if enclosing:
                whole, rec = enclosing[-1][1], programmes[pid]
                if any(_money(pool) == money for pool in holders.get(whole, [])):
                    message = (f"{_shown(money)} is already the pool of '{whole}', which this record "
                               f"is part of; record a pool once: write share_of: {whole} instead of "
                               "amount, currency and pool")
                else:
                    message = (f"{_shown(money)} is also the funding of '{whole}', which this record "
                               "is part of; a part does not repeat its whole's money: if the amount "
                               f"is shared among the parts of '{whole}', mark it there with pool: true "
                               f"and write share_of: {whole} here, otherwise remove the amount here")
                for i in by_rec[pid]:
                    yield at(rec, ("funding", i, "amount"), message)
            enclosing.append((span, pid))
