"""The notices shown in the app: each person's own, read or unread, and what wants them to act.

Every notice stored for a person (sent, waiting for the day's e-mail, or refused by the e-mail
server) is shown to them; those no longer owed when their turn came are not."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from actionplan.plans.models import Evidence, Partnership, User, not_withdrawn
from actionplan.plans.status import FINISHED

from .models import Notice

Kind = Notice.Kind
# Notices that ask their person to do something (post an update, resubmit evidence, take on an
# action); the others only tell. Evidence decided wants action only when rejected.
WANTING_ACTION = [Kind.UPDATES_WANTED, Kind.OVERDUE, Kind.DUE_SOON, Kind.NOT_UPDATED, Kind.ACTION_ASSIGNED]
PANEL_ROWS = 5
FAILED_SHOWN_FOR = timedelta(days=30)


def notices_of(person: User) -> QuerySet[Notice]:
    return (
        Notice.objects.filter(recipient=person)
        .exclude(state=Notice.State.WITHDRAWN)
        .select_related("action__owner", "action__recommendation__plan", "meeting", "recommendation__plan")
        .order_by("-created_at", "-id")
    )


def wanting_action(person: User) -> QuerySet[Notice]:
    """Unread notices asking the person to act on an action still being delivered (or on a
    recommendation tracked on its own, whose evidence was rejected), in an open plan."""
    rejected = Q(kind=Kind.EVIDENCE_DECIDED, key__endswith=f":{Evidence.Decision.REJECTED}")
    open_action = Q(action__isnull=False, action__recommendation__plan__closed_on=None) & ~Q(
        action__status__in=FINISHED)
    open_recommendation = Q(action=None, recommendation__plan__closed_on=None)
    return (
        notices_of(person)
        .filter(Q(kind__in=WANTING_ACTION) | rejected, read_at=None)
        .filter(open_action | open_recommendation)
    )


@dataclass
class NeedsYou:
    notices: list[Notice] = field(default_factory=list)  # the first few
    count: int = 0
    evidence_to_decide: int = 0
    failed_mail: int = 0


def needs_you(person: User, partnership: Partnership) -> NeedsYou:
    wanting = wanting_action(person)
    found = NeedsYou(list(wanting[:PANEL_ROWS]), wanting.count())
    if person.role in {User.Role.SCRUTINEER, User.Role.PARTNERSHIP_ADMIN}:
        # An action's or a recommendation's (tracked on its own): both are in the list it links to.
        found.evidence_to_decide = not_withdrawn(Evidence.objects.filter(
            Q(action__recommendation__plan__partnership=partnership)
            | Q(recommendation__plan__partnership=partnership),
            decision=Evidence.Decision.PENDING,
        )).count()
    if person.role == User.Role.PARTNERSHIP_ADMIN:
        found.failed_mail = failed_mail(partnership).count()
    return found


def failed_mail(partnership: Partnership) -> QuerySet[Notice]:
    """The partnership's notices whose e-mail the server refused every time, lately."""
    return (
        Notice.objects.filter(
            state=Notice.State.FAILED,
            recipient__partnership=partnership,
            claimed_at__gte=timezone.now() - FAILED_SHOWN_FOR,
        )
        .select_related("recipient", "action__recommendation__plan")
        .order_by("-claimed_at", "-id")
    )


def mark_read(person: User, notice_id: int) -> bool:
    """False when the person has no such notice (someone else's is not theirs to mark)."""
    mine = Notice.objects.filter(pk=notice_id, recipient=person)
    if not mine.exists():
        return False
    mine.filter(read_at=None).update(read_at=timezone.now())
    return True


def mark_all_read(person: User) -> int:
    return Notice.objects.filter(recipient=person, read_at=None).update(read_at=timezone.now())
