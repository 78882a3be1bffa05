"""E-mail through GOV.UK Notify when its key is set: the official client posts each e-mail to
the Notify API, signed with the key, filling the template with the subject and the text. The API
is stood in for by a local server that reads what a real one would."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import jwt
import pytest
from django.core import mail

from actionplan.reminders.letters import Letter
from actionplan.reminders.outbox import deliver

SERVICE = "26785a09-ab16-4eb0-8407-a37497a57506"
SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0"
TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a"


class NotifyAPI(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        token = self.headers["Authorization"].removeprefix("Bearer ")
        claims = jwt.decode(token, SECRET, algorithms=["HS256"])
        self.received.append({"path": self.path, "body": body, "issuer": claims["iss"]})
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps({"id": "1"}).encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def notify(settings):
    server = HTTPServer(("127.0.0.1", 0), NotifyAPI)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    NotifyAPI.received = []
    settings.NOTIFY_API_KEY = f"actionplan_test-{SERVICE}-{SECRET}"
    settings.NOTIFY_TEMPLATE_ID = TEMPLATE
    settings.NOTIFY_BASE_URL = f"http://127.0.0.1:{server.server_port}"
    yield NotifyAPI.received
    server.shutdown()


def test_an_e_mail_goes_through_notify_when_its_key_is_set(notify):
    text = "Dear bob,\nThe slides are not dated."
    deliver(Letter("bob@example.org", "Riverton: evidence rejected", text, "<p>Not dated.</p>"))
    assert mail.outbox == []  # not also through Django's backend
    (request,) = notify
    assert request["path"] == "/v2/notifications/email"
    assert request["issuer"] == SERVICE
    assert request["body"] == {
        "email_address": "bob@example.org",
        "template_id": TEMPLATE,
        "personalisation": {"subject": "Riverton: evidence rejected", "body": text},
    }


def test_without_a_key_e_mail_goes_through_django(settings):
    settings.NOTIFY_API_KEY = ""
    deliver(Letter("bob@example.org", "Subject", "Text", "<p>Text</p>"))
    (message,) = mail.outbox
    assert message.to == ["bob@example.org"] and message.alternatives[0] == ("<p>Text</p>", "text/html")
