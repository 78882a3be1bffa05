"""Plans, reviews and composite plans: what each page shows, and a composite that links, not copies."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone
from scenes import action_ids, text_of

from actionplan.plans.composite import compose
from actionplan.plans.models import Action, Partnership, Plan, Recommendation, Review, User

pytestmark = pytest.mark.django_db


def signed_in(client: Client, username: str) -> Client:
    client.force_login(User.objects.get(username=username))
    return client


def two_reviews(partnership: Partnership) -> list[Review]:
    return list(Review.objects.filter(partnership=partnership, recommendations__actions__isnull=False)
                .distinct().order_by("code")[:2])


def test_choosing_two_reviews_shows_their_lines_by_theme(client, demo):
    reviews = two_reviews(demo.partnership)
    groups = compose(demo.partnership, reviews, open_only=True, as_at=timezone.localdate())
    chosen = "&".join(f"review={r.pk}" for r in reviews)
    response = signed_in(client, "dave").get(f"/composite/?{chosen}&open=on")
    assert response.status_code == 200
    page = text_of(response)
    assert len(groups) > 1
    for group in groups:
        assert group.theme in page
    lines = [line for group in groups for line in group.lines]
    assert action_ids(response) == [line.action.pk for line in lines]
    assert {review.code for line in lines for review in line.reviews} == {r.code for r in reviews}
    assert all(review.code in page for review in reviews)
    assert "Save as a composite plan" not in page  # only an admin keeps it


def test_an_admin_saves_a_composite_that_links_to_the_actions(client, demo):
    reviews = two_reviews(demo.partnership)
    groups = compose(demo.partnership, reviews, open_only=True, as_at=timezone.localdate())
    actions_before = Action.objects.count()
    response = signed_in(client, "alice").post("/composite/", {
        "review": [r.pk for r in reviews], "open": "on", "title": "Composite for the board"})
    plan = Plan.objects.get(title="Composite for the board")
    assert response.status_code == 302 and response.url == f"/plans/{plan.pk}/"
    assert plan.kind == Plan.Kind.COMPOSITE_ACTION_PLAN
    assert Action.objects.count() == actions_before  # nothing copied
    linked = [a.pk for rec in plan.recommendations.order_by("order") for a in rec.linked_actions.all()]
    assert linked == [line.action.pk for group in groups for line in group.lines]
    assert not Action.objects.filter(recommendation__plan=plan).exists()
    assert set(action_ids(client.get(response.url))) == set(linked)


def test_a_scrutineer_cannot_save_a_composite(client, demo):
    reviews = two_reviews(demo.partnership)
    plans = Plan.objects.count()
    response = signed_in(client, "charlie").post("/composite/", {"review": [r.pk for r in reviews]})
    assert response.status_code == 403
    assert Plan.objects.count() == plans


def test_a_review_page_shows_its_recommendations_across_plans(client, demo):
    review = Review.objects.filter(partnership=demo.partnership, code="Child R").get()
    client = signed_in(client, "alice")
    client.post("/composite/", {"review": [review.pk], "title": "Composite of Child R"})
    recommendations = Recommendation.objects.filter(reviews=review)
    assert recommendations.values("plan").distinct().count() > 1

    page = text_of(client.get(f"/reviews/{review.pk}/"))
    for rec in recommendations:
        assert rec.text in page and rec.plan.title in page
    assert "Composite of Child R" in page

    listing = client.get("/reviews/")
    row = listing.content.decode().split(f'href="/reviews/{review.pk}/"')[1].split("</tr>")[0]
    assert f">{recommendations.count()}</td>" in row


def test_a_plan_page_lays_out_sections_recommendations_and_actions(client, demo):
    plan = Plan.objects.filter(partnership=demo.partnership, kind=Plan.Kind.REVIEW_ACTION_PLAN).first()
    response = signed_in(client, "bob").get(f"/plans/{plan.pk}/")
    page = text_of(response)
    assert plan.title in page
    for section in plan.sections.all():
        assert section.name in page
    for rec in plan.recommendations.all():
        assert rec.text in page
    own = Action.objects.filter(recommendation__plan=plan).values_list("pk", flat=True)
    assert set(action_ids(response)) == set(own)
    html = response.content.decode()
    assert plan.reviews.exists()
    for review in plan.reviews.all():  # the reviews it answers lead to their pages
        assert f'<a class="govuk-link" href="/reviews/{review.pk}/">{review.code}</a>' in html


def test_an_empty_composite_is_not_saved(client, demo):
    plans = Plan.objects.count()
    response = signed_in(client, "alice").post("/composite/", {"title": "Nothing"}, follow=True)
    assert "Choose one or more reviews with actions to bring together" in text_of(response)
    assert Plan.objects.count() == plans
