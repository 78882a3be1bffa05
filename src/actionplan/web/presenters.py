"""How things are shown: status and RAG as GOV.UK tags with words, dates the way boards write them.

Colour is never the only carrier: every tag has its text, and overrides say so in words.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from django.utils import timezone
from markupsafe import Markup, escape

from actionplan.plans.assurance import AssuranceStatus, assurance_steps, is_assured, may_be_evidenced
from actionplan.plans.changes import long_date
from actionplan.plans.due_words import due_with_wording
from actionplan.plans.models import Action, Recommendation
from actionplan.plans.rag import Rag, RagJudgement
from actionplan.plans.rag import meanings as rag_meanings
from actionplan.plans.status import DeliveryStatus
from actionplan.plans.updates import evidence_behind

__all__ = [
    "rag_tag",
    "status_tag",
    "assurance_tag",
    "tag_markup",
    "rag_markup",
    "status_markup",
    "assurance_markup",
    "due_text",
    "day",
    "moment",
    "field_error",
    "change_text",
    "next_assurance",
    "may_be_evidenced",
    "assured_status_warning",
    "rag_meanings",
]

RAG_CLASSES: dict[str, str] = {
    Rag.RED: "govuk-tag--red",
    Rag.AMBER: "govuk-tag--orange",
    Rag.GREEN: "govuk-tag--green",
    Rag.BLUE: "govuk-tag--blue",
    Rag.GREY: "govuk-tag--grey",
}
RAG_WORDS: dict[str, str] = {
    Rag.RED: "Red",
    Rag.AMBER: "Amber",
    Rag.GREEN: "Green",
    Rag.BLUE: "Blue: assured",
    Rag.GREY: "Grey",
}
STATUS_CLASSES: dict[str, str] = {
    DeliveryStatus.NOT_STARTED: "govuk-tag--grey",
    DeliveryStatus.IN_PROGRESS: "govuk-tag--light-blue",
    DeliveryStatus.SLIPPED: "govuk-tag--orange",
    DeliveryStatus.IMPLEMENTED: "govuk-tag--green",
    DeliveryStatus.NOT_ACHIEVED: "govuk-tag--red",
    DeliveryStatus.SUPERSEDED: "govuk-tag--purple",
}


def rag_tag(rag: str | RagJudgement | None) -> dict[str, str]:
    if isinstance(rag, RagJudgement):
        words = RAG_WORDS.get(rag.rag, rag.rag)
        text = f"{words} (set by hand)" if rag.overridden else words
        return {"text": text, "classes": RAG_CLASSES.get(rag.rag, "")}
    if not rag:
        return {"text": "No rating", "classes": "govuk-tag--grey"}
    return {"text": RAG_WORDS.get(rag, rag), "classes": RAG_CLASSES.get(rag, "")}


# The labels looked up once: a page of actions shows two tags a row, and Django's choices
# rebuild their list of values on every `.values`.
STATUS_LABELS: dict[str, str] = {value: str(label) for value, label in DeliveryStatus.choices}
ASSURANCE_LABELS: dict[str, str] = {value: str(label) for value, label in AssuranceStatus.choices}
ASSURANCE_CLASSES: dict[str, str] = {
    "accepted": "govuk-tag--green", "rejected": "govuk-tag--red", "submitted": "govuk-tag--yellow"
}


def status_tag(status: str) -> dict[str, str]:
    return {"text": STATUS_LABELS.get(status, status), "classes": STATUS_CLASSES.get(status, "")}


def assurance_tag(assurance: str) -> dict[str, str]:
    return {
        "text": ASSURANCE_LABELS.get(assurance, assurance),
        "classes": ASSURANCE_CLASSES.get(assurance, "govuk-tag--grey"),
    }


def tag_markup(params: dict[str, str]) -> Markup:
    """GOV.UK's tag markup, written here rather than through govukTag or a macro of our own: a
    plan page shows hundreds of tags, and a Jinja macro call costs more than the tag itself
    (govukTag imports its attribute helper on every call, which was a third of a plan page)."""
    return tag_of(params.get("classes") or "", params["text"])


@lru_cache(maxsize=512)
def tag_of(classes: str, text: str) -> Markup:
    """A page's tags are a few dozen words and colours: each made once per process."""
    spaced = f" {escape(classes)}" if classes else ""
    return Markup(f'<strong class="govuk-tag{spaced}">{escape(text)}</strong>')


def rag_markup(rag: str | RagJudgement | None) -> Markup:
    return tag_markup(rag_tag(rag))


def status_markup(status: str) -> Markup:
    return tag_markup(status_tag(status))


def assurance_markup(assurance: str) -> Markup:
    return tag_markup(assurance_tag(assurance))


def day(value: date | None) -> str:
    """GOV.UK style, 21 November 2026: unambiguous for a UK reader, the same on every page."""
    return long_date(value) if value else ""


def moment(value: datetime | None) -> str:
    """When a change was made, in the partnership's local time: 31 March 2027 at 14:05."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return f"{long_date(local.date())} at {local:%H:%M}"


def due_text(action: Action) -> str:
    """The due date in GOV.UK style with the plan's own wording beside it where that differs
    ("30 April 2010 (the plan says "April 2010")"), a kind when there is no date ("Ongoing"),
    and any revised date, the original kept."""
    if action.due_date:
        text = due_with_wording(action.due_date, action.due_text)
    else:
        text = action.due_text or action.get_due_kind_display()
    if action.revised_due_date:
        text += f", revised to {day(action.revised_due_date)}"
    return text


def field_error(form: object, name: str) -> dict[str, str] | None:
    """The first error of one field, in the shape GOV.UK components take, or None."""
    errors = getattr(form, "errors", None) or {}
    return {"text": errors[name][0]} if name in errors else None


def change_text(field: str, value: object) -> str:
    """A value from the history table as a person reads it: labels, not codes."""
    if value in (None, ""):
        return "(blank)"
    if field == "status" and value in DeliveryStatus.values:
        return DeliveryStatus(value).label
    if field == "assurance" and value in AssuranceStatus.values:
        return AssuranceStatus(value).label
    if isinstance(value, date):
        return day(value)
    return str(value)


def assured_status_warning(of: Action | Recommendation) -> str:
    """Said beside the status choice of assured work, before anyone changes it: the status that
    leaves the work no longer claimed done withdraws the assurance (`withdrawn_by_status_change`)."""
    if not is_assured(of.assurance):
        return ""
    what = "action" if isinstance(of, Action) else "recommendation"
    return (f"This {what} is assured: marked not achieved or superseded, or reopened, it is no longer "
            "assured (its evidence is kept).")


def next_assurance(of: Action | Recommendation) -> list[tuple[str, str]]:
    """The assurance statuses the rules allow next for an action or a recommendation tracked
    alone, for the scrutineer's choice: worked out by the rules themselves, on the evidence
    still standing, so the server never refuses what the page offered."""
    return assurance_steps(of.assurance, of.status, evidence_behind(of))
