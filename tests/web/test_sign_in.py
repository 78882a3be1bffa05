import pytest

pytestmark = pytest.mark.django_db


def test_the_dashboard_asks_for_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith("/sign-in/")


def test_signing_in_shows_the_partnerships_dashboard(client, bob, action):
    page = client.post(
        "/sign-in/", {"username": "bob", "password": "correct horse battery staple"}, follow=True
    )
    assert page.status_code == 200
    assert b"Riverton Safeguarding Children Partnership" in page.content
    assert b"Actions by RAG rating" in page.content


def test_a_wrong_password_shows_an_error_summary(client, bob):
    page = client.post("/sign-in/", {"username": "bob", "password": "nope"})
    assert page.status_code == 200
    assert b"There is a problem" in page.content


def test_sign_in_needs_a_csrf_token(bob):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/sign-in/", {"username": "bob", "password": "correct horse battery staple"})
    assert response.status_code == 403


def test_signing_out_is_a_post(client, bob):
    client.force_login(bob)
    assert client.post("/sign-out/").status_code == 302
    assert client.get("/").status_code == 302


def test_the_header_says_sign_out_and_shows_the_name_apart(client, bob):
    """GOV.UK service navigation says "Sign out"; the name is not part of the button's words."""
    import re

    bob.first_name, bob.last_name = "Bola", "Adeyemi"
    bob.save()
    client.force_login(bob)
    page = client.get("/").content.decode()
    (button,) = re.findall(r"<button[^>]*app-link-button[^>]*>(.*?)</button>", page, re.S)
    assert button.strip() == "Sign out"
    hidden = '<span class="govuk-visually-hidden">Signed in as </span>'
    assert re.search(r"govuk-service-navigation__text[^>]*>\s*" + re.escape(hidden) + "Bola Adeyemi", page)
