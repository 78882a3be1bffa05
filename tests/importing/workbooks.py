"""Excel trackers as boards keep them: RAG by fill colour, hidden columns and rows, several
sheets with a key, two header rows, merged cells and real date cells."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import openpyxl
from openpyxl.styles import PatternFill

from .writing import saved, solid

HEADER = ["Ref", "Recommendation", "Action", "Lead agency", "Target date", "RAG"]
# The RAG column holds no text, only the colour a board paints each row.
COLOURED = [
    ("1", "Agencies should share records.", "Write a protocol", "Police",
     datetime(2024, 3, 31, 0, 0), "FFFF0000"),
    ("2", "Schools should refer earlier.", "Train designated leads", "Education",
     datetime(2024, 6, 30), "FFFFC000"),
    ("3", "GPs should flag carers.", "Add a carer flag", "ICB", datetime(2024, 9, 30),
     "FF00B050"),
    ("4", "Housing should ask about abuse.", "Routine enquiry", "Housing",
     datetime(2023, 12, 1), "FF0070C0"),
    ("5", "The board should audit.", "Annual audit", "Board manager", datetime(2025, 1, 15),
     "FFBFBFBF"),
]


def _plan_sheet(sheet: Any, title: str, rows: Any) -> None:
    sheet.append([title])
    sheet.append(HEADER)
    for ref, recommendation, action, lead, due, colour in rows:
        sheet.append([ref, recommendation, action, lead, due, None])
        sheet.cell(row=sheet.max_row, column=6).fill = solid(colour)


def coloured_rag(rows: int = len(COLOURED)) -> bytes:
    """`rows` rows, their colours red, amber, green, blue, grey in turn."""
    lines = [(str(n + 1), *COLOURED[n % len(COLOURED)][1:]) for n in range(rows)]
    workbook = openpyxl.Workbook()
    _plan_sheet(workbook.active, "Exampleshire Safeguarding Children Partnership", lines)
    return saved(workbook)


def hidden_parts() -> bytes:
    """An old "Due (old)" column and a superseded row hidden; a hidden Progress column is
    the only progress there is."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Exampleshire Safeguarding Adults Board"])
    sheet.append(["Ref", "Recommendation", "Action", "Owner", "Due (old)", "Due", "Progress"])
    sheet.append(["1", "Share records.", "Write a protocol", "Police", "01/01/2020",
                  "31/03/2024", "Drafted"])
    sheet.append(["2", "Old recommendation, replaced.", "Old action", "Police", "01/01/2020",
                  "01/01/2020", "Withdrawn"])
    sheet.append(["3", "Audit the protocol.", "Audit ten cases", "ICB", "01/01/2020",
                  "30/06/2024", "Not started"])
    sheet.column_dimensions["E"].hidden = True
    sheet.column_dimensions["G"].hidden = True
    sheet.row_dimensions[4].hidden = True
    return saved(workbook)


def several_sheets() -> bytes:
    """Two reviews' plans on their own sheets, and a key that is no plan."""
    workbook = openpyxl.Workbook()
    _plan_sheet(workbook.active, "Exampleshire Community Safety Partnership DHR Adam",
                COLOURED[:2])
    workbook.active.title = "DHR Adam"
    _plan_sheet(workbook.create_sheet("DHR Beth"),
                "Exampleshire Community Safety Partnership DHR Beth", COLOURED[2:3])
    old = workbook.create_sheet("Old plan")  # hidden: superseded, not to be imported
    _plan_sheet(old, "Exampleshire Community Safety Partnership DHR Adam (draft)",
                COLOURED[3:4])
    old.sheet_state = "hidden"
    key = workbook.create_sheet("Key")
    for row in (["RAG key"], ["Red", "Not started or off track"], ["Amber", "Some delay"],
                ["Green", "On track or done"]):
        key.append(row)
    return saved(workbook)


def two_header_rows() -> bytes:
    """"Delivery" merged over Lead, Due and RAG; Ref and Recommendation merged down two rows;
    an owner and a date merged over two action rows."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Exampleshire Safeguarding Adults Board SAR Adult P Action Plan"])
    sheet.append(["Ref", "Recommendation", "Action", "Delivery", None, None])
    sheet.append([None, None, None, "Lead", "Due", "RAG"])
    sheet.merge_cells("D2:F2")
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:B3")
    sheet.merge_cells("C2:C3")
    sheet.append(["1", "Agencies should share records.", "Write a protocol", "Police",
                  datetime(2024, 3, 31), "Amber"])
    sheet.append([None, None, "Train staff on it", None, None, "Green"])
    sheet.merge_cells("D4:D5")
    sheet.merge_cells("E4:E5")
    sheet.merge_cells("B4:B5")
    sheet.merge_cells("A4:A5")
    sheet.append(["2", "Schools should refer earlier.", "Train designated leads", "Education",
                  datetime(2024, 6, 30), "Red"])
    return saved(workbook)


def with_empty_sheet(plan: bool) -> bytes:
    workbook = openpyxl.Workbook()
    if plan:
        _plan_sheet(workbook.active, "Exampleshire Safeguarding Adults Board", COLOURED)
    workbook.create_sheet("Sheet2")
    return saved(workbook)


# Fills from the theme's palette (the top rows of Excel's colour picker), some lightened or
# darkened: openpyxl's theme has accent 1 blue, 2 red, 3 green, 4 purple, 6 orange.
THEMED = [(9, 0.0), (5, 0.3999), (6, -0.25), (4, 0.0), (7, 0.0)]


def theme_coloured() -> bytes:
    from openpyxl.styles.colors import Color

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Ref", "Recommendation", "Action", "Lead", "RAG"])
    for number, (theme, tint) in enumerate(THEMED, start=1):
        sheet.append([str(number), f"Recommendation {number}.", "Act", "Police", None])
        sheet.cell(row=number + 1, column=5).fill = PatternFill(
            fill_type="solid", fgColor=Color(theme=theme, tint=tint))
    return saved(workbook)
