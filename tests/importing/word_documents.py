"""Word plans as boards write them: cells merged down over several action rows, cells merged
across columns, and header cells in bold, underlined or as list paragraphs."""

from __future__ import annotations

import io

import docx

from .unseen_papers import content_control

HEADER = ["Ref", "Recommendation", "Action", "Lead agency", "Target date", "Evidence",
          "Progress", "Comments"]


def merged_plan() -> bytes:
    document = docx.Document()
    for line in ("Exampleshire Safeguarding Adults Board", "Safeguarding Adult Review Adult M",
                 "Action Plan", "May 2024"):
        document.add_paragraph(line)
    table = document.add_table(rows=6, cols=len(HEADER))
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    for column in (1, 7):
        table.rows[0].cells[column].paragraphs[0].runs[0].underline = True
    table.rows[0].cells[3].paragraphs[0].style = document.styles["List Bullet"]
    rows = [
        ["1", "Agencies should share records.", "Write a protocol", "Police", "31/03/2024",
         "Protocol signed", "Drafted", ""],
        ["", "", "Train staff on the protocol", "", "", "Staff trained", "Booked", ""],
        ["", "", "Audit its use", "", "", "Audit report", "Not started", ""],
        ["2", "Schools should refer earlier.", "Train designated leads", "Education",
         "Summer 2024", "Attendance at training and referral rates", "", ""],
        ["3", "GPs should flag carers.", "Add a carer flag", "ICB", "30/09/2024", "", "",
         "Agreed at the May board"],
    ]
    for row, texts in zip(table.rows[1:], rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    for column in (0, 1, 3, 4):  # ref, recommendation, lead and date over three actions
        table.cell(1, column).merge(table.cell(3, column))
    table.cell(4, 5).merge(table.cell(4, 6))  # the evidence written across two columns
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def two_header_rows() -> bytes:
    """"Delivery" merged over Lead and Target date; Ref, Recommendation and Action merged
    down over both header rows."""
    document = docx.Document()
    document.add_paragraph("Exampleshire Safeguarding Adults Board")
    table = document.add_table(rows=4, cols=5)
    for cell, text in zip(table.rows[0].cells, ["Ref", "Recommendation", "Action", "Delivery",
                                                 ""], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells[3:], ["Lead", "Target date"], strict=True):
        cell.text = text
    table.cell(0, 3).merge(table.cell(0, 4)).text = "Delivery"
    for column in range(3):
        table.cell(0, column).merge(table.cell(1, column))
    for row, texts in zip(table.rows[2:], [
            ["1", "Share records.", "Write a protocol", "Police", "31/03/2024"],
            ["2", "Refer earlier.", "Train leads", "Education", "30/06/2024"]], strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rows_in_content_controls() -> bytes:
    """A template's table as Word keeps its fields: the second action's row in a repeating
    section (a content control in a content control) under cells merged down into it, and
    an action's cell, and an owner's cell twice over, each a content control of its own."""
    document = docx.Document()
    document.add_paragraph("Northmoor Safeguarding Children Partnership")
    document.add_paragraph("Rapid review 'Sam': agreed actions")
    table = document.add_table(rows=5, cols=6)
    for row, texts in zip(table.rows, [
            ["No.", "Recommendation", "Agreed action", "Responsible", "Completion date", "RAG"],
            ["1", "Share records.", "Write a protocol", "Police", "31/03/2025", "Green"],
            ["", "", "Audit the protocol", "", "30/06/2025", "Amber"],
            ["2", "Refer earlier.", "Train leads", "Education", "31/12/2025", "Red"],
            ["3", "Flag carers.", "Add a carer flag", "ICB", "Ongoing", ""]], strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    for column in (0, 1, 3):  # the ref, recommendation and owner over both actions
        table.cell(1, column).merge(table.cell(2, column))
    trs = table._tbl.tr_lst
    content_control([trs[2]])
    content_control([trs[2].getparent().getparent()])  # the repeating section around it
    content_control([trs[3].tc_lst[2]])
    content_control([trs[4].tc_lst[3]])
    content_control([trs[4].tc_lst[3].getparent().getparent()])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
