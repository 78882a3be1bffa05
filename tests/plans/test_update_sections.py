"""The sections of an updated version: renamed only when all of a section's recommendations went
under one new name; a split section is a new one and moved recommendations."""

import pytest

from actionplan.plans.models import Section
from actionplan.plans.update_sections import section_changes
from factories import PlanFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored():
    plan = PlanFactory()
    family = Section.objects.create(plan=plan, order=0, name="Think family")
    escalation = Section.objects.create(plan=plan, order=1, name="Escalation")
    recs = [RecommendationFactory(plan=plan, section=section, ref=str(n))
            for n, section in enumerate([family, family, escalation], start=1)]
    return plan, recs


def draft(*sections: str) -> dict:
    return {"sections": [{"name": name} for name in dict.fromkeys(sections)],
            "items": [{"section": name} for name in sections]}


def test_a_section_whose_recommendations_all_went_under_a_new_name_is_renamed(stored):
    plan, recs = stored
    document = draft("Whole family", "Whole family", "Escalation")
    changes = section_changes(plan, document, list(zip(recs, document["items"], strict=True)))
    assert (changes.new, changes.renamed, changes.moved) == ([], {"Think family": "Whole family"}, [])


def test_a_section_split_in_two_is_a_new_section_and_moves(stored):
    plan, recs = stored
    document = draft("Home", "Carers", "Escalation")
    changes = section_changes(plan, document, list(zip(recs, document["items"], strict=True)))
    assert changes.new == ["Home", "Carers"] and changes.renamed == {}
    assert [(rec.ref, now) for rec, now in changes.moved] == [("1", "Home"), ("2", "Carers")]


def test_a_section_still_named_is_never_renamed(stored):
    plan, recs = stored
    document = draft("Think family", "Escalation", "Escalation")
    changes = section_changes(plan, document, list(zip(recs, document["items"], strict=True)))
    assert (changes.new, changes.renamed) == ([], {})
    assert [(rec.ref, now) for rec, now in changes.moved] == [("2", "Escalation")]
