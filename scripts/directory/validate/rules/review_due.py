"""A record is reviewed at least once a year.

``last_reviewed`` is the day an editor last checked the record against its
sources. Twelve months later the record is due: check the sources again
(are the facts, the status and the links still right?) and set
``last_reviewed`` to the day you did. A record past its review date still
publishes; its page says it may be out of date.
"""
from ...dates import full_day
from ...review import REVIEW_MONTHS, is_overdue, review_due
from ..context import Context
from .common import at

ID = "review-due"
LEVEL = "warning"


def check(ctx: Context):
    for rec in ctx.valid():
        reviewed = rec.data.get("last_reviewed")
        if full_day(reviewed) is None or not is_overdue(reviewed, ctx.today):
            continue  # a day that does not exist, or out of range, is the partial-dates rule's error
        yield at(rec, ("last_reviewed",),
                 f"last reviewed {reviewed}, more than {REVIEW_MONTHS} months ago (due "
                 f"{review_due(reviewed).isoformat()}); check the record against its sources "
                 "and set last_reviewed to the day you did")

