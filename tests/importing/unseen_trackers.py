"""Trackers in layouts unlike the seeds and the first unseen layouts: a workbook of several
reviews behind a cover sheet (a header over two lines, "Target" over "Date", a hidden
column, a totals row; one sheet's RAG only in its cells' colours, the other's in words), an
export from another tracker with its own column names, a Markdown plan of headings and
pipe tables, a text plan with a ruled grid table, and a ruled PDF whose recommendation runs
on over the next page under a footer on each page."""

from __future__ import annotations

import csv
import io

import openpyxl
from fpdf import FPDF
from openpyxl.styles import Font, PatternFill

TWO_LINE_HEADER = (["Ref", "Recommendation", "Action", "Lead", "Old RAG", "Target", "RAG",
                    "Update"],
                   ["", "", "", "agency", "", "Date", "", ""])
_FILLS = {"red": "FFFF0000", "amber": "FFFFC000", "green": "FF00B050"}


def reviews_workbook() -> bytes:
    """A cover sheet, then one sheet a review: the header over two lines, a hidden column
    of last year's RAG, a totals row; the RAG of one sheet only as fill colours, of the
    other in words ("On track", "Off track", "Complete")."""
    workbook = openpyxl.Workbook()
    cover = workbook.active
    cover.title = "Cover"
    for line in (["Greyford Safeguarding Children Partnership"],
                 ["Reviews action tracker, July 2027"], [],
                 ["Contents"], ["Child A - Rapid Review"], ["Child B - CSPR"]):
        cover.append(line)
    coloured = workbook.create_sheet("Child A")
    coloured.append(["Rapid Review Child A"])
    _header(coloured)
    for ref, rec, action, lead, old, due, rag, update in [
        ("1", "Agencies should escalate when a child is not brought to appointments.",
         "Write a was-not-brought policy", "Greyford Health", "Red", "31/03/2027",
         "green", "Policy published"),
        ("", "", "Audit missed appointments", "Greyford Health", "Red", "30/09/2027",
         "amber", "Audit tool agreed"),
        ("2", "Schools should share attendance concerns with social care.",
         "Add attendance to the referral form", "Education", "Amber", "Winter 2027",
         "red", ""),
    ]:
        coloured.append([ref, rec, action, lead, old, due, None, update])
        if rag:
            coloured.cell(row=coloured.max_row, column=7).fill = PatternFill(
                "solid", fgColor=_FILLS[rag])
    coloured.append(["Total", "", "3 actions", "", "", "", "", ""])
    coloured.column_dimensions["E"].hidden = True
    worded = workbook.create_sheet("Child B")
    worded.append(["Child Safeguarding Practice Review: Child B"])
    _header(worded)
    for cells in [
        ["1", "Police should share domestic abuse call-outs with schools.",
         "Start Operation Encompass notifications", "Police", "Green", "01/09/2027",
         "On track", "Pilot in two schools"],
        ["2", "Health visitors should see the baby at home.", "Make the new-birth visit a "
         "home visit", "Health Visiting", "Amber", "30/04/2027", "Complete", "Done"],
        ["", "", "Check visits in the quarterly audit", "Health Visiting", "Red", "Quarterly",
         "Off track", "Audit delayed"],
    ]:
        worded.append(cells)
    worded.append(["Total", "", "3 actions", "", "", "", "", ""])
    worded.column_dimensions["E"].hidden = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _header(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
    top = sheet.max_row + 1
    for row in TWO_LINE_HEADER:
        sheet.append(row)
    for column, lower in enumerate(TWO_LINE_HEADER[1], start=1):
        if not lower and TWO_LINE_HEADER[0][column - 1]:  # "Ref" stands over both lines
            sheet.merge_cells(start_row=top, start_column=column, end_row=top + 1,
                              end_column=column)
        for row in (top, top + 1):
            sheet.cell(row=row, column=column).font = Font(bold=True)


def other_tracker_export() -> bytes:
    """An export from another tracker in its own words: "Learning", "What will we do",
    "Who", "By when", "Update" and a "BRAG" column of words and letters."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["Ref", "Learning", "What will we do", "Who", "By when", "Update",
                     "BRAG"])
    writer.writerow(["L1", "Professionals did not hear the child's voice.",
                     "Add the child's words to every strategy discussion record",
                     "Children's Social Care", "31/05/2027", "Template changed", "Blue"])
    writer.writerow(["L2", "Neglect was seen as low level for too long.",
                     "Roll out the neglect toolkit", "Partnership Business Unit",
                     "Q2 2027/28", "Training booked", "A"])
    writer.writerow(["L3", "Information about the step-father was not checked.",
                     "Check the police national database at every strategy meeting",
                     "Police", "Immediate", "", "On track"])
    return buffer.getvalue().encode("utf-8")


def markdown_plan() -> bytes:
    """A plan kept in Markdown: headings for the board, the review and each theme, a pipe
    table under each theme."""
    header = "| Ref | Recommendation | Action | Owner | Due | RAG |"
    rule = "|-----|----------------|--------|-------|-----|:---:|"
    return "\n".join([
        "# Eastvale Safeguarding Children Partnership",
        "## Rapid Review: Baby J - action plan",
        "",
        "### Safe sleep",
        "",
        header, rule,
        "| 1 | Every family with a new baby should get safe sleep advice. | Give the advice at "
        "the new-birth visit | Health Visiting | 31/05/2027 | Green |",
        "| | | Add safe sleep to the midwives' discharge talk | Maternity Services | "
        "30/06/2027 | Amber |",
        "",
        "### Fathers",
        "",
        header, rule,
        "| 2 | Agencies should engage fathers and partners. | Invite fathers to the "
        "antenatal contact \\| record when they attend | Midwifery | Autumn 2027 | Red |",
        "",
        "_Last updated 3 May 2027_",
    ]).encode("utf-8")


def grid_text() -> bytes:
    """A plan pasted into a text file as a ruled grid (+---+ lines, | between cells), as
    some trackers print a table."""
    return "\n".join([
        "Northfield Safeguarding Adults Board",
        "SAR Mr T - actions",
        "",
        "+-----+------------------------------+---------------------+--------------+----------+",
        "| No. | Recommendation               | Action              | Lead agency  | Deadline |",
        "+=====+==============================+=====================+==============+==========+",
        "| 1   | Agencies should use the      | Publish a pressure  | Adult Social | 31/03/27 |",
        "|     | pressure ulcer protocol.     | ulcer protocol      | Care         |          |",
        "+-----+------------------------------+---------------------+--------------+----------+",
        "| 2   | Care homes should report     | Remind care homes   | Care Quality | Ongoing  |",
        "|     | falls within a day.          | at the forum        | Team         |          |",
        "+-----+------------------------------+---------------------+--------------+----------+",
    ]).encode("utf-8")


FOOTER = "Northvale SAB - SAR Mr K - action plan - OFFICIAL"


class _Plan(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, f"{FOOTER} - page {self.page_no()}")


def spanning_pdf() -> bytes:
    """A ruled portrait PDF whose first recommendation's actions run on over the next
    page (the header repeated), a footer on every page."""
    pdf = _Plan()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 8, "Northvale Safeguarding Adults Board", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, "Safeguarding Adults Review: Mr K - action plan", new_x="LMARGIN",
             new_y="NEXT")
    pdf.set_font("Helvetica", size=9)
    rows = [["Ref", "Recommendation", "Action", "Lead", "Due"]]
    rows.append(["1", "Agencies should share information about risk from fire when an "
                 "adult smokes in bed and uses emollient creams.",
                 "Add fire risk to the care needs assessment", "Adult Social Care",
                 "31/03/2027"])
    for number in range(2, 41):
        rows.append(["", "", f"Brief care agency {number} on fire risk from emollients",
                     "Fire and Rescue Service", f"{number % 28 + 1:02d}/04/2027"])
    rows.append(["2", "Pharmacists should warn patients about paraffin-based creams.",
                 "Add a warning label to dispensed emollients", "Integrated Care Board",
                 "30/06/2027"])
    with pdf.table(col_widths=(10, 60, 60, 35, 25), borders_layout="ALL",
                   line_height=6, repeat_headings=1) as table:
        for row in rows:
            table.row(row)
    return bytes(pdf.output())
