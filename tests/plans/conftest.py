from datetime import timedelta

import pytest

from actionplan.plans import kept_counts
from actionplan.plans.models import Plan
from actionplan.plans.status import DeliveryStatus as S
from factories import ActionFactory, RecommendationFactory
from kept_helpers import assert_kept_equal_live
from personas import *  # noqa: F403  (the shared personas: alice, bob, charlie, dave, eve)


@pytest.fixture
def kept(partnership, action, police):
    """A partnership with two plans (one a composite linking to the other's action), a
    recommendation tracked alone and themes, and its counts kept."""
    today = kept_counts.today()
    ActionFactory(recommendation=action.recommendation, owner=police, due_date=today - timedelta(days=3),
                  status=S.IN_PROGRESS)
    RecommendationFactory(plan=action.recommendation.plan, rag="red")
    composite = RecommendationFactory(plan__partnership=partnership,
                                      plan__kind=Plan.Kind.COMPOSITE_ACTION_PLAN)
    composite.linked_actions.add(action)
    kept_counts.rebuild(partnership)
    assert_kept_equal_live(partnership)
    return partnership
