"""An owner cell naming several agencies ("ASC / ICB", "Police and Health") gives each as an
owner of the action, the first leading; an agency's own name with "and" in it stays whole, and
a warning names the rows. The plan is written here, as a Word table."""

from __future__ import annotations

import docx
import pytest

from actionplan.importing import parse_bytes
from actionplan.importing.owners import owner_names

from .writing import saved, word_table


@pytest.mark.parametrize(("cell", "owners"), [
    ("ASC / ICB", ["ASC", "ICB"]),
    ("Police and Health", ["Police", "Health"]),
    ("Children's Social Care; Education", ["Children's Social Care", "Education"]),
    ("Police, Health & Education", ["Police", "Health", "Education"]),
    ("Eastshire Council and Riverton Police", ["Eastshire Council", "Riverton Police"]),
    # One agency, or one post, whatever its "and" or its commas.
    ("Children and Families Service", ["Children and Families Service"]),
    ("Eastshire Fire and Rescue Service", ["Eastshire Fire and Rescue Service"]),
    ("Riverton Health and Wellbeing Board", ["Riverton Health and Wellbeing Board"]),
    ("Police and Crime Commissioner", ["Police and Crime Commissioner"]),
    ("Education and Skills Funding Agency", ["Education and Skills Funding Agency"]),
    ("Named Nurse and Named Doctor", ["Named Nurse and Named Doctor"]),
    ("Head of Safeguarding, Eastshire CCG", ["Head of Safeguarding, Eastshire CCG"]),
    ("Designated Nurse, ICB and Police", ["Designated Nurse, ICB and Police"]),
    ("cross-authority/partnership", ["cross-authority/partnership"]),
])
def test_an_owner_cell_names_each_of_its_agencies(cell, owners):
    assert owner_names(cell) == owners


def sar_plan() -> bytes:
    """A SAR plan as a Word table, its owners in the third of four columns."""
    document = docx.Document()
    document.add_paragraph("Northvale Safeguarding Adults Board: SAR Mrs W")
    rows = [["Area for development", "What will we do", "Who", "When"],
            ["Self-neglect was not escalated.", "Write an escalation route", "ASC / ICB", "May 2026"],
            ["Fire risk was not shared.", "Joint home visits", "Police and Health", "June 2026"],
            ["Carers were not heard.", "Carers' pathway", "Children and Families Service",
             "July 2026"],
            ["Records were not shared.", "Shared record", "Adult Social Care; Housing",
             "August 2026"]]
    word_table(document, rows)
    return saved(document)


def test_each_agency_of_a_joint_action_is_an_owner_and_the_rows_are_named():
    draft = parse_bytes(sar_plan(), "sar-mrs-w.docx")
    actions = [item.actions[0] for item in draft.items]
    assert [a.owners for a in actions] == [
        ["ASC", "ICB"], ["Police", "Health"], ["Children and Families Service"],
        ["Adult Social Care", "Housing"]]
    assert [r.joint for r in actions[1].owner_readings] == ["Police and Health"] * 2
    assert [r.joint for r in actions[2].owner_readings] == [None]
    joint = [w for w in draft.warnings if "several agencies" in w.message]
    assert [(w.line, w.message) for w in joint] == [(3, (
        "owners naming several agencies, the first leading and the others with it: "
        "'ASC / ICB', 'Police and Health', 'Adult Social Care; Housing' (lines 3, 4, 6); "
        "correct the owners where they are one agency"))]
    assert draft.to_dict()["items"][0]["actions"][0]["owners"] == ["ASC", "ICB"]
