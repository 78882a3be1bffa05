"""Bad files: each is refused with ImportFailure and a one-line message naming the file."""

from __future__ import annotations

import pytest

from actionplan.importing import MAX_BYTES, ImportFailure, parse_bytes, parse_file

from . import documents

OLE2 = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)  # what encrypted Office files are


def failure(data: bytes, name: str, **kwargs) -> ImportFailure:
    with pytest.raises(ImportFailure) as raised:
        parse_bytes(data, name, **kwargs)
    message = str(raised.value)
    assert message.startswith(name.rsplit("/", 1)[-1] + ": ")
    assert "\n" not in message
    return raised.value


@pytest.mark.parametrize("name", ["plan.txt", "plan.docx", "plan.xlsx", "plan.csv", "plan.pdf"])
def test_it_refuses_an_empty_file(name):
    assert "is empty" in str(failure(b"", name))


@pytest.mark.parametrize("name", ["plan.docx", "plan.xlsx"])
def test_it_refuses_encrypted_office_files(name):
    assert "password" in str(failure(OLE2, name))


def test_it_refuses_an_encrypted_pdf():
    assert str(failure(documents.encrypted_pdf(), "plan.pdf")) == (
        "plan.pdf: is password-protected: save it without a password")


@pytest.mark.parametrize("name", ["plan.docx", "plan.xlsx"])
def test_it_refuses_a_truncated_zip(name):
    data = documents.word_plan() if name.endswith("docx") else documents.excel_plan()
    assert "truncated" in str(failure(data[: len(data) // 2], name))


def test_it_refuses_binary_junk_named_as_text():
    assert "binary" in str(failure(b"\x00\x01\x02junk", "plan.txt"))


def test_it_refuses_junk_named_as_pdf():
    assert str(failure(b"hello", "plan.pdf")) == "plan.pdf: is not a PDF"


def test_it_refuses_an_oversize_file(tmp_path):
    big = tmp_path / "huge.csv"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(ImportFailure, match="huge.csv: is larger than the 20 MB limit"):
        parse_file(big)
    assert "20 MB" in str(failure(b"x" * (MAX_BYTES + 1), "huge.txt"))


def test_it_names_the_line_when_no_header_is_recognisable():
    data = b"Some title\n\nApples\tPears\tPlums\n1\t2\t3\n"
    error = failure(data, "fruit.txt")
    assert str(error) == "fruit.txt: line 3: no recognisable header row"
    assert (error.line, error.page, error.path) == (3, None, "fruit.txt")


def test_it_names_the_page_of_a_pdf_without_a_header():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Nothing but a title")
    error = failure(bytes(pdf.output()), "title.pdf")
    assert str(error) == "title.pdf: page 1: no recognisable header row"


@pytest.mark.parametrize("name", ["plan.odt", "plan", "plan.doc"])
def test_it_refuses_unknown_types(name):
    failure(b"Outcome\tRecommendation\n", name)


def test_it_refuses_a_missing_file(tmp_path):
    with pytest.raises(ImportFailure, match="gone.txt: cannot be read"):
        parse_file(tmp_path / "gone.txt")


def test_it_refuses_an_unknown_column_role():
    data = b"Recommendation\tAction\nDo it\tNow\n"
    assert "unknown role" in str(failure(data, "p.txt", columns={"Action": "colour"}))
