"""Test personas, as the board would know them: alice runs the partnership, bob leads for the police,
charlie scrutinises, dave only reads. Eve belongs to another partnership.

Each fixture calls a plain function, so that data built once for a whole module (the permission
matrix) makes the same people as a single test does.
"""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.plans.models import Agency, Partnership, User
from factories import ActionFactory, AgencyFactory, PartnershipFactory, UserFactory

Role = User.Role
# What `from personas import *` brings into a conftest: the fixtures.
__all__ = ["partnership", "police", "action", "alice", "bob", "charlie", "dave", "eve"]


def riverton() -> Partnership:
    return PartnershipFactory(name="Riverton Safeguarding Children Partnership")


def riverton_police(partnership: Partnership) -> Agency:
    return AgencyFactory(partnership=partnership, name="Riverton Police", aliases=["RP", "Police"])


def person(username: str, partnership: Partnership, role: str, *agencies: Agency, **extra) -> User:
    user = UserFactory(username=username, partnership=partnership, role=role, **extra)
    if agencies:
        user.agencies.add(*agencies)
    return user


def make_alice(partnership: Partnership) -> User:
    return person("alice", partnership, Role.PARTNERSHIP_ADMIN, is_staff=True)


def make_bob(partnership: Partnership, police: Agency) -> User:
    return person("bob", partnership, Role.AGENCY_LEAD, police)


def make_charlie(partnership: Partnership) -> User:
    return person("charlie", partnership, Role.SCRUTINEER)


def make_dave(partnership: Partnership) -> User:
    return person("dave", partnership, Role.VIEWER)


def make_eve() -> User:
    other = PartnershipFactory(name="Elsewhere Safeguarding Adults Board")
    return person("eve", other, Role.PARTNERSHIP_ADMIN, is_staff=True)


@pytest.fixture
def partnership():
    return riverton()


@pytest.fixture
def police(partnership):
    return riverton_police(partnership)


@pytest.fixture
def action(partnership, police):
    return ActionFactory(
        recommendation__plan__partnership=partnership, owner=police, due_date=date(2026, 6, 30)
    )


@pytest.fixture
def alice(partnership):
    return make_alice(partnership)


@pytest.fixture
def bob(partnership, police):
    return make_bob(partnership, police)


@pytest.fixture
def charlie(partnership):
    return make_charlie(partnership)


@pytest.fixture
def dave(partnership):
    return make_dave(partnership)


@pytest.fixture
def eve():
    return make_eve()
