"""Search finds recommendations and actions by the names of their themes, kept up to date as tags
and themes change, on either database."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actionplan.learning import index
from actionplan.learning.search import Filters, search
from actionplan.learning.themes import save_theme, tag
from actionplan.plans.models import Partnership, Recommendation, Theme
from factories import ActionFactory, PartnershipFactory, PlanFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

LETTERS = "Write to every practice about invitations."


@pytest.fixture
def riverton() -> Partnership:
    return PartnershipFactory(name="Riverton")


@pytest.fixture
def curiosity() -> Theme:
    return Theme.objects.get(name="Professional curiosity")


def found(query: str, partnership: Partnership, **filters) -> list[tuple[str, str]]:
    return [
        (hit.kind, hit.action.text if hit.action else hit.recommendation.text)
        for hit in search(query, [partnership.pk], Filters(**filters))
    ]


def test_a_theme_name_finds_what_is_tagged_though_its_words_are_not_in_the_text(riverton, curiosity):
    rec = RecommendationFactory(plan__partnership=riverton, text="GPs should attend conferences.")
    action = ActionFactory(recommendation=rec, text=LETTERS)
    RecommendationFactory(plan=rec.plan, text="Midwives give safe sleeping advice.")  # untagged
    assert found("professional curiosity", riverton) == []
    tag(rec, [curiosity], {action.pk: [Theme.objects.get(name="Neglect")]})
    assert found("professional curiosity", riverton) == [("recommendation", rec.text)]
    assert found("neglect", riverton) == [("action", LETTERS)]
    [hit] = search("curiosity", [riverton.pk])
    assert "GPs should attend conferences." in hit.snippet
    assert "<mark>curiosity</mark>" in hit.snippet and "Themes:" in hit.snippet


def test_a_framework_theme_is_found_by_its_own_name_and_its_national_one(riverton):
    sharing = Theme.objects.get(name="Information sharing")
    front_door = save_theme(Theme(partnership=riverton), "Front door", sharing)
    rec = RecommendationFactory(plan__partnership=riverton, text="Referrals are answered in a day.")
    rec.themes.add(front_door)
    assert found("front door", riverton) == [("recommendation", rec.text)]
    assert found("information sharing", riverton) == [("recommendation", rec.text)]
    # The national theme as a filter takes in the framework's themes mapped to it.
    assert found("referrals", riverton, theme=sharing.pk) == [("recommendation", rec.text)]
    # Renamed and mapped anew: the old names no longer find it, the new ones do.
    save_theme(front_door, "Referral hub", Theme.objects.get(name="Neglect"))
    assert found("front door", riverton) == [] and found("information sharing", riverton) == []
    assert found("referral hub", riverton) == found("neglect", riverton) == [("recommendation", rec.text)]
    front_door.delete()
    assert found("referral hub", riverton) == []
    assert found("referrals", riverton) == [("recommendation", rec.text)]


def test_tags_removed_either_way_round_are_no_longer_found(riverton, curiosity):
    recs = [RecommendationFactory(plan__partnership=riverton, text=f"Recommendation {n}.") for n in range(3)]
    curiosity.recommendations.add(*recs)  # from the theme's side
    assert len(found("curiosity", riverton)) == 3
    curiosity.recommendations.remove(recs[0])
    recs[1].themes.clear()
    assert found("curiosity", riverton) == [("recommendation", "Recommendation 2.")]
    curiosity.recommendations.clear()
    assert found("curiosity", riverton) == []


def test_a_recommendation_with_no_text_is_found_by_its_themes(riverton, curiosity):
    rec = RecommendationFactory(plan__partnership=riverton, text="", outcome="Staff ask more questions.")
    rec.themes.add(curiosity)
    assert found("professional curiosity", riverton) == [("recommendation", "")]


def test_words_and_tag_together_rank_first_and_filters_still_apply(riverton):
    supervision = Theme.objects.get(name="Supervision and management oversight")
    plan = PlanFactory(partnership=riverton)
    both = RecommendationFactory(plan=plan, text="Managers audit supervision records each quarter.")
    words_only = RecommendationFactory(plan=plan, text="Supervision is offered to every new starter.")
    tagged_only = RecommendationFactory(plan=plan, text="Managers audit case records each quarter.")
    both.themes.add(supervision)
    tagged_only.themes.add(supervision)
    assert [text for _, text in found("supervision", riverton)][0] == both.text
    every = {both.text, words_only.text, tagged_only.text}
    assert {text for _, text in found("supervision", riverton)} == every
    assert {text for _, text in found("supervision", riverton, theme=supervision.pk)} == {
        both.text, tagged_only.text
    }
    ActionFactory(recommendation=tagged_only, status="implemented")
    assert found("supervision", riverton, status="implemented") == [("recommendation", tagged_only.text)]


def test_the_rebuild_and_a_plan_stored_in_bulk_carry_the_themes(riverton, curiosity, capsys):
    rec = RecommendationFactory(plan__partnership=riverton, text="GPs should attend conferences.")
    ActionFactory(recommendation=rec, text=LETTERS).themes.add(curiosity)
    rec.themes.add(curiosity)
    before = sorted(found("curiosity", riverton))  # ranked alike: in either order
    assert index.rebuild() == 2
    assert sorted(found("curiosity", riverton)) == before and len(before) == 2
    index.on_plan_stored(rec.plan, updated=True)
    assert sorted(found("curiosity", riverton)) == before
    call_command("search", "professional curiosity", "--partnership", "Riverton")
    assert "[curiosity]" in capsys.readouterr().out.lower()


def test_the_command_line_takes_the_pages_filters(riverton, curiosity, capsys):
    rec = RecommendationFactory(plan__partnership=riverton, text="GPs should attend conferences.")
    ActionFactory(recommendation=rec, text="Letters to practices about conferences.", status="implemented")
    RecommendationFactory(plan=rec.plan, text="Conferences hear the child.").themes.add(curiosity)
    call_command("search", "conferences", "--theme", "professional curiosity")
    assert capsys.readouterr().out.count("Recommendation:") == 1
    call_command("search", "conferences", "--status", "implemented", "--partnership", "Riverton")
    out = capsys.readouterr().out
    assert "Action:" in out and "hear the child" not in out
    with pytest.raises(Exception, match="no agency is called 'Police'.*choose a --partnership"):
        call_command("search", "conferences", "--agency", "Police")
    with pytest.raises(Exception, match="no theme is called 'Curiosity' \\(known: .*Neglect"):
        call_command("search", "conferences", "--theme", "Curiosity")


def test_another_partnerships_tags_are_not_found(riverton, curiosity):
    elsewhere = RecommendationFactory(plan__partnership=PartnershipFactory(name="Elsewhere"), text="Ours.")
    elsewhere.themes.add(curiosity)
    assert found("curiosity", riverton) == []
    assert Recommendation.objects.count() == 1


def test_a_framework_theme_named_as_its_national_one_is_named_once(riverton, curiosity):
    own = save_theme(Theme(partnership=riverton), "Professional Curiosity", curiosity)
    rec = RecommendationFactory(plan__partnership=riverton, text="Referrals are answered in a day.")
    rec.themes.add(own)
    [hit] = search("curiosity", [riverton.pk])
    assert hit.snippet.lower().count("<mark>curiosity</mark>") == 1, hit.snippet


def queries_renaming(rows: int, riverton: Partnership, word: str) -> int:
    national = Theme.objects.get(name="Neglect")
    theme = save_theme(Theme(partnership=riverton), f"Home conditions {word}", national)
    plan = PlanFactory(partnership=riverton)
    recs = [RecommendationFactory(plan=plan, text=f"Visit the family {n}.") for n in range(rows)]
    actions = [ActionFactory(recommendation=rec, text=f"Check on the family {rec.pk}.") for rec in recs]
    theme.recommendations.add(*recs[::2])  # half tagged themselves, half through an action
    theme.actions.add(*actions[1::2])
    with CaptureQueriesContext(connection) as queries:
        save_theme(theme, f"Living conditions {word}", national)
    kinds = [kind for kind, _ in found(f"living conditions {word}", riverton)]
    assert (kinds.count("recommendation"), kinds.count("action")) == (rows // 2, rows // 2)
    assert found(f"home conditions {word}", riverton) == []
    return len(queries)


def test_a_theme_renamed_indexes_its_rows_again_in_as_many_queries_for_50_as_for_10(riverton):
    assert queries_renaming(50, riverton, "fifty") == queries_renaming(10, riverton, "ten")
