"""The notices page and the dashboard's "needs you" panel: each person's own notices, read or
unread; what asks them to act; evidence waiting for a scrutineer; e-mails that failed, for admins."""

from __future__ import annotations

from datetime import date

import pytest
from quarter import build

from actionplan.plans.status import DeliveryStatus
from actionplan.plans.updates import submit_evidence
from actionplan.reminders.models import Notice
from actionplan.reminders.runs import remind

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter(partnership, police, alice, bob, dave, eve):
    built = build(partnership, police, alice, bob, dave, eve)
    remind(date(2026, 5, 16))  # bob: overdue (15 May) and no update since March
    return built


def panel(client) -> str:
    page = client.get("/").content.decode()
    if "Needs you" not in page:
        return ""
    return page.split("Needs you", 1)[1].split("</div>", 1)[0]


def test_the_panel_and_the_page_show_a_leads_own_notices(client, quarter, bob):
    client.force_login(bob)
    shown = panel(client)
    assert "Overdue" in shown and "was due 15 May 2026" in shown
    assert f"/actions/{quarter.overdue_in_may.pk}/" in shown
    assert "Audit health visitor records" not in client.get("/notices/").content.decode()  # Health's
    page = client.get("/notices/").content.decode()
    assert "Brief every response officer on escalation." in page
    assert page.count("Mark as read<span") == Notice.objects.filter(recipient=bob).count() == 2


def test_marking_read_takes_a_notice_off_the_panel(client, quarter, bob):
    client.force_login(bob)
    overdue = Notice.objects.get(recipient=bob, kind="overdue")
    assert client.post(f"/notices/{overdue.pk}/read/").status_code == 302
    assert Notice.objects.get(pk=overdue.pk).read_at is not None
    assert "was due 15 May 2026" not in panel(client)
    assert "No recent update" in panel(client) or "Not updated" in panel(client)
    response = client.post("/notices/read/", follow=True)
    assert "1 notice marked as read" in response.content.decode()
    assert panel(client) == ""
    assert "Mark as read<span" not in client.get("/notices/").content.decode()


def test_another_persons_notice_cannot_be_marked(client, quarter, bob, dave):
    overdue = Notice.objects.get(recipient=bob, kind="overdue")
    client.force_login(dave)
    assert client.post(f"/notices/{overdue.pk}/read/").status_code == 404
    assert Notice.objects.get(pk=overdue.pk).read_at is None


def test_a_finished_action_no_longer_needs_anyone(client, quarter, bob):
    quarter.overdue_in_may.status = DeliveryStatus.IMPLEMENTED
    quarter.overdue_in_may.save()
    client.force_login(bob)
    assert panel(client) == ""
    assert "Brief every response officer" in client.get("/notices/").content.decode()  # still listed


def test_a_scrutineer_is_shown_the_evidence_to_decide(client, quarter, bob, charlie):
    client.force_login(charlie)
    assert panel(client) == ""
    submit_evidence(quarter.overdue_in_may, bob, "Briefing register", link="https://example.org/register")
    assert "1 piece of evidence to decide" in panel(client)


def test_an_admin_is_shown_e_mails_that_failed(client, quarter, alice, bob):
    Notice.objects.filter(recipient=bob, kind="overdue").update(
        state=Notice.State.FAILED, last_error="SMTPRecipientsRefused: mailbox full"
    )
    client.force_login(alice)
    assert "1 e-mail could not be sent" in panel(client)
    page = client.get("/notices/").content.decode()
    assert "E-mails that could not be sent" in page and "mailbox full" in page and "bob@example.org" in page
    client.force_login(bob)
    assert "could not be sent" not in client.get("/notices/").content.decode()
