"""The exception tables' column widths, set from their text instead of measured by WeasyPrint
on every page: every word fits its column, long texts get the room."""

import pytest

from actionplan.reports.layouts import exception_lists
from actionplan.reports.render.as_html import EXCEPTION_TABLE_CHARACTERS, column_widths, exception_table

HEADINGS = ["Plan / ref", "Action", "Status", "RAG"]
LONG = "Audit a sample of case records and report to the sub-group. " * 3


def characters(widths: list[float]) -> list[float]:
    return [width * EXCEPTION_TABLE_CHARACTERS / 100 for width in widths]


def test_the_long_column_gets_the_room_the_short_ones_their_words():
    widths = column_widths(HEADINGS, [["Plan 1.", LONG, "Not started", "Amber"]], bold=3)
    assert sum(widths) == pytest.approx(100, abs=0.5)
    assert widths[1] == max(widths) and widths[1] > 60
    room = characters(widths)
    assert room[2] >= len("started") and room[3] >= len("Amber") * 1.2  # bold, a fifth wider


def test_texts_that_fit_get_all_their_length():
    widths = column_widths(HEADINGS, [["Plan 1.", "Audit records.", "Not started", "Red"]], bold=3)
    assert characters(widths)[2] >= len("Not started")  # no wrap where there is room


def test_every_word_fits_however_narrow_the_table():
    row = ["Safeguardingadultsreviewplan", LONG, "Implemented", "Green"]
    room = characters(column_widths(HEADINGS, [row] * 3, bold=3))
    assert room[0] >= len(row[0]) and room[2] >= len(row[2]) and room[3] >= len(row[3])


@pytest.mark.django_db
def test_the_report_gives_each_exception_table_a_width_for_each_column(demo_report):
    for exceptions, widths in map(exception_table, exception_lists(demo_report)):
        assert len(widths) == (len(exceptions.columns) + 1 if exceptions.lines else 0)
