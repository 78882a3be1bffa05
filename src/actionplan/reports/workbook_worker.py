"""Read the cells of one uploaded workbook in a child process: the file's bytes on stdin, each
sheet's title and rows of cell values as JSON on stdout (dates as {"date": "…"}).

Run as `python path/to/workbook_worker.py MEMORY_MB FILENAME` (see returned.py). The memory bound
is set before the workbook is opened, so a hostile one (a small zip that unpacks to gigabytes, a
sheet of millions of styled cells) fails alone. It imports openpyxl, never Django: what the cells
mean is read by the parent, in returned.py.
"""

from __future__ import annotations

import io
import json
import os
import resource
import sys
import zipfile
from datetime import date, datetime, time
from typing import Any

# An .xlsx is a zip: a small upload can unpack to gigabytes. Real trackers unpack to a few MB.
MAX_UNPACKED_BYTES = 100 * 2**20
NOT_A_WORKBOOK = "not an Excel workbook (.xlsx)"


def cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, time):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def read(content: bytes) -> dict[str, Any]:
    from openpyxl import load_workbook  # after the memory bound: it is the reading that is bounded

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return {"failure": NOT_A_WORKBOOK}
    if unpacked > MAX_UNPACKED_BYTES:
        return {"failure": f"unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB; not a tracker"}
    try:
        book = load_workbook(io.BytesIO(content), data_only=True)
        sheets = [
            {"title": sheet.title, "rows": [list(map(cell, r)) for r in sheet.iter_rows(values_only=True)]}
            for sheet in book.worksheets
        ]
    except MemoryError:
        raise
    except Exception:  # openpyxl raises many kinds on a file that is not a workbook inside
        return {"failure": NOT_A_WORKBOOK}
    return {"sheets": sheets}


def main() -> None:
    # openpyxl loads numpy when it is installed, whose maths library reserves memory for a
    # thread per core: one thread keeps the bound for the workbook.
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    megabytes = int(sys.argv[1])
    content = sys.stdin.buffer.read()
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    sys.stdout.write(json.dumps(read(content)))


if __name__ == "__main__":
    main()
