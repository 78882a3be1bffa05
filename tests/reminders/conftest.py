"""What the reminders' tests share: the personas, and the people an event is told to."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core import mail

from actionplan.plans.models import User
from factories import AgencyFactory, UserFactory
from personas import *  # noqa: F403  (the shared personas: alice, bob, charlie, dave, eve)


@pytest.fixture
def people(partnership, police, alice, bob, charlie, eve):
    """Hana, lead of a second agency (returned), and everyone with an e-mail address."""
    health = AgencyFactory(partnership=partnership, name="Riverton Health")
    hana = UserFactory(
        username="hana", email="hana@example.org", partnership=partnership, role=User.Role.AGENCY_LEAD
    )
    hana.agencies.add(health)
    for person in (alice, bob, charlie, eve):
        person.email = f"{person.username}@example.org"
        person.save()
    return health


@pytest.fixture
def told(django_capture_on_commit_callbacks):
    """Run a change as a request would: its announcements go out when it commits."""

    def run(change: Callable[[], object]) -> dict[str, mail.EmailMessage]:
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            change()
        return {message.to[0]: message for message in mail.outbox}

    return run
