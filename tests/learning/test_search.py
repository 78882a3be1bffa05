"""Search finds the words in every kind of row, ranks, filters, scopes by partnership and never
shows a document's HTML as HTML."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command

from actionplan.learning import index
from actionplan.learning.search import Filters, highlighted, search
from actionplan.plans.models import ProgressUpdate, Review, Theme
from actionplan.plans.updates import correct_update, withdraw_update
from factories import ActionFactory, AgencyFactory, PartnershipFactory, PlanFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def riverton():
    partnership = PartnershipFactory(name="Riverton")
    plan = PlanFactory(partnership=partnership, title="Child Q plan", as_at=date(2021, 5, 1))
    rec = RecommendationFactory(
        plan=plan,
        ref="1",
        text="GPs should attend child protection conferences.",
        outcome="Health practitioners contribute to planning.",
    )
    return partnership, plan, rec


def kinds(hits) -> list[str]:
    return [hit.kind for hit in hits]


def test_it_finds_each_kind_of_row_with_stemming(riverton):
    partnership, plan, rec = riverton
    action = ActionFactory(recommendation=rec, text="Write to every practice about conference invitations.")
    ProgressUpdate.objects.create(
        action=action, written_on=date(2021, 6, 1), text="Letters sent to practices.", status="in_progress"
    )
    assert sorted(kinds(search("conference", [partnership.pk]))) == ["action", "recommendation"]
    assert kinds(search("planning practitioners", [partnership.pk])) == ["learning_point"]
    assert kinds(search("letter", [partnership.pk])) == ["progress"]


def test_it_ranks_the_row_with_more_of_the_words_first(riverton):
    partnership, plan, _ = riverton
    RecommendationFactory(plan=plan, text="Supervision of supervision: supervision records audited.")
    RecommendationFactory(plan=plan, text="Managers review supervision once a year alongside training.")
    hits = search("supervision", [partnership.pk])
    assert [h.recommendation.text[:14] for h in hits] == ["Supervision of", "Managers revie"]


def test_it_keeps_to_the_partnerships_asked_for(riverton):
    partnership, _, _ = riverton
    other = PartnershipFactory(name="Elsewhere")
    RecommendationFactory(plan__partnership=other, text="Conferences must hear from the GP.")
    assert {h.recommendation.plan.partnership_id for h in search("conferences", [partnership.pk])} == {
        partnership.pk
    }
    assert len(search("conferences", [partnership.pk, other.pk])) == 2
    assert search("conferences", []) == []


def test_it_follows_edits_and_deletions(riverton):
    partnership, _, rec = riverton
    rec.text = "Hospital discharge planning includes safeguarding."
    rec.save()
    assert search("conferences", [partnership.pk]) == []
    assert kinds(search("discharge", [partnership.pk])) == ["recommendation"]
    rec.delete()
    assert search("discharge", [partnership.pk]) == []


def test_the_rebuild_finds_what_the_signals_stored(riverton, capsys):
    partnership, _, rec = riverton
    ActionFactory(recommendation=rec, text="Audit conference attendance.")
    before = sorted((h.kind, h.recommendation.pk) for h in search("conference", [partnership.pk]))
    call_command("reindex")
    assert "Search index rebuilt: 3 entries." in capsys.readouterr().out
    assert sorted((h.kind, h.recommendation.pk) for h in search("conference", [partnership.pk])) == before
    assert index.rebuild() == 3  # recommendation, learning point, action


def test_query_operators_are_read_as_words(riverton):
    partnership, _, _ = riverton
    for query in ['"', "AND", "NEAR(", "gp*", "-", "conferences OR", "'; DROP TABLE x; --"]:
        search(query, [partnership.pk])  # must not raise
    assert kinds(search("GPs attend", [partnership.pk])) == ["recommendation"]


def test_highlighting_escapes_the_document_then_marks_matches(riverton):
    partnership, plan, _ = riverton
    RecommendationFactory(plan=plan, text='<script>alert("x")</script> neglect <b>bold</b>')
    [hit] = search("neglect", [partnership.pk])
    assert "<script>" not in hit.snippet and "&lt;script&gt;" in hit.snippet
    assert "<mark>neglect</mark>" in hit.snippet
    assert highlighted("a \x02<b>\x03") == "a <mark>&lt;b&gt;</mark>"


def test_filters_narrow_the_hits(riverton):
    partnership, plan, rec = riverton
    police = AgencyFactory(partnership=partnership, name="Police")
    health = AgencyFactory(partnership=partnership, name="Health")
    police_action = ActionFactory(
        recommendation=rec, owner=police, text="Police attend conferences.", status="implemented"
    )
    ActionFactory(recommendation=rec, owner=health, text="Health attend conferences.")
    sar = Review.objects.create(
        partnership=partnership, code="Adult B", kind="sar", reported_on=date(2019, 2, 1)
    )
    adult = RecommendationFactory(plan=PlanFactory(partnership=partnership), text="Conferences for adults.")
    adult.reviews.add(sar)
    theme = Theme.objects.get(name="Multi-agency working and decision-making")
    police_action.themes.add(theme)
    ids = partnership.pk

    def found(**filters) -> set[str]:
        return {
            (h.action.text if h.action else h.recommendation.text)
            for h in search("conferences", [ids], Filters(**filters))
        }

    assert found(agency=police.pk) == {"Police attend conferences.", rec.text}
    assert found(status="implemented") == {"Police attend conferences.", rec.text}
    assert found(review_kind="sar") == {"Conferences for adults."}
    assert found(year=2019) == {"Conferences for adults."}
    assert found(year=2021) == {rec.text, "Police attend conferences.", "Health attend conferences."}
    assert found(theme=theme.pk) == {rec.text, "Police attend conferences.", "Health attend conferences."}
    assert found(status="not_started") == {"Conferences for adults.", rec.text, "Health attend conferences."}


def test_the_command_line_searches_one_partnership_or_all(riverton, capsys):
    partnership, _, _ = riverton
    RecommendationFactory(plan__partnership=PartnershipFactory(name="Elsewhere"), text="Conferences & GPs.")
    call_command("search", "conferences")
    out = capsys.readouterr().out
    assert "[conferences]" in out and "[Conferences] & GPs." in out
    call_command("search", "conferences", "--partnership", "Riverton")
    out = capsys.readouterr().out
    assert "Child Q plan" in out and "GPs" in out and "&" not in out
    with pytest.raises(Exception, match="no partnership is called 'Nowhere'"):
        call_command("search", "conferences", "--partnership", "Nowhere")


def test_a_plan_stored_in_bulk_from_a_document_is_found_at_once():
    from actionplan.importing import parse_bytes
    from actionplan.plans.store import store_draft

    partnership = PartnershipFactory(name="Eastshire")
    document = (b"Recommendation\tAction\tOwner\tProgress\n"
                b"Midwives should ask about domestic abuse.\tAudit routine enquiry\tMaternity"
                b"\tAudit tool agreed\n")
    store_draft(parse_bytes(document, "plan.txt").to_dict(), partnership)
    assert kinds(search("midwives", [partnership.pk])) == ["recommendation"]
    assert kinds(search("enquiry", [partnership.pk])) == ["action"]
    assert kinds(search("tool", [partnership.pk])) == ["progress"]


def test_it_finds_progress_as_corrected_and_never_what_was_withdrawn(riverton):
    partnership, _, rec = riverton
    author = None  # who puts it right is the pages' concern, not the index's
    action = ActionFactory(recommendation=rec, text="Audit attendance.")
    mistyped = ProgressUpdate.objects.create(
        action=action, written_on=date(2021, 6, 1), text="Audit sent to Harbourside school.",
        status="in_progress",
    )
    wrong_action = ProgressUpdate.objects.create(
        action=action, written_on=date(2021, 6, 2), text="Hoarding panel met.", status="in_progress"
    )
    correct_update(mistyped, author, "Audit report sent to Meadowbank school.", "The school was misnamed")
    withdraw_update(wrong_action, author, "Posted on the wrong action")
    assert kinds(search("Meadowbank", [partnership.pk])) == ["progress"]
    assert search("Harbourside", [partnership.pk]) == []  # the wording the correction replaced
    assert search("hoarding", [partnership.pk]) == []  # withdrawn
    assert search("misnamed", [partnership.pk]) == []  # a correction's reason is not progress
    index.rebuild()  # the same after a rebuild
    assert kinds(search("Meadowbank", [partnership.pk])) == ["progress"]
    assert search("Harbourside", [partnership.pk]) == search("hoarding", [partnership.pk]) == []
