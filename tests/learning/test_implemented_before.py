""""Implemented before" judged by dates: the status an earlier recommendation's actions stood at
when the later review was reported, as their history says, not their status today."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from actionplan.learning.implemented_before import implemented_before, made_earlier
from actionplan.learning.recurring import recurrences
from actionplan.learning.theme_counts import recurring_themes
from actionplan.learning.themes import themes_of
from actionplan.plans.models import Recommendation, Review, Theme
from actionplan.plans.progress_updates import record_imported_progress
from actionplan.plans.status import DeliveryStatus
from actionplan.plans.updates import save_stamped
from factories import ActionFactory, PartnershipFactory, PlanFactory, RecommendationFactory, implemented_on

pytestmark = pytest.mark.django_db

LATER = date(2023, 2, 1)  # the later review reported


def at_noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


def reopened_on(action, day: date) -> None:
    action.status = DeliveryStatus.IN_PROGRESS
    save_stamped(action, at_noon(day))


@pytest.fixture
def earlier():
    return RecommendationFactory(plan=PlanFactory(as_at=date(2018, 1, 1)))


def held(rec: Recommendation, day: date = LATER) -> bool:
    return (rec.pk, day) in implemented_before([(rec.pk, day)])


def test_an_action_implemented_after_the_later_review_was_not_implemented_before(earlier):
    implemented_on(ActionFactory(recommendation=earlier), date(2023, 6, 1))
    assert not held(earlier)
    assert held(earlier, date(2023, 6, 2))


def test_the_day_itself_is_not_before(earlier):
    implemented_on(ActionFactory(recommendation=earlier), LATER)
    assert not held(earlier) and held(earlier, date(2023, 2, 2))


def test_implemented_then_reopened_later_still_was_implemented_before(earlier):
    action = ActionFactory(recommendation=earlier)
    implemented_on(action, date(2020, 1, 1))
    reopened_on(action, date(2024, 1, 1))
    assert held(earlier)
    reopened_on(action, date(2022, 1, 1))  # and a correction dated before the later review
    assert not held(earlier, date(2022, 6, 1))


def test_one_action_of_several_is_enough_and_a_linked_one_counts(earlier):
    ActionFactory(recommendation=earlier, status="in_progress")
    other_plan = RecommendationFactory(plan__partnership=earlier.plan.partnership)
    elsewhere = ActionFactory(recommendation=other_plan)
    earlier.linked_actions.add(elsewhere)
    assert not held(earlier)
    implemented_on(elsewhere, date(2021, 1, 1))
    assert held(earlier)


def test_a_recommendation_tracked_alone_is_judged_by_its_own_history(earlier):
    implemented_on(earlier, date(2022, 1, 1))
    assert held(earlier) and not held(earlier, date(2021, 12, 1))


def test_an_imported_document_dates_the_work_it_says_was_done(earlier):
    """Stored today from a document of 2019 saying it was done: implemented by 2019."""
    action = ActionFactory(recommendation=earlier)
    done = DeliveryStatus.IMPLEMENTED
    record_imported_progress(action, "Completed.", on=date(2019, 3, 1), rag="", status=done)
    assert held(earlier) and not held(earlier, date(2019, 3, 1))


def test_only_recommendations_made_before_are_asked_of():
    assert made_earlier({1: date(2020, 1, 1), 2: LATER, 3: None}, LATER) == {(1, LATER)}
    assert made_earlier({1: date(2020, 1, 1)}, None) == set()


def made_in(partnership, code: str, reported: date) -> Recommendation:
    review = Review.objects.create(partnership=partnership, code=code, reported_on=reported)
    rec = RecommendationFactory(plan=PlanFactory(partnership=partnership, title=f"{code} plan"),
                                text="GPs should attend child protection conferences and send reports.")
    rec.reviews.add(review)
    return rec


@pytest.mark.parametrize("done_on, flagged", [(date(2020, 5, 1), True), (date(2024, 5, 1), False)])
def test_the_learning_page_flags_by_the_date_the_action_was_implemented(done_on, flagged):
    partnership = PartnershipFactory()
    first = made_in(partnership, "Child A", date(2018, 5, 1))
    again = made_in(partnership, "Child B", LATER)
    again.text = "GP attendance at child protection conferences and written reports."
    again.save()
    curiosity = Theme.objects.get(name="Professional curiosity")
    first.themes.add(curiosity)
    again.themes.add(curiosity)
    implemented_on(ActionFactory(recommendation=first), done_on)
    recs = Recommendation.objects.filter(plan__partnership=partnership)
    [group] = recurrences(recs)
    assert [m.recommendation for m in group.done_before] == ([first] if flagged else [])
    [theme] = recurring_themes(recs, themes_of(partnership))
    assert (theme.theme, theme.done_before) == (curiosity, flagged)


def test_recurring_themes_read_the_statuses_as_the_groups_do():
    """Each way an earlier recommendation can stand, on a theme of its own met again later: the
    query of recurring themes reads the statuses the rule judges as `implemented_before` does."""
    partnership = PartnershipFactory()
    themes = list(Theme.objects.filter(national=True).order_by("pk")[:7])
    cases = []
    for n, theme in enumerate(themes):
        earlier = made_in(partnership, f"Child {n}", date(2018, 5, 1))
        later = made_in(partnership, f"Adult {n}", LATER)
        earlier.themes.add(theme)
        later.themes.add(theme)
        cases.append(earlier)
    implemented_on(ActionFactory(recommendation=cases[0]), date(2020, 1, 1))  # before
    implemented_on(ActionFactory(recommendation=cases[1]), date(2024, 1, 1))  # after
    reopened = ActionFactory(recommendation=cases[2])
    implemented_on(reopened, date(2020, 1, 1))
    reopened_on(reopened, date(2022, 1, 1))  # reopened before
    imported = ActionFactory(recommendation=cases[3])
    done = DeliveryStatus.IMPLEMENTED
    record_imported_progress(imported, "Done.", on=date(2019, 1, 1), rag="", status=done)
    implemented_on(cases[4], date(2021, 1, 1))  # tracked alone
    linked = ActionFactory(recommendation=RecommendationFactory(plan__partnership=partnership))
    cases[5].linked_actions.add(linked)
    implemented_on(linked, date(2021, 1, 1))
    ActionFactory(recommendation=cases[6], status="in_progress")  # never
    recs = Recommendation.objects.filter(plan__partnership=partnership)
    flagged = {row.theme: row.done_before for row in recurring_themes(recs, themes_of(partnership))}
    assert [flagged[theme] for theme in themes] == [True, False, False, True, True, True, False]
    assert [held(rec) for rec in cases] == [flagged[theme] for theme in themes]
