"""A RAG key on a sheet of its own says what the plans' letters mean on the other sheets of
the workbook, as a key under the plan's own table does. Each workbook is written here."""

from __future__ import annotations

import io

import openpyxl

from actionplan.importing import parse_bytes, parse_plans_bytes
from actionplan.importing.draft import Status


def workbook(*sheets: tuple[str, list[list[str]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# Every RAG cell a "C" or a colour's name: the plan's own cells cannot say what "C" is.
TRACKER = ("Tracker", [
    ["Northvale SAB: SAR Ms T tracker"],
    ["No.", "Learning", "What we will do", "Who", "Rating"],
    ["1", "Hoarding was not seen as a risk.", "Add hoarding to the fire checks", "Fire", "C"],
    ["2", "Carers were not asked.", "Carers' assessment prompt", "ASC", "Amber"],
])
KEY_TABLE = ("Guidance", [
    ["How to rate an action"],
    ["Letter", "Meaning"],
    ["R", "Off track"], ["A", "At risk"], ["G", "On track"], ["C", "Complete"],
])


def test_a_key_sheet_after_the_plan_says_c_is_complete():
    draft = parse_bytes(workbook(TRACKER, KEY_TABLE), "sar-ms-t.xlsx")
    first, second = draft.items[0].actions + draft.items[1].actions
    assert (first.rag, first.status) == ("blue", Status("C", "implemented"))
    assert (second.rag, second.status) == ("amber", None)
    messages = [w.message for w in draft.warnings]
    assert "sheet 'Guidance' holds no plan table but a RAG key (C = Complete), read for the " \
           "plans: not imported" in messages
    assert any(m.startswith("no status given: RAG 'C' means complete") for m in messages)


def test_a_key_in_one_cell_of_a_cover_sheet_applies_to_every_plan_sheet():
    cover = ("Cover", [["Northvale Safeguarding Adults Board"],
                       ["Key: R - off track; A - at risk; G - on track; C - complete"]])
    second = ("Mr U", [row[:] for row in TRACKER[1]])
    drafts = parse_plans_bytes(workbook(cover, TRACKER, second), "sars.xlsx")
    assert [d.items[0].actions[0].status for d in drafts] == [Status("C", "implemented")] * 2
    assert {d.plan.board for d in drafts} == {"Northvale Safeguarding Adults Board"}


def test_without_a_key_c_is_still_not_guessed():
    notes = ("Notes", [["Ratings are agreed at the SAR sub-group"], ["Contact the business unit"]])
    draft = parse_bytes(workbook(TRACKER, notes), "sar-ms-t.xlsx")
    first = draft.items[0].actions[0]
    assert (first.rag, first.status) == (None, None)
    assert "RAG rating not understood: 'C'" in [w.message for w in draft.warnings]
    assert "sheet 'Notes' holds no plan table: not imported" in [w.message for w in draft.warnings]
