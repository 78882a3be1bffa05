"""HTML or script in an imported cell shows as text on every page, and never runs."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from actionplan.plans.models import Action, Plan

pytestmark = pytest.mark.django_db

# A CSV keeps cells as typed; a text export has its HTML turned into text, and the entities it
# held (&lt;script&gt;) become markup-like text. Either way the page must show them as text.
CSV = (
    b'Riverton SCR Action Plan\n'
    b'Recommendation,Action,Lead agency,Target date,Progress\n'
    b'"1. Share <script>alert(1)</script> early","Train staff <img src=x onerror=alert(1)>",'
    b'Riverton Police,31/03/2027,"<script>alert(2)</script> started"\n'
)
TEXT = (
    b"Riverton SCR Action Plan\n\n"
    b"Recommendation\tAction\tLead agency\tTarget date\tProgress\n"
    b"1. Share &lt;script&gt;alert(1)&lt;/script&gt; early\tTrain staff &lt;img src=x onerror=alert(1)&gt;"
    b"\tRiverton Police\t31/03/2027\t&lt;script&gt;alert(2)&lt;/script&gt; started\n"
)


class Markup(HTMLParser):
    """Collects what a browser would act on: event-handler attributes and script bodies."""

    def __init__(self) -> None:
        super().__init__()
        self.handlers: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def assert_inert(page: str) -> None:
    markup = Markup()
    markup.feed(page)
    assert markup.handlers == []
    assert not any("alert" in body for body in markup.scripts)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.parametrize("name, content", [("xss.csv", CSV), ("xss.txt", TEXT)])
def test_imported_markup_shows_as_text(client, alice, police, name, content):
    client.force_login(alice)
    preview = client.post("/import/", {"files": SimpleUploadedFile(name, content)}).url
    assert_inert(client.get(preview).content.decode())

    client.post(preview, {"decision": "confirm"})
    plan = Plan.objects.get(title="Riverton SCR Action Plan")
    action = Action.objects.get(recommendation__plan=plan)
    assert action.text == "Train staff <img src=x onerror=alert(1)>"  # kept as written, shown as text
    for url in (f"/plans/{plan.pk}/", f"/actions/{action.pk}/", "/actions/"):
        page = client.get(url).content.decode()
        assert "&lt;img src=x onerror=alert(1)&gt;" in page
        assert "<img src=x" not in page and "<script>alert" not in page
    plan_page = client.get(f"/plans/{plan.pk}/").content.decode()
    assert_inert(plan_page)
    assert "&lt;script&gt;alert(2)&lt;/script&gt; started" in plan_page  # the latest progress
