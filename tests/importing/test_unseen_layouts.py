"""Plans in layouts the seeds do not use, as other boards lay them out (unseen_word.py,
unseen_tables.py): each read whole, and the rules they needed, each on two layouts."""

from __future__ import annotations

import io

import docx
import openpyxl
import pdfplumber
import pytest

from actionplan.importing import ImportFailure, PlanDraft, parse_bytes, read_columns
from actionplan.importing.due import parse_due
from actionplan.importing.metadata import read_plan

from . import unseen_tables, unseen_word
from .test_nothing_lost import haystack as seeds_haystack
from .test_nothing_lost import words

# The words of the documents' headers and labels ("Recommendation 1:", "Lead:"): a draft
# holds what they name, not them.
HEADER_WORDS = {
    "action", "actions", "agency", "agreed", "be", "by", "completed", "completion", "date",
    "deadline", "dhr", "do", "evidence", "id", "impact", "last", "lead", "learning", "no",
    "officer", "owner", "point", "progress", "rag", "recommendation", "ref", "responsible",
    "status", "taken", "target", "timescale", "update", "we", "what", "will"}

DOCUMENTS = {
    "adult-t.docx": unseen_word.headed_plan,
    "child-w.txt": unseen_word.headed_text,
    "child-r.docx": unseen_word.merged_rag_words,
    "adult-p.xlsx": unseen_tables.keyed_workbook,
    "dhr-export.csv": unseen_tables.semicolon_export,
    "dhr-jean.xlsx": unseen_tables.community_safety_plan,
    "mr-d.pdf": unseen_tables.landscape_pdf,
    "child-n.pdf": unseen_tables.narrow_columns_pdf,
}


@pytest.fixture(scope="module")
def drafts() -> dict[str, PlanDraft]:
    return {name: parse_bytes(write(), name) for name, write in DOCUMENTS.items()}


def actions(draft: PlanDraft) -> list[tuple[str | None, str, list[str], str | None]]:
    """(item ref, action text, owners, due date) of every action, in order."""
    return [(item.ref, action.text, action.owners, action.due.date if action.due else None)
            for item in draft.items for action in item.actions]


def test_a_word_plan_of_headings_and_labelled_lines_is_read_as_its_table(drafts):
    draft = drafts["adult-t.docx"]
    assert (draft.plan.board, draft.plan.reviews) == (
        "Northmoor Safeguarding Adults Board", ["Adult T"])
    assert [(i.ref, i.recommendation) for i in draft.items] == [
        ("1", "Make safeguarding personal in hospital discharge\nThe trust should ask the "
              "adult what outcome they want before a safeguarding concern is closed."),
        ("2", "Self-neglect and hoarding\nPartners should use one self-neglect pathway "
              "across the county."),
        ("3", "Fire safety\nThe fire service should be told of every adult who hoards.")]
    assert actions(draft) == [
        ("1", "Add the adult's wishes to the discharge checklist",
         ["Northmoor Hospitals NHS Trust"], "2027-03-31"),
        ("1", "Audit twenty closed concerns for the adult's voice", ["Adult Social Care"],
         "2027-06-30"),
        ("2", "Publish the multi-agency self-neglect pathway", ["Safeguarding Adults Board"],
         "2027-06-30"),
        ("3", "Agree a referral route for home fire safety visits",
         ["Fire and Rescue Service"], "2027-09-30")]
    assert [a.progress for i in draft.items for a in i.actions] == [
        "Checklist drafted; ward pilot begins in February.", None,
        "Consultation closed; 14 responses received.", "Not started"]
    assert draft.plan.notes[-1] == "Signed off by the chair of the board."  # kept, not a field
    assert draft.warnings == []


def test_a_text_plan_of_headings_and_labelled_lines_is_read_as_its_table(drafts):
    draft = drafts["child-w.txt"]
    first, second = draft.items
    assert first.recommendation == ("Neglect toolkit\nPractitioners should use the graded "
                                    "care profile when neglect is suspected.")
    assert [(a.text, a.owners, a.due.text, a.measure) for a in first.actions] == [
        ("Relaunch the graded care profile with briefings for each locality",
         ["Children's Services"], "31/01/2027", "Number of profiles completed each quarter"),
        ("Add the profile to the early help assessment", ["Early Help", "Health Visiting"],
         "Q4 2026/27", None)]
    assert first.actions[0].progress == ("Briefings booked in three localities.\n"
                                         "The fourth waits for a venue.")
    # Labels straight under a recommendation are its own: an action without words of its own.
    assert second.recommendation == ("School nursing\nSchool nurses should see children "
                                     "missing health appointments.")
    assert [(a.text, a.owners, a.due.kind) for a in second.actions] == [
        ("", ["School Nursing Service"], "ongoing")]
    assert draft.plan.notes[-1] == "Agreed at the partnership executive, November 2026."


def test_the_labels_are_columns_a_person_can_map():
    text = unseen_word.headed_text().replace(b"Lead:", b"Named contact:")
    columns = [(c.header, c.role) for c in read_columns(text, "child-w.txt")]
    assert ("Named contact", None) not in columns  # not a label until mapped
    mapped = parse_bytes(text, "child-w.txt", columns={"Named contact": "owner"})
    assert [a.owners for a in mapped.items[0].actions] == [
        ["Children's Services"], ["Early Help", "Health Visiting"]]
    assert ("Named contact", "owner") in [
        (c.header, c.role) for c in read_columns(text, "child-w.txt",
                                                 columns={"Named contact": "owner"})]


def test_prose_without_labels_is_still_refused_naming_the_file_and_line():
    text = b"Exampleshire SAB\n\nRecommendation 1: Share records.\nThe police will lead.\n"
    with pytest.raises(ImportFailure) as refused:
        parse_bytes(text, "prose.txt")
    assert str(refused.value) == "prose.txt: line 1: no recognisable header row"


def test_a_header_in_another_word_order_reads_as_its_synonym(drafts):
    # "Agency responsible" is "responsible agency", never a spelling of "agency response".
    assert [a.owners for i in drafts["dhr-jean.xlsx"].items for a in i.actions] == [
        ["Police"], ["Borough Council"], ["Adult Social Care"]]
    assert [a.progress for i in drafts["dhr-jean.xlsx"].items for a in i.actions] == [
        None, None, None]
    pdf = drafts["mr-d.pdf"]
    assert [a.owners for a in pdf.items[0].actions] == [["Adult Social Care"]]
    assert [i.ref for i in drafts["dhr-export.csv"].items] == ["DHR5-1", "DHR5-2", "DHR5-3"]


def test_lines_a_pdf_cell_wrapped_are_joined_and_the_writers_own_breaks_kept(drafts):
    landscape = drafts["mr-d.pdf"]
    assert [i.ref for i in landscape.items] == [f"L{n}" for n in range(1, 15)]
    assert landscape.items[0].outcome == (
        "Learning point 1: practitioners did not consider the impact of the adult's alcohol "
        "use on their capacity to make decisions about their care")
    assert [a.owners for a in landscape.items[3].actions] == [
        ["Police", "Integrated Care Board"]]  # on lines of their own: two owners
    assert {p for i in landscape.items for p in (i.page, *[a.page for a in i.actions])} == {1, 2}
    narrow = drafts["child-n.pdf"]
    assert actions(narrow) == [
        ("1", "Write a joint protocol with adult mental health services",
         ["Children's Social Care", "Adult Mental Health Services"], "2027-03-31"),  # joint
        ("2", "Change the strategy discussion invitation list", ["Police", "Health"],
         "2027-06-30")]


def test_a_recommendation_merged_over_its_rows_with_the_rag_in_words(drafts):
    draft = drafts["child-r.docx"]
    assert [(i.ref, len(i.actions)) for i in draft.items] == [("1", 3), ("2", 2)]
    assert [(a.owners, a.due.text, a.status.value if a.status else None, a.rag)
            for i in draft.items for a in i.actions] == [
        (["Children's Social Care"], "30/04/2027", "in_progress", "green"),
        (["Maternity Services"], "31/07/2027", "slipped", "amber"),
        (["Partnership Business Unit"], "31/10/2027", "not_started", None),
        (["Police"], "Sept 2027", "implemented", "blue"),
        (["Health Visiting"], "Ongoing", "slipped", "red")]
    # The words stay as written beside what they were read as.
    assert draft.items[0].actions[1].status.text == "At risk"


def test_a_key_above_two_header_rows_and_dates_as_cells_and_words(drafts):
    draft = drafts["adult-p.xlsx"]
    assert "Red Not started or off track" in draft.plan.notes  # the key: kept, no item
    assert [(a.owners, [r.role for r in a.owner_readings], a.due.date, a.rag)
            for i in draft.items for a in i.actions] == [
        (["Adult Social Care"], ["Head of Safeguarding"], "2027-03-31", "green"),
        (["Care Quality Team"], ["Quality Lead"], "2027-06-30", "amber"),
        (["Health"], ["Named Nurse"], "2027-09-30", "red")]


def test_a_semicolon_export_with_line_breaks_in_cells_and_two_agencies(drafts):
    draft = drafts["dhr-export.csv"]
    first = draft.items[0]
    assert first.recommendation == ("Agencies should recognise coercive control\n"
                                    "in older couples.")
    assert [(a.text, a.owners, a.progress) for a in first.actions] == [
        ("Add coercive control to the older people's training;", ["Police", "Health"],
         "Training module drafted."),
        ("Review the DASH checklist for older victims", ["Police", "Health"],
         "Checklist review booked for May.")]
    done = draft.items[2].actions[0]
    assert (done.owners, done.due.kind, done.status.value) == (
        ["Housing", "Police"], "done", "implemented")


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_word_written_is_in_the_draft(drafts, name):
    """The document's own text less its headers and labels: nothing dropped."""
    written = words(source_text(name, DOCUMENTS[name]()))
    kept = set(words(haystack(drafts[name])).split())
    assert sorted(set(written.split()) - kept - HEADER_WORDS) == []


def haystack(draft: PlanDraft) -> str:
    """Everything a draft holds, with what the seeds' check leaves out: statuses, posts and
    the cells naming several owners."""
    extra = [text for item in draft.items for action in item.actions for text in (
        action.status.text if action.status else "",
        *(reading.role or "" for reading in action.owner_readings),
        *(reading.joint or "" for reading in action.owner_readings))]
    return seeds_haystack(draft) + " " + " ".join(extra)


def source_text(name: str, data: bytes) -> str:
    """The text of a document as its own library reads it, not as the importer does."""
    if name.endswith(".docx"):
        document = docx.Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return " ".join([p.text for p in document.paragraphs] + cells)
    if name.endswith(".xlsx"):
        sheet = openpyxl.load_workbook(io.BytesIO(data)).active
        return " ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row
                        if isinstance(v, str))
    if name.endswith(".pdf"):
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return " ".join(page.extract_text() for page in pdf.pages)
    return data.decode("utf-8")


def test_a_season_is_due_by_the_end_of_its_three_months(drafts):
    summer = drafts["dhr-jean.xlsx"].items[0].actions[1].due
    assert (summer.text, summer.date, summer.precision) == ("Summer 2027", "2027-08-31",
                                                            "quarter")
    assert parse_due("autumn, 2026").date == "2026-11-30"
    assert parse_due("Summer term 2026").date == "2026-07-31"  # a school term: its holiday
    assert parse_due("Winter 2027").precision == "year"  # which winter is not said


def test_social_care_education_and_early_help_name_agencies(drafts):
    readings = [(r.text, r.agency) for name in ("child-r.docx", "dhr-jean.xlsx", "child-w.txt")
                for i in drafts[name].items for a in i.actions for r in a.owner_readings]
    for named in ("Children's Social Care", "Maternity Services", "Adult Social Care",
                  "Early Help"):
        assert (named, named) in readings


def test_a_review_named_without_quotes_after_its_kind(drafts):
    assert drafts["mr-d.pdf"].plan.reviews == ["Mr D"]
    assert drafts["dhr-jean.xlsx"].plan.reviews == ["Jean"]
    for title in ("SCR - SILP", "Serious Case Review: Overview", "DHR - Action Plan"):
        assert read_plan([title], [], "plan").reviews == []  # a method or a word, no one


def test_each_action_of_a_prose_plan_is_placed_at_its_own_line(drafts):
    # The recommendation at its heading; each action at its own text, or at its first
    # label when it has none: the lines a warning or the preview names.
    text = drafts["child-w.txt"]
    assert [(i.ref, i.line, [a.line for a in i.actions]) for i in text.items] == [
        ("1", 4, [6, 12]), ("2", 16, [18])]
    word = drafts["adult-t.docx"]
    assert [(i.line, [a.line for a in i.actions]) for i in word.items] == [
        (4, [6, 10]), (13, [15]), (19, [21])]
    unread = unseen_word.headed_text().replace(b"By when: 31/01/2027", b"By when: soonish")
    warning, joint = parse_bytes(unread, "child-w.txt").warnings
    assert (joint.line, "'Early Help / Health Visiting'" in joint.message) == (12, True)
    assert (warning.line, warning.message) == (6, "due date not understood: 'soonish'")
