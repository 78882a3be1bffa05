"""Repeated failed sign-ins lock the username (django-axes); a colleague still signs in."""

from __future__ import annotations

import pytest
from django.conf import settings
from scenes import text_of

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def test_it_locks_a_username_after_too_many_failures(client, bob, alice):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        failed = client.post("/sign-in/", {"username": "bob", "password": "guess"})
        assert failed.status_code == 200 and "Enter a correct username and password" in text_of(failed)
    # The failure that reaches the limit is already answered with the lock-out page.
    assert client.post("/sign-in/", {"username": "bob", "password": "guess"}).status_code == 429

    locked = client.post("/sign-in/", {"username": "bob", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many failed attempts to sign in" in text_of(locked)
    assert f"locked for {int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)} minutes" in text_of(locked)
    assert "_auth_user_id" not in client.session
    assert client.get("/").status_code == 302  # still signed out

    colleague = client.post("/sign-in/", {"username": "alice", "password": PASSWORD})
    assert colleague.status_code == 302 and colleague.url == "/"
    assert client.get("/").status_code == 200


def test_fewer_failures_do_not_lock(client, bob):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/sign-in/", {"username": "bob", "password": "guess"})
    assert client.post("/sign-in/", {"username": "bob", "password": PASSWORD}).status_code == 302
