"""The lowest age is not above the highest.

Ages are in years (0 for a newborn; use prenatal: true for support that
starts in pregnancy). age_min must be at most age_max.
"""
from ...schema.records import Context
from .common import at

ID = "age-range"
LEVEL = "error"


def check(ctx: Context):
    for rec in ctx.valid("programme"):
        group = rec.data.get("target_group") or {}
        lo, hi = group.get("age_min"), group.get("age_max")
        if lo is not None and hi is not None and lo > hi:
            yield at(rec, ("target_group", "age_max"), (
                f"age_max {hi} is below age_min {lo}; the range must run from the "
                "lowest to the highest age in years"))
