"""One small renderer per format, each turning a BoardReport into the bytes of a file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import BoardReport
from . import as_csv, as_excel, as_html, as_json, as_pdf, as_word


@dataclass(frozen=True)
class Format:
    write: Callable[[BoardReport], bytes]
    content_type: str
    extension: str


FORMATS: dict[str, Format] = {
    "docx": Format(
        as_word.write, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"
    ),
    "pdf": Format(as_pdf.write, "application/pdf", "pdf"),
    "html": Format(as_html.write, "text/html; charset=utf-8", "html"),
    "xlsx": Format(
        as_excel.write, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"
    ),
    "csv": Format(as_csv.write, "text/csv; charset=utf-8", "csv"),
    "json": Format(as_json.write, "application/json", "json"),
}


@dataclass(frozen=True)
class Rendered:
    """What a download needs: the file's bytes, its content type and a name to save it under."""

    content: bytes
    content_type: str
    filename: str


def render(report: BoardReport, format: str) -> Rendered:
    chosen = FORMATS[format]
    return Rendered(chosen.write(report), chosen.content_type, file_name(report, chosen.extension))


def file_name(report: BoardReport, extension: str) -> str:
    """e.g. "riverton-safeguarding-children-partnership-all-plans-2026-11-21.xlsx"."""
    words = f"{report.partnership} {report.scope}".lower()
    slug = "-".join("".join(c if c.isalnum() else " " for c in words).split())[:80].rstrip("-")
    return f"{slug}-{report.as_at.isoformat()}.{extension}"
