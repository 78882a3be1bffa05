"""The permission matrix: every page x every role, checked the same way for each area.

Each area's module (test_permissions_<area>.py) lists its cases; `role_matrix` makes the one test
that runs them, and test_permissions.py gathers every area's cases to check that no page is left out.
Anonymous people are sent to sign in; a role that may not do something gets 403; anything of
another partnership is 404 and none of its words appear. A refused POST changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields

import pytest
from django.db import transaction
from django.http.response import HttpResponseBase
from django.test import override_settings
from scenes import ELSEWHERE_WORDS, RIVERTON_WORDS, World, build_everyone, snapshot

from actionplan.plans.models import Action, User

RIVERTON = ["alice", "bob", "frank", "charlie", "dave"]
ROLES = ["anonymous", *RIVERTON, "eve"]


def codes(riverton: int, eve: int, **roles: int) -> dict[str, int]:
    return {**dict.fromkeys(RIVERTON, riverton), "eve": eve, **roles}


def everyone(code: int, **roles: int) -> dict[str, int]:
    return codes(code, code, **roles)


def admin_only(eve: int) -> dict[str, int]:
    return codes(403, eve, alice=200)


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    path: Callable[[World], str]
    expected: dict[str, int]
    data: Callable[[World], dict] = field(default=lambda w: {})
    stores: bool = True  # an allowed POST changes the database
    prepare: Callable[[World], object] = field(default=lambda w: None)  # before the snapshot is taken


def editor(eve: int, **roles: int) -> dict[str, int]:
    """Pages of Riverton's rows that only its partnership admin may use; eve gets `eve`."""
    return codes(403, eve, **roles)


def riverton_rec(w: World) -> int:
    return w.police_action.recommendation_id


def police_action(w: World) -> Action:
    return w.police_action


def evidence(_: World) -> dict:
    return {"description": "Briefing slides", "link": "https://example.org/slides"}


def police(w: World) -> int:
    return w.police_action.pk


@pytest.fixture(scope="module")
def built_world(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[World]:
    """The two partnerships, built once for an area's cases inside a transaction rolled back after
    its last. Each case runs in a savepoint of it (pytest-django's `db`), so every case starts from
    the world as built, whatever the one before it stored."""
    with (
        override_settings(
            MEDIA_ROOT=tmp_path_factory.mktemp("uploads"),
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        world = build_everyone()
        with django_db_blocker.block():  # each case opens the database itself, as it would alone
            yield world
        transaction.set_rollback(True)


@pytest.fixture
def matrix_world(built_world: World, db: None) -> World:
    """The built world, every row read afresh, so that no case sees another's changes in memory."""
    return World(**{
        f.name: type(row).objects.get(pk=row.pk)
        for f in fields(World)
        for row in [getattr(built_world, f.name)]
    })


def sign_in(client, role: str) -> None:
    if role == "anonymous":
        return
    client.force_login(User.objects.get(username=role))


def body(response: HttpResponseBase) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def role_matrix(cases: list[Case]) -> Callable[..., None]:
    """The test of an area's cases for every role, so that each area is checked alike."""

    @pytest.mark.django_db
    @pytest.mark.parametrize("role", ROLES)
    @pytest.mark.parametrize("case", cases, ids=lambda c: c.name.replace(" ", "-"))
    def test_it_gives_each_role_what_it_may_have(client, matrix_world, case: Case, role: str):
        world = matrix_world
        sign_in(client, role)
        case.prepare(world)
        before = snapshot() if case.method == "post" else None  # only a POST may change anything
        response = getattr(client, case.method)(case.path(world), case.data(world))
        content = body(response)

        if role == "anonymous":
            assert response.status_code == 302
            assert response.url.startswith("/sign-in/?next=")
        else:
            assert response.status_code == case.expected[role], content[:300]
        for word in ELSEWHERE_WORDS if role in RIVERTON else RIVERTON_WORDS if role == "eve" else []:
            assert word not in content, f"{word!r} leaked to {role}"
        if case.method == "post":
            changed = snapshot() != before
            assert changed == (response.status_code == 302 and role != "anonymous" and case.stores)

    return test_it_gives_each_role_what_it_may_have
