"""The history as people read it: who, when, what (in names, never row numbers) and why."""

from datetime import date

import pytest

from actionplan.plans.changes import changes_of
from actionplan.plans.editing import close_plan
from actionplan.plans.updates import reassign_action, revise_due
from factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_a_reassignment_reads_in_agency_and_person_names(action, alice, police):
    alice.first_name, alice.last_name = "Alice", "Ashworth"
    alice.save()
    health = AgencyFactory(partnership=police.partnership, name="Riverton NHS Trust")
    reassign_action(action, alice, owner=health, owner_role="Named Nurse", owner_person=alice,
                    reason="Health lead the briefings")
    newest = changes_of(action)[0]
    assert newest.who == "Alice Ashworth"
    assert newest.why == "Health lead the briefings"
    said = {(f.field, f.old, f.new) for f in newest.fields}
    assert said == {
        ("Owner", "Riverton Police", "Riverton NHS Trust"),
        ("Owner role", "(blank)", "Named Nurse"),
        ("Owner person", "(blank)", "Alice Ashworth"),
    }
    assert changes_of(action)[-1].created


def test_a_revised_due_date_keeps_the_original_and_reads_as_a_date(action, alice):
    revise_due(action, alice, revised_due=date(2026, 9, 30), reason="Training slipped a quarter")
    newest = changes_of(action)[0]
    assert [(f.field, f.old, f.new) for f in newest.fields if f.field == "Revised due date"] == [
        ("Revised due date", "(blank)", "30 September 2026")
    ]
    action.refresh_from_db()
    assert action.due_date == date(2026, 6, 30)


def test_a_rag_set_by_hand_is_named_in_the_history_as_on_the_page(action, alice):
    from actionplan.plans.evidence import override_rag

    override_rag(action, None, "red", "Board concerned at the pace")
    assert {(f.field, f.old, f.new) for f in changes_of(action)[0].fields} == {
        ("RAG set by hand", "(blank)", "Red"),
        ("Reason for setting the RAG by hand", "(blank)", "Board concerned at the pace"),
    }


def test_closing_a_plan_is_in_its_history_with_the_reason(action, alice):
    plan = action.recommendation.plan
    close_plan(plan, alice, on=date(2026, 11, 29), reason="All actions assured")
    newest = changes_of(plan)[0]
    assert newest.why == "All actions assured"
    assert ("Closed on", "(blank)", "29 November 2026") in {(f.field, f.old, f.new) for f in newest.fields}


def test_as_at_a_date_before_a_revision_the_old_due_date_is_in_force(action, alice):
    from datetime import datetime

    from django.utils import timezone

    from actionplan.plans.history import action_as_at

    action.history.update(history_date=timezone.make_aware(datetime(2026, 1, 5, 9, 0)))
    revise_due(action, alice, revised_due=date(2026, 12, 31), reason="Agreed at the November board")
    before = action_as_at(action, date(2026, 3, 1))
    after = action_as_at(action, timezone.localdate())
    assert before is not None and after is not None
    assert (before.current_due, after.current_due) == (date(2026, 6, 30), date(2026, 12, 31))


def test_an_agency_merged_away_is_named_in_old_history_as_it_was_then(action, alice, police):
    from datetime import datetime

    from django.utils import timezone

    from actionplan.plans.people import merge_agencies, save_agency

    last_year = timezone.make_aware(datetime(2025, 1, 1, 9, 0))
    duplicate = AgencyFactory(partnership=police.partnership, name="Riverton Constabulary")
    for made in (action, duplicate):
        made.history.update(history_date=last_year)
    reassign_action(action, alice, owner=duplicate, owner_role="", owner_person=None,
                    reason="The constabulary leads")
    # The reassignment happened last year; the duplicate was renamed, then merged, since.
    action.history.filter(history_change_reason="The constabulary leads").update(
        history_date=timezone.make_aware(datetime(2025, 5, 1, 9, 0))
    )
    save_agency(duplicate, alice, name="Riverton Constabulary (old)", aliases=[])
    merge_agencies(duplicate, police, alice)

    moved, reassigned = changes_of(action)[0], changes_of(action)[1]
    assert {(f.field, f.old, f.new) for f in moved.fields} == {
        ("Owner", "Riverton Constabulary (old)", "Riverton Police")
    }
    assert {(f.field, f.old, f.new) for f in reassigned.fields} >= {
        ("Owner", "Riverton Police", "Riverton Constabulary")
    }
    assert "(removed)" not in str(changes_of(action))
