"""Recurring themes counted in the database: which themes recur, and which came back after an
earlier action on them was marked implemented."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.learning.theme_counts import recurring_themes
from actionplan.learning.themes import themes_of
from actionplan.plans.models import Partnership, Recommendation, Review, Theme
from factories import ActionFactory, PartnershipFactory, PlanFactory, RecommendationFactory, implemented_on

pytestmark = pytest.mark.django_db


def made_in(partnership: Partnership, code: str, reported: date | None) -> Recommendation:
    """A recommendation of a plan of its own, for a review of its own."""
    review = Review.objects.create(partnership=partnership, code=code, reported_on=reported)
    rec = RecommendationFactory(plan=PlanFactory(partnership=partnership), text=f"Learning of {code}.")
    rec.reviews.add(review)
    return rec


def counts(partnership: Partnership) -> dict[str, tuple]:
    recs = Recommendation.objects.filter(plan__partnership=partnership)
    rows = recurring_themes(recs, themes_of(partnership))
    return {row.theme.name: (row.reviews, row.recommendations, row.newest, row.done_before) for row in rows}


@pytest.fixture
def riverton() -> Partnership:
    return PartnershipFactory(name="Riverton")


def test_a_theme_is_flagged_when_it_came_back_after_an_earlier_action_was_implemented(riverton):
    curiosity = Theme.objects.get(name="Professional curiosity")
    supervision = Theme.objects.get(name="Supervision and management oversight")
    first = made_in(riverton, "Child A", date(2018, 5, 1))
    again = made_in(riverton, "Child B", date(2023, 2, 1))
    done = ActionFactory(recommendation=first)
    implemented_on(done, date(2019, 1, 1))
    done.themes.add(curiosity)
    again.themes.add(curiosity, supervision)
    # Implemented only in the newest review: nothing came back after it.
    earlier = made_in(riverton, "Child C", date(2016, 1, 1))
    ActionFactory(recommendation=earlier, status="in_progress")
    earlier.themes.add(supervision)
    ActionFactory(recommendation=again, status="implemented")
    assert counts(riverton) == {
        "Professional curiosity": (2, 2, date(2023, 2, 1), True),
        "Supervision and management oversight": (2, 2, date(2023, 2, 1), False),
    }


def test_implemented_counts_a_linked_action_and_a_recommendation_tracked_alone(riverton):
    sharing = Theme.objects.get(name="Information sharing")
    sleeping = Theme.objects.get(name="Safe sleeping and babies")
    linked = made_in(riverton, "Child A", date(2017, 1, 1))
    alone = made_in(riverton, "Child B", date(2019, 1, 1))
    later = made_in(riverton, "Child C", date(2024, 1, 1))
    other_plan = RecommendationFactory(plan__partnership=riverton)
    elsewhere = ActionFactory(recommendation=other_plan)
    implemented_on(elsewhere, date(2018, 1, 1))
    linked.linked_actions.add(elsewhere)
    implemented_on(alone, date(2020, 1, 1))
    linked.themes.add(sharing)
    alone.themes.add(sleeping)
    later.themes.add(sharing, sleeping)
    found = counts(riverton)
    assert found["Information sharing"][3] and found["Safe sleeping and babies"][3]
    # An action of its own not implemented outweighs its own status: it is tracked on its actions.
    ActionFactory(recommendation=alone, status="in_progress")
    assert counts(riverton)["Safe sleeping and babies"][3] is False


def test_undated_reviews_are_counted_but_never_newest(riverton):
    neglect = Theme.objects.get(name="Neglect")
    for code, day in [("Child A", None), ("Child B", date(2020, 3, 1)), ("Child C", None)]:
        made_in(riverton, code, day).themes.add(neglect)
    RecommendationFactory(plan__partnership=riverton).themes.add(neglect)  # no review: counted, once
    assert counts(riverton) == {"Neglect": (3, 4, date(2020, 3, 1), False)}


def test_only_the_recommendations_given_are_counted(riverton):
    neglect = Theme.objects.get(name="Neglect")
    ours = [made_in(riverton, code, date(2020, 1, n)) for n, code in enumerate(["A", "B"], start=1)]
    for rec in ours:
        rec.themes.add(neglect)
    elsewhere = made_in(PartnershipFactory(name="Elsewhere"), "C", date(2021, 1, 1))
    elsewhere.themes.add(neglect)
    assert counts(riverton) == {"Neglect": (2, 2, date(2020, 1, 2), False)}
    one = Recommendation.objects.filter(pk=ours[0].pk)
    assert recurring_themes(one, themes_of(riverton)) == []


def test_a_framework_theme_is_named_beside_its_national_one_only_when_its_name_differs(riverton):
    curiosity = Theme.objects.get(name="Professional curiosity")
    same = Theme.objects.create(partnership=riverton, name="professional curiosity", maps_to=curiosity)
    other = Theme.objects.create(partnership=riverton, name="Think the unthinkable", maps_to=curiosity)
    made_in(riverton, "Child A", date(2018, 5, 1)).themes.add(same)
    made_in(riverton, "Child B", date(2023, 2, 1)).themes.add(other)
    recs = Recommendation.objects.filter(plan__partnership=riverton)
    [row] = recurring_themes(recs, themes_of(riverton))
    assert (row.theme, row.reviews, row.includes) == (curiosity, 2, ("Think the unthinkable",))
