"""A quarter of daily runs with a frozen clock: the right people get the right notices on the
right days, once each, and nobody hears of what is not theirs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from quarter import build_with_a_board_meeting, by_person, post_update, run_quarter

from actionplan.reminders.models import Notice
from personas import make_alice, make_bob, make_dave, make_eve, riverton, riverton_police
from shared_demo import BUILT_AS_IN_A_TEST

pytestmark = pytest.mark.django_db


Sent = list[tuple[date, mail.EmailMessage]]


@pytest.fixture(scope="module")
def quarter_run(django_db_setup, django_db_blocker) -> Iterator[Sent]:
    """The quarter built and run once for the tests reading what it sent, in a transaction rolled
    back after the last of them, as the permission matrix's world is (ADR 58): each test runs in a
    savepoint of it. A quarter of daily runs was most of each test's time."""
    with override_settings(**BUILT_AS_IN_A_TEST), django_db_blocker.unblock(), transaction.atomic():
        partnership = riverton()
        police = riverton_police(partnership)
        people = make_alice(partnership), make_bob(partnership, police), make_dave(partnership), make_eve()
        quarter = build_with_a_board_meeting(partnership, police, *people)
        # Health posts an update on 20 April, so its "no update" clock starts again then.
        update_day = date(2026, 4, 20)
        sent = run_quarter(quarter, {update_day: lambda: post_update(quarter.due_in_june, update_day)})
        with django_db_blocker.block():  # each test opens the database itself, as it would alone
            yield sent
        transaction.set_rollback(True)


@pytest.fixture
def sent(quarter_run: Sent, db: None) -> Sent:
    return quarter_run


def test_each_lead_is_told_on_the_right_days_and_no_more(sent):
    people = by_person(sent)
    assert [day for day, _ in people["bob@example.org"]] == [
        date(2026, 4, 17),  # 28 days before 15 May
        date(2026, 4, 24),  # 30 days without an update since it was recorded on 25 March
        date(2026, 5, 8),  # 7 days before
        date(2026, 5, 16),  # the day it became overdue
        date(2026, 5, 21),  # 10 working days before the papers deadline of 5 June (25 May a holiday)
    ]
    assert [day for day, _ in people["hana@example.org"]] == [
        date(2026, 5, 13),  # 28 days before 10 June
        date(2026, 5, 20),  # 30 days after its update of 20 April
        date(2026, 5, 21),  # updates wanted for the board
        date(2026, 6, 3),  # 7 days before
        date(2026, 6, 11),  # overdue
    ]


def test_what_each_e_mail_says(sent):
    people = by_person(sent)
    day, overdue = people["bob@example.org"][3]
    assert overdue.subject == "Riverton Safeguarding Children Partnership: 1 action needs your attention"
    assert "Now overdue" in overdue.body and "Brief every response officer on escalation." in overdue.body
    assert "was due 15 May 2026" in overdue.body
    action_id = Notice.objects.filter(kind="overdue", recipient__username="bob").get().action_id
    assert f"http://127.0.0.1:8000/actions/{action_id}/" in overdue.body
    html, kind = overdue.alternatives[0]
    assert kind == "text/html" and "<table>" in html and "Brief every response officer" in html
    assert "as a lead for Riverton Police" in overdue.body
    _, wanted = people["bob@example.org"][4]
    assert "Updates wanted for Board: papers due 5 June 2026" in wanted.body


def test_nobody_hears_of_what_is_not_theirs(sent):
    people = by_person(sent)
    assert set(people) == {
        "alice@example.org", "bob@example.org", "hana@example.org", "eve@example.org", "olga@example.org"
    }
    # Dave only reads; Ivan no longer signs in: neither is written to.
    for address, messages in people.items():
        for _, message in messages:
            body = message.body
            assert "A closed plan's action." not in body and "Already implemented." not in body
            if address != "olga@example.org" and address != "eve@example.org":
                assert "Another partnership's action." not in body
            if address == "bob@example.org":
                assert "Audit health visitor records" not in body
            if address == "hana@example.org":
                assert "Brief every response officer" not in body
            if address in {"eve@example.org", "olga@example.org"}:
                assert "Brief every response officer" not in body and "Audit health visitor" not in body


def test_admins_get_a_weekly_digest_on_mondays(sent):
    digests = by_person(sent)["alice@example.org"]
    # The first run, on Wednesday 1 April, sends the digest of Monday 30 March it finds unsent.
    assert digests[0][0] == date(2026, 4, 1)
    assert [day.weekday() for day, _ in digests[1:]] == [0] * 13
    newly_overdue = [day for day, message in digests if "Brief every" in message.body.split("Slipped")[0]]
    assert newly_overdue == [date(2026, 5, 18)]
    assert all(message.subject.endswith("weekly digest of action plans") for _, message in digests)


def test_one_e_mail_per_person_per_run_and_every_notice_sent_once(sent):
    per_day = defaultdict(int)
    for day, message in sent:
        per_day[(day, message.to[0])] += 1
    assert set(per_day.values()) == {1}
    assert not Notice.objects.exclude(state=Notice.State.SENT).exists()
