"""The board's decision on each recommendation in the import preview: shown, corrected on its
row, and stored on confirming (ADR 85)."""

from __future__ import annotations

import pytest
from import_uploads import upload
from scenes import text_of

from actionplan.plans.models import Recommendation
from importing.decided_plans import tracker_with_decision_column

pytestmark = pytest.mark.django_db


def test_the_decision_is_shown_corrected_and_stored(signed_in):
    url = upload(signed_in, "child-l.xlsx", tracker_with_decision_column())
    page = text_of(signed_in.get(url))
    row = page.split('id="row-0-2"')[1].split("</tr>")[0]
    assert "Board's decision:</strong> Accepted in part: virtual attendance only" in row
    assert "Board's decision" not in page.split('id="row-0-3"')[1].split("</tr>")[0]

    form = text_of(signed_in.get(f"{url}rows/0/3/"))
    assert "Board&#39;s decision" in form or "Board's decision" in form
    refused = signed_in.post(f"{url}rows/0/3/", {"0:3:-:decision": "Maybe later",
                                                 "0:3:-:ref": "4a"}, follow=True)
    assert "is not a decision" in text_of(refused)
    row = text_of(signed_in.get(url)).split('id="row-0-3"')[1].split("</tr>")[0]
    assert "4a" in row and "Board's decision" not in row  # the rest saved, no decision guessed
    signed_in.post(f"{url}rows/0/3/", {"0:3:-:ref": "4"})
    signed_in.post(f"{url}rows/0/3/", {"0:3:-:decision": "Not accepted - housing is on the MASH"})
    row = text_of(signed_in.get(url)).split('id="row-0-3"')[1].split("</tr>")[0]
    assert "Not accepted: housing is on the MASH" in row

    signed_in.post(url, {"decision": "confirm"})
    stored = Recommendation.objects.get(ref="4")
    assert (stored.decision, stored.decision_reason) == (
        Recommendation.Decision.NOT_ACCEPTED, "housing is on the MASH")
    assert Recommendation.objects.get(ref="3").decision == Recommendation.Decision.ACCEPTED_IN_PART
