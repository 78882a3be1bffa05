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


# Behind one proxy: REMOTE_ADDR is the proxy's, the client is in X-Forwarded-For.
PROXY = "127.0.0.1"


@pytest.fixture
def behind_a_proxy(settings):
    settings.AXES_IPWARE_PROXY_COUNT = 0  # one proxy: the header holds the client alone
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")


def sign_in(client, password: str, forwarded_for: str):
    return client.post(
        "/sign-in/",
        {"username": "bob", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_behind_the_proxy_the_lock_out_counts_the_clients_address(client, bob, behind_a_proxy):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "guess", "203.0.113.9")
    assert sign_in(client, PASSWORD, "203.0.113.9").status_code == 429
    # The same person from another address is not locked out by a stranger's guesses.
    assert sign_in(client, PASSWORD, "198.51.100.7").status_code == 302


def test_rotating_addresses_meets_the_cap_on_the_username(client, bob, behind_a_proxy):
    for n in range(settings.ACTIONPLAN_USERNAME_FAILURE_LIMIT - 1):
        assert sign_in(client, "guess", f"203.0.113.{n + 1}").status_code == 200
    assert sign_in(client, "guess", "203.0.113.250").status_code == 429
    assert sign_in(client, PASSWORD, "198.51.100.7").status_code == 429


def test_addresses_the_client_writes_into_the_header_do_not_count_as_new(client, bob, behind_a_proxy):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "guess", f"10.9.8.{n}, 203.0.113.9")
    assert sign_in(client, PASSWORD, f"10.9.8.{99}, 203.0.113.9").status_code == 429
    assert sign_in(client, PASSWORD, "198.51.100.7").status_code == 302
