"""The evidence page of a recommendation tracked without actions: files checked as an action's,
decisions by assurers, and "evidence accepted" refused without accepted evidence or a reason."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from scenes import PDF, text_of

from actionplan.plans.models import Evidence, Recommendation
from factories import RecommendationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lone(partnership) -> Recommendation:
    return RecommendationFactory(plan__partnership=partnership, ref="2", text="Audit the front door.")


def test_the_admin_adds_a_file_and_a_scrutineer_accepts_it(client, media, alice, charlie, dave, lone):
    client.force_login(alice)
    response = client.post(
        f"/recommendations/{lone.pk}/evidence/",
        {"description": "Audit report", "file": SimpleUploadedFile("audit.pdf", PDF)},
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get(recommendation=lone)
    assert (evidence.sha256, evidence.action) == (hashlib.sha256(PDF).hexdigest(), None)

    client.force_login(dave)  # anyone of the partnership reads it and fetches the file
    page = text_of(client.get(f"/recommendations/{lone.pk}/evidence/"))
    assert "Audit report" in page and "Evidence submitted" in page and "Record decision" not in page
    assert client.get(f"/recommendations/{lone.pk}/evidence/{evidence.pk}/file/").status_code == 200

    client.force_login(charlie)
    response = client.post(
        f"/recommendations/{lone.pk}/evidence/{evidence.pk}/decision/", {"decision": "accept"}
    )
    assert response.status_code == 302
    lone.refresh_from_db()
    assert lone.assurance == "accepted"
    assert "Evidence accepted" in text_of(client.get(f"/plans/{lone.plan_id}/"))  # beside its status


def test_a_file_that_is_not_what_it_says_is_refused_and_nothing_stored(client, media, alice, lone):
    client.force_login(alice)
    fake = SimpleUploadedFile("minutes.pdf", b"MZ\\x90\\x00 a program")
    response = client.post(f"/recommendations/{lone.pk}/evidence/", {"description": "Minutes", "file": fake})
    assert response.status_code == 400
    assert "do not match its type" in text_of(response)
    assert not Evidence.objects.exists()


def test_a_rejection_without_a_reason_is_shown_as_an_error(client, alice, charlie, lone):
    client.force_login(alice)
    client.post(
        f"/recommendations/{lone.pk}/evidence/", {"description": "Draft", "link": "https://example.org/d"}
    )
    evidence = Evidence.objects.get(recommendation=lone)
    client.force_login(charlie)
    response = client.post(
        f"/recommendations/{lone.pk}/evidence/{evidence.pk}/decision/", {"decision": "reject"}
    )
    assert response.status_code == 400 and "needs a reason" in text_of(response)
    assert Evidence.objects.get(pk=evidence.pk).decision == Evidence.Decision.PENDING


def test_evidence_accepted_by_hand_needs_a_recorded_reason(client, alice, charlie, lone):
    client.force_login(alice)
    client.post(
        f"/recommendations/{lone.pk}/evidence/", {"description": "Draft", "link": "https://example.org/d"}
    )
    client.force_login(charlie)
    response = client.post(f"/recommendations/{lone.pk}/assurance/", {"assurance": "accepted"}, follow=True)
    assert "accepted piece of evidence or a recorded reason" in text_of(response)
    lone.refresh_from_db()
    assert lone.assurance == "submitted"
    client.post(
        f"/recommendations/{lone.pk}/assurance/",
        {"assurance": "accepted", "reason": "Verified at the multi-agency audit on 3 March"},
    )
    lone.refresh_from_db()
    assert (lone.assurance, lone.assurance_reason) == (
        "accepted",
        "Verified at the multi-agency audit on 3 March",
    )


def test_the_admin_withdraws_evidence_with_a_reason_and_it_is_shown_marked(client, alice, charlie, lone):
    client.force_login(alice)
    client.post(f"/recommendations/{lone.pk}/evidence/",
                {"description": "Audit report", "link": "https://intranet.example/audit"})
    evidence = Evidence.objects.get(recommendation=lone)
    url = f"/recommendations/{lone.pk}/evidence/{evidence.pk}/withdraw/"
    assert f'href="{url}"' in client.get(f"/recommendations/{lone.pk}/evidence/").content.decode()

    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 400 and "Say why it is withdrawn" in text_of(refused)
    assert Evidence.objects.get(pk=evidence.pk).withdrawn_at is None

    assert client.post(url, {"reason": "Another borough's audit"}).status_code == 302
    client.force_login(charlie)
    page = client.get(f"/recommendations/{lone.pk}/evidence/")
    words = text_of(page)
    assert "Withdrawn" in words and "Why: Another borough's audit" in words and "by alice" in words
    assert "Record decision" not in words and f'href="{url}"' not in page.content.decode()
    assert client.get(url).status_code == 403  # a scrutineer decides, the admin withdraws


def test_a_decision_racing_a_withdrawal_is_refused_in_words(client, alice, charlie, lone, monkeypatch):
    """The admin withdraws the piece after the scrutineer's request read it, before it is decided."""
    from actionplan.plans import recommendation_evidence as rules
    from actionplan.web.views import recommendation_evidence as view

    evidence = rules.submit_recommendation_evidence(lone, alice, "Draft", link="https://example.org/d")
    decide = view.decide_recommendation_evidence

    def withdrawn_meanwhile(read: Evidence, by, **decision):
        rules.withdraw_recommendation_evidence(read, alice, "Wrong file")  # `read` stays as it was read
        return decide(read, by, **decision)

    monkeypatch.setattr(view, "decide_recommendation_evidence", withdrawn_meanwhile)
    client.force_login(charlie)
    url = f"/recommendations/{lone.pk}/evidence/{evidence.pk}/decision/"
    response = client.post(url, {"decision": "accept"})
    assert response.status_code == 400 and "This evidence was withdrawn" in text_of(response)
    stored = Evidence.objects.get(pk=evidence.pk)
    assert (stored.decision, stored.withdrawal_reason) == (Evidence.Decision.PENDING, "Wrong file")
