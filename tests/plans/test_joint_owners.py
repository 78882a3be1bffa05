"""A joint action is stored with its lead, the first agency named, and the others as its
joint owners, in its history from the first version; a partnership's own agency whose name
reads as two ("Youth Offending and Early Help Service") stays one; no agency is made of a
joint wording. The plan is written here, as a CSV tracker."""

from __future__ import annotations

import csv
import io

import pytest

from actionplan.importing import parse_bytes
from actionplan.plans.models import Action, Agency
from actionplan.plans.store import store_draft
from factories import AgencyFactory

pytestmark = pytest.mark.django_db


def tracker(*owners: str) -> bytes:
    out = io.StringIO()
    rows = [["Ref", "Finding", "Agreed action", "Responsible agency"]]
    rows += [[str(n), f"Finding {n}.", f"Action {n}", owner] for n, owner in enumerate(owners, 1)]
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


@pytest.fixture
def agencies(partnership):
    return {name: AgencyFactory(partnership=partnership, name=name, aliases=aliases) for name, aliases in [
        ("Riverton Adult Social Care", ["ASC"]), ("Riverton ICB", ["ICB", "Health"]),
        ("Riverton Police", ["Police"]), ("Youth Offending and Early Help Service", [])]}


def stored_owners(plan) -> list[tuple[str | None, list[str]]]:
    return [(a.owner.name if a.owner else None, [o.name for o in a.joint_owners.all()])
            for a in Action.objects.filter(recommendation__plan=plan).order_by("recommendation__order")]


def test_a_joint_action_is_led_by_the_first_agency_with_the_others(partnership, agencies):
    draft = parse_bytes(tracker("ASC / ICB", "Police and Health", "Police, ASC & ICB", "Police"),
                        "sar.csv")
    stored = store_draft(draft.to_dict(), partnership)
    assert stored_owners(stored.plan) == [
        ("Riverton Adult Social Care", ["Riverton ICB"]),
        ("Riverton Police", ["Riverton ICB"]),
        ("Riverton Police", ["Riverton Adult Social Care", "Riverton ICB"]),
        ("Riverton Police", []),
    ]
    # The owner as written is kept beside them, as for any owner.
    assert Action.objects.get(text="Action 2").owner_role == "Police and Health"
    assert stored.new_agencies == []


def test_the_first_version_of_a_joint_action_holds_its_joint_owners(partnership, agencies):
    store_draft(parse_bytes(tracker("ASC / ICB"), "sar.csv").to_dict(), partnership)
    (first,) = Action.history.all()
    assert [o.agency_id for o in first.joint_owners.all()] == [agencies["Riverton ICB"].pk]


def test_an_agency_whose_name_reads_as_two_stays_one(partnership, agencies):
    draft = parse_bytes(tracker("Youth Offending and Early Help Service"), "sar.csv")
    assert draft.items[0].actions[0].owners == ["Youth Offending", "Early Help Service"]
    stored = store_draft(draft.to_dict(), partnership)
    assert stored_owners(stored.plan) == [("Youth Offending and Early Help Service", [])]
    assert stored.new_agencies == []


def test_agencies_met_for_the_first_time_are_made_each_on_its_own(partnership):
    stored = store_draft(parse_bytes(tracker("Probation and Housing"), "sar.csv").to_dict(),
                         partnership)
    assert stored_owners(stored.plan) == [("Probation", ["Housing"])]
    assert sorted(Agency.objects.values_list("name", flat=True)) == ["Housing", "Probation"]


def test_under_an_agencys_section_it_leads_and_no_agency_is_made_of_a_post(partnership, agencies):
    draft = {
        "source": {"path": "imr.json", "format": "text", "sha256": "cd" * 32},
        "plan": {"title": "Child T: agencies' actions", "kind": "review_action_plan"},
        "sections": [{"name": "Riverton Police", "kind": "agency"}],
        "items": [{"ref": "1", "section": "Riverton Police", "recommendation": "Share records.",
                   "actions": [{"text": "Joint visits", "owners": ["NSCB Manager", "ICB"]}]}],
        "warnings": [],
    }
    stored = store_draft(draft, partnership)
    assert stored_owners(stored.plan) == [("Riverton Police", ["Riverton ICB"])]
    assert not Agency.objects.filter(name="NSCB").exists()


def test_merging_agencies_keeps_who_shares_each_action(partnership, agencies, alice):
    from actionplan.plans.people import merge_agencies

    stored = store_draft(parse_bytes(tracker("ASC / ICB", "Police, ASC & ICB"), "sar.csv").to_dict(),
                         partnership)
    # The ICB merged into the police: the police share the first action in its place, and lead
    # the second, which the ICB shared, alone with the council.
    merge_agencies(agencies["Riverton ICB"], agencies["Riverton Police"], alice)
    assert stored_owners(stored.plan) == [
        ("Riverton Adult Social Care", ["Riverton Police"]),
        ("Riverton Police", ["Riverton Adult Social Care"]),
    ]
    # The council merged into the police: it leads the first action now, shared with nobody.
    merge_agencies(agencies["Riverton Adult Social Care"], agencies["Riverton Police"], alice)
    assert stored_owners(stored.plan) == [("Riverton Police", []), ("Riverton Police", [])]
    latest = Action.objects.get(text="Action 1").history.first()
    assert latest.history_change_reason == "Riverton Adult Social Care merged into Riverton Police"
