"""Word and PDF plans in layouts nobody showed the importer (unseen_papers.py), each read
whole as its business manager would check it, and the rules they needed, each again in
another layout (unseen_papers_again.py)."""

from __future__ import annotations

import pytest

from actionplan.importing import PlanDraft, parse_bytes
from actionplan.importing.owners import read_owner

from . import unseen_papers, unseen_papers_again
from .test_nothing_lost import words
from .test_unseen_layouts import HEADER_WORDS, haystack, source_text
from .test_unseen_layouts import actions as action_rows

DOCUMENTS = {
    "ruth.docx": unseen_papers.smart_table,
    "child-j.docx": unseen_papers.action_forms_under_headings,
    "linda.docx": unseen_papers.cover_contents_and_tracked_changes,
    "mr-b.docx": unseen_papers.nested_action_tables,
    "child-e.pdf": unseen_papers.split_rows_pdf,
    "child-m.pdf": unseen_papers.narrow_wrapped_pdf,
    "joan.docx": unseen_papers_again.headings_over_tables,
    "baby-l.docx": unseen_papers_again.tracked_prose,
    "smart.csv": unseen_papers_again.lettered_smart_csv,
    "child-p.docx": unseen_papers_again.inner_tables_two_ways,
    "adult-v.pdf": unseen_papers_again.header_once_pdf,
    "child-q.pdf": unseen_papers_again.control_box_beside_pdf,
    "adult-z.pdf": unseen_papers_again.shaded_rag_pdf,
    "child-h.docx": unseen_papers.lead_and_timescale,
    "who-when.csv": unseen_papers_again.who_and_when_csv,
}
# Headings of these documents beyond the unseen layouts' (HEADER_WORDS): the columns they
# name, not words of the plan.
MORE_HEADER_WORDS = {
    "ruth.docx": {"specific", "measurable", "achievable", "relevant", "time", "bound"},
    "smart.csv": {"s", "specific", "m", "measurable", "a", "achievable", "r", "relevant", "t",
                  "timebound"},
    "child-p.docx": {"delivery", "what", "who", "when"},
    "mr-b.docx": {"by"},
    "adult-v.pdf": {"when"},
    "child-j.docx": {"when"},
    "child-e.pdf": {"due"},
    "joan.docx": {"due"},
    "adult-z.pdf": {"brag", "due"},
    "child-q.pdf": {"rating"},
    "child-h.docx": {"timescale"},
    "who-when.csv": {"who", "and", "when"},
}


@pytest.fixture(scope="module")
def drafts() -> dict[str, PlanDraft]:
    return {name: parse_bytes(write(), name) for name, write in DOCUMENTS.items()}


def messages(draft: PlanDraft) -> list[str]:
    return [warning.message for warning in draft.warnings]


def test_a_smart_table_reads_its_letters_as_action_measure_and_date(drafts):
    draft = drafts["ruth.docx"]
    assert (draft.plan.board, draft.plan.reviews) == ("Greyford Safeguarding Adults Board",
                                                      ["Ruth"])
    assert [(i.ref, a.text, a.measure, a.due.text, a.due.date, a.due.kind, a.rag)
            for i in draft.items for a in i.actions] == [
        ("1", "Relaunch the self-neglect pathway with a practice briefing",
         "Briefing attendance; pathway referrals counted each quarter", "End of Q2 2025/26",
         "2025-09-30", "date", "amber"),
        ("2", "Add a home condition check to the discharge checklist",
         "Audit of 20 discharges shows the check recorded", "Sept 25", "2025-09-30", "date",
         "green"),
        ("3", "Report on the learning to each board meeting", "Report received and minuted",
         "By next board", None, "unknown", "green"),
        ("4", "Remind practitioners of carers' assessments in supervision",
         "Supervision audit", "ongoing", None, "ongoing", "red")]
    # Achievable and Relevant are no fields of an action: kept beside the item, by name.
    assert [(n.column, n.text) for n in draft.items[0].notes] == [
        ("Achievable", "Within existing training budget"),
        ("Relevant", "Self-neglect featured in three SARs")]
    assert "due when an event happens, not on a date: 'By next board' (give it a date to " \
           "track it)" in messages(draft)


def test_a_lead_officer_as_name_role_and_agency_answers_to_the_agency(drafts):
    readings = [(r.agency, r.role) for i in drafts["ruth.docx"].items for a in i.actions
                for r in a.owner_readings]
    assert readings == [
        ("Adult Social Care", "Priya Shah, Head of Safeguarding"),
        ("Greyford Hospitals NHS Trust", "Tom Ellis, Discharge Lead"),
        ("Greyford SAB", "Ann Cole, Business Manager"),
        ("Adult Social Care", "Sam Reid, Principal Social Worker")]
    # A place and an acronym name a body in another layout too; a post's words never do.
    assert [a.owner_readings[0].agency for i in drafts["smart.csv"].items
            for a in i.actions] == ["Riverton LSCP", "Integrated Care Board"]
    assert read_owner("Named GP").agency is None


def test_one_column_of_leads_and_timescales_gives_each_its_field(drafts):
    draft = drafts["child-h.docx"]
    assert [(i.ref, a.text, a.owners, a.due.text if a.due else None)
            for i in draft.items for a in i.actions] == [
        ("1", "Agree an attendance alert", ["Education Welfare"], "End of Q2 2025/26"),
        ("2", "Send the coding guide", ["Integrated Care Board"], "By next board"),
        ("2", "Audit the codes", ["Designated Doctor"], None),
        ("3", "Add fathers to the contact template", [], "Ongoing")]
    assert not any("owner entries" in message for message in messages(draft))
    export = drafts["who-when.csv"]
    assert [(a.owners, a.due.text, a.due.kind) for i in export.items for a in i.actions] == [
        (["Police"], "31/03/2027", "date"), (["Adult Social Care"], "Quarterly", "recurring")]


def test_lettered_smart_headings_in_an_export(drafts):
    draft = drafts["smart.csv"]
    assert [(a.text, a.measure, a.due.date) for i in draft.items for a in i.actions] == [
        ("Issue a logging template", "Templates in use in 9 of 10 schools", "2026-09-30"),
        ("Send the coding guide", "Coding audit", "2026-12-31")]


def test_a_heading_then_a_form_per_action(drafts):
    draft = drafts["child-j.docx"]
    assert [(i.ref, i.recommendation) for i in draft.items] == [
        ("1", "Bruising in babies\nAll agencies should refer bruising in a non-mobile baby."),
        ("2", "Fathers\nPractitioners should seek out the father of every baby.")]
    assert [(a.text, a.owners, a.due.date, a.measure, a.progress)
            for i in draft.items for a in i.actions] == [
        ("Re-issue the bruising protocol to GP practices", ["Designated Nurse"], "2026-04-30",
         "Referrals of bruised babies audited at six months", None),
        ("Add the protocol to the health visitor induction", ["0-19 Service"], "2026-08-31",
         "Induction pack updated", "Induction pack in draft"),
        ("Add fathers to the midwifery booking form", ["Ashcombe Maternity Services"],
         "2026-12-31", "Fathers' details recorded in 80% of bookings", None)]
    assert draft.plan.notes == ["Ashcombe Safeguarding Children Partnership",
                                "Child Safeguarding Practice Review: Child J",
                                "Action plan - March 2026"]


def test_a_heading_and_its_paragraphs_over_a_table_of_its_actions(drafts):
    draft = drafts["joan.docx"]
    assert [(i.ref, i.recommendation, [(a.text, a.owners, a.due.text) for a in i.actions])
            for i in draft.items] == [
        ("1", "Pressure care\nCare homes should report every grade 3 sore.\nThe review found "
              "three sores that were not reported.",
         [("Issue reporting guidance to care homes", ["Quality Team"], "30/09/2026")]),
        ("2", "Advocacy\nEvery adult without family should have an advocate.",
         [("Commission an advocacy service", ["Linmouth Council"], "31/03/2027"),
          ("Audit advocacy referrals", ["Linmouth SAB"], "Ongoing")])]
    assert draft.plan.notes == ["Linmouth Safeguarding Adults Board", "SAR 'Joan' - action plan",
                                "Next review: the board's meeting in January."]
    assert draft.plan.board == "Linmouth Safeguarding Adults Board"  # from its text box


def test_a_heading_above_a_table_with_its_own_recommendations_stays_a_title_line():
    text = b"Recommendation 1: see the overview report\nRef,Recommendation,Action,Lead\n" \
           b"1,Share records.,Write a protocol,Police\n"
    draft = parse_bytes(text, "plan.csv")
    assert [(i.ref, i.recommendation) for i in draft.items] == [("1", "Share records.")]
    assert draft.plan.notes == ["Recommendation 1: see the overview report"]


def test_tracked_changes_are_read_accepted_and_comments_are_said(drafts):
    draft = drafts["linda.docx"]
    assert [(i.ref, a.text, a.owners, a.due.text, a.status.value)
            for i in draft.items for a in i.actions] == [
        ("R1", "Add economic abuse questions to the DASH training", ["Police"], "31/05/2026",
         "in_progress"),
        ("R2", "Issue a coding guide to GP practices",
         ["Integrated Care Board and GP Federation"], "30/06/2026", "not_started"),
        ("R3", "Name a housing lead for MARAC", ["Brookvale Homes"], "Ongoing", "implemented")]
    assert messages(draft) == [
        "tracked changes read as accepted (1 insertion(s), 2 deletion(s)): check they were "
        "agreed",
        "1 comment(s) left in the document not read: check none changes the plan"]
    # The cover and contents pages (content controls, the board's name in a text box) are
    # the title block's, kept once each; none of them is an item.
    assert (draft.plan.board, draft.plan.reviews) == ("Brookvale Community Safety Partnership",
                                                      ["Linda"])
    assert draft.plan.notes[:8] == [
        "Brookvale Community Safety Partnership", "Domestic Homicide Review: Linda",
        "Action plan - DRAFT v0.4 for the DHR panel", "Official - Sensitive", "Contents",
        "1. Introduction 2", "2. Action plan 3", "Appendix A: Glossary 5"]


def test_tracked_changes_in_a_prose_plan(drafts):
    draft = drafts["baby-l.docx"]
    (action,) = draft.items[0].actions
    assert (action.text, action.owners, action.due.text) == (
        "Repeat safe sleep advice at every home visit", ["Health Visiting"], "September 2026")
    assert messages(draft) == ["tracked changes read as accepted (2 insertion(s), 2 "
                               "deletion(s)): check they were agreed"]
    assert "Children's Centres" not in haystack(draft)  # struck out


def test_a_table_inside_the_action_cell_is_one_row_an_action(drafts):
    draft = drafts["mr-b.docx"]
    assert [(i.ref, a.text, a.owners, a.due.date, a.progress, a.rag)
            for i in draft.items for a in i.actions] == [
        ("1", "Publish guidance on repeated refusals", ["Adult Social Care"], "2026-01-31",
         "Guidance drafted", "amber"),
        ("1", "Audit ten refusals", ["SAB Business Unit"], "2026-03-31", "Guidance drafted",
         "amber"),
        ("2", "Add self-neglect to the crew referral app", ["Ambulance Service"], "2026-09-30",
         None, "red")]


def test_inner_tables_with_a_header_without_one_and_plain_words(drafts):
    draft = drafts["child-p.docx"]
    assert action_rows(draft) == [
        ("1", "Train social workers on the profile", ["Westmere Council"], "2026-12-31"),
        ("2", "Add a home visit to the 6-8 week check", [], None),
        ("2", "Audit home visits each quarter", [], None),
        ("3", "Hold two family forums a year", [], None)]


def test_inner_tables_with_no_header_anywhere_keep_one_line_a_row():
    data = unseen_papers_again.inner_tables_two_ways(first_header=False)
    draft = parse_bytes(data, "child-p.docx")
    # "Delivery" reads as a status column: the cell's words kept as written, a row of its
    # table a line, none of them guessed into an owner or a date.
    assert [(i.ref, i.status.text, i.status.value, i.actions) for i in draft.items] == [
        ("1", "Train social workers on the profile Westmere Council 31/12/2026", None, []),
        ("2", "Add a home visit to the 6-8 week check\nAudit home visits each quarter", None,
         []),
        ("3", "Hold two family forums a year", None, [])]


def test_a_row_split_over_pages_under_a_repeated_header_is_one_row(drafts):
    draft = drafts["child-e.pdf"]
    assert [i.ref for i in draft.items] == ["1", "2", "3", "4", "5", "6"]
    assert [a.progress for a in draft.items[4].actions] == ["Started"]
    (cut,) = draft.items[5].actions
    assert (cut.text, cut.owners, cut.due.date) == (
        "Agree an attendance alert with school cluster 6", ["Children's Social Care"],
        "2026-07-06")
    meetings = " ".join(f"Meeting {n} held with the school leads and notes circulated."
                        for n in range(1, 9))
    assert cut.progress.replace("\n", " ") == meetings
    assert draft.warnings == []


def test_a_row_cut_at_the_foot_with_the_header_printed_once(drafts):
    draft = drafts["adult-v.pdf"]
    assert [i.ref for i in draft.items] == [f"A{n}" for n in range(1, 10)]
    cut = draft.items[6]
    assert cut.outcome == "Learning point 7: the adult was not asked"
    assert action_rows(draft)[6] == ("A7", "Brief teams on point 7", ["Police"], "2026-10-07")
    assert draft.warnings == []


@pytest.mark.parametrize("long_row", [6, 7])
def test_a_list_of_evidence_cut_between_its_lines_stays_one_measure(long_row):
    draft = parse_bytes(unseen_papers_again.header_once_pdf(long_row), "adult-v.pdf")
    (action,) = draft.items[long_row - 1].actions
    audits = [f"Audit {k}: the question was asked in 9 of 10 files." for k in range(1, 31)]
    assert " ".join(action.measure.split()) == " ".join(audits)
    assert draft.warnings == []


def test_a_narrow_table_with_its_key_printed_beside_it(drafts):
    draft = drafts["child-m.pdf"]
    assert action_rows(draft) == [
        ("1", "Deliver alcohol awareness sessions to children's social care teams and early "
              "help", ["Public Health Drug and Alcohol Commissioning Team"], "2026-06-30"),
        # Two agencies, each named on its own (ADR 78): the police leads, with the team.
        ("2", "Extend the Operation Encompass notifications to nurseries and colleges",
         ["Police", "Education Safeguarding Team"], None)]
    assert any("several agencies" in w.message for w in draft.warnings)
    assert [a.rag for i in draft.items for a in i.actions] == ["amber", "green"]
    assert draft.items[1].actions[0].due.kind == "ongoing"
    assert draft.plan.notes[-4:] == ["RAG Meaning", "Red Not started", "Amber In progress",
                                     "Green Complete"]


def test_a_document_control_box_beside_the_plan(drafts):
    draft = drafts["child-q.pdf"]
    assert action_rows(draft) == [
        ("1", "Add a lived experience section to the assessment", ["Children's Social Care"],
         "2026-11-30"),
        ("2", "Extend notifications to sixth forms", ["Police"], "2027-03-31")]
    assert draft.plan.notes[-3:] == ["Version 4", "Owner Business Unit",
                                     "Agreed Executive, May 2026"]
    assert [a.rag for i in draft.items for a in i.actions] == ["green", "red"]


def test_a_pdf_rag_shaded_without_words_takes_the_colour_and_says_so(drafts):
    draft = drafts["adult-z.pdf"]
    assert [(a.text, a.rag, a.status.value if a.status else None)
            for i in draft.items for a in i.actions] == [
        ("Write a protocol", "red", None), ("Run sessions", "amber", None),
        ("Audit files", "blue", "implemented"), ("Brief the board", None, None),
        ("Train staff", "green", None), ("Review the policy", None, None)]
    assert messages(draft)[:4] == [
        "RAG read from cell colour FF0000 as red (page 1)",
        "RAG read from cell colour FFC000 as amber (page 1)",
        "RAG read from cell colour 0070C0 as blue (page 1)",
        "RAG cell colour 7030A0 is no rating: left empty (page 1)"]


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_word_written_is_in_the_draft(drafts, name):
    data = DOCUMENTS[name]()
    written = words(source_text(name, data) if not name.endswith(".csv") else data.decode())
    kept = set(words(haystack(drafts[name])).split())
    assert sorted(set(written.split()) - kept - HEADER_WORDS - MORE_HEADER_WORDS.get(name, set())) == []
