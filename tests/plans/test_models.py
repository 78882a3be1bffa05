from datetime import date

import pytest
from django.core.exceptions import ValidationError

from actionplan.plans.models import Recommendation
from actionplan.plans.rag import Rag
from actionplan.plans.status import DeliveryStatus as S
from factories import ActionFactory, RecommendationFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def test_an_agency_is_known_by_its_aliases(police):
    assert police.is_called("Riverton Police")
    assert police.is_called("  riverton-POLICE ")
    assert police.is_called("RP")
    assert not police.is_called("Riverton Fire")


def test_an_action_can_answer_recommendations_of_several_reviews(action, partnership):
    first, second = (
        ReviewFactory(partnership=partnership, code="Child R"),
        ReviewFactory(partnership=partnership, code="Adult J"),
    )
    action.recommendation.reviews.add(first)
    composite_line = RecommendationFactory(plan__partnership=partnership)
    composite_line.reviews.add(second)
    composite_line.linked_actions.add(action)
    assert action.reviews() == {first, second}
    assert composite_line.all_actions() == [action]


def test_a_recommendation_rolls_up_from_its_actions(action):
    rec = action.recommendation
    ActionFactory(recommendation=rec, owner=action.owner, due_date=date(2026, 1, 31))
    standing = rec.standing(date(2026, 3, 1))
    assert (standing.status, standing.rag, standing.complete) == (S.NOT_STARTED, Rag.RED, False)


def test_a_recommendation_without_actions_is_tracked_itself(partnership):
    rec = RecommendationFactory(plan__partnership=partnership, status=S.IN_PROGRESS, rag=Rag.AMBER)
    standing = rec.standing(date(2026, 3, 1))
    assert (standing.status, standing.rag) == (S.IN_PROGRESS, Rag.AMBER)


def test_not_accepting_a_recommendation_needs_a_reason(partnership):
    rec = RecommendationFactory(plan__partnership=partnership, decision=Recommendation.Decision.NOT_ACCEPTED)
    with pytest.raises(ValidationError, match="why"):
        rec.clean()


def test_history_records_who_changed_an_action(action, alice):
    action.text = "Revised wording"
    action._history_user = alice
    action.save()
    latest = action.history.first()
    assert (latest.text, latest.history_user) == ("Revised wording", alice)
    assert action.history.count() == 2
