"""`actionplan remind`: --dry-run lists without sending or claiming; a failed e-mail is kept for
the next run; the settings of a partnership are its own."""

from __future__ import annotations

from datetime import date
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from quarter import build

from actionplan.reminders import runs
from actionplan.reminders.models import Notice, ReminderSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter(partnership, police, alice, bob, dave, eve):
    return build(partnership, police, alice, bob, dave, eve)


@pytest.fixture
def bob_unreachable(monkeypatch):
    """E-mails to bob fail as a refused connection until `reconnect()` is called."""
    real = runs.deliver

    def refuse_bob(letter):
        if letter.to == "bob@example.org":
            raise OSError("connection refused")
        real(letter)

    monkeypatch.setattr(runs, "deliver", refuse_bob)
    return SimpleNamespace(reconnect=lambda: monkeypatch.setattr(runs, "deliver", real))


def told_of_overdue() -> list[list[str]]:
    """Who was told the police action is overdue."""
    return [m.to for m in mail.outbox if "Now overdue" in m.body and "Brief every" in m.body]


def remind(*args: str) -> str:
    out = StringIO()
    call_command("remind", *args, stdout=out)
    return out.getvalue()


def test_dry_run_lists_what_would_be_sent_and_sends_nothing(quarter):
    out = remind("--dry-run", "--today", "2026-05-16")
    assert "bob@example.org: 2 notices\n" in out
    assert "  Overdue: 1. Brief every response officer on escalation. (was due 15 May 2026)\n" in out
    assert "dave@example.org" not in out and "ivan@example.org" not in out
    assert mail.outbox == [] and not Notice.objects.exists()
    assert remind("--today", "2026-05-16").startswith("Sent ")
    assert told_of_overdue() == [["bob@example.org"]]
    # What was sent is no longer listed.
    assert "bob@example.org" not in remind("--dry-run", "--today", "2026-05-16")


def test_an_e_mail_that_fails_is_kept_for_the_next_run(quarter, bob_unreachable):
    with pytest.raises(CommandError, match="could not send to bob@example.org"):
        remind("--today", "2026-05-16")
    assert Notice.objects.get(recipient__username="bob", kind="overdue").state == Notice.State.PENDING
    bob_unreachable.reconnect()
    mail.outbox.clear()
    remind("--today", "2026-05-17")
    assert told_of_overdue() == [["bob@example.org"]]


def test_a_notice_left_unsent_is_not_sent_once_its_person_has_left(quarter, bob, bob_unreachable):
    with pytest.raises(CommandError):
        remind("--today", "2026-05-16")
    bob_unreachable.reconnect()
    bob.is_active = False
    bob.save()
    mail.outbox.clear()
    remind("--today", "2026-05-17")
    assert told_of_overdue() == []
    assert Notice.objects.get(recipient=bob, kind="overdue").state == Notice.State.WITHDRAWN


def test_a_partnership_chooses_its_own_reminder_days(quarter, partnership):
    ReminderSettings.objects.filter(partnership=partnership).update(days_before_due=[14])
    remind("--today", "2026-04-17")  # 28 days before: no longer a reminder day
    assert not [m for m in mail.outbox if m.to == ["bob@example.org"] and "Due soon" in m.body]
    remind("--today", "2026-05-01")
    assert [m for m in mail.outbox if m.to == ["bob@example.org"] and "Due soon" in m.body]


# The worker closes its database connection after each task, as a long-running process should:
# the test's data must be committed, not held in a transaction rolled back at the end.
@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_reminders_from_its_queue(quarter, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from actionplan.reminders.tasks import send_reminders

    result = send_reminders.enqueue(date(2026, 5, 16).isoformat())
    assert mail.outbox == []
    call_command("worker", "--batch", "--no-startup-delay", "--verbosity", "0", "--no-reload")
    result.refresh()
    assert result.status == "SUCCESSFUL"
    assert told_of_overdue() == [["bob@example.org"]]
