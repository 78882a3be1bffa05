"""Each rule the kept trackers needed, on a tracker of another layout (other_trackers.py)."""

from __future__ import annotations

from actionplan.importing import PlanDraft, parse_bytes, parse_plans_bytes
from actionplan.importing.due import parse_due

from . import other_trackers


def rows(draft: PlanDraft) -> list[tuple[object, ...]]:
    """(item ref, section, action text, owners, due date) of every action."""
    return [(item.ref, item.section, action.text, action.owners,
             action.due.date if action.due else None)
            for item in draft.items for action in item.actions]


def messages(draft: PlanDraft) -> list[str]:
    return [warning.message for warning in draft.warnings]


def test_a_lists_export_to_excel_its_columns_in_another_order():
    draft = parse_bytes(other_trackers.lists_workbook(), "list.xlsx")
    assert rows(draft) == [
        # Midnight UK time on the day BST ends, in UTC the evening before; then winter.
        (None, None, "Ask about domestic abuse at every tenancy review", ["Housing Options"],
         "2025-10-26"),
        (None, None, "Flag repeat victims to housing", ["Police"], "2025-11-30")]
    assert draft.items[0].actions[0].progress == "Question added.\nStaff briefed."
    assert [n.column for n in draft.items[0].notes] == ["Created", "Created By"]
    # The list's own columns do not keep the actions from being read as actions alone.
    assert messages(draft) == [
        "no column of recommendations: each of the 2 actions tracked under a recommendation "
        "of its own words (lines 2, 3); map the column that holds the recommendations, or "
        "correct each row"]


def test_a_timestamp_is_read_as_its_day_in_the_uk():
    assert [parse_due(text).date for text in (
        "2027-03-28T00:00:00Z", "2027-03-28T23:30:00Z", "2027-06-01T00:00:00+01:00",
        "2027-06-01 09:30")] == ["2027-03-28", "2027-03-29", "2027-06-01", "2027-06-01"]
    assert parse_due("2027-02-30T00:00:00Z").date is None  # no such day: nothing guessed


def test_what_who_by_when_with_a_labelled_date_and_a_sign_off_row():
    draft = parse_bytes(other_trackers.what_who_when(), "mr-h.csv")
    assert rows(draft) == [(None, None, "Add fire risk to the assessment",
                            ["Adult Social Care"], "2027-05-31")]
    assert draft.plan.date == "2027-02"
    assert draft.plan.notes[-1] == "Approved by: SAB Executive"
    assert draft.warnings == []


def test_a_formatted_tables_filter_hides_rows_that_are_read():
    draft = parse_bytes(other_trackers.filtered_table(), "t.xlsx")
    assert [ref for ref, *_ in rows(draft)] == ["1", "2", "3"]
    assert messages(draft) == ["rows the sheet's filter hides read: 2, 4"]


def test_progress_headed_by_month_and_year():
    draft = parse_bytes(other_trackers.progress_by_month(), "p.csv")
    assert [(a.progress, a.status.value) for i in draft.items for a in i.actions] == [
        ("Signed off", "implemented"), ("Two sessions held", "in_progress")]
    assert [[(n.column, n.text) for n in i.notes] for i in draft.items] == [
        [("Progress Jan-27", "Drafting")], [("Progress Jan-27", "Booked")]]
    assert messages(draft) == [
        "updates by month (Progress Jan-27, Progress Feb-27, Progress Mar-27): the latest "
        "given on each row read as its progress, the earlier ones kept as notes"]


def test_a_recommendation_over_each_word_table_of_actions():
    draft = parse_bytes(other_trackers.headed_tables(), "baby-m.docx")
    assert [(i.ref, i.recommendation) for i in draft.items] == [
        ("1", "midwives should ask who lives in the home."),
        ("2", "GPs should share concerns about fathers.")]
    assert [(ref, text) for ref, _, text, *_ in rows(draft)] == [
        ("1", "Add the question to the booking form"), ("1", "Audit the answers"),
        ("2", "Send the GP practices a briefing")]
    assert draft.warnings == []


def test_a_sheet_for_each_agency_behind_a_cover_is_one_plan_its_sections_the_agencies():
    (draft,) = parse_plans_bytes(other_trackers.sheet_an_agency(), "mr-q.xlsx")
    assert (draft.plan.board, draft.plan.reviews, draft.plan.date) == (
        "Northmoor Safeguarding Adults Board", ["Mr Q"], "2027-06")
    assert [(s.name, s.kind) for s in draft.sections] == [("Police", "agency"),
                                                          ("Health", "agency")]
    assert [(ref, section) for ref, section, *_ in rows(draft)] == [
        ("1", "Police"), ("2", "Health"), ("3", "Health")]
    assert draft.items[0].actions[0].owners == []  # a sheet's name is no owner: none invented


def test_sheets_that_name_their_own_reviews_stay_plans_of_their_own():
    from . import unseen_trackers

    drafts = parse_plans_bytes(unseen_trackers.reviews_workbook(), "greyford.xlsx")
    assert [d.plan.reviews for d in drafts] == [["Child A"], ["Child B"]]


def test_a_sheet_a_review_behind_a_contents_sheet_naming_both_is_a_plan_a_sheet():
    data = other_trackers.sheet_a_review(
        ["Eastmere Safeguarding Partnership", "Contents, agreed May 2027",
         "Child A - see sheet Child A", "Adult B - see sheet Adult B"], ["Child A", "Adult B"])
    drafts = parse_plans_bytes(data, "reviews.xlsx")
    assert [(d.source.sheet, d.plan.reviews, d.plan.board, d.plan.date,
             [a.text for i in d.items for a in i.actions]) for d in drafts] == [
        ("Child A", [], "Eastmere Safeguarding Partnership", "2027-05", ["Send it (Child A)"]),
        ("Adult B", [], "Eastmere Safeguarding Partnership", "2027-05", ["Send it (Adult B)"])]
    assert not any("read as one plan" in m for d in drafts for m in messages(d))


def test_a_cover_naming_two_reviews_or_plans_named_by_their_sheets_joins_no_sheets():
    two_reviews = other_trackers.sheet_a_review(
        ["Eastmere Safeguarding Partnership", "CSPR Child A and CSPR Child B"], ["1", "2"])
    plans_a_sheet = other_trackers.sheet_a_review(
        ["Eastmere Safeguarding Partnership: CSPR action plan, 2027"], ["Child A", "Child B"])
    one_review_a_sheet = other_trackers.sheet_a_review(
        ["SAR Mr Q - action plan", "Mr Q's first plan and the plan after the audit"],
        ["Mr Q", "Mr Q audit"])
    assert [len(parse_plans_bytes(data, "plans.xlsx"))
            for data in (two_reviews, plans_a_sheet, one_review_a_sheet)] == [2, 2, 2]


def test_a_key_above_the_table_is_what_a_rag_columns_fills_mean():
    draft = parse_bytes(other_trackers.key_above(), "ann.xlsx")
    # Purple is no rating by its hue: the key says it is "Not started".
    assert [(a.rag, a.status.text, a.status.value) for i in draft.items
            for a in i.actions] == [(None, "Not started", "not_started"),
                                    ("red", "Off track", "slipped"),
                                    ("blue", "Complete", "implemented")]
    assert messages(draft)[0] == ("the sheet's key of colours: Not started (CC99FF), "
                                  "Off track (FF9999), Complete (99CCFF)")
    assert draft.plan.notes == ["Southmoor Community Safety Partnership - DHR 'Ann'"]


def test_fills_without_a_key_are_not_read_as_a_rag():
    """Banding and headings are fills too: with no RAG column and no key, none is read."""
    import io

    import openpyxl
    from openpyxl.styles import PatternFill

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Lead"])
    for ref in ("1", "2"):
        sheet.append([ref, f"Action {ref}", "Police"])
        sheet.cell(row=sheet.max_row, column=2).fill = PatternFill("solid", fgColor="FFDDEBF7")
    buffer = io.BytesIO()
    book.save(buffer)
    draft = parse_bytes(buffer.getvalue(), "banded.xlsx")
    assert [a.rag for i in draft.items for a in i.actions] == [None, None]
    assert not any("colour" in m for m in messages(draft))


def test_a_group_heading_names_the_one_column_under_it_that_names_none():
    draft = parse_bytes(other_trackers.recommendation_group(), "g.xlsx")
    assert [(i.ref, i.recommendation) for i in draft.items] == [
        ("1", "Agencies should share records.")]
    assert rows(draft) == [("1", None, "Write the protocol", ["Police"], "2027-06-30")]
    assert "two header rows read as one: 'Recommendation' over No., Recommendation (Detail)" \
        in messages(draft)


def test_a_banner_of_coloured_title_rows_is_no_key():
    draft = parse_bytes(other_trackers.banner_over_fills(), "z.xlsx")
    assert draft.plan.notes == ["Harbour Safeguarding Adults Board", "SAR Mr Z - action plan"]
    assert [a.rag for i in draft.items for a in i.actions] == ["red", "green"]  # by hue
    assert not any("key" in m for m in messages(draft))


def test_months_beside_a_progress_column_of_its_own_are_its_history():
    draft = parse_bytes(b"Ref,Action,Apr,Progress,May\n1,Write it,Scoped,Signed off,Sent\n",
                        "p.csv")
    assert [a.progress for i in draft.items for a in i.actions] == ["Signed off"]
    assert [(n.column, n.text) for n in draft.items[0].notes] == [("Apr", "Scoped"),
                                                                  ("May", "Sent")]
    assert draft.warnings == []


def test_a_cells_comment_is_said_not_dropped():
    import io

    import openpyxl
    from openpyxl.comments import Comment

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ref", "Recommendation", "Action", "Lead"])
    sheet.append(["1", "Share records.", "Write the protocol", "Police"])
    sheet["C2"].comment = Comment("Chased on 3 May,\ndraft due end of month", "Business Manager")
    buffer = io.BytesIO()
    book.save(buffer)
    draft = parse_bytes(buffer.getvalue(), "c.xlsx")
    assert rows(draft) == [("1", None, "Write the protocol", ["Police"], None)]
    assert messages(draft) == [
        "comment on C2 not imported: 'Chased on 3 May, draft due end of month'"]


def test_a_heading_over_a_table_of_actions_numbered_from_one():
    draft = parse_bytes(b"Recommendation 3: share records.\n\nNo.,Action,Owner\n"
                        b"1,Write the protocol,Police\n2,Train staff,Health\n", "r3.csv")
    assert [(i.ref, i.recommendation, [(a.ref, a.text) for a in i.actions])
            for i in draft.items] == [
        ("3", "share records.", [("1", "Write the protocol"), ("2", "Train staff")])]
    assert draft.warnings == []
