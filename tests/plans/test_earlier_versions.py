"""Which stored plan a document being imported is likely a later version of (ADR 0086)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actionplan.plans.earlier_versions import likely_earlier_versions, normalised_title
from actionplan.plans.models import Review
from factories import PartnershipFactory, PlanFactory


@pytest.mark.parametrize("title", [
    "Child T action plan",
    "CHILD T – Action-Plan",
    "Child T action plan v3",
    "Child T action plan (updated March 2026)",
    "Child T Action Plan - v2.1 [final]",
    "Child T action plan as at 31/03/2026",
    "Child T action plan Q1 2026/27",
])
def test_it_reads_a_title_without_its_case_punctuation_version_or_date(title):
    assert normalised_title(title) == "child t action plan"


def test_it_keeps_the_words_that_say_which_plan():
    assert normalised_title("Child T action plan") != normalised_title("Child V action plan")
    assert normalised_title("Neglect strategy 2026 workplan") == "neglect strategy 2026 workplan"
    assert normalised_title("v3 (March 2026)") == ""


def draft(title: str, reviews: list[str], kind: str = "review_action_plan", sha256: str = "new",
          ) -> dict[str, Any]:
    return {"source": {"sha256": sha256}, "plan": {"title": title, "reviews": reviews, "kind": kind}}


def stored(partnership, title: str, *codes: str, kind: str = "review_action_plan", **extra):
    plan = PlanFactory(partnership=partnership, title=title, kind=kind, **extra)
    plan.reviews.set([Review.objects.get_or_create(partnership=partnership, code=code)[0] for code in codes])
    return plan


def likely(partnership, plan: dict[str, Any]) -> list[str]:
    return [v.plan.title for v in likely_earlier_versions(partnership, plan)]


@pytest.mark.django_db
def test_the_same_title_once_normalised_or_the_same_reviews_and_kind():
    board = PartnershipFactory()
    stored(board, "Child T action plan", "Child T")
    stored(board, "Learning from Child T", "CS-12")
    stored(board, "Neglect workplan", "CS-12", kind="workplan")
    stored(board, "Child V action plan", "Child V")
    assert likely(board, draft("CHILD T Action Plan (v2)", ["child t"])) == ["Child T action plan"]
    assert likely(board, draft("Partnership response", ["cs-12"])) == ["Learning from Child T"]
    assert likely(board, draft("Something else", ["Child W"])) == []


@pytest.mark.django_db
def test_a_shared_title_of_two_reviews_plans_is_not_a_match():
    board = PartnershipFactory()
    stored(board, "Action plan", "Adult A")
    assert likely(board, draft("Action Plan v2", ["Adult B"])) == []
    assert likely(board, draft("Action Plan v2", [])) == ["Action plan"]  # naming no review: it may be


@pytest.mark.django_db
def test_a_closed_plan_counts_the_same_document_does_not_and_another_board_never():
    board, other = PartnershipFactory(), PartnershipFactory()
    stored(board, "Child T action plan", closed_on=date(2026, 3, 1), source_sha256="aaa")
    stored(other, "Child T action plan", "Child T")
    found = likely_earlier_versions(board, draft("Child T action plan v2", ["Child T"]))
    assert [(v.plan.title, v.closed_on) for v in found] == [("Child T action plan", date(2026, 3, 1))]
    assert likely(board, draft("Child T action plan", [], sha256="aaa")) == []


@pytest.mark.django_db
def test_several_are_listed_newest_first():
    board = PartnershipFactory()
    stored(board, "Child T action plan (March 2025)")
    stored(board, "Child T action plan (March 2026)")
    assert likely(board, draft("Child T action plan", [])) == [
        "Child T action plan (March 2026)", "Child T action plan (March 2025)"]


@pytest.mark.django_db
def test_the_dates_of_many_earlier_plans_are_read_in_as_many_queries_as_of_one():
    partnership = PartnershipFactory()
    stored(partnership, "Child T action plan", "Child T")
    with CaptureQueriesContext(connection) as one:
        assert len(likely_earlier_versions(partnership, draft("Child T action plan", ["Child T"]))) == 1
    for version in range(2, 6):
        stored(partnership, f"Child T action plan v{version}", "Child T")
    with CaptureQueriesContext(connection) as five:
        assert len(likely_earlier_versions(partnership, draft("Child T action plan", ["Child T"]))) == 5
    assert len(five) == len(one)
