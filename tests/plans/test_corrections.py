"""Corrections and withdrawals: new entries that put the record right, the old ones kept."""

from datetime import date, datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from actionplan.plans.assurance import AssuranceStatus as A
from actionplan.plans.finder import with_latest_update
from actionplan.plans.history import newest_updates_as_at
from actionplan.plans.models import Action, ProgressUpdate, RecordIsFinal
from actionplan.plans.rag_sql import last_touched
from actionplan.plans.status import TransitionRefused
from actionplan.plans.updates import (
    change_assurance,
    correct_update,
    decide_evidence,
    evidence_behind,
    record_progress,
    submit_evidence,
    withdraw_evidence,
    withdraw_update,
)

pytestmark = pytest.mark.django_db


def at(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12))


def latest(action):
    found = with_latest_update(Action.objects.filter(pk=action.pk)).get()
    return found.last_update, found.latest_progress


def test_a_correction_is_a_new_entry_and_the_latest_progress_reads_it(action, bob):
    update = record_progress(action, bob, "Training given to 40 staff.", on=date(2026, 6, 1))
    fix = correct_update(
        update, bob, "Training given to 14 staff.", "40 was a typing error", on=date(2026, 6, 3)
    )
    update.refresh_from_db()
    assert update.text == "Training given to 40 staff."  # the original is kept as it was
    assert (fix.kind, fix.corrects, fix.reason, fix.author) == (
        "correction",
        update,
        "40 was a typing error",
        bob,
    )
    assert latest(action) == (date(2026, 6, 1), "Training given to 14 staff.")
    with pytest.raises(RecordIsFinal):
        fix.delete()


def test_an_as_at_report_before_the_correction_shows_the_words_as_they_were(action, bob):
    update = record_progress(
        action, bob, "Training given to 40 staff.", on=date(2026, 6, 1), when=at(date(2026, 6, 1))
    )
    correct_update(
        update,
        bob,
        "Training given to 14 staff.",
        "typing error",
        on=date(2026, 6, 3),
        when=at(date(2026, 6, 3)),
    )
    assert newest_updates_as_at([action.pk], date(2026, 6, 2)) == {
        action.pk: (date(2026, 6, 1), "Training given to 40 staff.")
    }
    assert newest_updates_as_at([action.pk], date(2026, 6, 3)) == {
        action.pk: (date(2026, 6, 1), "Training given to 14 staff.")
    }


def test_a_second_correction_wins_and_correcting_a_correction_corrects_the_update(action, bob):
    update = record_progress(action, bob, "First words.", on=date(2026, 6, 1))
    first = correct_update(update, bob, "Second words.", "wrong", on=date(2026, 6, 2))
    second = correct_update(first, bob, "Third words.", "still wrong", on=date(2026, 6, 3))
    assert second.corrects == update
    assert latest(action)[1] == "Third words."
    with pytest.raises(TransitionRefused, match="says the same"):
        correct_update(update, bob, "Third words.", "again")


def test_a_withdrawn_update_no_longer_counts_as_progress_but_is_kept(action, bob):
    older = record_progress(action, bob, "Policy drafted.", on=date(2026, 5, 1), when=at(date(2026, 5, 1)))
    wrong = record_progress(
        action, bob, "Posted on the wrong action.", on=date(2026, 6, 1), when=at(date(2026, 6, 1))
    )
    withdraw_update(wrong, bob, "Meant for action 12", on=date(2026, 6, 2), when=at(date(2026, 6, 2)))
    assert latest(action) == (date(2026, 5, 1), "Policy drafted.")
    touched = Action.objects.annotate(touched=last_touched()).get(pk=action.pk).touched
    assert touched == date(2026, 5, 1)
    assert ProgressUpdate.objects.filter(pk=wrong.pk).exists()
    assert newest_updates_as_at([action.pk], date(2026, 6, 1))[action.pk][1] == "Posted on the wrong action."
    assert newest_updates_as_at([action.pk], date(2026, 6, 2))[action.pk][1] == older.text
    with pytest.raises(TransitionRefused, match="already been withdrawn"):
        withdraw_update(wrong, bob, "twice")
    with pytest.raises(TransitionRefused, match="already been withdrawn"):
        correct_update(wrong, bob, "New words", "after withdrawing")


def test_a_correction_or_withdrawal_needs_its_reason(action, bob):
    update = record_progress(action, bob, "Policy drafted.", on=date(2026, 5, 1))
    with pytest.raises(TransitionRefused, match="say why"):
        correct_update(update, bob, "Policy agreed.", "  ")
    with pytest.raises(TransitionRefused, match="say why"):
        withdraw_update(update, bob, "")
    assert ProgressUpdate.objects.filter(action=action).count() == 1


def test_only_those_who_may_post_on_the_action_may_correct_or_withdraw(
    action, bob, charlie, dave, eve, alice
):
    update = record_progress(action, bob, "Policy drafted.", on=date(2026, 5, 1))
    evidence = submit_evidence(action, bob, "Policy", link="https://example.org/policy")
    for person in (charlie, dave, eve):
        with pytest.raises(PermissionDenied):
            correct_update(update, person, "Policy agreed.", "wrong")
        with pytest.raises(PermissionDenied):
            withdraw_update(update, person, "wrong")
        with pytest.raises(PermissionDenied):
            withdraw_evidence(evidence, person, "wrong")
    correct_update(update, alice, "Policy agreed.", "the admin knows better")


def test_withdrawn_pending_evidence_cannot_be_decided_and_leaves_nothing_awaiting(action, bob, charlie):
    evidence = submit_evidence(action, bob, "Wrong file", link="https://example.org/wrong")
    action.refresh_from_db()
    assert action.assurance == A.SUBMITTED
    withdraw_evidence(evidence, bob, "Uploaded the wrong file")
    action.refresh_from_db()
    assert (action.assurance, evidence_behind(action).submitted) == (A.NONE, 0)
    assert action.history.first().history_change_reason == "Evidence withdrawn: Uploaded the wrong file"
    with pytest.raises(TransitionRefused, match="withdrawn"):
        decide_evidence(evidence, charlie, accept=True)
    with pytest.raises(TransitionRefused, match="already been withdrawn"):
        withdraw_evidence(evidence, bob, "again")


def test_withdrawn_accepted_evidence_no_longer_assures_the_action(action, bob, charlie):
    kept = submit_evidence(action, bob, "Audit", link="https://example.org/audit")
    decide_evidence(kept, charlie, accept=False, reason="Audit is of another team")
    wrong = submit_evidence(action, bob, "Register", link="https://example.org/register")
    decide_evidence(wrong, charlie, accept=True)
    action.refresh_from_db()
    assert action.assurance == A.ACCEPTED
    withdraw_evidence(wrong, bob, "Register was of another service")
    action.refresh_from_db()
    # The rejected audit is still there, so the action awaits assurance again; none is accepted.
    assert (action.assurance, evidence_behind(action).accepted) == (A.SUBMITTED, 0)
    with pytest.raises(Exception, match="accepted piece of evidence"):
        change_assurance(action, charlie, A.ACCEPTED)


def test_withdrawing_one_of_two_accepted_pieces_leaves_the_assurance(action, bob, charlie):
    first = submit_evidence(action, bob, "Audit", link="https://example.org/audit")
    second = submit_evidence(action, bob, "Register", link="https://example.org/register")
    decide_evidence(first, charlie, accept=True)
    decide_evidence(second, charlie, accept=True)
    withdraw_evidence(second, bob, "duplicate")
    action.refresh_from_db()
    assert (action.assurance, evidence_behind(action).accepted) == (A.ACCEPTED, 1)
