"""Workbooks, CSV exports and PDFs in layouts the seeds do not use: a key block above a
header of two rows, a semicolon export from another tracker, a landscape PDF whose table
crosses a page with its header repeated, and an adults' board and a community safety
partnership plan in their own words."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
from fpdf import FPDF
from openpyxl.styles import Font


def keyed_workbook() -> bytes:
    """A tracker with a title, a legend of the RAG colours above the table, a group header
    ("Delivery") over the real one, frozen panes, and due dates both as Excel dates and as
    words."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "SAR Adult P"
    sheet.append(["Westshire Safeguarding Adults Board - SAR Adult P action plan"])
    sheet.append([])
    sheet.append(["Key"])
    sheet.append(["Red", "Not started or off track"])
    sheet.append(["Amber", "Started, some risk to the date"])
    sheet.append(["Green", "On track or complete"])
    sheet.append([])
    sheet.append(["", "", "", "Delivery", "", "", "Monitoring", ""])
    sheet.append(["Ref", "Recommendation", "Action", "Lead agency", "Lead officer",
                  "Target date", "RAG", "Progress update"])
    sheet.merge_cells("D8:F8")
    sheet.merge_cells("G8:H8")
    for cell in sheet[9]:
        cell.font = Font(bold=True)
    sheet.append(["1", "Agencies should share risk information at transfer of care.",
                  "Write a transfer of care protocol", "Adult Social Care",
                  "Head of Safeguarding", date(2027, 3, 31), "Green", "Protocol signed off"])
    sheet.append(["", "", "Brief care home managers", "Care Quality Team", "Quality Lead",
                  "end of Q2 2027", "Amber", "Two of five briefings held"])
    sheet.append(["2", "Mental capacity should be assessed and recorded for each decision.",
                  "Run MCA refresher training", "Health", "Named Nurse", "Sept 2027", "Red",
                  ""])
    sheet.freeze_panes = "C10"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def semicolon_export() -> bytes:
    """An export from another tracker: semicolons, every cell quoted, line breaks inside
    cells, owners given as two agencies ("Police / Health")."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(["ID", "Review recommendation", "Actions agreed", "Owner", "Deadline",
                     "Status", "Last update"])
    writer.writerow(["DHR5-1", "Agencies should recognise coercive control\nin older couples.",
                     "Add coercive control to the older people's training;\nReview the "
                     "DASH checklist for older victims",
                     "Police / Health", "30/06/2027", "In progress",
                     "Training module drafted.\nChecklist review booked for May."])
    writer.writerow(["DHR5-2", "GPs should ask about domestic abuse when a carer attends.",
                     "Issue a practice note to GP surgeries", "Health", "Q3 2027/28",
                     "Not started", ""])
    writer.writerow(["DHR5-3", "Housing should share tenancy concerns with the MARAC.",
                     "Name a housing representative at MARAC", "Housing / Police",
                     "Completed 01/02/2027", "Complete", "Representative attends since "
                     "February."])
    return buffer.getvalue().encode("utf-8")


def community_safety_plan() -> bytes:
    """A community safety partnership's domestic homicide review plan, in its own words:
    learning points, the agency responsible, completion dates and evidence of impact."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "DHR Jean"
    sheet.append(["Southvale Community Safety Partnership"])
    sheet.append(["Domestic Homicide Review into the death of Jean - action plan"])
    sheet.append([])
    sheet.append(["Learning point", "DHR recommendation", "Action to be taken",
                  "Agency responsible", "Completion date", "Evidence of impact",
                  "Date completed"])
    sheet.append(["Economic abuse was not recognised.",
                  "Agencies should ask about control of money.",
                  "Add economic abuse questions to the risk assessment", "Police",
                  date(2027, 5, 31), "Questions asked in 9 of 10 audited cases", ""])
    sheet.append(["", "", "Train front desk staff on economic abuse", "Borough Council",
                  "Summer 2027", "", date(2027, 2, 14)])
    sheet.append(["The family's concerns were not recorded.",
                  "Agencies should record what family members tell them.",
                  "Add a family concerns field to the case record", "Adult Social Care",
                  "31/12/2027", "Field in use", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


PDF_HEADER = ["Ref", "Learning point", "Action", "Agency responsible", "Completion date",
              "Evidence of impact"]


def landscape_pdf(rows: int = 14) -> bytes:
    """An adults' board plan printed landscape by a browser: ruled cells that wrap over
    several lines, two owners on lines of their own in one cell, and a table crossing pages
    with its header repeated on each."""
    from weasyprint import HTML

    body = "".join(
        "<tr>" + "".join(f"<td>{text}</td>" for text in _pdf_row(number)) + "</tr>"
        for number in range(1, rows + 1))
    head = "".join(f"<th>{text}</th>" for text in PDF_HEADER)
    page = f"""<html><head><style>
      @page {{ size: A4 landscape; margin: 15mm; }}
      body {{ font-family: sans-serif; font-size: 9pt; }}
      table {{ border-collapse: collapse; width: 100%; }}
      th, td {{ border: 0.5pt solid black; padding: 3pt; vertical-align: top; }}
      tr {{ page-break-inside: avoid; }}
    </style></head><body>
      <h1>Lakeland Safeguarding Adults Board</h1>
      <p>Safeguarding Adults Review: Mr D - action plan, April 2027</p>
      <table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
    </body></html>"""
    return bytes(HTML(string=page).write_pdf())


def _pdf_row(number: int) -> list[str]:
    return [f"L{number}",
            f"Learning point {number}: practitioners did not consider the impact of the "
            "adult's alcohol use on their capacity to make decisions about their care",
            f"Deliver a briefing on alcohol and mental capacity to team {number}",
            "Police<br>Integrated Care Board" if number == 4 else
            "Adult Social Care" if number % 2 else "Integrated Care Board",
            f"{number % 28 + 1:02d}/09/2027",
            "Audit of case records shows capacity considered" if number % 3 else ""]


def narrow_columns_pdf() -> bytes:
    """A portrait plan from a word processor: ruled narrow columns that wrap long agency
    names and dates over lines, and a cell that lists two agencies on lines of their own."""
    pdf = FPDF(orientation="P")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 8, "Hillbrook Safeguarding Children Partnership", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, "Child Safeguarding Practice Review Child N - action plan",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=9)
    rows = [["No.", "Recommendation", "Action", "Responsible agency", "Timescale"],
            ["1", "Agencies should share concerns about parental mental health.",
             "Write a joint protocol with adult mental health services",
             "Children's Social Care and Adult Mental Health Services", "End of March 2027"],
            ["2", "GPs should be invited to strategy discussions.",
             "Change the strategy discussion invitation list", "Police\nHealth",
             "30/06/2027"]]
    with pdf.table(col_widths=(10, 55, 55, 30, 25), borders_layout="ALL",
                   first_row_as_headings=False, line_height=5) as table:
        for row in rows:
            table.row(row)
    return bytes(pdf.output())
