"""Excel trackers: every sheet, top to bottom; dates written the UK way for dates.py."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl

from . import SourceRow, cell_html


def read(data: bytes, name: str) -> list[SourceRow]:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    rows: list[SourceRow] = []
    try:
        for sheet in workbook.worksheets:
            first = True
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = tuple(_cell_text(v) for v in values)
                if any(c.strip() for c in cells):
                    rows.append(SourceRow(cells, number, after_break=first))
                    first = False
    finally:
        workbook.close()
    return rows


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return cell_html(str(value))
