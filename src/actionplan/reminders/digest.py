"""The weekly digest for partnership admins: what changed or stuck in the week to its day."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Q, QuerySet

from actionplan.plans.assurance import AssuranceStatus
from actionplan.plans.finder import ActionCriteria
from actionplan.plans.models import Action, Evidence, Partnership, Recommendation
from actionplan.plans.status import DeliveryStatus
from actionplan.plans.tracked_alone import find_recommendations_alone

from .models import Notice, ReminderSettings
from .occasions import last_touched, open_actions

WEEK = timedelta(days=7)


def digest_sections(partnership: Partnership, day: date) -> list[tuple[str, list[Action | Recommendation]]]:
    """Headed lists of actions, in the order an admin acts on them; empty lists are kept, so the
    digest says "none" rather than leaving a heading out. What awaits assurance counts the
    recommendations tracked on their own too, as the dashboard does."""
    rules = ReminderSettings.of(partnership)
    live = list(open_actions(partnership))
    rejected_ids = set(
        Evidence.objects.filter(
            action__recommendation__plan__partnership=partnership,
            decision=Evidence.Decision.REJECTED,
            decided_at__date__gt=day - WEEK,
            decided_at__date__lte=day,
        ).values_list("action_id", flat=True)
    )
    return [
        ("Newly overdue", [a for a in live if a.current_due and day - WEEK <= a.current_due < day]),
        ("Slipped", [a for a in live if a.status == DeliveryStatus.SLIPPED]),
        (
            "Awaiting assurance",
            [*open_or_done(partnership).filter(assurance=AssuranceStatus.SUBMITTED),
             *alone_awaiting_assurance(partnership, day)],
        ),
        ("Evidence rejected this week", list(open_or_done(partnership).filter(pk__in=rejected_ids))),
        (
            f"No update for {rules.not_updated_days} days or more",
            [a for a in live if (day - last_touched(a)).days >= rules.not_updated_days],
        ),
    ]


def open_or_done(partnership: Partnership) -> QuerySet[Action]:
    """Actions of open plans whatever their status: implemented ones await assurance too."""
    return Action.objects.filter(
        recommendation__plan__partnership=partnership, recommendation__plan__closed_on=None
    ).select_related("owner", "recommendation__plan")


def alone_awaiting_assurance(partnership: Partnership, day: date) -> QuerySet[Recommendation]:
    """Recommendations tracked on their own, in open plans, whose evidence awaits assurance: as
    the list the dashboard's number links to finds them."""
    return find_recommendations_alone(partnership, day, ActionCriteria(awaiting_assurance=True))


def failed_mail(partnership: Partnership, day: date) -> list[Notice]:
    """Notices about the partnership's actions, or its recommendations tracked on their own, whose
    e-mail was refused at every attempt in the week before `day` (so each is listed by one
    digest): the admins see who was not told, to tell them another way."""
    return list(
        Notice.objects.filter(
            Q(action__recommendation__plan__partnership=partnership)
            | Q(recommendation__plan__partnership=partnership),
            state=Notice.State.FAILED,
            claimed_at__date__gte=day - WEEK,
            claimed_at__date__lt=day,
        )
        .select_related("recipient", "action__owner", "action__recommendation__plan", "recommendation__plan")
        .order_by("claimed_at", "id")
    )
