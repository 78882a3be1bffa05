"""PDF: the HTML report printed by WeasyPrint in a separate, memory-bound process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..model import BoardReport
from . import as_html

MEMORY_MB = 2048  # a 2,000-action plan peaks at about 460 MB (bench/reports)
TIMEOUT_SECONDS = 600  # a 2,000-action plan takes 30 s of CPU, minutes on a busy machine
# Run as a script, not with -m: importing the package would start Django in the child for nothing.
WORKER = Path(__file__).resolve().parent.parent / "pdf_worker.py"


class PdfFailed(RuntimeError):
    """WeasyPrint ran out of memory or time, or crashed."""


def html_to_pdf(html: str, *, memory_mb: int = MEMORY_MB, timeout: float = TIMEOUT_SECONDS) -> bytes:
    try:
        done = subprocess.run(
            [sys.executable, str(WORKER), str(memory_mb)],
            input=html.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise PdfFailed(f"the PDF took longer than {timeout:.0f} seconds to print") from error
    if done.returncode != 0 or not done.stdout.startswith(b"%PDF"):
        last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
        raise PdfFailed(f"the PDF could not be printed ({last})")
    return done.stdout


def write(report: BoardReport) -> bytes:
    return html_to_pdf(as_html.page(report))
