"""Similar recommendations and recurring learning, on plans the tests write and on the seeds."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.management import call_command

from actionplan.learning.recurring import found_groups, recurrences
from actionplan.learning.similar import similar_to
from actionplan.learning.theme_counts import recurring_themes
from actionplan.learning.themes import themes_of
from actionplan.learning.words import terms
from actionplan.plans.models import Partnership, Recommendation, Review, Theme
from factories import ActionFactory, PartnershipFactory, PlanFactory, RecommendationFactory, implemented_on

pytestmark = pytest.mark.django_db

GP = "GPs should attend initial child protection conferences and send a written report."
GP_AGAIN = "Improve GP attendance at child protection conferences and their written reports."
SLEEP = "Midwives and health visitors give safe sleeping advice to every new parent."
FRONT_DOOR = "The front door audits referrals from schools each quarter."


def reviewed_plan(partnership: Partnership, code: str, reported: date):
    review = Review.objects.create(partnership=partnership, code=code, reported_on=reported)
    plan = PlanFactory(partnership=partnership, title=f"{code} action plan")
    plan.reviews.add(review)
    return plan, review


def recommend(plan, review, text: str) -> Recommendation:
    rec = RecommendationFactory(plan=plan, text=text)
    rec.reviews.add(review)
    return rec


@pytest.fixture
def board():
    partnership = PartnershipFactory(name="Riverton")
    old, old_review = reviewed_plan(partnership, "Child A", date(2015, 3, 1))
    new, new_review = reviewed_plan(partnership, "Child B", date(2022, 9, 1))
    recs = {
        "gp": recommend(old, old_review, GP),
        "sleep": recommend(old, old_review, SLEEP),
        "front door": recommend(old, old_review, FRONT_DOOR),
        "gp again": recommend(new, new_review, GP_AGAIN),
        "sleep again": recommend(
            new, new_review, "Safe sleeping advice is given by midwives at every visit."
        ),
        "neighbour": recommend(new, new_review, "GPs attend child protection conferences in person."),
    }
    return partnership, recs


def test_words_meet_across_plurals_and_endings():
    assert terms("GP's responsibilities") == terms("GPs responsibility")
    assert terms("the conferences") == terms("a conference")


def test_it_finds_the_same_learning_in_another_plan_first(board):
    partnership, recs = board
    likes = similar_to(recs["gp again"], Recommendation.objects.filter(plan__partnership=partnership))
    assert likes[0].recommendation == recs["gp"]
    # Recommendations of the same plan are neighbours, not recurrences.
    assert recs["neighbour"] not in [like.recommendation for like in likes]
    assert [like.score for like in likes] == sorted((like.score for like in likes), reverse=True)
    assert recs["front door"] not in [like.recommendation for like in likes]  # no word in common


def test_it_compares_only_with_what_it_is_given(board):
    partnership, recs = board
    other = PartnershipFactory(name="Elsewhere")
    twin = RecommendationFactory(plan__partnership=other, text=GP_AGAIN)
    likes = similar_to(recs["gp again"], Recommendation.objects.filter(plan__partnership=partnership))
    assert twin not in [like.recommendation for like in likes]


def test_recurrences_group_the_same_learning_newest_first_and_flag_what_was_done(board):
    partnership, recs = board
    letter = ActionFactory(recommendation=recs["gp"], text="Letter to every practice.")
    implemented_on(letter, date(2016, 1, 1))
    ActionFactory(recommendation=recs["sleep"], text="Leaflet reprinted.", status="in_progress")
    found = recurrences(Recommendation.objects.filter(plan__partnership=partnership))
    groups = [[m.recommendation for m in group.members] for group in found]
    gp_group = next(group for group in found if recs["gp"] in [m.recommendation for m in group.members])
    assert gp_group.members[0].recommendation == recs["gp"]  # oldest first
    assert recs["gp again"] in [m.recommendation for m in gp_group.members]
    sleep_group = next(group for group in found if recs["sleep"] in [m.recommendation for m in group.members])
    assert [m.recommendation for m in gp_group.done_before] == [recs["gp"]]
    assert sleep_group.done_before == []
    assert all(recs["front door"] not in g for g in groups)
    assert [group.newest for group in found] == sorted((group.newest for group in found), reverse=True)


def test_themes_met_in_several_reviews_are_counted_by_review(board):
    partnership, recs = board
    sleeping = Theme.objects.get(name="Safe sleeping and babies")
    sharing = Theme.objects.get(name="Information sharing")
    recs["sleep"].themes.add(sleeping)
    ActionFactory(recommendation=recs["sleep again"]).themes.add(sleeping)
    recs["gp"].themes.add(sharing)
    recs["front door"].themes.add(sharing)  # the same review twice: not recurring
    rows = recurring_themes(
        Recommendation.objects.filter(plan__partnership=partnership), themes_of(partnership)
    )
    assert [(row.theme.name, row.reviews, row.recommendations, row.newest) for row in rows] == [
        ("Safe sleeping and babies", 2, 2, date(2022, 9, 1))
    ]


def test_a_local_theme_mapped_to_a_national_one_is_counted_under_it(board):
    partnership, recs = board
    sharing = Theme.objects.get(name="Information sharing", national=True)
    front_door = Theme.objects.create(partnership=partnership, name="Front door", maps_to=sharing)
    unmapped = Theme.objects.create(partnership=partnership, name="Our own", maps_to=None)
    recs["front door"].themes.add(front_door, sharing)  # both ways: counted once
    recs["gp again"].themes.add(front_door)  # of the later review
    ActionFactory(recommendation=recs["sleep"]).themes.add(unmapped)
    recs["sleep again"].themes.add(unmapped)
    rows = recurring_themes(
        Recommendation.objects.filter(plan__partnership=partnership), themes_of(partnership)
    )
    found = {row.theme.name: (row.reviews, row.recommendations, row.includes) for row in rows}
    assert found == {"Information sharing": (2, 2, ("Front door",)), "Our own": (2, 2, ())}


def test_the_national_list_is_shipped_with_the_project():
    national = set(Theme.objects.filter(partnership=None).values_list("name", flat=True))
    assert {
        "Information sharing",
        "Professional curiosity",
        "Self-neglect (adults)",
        "Voice and lived experience of the child",
    } <= national
    assert len(national) == 21


@pytest.mark.seeds
def test_on_the_seeds_the_gp_recommendations_of_three_reviews_find_each_other(seed):
    board = Partnership.objects.create(name="Seed board")
    for number in ["000", "001", "003", "004"]:
        call_command("import", str(seed(number)), "--partnership", board.name, "--new-reviews",
                     stdout=io.StringIO())
    every = Recommendation.objects.filter(plan__partnership=board)
    an09 = every.get(text__startswith="GP's should be made aware of their responsibility")
    norfolk = every.get(plan__title__contains="Composite", ref="2.2")
    dudley = every.get(plan__title__startswith="Dudley", ref="8")
    for rec, others in [(an09, [norfolk, dudley]), (norfolk, [an09, dudley]), (dudley, [an09, norfolk])]:
        top_five = [like.recommendation for like in similar_to(rec, every)]
        assert all(other in top_five for other in others), (rec, top_five)
    # And they are found together as a recommendation made again, from the stored near pairs.
    call_command("reindex", stdout=io.StringIO())  # scored with the weights of all four plans
    gp_groups = [set(group.ids) for group in found_groups(every) if an09.pk in group.ids]
    assert gp_groups and {norfolk.pk, dudley.pk} <= gp_groups[0], gp_groups
    # Supervision: Dudley's recommendation on a supervision policy finds Norfolk's core standard
    # for supervision, and AN09's programme for team managers finds Dudley's.
    supervision = every.get(plan__title__startswith="Dudley", ref="3")
    standard = every.get(plan__title__contains="Composite", ref="4.6")
    managers = every.get(text__startswith="A Development Programme for Team Managers")
    assert standard in [like.recommendation for like in similar_to(supervision, every)]
    assert supervision in [like.recommendation for like in similar_to(managers, every)]
