"""The pages offer only what the evidence and assurance rules allow, for an action and for a
recommendation tracked alone: no "evidence submitted" without evidence standing, no evidence
form and no "Accept" for work not achieved or superseded; the server refuses the same."""

from __future__ import annotations

import re
from datetime import date

import pytest
from scenes import text_of

from actionplan.plans.editing import record_recommendation_progress
from actionplan.plans.models import Action, Evidence, Recommendation
from actionplan.plans.recommendation_evidence import (
    submit_recommendation_evidence,
    withdraw_recommendation_evidence,
)
from actionplan.plans.status import DeliveryStatus as S
from actionplan.plans.status import StatusChange
from actionplan.plans.updates import record_progress, submit_evidence, withdraw_evidence
from factories import RecommendationFactory

pytestmark = pytest.mark.django_db
LINK = "https://intranet.example/audit.pdf"


@pytest.fixture
def lone(partnership) -> Recommendation:
    return RecommendationFactory(plan__partnership=partnership, ref="4", text="Audit the front door.")


def choices(html: str, name: str) -> set[str]:
    """The values a select or radios of that name offer."""
    found = set(re.findall(rf'name="{name}"[^>]*value="([^"]*)"', html))
    select = re.search(rf'<select[^>]*name="{name}".*?</select>', html, re.S)
    return found | set(re.findall(r'<option value="([^"]*)"', select.group(0))) if select else found


def test_withdrawn_evidence_is_not_offered_as_evidence_submitted(client, bob, alice, charlie, action, lone):
    withdraw_evidence(submit_evidence(action, bob, "Wrong file", link=LINK), bob, "Wrong file")
    evidence = submit_recommendation_evidence(lone, alice, "Wrong file", link=LINK)
    withdraw_recommendation_evidence(evidence, alice, "Wrong file")
    client.force_login(charlie)
    for url in (f"/actions/{action.pk}/", f"/recommendations/{lone.pk}/evidence/"):
        assert "submitted" not in choices(client.get(url).content.decode(), "assurance"), url


def test_an_action_not_achieved_offers_no_evidence_form_and_only_rejection(client, bob, charlie, action):
    submit_evidence(action, bob, "Draft audit", link=LINK)
    record_progress(action, bob, "Dropped.", on=date(2026, 5, 1),
                    change=StatusChange(S.NOT_ACHIEVED, "The funding was withdrawn"))
    client.force_login(bob)
    page = client.get(f"/actions/{action.pk}/")
    assert "Add evidence" not in text_of(page) and "takes no evidence" in text_of(page)
    refused = client.post(f"/actions/{action.pk}/evidence/", {"description": "Final audit", "link": LINK})
    assert "takes no evidence" in text_of(refused) and Evidence.objects.count() == 1

    client.force_login(charlie)
    html = client.get(f"/actions/{action.pk}/").content.decode()
    assert choices(html, "decision") == {"reject"} and choices(html, "assurance") == {"rejected"}
    evidence = Evidence.objects.get()
    accepted = client.post(f"/actions/{action.pk}/evidence/{evidence.pk}/decision/", {"decision": "accept"})
    assert "cannot be assured" in text_of(accepted)
    assert Evidence.objects.get().decision == "pending"
    assert Action.objects.get(pk=action.pk).assurance == "submitted"


def test_a_recommendation_not_achieved_offers_no_evidence_form_and_only_rejection(client, alice, lone):
    evidence = submit_recommendation_evidence(lone, alice, "Draft audit", link=LINK)
    record_recommendation_progress(lone, alice, "Dropped.", status=S.NOT_ACHIEVED, reason="No funding",
                                   on=date(2026, 5, 1))
    url = f"/recommendations/{lone.pk}/evidence/"
    client.force_login(alice)
    assert "takes no evidence" in text_of(client.get(url)) and "Add evidence" not in text_of(client.get(url))
    refused = client.post(url, {"description": "Final audit", "link": LINK})
    assert refused.status_code == 400 and "takes no evidence" in text_of(refused)
    html = client.get(url).content.decode()
    assert choices(html, "decision") == {"reject"} and choices(html, "assurance") == {"rejected"}
    accepted = client.post(f"{url}{evidence.pk}/decision/", {"decision": "accept"})
    assert accepted.status_code == 400 and "cannot be assured" in text_of(accepted)
    assert Evidence.objects.get().decision == "pending"
