"""PDF plans without ruling lines, laid out line by line as a word processor prints them:
cells wrapped over several lines, a table crossing pages (a row cut by the page break), the
title repeated at the top of each page and "Page N of M" at the bottom; and a scanned page
(an image, no text)."""

from __future__ import annotations

import io

from fpdf import FPDF

TITLE = ["Exampleshire Safeguarding Adults Board", "Safeguarding Adult Review Adult S",
         "Action Plan", "September 2024"]
RUNNING_HEAD = "Exampleshire SAB - SAR Adult S action plan"
HEADER = ["Ref", "Recommendation", "Action", "Lead agency", "Target date", "Progress"]
WRAPPED_HEADER = (["Ref", "Recommendation", "Action", "Lead", "Target", "Progress"],
                  ["", "", "", "agency", "date", ""])
WIDTHS = (14, 80, 70, 40, 28, 45)
LINE = 5.0  # mm between the lines of one cell
ROW_GAP = 4.0  # mm of padding between rows


def row(number: int) -> list[str]:
    return [f"{number}.1",
            f"Agencies should share what they know about adult {number} with the other "
            "agencies within five working days of a concern being raised",
            f"Write and agree an information sharing protocol for case {number}",
            "Police" if number % 2 else "Adult Social Care",
            f"{number % 28 + 1:02d}/03/2025",
            "Drafted and sent to partners for comment" if number % 3 else ""]


class _Printer(FPDF):
    def __init__(self, pages_hint: int, wrapped_header: bool = False) -> None:
        super().__init__(orientation="L")
        self.pages_hint = pages_hint
        self.header_lines = WRAPPED_HEADER if wrapped_header else (HEADER,)
        self.set_auto_page_break(False)
        self.set_font("Helvetica", size=9)

    def header(self) -> None:
        self.set_font("Helvetica", size=8)
        self.set_xy(10, 6)
        self.cell(0, 4, RUNNING_HEAD)
        self.set_font("Helvetica", size=9)

    def footer(self) -> None:
        self.set_font("Helvetica", size=8)
        self.set_xy(10, 200)
        self.cell(0, 4, f"Page {self.page_no()} of {self.pages_hint}")
        self.set_font("Helvetica", size=9)

    def put_line(self, texts: list[str]) -> None:
        """One printed line: each cell's text at its column's left edge."""
        x = 10.0
        for text, width in zip(texts, WIDTHS, strict=True):
            if text:
                self.set_xy(x, self.y_at)
                self.cell(width, LINE, text)
            x += width
        self.y_at += LINE

    def new_page(self) -> None:
        self.add_page()
        self.y_at = 14.0
        self.put_header()  # the header repeated on each page, as Word does

    def put_header(self) -> None:
        for line in self.header_lines:
            self.put_line(line)
        self.y_at += 2


def short_row(number: int) -> list[str]:
    """A row that fits on one line."""
    return [f"{number}.1", f"Share records {number}", "Write a protocol", "Police",
            f"{number:02d}/04/2025", ""]


def unruled_plan(rows: int = 9, bottom: float = 118.0, short: bool = False,
                 wrapped_header: bool = False) -> bytes:
    """`rows` rows over as many pages as `bottom` (mm) allows; a row that does not fit is
    cut: its first lines at the foot of one page, the rest at the top of the next. Printed
    twice: the first time counts the pages for "Page N of M"."""
    counted = _Printer(0, wrapped_header)
    _print(counted, rows, bottom, short)
    return _print(_Printer(counted.page_no(), wrapped_header), rows, bottom, short)


def _print(pdf: _Printer, rows: int, bottom: float, short: bool) -> bytes:
    pdf.add_page()
    pdf.y_at = 14.0
    pdf.set_font("Helvetica", size=12)
    for text in TITLE:
        pdf.set_xy(10, pdf.y_at)
        pdf.cell(0, 7, text)
        pdf.y_at += 7
    pdf.set_font("Helvetica", size=9)
    pdf.y_at += 4
    pdf.put_header()
    for number in range(1, rows + 1):
        cells = [pdf.multi_cell(width, LINE, text, dry_run=True, output="LINES") if text else []
                 for text, width in zip((short_row if short else row)(number), WIDTHS,
                                        strict=True)]
        for index in range(max(len(c) for c in cells)):
            if pdf.y_at > bottom:
                pdf.new_page()
            pdf.put_line([c[index] if index < len(c) else "" for c in cells])
        pdf.y_at += ROW_GAP
    return bytes(pdf.output())


def scanned_page() -> bytes:
    """A page that is only a picture of text, as a scanner makes it."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (800, 400), "white")
    ImageDraw.Draw(image).text((20, 20), "Recommendation   Action   Lead", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(buffer.getvalue()), x=10, y=10, w=190)
    return bytes(pdf.output())


def blank_pages() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.add_page()
    return bytes(pdf.output())


def header_only() -> bytes:
    """A table's header and nothing under it."""
    pdf = _Printer(pages_hint=1)
    pdf.add_page()
    pdf.y_at = 14.0
    pdf.put_line(HEADER)
    return bytes(pdf.output())
