"""Test personas, as the board would know them: alice runs the partnership, bob leads for the police,
charlie scrutinises, dave only reads. Eve belongs to another partnership."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.plans.models import User
from factories import ActionFactory, AgencyFactory, PartnershipFactory, UserFactory

Role = User.Role


@pytest.fixture
def partnership():
    return PartnershipFactory(name="Riverton Safeguarding Children Partnership")


@pytest.fixture
def police(partnership):
    return AgencyFactory(partnership=partnership, name="Riverton Police", aliases=["RP", "Police"])


@pytest.fixture
def action(partnership, police):
    return ActionFactory(
        recommendation__plan__partnership=partnership, owner=police, due_date=date(2026, 6, 30)
    )


@pytest.fixture
def alice(partnership):
    return UserFactory(username="alice", partnership=partnership, role=Role.PARTNERSHIP_ADMIN, is_staff=True)


@pytest.fixture
def bob(partnership, police):
    user = UserFactory(username="bob", partnership=partnership, role=Role.AGENCY_LEAD)
    user.agencies.add(police)
    return user


@pytest.fixture
def charlie(partnership):
    return UserFactory(username="charlie", partnership=partnership, role=Role.SCRUTINEER)


@pytest.fixture
def dave(partnership):
    return UserFactory(username="dave", partnership=partnership, role=Role.VIEWER)


@pytest.fixture
def eve():
    other = PartnershipFactory(name="Elsewhere Safeguarding Adults Board")
    return UserFactory(username="eve", partnership=other, role=Role.PARTNERSHIP_ADMIN, is_staff=True)
