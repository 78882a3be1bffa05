"""One run of the reminders: work out what is owed, store it, claim it, send one e-mail a person."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

from django.utils import timezone

from actionplan.plans.status import FINISHED

from . import claims
from .letters import Letter, compose
from .models import Notice
from .occasions import Owed, owed_today
from .outbox import deliver
from .preferences import wanting

log = logging.getLogger(__name__)


@dataclass
class RunResult:
    letters: list[Letter] = field(default_factory=list)
    notices: int = 0
    failed: list[str] = field(default_factory=list)  # addresses whose e-mail could not be sent


def remind(today: date | None = None) -> RunResult:
    """Send what is owed today and anything an earlier run left unsent."""
    today = today or timezone.localdate()
    claims.record(owed_today(today))
    runner = claims.new_runner()
    claimed = claims.claim(runner, timezone.now())
    owed = {n.pk: still_owed(n) for n in claimed}
    claims.withdraw([n for n in claimed if not owed[n.pk]], runner)
    claimed = [n for n in claimed if owed[n.pk]]
    result = RunResult()
    for _, group in groupby(claimed, key=lambda n: n.recipient_id):
        notices = list(group)
        letter = compose(notices[0].recipient, notices, today)
        try:
            deliver(letter)
        except Exception:
            log.exception("could not send reminders to %s; the next run tries again", letter.to)
            claims.release(notices, runner)
            result.failed.append(letter.to)
            continue
        claims.mark_sent(notices, runner, timezone.now())
        result.letters.append(letter)
        result.notices += len(notices)
    return result


def still_owed(notice: Notice) -> bool:
    """A notice left unsent by an earlier run is dropped if, since, its person left or turned
    that kind off, or its plan was closed or its action finished."""
    person = notice.recipient
    if not person.is_active or not person.email or not wanting([person], notice.kind):
        return False
    action = notice.action
    if action is None:
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
