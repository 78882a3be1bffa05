"""Plans written by the tests in Word, Excel, CSV and PDF, with other boards' column names."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any

import docx
import openpyxl
from fpdf import FPDF

from .writing import saved

TITLE = ["Exampleshire Safeguarding Adults Board", "Safeguarding Adult Review Adult K",
         "Action Plan", "June 2023"]


def word_plan() -> bytes:
    """Three tables: the first carried over a page (header repeated), merged cells."""
    document = docx.Document()
    for line in TITLE:
        document.add_paragraph(line)
    document.add_paragraph("Theme 1 Escalation")
    header = ["Ref", "Recommendation", "Action", "Person responsible", "By when",
              "Evidence to be provided", "RAG Status", "Agency response"]
    first = document.add_table(rows=3, cols=len(header))
    _fill(first.rows[0], header)
    _fill(first.rows[1], ["1.1", "Partners should escalate concerns about missed visits.",
                          "", "Head of Adult Social Care", "30/09/23",
                          "Escalation audit", "Amber", "Policy drafted"])
    bullets = first.rows[1].cells[2]
    bullets.paragraphs[0].text = "Revise the escalation policy"
    bullets.add_paragraph("Brief all team managers", style="List Bullet")
    bullets.paragraphs[0].style = document.styles["List Bullet"]
    _fill(first.rows[2], ["1.2", "Providers should share", "Share the escalation flowchart",
                          "Provider forum chair", "Ongoing", "", "Green", ""])
    document.add_paragraph("")
    second = document.add_table(rows=5, cols=len(header))
    _fill(second.rows[0], header)  # the header repeated: the same table, carried over
    _fill(second.rows[1], ["", "information at discharge with the GP.", "", "", "", "", "", ""])
    merged = second.rows[2].cells[0].merge(second.rows[2].cells[-1])  # a full-width row
    merged.text = "Hospital discharge"
    _fill(second.rows[3], ["2.1", "The trust should check discharge letters.",
                           "Audit twenty discharge letters", "Named Nurse", "Q3 2023/24",
                           "Audit report to the board", "Red", "Not started"])
    _fill(second.rows[4], ["", "", "Report the audit", "Deputy Chief Nurse", "March 2024",
                           "", "", ""])
    second.cell(3, 1).merge(second.cell(4, 1))  # one recommendation over two action rows
    document.add_paragraph("Housing")
    third = document.add_table(rows=2, cols=4)
    _fill(third.rows[0], ["Recommendation", "Action", "Lead", "Timescale"])
    _fill(third.rows[1], ["Housing should flag adults at risk.", "Add a risk flag",
                          "Housing Options Manager", "March 2024"])
    return saved(document)


def _fill(row: Any, texts: list[str]) -> None:
    for cell, text in zip(row.cells, texts, strict=False):
        cell.text = text


TRACKER_HEADER = ["No.", "Learning point", "Recommendation", "Key tasks", "Lead agency",
                  "Target completion date", "Success measure", "RAG rating",
                  "Progress to date", "Comments", "Milestones"]
TRACKER_ROWS = [
    ["Neglect"],
    ["1", "Neglect is recognised early", "Practitioners should use the neglect toolkit.",
     "Relaunch the toolkit", "Children's Services", datetime(2024, 1, 31),
     "Toolkit use audited", "G", "Relaunched in January", "Check with schools",
     "Toolkit launched"],
    ["2", "", "Schools should refer neglect earlier.", "Training for designated leads\n"
     "Termly reminder", "Education\nSchools forum", "April 2024\nTermly",
     "Referral rates", "Amber", "", "", ""],
]


def excel_plan() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Exampleshire Safeguarding Children Partnership"])
    sheet.append(["Improvement Plan", None, None])
    sheet.append([])
    sheet.append(TRACKER_HEADER)
    for row in TRACKER_ROWS:
        sheet.append(row)
    sheet.merge_cells(start_row=5, start_column=1, end_row=5, end_column=len(TRACKER_HEADER))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_plan(encoding: str = "cp1252", delimiter: str = ";") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["Exampleshire Safeguarding Adults Board – DHR Action Plan"])
    writer.writerow(["Ref", "Recommendation", "Action", "Responsible lead/group", "When",
                     "Performance indicators", "Progress/Comment"])
    writer.writerow(["1", "Agencies should ask about coercive control – every time.",
                     "Add routine enquiry to assessments", "Domestic Abuse Lead",
                     "01/06/17", "Audit shows enquiry made", "Costs £2,000 from budget"])
    writer.writerow(["2", "GPs should record safeguarding flags.", "Flag training for GPs",
                     "Named GP", "2017/18", "Flags in use", ""])
    return buffer.getvalue().encode(encoding)


def pdf_plan(ruled: bool) -> bytes:
    pdf = FPDF(orientation="L")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for line in TITLE:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", size=9)
    rows = [["Ref", "Recommendation", "Action", "Lead agency", "Target date", "Progress"],
            ["1.1", "Share minutes within five days", "Send minutes", "Police", "01/02/24",
             "Done for March"],
            ["1.2", "Invite GPs to meetings", "Send invitations", "Health", "Quarterly", ""]]
    widths = (15, 70, 60, 40, 30, 50)
    with pdf.table(col_widths=widths, borders_layout="ALL" if ruled else "NONE",
                   first_row_as_headings=False, line_height=6) as table:
        for row in rows:
            table.row(row)
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Recommendation")
    return bytes(pdf.output())
