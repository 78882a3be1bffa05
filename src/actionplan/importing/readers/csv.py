"""CSV and tab-delimited text as Excel saves it: UTF-8 (with or without BOM), else
Windows-1252; Excel's quoting undone (doubled quotes, line breaks inside quoted cells); the
delimiter sniffed; the title and blank lines above the header read as the title block."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from itertools import islice

from ..errors import ImportFailure
from ..header import read_header
from . import SourceRow, cell_html, decode_text, titles_above

_DELIMITERS = ",;\t|"
_MARKUP = re.compile(r"<(p|ul|ol|li|u|i|br)\b[^>]*>", re.I)  # the extracted text's cell HTML
_SNIFFED_RECORDS = 50


def read(data: bytes, name: str) -> list[SourceRow]:
    text = decode_text(data, name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[SourceRow] = []
    header_line = None
    first_line = 1  # a quoted cell may hold line breaks: a record is named by its first line
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append(SourceRow(tuple(cell_html(c) for c in cells), first_line))
                if header_line is None and read_header([" ".join(c.split()) for c in cells]):
                    header_line = first_line
            first_line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFailure(name, f"is not a readable CSV file ({error})",
                            line=first_line) from error
    return titles_above(rows, header_line)


def _delimiter(text: str) -> str:
    """The delimiter that splits the first records into the same number of cells most
    often. Counting the character per line is misled by a title line without delimiters
    and by commas inside the cells ("£2,000") of a semicolon file; parsing respects quotes."""
    def regularity(delimiter: str) -> tuple[int, int, int]:
        records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            counts = Counter(len(r) for r in islice(records, _SNIFFED_RECORDS) if len(r) > 1)
        except csv.Error:
            counts = Counter()  # the reading proper names the line
        if not counts:
            return (0, 0, -_DELIMITERS.index(delimiter))
        width, times = counts.most_common(1)[0]
        return (times, width, -_DELIMITERS.index(delimiter))

    return max(_DELIMITERS, key=regularity)


def saved_by_excel(text: str) -> bool:
    """Text that Excel saved as "Text (Tab delimited)": every row padded to the same number
    of tab-separated cells (the title rows too), cells quoted Excel's way. The extracted
    text of a published plan has lines without tabs (titles, prose) and HTML in its cells,
    and is read as such."""
    if _MARKUP.search(text):
        return False
    try:
        widths = {len(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter="\t")
                  if r}
    except csv.Error:
        return False
    return len(widths) == 1 and widths.pop() > 1
