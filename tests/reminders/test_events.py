"""Events tell the people concerned at once, through the queued work: evidence decided, an action
given to an agency, a due date revised, a plan imported. Nobody else hears of them."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail

from actionplan.importing import parse_bytes
from actionplan.plans.editing import add_action
from actionplan.plans.models import User
from actionplan.plans.store import preview_drafts, store_draft
from actionplan.plans.updates import decide_evidence, reassign_action, revise_due, submit_evidence

pytestmark = pytest.mark.django_db
Role = User.Role


def test_rejected_evidence_tells_the_lead_why(people, action, bob, charlie, told):
    evidence = submit_evidence(action, bob, "Briefing slides", link="https://example.org/slides")
    sent = told(lambda: decide_evidence(evidence, charlie, accept=False, reason="The slides are not dated"))
    assert list(sent) == ["bob@example.org"]
    message = sent["bob@example.org"]
    assert message.subject == "Riverton Safeguarding Children Partnership: evidence rejected"
    assert '"Briefing slides" rejected: The slides are not dated' in message.body
    assert f"/actions/{action.pk}/" in message.body
    assert "The slides are not dated" in message.alternatives[0][0]


def test_accepted_evidence_tells_the_lead_and_a_submitter_not_a_lead(people, action, alice, charlie, told):
    evidence = submit_evidence(action, alice, "Audit report", link="https://example.org/audit")
    sent = told(lambda: decide_evidence(evidence, charlie, accept=True))
    assert sorted(sent) == ["alice@example.org", "bob@example.org"]
    assert "Evidence accepted" in sent["bob@example.org"].body


def test_reassigning_tells_the_new_agency_only(people, action, alice, told):
    sent = told(lambda: reassign_action(action, alice, owner=people, owner_role="", owner_person=None,
                                        reason="Health leads on this"))
    assert list(sent) == ["hana@example.org"]
    assert "An action given to your agency" in sent["hana@example.org"].body
    assert "now owned by Riverton Health" in sent["hana@example.org"].body
    assert sent["hana@example.org"].subject == (
        "Riverton Safeguarding Children Partnership: an action for Riverton Health"
    )


def test_a_new_action_tells_its_agency(people, action, alice, told):
    sent = told(lambda: add_action(action.recommendation, alice, text="Audit referrals", owner=people))
    assert list(sent) == ["hana@example.org"]
    assert "Audit referrals" in sent["hana@example.org"].body


def test_a_revised_due_date_tells_the_owners_with_the_reason(people, action, alice, told):
    revised = date(2026, 9, 30)
    sent = told(lambda: revise_due(action, alice, revised_due=revised, reason="Waiting for funding"))
    assert list(sent) == ["bob@example.org"]
    assert "now due 30 September 2026: Waiting for funding" in sent["bob@example.org"].body
    assert sent["bob@example.org"].subject == "Riverton Safeguarding Children Partnership: a due date revised"
    assert "Due date revised" in sent["bob@example.org"].body


CSV = (
    b"Domestic Homicide Review Action Plan\n"
    b"Recommendation,Action,Lead agency,Target date,Progress\n"
    b'"1. Share information early","Train staff in routine enquiry",Riverton Police,31/03/2027,"Started"\n'
    b'"2. Audit","Audit health visitor records",Riverton Health,30/06/2027,""\n'
)


def test_an_imported_plan_tells_each_lead_of_their_actions(people, partnership, told):
    draft = parse_bytes(CSV, "dhr.csv").to_dict()
    sent = told(lambda: store_draft(draft, partnership))
    assert sorted(sent) == ["bob@example.org", "hana@example.org"]
    assert "Train staff in routine enquiry" in sent["bob@example.org"].body
    assert "Audit health visitor records" not in sent["bob@example.org"].body
    assert "Audit health visitor records" in sent["hana@example.org"].body


def test_a_preview_of_an_import_tells_nobody(people, partnership, told):
    draft = parse_bytes(CSV, "dhr.csv").to_dict()
    assert told(lambda: preview_drafts([draft], partnership)) == {}


def test_a_refused_change_tells_nobody(people, action, alice, told):
    with pytest.raises(ValueError):
        told(lambda: revise_due(action, alice, revised_due=date(2026, 6, 30), reason="Same date"))
    assert mail.outbox == []


def test_a_change_of_several_actions_together_tells_the_new_agency(people, action, alice, told):
    from actionplan.plans.bulk import change_actions

    sent = told(lambda: change_actions([action], alice, reason="Health leads now", owner=people))
    assert list(sent) == ["hana@example.org"]
    assert "now owned by Riverton Health" in sent["hana@example.org"].body
    sent = told(lambda: change_actions([action], alice, reason="Funding late", revised_due=date(2026, 9, 30)))
    assert list(sent) == ["hana@example.org"]
    assert "now due 30 September 2026: Funding late" in sent["hana@example.org"].body
