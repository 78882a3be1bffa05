"""Suggested themes: words that point to a theme, and the tags people already saved."""

from __future__ import annotations

import pytest

from actionplan.learning.suggest import suggest, theme_words
from actionplan.plans.models import Recommendation, Theme
from factories import ActionFactory, PartnershipFactory, PlanFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


def names(suggestions) -> list[str]:
    return [s.theme.name for s in suggestions]


def test_every_theme_of_the_national_list_has_words():
    national = set(Theme.objects.filter(partnership=None).values_list("name", flat=True))
    assert set(theme_words()) == national


def test_words_of_the_recommendation_and_its_actions_suggest_themes():
    rec = RecommendationFactory(text="Midwives give safe sleeping advice to parents of every new baby.")
    ActionFactory(recommendation=rec, text="Add co-sleeping to the health visitor checklist.")
    [first, *_] = suggest(rec, Recommendation.objects.filter(plan=rec.plan))
    assert first.theme.name == "Safe sleeping and babies"
    assert any("safe sleep" in reason for reason in first.reasons)


def test_saved_tags_teach_later_suggestions():
    partnership = PartnershipFactory()
    own = Theme.objects.create(partnership=partnership, name="Front door", maps_to=None)
    tagged = RecommendationFactory(
        plan__partnership=partnership, text="The front door triage of referrals is audited."
    )
    tagged.themes.add(own)
    new = RecommendationFactory(
        plan=PlanFactory(partnership=partnership), text="Audit how the front door triages referrals."
    )
    unrelated = RecommendationFactory(
        plan__partnership=partnership, text="Hoarding and self-neglect pathway."
    )
    among = Recommendation.objects.filter(plan__partnership=partnership)
    suggestions = suggest(new, among)
    assert names(suggestions)[0] == "Front door"
    assert suggestions[0].reasons == [f"like {tagged.plan.title} {tagged.ref}"]
    assert "Front door" not in names(suggest(unrelated, among))
    # Nothing tagged yet: no theme is suggested from examples, only from words.
    assert "Front door" not in names(suggest(new, Recommendation.objects.filter(pk=new.pk)))


def test_the_tagged_example_is_found_among_many_closer_untagged_ones(monkeypatch):
    """The candidates are drawn from the tagged recommendations, not from all and then kept if
    tagged: a partnership may have thousands untagged closer than its few tagged ones."""
    from actionplan.learning import similar

    monkeypatch.setattr(similar, "CANDIDATES", 2)
    partnership = PartnershipFactory()
    own = Theme.objects.create(partnership=partnership, name="Front door", maps_to=None)
    wording = "Audit how the front door triages referrals from schools."
    for _ in range(5):  # the same words: closer than the tagged one, none tagged
        RecommendationFactory(plan__partnership=partnership, text=wording)
    tagged = RecommendationFactory(plan__partnership=partnership, text="The front door triage is audited.")
    tagged.themes.add(own)
    new = RecommendationFactory(plan__partnership=partnership, text=wording)
    suggestions = suggest(new, Recommendation.objects.filter(plan__partnership=partnership))
    assert "Front door" in names(suggestions)
