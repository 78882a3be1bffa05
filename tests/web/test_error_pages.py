"""Refused, missing and broken pages are the product's own, in words a person can act on."""

import pytest
from scenes import text_of

from actionplan.web.views.error_pages import server_error

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_styled_and_says_what_to_do(client, dave):
    client.force_login(dave)
    response = client.get("/plans/999999/")
    assert response.status_code == 404
    assert "Page not found" in text_of(response) and "Go to the dashboard" in text_of(response)


def test_a_refusal_is_styled_and_names_who_to_ask(client, dave):
    client.force_login(dave)
    response = client.get("/plans/new/")
    assert response.status_code == 403
    assert "You cannot do this" in text_of(response) and "business manager" in text_of(response)


def test_the_server_error_page_needs_neither_the_request_nor_the_database(rf):
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
