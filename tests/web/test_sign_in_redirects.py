"""After signing in, people go back to the page they asked for, but never to another site."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def test_it_returns_to_the_page_asked_for(client, dave):
    asked = client.get("/plans/")
    assert asked.url == "/sign-in/?next=/plans/"
    signed_in = client.post("/sign-in/", {"username": "dave", "password": PASSWORD, "next": "/plans/"})
    assert signed_in.status_code == 302 and signed_in.url == "/plans/"


@pytest.mark.parametrize("elsewhere", ["https://evil.example/", "//evil.example/", "https:evil.example"])
def test_it_never_sends_people_to_another_site(client, dave, elsewhere):
    response = client.post("/sign-in/", {"username": "dave", "password": PASSWORD, "next": elsewhere})
    assert response.status_code == 302 and response.url == "/"
