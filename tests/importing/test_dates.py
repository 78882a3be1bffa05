"""Due dates as boards write them, kept word for word, read day first."""

from __future__ import annotations

import pytest

from actionplan.importing import parse_bytes
from actionplan.importing.due import parse_due, split_due_cell

CASES = [
    ("01/06/17", "2017-06-01", "day", "date"),
    ("4/1/10", "2010-01-04", "day", "date"),
    ("1/12/17", "2017-12-01", "day", "date"),
    ("Sept '07", "2007-09-30", "month", "date"),
    ("March '08.", "2008-03-31", "month", "date"),
    ("Oct07", "2007-10-31", "month", "date"),
    ("Oct 07", "2007-10-31", "month", "date"),
    ("Dec 09", "2009-12-31", "month", "date"),
    ("Aug 09", "2009-08-31", "month", "date"),
    ("31 st December 2009", "2009-12-31", "day", "date"),
    ("30 th November 2009", "2009-11-30", "day", "date"),
    ("01-Sept-09", "2009-09-01", "day", "date"),
    ("By 31/12/09", "2009-12-31", "day", "date"),
    ("April 2010", "2010-04-30", "month", "date"),
    ("January 2010 onwards", "2010-01-31", "month", "date"),
    ("2017/18", "2018-03-31", "year", "date"),
    ("Q3 2017/18", "2017-12-31", "quarter", "date"),
    ("Quarter 2", None, "quarter", "date"),
    # A day that does not exist is not read as its year, or as any other date.
    ("31/02/2025", None, None, "unknown"),
    # The day after the month, with a year of four digits: not "March 2015".
    ("By March 15 2025", "2025-03-15", "day", "date"),
    ("Mar 15th, 2025", "2025-03-15", "day", "date"),
    ("Mar 15", "2015-03-31", "month", "date"),
    ("30 February 2025", None, None, "unknown"),
    ("Ongoing", None, None, "ongoing"),
    ("Ongoing programme", None, None, "ongoing"),
    ("With immediate effect", None, None, "immediate"),
    ("Completed", None, None, "done"),
    ("Completed Oct 2009", "2009-10-31", "month", "done"),
    ("Achieved", None, None, "done"),
    ("Quarterly", None, None, "recurring"),
    ("Monthly", None, None, "recurring"),
    ("Annual", None, None, "recurring"),
    ("Annual reports", None, None, "recurring"),
    ("Each NSCB", None, None, "recurring"),
    ("Quarterly statistics to NSCB", None, None, "recurring"),
    ("Evaluate impact April 2010", "2010-04-30", "month", "date"),
    ("Action plan agreed November 2009", "2009-11-30", "month", "date"),
    ("To be completed by January 2010", "2010-01-31", "month", "date"),
    ("MAY 2007", "2007-05-31", "month", "date"),
    ("Sep. '07", "2007-09-30", "month", "date"),
    ("May'07", "2007-05-31", "month", "date"),
    ("When the review is published", None, None, "unknown"),
    ("Quarter 2, 2024-25", "2024-09-30", "quarter", "date"),
    ("Q1 24/25", "2024-06-30", "quarter", "date"),
    ("Q3 2019/20", "2019-12-31", "quarter", "date"),
    ("Q4 2019/20", "2020-03-31", "quarter", "date"),
    ("2024-25", "2025-03-31", "year", "date"),
    ("Summer term 2025", "2025-07-31", "month", "date"),
    ("Autumn term 2025", "2025-12-31", "month", "date"),
    ("Spring term 2026", "2026-04-05", "month", "date"),  # Easter Day 2026
    ("Autumn term 2024/25", "2024-12-31", "month", "date"),
    ("Spring term 2024/25", "2025-04-20", "month", "date"),  # Easter Day 2025
    ("By the next board meeting", None, None, "unknown"),
    ("", None, None, "unknown"),
]


@pytest.mark.parametrize(("text", "date", "precision", "kind"), CASES)
def test_it_reads_the_wording(text, date, precision, kind):
    due = parse_due(text)
    assert (due.text, due.date, due.precision, due.kind) == (text, date, precision, kind)


@pytest.mark.parametrize(("cell", "pieces"), [
    ("July '07 March '08", ["July '07", "March '08"]),
    ("January 2010 February 2010", ["January 2010", "February 2010"]),
    ("Annual March '08", ["Annual", "March '08"]),
    ("Completed Oct 2009 Mar 2010", ["Completed Oct 2009", "Mar 2010"]),
    ("January 2010. January 2010 onwards", ["January 2010.", "January 2010 onwards"]),
    ("December 09 Review", ["December 09 Review"]),
    ("April 2010", ["April 2010"]),
])
def test_it_splits_a_cell_of_several_dates(cell, pieces):
    assert split_due_cell(cell) == pieces


def test_it_takes_the_latest_of_several_dates_for_one_action():
    assert parse_due("Nov '07 March '08").date == "2008-03-31"


def test_a_due_set_by_an_event_is_kept_as_wording_with_its_own_warning():
    draft = parse_bytes(
        b"Recommendation\tAction\tOwner\tDue\nShare it.\tWrite it\tCouncil\t"
        b"By the next board meeting\n", "plan.txt")
    (action,) = draft.items[0].actions
    assert (action.due.text, action.due.date) == ("By the next board meeting", None)
    assert [w.message for w in draft.warnings] == [
        "due when an event happens, not on a date: 'By the next board meeting' (give it a "
        "date to track it)"]
