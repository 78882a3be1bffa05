"""A large plan for the size tests and the benchmark: many recommendations and actions, each
with a progress update, written with history so the as-at machinery reads it as usual."""

from __future__ import annotations

from datetime import date, timedelta

from simple_history.utils import bulk_create_with_history

from actionplan.plans.models import Action, Agency, DueKind, Partnership, Plan, ProgressUpdate, Recommendation
from actionplan.plans.status import DeliveryStatus

STATUSES = [DeliveryStatus.IN_PROGRESS, DeliveryStatus.NOT_STARTED, DeliveryStatus.IMPLEMENTED]


def large_plan(partnership: Partnership, actions: int, today: date) -> Plan:
    agencies = [Agency.objects.create(partnership=partnership, name=f"Agency {n}") for n in range(12)]
    plan = Plan.objects.create(partnership=partnership, title=f"Large plan of {actions} actions")
    recs = bulk_create_with_history(
        [
            Recommendation(plan=plan, order=n, ref=f"{n + 1}.", outcome="Children are seen and heard. " * 2,
                           text="Agencies should record the views of the child at every visit. " * 2)
            for n in range(actions // 4)
        ],
        Recommendation,
    )  # fmt: skip
    made = bulk_create_with_history(
        [
            Action(recommendation=recs[n // 4], order=n % 4, owner=agencies[n % len(agencies)],
                   text=f"Action {n + 1}: audit a sample of case records and report to the sub-group.",
                   owner_role="Named Nurse", due_kind=DueKind.DATE,
                   due_date=today + timedelta(days=(n % 200) - 100), due_text="within the year",
                   measure="Audit shows the child's voice recorded in 90% of records.",
                   status=STATUSES[n % len(STATUSES)])
            for n in range(actions)
        ],
        Action,
    )  # fmt: skip
    bulk_create_with_history(
        [
            ProgressUpdate(action=a, written_on=today - timedelta(days=30), text="Audit fieldwork on track.",
                           status=a.status)
            for a in made
        ],
        ProgressUpdate,
    )  # fmt: skip
    return plan
