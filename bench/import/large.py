"""Time to the preview and peak memory on large plans: a 5,000-row workbook, a 40-page PDF.

    .venv/bin/python bench/import/large.py [--rows N] [--pages N] [--keep DIR]

Writes both documents (openpyxl, fpdf2), then reads each in a fresh Python process, as a
web worker reading its first upload would: the time from the bytes to the drafts and their
JSON (what the preview and the session need), and the process's peak memory (resident set,
ru_maxrss) with the part the reading added. Exit status 1 when either is over its target.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

TARGET_SECONDS = 10.0
TARGET_MB = 500.0
HEADER = ["Ref", "Recommendation", "Action", "Lead agency", "Target date", "RAG", "Progress"]


def row(number: int) -> list[str]:
    return [f"{number // 3 + 1}.{number % 3 + 1}",
            f"Agencies should share what they know about adult {number} with the other "
            "agencies within five working days of a concern being raised",
            f"Write and agree an information sharing protocol for case {number}",
            ("Police", "Adult Social Care", "Integrated Care Board")[number % 3],
            f"{number % 28 + 1:02d}/03/2025", "", "Drafted and sent to partners for comment"]


def workbook(rows: int) -> bytes:
    import openpyxl
    from openpyxl.styles import PatternFill

    fills = [PatternFill(fill_type="solid", fgColor=c) for c in ("FFFF0000", "FFFFC000",
                                                                 "FF00B050")]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Exampleshire Safeguarding Adults Board composite action plan"])
    sheet.append(HEADER)
    start = datetime(2025, 1, 1)
    for number in range(rows):
        cells: list[object] = list(row(number))
        cells[4] = start + timedelta(days=number % 365)  # a real date cell
        sheet.append(cells)
        sheet.cell(row=sheet.max_row, column=6).fill = fills[number % 3]  # RAG by colour
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def pdf(pages: int) -> bytes:
    """An unruled table with wrapped cells running over `pages` pages, a running head and
    page numbers on each, as a word processor prints it."""
    from fpdf import FPDF

    widths = (14, 80, 70, 40, 28, 12, 45)
    document = FPDF(orientation="L")
    document.set_auto_page_break(False)
    document.set_font("Helvetica", size=9)
    y = _new_page(document, pages, widths)
    document.set_xy(10, y)
    document.cell(0, 6, "Exampleshire Safeguarding Adults Board composite action plan")
    y += 10
    _line(document, y, HEADER, widths)
    y += 7
    number = 0
    while True:
        cells = [document.multi_cell(w, 5, t, dry_run=True, output="LINES") if t else []
                 for t, w in zip(row(number), widths, strict=True)]
        for index in range(max(len(c) for c in cells)):
            if y > 185:
                if document.page_no() == pages:
                    return bytes(document.output())
                y = _new_page(document, pages, widths)
                _line(document, y, HEADER, widths)
                y += 7
            _line(document, y, [c[index] if index < len(c) else "" for c in cells], widths)
            y += 5
        y += 4
        number += 1


def _new_page(document: Any, pages: int, widths: tuple[int, ...]) -> float:
    """A page with its running head and number; returns where the text starts (mm)."""
    document.add_page()
    document.set_xy(10, 6)
    document.cell(0, 4, "Exampleshire SAB composite action plan")
    document.set_xy(10, 200)
    document.cell(0, 4, f"Page {document.page_no()} of {pages}")
    return 14.0


def _line(document: Any, y: float, texts: list[str], widths: tuple[int, ...]) -> None:
    x = 10.0
    for text, width in zip(texts, widths, strict=True):
        if text:
            document.set_xy(x, y)
            document.cell(width, 5, text)
        x += width


def read_one(path: str) -> None:
    """In the child process: read the file, print seconds and memory as JSON."""
    from actionplan.importing import parse_plans_bytes

    data = Path(path).read_bytes()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    drafts = parse_plans_bytes(data, path)
    json.dumps([draft.to_dict() for draft in drafts])
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "added_mb": peak - before,
                      "items": sum(len(d.items) for d in drafts),
                      "actions": sum(len(i.actions) for d in drafts for i in d.items),
                      "warnings": sum(len(d.warnings) for d in drafts)}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--keep", type=Path, help="write the documents here and keep them")
    parser.add_argument("--read-one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read_one:
        read_one(args.read_one)
        return 0
    folder = args.keep or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    documents = {f"plan-{args.rows}-rows.xlsx": workbook(args.rows),
                 f"plan-{args.pages}-pages.pdf": pdf(args.pages)}
    print(f"{platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} cores, {platform.machine()}, load {os.getloadavg()[0]:.1f}")
    over = False
    for name, data in documents.items():
        path = folder / name
        path.write_bytes(data)
        done = subprocess.run([sys.executable, __file__, "--read-one", str(path)],
                              capture_output=True, text=True, check=True)
        found = json.loads(done.stdout)
        over |= found["seconds"] > TARGET_SECONDS or found["peak_mb"] > TARGET_MB
        print(f"{name:24} {len(data) / 2**20:5.1f} MB  {found['seconds']:6.2f} s  "
              f"peak {found['peak_mb']:6.1f} MB (reading +{found['added_mb']:.1f} MB)  "
              f"{found['items']} items, {found['actions']} actions, "
              f"{found['warnings']} warnings")
    print(f"targets: under {TARGET_SECONDS:.0f} s and {TARGET_MB:.0f} MB each"
          + ("  -- OVER" if over else "  -- met"))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
