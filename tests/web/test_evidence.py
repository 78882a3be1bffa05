"""Evidence: links and files offered by owners, refused when unsafe, accepted or rejected by scrutineers."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import Client
from scenes import PDF, evidence_of, text_of

from actionplan.plans.models import Action, Evidence
from actionplan.web import forms

pytestmark = pytest.mark.django_db


def offer(
    client: Client, action: Action, file: SimpleUploadedFile | None = None, link: str = ""
) -> HttpResponse:
    data: dict[str, object] = {"description": "Minutes of the briefing", "link": link}
    if file is not None:
        data["file"] = file
    return client.post(f"/actions/{action.pk}/evidence/", data)


def test_it_takes_a_link(client, bob, action):
    client.force_login(bob)
    response = offer(client, action, link="https://intranet.example.org/minutes")
    assert response.status_code == 302
    evidence = Evidence.objects.get(action=action)
    assert (evidence.link, evidence.submitted_by, evidence.file.name) == (
        "https://intranet.example.org/minutes", bob, "")
    action.refresh_from_db()
    assert action.assurance == "submitted"
    assert "awaiting assurance" in text_of(client.get(response.url))


def test_it_takes_a_small_pdf_and_serves_it_back_to_the_partnership(client, media, bob, dave, action):
    client.force_login(bob)
    assert offer(client, action, file=SimpleUploadedFile("minutes.pdf", PDF)).status_code == 302
    evidence = Evidence.objects.get(action=action)
    assert evidence.sha256 == hashlib.sha256(PDF).hexdigest()
    assert evidence.file.path.startswith(str(media))

    client.force_login(dave)
    download = client.get(f"/actions/{action.pk}/evidence/{evidence.pk}/file/")
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == PDF


MISMATCH = "The file's contents do not match its type"


@pytest.mark.parametrize("upload, message", [
    (SimpleUploadedFile("tool.exe", b"MZ\x90\x00"), "The file must be a PDF, Word, Excel"),
    (SimpleUploadedFile("evil.pdf", b"MZ\x90\x00\x03\x00\x00\x00"), MISMATCH),
    (SimpleUploadedFile("photo.png", PDF), MISMATCH),
    (None, "Attach a file or give a link"),
], ids=["executable", "disguised-executable", "pdf-called-png", "nothing"])
def test_it_refuses_unsafe_or_missing_evidence(client, media, bob, action, upload, message):
    client.force_login(bob)
    response = offer(client, action, file=upload)
    assert response.status_code == 200
    page = text_of(response)
    assert "There is a problem" in page and message in page
    assert not Evidence.objects.exists()
    action.refresh_from_db()
    assert action.assurance == "none"
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_it_refuses_a_file_over_the_size_limit(client, media, bob, action, monkeypatch):
    monkeypatch.setattr(forms, "MAX_EVIDENCE_BYTES", len(PDF) - 1)
    client.force_login(bob)
    response = offer(client, action, file=SimpleUploadedFile("minutes.pdf", PDF))
    assert response.status_code == 200
    assert "The file must be smaller than" in text_of(response)
    assert not Evidence.objects.exists()


def test_a_scrutineer_accepts_evidence(client, media, bob, charlie, action):
    evidence = evidence_of(action, bob)
    client.force_login(charlie)
    response = client.post(f"/actions/{action.pk}/evidence/{evidence.pk}/decision/", {"decision": "accept"})
    assert response.status_code == 302
    evidence.refresh_from_db()
    action.refresh_from_db()
    assert (evidence.decision, evidence.decided_by, action.assurance) == ("accepted", charlie, "accepted")
    assert "Evidence accepted" in text_of(client.get(response.url))


def test_a_scrutineer_rejects_evidence_only_with_a_reason(client, media, bob, charlie, action):
    evidence = evidence_of(action, bob)
    url = f"/actions/{action.pk}/evidence/{evidence.pk}/decision/"
    client.force_login(charlie)

    refused = client.post(url, {"decision": "reject", "reason": " "})
    assert refused.status_code == 200
    assert "Rejecting evidence needs a reason" in text_of(refused)
    evidence.refresh_from_db()
    action.refresh_from_db()
    assert (evidence.decision, action.assurance) == ("pending", "submitted")

    assert client.post(url, {"decision": "reject", "reason": "The minutes are undated"}).status_code == 302
    evidence.refresh_from_db()
    action.refresh_from_db()
    assert (evidence.decision, evidence.decision_reason) == ("rejected", "The minutes are undated")
    assert (action.assurance, action.assurance_reason) == ("rejected", "The minutes are undated")


def test_a_decision_must_be_chosen(client, media, bob, charlie, action):
    evidence = evidence_of(action, bob)
    client.force_login(charlie)
    response = client.post(f"/actions/{action.pk}/evidence/{evidence.pk}/decision/", {})
    assert response.status_code == 200
    assert "Choose whether to accept or reject the evidence" in text_of(response)
    evidence.refresh_from_db()
    assert evidence.decision == "pending"


def test_the_evidence_file_is_not_found_for_another_partnership(client, media, bob, eve, action):
    evidence = evidence_of(action, bob)
    client.force_login(eve)
    assert client.get(f"/actions/{action.pk}/evidence/{evidence.pk}/file/").status_code == 404


def test_evidence_is_decided_once(client, media, bob, charlie, alice, action):
    evidence = evidence_of(action, bob)
    url = f"/actions/{action.pk}/evidence/{evidence.pk}/decision/"
    client.force_login(charlie)
    client.post(url, {"decision": "accept"})
    client.force_login(alice)
    response = client.post(url, {"decision": "reject", "reason": "Changed my mind"})
    assert response.status_code == 200
    assert "This evidence has already been decided" in text_of(response)
    evidence.refresh_from_db()
    action.refresh_from_db()
    assert (evidence.decision, evidence.decided_by, action.assurance) == ("accepted", charlie, "accepted")
