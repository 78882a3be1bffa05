"""A composite plan's case references: linked to the partnership's reviews, or made new reviews
only when the person importing says so, with the new reviews' facts."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from scenes import text_of

from actionplan.plans.models import Recommendation, Review
from factories import ReviewFactory

pytestmark = pytest.mark.django_db

COMPOSITE = (b"Riverton composite action plan\nRef,SCR Ref,Action,Lead agency,Target date,Progress\n"
             b"1,CQ21,Train staff,Riverton Police,31/03/2027,Started\n"
             b"2,D,Audit files,Riverton Police,31/03/2027,\n"
             b'3,"D, E",Share minutes,Riverton Police,31/03/2027,\n')


@pytest.fixture
def started(client, alice, police, partnership):
    client.force_login(alice)
    ReviewFactory(partnership=partnership, code="CQ21", title="Child Q")
    response = client.post("/import/", {"files": [SimpleUploadedFile("composite.csv", COMPOSITE)]})
    return client, response.url


def test_unknown_case_references_make_no_review_unless_asked(started):
    client, url = started
    page = text_of(client.get(url))
    assert "2 case references to link to a review" in page
    assert "Linked to CQ21" in page
    assert 'aria-label="Save the review of CQ21"' in page  # each row's Save says what it saves
    client.post(url, {"decision": "confirm"})
    assert set(Review.objects.values_list("code", flat=True)) == {"CQ21"}
    audit = Recommendation.objects.get(ref="2")
    assert {"column": "Review refs not linked", "text": "D"} in audit.notes
    assert list(Recommendation.objects.get(ref="1").reviews.values_list("code", flat=True)) == ["CQ21"]


def test_references_are_linked_or_made_new_reviews_with_their_facts(started, partnership):
    client, url = started
    child_d = ReviewFactory(partnership=partnership, code="Child D", title="Child D")
    client.post(f"{url}review/", {"code": "D", "link": str(child_d.pk)})
    client.post(f"{url}review/", {"code": "E", "link": "new"})
    page = text_of(client.get(url))
    assert "case references to link" not in page and "New review E" in page
    response = client.post(f"{url}review/", {"code": "E", "link": "new", "kind": "sar", "title": "Mr E",
                                             "commissioned": "31/02/2024"}, follow=True)
    assert "Enter the date commissioned as day/month/year" in text_of(response)
    client.post(f"{url}review/", {"code": "E", "link": "new", "kind": "sar", "title": "Mr E",
                                  "commissioned": "01/02/2024", "published": "30/09/2025"})
    assert Review.objects.count() == 2  # nothing stored before confirm
    client.post(url, {"decision": "confirm"})

    mr_e = Review.objects.get(code="E")
    assert (mr_e.kind, mr_e.title, mr_e.started_on, mr_e.published_on) == (
        "sar", "Mr E", date(2024, 2, 1), date(2025, 9, 30))
    assert set(Recommendation.objects.get(ref="3").reviews.values_list("code", flat=True)) == {"Child D", "E"}
    assert not Review.objects.filter(code="D").exists()


def test_a_review_of_another_partnership_cannot_be_linked(started, eve):
    client, url = started
    theirs = ReviewFactory(partnership=eve.partnership, code="MZ22")
    response = client.post(f"{url}review/", {"code": "D", "link": str(theirs.pk)}, follow=True)
    assert "Choose a review, a new review or none" in text_of(response)
    client.post(url, {"decision": "confirm"})
    assert not Recommendation.objects.filter(reviews=theirs).exists()
