"""A workbook whose header the importer does not recognise, its columns mapped by hand: the
RAG read from the cells' colours, a merged owner given to each row it spans, a hidden column
of old dates left out, all by the roles the person gave the columns."""

from __future__ import annotations

import io
from datetime import datetime

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from actionplan.importing import ImportFailure, parse_bytes, read_columns

# A layout unlike any of the board documents the importer knows: a key column, the finding,
# the steps, a named lead, a hidden column of superseded dates, the date, a shaded rating.
HEADER = ["Line", "Learning", "Change planned", "Held by", "Earlier", "When", "Shade"]
# As the import page offers them: a column it could not read is kept as notes until mapped.
MAPPED = {"Line": "ref", "Learning": "recommendation", "Change planned": "action", "Held by": "owner",
          "Earlier": "notes", "When": "due", "Shade": "rag"}


def workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Eastshire Safeguarding Adults Board: learning log"])
    sheet.append(HEADER)
    rows = [("1", "Carers were not asked about their needs.", "Offer a carer's assessment",
             "Eastshire Adult Social Care", "01/01/2020", datetime(2027, 3, 31), "FFFF0000"),
            ("2", "Discharge letters were late.", "Send letters within two days", None,
             "01/01/2020", datetime(2027, 6, 30), "FF00B050"),
            ("3", "Pressure care was not escalated.", "Publish an escalation route", "Eastshire ICB",
             "01/01/2020", datetime(2027, 9, 30), "FFFFC000")]
    for values in rows:
        sheet.append([*values[:6], None])
        sheet.cell(row=sheet.max_row, column=7).fill = PatternFill(fill_type="solid", fgColor=values[6])
    sheet.merge_cells("D3:D4")  # one lead for the first two rows
    sheet.column_dimensions["E"].hidden = True
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_header_is_not_recognised_without_the_mapping():
    with pytest.raises(ImportFailure, match="no recognisable header row"):
        parse_bytes(workbook(), "log.xlsx")


def test_the_mapped_columns_are_read_with_colours_merged_and_hidden_cells():
    draft = parse_bytes(workbook(), "log.xlsx", columns=MAPPED)
    items = {item.ref: item for item in draft.items}
    assert [items[ref].actions[0].rag for ref in ("1", "2", "3")] == ["red", "green", "amber"]
    assert items["2"].actions[0].owners == ["Eastshire Adult Social Care"]  # the merged cell, on each row
    assert items["3"].actions[0].owners == ["Eastshire ICB"]
    dates = [items[ref].actions[0].due.date for ref in ("1", "2", "3")]
    assert dates == ["2027-03-31", "2027-06-30", "2027-09-30"]
    messages = [w.message for w in draft.warnings]
    assert any("RAG read from cell colour FF0000 as red" in m for m in messages)
    assert "hidden column 'Earlier' left out" in messages
    assert "01/01/2020" not in str(draft.to_dict())


def test_the_columns_read_by_hand_are_those_shown_to_the_person():
    readings = read_columns(workbook(), "log.xlsx", columns=MAPPED)
    assert [(r.header, r.role) for r in readings] == [
        ("Line", "ref"), ("Learning", "recommendation"), ("Change planned", "action"),
        ("Held by", "owner"), ("When", "due"), ("Shade", "rag")]
