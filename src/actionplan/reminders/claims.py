"""Storing owed notices and claiming them, so each is sent once however many runners there are.

Each notice row is unique per person and occasion, so recording the same owed notice twice
stores it once. A runner sends only the notices it claimed with one UPDATE … WHERE state is
pending: the database lets one runner's update change a row, the other's finds it claimed
(PostgreSQL re-reads the row once the first commits; SQLite runs one write at a time). A runner
that stopped between claiming and sending leaves its claims "sending"; after the lease they may
be claimed again. A notice marked sent is never claimed again.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q

from .models import Notice
from .occasions import Owed

State = Notice.State


def record(owed: list[Owed]) -> None:
    """Store the owed notices not stored before (the rest are already pending or sent)."""
    Notice.objects.bulk_create(
        [
            Notice(
                recipient=o.recipient,
                kind=o.kind,
                key=o.key,
                action=o.action,
                meeting=o.meeting,
                concerns_date=o.concerns_date,
                detail=o.detail,
            )
            for o in owed
        ],
        ignore_conflicts=True,
        batch_size=500,
    )


def new_runner() -> str:
    return uuid.uuid4().hex


def claim(runner: str, now: datetime) -> list[Notice]:
    """Take every notice nobody is sending (or whose sender's lease ran out) for this runner."""
    lease_ended = now - timedelta(minutes=settings.ACTIONPLAN_NOTICE_LEASE_MINUTES)
    free = Q(state=State.PENDING) | Q(state=State.SENDING, claimed_at__lt=lease_ended)
    Notice.objects.filter(free).update(state=State.SENDING, claimed_by=runner, claimed_at=now)
    return list(
        Notice.objects.filter(state=State.SENDING, claimed_by=runner)
        .select_related("recipient", "action__owner", "action__recommendation__plan__partnership", "meeting")
        .order_by("recipient", "kind", "concerns_date", "id")
    )


def mark_sent(notices: list[Notice], runner: str, now: datetime) -> None:
    Notice.objects.filter(pk__in=[n.pk for n in notices], claimed_by=runner, state=State.SENDING).update(
        state=State.SENT, sent_at=now
    )


def release(notices: list[Notice], runner: str) -> None:
    """Give back notices that could not be sent, for the next run to try again."""
    Notice.objects.filter(pk__in=[n.pk for n in notices], claimed_by=runner, state=State.SENDING).update(
        state=State.PENDING, claimed_by="", claimed_at=None
    )


def withdraw(notices: list[Notice], runner: str) -> None:
    """Notices that are no longer owed when their turn comes (see runs.still_owed): never sent."""
    Notice.objects.filter(pk__in=[n.pk for n in notices], claimed_by=runner, state=State.SENDING).update(
        state=State.WITHDRAWN
    )
