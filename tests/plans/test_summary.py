from datetime import date

import pytest

from actionplan.plans.models import Plan
from actionplan.plans.summary import partnership_summary
from factories import ActionFactory, RecommendationFactory

pytestmark = pytest.mark.django_db
AS_AT = date(2026, 6, 5)  # the rows stored today, rated on this day (not the history as at it)


def test_it_counts_rag_per_plan_and_the_exceptions(partnership, action, police):
    # `action` is due 30 June: amber on 5 June. Add one overdue and one done-and-awaiting-assurance.
    ActionFactory(
        recommendation=action.recommendation, owner=police, due_date=date(2026, 5, 1), status="in_progress"
    )
    ActionFactory(
        recommendation=action.recommendation, owner=police, status="implemented", assurance="submitted"
    )
    summary = partnership_summary(partnership, AS_AT, from_history=False)
    assert dict(summary.overall.rows) == {"red": 1, "amber": 1, "green": 1, "grey": 0, "blue": 0}
    assert (summary.overdue, summary.due_soon, summary.awaiting_assurance) == (1, 1, 1)
    assert summary.stale == 0  # all created today


def test_a_composite_plan_counts_the_actions_it_links(partnership, action):
    composite = RecommendationFactory(
        plan__partnership=partnership, plan__kind=Plan.Kind.COMPOSITE_ACTION_PLAN
    )
    composite.linked_actions.add(action)
    summary = partnership_summary(partnership, AS_AT, from_history=False)
    assert summary.by_plan[composite.plan].total == 1
    assert summary.by_plan[action.recommendation.plan].total == 1
    assert summary.overall.total == 1  # counted once for the partnership


def test_a_recommendation_without_actions_is_counted_with_its_own_rag(partnership, action):
    alone = RecommendationFactory(plan=action.recommendation.plan, rag="red", status="in_progress")
    RecommendationFactory(plan=action.recommendation.plan, rag="")  # never rated: grey
    summary = partnership_summary(partnership, AS_AT, from_history=False)
    assert dict(summary.overall.rows) == {"red": 1, "amber": 1, "green": 0, "grey": 1, "blue": 0}
    assert summary.by_plan[alone.plan].total == 3
    assert summary.recommendations_alone == 2


def test_a_closed_plan_leaves_the_live_counts(partnership, action):
    plan = action.recommendation.plan
    plan.closed_on = AS_AT
    plan.save()
    RecommendationFactory(plan=plan, rag="red")
    summary = partnership_summary(partnership, AS_AT, from_history=False)
    assert plan not in summary.by_plan
    assert (summary.overall.total, summary.by_agency, summary.recommendations_alone) == (0, {}, 0)


def test_the_lists_match_the_counts_and_a_closed_plan_is_found_by_choosing_it(partnership, action):
    from actionplan.plans.finder import ActionCriteria, find_actions

    plan = action.recommendation.plan
    plan.closed_on = AS_AT
    plan.save()
    assert list(find_actions(partnership, AS_AT, ActionCriteria())) == []
    assert list(find_actions(partnership, AS_AT, ActionCriteria(plan=plan.pk))) == [action]


def test_an_action_counts_once_under_each_theme_of_its_recommendation(partnership, action, police):
    from actionplan.plans.models import Theme

    themes = [Theme.objects.create(partnership=partnership, name=name) for name in ("Neglect", "Voice")]
    action.recommendation.themes.set(themes)
    ActionFactory(recommendation=action.recommendation, owner=police, due_date=date(2026, 5, 1))
    alone = RecommendationFactory(plan=action.recommendation.plan, rag="red")
    alone.themes.set(themes[:1])
    summary = partnership_summary(partnership, AS_AT, from_history=False)
    assert {theme.name: dict(counts.counts) for theme, counts in summary.by_theme.items()} == {
        "Neglect": {"amber": 1, "red": 2}, "Voice": {"amber": 1, "red": 1},
    }


def test_an_action_counts_under_its_own_themes_too_and_once_a_theme(partnership, action, police):
    from actionplan.plans.finder import ActionCriteria, find_actions
    from actionplan.plans.models import Theme

    neglect, voice, sleep = (Theme.objects.create(partnership=partnership, name=name)
                             for name in ("Neglect", "Voice", "Sleep"))
    action.recommendation.themes.set([neglect, voice])
    action.themes.set([neglect, sleep])  # Neglect both ways: once
    overdue = ActionFactory(recommendation=action.recommendation, owner=police, due_date=date(2026, 5, 1))
    other = ActionFactory(recommendation__plan=action.recommendation.plan, owner=police)
    other.themes.set([sleep])
    summary = partnership_summary(partnership, AS_AT, from_history=False)
    counts = {theme.name: dict(+counts.counts) for theme, counts in summary.by_theme.items()}
    assert counts == {"Neglect": {"amber": 1, "red": 1}, "Voice": {"amber": 1, "red": 1},
                      "Sleep": {"amber": 1, "grey": 1}}
    # The lists agree with the counts, and show each action once.
    for theme, expected in [(neglect, [action, overdue]), (sleep, [action, other])]:
        found = list(find_actions(partnership, AS_AT, ActionCriteria(theme=theme.pk)))
        assert sorted(found, key=lambda a: a.pk) == sorted(expected, key=lambda a: a.pk)
