"""Which format a file is, and refusing bytes no reader should be handed."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from .errors import ImportFailure

MAX_BYTES = 20 * 2**20  # boards' plans are well under 1 MB; 20 MB leaves room for images
_MAX_UNZIPPED = 200 * 2**20  # a .docx/.xlsx inflating past this is a zip bomb, not a plan
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted Office files, and old .doc/.xls
FORMATS = {".txt": "text", ".text": "text", ".md": "text", ".docx": "docx", ".xlsx": "xlsx",
           ".xlsm": "xlsx", ".csv": "csv", ".tsv": "csv", ".pdf": "pdf"}
_NAMES = {"docx": "a Word document", "xlsx": "an Excel workbook", "pdf": "a PDF"}


def format_of(filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".doc", ".xls"):
        raise ImportFailure(filename, f"old {suffix} files are not read: save it as {suffix}x")
    if suffix not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise ImportFailure(filename, f"unknown file type {suffix or '(none)'!r}; use {known}")
    return FORMATS[suffix]


def check_bytes(data: bytes, filename: str, fmt: str) -> None:
    if not data or data.isspace():  # isspace: no stripped copy of the whole file
        raise ImportFailure(filename, "is empty")
    if len(data) > MAX_BYTES:
        raise ImportFailure(filename, f"is larger than the {MAX_BYTES // 2**20} MB limit")
    if data.startswith(_OLE2):
        raise ImportFailure(filename, "is encrypted or password-protected (or an old binary "
                                      "Office file): save it without a password")
    if fmt in ("docx", "xlsx"):
        _check_zip(data, filename, fmt)
    if fmt == "pdf" and b"%PDF" not in data[:1024]:
        raise ImportFailure(filename, "is not a PDF")


def _check_zip(data: bytes, filename: str, fmt: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, EOFError) as error:
        raise ImportFailure(filename, f"is not {_NAMES[fmt]} (damaged or truncated)") from error
    if inflated > _MAX_UNZIPPED:
        raise ImportFailure(filename, "unpacks to more than 200 MB; refused")
