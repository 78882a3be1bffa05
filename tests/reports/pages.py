"""Asking for a report through the pages, as a person does, in tests whose worker runs at once."""

from __future__ import annotations

import re

from django.http import HttpResponse


def download(client, **asked) -> HttpResponse:
    """Ask for a report as the form does, follow to its page, and fetch its file from there."""
    asked_for = client.post("/report/", asked)
    assert asked_for.status_code == 302, asked_for.content[:300]
    page = client.get(asked_for.url)
    assert page.status_code == 200
    assert b'data-report-state="ready"' in page.content  # the tests' worker runs at once
    link = re.search(rb'href="(/reports/\d+/file/)"', page.content)
    assert link, "the ready report's page offers its file"
    return client.get(link.group(1).decode())
