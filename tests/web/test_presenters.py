"""How statuses, RAG ratings and due dates read on the pages."""

from datetime import date

import pytest

from actionplan.plans.models import Action
from actionplan.plans.rag import RagJudgement
from actionplan.web.presenters import due_text, rag_tag, status_tag


def test_a_due_date_reads_in_gov_uk_style_with_the_boards_wording_beside():
    # The same day written another way adds nothing; a wording that says more is kept beside.
    exact = Action(due_text="01/06/17", due_date=date(2017, 6, 1), due_precision="day")
    assert due_text(exact) == "1 June 2017"
    wordy = Action(due_text="By 01/06/17, after the audit", due_date=date(2017, 6, 1))
    assert due_text(wordy) == '1 June 2017 (the plan says "By 01/06/17, after the audit")'
    assert due_text(Action(due_text="", due_date=date(2017, 6, 1))) == "1 June 2017"
    assert due_text(Action(due_text="1 June 2017", due_date=date(2017, 6, 1))) == "1 June 2017"
    month = Action(due_text="April 2010", due_date=date(2010, 4, 30), due_precision="month")
    assert due_text(month) == '30 April 2010 (the plan says "April 2010")'
    month.revised_due_date = date(2010, 9, 30)
    assert due_text(month) == '30 April 2010 (the plan says "April 2010"), revised to 30 September 2010'
    assert due_text(Action(due_text="", due_kind="ongoing")) == "Ongoing"
    assert due_text(Action(due_text="Quarterly", due_kind="recurring")) == "Quarterly"


def test_tags_carry_words_not_only_colour():
    assert rag_tag(RagJudgement("amber", overridden=True, reason="x")) == {
        "text": "Amber (set by hand)", "classes": "govuk-tag--orange"}  # fmt: skip
    assert rag_tag(None)["text"] == "No rating"
    assert status_tag("slipped") == {"text": "Slipped", "classes": "govuk-tag--orange"}


@pytest.mark.django_db
def test_every_page_with_rag_colours_carries_their_key(client, dave, action):
    client.force_login(dave)
    plan = action.recommendation.plan
    for path in ["/", f"/plans/{plan.pk}/", "/actions/", f"/actions/{action.pk}/"]:
        page = client.get(path).content.decode()
        assert "What the RAG colours mean" in page, path
        assert "Implemented, and the evidence accepted" in page, path
