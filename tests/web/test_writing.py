"""A partnership admin writes a plan in the app: review, plan, recommendations, actions; then
edits, reassigns, revises a due date and closes the plan. Every change is in the history, in names."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.http import HttpResponse
from django.test import Client
from scenes import text_of

from actionplan.plans.models import Action, Plan, Recommendation, Review
from actionplan.plans.recommendation_evidence import (
    decide_recommendation_evidence,
    submit_recommendation_evidence,
)
from factories import RecommendationFactory, UserFactory

pytestmark = pytest.mark.django_db


def post(client: Client, path: str, **data: Any) -> HttpResponse:
    return client.post(path, data)


def test_it_writes_a_plan_from_nothing(client, alice, police, health):
    client.force_login(alice)
    assert client.get("/reviews/new/").status_code == 200
    response = post(client, "/reviews/new/", code="Child T", kind="cspr_local", title="Child T",
                    reported_on="31/3/2026")
    review = Review.objects.get(code="Child T")
    assert response.status_code == 302 and review.partnership == alice.partnership
    response = post(client, "/plans/new/", title="Child T action plan", kind="review_action_plan",
                    reviews=[review.pk])
    plan = Plan.objects.get(title="Child T action plan")
    assert list(plan.reviews.all()) == [review]
    post(client, f"/plans/{plan.pk}/recommendations/new/", ref="1", text="Share information early.",
         decision="accepted")
    post(client, f"/plans/{plan.pk}/recommendations/new/", ref="2", text="Audit the front door.",
         decision="accepted_in_part", decision_reason="Only the children's front door")
    first, second = Recommendation.objects.filter(plan=plan).order_by("order")
    assert (second.decision, second.decision_reason) == ("accepted_in_part", "Only the children's front door")
    assert list(first.reviews.all()) == [review]
    post(client, f"/recommendations/{first.pk}/actions/new/", text="Brief every sergeant",
         owner=police.pk, owner_role="DCI", due_date="31/3/2027")
    action = Action.objects.get(text="Brief every sergeant")
    assert (action.owner, action.due_date.isoformat()) == (police, "2027-03-31")

    response = post(client, f"/actions/{action.pk}/reassign/", owner=health.pk, owner_role="Named Nurse",
                    owner_person=alice.pk, reason="Health lead the briefings", version=action.version)
    assert response.status_code == 302
    action.refresh_from_db()
    post(client, f"/actions/{action.pk}/due/", revised_due="30/6/2027", reason="Training slipped",
         version=action.version)
    action.refresh_from_db()
    assert (action.due_date.isoformat(), action.revised_due_date.isoformat()) == ("2027-03-31", "2027-06-30")
    page = text_of(client.get(f"/actions/{action.pk}/"))
    assert "Owner: Riverton Police → Riverton NHS Trust" in page
    assert "Health lead the briefings" in page and "Training slipped" in page
    assert "revised to 30 June 2027" in page

    response = post(client, f"/recommendations/{second.pk}/progress/", text="Audit half done",
                    status="in_progress", rag="")
    second.refresh_from_db()
    assert (second.status, second.progress, second.rag) == ("in_progress", "Audit half done", "green")

    post(client, f"/plans/{plan.pk}/close/", reason="All actions assured")
    plan.refresh_from_db()
    assert plan.is_closed and plan.closed_reason == "All actions assured"


def test_refusals_are_shown_in_the_form_and_store_nothing(client, alice, action):
    client.force_login(alice)
    response = post(client, f"/actions/{action.pk}/due/", revised_due="30/6/2027", reason="",
                    version=action.version)
    assert response.status_code == 400
    assert "There is a problem" in text_of(response)
    assert "Say why the due date is revised" in text_of(response)
    response = post(client, f"/actions/{action.pk}/due/", revised_due="not a date", reason="x",
                    version=action.version)
    assert "Enter the revised due date as day/month/year" in text_of(response)
    response = post(client, f"/actions/{action.pk}/due/", revised_due="30/6/2026", reason="Same date",
                    version=action.version)
    assert "The revised due date is the date already in force" in text_of(response)
    assert Action.objects.get(pk=action.pk).revised_due_date is None
    rec = action.recommendation
    response = post(client, f"/recommendations/{rec.pk}/edit/", ref=rec.ref, text=rec.text,
                    decision="not_accepted")
    assert "Say why the recommendation was not accepted in full" in text_of(response)
    assert Recommendation.objects.get(pk=rec.pk).decision == "accepted"
    response = post(client, f"/recommendations/{rec.pk}/progress/", text="x", status="in_progress")
    assert "tracked through its actions" in text_of(response)


def test_edits_say_why_in_the_history_and_a_review_code_stays_unique(client, alice, partnership):
    from actionplan.plans.changes import changes_of
    from factories import ReviewFactory

    first = ReviewFactory(partnership=partnership, code="CQ21")
    second = ReviewFactory(partnership=partnership)
    client.force_login(alice)
    response = post(client, f"/reviews/{second.pk}/edit/", code="cq21", kind="scr")
    assert "There is already a review called cq21" in text_of(response)
    post(client, f"/reviews/{first.pk}/edit/", code="CQ21", kind="scr", title="Child Q",
         why="The published title")
    newest = changes_of(Review.objects.get(pk=first.pk))[0]
    assert newest.why == "The published title"
    assert [(f.field, f.new) for f in newest.fields] == [("Title", "Child Q")]
    assert "The published title" in text_of(client.get(f"/reviews/{first.pk}/edit/"))


def test_the_named_person_is_chosen_by_name_among_the_partnerships_active_people(client, alice, action):
    UserFactory(username="nina", first_name="Nina", last_name="Nurse", partnership=alice.partnership)
    UserFactory(username="sam", partnership=alice.partnership)
    UserFactory(username="gone", first_name="Gone", last_name="Away", partnership=alice.partnership,
                is_active=False)
    UserFactory(username="elsewhere", first_name="Else", last_name="Where")
    client.force_login(alice)
    page = client.get(f"/actions/{action.pk}/reassign/").content.decode()
    named = re.search(r'<select[^>]*name="owner_person".*?</select>', page, re.S)
    assert named is not None
    options = re.findall(r"<option[^>]*>([^<]*)</option>", named.group(0))
    assert sorted(options) == ["Nina Nurse", "Nobody named", "alice", "sam"]


def test_an_assured_recommendation_says_so_and_loses_its_assurance_when_not_achieved(client, alice, charlie,
                                                                                    partnership):
    rec = RecommendationFactory(plan__partnership=partnership, ref="3.", text="Audit the front door.")
    evidence = submit_recommendation_evidence(rec, alice, "Audit", link="https://intranet.example/a.pdf")
    decide_recommendation_evidence(evidence, charlie, accept=True)
    client.force_login(alice)
    told = "This recommendation is assured: marked not achieved or superseded, or reopened, it is no longer"
    assert told in text_of(client.get(f"/recommendations/{rec.pk}/progress/"))
    response = post(client, f"/recommendations/{rec.pk}/progress/", text="Dropped", status="not_achieved",
                    rag="", reason="No funding")
    assert response.status_code == 302
    rec.refresh_from_db()
    assert (rec.status, rec.assurance) == ("not_achieved", "none")
    assert told not in text_of(client.get(f"/recommendations/{rec.pk}/progress/"))
