"""The recurring-learning report as a web page or a PDF: the Learning page's two tables on the
board report's printed page (cover, page footer, the same type and tables). No chart: the counts
are few and a table says them plainly. Text is escaped by the template, as in the board report."""

from __future__ import annotations

from datetime import date

from actionplan.learning.outcomes import reviews_of
from actionplan.learning.themes import themes_of
from actionplan.plans.models import Partnership, Recommendation

from . import recurring_export
from .file_names import report_file_name
from .recurring_export import RecurringLearning, day, named, wording
from .render import FORMATS as BOARD_FORMATS
from .render import Rendered

FORMATS = ("html", "pdf", *recurring_export.FORMATS)  # a report to read, or the tables to work on


def produce(partnership: Partnership, format: str, on: date) -> Rendered:
    """The partnership's recurring learning as it is now (it is not rebuilt as at a past date),
    in any of `FORMATS`; ValueError for another."""
    if format not in FORMATS:
        raise ValueError(f"the recurring-learning report has no format '{format}'")
    recs = Recommendation.objects.filter(plan__partnership=partnership)
    learning = recurring_export.recurring_learning(recs, themes_of(partnership), on)
    if format in recurring_export.FORMATS:
        write, content_type = recurring_export.FORMATS[format]
        return Rendered(write(learning), content_type, file_name(partnership.name, learning, format))
    return render(partnership.name, learning, format)


def page(partnership: str, learning: RecurringLearning) -> str:
    # Imported here: the HTML renderer brings the charts' library, which a page that only asks
    # for a report (through the worker) must not load.
    from .render.as_html import environment

    again = sum(1 for group in learning.recurrences if group.done_before)
    return (
        environment()
        .get_template("reports/recurring.html")
        .render(partnership=partnership, learning=learning, again=again, day=day, named=named,
                wording=wording, reviews_of=reviews_of)
    )


def render(partnership: str, learning: RecurringLearning, format: str) -> Rendered:
    """The report in `format` (html or pdf), named after the partnership and the day."""
    html = page(partnership, learning)
    if format == "pdf":
        from .render.as_pdf import html_to_pdf  # WeasyPrint's process only when a PDF is asked for

        content = html_to_pdf(html)
    elif format == "html":
        content = html.encode("utf-8")
    else:
        raise ValueError(f"the recurring-learning report has no format '{format}'")
    chosen = BOARD_FORMATS[format]
    return Rendered(content, chosen.content_type, file_name(partnership, learning, chosen.extension))


def file_name(partnership: str, learning: RecurringLearning, extension: str) -> str:
    """e.g. "riverton-safeguarding-children-partnership-recurring-learning-2026-11-30.pdf"."""
    return report_file_name(f"{partnership} recurring learning", learning.on, extension)
