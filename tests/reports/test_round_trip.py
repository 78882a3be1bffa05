"""Export a workbook, let owners edit it, give it back: the edits become progress updates."""

from datetime import date

import pytest
from django.utils import timezone

from actionplan.plans.models import Action, User
from actionplan.plans.status import DeliveryStatus as S
from actionplan.plans.status import StatusChange
from actionplan.plans.updates import record_progress
from actionplan.reports.export_columns import PROGRESS, REASON, REVISED_DUE, STATUS

from .workbooks import edit, export, give_back

pytestmark = pytest.mark.django_db


@pytest.fixture
def riverton(riverton_today):
    return riverton_today.partnership


def snapshot() -> dict[int, tuple[int, int]]:
    return {a.pk: (a.version, a.updates.count()) for a in Action.objects.all()}


def in_progress(owner: str | None = None) -> list[Action]:
    actions = Action.objects.filter(status=S.IN_PROGRESS).order_by("pk")
    return list(actions.filter(owner__name=owner) if owner else actions)


def test_three_edited_rows_become_updates_and_nothing_else_changes(riverton, tmp_path):
    first, second, third = in_progress()[:3]
    new_due = (second.current_due or timezone.localdate()) + (date(2027, 3, 1) - date(2027, 1, 1))
    content = edit(
        export(riverton),
        {
            first.pk: {PROGRESS: "Half the briefings delivered; the rest booked for January."},
            second.pk: {STATUS: "Slipped", REVISED_DUE: new_due, REASON: "Trainer off sick"},
            third.pk: {STATUS: "Implemented", PROGRESS: "All done; evidence to follow."},
        },
    )
    before = snapshot()
    out = give_back(tmp_path, content, "alice")
    assert out.splitlines()[0] == "applied 3, unchanged 18, conflicts 0, refused 0"
    first.refresh_from_db(), second.refresh_from_db(), third.refresh_from_db()
    assert first.updates.first().text == "Half the briefings delivered; the rest booked for January."
    assert first.updates.first().author.username == "alice"
    assert (second.status, second.revised_due_date, second.status_reason) == (
        S.SLIPPED,
        new_due,
        "Trainer off sick",
    )
    assert (third.status, third.updates.first().text) == (S.IMPLEMENTED, "All done; evidence to follow.")
    assert second.version == before[second.pk][0] + 1
    assert second.history.first().status == S.SLIPPED  # kept in the action's history
    after = snapshot()
    changed = {pk for pk in after if after[pk] != before[pk]}
    assert changed == {first.pk, second.pk, third.pk}

    again = give_back(tmp_path, content, "alice")
    assert again.splitlines()[0] == "applied 0, unchanged 21, conflicts 0, refused 0"
    assert snapshot() == after


def test_a_status_edit_on_an_action_changed_since_the_export_is_a_conflict(riverton, tmp_path):
    action = in_progress()[0]
    content = export(riverton)
    alice = User.objects.get(username="alice")
    record_progress(action, alice, "Done early.", on=timezone.localdate(), change=StatusChange(S.IMPLEMENTED))
    out = give_back(
        tmp_path, edit(content, {action.pk: {STATUS: "Not achieved", REASON: "No budget"}}), "alice"
    )
    assert "conflicts 1" in out.splitlines()[0]
    assert f"conflict: A-{action.pk}" in out and "status In progress → Not achieved" in out
    action.refresh_from_db()
    assert action.status == S.IMPLEMENTED


def test_an_agency_lead_updates_only_their_agencys_actions(riverton, tmp_path):
    police = in_progress("Riverton Police")[0]
    other = next(a for a in in_progress() if a.owner.name != "Riverton Police")
    edits = {police.pk: {PROGRESS: "Police audit under way."}, other.pk: {PROGRESS: "Not ours to say."}}
    out = give_back(tmp_path, edit(export(riverton), edits), "bob")
    assert out.splitlines()[0] == "applied 1, unchanged 19, conflicts 0, refused 1"
    assert f"refused: A-{other.pk}" in out and "Bob Bennett may not update actions owned by" in out
    assert other.updates.first().text != "Not ours to say."
    assert police.updates.first().text == "Police audit under way."
