"""A report asked for on a page: its progress while the worker produces it, then its file.

Both are the partnership's own: a report of another partnership is "not found" (scoping.py),
and the file is read through this check, never served from a folder."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from actionplan.plans.models import ReportFile
from actionplan.reports.background import FORMAT_NAMES, RECURRING_NAMES
from actionplan.reports.render import FORMATS

from ..scoping import SignedInRequest, one, partnership_of

State = ReportFile.State
# Queued for longer than this, the worker is probably not running: the page says whom to tell.
WORKER_SILENT_AFTER = timedelta(minutes=2)


@dataclass(frozen=True)
class Progress:
    """What the page says of a report: its state in words, and what the reader can do."""

    state: str  # queued, producing, ready or failed; "failed" too for one its worker abandoned
    tag: dict[str, str]
    failure: str
    worker_silent: bool  # queued for a while with nobody taking it

    @property
    def finished(self) -> bool:
        return self.state in {State.READY, State.FAILED}


TAGS = {
    State.QUEUED: "govuk-tag--grey",
    State.PRODUCING: "govuk-tag--blue",
    State.READY: "govuk-tag--green",
    State.FAILED: "govuk-tag--red",
}


def progress_of(report: ReportFile) -> Progress:
    state, failure = report.state, report.failure
    if report.abandoned():
        state, failure = State.FAILED, "the worker stopped before it was finished"
    elif state == State.READY and report.path() is None:
        state, failure = State.FAILED, "its file is no longer kept"
    silent = state == State.QUEUED and timezone.now() - report.requested_at > WORKER_SILENT_AFTER
    tag = {"text": State(state).label, "classes": TAGS[State(state)]}
    return Progress(state, tag, failure, silent)


def size_in_words(size: int | None) -> str:
    if not size:
        return ""
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{max(1, round(size / 1024))} KB"


def report_of(request: SignedInRequest, pk: int) -> ReportFile:
    own = ReportFile.objects.filter(partnership=partnership_of(request)).select_related("requested_by")
    return one(own, pk=pk)


@login_required
def report_page(request: SignedInRequest, pk: int) -> HttpResponse:
    """Everyone in the partnership may follow and download its reports, as they may ask for them."""
    report = report_of(request, pk)
    context = {
        "report": report,
        "progress": progress_of(report),
        "format_name": format_name(report),
        "size": size_in_words(report.size),
        # Asking again re-uses the form's own fields; the date as the form reads it.
        "again": {
            "format": report.format,
            # Recurring learning is as things are on the day it is asked for again.
            "as_at": "" if report.recurring else f"{report.as_at:%d/%m/%Y}",
            **({"plan": str(report.plan_id)} if report.plan_id else {}),
            **({"composite": "on"} if report.composite else {}),
            **({"recurring": "on"} if report.recurring else {}),
        },
    }
    return render(request, "web/report.html", context)


def format_name(report: ReportFile) -> str:
    return (RECURRING_NAMES if report.recurring else FORMAT_NAMES).get(report.format, report.format)


@login_required
def report_file(request: SignedInRequest, pk: int) -> FileResponse:
    report = report_of(request, pk)
    path = report.path() if report.state == State.READY else None
    if path is None:
        raise Http404("the report is not ready, or no longer kept")
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=report.file_name,
        content_type=FORMATS[report.format].content_type,
    )
