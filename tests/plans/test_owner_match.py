"""Owners matched to the partnership's agencies with a confidence; no silent nearest match,
and no agency made from a job title."""

from __future__ import annotations

import pytest

from actionplan.importing import parse_bytes
from actionplan.plans.models import Action, Agency
from actionplan.plans.owner_match import match_agency
from actionplan.plans.store import store_draft
from factories import AgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agencies(partnership):
    return [
        AgencyFactory(partnership=partnership, name="Eastshire Integrated Care Board",
                      aliases=["Eastshire ICB", "Health"]),
        AgencyFactory(partnership=partnership, name="Eastshire County Council", aliases=[]),
    ]


def reading(text, agency=None, role=None):
    return {"text": text, "agency": agency, "role": role}


def test_an_agency_named_by_its_alias_is_matched_for_sure(agencies):
    found = match_agency(reading("Head of Safeguarding, Eastshire ICB", "Eastshire ICB",
                                 "Head of Safeguarding"), agencies)
    assert (found.agency.name, found.confidence) == ("Eastshire Integrated Care Board", 1.0)


def test_a_name_within_a_longer_wording_and_a_close_spelling_are_less_sure(agencies):
    within = match_agency(reading("Eastshire County Council Children's Services",
                                  "Eastshire County Council Children's Services"), agencies)
    assert (within.agency.name, within.confidence) == ("Eastshire County Council", 0.8)
    typo = match_agency(reading("Eastshire County Counsil", "Eastshire County Counsil"),
                        agencies)
    assert typo.agency.name == "Eastshire County Council" and 0.7 <= typo.confidence < 0.85


def test_a_one_word_alias_inside_another_wording_is_no_match(agencies):
    group = "Cross authority 'Health co-sleeping' group"
    assert match_agency(reading(group, group), agencies) is None


def test_two_agencies_as_likely_are_no_match(partnership):
    agencies = [AgencyFactory(partnership=partnership, name="Riverton Police", aliases=["RP"]),
                AgencyFactory(partnership=partnership, name="Riverton Probation",
                              aliases=["RP"])]
    assert match_agency(reading("RP", "RP"), agencies) is None


def test_importing_matches_agencies_and_leaves_job_titles_to_map(partnership, agencies):
    draft = parse_bytes(
        b"Recommendation\tAction\tOwner\n"
        b"Share information.\tWrite the protocol\tHead of Safeguarding, Eastshire ICB\n"
        b"\tTrain staff\tNamed Nurse\n"
        b"\tAudit it\tRiverton Homes Tenancy Manager\n", "plan.txt").to_dict()
    stored = store_draft(draft, partnership)
    first, second, third = Action.objects.filter(recommendation__plan=stored.plan).order_by(
        "order")
    assert (first.owner.name, first.owner_role) == (
        "Eastshire Integrated Care Board", "Head of Safeguarding, Eastshire ICB")
    assert (second.owner, second.owner_role) == (None, "Named Nurse")
    assert third.owner.name == "Riverton Homes"
    assert stored.matched_agencies == ["Eastshire Integrated Care Board"]
    assert stored.new_agencies == ["Riverton Homes"]
    assert stored.owners_to_map == ["Named Nurse"]
    assert not Agency.objects.filter(name="Named Nurse").exists()


def test_a_post_from_its_own_column_is_stored_with_its_agency(partnership, agencies):
    draft = parse_bytes(b"Recommendation\tAction\tLead agency\tLead officer\n"
                        b"Share it.\tWrite it\tEastshire ICB\tHead of Safeguarding\n",
                        "plan.txt").to_dict()
    stored = store_draft(draft, partnership)
    action = Action.objects.get(recommendation__plan=stored.plan)
    assert (action.owner.name, action.owner_role) == (
        "Eastshire Integrated Care Board", "Head of Safeguarding, Eastshire ICB")
