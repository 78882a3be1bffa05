"""Security headers and the request size limit, as a browser or a stranger meets them."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def inline_scripts(html: str) -> list[str]:
    return re.findall(r"<script(?![^>]*\ssrc=)[^>]*>(.*?)</script>", html, flags=re.S)


def test_pages_carry_a_policy_that_refuses_inline_scripts_it_does_not_know(client, alice, action):
    client.force_login(alice)
    page = client.get(f"/actions/{action.pk}/")
    policy = page["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    # Every inline script on the page is allowed by its hash, and only GOV.UK's template has one.
    scripts = inline_scripts(page.content.decode())
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in directives["script-src"]


def test_the_sign_in_page_has_the_policy_too(client):
    assert "script-src 'self'" in client.get("/sign-in/")["Content-Security-Policy"]


def test_a_body_over_the_limit_is_refused_before_sign_in_or_reading(settings):
    settings.MAX_REQUEST_BYTES = 1000
    stranger = Client()
    response = stranger.generic("POST", "/import/", data=b"x" * 1001, content_type="application/octet-stream")
    assert response.status_code == 413
    assert b"larger than" in response.content


def test_a_body_within_the_limit_goes_on_to_the_sign_in_check(settings):
    settings.MAX_REQUEST_BYTES = 1000
    response = Client().generic("POST", "/import/", data=b"x" * 1000, content_type="application/octet-stream")
    assert response.status_code == 302 and response.url.startswith("/sign-in/")


def test_the_limit_is_read_from_the_header_without_touching_the_body(settings):
    settings.MAX_REQUEST_BYTES = 1000

    class Untouchable:
        def read(self, *args):  # the body of a 300 MB upload, which must never be read
            raise AssertionError("the body was read")

        readline = read

    response = Client().generic(
        "POST",
        "/import/",
        data=b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH="300000000",
        **{"wsgi.input": Untouchable()},
    )
    assert response.status_code == 413


def test_pages_name_their_own_icon_so_browsers_do_not_ask_for_a_missing_one(client):
    page = client.get("/sign-in/").content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+)"', page)
    assert icon, "no icon: browsers ask for /favicon.ico, a 'not found' logged on every page"
    served = client.get(icon.group(1))
    assert served.status_code == 200 and b"<svg" in b"".join(served.streaming_content)
