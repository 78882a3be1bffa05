"""Any rows of text give a draft or a named ImportFailure, never another exception.

parse_bytes turns any library's exception into a failure ("could not be read"), which
would hide a fault of the importer's own rules; so the rules are given rows directly here,
as every reader hands them on: rows of cells made of the words plans are made of."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan.importing import ImportFailure, PlanDraft
from actionplan.importing.draft import Source
from actionplan.importing.readers import SourceRow
from actionplan.importing.reading import draft_of

WORDS = [
    "Ref", "Recommendation", "Action", "Owner", "Lead agency", "Target date", "Status",
    "RAG", "Theme", "Progress update (March)", "Measure of success", "Outcome", "Action ref",
    "Status (1 Achieved, 2 On track)", "Date of completion and outcome", "Scope", "Comments",
    "R1", "1a", "A1.1", "1.2", "2", "Recommendation 1: Share information.", "Total", "Note:",
    "Completed 12/03/2024", "On track", "3", "Q2 2024/25", "Summer term 2025", "Ongoing",
    "by the next board meeting", "June 2025", "01/06/17", "Head of Safeguarding, Eastshire CCG",
    "NSCB Manager", "\u201c \u201c", "CSP Chair/Named Nurse", "Red", "Amber", "1 (continued)",
    "<p>Train staff</p><ul><li>one</li><li>two</li></ul>", "<u>Function 1</u>", "•", "",
    "a) review the policy", "Eastshire Community Safety Partnership", "Action Plan", "-----",
    "of the", "Domestic", "abuse team", "ID", "Owner role", "Latest progress",
]
HEADERS = ["Ref", "Recommendation", "Action", "Owner", "Target date", "Status", "RAG",
           "Theme", "Progress", "Outcome", "Action ref", "Date completed", "Lead agency",
           "Lead officer", "Role"]
CELLS = st.one_of(st.sampled_from(WORDS), st.text(max_size=20))
ROW = st.builds(SourceRow, st.lists(CELLS, min_size=1, max_size=7).map(tuple),
                st.integers(1, 500), st.none() | st.integers(1, 9), st.booleans(),
                st.booleans())
HEADER = st.lists(st.sampled_from(HEADERS), min_size=2, max_size=7, unique=True).map(
    lambda cells: SourceRow(tuple(cells)))
# Rows of anything, and rows under a header, so that most examples reach the item rules.
ROWS = st.one_of(st.lists(ROW, max_size=25),
                 st.tuples(HEADER, st.lists(ROW, max_size=25)).map(
                     lambda found: [found[0], *found[1]]))


@settings(max_examples=300, deadline=None)
@given(rows=ROWS, overrides=st.sampled_from([None, {"Comments": "action"}, {"": "notes"}]))
def test_any_rows_give_a_draft_or_a_named_failure(rows, overrides):
    source = Source("plan.txt", "text", "0" * 64)
    try:
        draft = draft_of(rows, source, overrides)
    except ImportFailure as failure:
        assert str(failure).startswith("plan.txt: ")
        assert "\n" not in str(failure)
        return
    assert draft.items or draft.sections
    assert PlanDraft.from_dict(draft.to_dict()) == draft
