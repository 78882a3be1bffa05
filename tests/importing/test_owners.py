"""Owner cells read into the agency and the role they name."""

from __future__ import annotations

import pytest

from actionplan.importing import parse_bytes
from actionplan.importing.draft import OwnerReading
from actionplan.importing.owners import read_owner


@pytest.mark.parametrize(("text", "agency", "role"), [
    ("Head of Safeguarding, Eastshire CCG", "Eastshire CCG", "Head of Safeguarding"),
    ("NSCB Business Manager", "NSCB", "Business Manager"),
    ("CSP Chair", "CSP", "Chair"),
    ("Designated Nurse - Eastshire ICB", "Eastshire ICB", "Designated Nurse"),
    ("Public Protection Department (Derbyshire Police)", "Derbyshire Police",
     "Public Protection Department"),
    ("Riverton Police Inspector", "Riverton Police", "Inspector"),
    ("Oakfield Homes (Housing Officer)", "Oakfield Homes", "Housing Officer"),
    ("Health Visitor - Westmere Community Trust", "Westmere Community Trust", "Health Visitor"),
    ("Eastshire County Council", "Eastshire County Council", None),
    ("Named Nurse", None, "Named Nurse"),
    ("Director of Children's Services", None, "Director of Children's Services"),
    ("Cross authority 'Health co-sleeping' group",
     "Cross authority 'Health co-sleeping' group", None),
    ("All partners", None, None),
])
def test_an_owner_is_read_into_its_agency_and_role(text, agency, role):
    assert read_owner(text) == OwnerReading(text, agency, role)


def test_each_owner_of_an_action_gets_its_reading():
    draft = parse_bytes(b"Recommendation\tAction\tLead\nShare it.\tWrite it\t"
                        b"CSP Chair/Head of Safeguarding, Eastshire CCG\n", "plan.txt")
    (action,) = draft.items[0].actions
    assert action.owners == ["CSP Chair", "Head of Safeguarding, Eastshire CCG"]
    cell = "CSP Chair/Head of Safeguarding, Eastshire CCG"  # kept on each: the store may join them
    assert action.owner_readings == [
        OwnerReading("CSP Chair", "CSP", "Chair", cell),
        OwnerReading("Head of Safeguarding, Eastshire CCG", "Eastshire CCG",
                     "Head of Safeguarding", cell)]


def test_a_post_in_its_own_column_is_the_role_of_the_agency_beside_it():
    draft = parse_bytes(b"Recommendation\tAction\tLead officer\tLead agency\n"
                        b"Share it.\tWrite it\tHead of Safeguarding\tEastshire CCG\n"
                        b"\tTrain staff\tNamed Nurse\t\n", "plan.txt")
    first, second = draft.items[0].actions
    assert first.owners == ["Eastshire CCG"]
    assert first.owner_readings == [
        OwnerReading("Eastshire CCG", "Eastshire CCG", "Head of Safeguarding")]
    assert second.owners == ["Named Nurse"]
    assert second.owner_readings == [OwnerReading("Named Nurse", None, "Named Nurse")]
    assert all(item.notes == [] for item in draft.items)
