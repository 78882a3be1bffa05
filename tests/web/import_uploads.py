"""A plan uploaded on the import page and its columns mapped, as the import pages' tests do it."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from scenes import text_of

HEADER = "Issue identified,Steps to take,Named lead,Completion target"
ROWS = [
    "1. Professionals did not share concerns,Run training on information sharing,"
    "Riverton Youth Offending Service,31/03/2027",
    "2. Escalation was not used,Publish the escalation policy,Safeguarding Children Project Manager,"
    "Q1 2027/28",
    "3. Records were incomplete,Audit case records,Riverton Police,30/06/2027",
]
COLUMNS = {"Issue identified": "recommendation", "Steps to take": "action", "Named lead": "owner",
           "Completion target": "due"}


def plan_csv(title: str = "Child T action plan", rows: list[str] = ROWS) -> bytes:
    return "\n".join([title, HEADER, *rows]).encode()


def upload(client: Client, name: str = "child-t.csv", content: bytes | None = None) -> str:
    response = client.post("/import/", {"files": [SimpleUploadedFile(name, content or plan_csv())]})
    assert response.status_code == 302, text_of(response)[:500]
    return response.url


def map_columns(client: Client, url: str, columns: dict[str, str] = COLUMNS) -> None:
    data = {}
    for n, (header, role) in enumerate(columns.items(), start=1):
        data |= {f"header-{n}": header, f"role-{n}": role}
    assert client.post(f"{url}columns/", data).status_code == 302

