"""A plan whose document names no review is linked to one in the import preview: one of the
partnership's reviews, or a new one made there with its facts."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from scenes import text_of

from actionplan.plans.models import Plan, Recommendation, Review
from factories import ReviewFactory

pytestmark = pytest.mark.django_db

NO_REVIEW = (b"Action plan agreed in March\nRecommendation,Action,Lead agency,Target date\n"
             b"1. Share concerns early,Train staff,Riverton Police,31/03/2027\n"
             b"2. Use the escalation policy,Publish the policy,Riverton Police,30/06/2027\n")


@pytest.fixture
def started(client, alice, police):
    client.force_login(alice)
    response = client.post("/import/", {"files": [SimpleUploadedFile("march.csv", NO_REVIEW)]})
    return client, response.url


def reviews_of_everything() -> set[tuple[str, ...]]:
    plan = Plan.objects.get()
    return {tuple(plan.reviews.values_list("code", flat=True)),
            *(tuple(r.reviews.values_list("code", flat=True)) for r in Recommendation.objects.all())}


def test_a_plan_naming_no_review_asks_for_one(started):
    client, url = started
    page = text_of(client.get(url))
    assert "1 review action plan naming no review: link each to one" in page
    assert "The document names no review. Choose the review this plan answers" in page


def test_it_is_linked_to_a_review_of_the_partnership(started, partnership):
    client, url = started
    child_t = ReviewFactory(partnership=partnership, code="Child T")
    assert client.post(f"{url}plans/0/review/", {"review": str(child_t.pk)}).status_code == 302
    page = text_of(client.get(url))
    assert "naming no review" not in page and f'<option value="{child_t.pk}" selected>' in page
    client.post(url, {"decision": "confirm"})
    assert reviews_of_everything() == {("Child T",)}
    assert Review.objects.count() == 1


def test_a_new_review_is_made_there_with_its_facts(started):
    client, url = started
    client.post(f"{url}plans/0/review/", {"review": "new", "code": " Adult  K "})
    page = text_of(client.get(url))
    assert "New review Adult K" in page  # its kind, title and dates can be given before confirming
    client.post(f"{url}review/", {"code": "Adult K", "link": "new", "kind": "sar", "title": "Adult K"})
    client.post(url, {"decision": "confirm"})
    assert reviews_of_everything() == {("Adult K",)}
    assert Review.objects.get().kind == "sar"


def test_a_new_review_needs_its_code_and_another_partnerships_review_is_not_found(started, eve):
    client, url = started
    page = text_of(client.post(f"{url}plans/0/review/", {"review": "new", "code": ""}, follow=True))
    assert "Enter the new review's code" in page
    theirs = ReviewFactory(partnership=eve.partnership, code="Elsewhere 1")
    assert client.post(f"{url}plans/0/review/", {"review": str(theirs.pk)}).status_code == 404
    assert client.post(f"{url}plans/3/review/", {"review": "new", "code": "X"}).status_code == 404
