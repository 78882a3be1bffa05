"""Names and text that reach the PDF report cannot add CSS or make WeasyPrint fetch anything."""

from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pdfplumber
import pytest
from django.utils import timezone

from actionplan.reports import Scope, build_report, render
from actionplan.reports.pdf_worker import PACKAGE, own_static_file
from actionplan.reports.render.as_html import page
from actionplan.reports.render.as_pdf import html_to_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def listener():
    """A web server on this machine that notes every request made to it."""
    asked: list[str] = []

    class Note(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Note)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", asked
    server.shutdown()


def hostile_name(base: str) -> str:
    return (
        f'Riverton"; }} body {{ background: url("{base}/css-leak") }} '
        f'@page {{ @top-left {{ content: "injected'
    )


def test_a_partnership_name_holding_css_stays_text_and_fetches_nothing(demo, listener):
    base, asked = listener
    demo.name = hostile_name(base)
    demo.save()
    report = build_report(demo, Scope(), timezone.localdate())  # named so since today
    style = page(report).split("<style>", 1)[1].split("</style>", 1)[0]
    assert "url(" not in style and "css-leak" not in style

    pdf = render(report, "pdf").content
    assert asked == []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        footer = document.pages[0].extract_text()
    assert 'Riverton"; } body { background: url(' in footer  # shown as the name it is


@pytest.mark.parametrize(
    "tag",
    [
        '<img src="{base}/img">',
        '<link rel="stylesheet" href="{base}/css">',
        '<div style="background: url({base}/style)">x</div>',
    ],
)
def test_the_pdf_printer_fetches_nothing_from_the_network(listener, tag):
    base, asked = listener
    pdf = html_to_pdf(f"<html><body><p>Report</p>{tag.format(base=base)}</body></html>")
    assert pdf.startswith(b"%PDF")
    assert asked == []


def test_only_the_products_own_static_files_may_be_read():
    stylesheet = next(PACKAGE.glob("*/static/**/*.js"))
    assert own_static_file(stylesheet.as_uri())
    assert not own_static_file(Path("/etc/passwd").as_uri())
    assert not own_static_file((PACKAGE / "settings" / "__init__.py").as_uri())
    assert not own_static_file((stylesheet.parent / ".." / ".." / ".." / "settings" / "__init__.py").as_uri())
    assert not own_static_file("http://127.0.0.1/static/web/application.js")
