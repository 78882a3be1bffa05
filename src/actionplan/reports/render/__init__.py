"""One small renderer per format, each turning a BoardReport into the bytes of a file.

A renderer's module is imported when a report is written in its format, not before: python-docx,
openpyxl, matplotlib and WeasyPrint take about a second to load, and every page and command
that merely names the formats (the system checks import every view) would pay it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from ..file_names import report_file_name
from ..model import BoardReport


@dataclass(frozen=True)
class Format:
    renderer: str  # the module of this package that writes the format
    content_type: str
    extension: str

    def write(self, report: BoardReport) -> bytes:
        written: bytes = import_module(f"{__name__}.{self.renderer}").write(report)
        return written


FORMATS: dict[str, Format] = {
    "docx": Format(
        "as_word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"
    ),
    "pdf": Format("as_pdf", "application/pdf", "pdf"),
    "html": Format("as_html", "text/html; charset=utf-8", "html"),
    "xlsx": Format("as_excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "csv": Format("as_csv", "text/csv; charset=utf-8", "csv"),
    "json": Format("as_json", "application/json", "json"),
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
    return report_file_name(f"{report.partnership} {report.scope}", report.as_at, extension)
