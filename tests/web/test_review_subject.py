"""The review's subject's pseudonym and author: given when a review is added or edited in the
app, or for a new review in an import in progress; shown on the review's page, with history."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from scenes import text_of
from test_import_reviews import COMPOSITE

from actionplan.plans.models import Review
from factories import ReviewFactory

pytestmark = pytest.mark.django_db


def test_the_pseudonym_and_author_are_edited_and_shown_with_their_history(signed_in, partnership):
    review = ReviewFactory(partnership=partnership, code="CT24", kind="cspr_local", title="Child T")
    form = text_of(signed_in.get(f"/reviews/{review.pk}/edit/"))
    assert "Subject&#39;s pseudonym" in form or "Subject's pseudonym" in form
    response = signed_in.post(f"/reviews/{review.pk}/edit/", {
        "code": "CT24", "kind": "cspr_local", "title": "Child T", "pseudonym": "Child T",
        "author": "Dr A. Reviewer", "why": "From the published report"})
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.pseudonym, review.author) == ("Child T", "Dr A. Reviewer")
    page = text_of(signed_in.get(f"/reviews/{review.pk}/"))
    assert "Dr A. Reviewer" in page and "Author" in page
    assert review.history.first().history_change_reason == "From the published report"


def test_a_new_review_of_an_import_is_given_its_pseudonym_and_author(signed_in):
    url = signed_in.post("/import/", {"files": [SimpleUploadedFile("composite.csv", COMPOSITE)]}).url
    signed_in.post(f"{url}review/", {"code": "CQ21", "link": "new"})
    page = text_of(signed_in.get(url))
    assert 'name="pseudonym"' in page and 'name="author"' in page
    signed_in.post(f"{url}review/", {"code": "CQ21", "link": "new", "kind": "scr", "title": "Child Q",
                                     "pseudonym": "Child Q", "author": "Ms B. Writer"})
    assert 'value="Ms B. Writer"' in text_of(signed_in.get(url))  # kept with the import, shown again
    assert not Review.objects.exists()
    signed_in.post(url, {"decision": "confirm"})
    child_q = Review.objects.get(code="CQ21")
    assert (child_q.title, child_q.pseudonym, child_q.author) == ("Child Q", "Child Q", "Ms B. Writer")
