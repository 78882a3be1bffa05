"""Print HTML to PDF with WeasyPrint in a child process: HTML on stdin, PDF on stdout.

Run as `python path/to/pdf_worker.py MEMORY_MB` (see render/as_pdf.py). The memory bound is set
in the child before WeasyPrint starts, so a huge or hostile document fails alone instead of
taking the web server's memory with it. It imports nothing of Django, so the child starts fast.
"""

from __future__ import annotations

import re
import resource
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

# WeasyPrint's default stylesheet gives every element's list marker, footnote and note pseudo-
# elements a style, six extra styles an element although a report has no footnotes or notes and
# lists only in <li>: some tenth of the time of a long report (bench/reports).
NOTE_RULES = re.compile(r"^::(footnote|note)-[a-z]+ \{[^}]*\}$", re.MULTILINE)

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


def lean_rules(default_rules: str) -> str:
    """WeasyPrint's default stylesheet less the rules for every element's pseudo-elements."""
    return NOTE_RULES.sub("", default_rules).replace("\n::marker {", "\nli::marker {")


def report_html() -> Any:
    """WeasyPrint's HTML with the lean default stylesheet. Should a later WeasyPrint change how it
    names either, the document prints the same with the full stylesheet, only more slowly (and
    tests/reports/test_pdf_worker.py says so)."""
    from weasyprint import CSS, HTML
    from weasyprint.html import UA, UA_COUNTER_STYLE

    lean = CSS(string=lean_rules(UA), counter_style=UA_COUNTER_STYLE)

    class ReportHTML(HTML):
        def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
            return [lean, *super()._ua_stylesheets(forms)[1:]]  # the forms sheet, if asked

    return ReportHTML


def main() -> None:
    limit_memory(int(sys.argv[1]))
    html = sys.stdin.buffer.read().decode("utf-8")
    # WeasyPrint is imported after the limit so its own start-up counts too.
    sys.stdout.buffer.write(report_html()(string=html, url_fetcher=url_fetcher()).write_pdf())


if __name__ == "__main__":
    main()
