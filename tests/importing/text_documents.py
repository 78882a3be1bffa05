"""CSV and tab-delimited text as Excel saves a tracker: a title and blank lines above the
header, cells with quotes and line breaks (Excel's quoting), in Windows-1252 or UTF-8 + BOM."""

from __future__ import annotations

import csv
import io

TITLE = "Exampleshire Safeguarding Adults Board – SAR Adult R Action Plan"
HEADER = ["Ref", "Recommendation", "Action", "Lead", "Due", "Progress"]
ROWS = [
    ["1", 'Staff should ask "who else lives here?" at every visit.',
     "Add the question to the form\nTrain staff to ask it", "Adult Social Care\nPolice",
     "31/03/2024\n30/06/2024", "Form changed; training booked, £2,000 agreed"],
    ["2", "Carers' needs should be assessed.", "Offer every carer an assessment",
     "Carers' Service", "Ongoing", ""],
]


def excel_text(encoding: str, delimiter: str) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")  # Excel's dialect
    writer.writerow([TITLE] + [""] * (len(HEADER) - 1))  # Excel pads the title row
    writer.writerow([""] * len(HEADER))
    writer.writerow([])
    writer.writerow(HEADER)
    writer.writerows(ROWS)
    return buffer.getvalue().encode(encoding)


def header_only(name: str, header: list[str]) -> bytes:
    """A title, then a header with nothing under it, as CSV, Excel or Word."""
    title = "Exampleshire Safeguarding Adults Board"
    if name.endswith(".csv"):
        return f"{title}\r\n{','.join(header)}\r\n".encode()
    if name.endswith(".xlsx"):
        import openpyxl

        workbook = openpyxl.Workbook()
        workbook.active.append([title])
        workbook.active.append(header)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    import docx

    document = docx.Document()
    document.add_paragraph(title)
    table = document.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
