"""Storing owed notices and claiming them, so each is sent once however many runners there are.

Each notice row is unique per person and occasion, so recording the same owed notice twice
stores it once. A runner sends only the notices it claimed with one UPDATE … WHERE state is
pending: the database lets one runner's update change a row, the other's finds it claimed
(PostgreSQL re-reads the row once the first commits; SQLite runs one write at a time). A runner
that stopped between claiming and sending leaves its claims "sending"; after the lease they may
be claimed again. A notice marked sent is never claimed again.

An e-mail the server refuses puts its notices back, to be tried again after a wait that grows
with each attempt (retry_after); after MAX_ATTEMPTS they are marked failed, for the partnership's
admins to see, and never tried again.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F, Q

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
                recommendation=o.recommendation,
                concerns_date=o.concerns_date,
                detail=o.detail,
                subject=o.subject,
                heading=o.heading,
            )
            for o in owed
        ],
        ignore_conflicts=True,
        batch_size=500,
    )


def new_runner() -> str:
    return uuid.uuid4().hex


MAX_ATTEMPTS = 5
# The wait before each further attempt: a server down for a few minutes, then for some hours.
BACKOFF = [timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2), timedelta(hours=8)]


def free(now: datetime) -> Q:
    """Notices nobody is sending (or whose sender's lease ran out), and not waiting for a retry."""
    lease_ended = now - timedelta(minutes=settings.ACTIONPLAN_NOTICE_LEASE_MINUTES)
    waiting = Q(retry_after__gt=now)
    return (Q(state=State.PENDING) & ~waiting) | Q(state=State.SENDING, claimed_at__lt=lease_ended)


def claim(runner: str, now: datetime, among: Q | None = None) -> list[Notice]:
    """Take every free notice (or those of them `among` names) for this runner."""
    chosen = free(now) & among if among is not None else free(now)
    Notice.objects.filter(chosen).update(state=State.SENDING, claimed_by=runner, claimed_at=now)
    return claimed_by(runner)


def claimed_by(runner: str) -> list[Notice]:
    return list(
        Notice.objects.filter(state=State.SENDING, claimed_by=runner)
        .select_related("recipient", "action__owner", "action__recommendation__plan__partnership", "meeting",
                        "recommendation__plan")
        .order_by("recipient", "kind", "concerns_date", "id")
    )


def mark_sent(notices: list[Notice], runner: str, now: datetime) -> None:
    Notice.objects.filter(pk__in=[n.pk for n in notices], claimed_by=runner, state=State.SENDING).update(
        state=State.SENT, sent_at=now
    )


def release(notices: list[Notice], runner: str, error: str, retry_after: datetime | None = None) -> bool:
    """Give back notices whose e-mail could not be sent, to be tried again from `retry_after`
    (the next run, when None); or, at the last attempt, mark them failed. True if tried again."""
    mine = Notice.objects.filter(pk__in=[n.pk for n in notices], claimed_by=runner, state=State.SENDING)
    mine.update(attempts=F("attempts") + 1, last_error=error[:300])
    last = max(n.attempts for n in notices) + 1 >= MAX_ATTEMPTS
    if last:
        mine.update(state=State.FAILED)
        return False
    mine.update(state=State.PENDING, claimed_by="", claimed_at=None, retry_after=retry_after)
    return True


def backoff(attempts: int) -> timedelta:
    """The wait after the attempts made so far (1 after the first failure)."""
    return BACKOFF[min(attempts, len(BACKOFF)) - 1]


def withdraw(notices: list[Notice], runner: str) -> None:
    """Notices that are no longer owed when their turn comes (see runs.still_owed): never sent."""
    Notice.objects.filter(pk__in=[n.pk for n in notices], claimed_by=runner, state=State.SENDING).update(
        state=State.WITHDRAWN
    )
