"""The recurring-learning report as a web page and a PDF: on the command line, and produced by the
worker when asked for on the Learning page. The PDF's text is read back with pdfplumber."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from actionplan.plans.models import Partnership, ReportFile, Review, Theme
from actionplan.reports import Scope, ScopeError, background
from factories import ActionFactory, PlanFactory, RecommendationFactory, implemented_on

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'


@pytest.fixture
def learning(partnership) -> Partnership:
    """Two reviews of a small board making the same recommendation, the first one implemented,
    both tagged with the same theme; and a third review's unrelated recommendation."""
    board = partnership
    sharing = Theme.objects.get(name="Information sharing")
    for code, reported, text, status in [
        ("SAR Ann", date(2019, 6, 3), "Housing officers refer hoarding and self-neglect to the MARM panel.",
         "implemented"),
        ("SAR Bea", date(2025, 1, 20),
         f"Refer self-neglect and hoarding by housing officers to MARM {SCRIPT}", "in_progress"),
        ("SAR Cal", date(2024, 3, 2), "Carers assessments are offered at hospital discharge.", "in_progress"),
    ]:
        review = Review.objects.create(partnership=board, code=code, reported_on=reported)
        plan = PlanFactory(partnership=board, title=f"{code} plan")
        rec = RecommendationFactory(plan=plan, ref="4", text=text)
        rec.reviews.add(review)
        action = ActionFactory(recommendation=rec, text="Briefing for staff.", status=status)
        if status == "implemented":  # in 2020, before SAR Bea found it again
            implemented_on(action, date(2020, 2, 1))
        if code != "SAR Cal":
            rec.themes.add(sharing)
    return board


def pdf_text(content: bytes) -> str:
    with pdfplumber.open(io.BytesIO(content)) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


def test_the_command_writes_the_report_as_pdf_and_web_page(learning, tmp_path):
    pdf, html = tmp_path / "learning.pdf", tmp_path / "learning.html"
    for format, out in [("pdf", pdf), ("html", html)]:
        call_command("report", "--recurring", "--partnership", learning.name, "--format", format,
                     "--output", str(out), stdout=io.StringIO())
    text = pdf_text(pdf.read_bytes())
    assert "Recurring learning" in text and "Riverton Safeguarding Children Partnership" in text
    # theme, reviews, recommendations, latest, and SAR Ann's action on it was implemented before
    assert "Information sharing 2 2 20 January 2025 Yes" in text
    assert "2 similar recommendations, latest 20 January 2025" in text
    assert "Made again after an earlier one was implemented: SAR Ann plan 4" in text
    assert text.index("SAR Ann plan") < text.index("SAR Bea plan", text.index("similar recommendations"))
    assert "Carers assessments" not in text  # made once: not recurring
    assert SCRIPT in text.replace("\n", " ")  # printed as the words it is
    footer = f"{learning.name}, recurring learning, {timezone.localdate():%d/%m/%Y}"
    assert footer in text
    page = html.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<dd>1 group, 1 of them after an earlier one was implemented</dd>" in page


@pytest.mark.parametrize(
    ("arguments", "complaint"),
    [
        (["--format", "docx"], "comes as html, pdf, csv, xlsx, not docx"),
        (["--format", "pdf", "--as-at", "2025-01-01"], "leave out --agency and --as-at"),
        (["--format", "pdf", "--agency", "Police"], "leave out --agency and --as-at"),
    ],
)
def test_the_command_refuses_what_the_report_cannot_be(learning, tmp_path, arguments, complaint):
    out = tmp_path / "learning.out"
    with pytest.raises(CommandError, match=complaint):
        call_command("report", "--recurring", "--partnership", learning.name, *arguments,
                     "--output", str(out))
    assert not out.exists()


def test_the_worker_produces_it_once_while_nothing_changes(learning, alice):
    today = timezone.localdate()
    first = background.request_report(learning, Scope(recurring=True), "pdf", today, alice)
    first.refresh_from_db()
    assert first.state == ReportFile.State.READY and first.title == "Recurring learning"
    assert first.file_name == f"riverton-safeguarding-children-partnership-recurring-learning-{today}.pdf"
    assert "2 similar recommendations" in pdf_text(first.path().read_bytes())
    again = background.request_report(learning, Scope(recurring=True), "pdf", today, None)
    assert again.pk == first.pk
    board = background.request_report(learning, Scope(), "pdf", today, None)
    assert board.pk != first.pk  # the board report is another report


@pytest.mark.parametrize(("format", "as_at"), [("docx", None), ("csv", None), ("pdf", date(2025, 1, 1))])
def test_the_worker_is_not_asked_for_what_it_cannot_produce(learning, format, as_at):
    with pytest.raises(ScopeError):
        background.request_report(learning, Scope(recurring=True), format, as_at or timezone.localdate(),
                                  None)
    assert not ReportFile.objects.exists()


def test_a_viewer_asks_for_it_on_the_learning_page(client, learning, dave):
    client.force_login(dave)
    page = client.get("/learning/").content.decode()
    assert 'name="recurring" value="on"' in page and 'value="pdf"' in page
    response = client.post("/report/", {"recurring": "on", "format": "html"})
    report = ReportFile.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reports/{report.pk}/"
    shown = client.get(f"/reports/{report.pk}/").content.decode()
    assert "Recurring learning (web page)" in shown and 'href="/learning/">Learning</a>' in shown
    content = b"".join(client.get(f"/reports/{report.pk}/file/").streaming_content).decode()
    assert "SAR Bea plan" in content and "&lt;script&gt;" in content
