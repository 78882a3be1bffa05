"""Word tables whose header is two rows: group headings merged across their columns above the
headings under them, and headings merged down both rows (blank in the lower row)."""

from __future__ import annotations

import docx
from docx.enum.section import WD_ORIENT

from .writing import saved, word_table


def adults_board_landscape() -> bytes:
    """A safeguarding adults board's plan, landscape: the lead first, the action merged down
    both header rows, the recommendation after it, "Lead", "SAR recommendation" and
    "Progress" each merged over the two columns under them, and themes as rows across."""
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_paragraph("Haldon Vale Safeguarding Adults Board")
    document.add_paragraph("Safeguarding Adults Review 'Mr K' - action plan")
    rows = [
        ["Lead", "", "Agreed action", "SAR recommendation", "", "Progress", ""],
        ["Agency", "By when", "", "No.", "Recommendation", "Update", "BRAG"],
        ["Theme A: Self-neglect"] + [""] * 6,
        ["ASC", "30/06/2026", "Refresh the self-neglect protocol", "1",
         "Practitioners should not accept repeated refusals at face value.",
         "Draft circulated", "Amber"],
        ["SAB Business Unit", "September 2026", "Deliver four workshops", "1",
         "Practitioners should not accept repeated refusals at face value.",
         "Two dates booked", "Green"],
        ["Vale Homes", "Q2 2026", "Train repairs operatives", "2",
         "Housing providers should refer self-neglect seen on repairs visits.", "", "Red"],
    ]
    table = word_table(document, rows)
    for start, end in ((0, 1), (3, 4), (5, 6)):
        table.cell(0, start).merge(table.cell(0, end)).text = rows[0][start]
    table.cell(0, 2).merge(table.cell(1, 2)).text = "Agreed action"
    table.cell(2, 0).merge(table.cell(2, 6)).text = rows[2][0]
    return saved(document)


def delivery_group() -> bytes:
    """A children's partnership's plan: "Ref", "Recommendation" and "RAG" merged down both
    header rows, "Delivery" merged over the action, its lead and its date."""
    document = docx.Document()
    document.add_paragraph("Tower Hamlets Safeguarding Children Partnership")
    document.add_paragraph("Rapid Review 'Baby S' - action plan")
    rows = [
        ["Ref", "Recommendation", "Delivery", "", "", "RAG"],
        ["", "", "Action", "Lead", "Date", ""],
        ["1", "Safe sleep advice should be repeated after a house move.",
         "Add a prompt to the health visiting checklist", "0-19 Service", "31/03/2026", "Green"],
        ["2", "Male carers should be seen and spoken to.",
         "Add a 'who else cares for the baby?' field", "Children's Social Care", "June 2026",
         "Amber"],
    ]
    table = word_table(document, rows)
    table.cell(0, 2).merge(table.cell(0, 4)).text = "Delivery"
    for column in (0, 1, 5):
        table.cell(0, column).merge(table.cell(1, column)).text = rows[0][column]
    return saved(document)
