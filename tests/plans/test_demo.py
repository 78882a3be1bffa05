from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actionplan.learning.recurring import recurrences
from actionplan.plans.history import actions_as_at
from actionplan.plans.models import Action, Plan, ProgressUpdate, Recommendation, Theme, User
from actionplan.plans.status import DeliveryStatus
from shared_demo import DEMO_DAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(riverton_at_meeting):
    return riverton_at_meeting


def test_it_has_every_kind_of_plan_and_every_status(demo):
    kinds = set(Plan.objects.filter(partnership=demo.partnership).values_list("kind", flat=True))
    assert kinds == {"review_action_plan", "composite_action_plan", "workplan"}
    statuses = set(Action.objects.values_list("status", flat=True))
    assert statuses == set(DeliveryStatus.values)
    assert demo.partnership.agencies.count() >= 6
    assert demo.partnership.reviews.values("kind").distinct().count() >= 3


def test_it_has_a_year_of_progress_history(demo):
    dates = ProgressUpdate.objects.values_list("written_on", flat=True)
    assert (DEMO_DAY - min(dates)).days >= 300
    a_year_ago = actions_as_at(
        Action.objects.values_list("pk", flat=True), date(2025, 12, 1), demo.partnership
    )
    assert len(a_year_ago) == Action.objects.count()
    assert {s.status for s in a_year_ago.values()} != set(Action.objects.values_list("status", flat=True))


def test_the_composite_plan_links_rather_than_copies(demo):
    composite = Plan.objects.get(kind="composite_action_plan")
    linked = Action.objects.filter(linked_recommendations__plan=composite)
    assert linked.exists()
    assert all(a.recommendation.plan != composite for a in linked)


def test_people_can_sign_in_with_their_roles(demo, client):
    roles = dict(User.objects.values_list("username", "role"))
    assert roles["alice"] == "partnership_admin" and roles["dave"] == "viewer"
    signed_in = client.post("/sign-in/", {"username": "bob", "password": "riverton-demo"})
    assert signed_in.status_code == 302


def test_the_command_refuses_to_load_twice_unless_asked(demo, capsys):
    with pytest.raises(CommandError, match="already loaded"):
        call_command("demo")
    call_command("demo", "--if-missing")
    assert "already loaded" in capsys.readouterr().out


def test_its_framework_themes_each_map_to_a_national_theme(demo):
    framework = Theme.objects.filter(partnership=demo.partnership)
    assert framework.count() == 4
    assert all(theme.maps_to and theme.maps_to.national for theme in framework)


def test_its_learning_is_made_again_in_a_later_review(demo):
    """The rapid review's recommendation on the men in a baby's home is Child R's on the adults in
    the household, in other words: found by the near pairs the demo stores as it is built. Child
    R's actions on it were implemented after the rapid review was reported, so it was not
    implemented before (docs/adr/0082)."""
    recs = Recommendation.objects.filter(plan__partnership=demo.partnership)
    [again] = recurrences(recs)
    reviews = [[r.code for r in m.recommendation.reviews.all()] for m in again.members]
    assert reviews[0] == ["Child R"] and reviews[-1] == ["RR-25-03"]
    assert {m.recommendation.plan.title for m in again.members} >= {
        "Child R: review action plan", "RR-25-03: rapid review action plan",
    }  # fmt: skip
    assert again.done_before == []
    assert again.members[0].outcome.any_implemented  # implemented now, not then
