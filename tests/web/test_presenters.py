"""How statuses, RAG ratings and due dates read on the pages."""

from datetime import date

from actionplan.plans.models import Action
from actionplan.plans.rag import RagJudgement
from actionplan.web.presenters import due_text, rag_tag, status_tag


def test_a_due_date_keeps_the_boards_wording():
    assert due_text(Action(due_text="01/06/17", due_date=date(2017, 6, 1), due_precision="day")) == "01/06/17"
    month = Action(due_text="April 2010", due_date=date(2010, 4, 30), due_precision="month")
    assert due_text(month) == "April 2010 (30 Apr 2010)"
    month.revised_due_date = date(2010, 9, 30)
    assert due_text(month) == "April 2010 (30 Apr 2010) revised to 30 Sep 2010"
    assert due_text(Action(due_text="", due_kind="ongoing")) == "Ongoing"


def test_tags_carry_words_not_only_colour():
    assert rag_tag(RagJudgement("amber", overridden=True, reason="x")) == {
        "text": "Amber (set by hand)", "classes": "govuk-tag--orange"}  # fmt: skip
    assert rag_tag(None)["text"] == "No rating"
    assert status_tag("slipped") == {"text": "Slipped", "classes": "govuk-tag--orange"}
