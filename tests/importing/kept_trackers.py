"""Trackers as boards keep them, in layouts the other test documents do not use: a title
block of six rows over the table and a totals block under it, one sheet a recommendation,
an update column a month, a RAG shown only by the cells' fill with a legend beside the
table, a SharePoint list export, a header of two rows under "Action" and "Monitoring",
a filtered tracker with a hidden column, and cells that read like formulas."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import date, datetime

import openpyxl
from openpyxl.styles import Font

from .writing import saved, solid


def title_block() -> bytes:
    """Six rows of title block (the board's name where its logo stands, the review, the
    date of the report, the version) over the table; a totals row, a notes block and a
    sign-off under it."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Action plan"
    for line in (["Marshfield Safeguarding Adults Board"],
                 ["Review:", "Safeguarding Adults Review - Mrs E"],
                 ["Date of report:", date(2027, 4, 12)],
                 ["Version:", "v0.3 (draft for the SAR sub-group)"],
                 ["Report author:", "SAB Business Manager"],
                 []):
        sheet.append(line)
    sheet.append(["Rec no.", "Recommendation", "Action", "Lead agency", "Target date",
                  "Progress", "RAG"])
    for cell in sheet[7]:
        cell.font = Font(bold=True)
    sheet.append([1, "Agencies should consider a carer's assessment whenever a relative gives "
                  "personal care.", "Add a carer's assessment prompt to the hospital discharge "
                  "checklist", "Marshfield Hospitals Trust", datetime(2027, 6, 30),
                  "Prompt drafted", "Amber"])
    sheet.append([None, None, "Audit twenty discharges for the prompt",
                  "Marshfield Hospitals Trust", datetime(2027, 12, 31), None, "Green"])
    sheet.append([2, "Self-neglect referrals should be discussed at a multi-agency meeting.",
                  "Set up a monthly self-neglect panel", "Adult Social Care",
                  datetime(2027, 9, 30), "Terms of reference agreed", "Green"])
    sheet.append([])
    sheet.append(["Total actions", None, 3])
    sheet.append(["Notes:", "Dates agreed at the SAR sub-group on 3 April 2027."])
    sheet.append(["Signed off by:", "Independent Chair"])
    return saved(workbook)


def sheet_a_recommendation() -> bytes:
    """A contents sheet, then a sheet for each recommendation: its number and words above a
    table of the actions to meet it."""
    workbook = openpyxl.Workbook()
    contents = workbook.active
    contents.title = "Contents"
    for line in (["Kingsbridge Safeguarding Children Partnership"],
                 ["Child Safeguarding Practice Review: Child R - action plan"],
                 ["Agreed by the partnership, 1 March 2027"], [],
                 ["Sheet", "Recommendation"],
                 ["R1", "Strategy discussions"], ["R2", "Neglect"]):
        contents.append(line)
    recommendations = {
        "R1": ("Recommendation 1: the police, health and children's social care should all "
               "attend every strategy discussion.",
               [("1.1", "Invite a named GP to each strategy discussion", "Kingsbridge ICB",
                 "31/05/2027", "On track"),
                ("1.2", "Audit attendance each quarter", "Partnership Business Unit",
                 "Quarterly", "Not started")]),
        "R2": ("Recommendation 2: practitioners should use the neglect toolkit before "
               "closing a case.",
               [("2.1", "Add the toolkit score to the case closure form",
                 "Children's Social Care", "30/09/2027", "Complete")]),
    }
    for name, (words, actions) in recommendations.items():
        sheet = workbook.create_sheet(name)
        sheet.append([words])
        sheet.append([])
        sheet.append(["Action no.", "Action", "Owner", "Deadline", "Status"])
        for action in actions:
            sheet.append(list(action))
    return saved(workbook)


MONTHS = ["Apr", "May", "Jun", "Jul"]


def monthly_updates() -> bytes:
    """An update column for each month since the plan was agreed: the latest update given is
    where each action stands; the month before it is history."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Ashdown Community Safety Partnership - DHR 'Kim' - tracker 2027/28"])
    sheet.append(["No", "Action", "Lead", "Due", *MONTHS])
    sheet.append(["1", "Add economic abuse to the DASH training", "Police", "30/09/2027",
                  "Module scoped", "Module drafted", "", "Piloted with two teams"])
    sheet.append(["2", "Publish a leaflet for older victims", "Ashdown Council", "31/07/2027",
                  "Designer booked", "", "", ""])
    sheet.append(["3", "Name a housing lead at MARAC", "Ashdown Homes", "30/06/2027", "", "",
                  "", ""])
    return saved(workbook)


# Fills a board picked for its legend: not Excel's standard red, amber and green.
LEGEND = [("FFE06666", "Off track"), ("FFF6B26B", "At risk"), ("FF93C47D", "On track"),
          ("FF6FA8DC", "Complete")]


def fill_only() -> bytes:
    """No RAG column: each action's cell is filled in a colour, and a legend of coloured
    cells with their meanings stands to the right of the table."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Fenbury Safeguarding Adults Board - SAR Mr O"])
    sheet.append(["Ref", "Recommendation", "Action", "Lead", "By when", None, "Key"])
    rows = [("1", "Agencies should recognise hoarding as self-neglect.",
             "Train front-line staff on the clutter scale", "Fire and Rescue", "30/06/2027", 0),
            ("2", "Care agencies should report missed visits.",
             "Add missed visits to the provider contract", "Commissioning", "31/03/2027", 3),
            ("3", "GPs should review repeat prescriptions of adults who self-neglect.",
             "Issue a prescribing alert", "Fenbury ICB", "31/12/2027", 1)]
    for ref, recommendation, action, lead, due, colour in rows:
        sheet.append([ref, recommendation, action, lead, due])
        sheet.cell(row=sheet.max_row, column=3).fill = solid(LEGEND[colour][0])
    for index, (rgb, meaning) in enumerate(LEGEND, start=3):
        sheet.cell(row=index, column=7).fill = solid(rgb)
        sheet.cell(row=index, column=8, value=meaning)
    return saved(workbook)


def sharepoint_export() -> bytes:
    """A SharePoint list exported to CSV: a byte order mark, ";" between cells, every cell
    quoted, line breaks inside cells, dates and times in UTC, the list's own columns."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(["Title", "Recommendation", "Assigned To", "Due Date", "Status",
                     "Progress Notes", "Modified", "Item Type", "Path"])
    writer.writerow(["Share the chronology with the GP", "1. GPs should be sent every "
                     "multi-agency chronology.", "Named GP for Safeguarding",
                     "2025-03-31T00:00:00Z", "In Progress",
                     "Template agreed.\nFirst chronologies sent in February.",
                     "2025-02-14T09:12:45Z", "Item", "sites/SCP/Lists/Child P actions"])
    writer.writerow(["Check the GP's record at every strategy meeting",
                     "1. GPs should be sent every multi-agency chronology.", "Police",
                     "2025-06-30T23:00:00Z", "Not Started", "", "2025-01-05T16:00:00Z",
                     "Item", "sites/SCP/Lists/Child P actions"])
    writer.writerow(["Publish a 7-minute briefing on \"Was Not Brought\"",
                     "2. Missed health appointments should be followed up.",
                     "Partnership Business Unit", "2025-04-30T00:00:00Z", "Completed",
                     "Published on the website.", "2025-03-02T11:30:00Z", "Item",
                     "sites/SCP/Lists/Child P actions"])
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def grouped_header() -> bytes:
    """A header of two rows: "Action" merged over What, Who and When; "Monitoring" over
    Update and RAG; Ref and Recommendation merged down both rows."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Oldcastle Safeguarding Children Partnership"])
    sheet.append(["Rapid Review: Baby F - action plan"])
    sheet.append(["Ref", "Recommendation", "Action", None, None, "Monitoring", None])
    sheet.append([None, None, "What", "Who", "When", "Update", "RAG"])
    for cells in ("A3:A4", "B3:B4", "C3:E3", "F3:G3"):
        sheet.merge_cells(cells)
    sheet.append(["1", "Safe sleep advice should be given at every contact.",
                  "Add safe sleep to the 6-8 week check", "0-19 Service", "31/08/2027",
                  "Checklist updated", "Green"])
    sheet.append(["2", "Fathers should be seen at home visits.",
                  "Record who was present at each visit", "Health Visiting", "Autumn 2027",
                  "", "Red"])
    return saved(workbook)


def filtered_tracker() -> bytes:
    """A tracker saved with a filter on (only the open actions shown) and a column of the
    officers' phone numbers hidden."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Brookvale Safeguarding Children Partnership - CSPR Child D"])
    sheet.append(["Ref", "Recommendation", "Action", "Lead", "Phone", "Target date",
                  "Status"])
    rows = [("1", "Schools should share concerns about home schooling.",
             "Write to every head teacher", "Education", "01632 960001", "31/03/2027",
             "Complete"),
            ("2", "Elective home education should be checked at each review.",
             "Add home education to the review template", "Children's Social Care",
             "01632 960002", "30/06/2027", "In progress"),
            ("3", "The partnership should test the new procedure.",
             "Audit ten cases", "Partnership Business Unit", "01632 960003", "31/12/2027",
             "Complete"),
            ("4", "Draft recommendation, withdrawn.", "Old action", "Education",
             "01632 960004", "01/01/2027", "Withdrawn")]
    for row in rows:
        sheet.append(list(row))
    sheet.auto_filter.ref = "A2:G6"
    sheet.auto_filter.add_filter_column(6, ["In progress"])
    for number in (3, 5, 6):  # what the filter hides: Excel writes these rows hidden
        sheet.row_dimensions[number].hidden = True
    sheet.column_dimensions["E"].hidden = True
    return saved(workbook)


def formula_like() -> bytes:
    """Cells typed as text that begin as a formula does: "=SUM…" in an action, "+44…" in a
    lead, "-" before a measure; the workbook keeps them as text, never as formulas."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Ref", "Recommendation", "Action", "Lead", "Measure"])
    rows = [("1", "Agencies should count repeat referrals.",
             "=SUM of repeat referrals reported monthly", "Front Door +44 1632 960123",
             "-10% repeat referrals"),
            ("2", "@Board should see the figures.", "+ add them to the dashboard",
             "Business Unit", "Dashboard live")]
    for row in rows:
        sheet.append([None] * len(row))
        for column, text in enumerate(row, start=1):
            cell = sheet.cell(row=sheet.max_row, column=column)
            cell.value = text
            cell.data_type = "s"  # text as typed with a leading apostrophe, not a formula
    return saved(workbook)
