"""The stored terms behind similar recommendations: kept in step as rows change, the same as a
rebuild, and ranking as weighing every recommendation would."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actionplan.learning import term_index
from actionplan.learning.models import RecommendationTerms, TermDocuments, TermPosting
from actionplan.learning.similar import cosine, documents_of, similar_to, weigh
from actionplan.plans.action_facts import edit_action
from actionplan.plans.bulk import change_actions
from actionplan.plans.editing import save_recommendation
from actionplan.plans.models import Action, Recommendation
from actionplan.plans.status import DeliveryStatus as S
from actionplan.plans.status import StatusChange
from actionplan.plans.updates import override_rag, record_progress
from factories import ActionFactory, PartnershipFactory, PlanFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

WORDS = [
    "GPs", "health", "visitors", "police", "schools", "attend", "share", "record", "assess",
    "escalate", "supervision", "conferences", "fathers", "neglect", "hoarding", "alcohol",
    "exploitation", "sleeping", "babies", "referrals", "audits", "chronology",
]  # fmt: skip


def stored() -> tuple[dict, dict, list]:
    terms = {
        t.recommendation_id: (t.partnership_id, t.plan_id, t.counts)
        for t in RecommendationTerms.objects.all()
    }
    documents = {(d.partnership_id, d.term): d.documents for d in TermDocuments.objects.all() if d.documents}
    postings = sorted(
        (p.term, p.partnership_id, p.plan_id, p.recommendation_id, round(p.weight, 9))
        for p in TermPosting.objects.all()
    )
    return terms, documents, postings


def test_edits_additions_and_deletions_keep_the_stored_terms_as_a_rebuild_makes_them():
    partnership = PartnershipFactory()
    rec = RecommendationFactory(plan__partnership=partnership, text="GPs attend conferences.")
    other = RecommendationFactory(plan__partnership=partnership, text="Police share referrals.")
    action = ActionFactory(recommendation=rec, text="Write to practices about hoarding.")
    assert RecommendationTerms.objects.get(recommendation_id=rec.pk).counts == {
        "gp": 1, "attend": 1, "confer": 1, "writ": 1, "practic": 1, "hoard": 1
    }
    rec.text = "Health visitors record fathers."
    rec.save()
    action.text = "Audit the records."
    action.save()
    other.delete()
    RecommendationFactory(plan__partnership=PartnershipFactory(), text="Schools record neglect.")
    assert TermDocuments.objects.get(partnership_id=partnership.pk, term="record").documents == 1
    assert not TermPosting.objects.filter(recommendation_id=other.pk).exists()
    kept = stored()
    assert term_index.rebuild() == 2
    assert stored() == kept


def term_queries(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries
            if "learning_term" in q["sql"] or "learning_recommendationterms" in q["sql"]]


def test_a_save_that_changes_no_words_reads_and_writes_no_terms():
    rec = RecommendationFactory(text="GPs attend conferences.")
    rec.status = "in_progress"
    with CaptureQueriesContext(connection) as queries:
        rec.save()
        Recommendation.objects.get(pk=rec.pk).save()
    assert term_queries(queries) == []


def terms_of(rec: Recommendation) -> dict[str, int]:
    return RecommendationTerms.objects.get(recommendation_id=rec.pk).counts


@pytest.fixture
def rebuilt(monkeypatch):
    """The recommendations whose terms are worked out again, in the order asked."""
    asked: list[set[int]] = []
    reindex = term_index.reindex
    monkeypatch.setattr(term_index, "reindex", lambda ids: (asked.append(set(ids)), reindex(ids)))
    return asked


def test_progress_and_status_changes_leave_the_terms_alone(action, alice, bob, charlie, rebuilt):
    on = date.today()
    with CaptureQueriesContext(connection) as queries:
        record_progress(action, bob, "Started: the escalation leaflet is drafted.", on=on)
        record_progress(action, bob, "Stuck.", on=on, change=StatusChange(S.NOT_ACHIEVED, "no money"))
        override_rag(action, charlie, "amber", "agreed at the board")
        change_actions([action], alice, reason="moved", revised_due=on + timedelta(days=30))
    assert rebuilt == [] and term_queries(queries) == []


def test_changed_words_store_the_terms_again_through_the_writers(action, alice, rebuilt):
    rec = action.recommendation
    edit_action(action, alice, text="Audit hoarding referrals.", measure="An audit")
    assert rebuilt == [{rec.pk}]
    assert {"audit", "hoard"} <= set(terms_of(rec))
    edit_action(action, alice, text="Audit hoarding referrals.", measure="Another measure")
    assert rebuilt == [{rec.pk}]  # the measure is not among the words the terms are made of
    rec.text = "Schools record neglect."
    save_recommendation(rec, alice)
    assert rebuilt[-1] == {rec.pk} and "neglect" in terms_of(rec)
    other = RecommendationFactory(plan=rec.plan, text="Police share information.")
    moved = Action.objects.get(pk=action.pk)
    moved.recommendation = other
    moved.save()
    assert rebuilt[-1] == {rec.pk, other.pk}  # the one it left loses the action's words
    assert "hoard" in terms_of(other)
    assert "hoard" not in terms_of(rec)
    kept = stored()
    term_index.rebuild()
    assert stored() == kept


def test_a_row_read_without_its_words_and_given_new_ones_is_stored_again(action, rebuilt):
    partial = Action.objects.only("pk", "status").get(pk=action.pk)
    partial.text = "Share chronologies."
    partial.save()
    assert rebuilt == [{action.recommendation_id}]
    assert "chronolog" in terms_of(action.recommendation)


def test_the_stored_index_ranks_as_weighing_every_recommendation_does():
    rng = random.Random(7)
    partnership = PartnershipFactory()
    plans = [PlanFactory(partnership=partnership) for _ in range(6)]
    for n in range(120):
        RecommendationFactory(plan=plans[n % 6], text=" ".join(rng.sample(WORDS, 6)))
    among = Recommendation.objects.filter(plan__partnership=partnership)
    vectors = weigh(documents_of(among))
    for rec in list(among)[:15]:
        brute = sorted(
            ((round(cosine(vectors[rec.pk], vectors[other.pk]), 3), other.pk)
             for other in among.exclude(plan=rec.plan_id)),
            reverse=True,
        )[:5]
        found = [(like.score, like.recommendation.pk) for like in similar_to(rec, among)]
        # The same scores in the same order (recommendations of equal score may change places).
        assert [score for score, _ in found] == [score for score, _ in brute]


def test_only_what_the_person_may_see_is_offered():
    partnership = PartnershipFactory()
    rec = RecommendationFactory(plan__partnership=partnership, text="GPs attend conferences.")
    hidden = RecommendationFactory(plan__partnership=partnership, text="GPs attend conferences often.")
    seen = RecommendationFactory(plan__partnership=partnership, text="GPs attend some conferences.")
    among = Recommendation.objects.filter(plan__partnership=partnership).exclude(pk=hidden.pk)
    assert [like.recommendation for like in similar_to(rec, among)] == [seen]
