"""Print HTML to PDF with WeasyPrint in a child process: HTML on stdin, PDF on stdout.

Run as `python path/to/pdf_worker.py MEMORY_MB` (see render/as_pdf.py). The memory bound is set
in the child before WeasyPrint starts, so a huge or hostile document fails alone instead of
taking the web server's memory with it. It imports nothing of Django, so the child starts fast.
"""

from __future__ import annotations

import resource
import sys


def limit_memory(megabytes: int) -> None:
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def main() -> None:
    limit_memory(int(sys.argv[1]))
    from weasyprint import HTML  # imported after the limit so its own start-up counts too

    html = sys.stdin.buffer.read().decode("utf-8")
    sys.stdout.buffer.write(HTML(string=html).write_pdf())


if __name__ == "__main__":
    main()
