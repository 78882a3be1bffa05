"""One run of the reminders: work out what is owed, store it, claim it, send one e-mail a person."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import groupby

from django.utils import timezone

from actionplan.plans.status import FINISHED

from . import claims
from .letters import Letter, compose
from .models import EVENT_KINDS, Notice
from .occasions import Owed, owed_today
from .outbox import deliver
from .preferences import wanting

log = logging.getLogger(__name__)


@dataclass
class RunResult:
    letters: list[Letter] = field(default_factory=list)
    notices: int = 0
    failed: list[str] = field(default_factory=list)  # addresses whose e-mail could not be sent
    retry_after: datetime | None = None  # the earliest retry of those, when waiting is asked for


def remind(today: date | None = None) -> RunResult:
    """Send what is owed today, the day's notices gathered for those who asked for one e-mail a
    day, and anything an earlier run left unsent (a failed e-mail is tried by the next run)."""
    today = today or timezone.localdate()
    claims.record(owed_today(today))
    runner = claims.new_runner()
    return send_claimed(claims.claim(runner, timezone.now()), runner, today, backoff=False)


def send_claimed(claimed: list[Notice], runner: str, today: date, *, backoff: bool) -> RunResult:
    """One e-mail per person of the notices claimed (ordered by person). An e-mail refused is
    tried again: by the next run, or (`backoff`) after a wait growing with each attempt."""
    owed = {n.pk: still_owed(n) for n in claimed}
    claims.withdraw([n for n in claimed if not owed[n.pk]], runner)
    claimed = [n for n in claimed if owed[n.pk]]
    result = RunResult()
    for _, group in groupby(claimed, key=lambda n: n.recipient_id):
        notices = list(group)
        letter = compose(notices[0].recipient, notices, today)
        try:
            deliver(letter)
        except Exception as error:
            log.exception("could not send e-mail to %s; it is tried again later", letter.to)
            attempts = max(n.attempts for n in notices) + 1
            retry_after = timezone.now() + claims.backoff(attempts) if backoff else None
            if claims.release(notices, runner, f"{type(error).__name__}: {error}", retry_after):
                result.retry_after = min(filter(None, [result.retry_after, retry_after]), default=None)
            result.failed.append(letter.to)
            continue
        claims.mark_sent(notices, runner, timezone.now())
        result.letters.append(letter)
        result.notices += len(notices)
    return result


def still_owed(notice: Notice) -> bool:
    """A notice left unsent by an earlier run is dropped if, since, its person left or turned
    that kind off, or (a reminder) its plan was closed or its action finished. What happened to
    an action (evidence decided, a slip) is still told once the action is finished."""
    person = notice.recipient
    if not person.is_active or not person.email or not wanting([person], notice.kind):
        return False
    action = notice.action
    if action is None or notice.kind in EVENT_KINDS:
        return True
    return action.recommendation.plan.closed_on is None and action.status not in FINISHED


def would_send(today: date | None = None) -> list[tuple[str, list[Owed]]]:
    """What a run would send today, by address, without storing or claiming anything. Notices
    already sent are left out; those pending from an earlier run are not listed."""
    today = today or timezone.localdate()
    owed = owed_today(today)
    sent = set(
        Notice.objects.filter(key__in={o.key for o in owed}).values_list("recipient_id", "key")
    )
    fresh = [o for o in owed if (o.recipient.pk, o.key) not in sent]
    fresh.sort(key=lambda o: (o.recipient.email, o.kind, o.concerns_date))
    return [(email, list(group)) for email, group in groupby(fresh, key=lambda o: o.recipient.email)]
