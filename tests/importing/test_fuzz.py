"""Whatever the bytes, the importer returns drafts or raises ImportFailure, nothing else, and
never hangs (an alarm fails an example that runs for minutes: a hang, not slowness)."""

from __future__ import annotations

import io
import signal
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.importing import ImportFailure, parse_plans_bytes

from . import documents, pdf_documents, text_documents, word_documents, workbooks

FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
NAMES = st.sampled_from(["p.txt", "p.csv", "p.docx", "p.xlsx", "p.pdf", "p.bin"])


HANG = 120  # seconds: far beyond any reading of these small inputs


class Hang(BaseException):
    """Not an Exception: the importer turns those into ImportFailure, and must not this."""


@contextmanager
def no_hang() -> Iterator[None]:
    def hung(*_: object) -> None:
        raise Hang(f"no answer after {HANG} s: the reader hangs")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def parses_or_fails(data: bytes, name: str) -> None:
    with no_hang():
        try:
            drafts = parse_plans_bytes(data, name)
        except ImportFailure as failure:
            assert "\n" not in str(failure)
            assert str(failure).startswith(name.rsplit("/", 1)[-1] + ": ")
        else:
            assert drafts and all(draft.items or draft.sections for draft in drafts)


@cache
def samples() -> dict[str, list[bytes]]:
    return {"p.docx": [documents.word_plan(), word_documents.merged_plan(),
                       word_documents.two_header_rows()],
            "p.xlsx": [documents.excel_plan(), workbooks.coloured_rag(),
                       workbooks.several_sheets(), workbooks.two_header_rows(),
                       workbooks.hidden_parts()],
            "p.pdf": [documents.pdf_plan(True), pdf_documents.unruled_plan(rows=3),
                      pdf_documents.scanned_page()],
            "p.csv": [text_documents.excel_text("cp1252", ";")]}


def zip_shell(parts: dict[str, bytes]) -> bytes:
    """A well-formed zip holding the given parts: the reader gets past the zip check."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, content in parts.items():
            archive.writestr(path, content)
    return buffer.getvalue()


@FUZZ
@given(data=st.binary(max_size=2000), name=NAMES)
def test_it_survives_random_bytes(data, name):
    parses_or_fails(data, name)


@FUZZ
@given(text=st.text(alphabet=st.sampled_from("\t\n <>/pulia•▪-.1aA'\"&;Outcome"), max_size=400))
def test_it_survives_random_table_text(text):
    parses_or_fails(("Outcome\tRecommendation\tAction\tBy Whom\tTimescale\n" + text).encode(),
                    "p.txt")


@FUZZ
@given(cut=st.integers(min_value=0, max_value=10_000), flips=st.lists(
    st.tuples(st.integers(min_value=0, max_value=100_000), st.integers(0, 255)), max_size=8),
    name=st.sampled_from(["p.docx", "p.xlsx", "p.pdf", "p.csv"]), which=st.integers(0, 4))
def test_it_survives_truncated_and_mutated_documents(cut, flips, name, which):
    choices = samples()[name]
    data = bytearray(choices[which % len(choices)])
    for position, value in flips:
        data[position % len(data)] = value
    parses_or_fails(bytes(data[: len(data) - cut]), name)


OFFICE_PARTS = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml",
                "xl/sharedStrings.xml", "docProps/core.xml"]


@FUZZ
@given(parts=st.dictionaries(st.sampled_from(OFFICE_PARTS), st.binary(max_size=300),
                             max_size=6),
       name=st.sampled_from(["p.docx", "p.xlsx"]))
def test_it_survives_any_zip_of_office_parts(parts, name):
    parses_or_fails(zip_shell(parts), name)


@FUZZ
@given(body=st.binary(max_size=1500))
def test_it_survives_any_pdf_shell(body):
    parses_or_fails(b"%PDF-1.4\n" + body + b"\n%%EOF\n", "p.pdf")


@FUZZ
@given(text=st.text(alphabet=st.sampled_from('\t\n\r,;|"\' abcAé£–Ref1/'), max_size=400),
       encoding=st.sampled_from(["utf-8-sig", "cp1252"]), name=st.sampled_from(["p.csv", "p.txt"]))
def test_it_survives_any_spreadsheet_text(text, encoding, name):
    header = "Ref,Recommendation,Action,Lead,Due\r\n"
    parses_or_fails((header + text).encode(encoding, errors="replace"), name)


@pytest.mark.seeds
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_it_survives_mutated_seed_text(seed, data):
    text = seed(data.draw(st.sampled_from(["000", "001", "002", "003", "004"]))).read_text(
        encoding="utf-8")
    lines = text.splitlines()
    kept = data.draw(st.lists(st.integers(0, len(lines) - 1), max_size=len(lines)))
    mutated = "\n".join(lines[i] for i in kept)
    parses_or_fails(mutated.encode(), "seed.txt")
