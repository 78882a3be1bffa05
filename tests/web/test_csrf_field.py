"""The CSRF field is made once per page: every form of a page carries it, it is masked afresh for
each page, and a form posted with it is accepted."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def tokens(client: Client, url: str) -> list[str]:
    page = client.get(url)
    assert page.status_code == 200
    return re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())


def test_every_form_of_a_page_carries_the_field_and_it_is_accepted(bob):
    client = Client(enforce_csrf_checks=True)
    client.force_login(bob)
    first = tokens(client, "/account/password/")  # the sign-out form and the password form
    assert len(first) >= 2 and len(set(first)) == 1
    again = tokens(client, "/account/password/")
    assert again[0] != first[0]  # masked afresh for each page, as BREACH asks
    assert client.post("/sign-out/", {"csrfmiddlewaretoken": first[0]}).status_code == 302
    assert client.get("/").status_code == 302  # signed out


def test_a_form_posted_without_the_field_is_refused(bob):
    client = Client(enforce_csrf_checks=True)
    client.force_login(bob)
    tokens(client, "/account/password/")
    assert client.post("/sign-out/").status_code == 403


def test_a_page_with_no_form_sets_no_csrf_cookie(client):
    page = client.get("/no-such-page/")
    assert page.status_code == 404 and "csrftoken" not in page.cookies
    assert "csrftoken" in client.get("/sign-in/").cookies  # its form shows the field
