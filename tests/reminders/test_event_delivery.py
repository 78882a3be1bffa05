"""Events told as they happen or gathered into a daily e-mail, refused e-mails tried again with
a growing wait and then shown as failed, never sent twice; slips and updated versions told."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from actionplan.importing import parse_bytes
from actionplan.plans.models import User
from actionplan.plans.plan_update import apply_update
from actionplan.plans.status import DeliveryStatus, StatusChange
from actionplan.plans.store import store_draft
from actionplan.plans.updates import decide_evidence, record_progress, revise_due, submit_evidence
from actionplan.reminders import claims, event_notices, runs
from actionplan.reminders.models import Notice
from actionplan.reminders.preferences import save_preferences
from actionplan.reminders.runs import remind

pytestmark = pytest.mark.django_db
Role = User.Role
KINDS_ALL = {"due_soon", "overdue", "not_updated", "updates_wanted", "digest", "evidence_decided",
             "action_assigned", "due_revised", "plan_imported", "status_slipped", "plan_updated"}


def slip(action, by, revised=date(2026, 9, 30)):
    change = StatusChange(DeliveryStatus.SLIPPED, reason="Trainer left", revised_due=revised)
    return lambda: record_progress(action, by, "Training postponed", on=date(2026, 6, 1), change=change)


def test_a_slip_tells_the_leads_and_the_admins_but_not_whoever_recorded_it(people, action, alice, bob, told):
    sent = told(slip(action, bob))
    assert list(sent) == ["alice@example.org"]
    message = sent["alice@example.org"]
    assert message.subject == "Riverton Safeguarding Children Partnership: an action slipped"
    assert "Action slipped" in message.body and "now due 30 September 2026: Trainer left" in message.body
    assert f"/actions/{action.pk}/" in message.body
    sent = told(slip(action, alice, revised=date(2026, 12, 31)))  # slipped again: a new slip
    assert list(sent) == ["bob@example.org"]
    assert "now due 31 December 2026" in sent["bob@example.org"].body


def test_a_progress_note_without_a_slip_tells_nobody(people, action, bob, told):
    assert told(lambda: record_progress(action, bob, "On track", on=date(2026, 6, 1))) == {}
    change = StatusChange(DeliveryStatus.IN_PROGRESS)
    assert told(lambda: record_progress(action, bob, "Started", on=date(2026, 6, 1), change=change)) == {}


V1 = (
    b"Domestic Homicide Review Action Plan\n"
    b"Recommendation,Action,Lead agency,Target date,Progress\n"
    b'"1. Share information early","Train staff in routine enquiry",Riverton Police,31/03/2027,"Started"\n'
    b'"2. Audit","Audit health visitor records",Riverton Health,30/06/2027,""\n'
)
V2 = (
    b"Domestic Homicide Review Action Plan\n"
    b"Recommendation,Action,Lead agency,Target date,Progress\n"
    b'"1. Share information early","Train staff in routine enquiry",Riverton Police,30/09/2027,"Started"\n'
    b'"1. Share information early","Brief call handlers on routine enquiry",Riverton Police,31/12/2027,""\n'
    b'"2. Audit","Audit health visitor records",Riverton Health,30/06/2027,""\n'
    b'"3. Escalate","Publish the escalation policy",Riverton Police,31/01/2028,""\n'
)


def test_an_updated_version_tells_each_lead_what_changed_of_theirs(people, partnership, alice, told):
    stored = store_draft(parse_bytes(V1, "dhr.csv").to_dict(), partnership)
    plan = stored.plan
    sent = told(lambda: apply_update(plan, parse_bytes(V2, "dhr-v2.csv").to_dict(), alice, "dhr-v2.csv"))
    assert list(sent) == ["bob@example.org"]  # nothing of Health's changed
    body = sent["bob@example.org"].body
    assert sent["bob@example.org"].subject.endswith(f"an updated version of {plan.title} applied")
    assert "Train staff in routine enquiry" in body and "changed in this version" in body
    assert "Brief call handlers on routine enquiry" in body and "new in this version" in body
    assert "Audit health visitor records" not in body
    assert "Publish the escalation policy" in body  # a new recommendation's action


def test_the_daily_choice_gathers_events_into_the_next_run(people, action, bob, charlie, told):
    save_preferences(bob, KINDS_ALL, daily={"evidence_decided", "due_revised"})
    first = submit_evidence(action, bob, "Briefing slides", link="https://example.org/slides")
    assert told(lambda: decide_evidence(first, charlie, accept=False, reason="Not dated")) == {}
    alice_rev = lambda: revise_due(action, charlie.partnership.users.get(username="alice"),  # noqa: E731
                                   revised_due=date(2026, 9, 30), reason="Funding late")
    assert told(alice_rev) == {}
    assert Notice.objects.filter(recipient=bob, state=Notice.State.PENDING).count() == 2
    mail.outbox.clear()
    remind(date(2026, 6, 2))
    (letter,) = [m for m in mail.outbox if m.to == ["bob@example.org"]]
    assert '"Briefing slides" rejected: Not dated' in letter.body
    assert "now due 30 September 2026: Funding late" in letter.body
    assert "Evidence rejected" in letter.body and "Due date revised" in letter.body
    assert "how often" in letter.body and "/preferences/" in letter.body
    mail.outbox.clear()
    remind(date(2026, 6, 2))  # run again that day: nothing twice
    assert [m for m in mail.outbox if m.to == ["bob@example.org"]] == []


def test_a_kind_that_already_comes_daily_cannot_be_gathered(people, bob):
    from actionplan.plans.editing import EditRefused

    with pytest.raises(EditRefused, match="already come once a day"):
        save_preferences(bob, KINDS_ALL, daily={"overdue"})


@pytest.fixture
def refusing(monkeypatch):
    """An e-mail server that refuses bob's e-mails until told otherwise."""
    real = runs.deliver
    state = {"refuse": True, "tries": 0}

    def deliver(letter):
        if letter.to == "bob@example.org" and state["refuse"]:
            state["tries"] += 1
            raise OSError("connection refused")
        real(letter)

    monkeypatch.setattr(runs, "deliver", deliver)
    return state


def reject(action, bob, charlie, told):
    evidence = submit_evidence(action, bob, "Briefing slides", link="https://example.org/slides")
    return told(lambda: decide_evidence(evidence, charlie, accept=False, reason="Not dated"))


def retry_at(moment, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: moment)
    mail.outbox.clear()
    event_notices.send_retries.call()
    return [m.to[0] for m in mail.outbox]


def test_a_refused_event_e_mail_is_tried_again_after_a_wait_then_sent_once(
    people, action, bob, charlie, told, refusing, monkeypatch
):
    start = timezone.now()
    assert reject(action, bob, charlie, told) == {}
    notice = Notice.objects.get(recipient=bob, kind="evidence_decided")
    assert notice.state == Notice.State.PENDING and notice.attempts == 1
    assert notice.retry_after - start >= timedelta(minutes=5)
    assert "OSError: connection refused" in notice.last_error
    assert retry_at(start + timedelta(minutes=1), monkeypatch) == []  # still waiting
    assert refusing["tries"] == 1
    refusing["refuse"] = False
    assert retry_at(start + timedelta(minutes=6), monkeypatch) == ["bob@example.org"]
    assert retry_at(start + timedelta(days=1), monkeypatch) == []  # never twice
    assert Notice.objects.get(pk=notice.pk).state == Notice.State.SENT


def test_an_event_e_mail_refused_every_time_is_marked_failed_and_shown_in_the_digest(
    people, partnership, action, alice, bob, charlie, told, refusing, monkeypatch
):
    start = timezone.now()
    reject(action, bob, charlie, told)
    waits = []
    moment = start
    for _ in range(claims.MAX_ATTEMPTS + 2):
        notice = Notice.objects.get(recipient=bob, kind="evidence_decided")
        if notice.retry_after is None or notice.state != Notice.State.PENDING:
            break
        waits.append(notice.retry_after - moment)
        moment = notice.retry_after + timedelta(seconds=1)
        retry_at(moment, monkeypatch)
    assert refusing["tries"] == claims.MAX_ATTEMPTS
    assert waits == sorted(waits) and len(waits) == claims.MAX_ATTEMPTS - 1  # each wait longer
    assert notice.state == Notice.State.FAILED
    retry_at(moment + timedelta(days=2), monkeypatch)
    assert refusing["tries"] == claims.MAX_ATTEMPTS  # given up
    # The partnership's admins see it in their next weekly digest.
    monkeypatch.undo()
    mail.outbox.clear()
    last_try = timezone.localtime(moment).date()
    remind(last_try + timedelta(days=7 - last_try.weekday()))  # the Monday after
    (digest,) = [m for m in mail.outbox if m.to == ["alice@example.org"]]
    assert "E-mails that could not be sent" in digest.body
    assert "bob@example.org" in digest.body and "Evidence rejected" in digest.body


def test_one_event_handled_twice_is_sent_once(people, action, bob, charlie, told):
    evidence = submit_evidence(action, bob, "Briefing slides", link="https://example.org/slides")
    sent = told(lambda: decide_evidence(evidence, charlie, accept=True))
    assert list(sent) == ["bob@example.org"]
    mail.outbox.clear()
    with transaction.atomic():
        event_notices.tell_evidence_decided.call(evidence.pk)
    assert mail.outbox == []


def test_the_worker_queue_holds_the_retry_until_its_wait_is_over(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    when = timezone.now() + timedelta(minutes=30)
    event_notices.schedule_retries(when)
    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path.endswith("send_retries") and queued.run_after == when


def test_the_daily_run_leaves_a_refused_e_mail_until_its_wait_is_over(
    people, action, bob, charlie, told, refusing, monkeypatch
):
    start = timezone.now()
    reject(action, bob, charlie, told)
    refusing["refuse"] = False
    mail.outbox.clear()
    remind(timezone.localdate())
    assert not [m for m in mail.outbox if m.to == ["bob@example.org"] and "Evidence rejected" in m.body]
    monkeypatch.setattr(timezone, "now", lambda: start + timedelta(minutes=6))
    remind(timezone.localdate())
    assert [m for m in mail.outbox if m.to == ["bob@example.org"] and "Evidence rejected" in m.body]
