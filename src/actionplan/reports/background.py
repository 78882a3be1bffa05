"""Reports asked for on the pages, produced by the worker (docs/adr/0043).

A person asks (`request_report`); the same report (scope, format, as-at date) already produced,
or on its way, while nothing it reads has changed is theirs at once; otherwise a new one is
queued and the worker produces it (`produce`). The command line still writes reports directly.
"""

from __future__ import annotations

import logging
from datetime import date

from django.db import transaction
from django.utils import timezone

from actionplan.plans.models import Partnership, ReportFile, User

from . import recurring_report
from .assemble import build_report
from .freshness import fingerprint
from .kept_files import forget_old_reports, keep, remove
from .render import FORMATS, render
from .scope import Scope, ScopeError, check_as_at, find_agency

State = ReportFile.State
log = logging.getLogger(__name__)

# How the pages name each format (the report form offers them in these words).
FORMAT_NAMES = {
    "pdf": "Board report (PDF)",  # the recurring-learning report's names are RECURRING_NAMES
    "docx": "Board report (Word)",
    "html": "Board report (web page)",
    "xlsx": "Workbook for updates (Excel)",
    "csv": "Actions (CSV)",
    "json": "Actions (JSON)",
}
RECURRING_NAMES = {"pdf": "Recurring learning (PDF)", "html": "Recurring learning (web page)"}
UNEXPECTED = "something went wrong while producing it; the worker's log has the details"


def request_report(
    partnership: Partnership, scope: Scope, format: str, as_at: date, by: User | None
) -> ReportFile:
    """The report asked for: one already produced or on its way, while nothing it reads has
    changed since it was asked for; otherwise a new one, queued. ScopeError when the partnership
    has no such plan, review or agency, or the date or format is not one a report can have."""
    if format not in (RECURRING_NAMES if scope.recurring else FORMATS):
        raise ScopeError(f"there is no report format '{format}'")
    check_as_at(as_at)
    if scope.recurring and as_at != timezone.localdate():
        raise ScopeError("recurring learning is reported as things are today, not as at another date")
    title = title_of(partnership, scope)[:400]
    key = {
        "partnership": partnership,
        "plan_id": scope.plan_id,
        "review": scope.review or "",
        "composite": scope.composite,
        "agency": scope.agency or "",
        "recurring": scope.recurring,
        "format": format,
        "as_at": as_at,
        "fingerprint": fingerprint(),
    }
    with transaction.atomic():
        # One request of the partnership decides at a time: two people asking at once share one.
        Partnership.objects.select_for_update().filter(pk=partnership.pk).exists()
        for found in ReportFile.objects.filter(**key).exclude(state=State.FAILED).order_by("-requested_at"):
            if still_good(found):
                ReportFile.objects.filter(pk=found.pk).update(last_asked_at=timezone.now())
                return found
        report = ReportFile.objects.create(**key, title=title, requested_by=by)
    queue(report)
    report.refresh_from_db()  # a backend that runs tasks at once has produced it by now
    return report


def title_of(partnership: Partnership, scope: Scope) -> str:
    """What the report covers, in words, until the worker names it as it was on the as-at date."""
    if scope.recurring:
        return "Recurring learning"
    if scope.plan_id is not None:
        title = partnership.plans.filter(pk=scope.plan_id).values_list("title", flat=True).first()
        if title is None:
            raise ScopeError(f"{partnership} has no plan with id {scope.plan_id}")
    elif scope.review:
        if not partnership.reviews.filter(code__iexact=scope.review.strip()).exists():
            raise ScopeError(f"{partnership} has no review '{scope.review}'")
        title = f"Review {scope.review.strip()}"
    else:
        title = "Composite action plan" if scope.composite else "All plans"
    return f"{title}: {find_agency(partnership, scope.agency).name}" if scope.agency else title


def still_good(report: ReportFile) -> bool:
    if report.state == State.READY:
        return report.path() is not None  # not forgotten since
    return report.state == State.QUEUED or not report.abandoned()


def queue(report: ReportFile) -> None:
    from .tasks import produce_report  # the task module names this one

    try:
        produce_report.enqueue(report.pk)
    except Exception:
        # Nobody would ever produce it: let the next request queue a new one.
        ReportFile.objects.filter(pk=report.pk).update(state=State.FAILED, failure="it could not be queued")
        raise


def scope_of(report: ReportFile) -> Scope:
    return Scope(
        plan_id=report.plan_id,
        review=report.review or None,
        composite=report.composite,
        agency=report.agency or None,
        recurring=report.recurring,
    )


def produce(report_id: int) -> str:
    """Build and write one queued report; returns the state it ends in. A report already taken,
    or forgotten, is left alone, so a task run twice produces it once."""
    taken = ReportFile.objects.filter(pk=report_id, state=State.QUEUED).update(
        state=State.PRODUCING, started_at=timezone.now()
    )
    if not taken:
        return "not queued"
    from .render.as_pdf import PdfFailed  # the PDF writer's libraries only where a report is made

    report = ReportFile.objects.select_related("partnership").get(pk=report_id)
    try:
        if report.recurring:
            title = title_of(report.partnership, scope_of(report))
            rendered = recurring_report.produce(report.partnership, report.format, report.as_at)
        else:
            built = build_report(report.partnership, scope_of(report), report.as_at)
            title, rendered = built.scope, render(built, report.format)
    except (ScopeError, PdfFailed) as error:  # e.g. its plan removed since; a PDF too large
        return fail(report_id, str(error))
    except Exception:
        fail(report_id, UNEXPECTED)
        raise  # for the worker's log and its record of the task
    stored_as = keep(report.partnership_id, rendered.content, FORMATS[report.format].extension)
    done = ReportFile.objects.filter(pk=report_id).update(
        state=State.READY,
        finished_at=timezone.now(),
        title=title[:400],
        file_name=rendered.filename,
        stored_as=stored_as,
        size=len(rendered.content),
    )
    if not done:  # forgotten while it was being produced
        remove(stored_as)
    forget_old_reports()
    return State.READY


def fail(report_id: int, reason: str) -> str:
    log.warning("report %s could not be produced: %s", report_id, reason)
    ReportFile.objects.filter(pk=report_id).update(
        state=State.FAILED, failure=reason, finished_at=timezone.now()
    )
    return State.FAILED
