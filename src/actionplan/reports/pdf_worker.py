"""Print HTML to PDF with WeasyPrint in a child process: HTML on stdin, PDF on stdout.

Run as `python path/to/pdf_worker.py MEMORY_MB` (see render/as_pdf.py). The memory bound is set
in the child before WeasyPrint starts, so a huge or hostile document fails alone instead of
taking the web server's memory with it. It imports nothing of Django, so the child starts fast.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

# The product's own static files (actionplan/<app>/static/...): the only files a report may use.
PACKAGE = Path(__file__).resolve().parent.parent


def limit_memory(megabytes: int) -> None:
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def own_static_file(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in {"", "localhost"}:
        return False
    path = Path(url2pathname(parts.path)).resolve()
    return path.is_file() and any(path.is_relative_to(folder) for folder in PACKAGE.glob("*/static"))


def url_fetcher() -> Any:
    """WeasyPrint fetches nothing but the charts' data: URIs and the product's static files, so
    text in a report can never make the server read its files or call another machine."""
    from weasyprint.urls import URLFetcher

    class OwnFilesOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.lower().startswith("data:") or own_static_file(url):
                return super().fetch(url, headers)
            raise ValueError(f"a report may not fetch {url[:100]}")

    return OwnFilesOnly(allowed_protocols={"data", "file"}, allow_redirects=False)


def main() -> None:
    limit_memory(int(sys.argv[1]))
    from weasyprint import HTML  # imported after the limit so its own start-up counts too

    html = sys.stdin.buffer.read().decode("utf-8")
    sys.stdout.buffer.write(HTML(string=html, url_fetcher=url_fetcher()).write_pdf())


if __name__ == "__main__":
    main()
