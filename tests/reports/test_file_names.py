"""The names reports are saved under: cut between words, never in one, and safe to save."""

from __future__ import annotations

import re
from datetime import date
from types import SimpleNamespace

from actionplan.reports.file_names import MOST_CHARACTERS, report_file_name
from actionplan.reports.render import file_name

ON = date(2026, 11, 30)
LONG_PLAN = ("Child R: serious case review action plan agreed by the Riverton Safeguarding "
             "Children Partnership board in its extraordinary meeting")


def slug_of(name: str) -> str:
    return name.removesuffix("-2026-11-30.pdf")


def test_it_cuts_a_long_plan_title_after_a_whole_word():
    name = file_name(SimpleNamespace(partnership="Riverton Safeguarding Children Partnership",
                                     scope=LONG_PLAN, as_at=ON), "pdf")
    slug = slug_of(name)
    assert name.endswith("-2026-11-30.pdf") and len(slug) <= MOST_CHARACTERS
    words = f"riverton safeguarding children partnership {LONG_PLAN}".lower().replace(":", "").split()
    cut = slug.split("-")
    assert cut == words[: len(cut)]  # every word whole, in order
    assert len(f"{slug}-{words[len(cut)]}") > MOST_CHARACTERS  # and as many as fit


def test_a_name_that_fits_is_kept_whole():
    assert report_file_name("Riverton Safeguarding Children Partnership All plans", ON, "xlsx") == (
        "riverton-safeguarding-children-partnership-all-plans-2026-11-30.xlsx")


def test_it_keeps_no_path_quoting_or_control_character():
    name = report_file_name('../../etc/passwd "Child\\R"\r\n; rm *.docx <b>', ON, "docx")
    assert re.fullmatch(r"[a-z0-9-]+-2026-11-30\.docx", name)
    assert name == "etc-passwd-child-r-rm-docx-b-2026-11-30.docx"


def test_accents_are_folded_and_an_apostrophe_keeps_its_word():
    name = report_file_name("Bwrdd Diogelu Gogledd Cymru: Children’s and Adults' Services café", ON, "csv")
    assert name == "bwrdd-diogelu-gogledd-cymru-childrens-and-adults-services-cafe-2026-11-30.csv"


def test_words_with_no_letter_of_use_still_give_a_name():
    assert report_file_name("“—” 👪", ON, "pdf") == "report-2026-11-30.pdf"
    assert report_file_name("x" * 200, ON, "pdf") == "x" * MOST_CHARACTERS + "-2026-11-30.pdf"


def test_a_workbooks_sheet_names_are_cut_after_a_whole_word():
    from actionplan.reports.render.as_excel import sheet_name

    taken: set[str] = set()
    assert sheet_name("Adult J: safeguarding adult review action plan", taken) == "Adult J safeguarding adult"
    assert sheet_name("Adult J: safeguarding adult review plan 2", taken) == "Adult J safeguarding (2)"
    assert sheet_name("Composite action plan: outstanding review actions", taken) == "Composite action plan"
