"""A record is reviewed at least once a year.

``last_reviewed`` is the day an editor last checked the record against its
sources. Twelve months later the record is due: check the sources again
(are the facts, the status and the links still right?) and set
``last_reviewed`` to the day you did. A record past its review date still
publishes; its page says it may be out of date.
"""
from ...review import REVIEW_MONTHS, overdue
from ...schema.records import Context
from .common import at

ID = "review-due"
LEVEL = "warning"


def check(ctx: Context):
    # a day that does not exist, or out of range, is the partial-dates rule's error
    for due in overdue(ctx.valid(), ctx.today, lambda rec: rec.data.get("last_reviewed")):
        yield at(due.record, ("last_reviewed",),
                 f"last reviewed {due.last_reviewed}, more than {REVIEW_MONTHS} months ago (due "
                 f"{due.due.isoformat()}); check the record against its sources "
                 "and set last_reviewed to the day you did")
