"""The rules kept_trackers.py needed, each on a tracker of another layout: a Microsoft Lists
workbook, a CSV of What/Who/By when with a labelled date and a sign-off, a formatted Excel
table filtered by its lead, updates under "Progress Jan-27" headings, a Word plan with a
recommendation over each table of actions, a sheet an agency behind a cover, a sheet a
review behind a contents sheet, and a key of colours above a RAG column of fills."""

from __future__ import annotations

import csv
import io

import docx
import openpyxl
from openpyxl.styles import PatternFill
from openpyxl.worksheet.filters import AutoFilter, FilterColumn, Filters
from openpyxl.worksheet.table import Table

from .writing import saved


def _csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def lists_workbook() -> bytes:
    """A Microsoft Lists list exported to Excel: its columns in the list's order, dates as
    UTC text, a progress cell of two lines."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Assigned To", "Title", "Due Date", "Progress", "Created", "Created By"])
    sheet.append(["Housing Options", "Ask about domestic abuse at every tenancy review",
                  "2025-10-25T23:00:00Z", "Question added.\nStaff briefed.",
                  "2025-01-10T09:00:00Z", "Business Unit"])
    sheet.append(["Police", "Flag repeat victims to housing", "2025-11-30T00:00:00.000Z", "",
                  "2025-01-10T09:05:00Z", "Business Unit"])
    return saved(workbook)


def what_who_when() -> bytes:
    """A CSV of What, Who and By when, a labelled date in figures above it and a sign-off
    row under it."""
    return _csv([["Eastmoor Safeguarding Adults Board: SAR Mr H"],
                 ["Date agreed:", "03/02/2027"],
                 ["Recommendation", "What", "Who", "By when"],
                 ["Staff should check for fire risk.", "Add fire risk to the assessment",
                  "Adult Social Care", "31/05/2027"],
                 ["Approved by:", "SAB Executive"]])


def filtered_table() -> bytes:
    """A formatted Excel table filtered to one lead: the other leads' rows hidden."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Ref", "Recommendation", "Action", "Lead", "Deadline"])
    for ref, lead in (("1", "Police"), ("2", "Education"), ("3", "Police")):
        sheet.append([ref, f"Recommendation {ref}.", f"Action {ref}", lead, "31/03/2027"])
    table = Table(displayName="Actions", ref="A1:E4")
    table.autoFilter = AutoFilter(ref="A1:E4", filterColumn=[
        FilterColumn(colId=3, filters=Filters(filter=["Education"]))])
    sheet.add_table(table)
    for number in (2, 4):
        sheet.row_dimensions[number].hidden = True
    return saved(workbook)


def progress_by_month() -> bytes:
    """Updates headed "Progress Jan-27", "Progress Feb-27", "Progress Mar-27"."""
    return _csv([["Ref", "Action", "Owner", "Progress Jan-27", "Progress Feb-27",
                  "Progress Mar-27", "Status"],
                 ["1", "Write the protocol", "Police", "Drafting", "", "Signed off",
                  "Complete"],
                 ["2", "Train the front door", "Social Care", "Booked", "Two sessions held",
                  "", "On track"]])


def headed_tables() -> bytes:
    """A Word plan: each recommendation a paragraph over a table of its actions."""
    document = docx.Document()
    document.add_paragraph("Westbrook Safeguarding Children Partnership - Rapid Review "
                           "Baby M")
    for words, actions in (
            ("Recommendation 1: midwives should ask who lives in the home.",
             [("Add the question to the booking form", "Maternity", "April 2027"),
              ("Audit the answers", "Maternity", "July 2027")]),
            ("Recommendation 2: GPs should share concerns about fathers.",
             [("Send the GP practices a briefing", "ICB", "May 2027")])):
        document.add_paragraph(words)
        table = document.add_table(rows=1, cols=3)
        for cell, text in zip(table.rows[0].cells, ("Action", "Lead", "Due"), strict=True):
            cell.text = text
        for action in actions:
            for cell, text in zip(table.add_row().cells, action, strict=True):
                cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def sheet_an_agency() -> bytes:
    """A cover naming the review, then a sheet for each agency's actions, untitled."""
    workbook = openpyxl.Workbook()
    cover = workbook.active
    cover.title = "Cover"
    cover.append(["Northmoor Safeguarding Adults Board"])
    cover.append(["SAR 'Mr Q' - action plan, June 2027"])
    for agency, rows in (
            ("Police", [("1", "Officers should check welfare on repeat calls.",
                         "Brief response officers", "30/09/2027")]),
            ("Health", [("2", "GPs should record carers.", "Add a carer flag",
                         "31/10/2027"),
                        ("3", "Hospitals should share discharge plans.",
                         "Send the plan to the GP", "30/11/2027")])):
        sheet = workbook.create_sheet(agency)
        sheet.append(["Ref", "Recommendation", "Action", "Due"])
        for row in rows:
            sheet.append(list(row))
    return saved(workbook)


def sheet_a_review(cover_lines: list[str], sheets: list[str]) -> bytes:
    """A contents sheet, then a sheet for each review's plan, its table untitled."""
    workbook = openpyxl.Workbook()
    contents = workbook.active
    contents.title = "Contents"
    for line in cover_lines:
        contents.append([line])
    for number, name in enumerate(sheets, start=1):
        sheet = workbook.create_sheet(name)
        sheet.append(["No", "Recommendation", "Action", "Lead", "Target date"])
        sheet.append([str(number), "Share the chronology.", f"Send it ({name})", "Police",
                      "31/12/2027"])
    return saved(workbook)


# A board's own shades, one of them (purple) no rating by its hue.
KEY = [("FFCC99FF", "Not started"), ("FFFF9999", "Off track"), ("FF99CCFF", "Complete")]


def key_above() -> bytes:
    """A key above the table, each meaning written in its coloured cell; the RAG column's
    cells are coloured and empty."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Southmoor Community Safety Partnership - DHR 'Ann'"])
    for rgb, meaning in KEY:
        sheet.append([meaning])
        sheet.cell(row=sheet.max_row, column=1).fill = PatternFill("solid", fgColor=rgb)
    sheet.append(["Ref", "Action", "Lead", "RAG"])
    for ref, (rgb, _) in enumerate(KEY, start=1):
        sheet.append([str(ref), f"Action {ref}", "Police", None])
        sheet.cell(row=sheet.max_row, column=4).fill = PatternFill("solid", fgColor=rgb)
    return saved(workbook)


def recommendation_group() -> bytes:
    """"Recommendation" merged over "No." and "Detail", "Action" over "What", "Who" and
    "When": the detail column named by its group alone."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Recommendation", None, "Action", None, None])
    sheet.append(["No.", "Detail", "What", "Who", "When"])
    sheet.merge_cells("A1:B1")
    sheet.merge_cells("C1:E1")
    sheet.append(["1", "Agencies should share records.", "Write the protocol", "Police",
                  "June 2027"])
    return saved(workbook)


def banner_over_fills() -> bytes:
    """Two coloured title rows (a banner, no key) over a RAG column of fills."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for title, rgb in (("Harbour Safeguarding Adults Board", "FF1F3864"),
                       ("SAR Mr Z - action plan", "FFB4C6E7")):
        sheet.append([title])
        sheet.cell(row=sheet.max_row, column=1).fill = PatternFill("solid", fgColor=rgb)
    sheet.append(["Ref", "Action", "Lead", "RAG"])
    for ref, rgb in (("1", "FFFF0000"), ("2", "FF00B050")):
        sheet.append([ref, f"Action {ref}", "Police", None])
        sheet.cell(row=sheet.max_row, column=4).fill = PatternFill("solid", fgColor=rgb)
    return saved(workbook)
