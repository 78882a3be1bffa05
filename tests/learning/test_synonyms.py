"""Forms of one thing said differently ("GP", "general practitioner", "family doctor") meet in
similar recommendations, theme suggestions and search."""

from __future__ import annotations

import pytest

from actionplan.learning.search import search
from actionplan.learning.similar import similar_to
from actionplan.learning.words import alternatives, synonym_sets, terms
from actionplan.plans.models import Recommendation
from factories import PartnershipFactory, PlanFactory, RecommendationFactory


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("General practitioners attend", "GPs attend"),
        ("the family doctor", "the GP"),
        ("CP conference reports", "child protection conference reports"),
        ("a case conference", "child protection conference"),
        ("the LA will audit", "the local authority will audit"),
        ("DA notifications", "domestic abuse notifications"),
        ("domestic violence", "domestic abuse"),
        ("Looked after children", "LAC"),
    ],
)
def test_forms_of_one_thing_are_the_same_terms(one, other):
    assert terms(one) == terms(other)


def test_a_longer_form_wins_over_a_shorter_one_inside_it():
    assert terms("IDVA") == terms("independent domestic violence adviser")
    assert terms("IDVA") != terms("domestic abuse")


def test_ordinary_words_are_left_alone():
    assert terms("send a written report") == ["send", "written", "report"]
    assert terms("the case was closed") == ["cas", "clos"]


def test_every_set_has_a_first_form_and_others():
    for forms in synonym_sets():
        assert len(forms) >= 2 and all(forms)


def test_a_search_word_brings_its_synonyms():
    assert alternatives(["family", "doctor", "visits"]) == [
        [("family", "doctor"), ("gp",), ("general", "practitioner")],
        [("visits",)],
    ]
    assert alternatives(["gps"])[0][:2] == [("gps",), ("gp",)]


@pytest.mark.django_db
def test_search_finds_every_form_of_the_words_asked_for():
    partnership = PartnershipFactory()
    plan = PlanFactory(partnership=partnership)
    for text in [
        "General practitioners send reports to conferences.",
        "The GP is invited to every CP conference.",
        "The family doctor attends the child protection conference.",
        "Doctors in hospital review the discharge plan.",
    ]:
        RecommendationFactory(plan=plan, text=text)
    found = {hit.recommendation.text[:12] for hit in search("GP", [partnership.pk])}
    assert found == {"General prac", "The GP is in", "The family d"}
    both = {h.recommendation.text[:12] for h in search("gp child protection conference", [partnership.pk])}
    assert both == {"The GP is in", "The family d"}
    hits = search("family doctor", [partnership.pk])
    assert {h.recommendation.text[:12] for h in hits} == found
    assert all("<mark>" in h.snippet for h in hits)
    # A word of a phrase alone is just that word.
    assert {h.recommendation.text[:12] for h in search("doctor", [partnership.pk])} == {
        "The family d", "Doctors in h"
    }


@pytest.mark.django_db
def test_similar_recommendations_meet_across_synonyms():
    partnership = PartnershipFactory()
    rec = RecommendationFactory(
        plan__partnership=partnership, text="General practitioners send a report to each CP conference."
    )
    like = RecommendationFactory(
        plan__partnership=partnership, text="GPs write reports for child protection conferences."
    )
    RecommendationFactory(plan__partnership=partnership, text="Schools write reports for governors.")
    [first, *_] = similar_to(rec, Recommendation.objects.filter(plan__partnership=partnership))
    assert first.recommendation == like
