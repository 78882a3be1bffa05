"""An imported action's delivery status wording becomes its status when the board's rules
need nothing more, and is recorded in its first update either way."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.importing import parse_bytes
from actionplan.plans.finder import is_overdue
from actionplan.plans.models import Action
from actionplan.plans.status import DeliveryStatus
from actionplan.plans.store import store_draft

pytestmark = pytest.mark.django_db


def test_status_wordings_are_stored(partnership):
    draft = parse_bytes(
        b"Recommendation\tAction\tLead\tStatus\n"
        b"Share information.\tWrite the protocol\tCouncil\tCompleted 01/02/2025\n"
        b"\tTrain staff\tCouncil\tOn track\n"
        b"\tAudit it\tCouncil\tSlipped\n"
        b"\tReport it\tCouncil\t\n", "plan.txt").to_dict()
    stored = store_draft(draft, partnership)
    done, started, slipped, silent = Action.objects.filter(
        recommendation__plan=stored.plan).order_by("order")
    assert done.status == DeliveryStatus.IMPLEMENTED
    assert done.updates.get().text == (
        "Recorded as done in the imported document: “Completed 01/02/2025”.")
    assert started.status == DeliveryStatus.IN_PROGRESS
    assert started.updates.get().text == "Status in the imported document: “On track”."
    # Slipped needs a revised date and a reason: the wording waits for a person.
    assert slipped.status == DeliveryStatus.NOT_STARTED
    assert slipped.updates.get().text == "Status in the imported document: “Slipped”."
    assert (silent.status, silent.updates.count()) == (DeliveryStatus.NOT_STARTED, 0)


def test_a_blue_rag_with_no_status_is_stored_implemented_not_overdue(partnership):
    draft = parse_bytes(
        b"Recommendation\tAction\tLead\tDue\tBRAG\n"
        b"Share information.\tWrite the protocol\tCouncil\t01/02/2020\tBlue\n"
        b"\tTrain staff\tCouncil\t01/02/2020\tGreen\n", "plan.txt").to_dict()
    stored = store_draft(draft, partnership)
    done, green = Action.objects.filter(recommendation__plan=stored.plan).order_by("order")
    assert (done.status, done.rag_override) == (DeliveryStatus.IMPLEMENTED, "blue")
    assert done.updates.get().text == "Recorded as done in the imported document: “Blue”."
    assert (green.status, green.rag_override) == (DeliveryStatus.NOT_STARTED, "green")
    today = date.today()
    assert (is_overdue(done, today), is_overdue(green, today)) == (False, True)
