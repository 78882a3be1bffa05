"""Writing plans in the app: reviews, plans, recommendations and actions created and edited by
the partnership admin, and plans closed. Changes to an existing action are in updates.py.

Each function checks who may, applies the board's rules and saves through save_stamped, so the
history says who made the change and why.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError
from django.db.models import Max, QuerySet

from .counts_touched import counted
from .events import action_assigned, announce
from .evidence import withdraw_assurance_of_undone_work
from .models import Action, Agency, DueKind, DuePrecision, Partnership, Plan, Recommendation, Review, User
from .permissions import can_edit_plans, in_partnership, require
from .rag import ActionState, compute_rag
from .status import ALLOWED as STATUS_STEPS
from .status import DeliveryStatus, TransitionRefused
from .updates import save_stamped


class EditRefused(ValueError):
    """A change the board's rules do not allow, said in plain words."""


def check_editor(by: User, partnership_id: int) -> None:
    require(can_edit_plans(by) and in_partnership(by, partnership_id), "edit this partnership's plans")


def save_review(review: Review, by: User, why: str = "") -> Review:
    """Create or change a review; its code is how the board refers to it, so it must be unique."""
    check_editor(by, review.partnership_id)
    if not review.code.strip():
        raise EditRefused("a review needs the code the board knows it by")
    clash = Review.objects.filter(partnership_id=review.partnership_id, code__iexact=review.code.strip())
    if clash.exclude(pk=review.pk).exists():
        raise EditRefused(f"there is already a review called {review.code.strip()}")
    review.code = review.code.strip()
    review.published = review.published_on is not None
    try:
        with counted():
            save_stamped(review, None, by, why)
    except IntegrityError as clash_found:
        raise EditRefused(f"there is already a review called {review.code}") from clash_found
    return review


def save_plan(plan: Plan, by: User, reviews: list[Review], why: str = "") -> Plan:
    check_editor(by, plan.partnership_id)
    if not plan.title.strip():
        raise EditRefused("a plan needs a title")
    if any(review.partnership_id != plan.partnership_id for review in reviews):
        raise EditRefused("a plan answers only reviews of its own partnership")
    with counted():
        save_stamped(plan, None, by, why)
        plan.reviews.set(reviews)
    return plan


@counted()
def close_plan(plan: Plan, by: User, *, on: date, reason: str) -> None:
    """Closed (archived): out of the dashboard's live counts, still readable and reportable."""
    check_editor(by, plan.partnership_id)
    if plan.is_closed:
        raise EditRefused("this plan is already closed")
    if not reason.strip():
        raise EditRefused("say why the plan is closed (for example: all actions assured)")
    plan.closed_on, plan.closed_reason = on, reason.strip()
    save_stamped(plan, None, by, reason)


@counted()
def reopen_plan(plan: Plan, by: User, *, reason: str) -> None:
    check_editor(by, plan.partnership_id)
    if not plan.is_closed:
        raise EditRefused("this plan is open")
    if not reason.strip():
        raise EditRefused("say why the plan is opened again")
    plan.closed_on, plan.closed_reason = None, ""
    save_stamped(plan, None, by, reason)


def next_order(queryset: QuerySet[Recommendation] | QuerySet[Action]) -> int:
    return (queryset.aggregate(last=Max("order"))["last"] or 0) + 1


def save_recommendation(rec: Recommendation, by: User, why: str = "") -> Recommendation:
    """Create or edit a recommendation. A new one answers the reviews of its plan."""
    check_editor(by, rec.plan.partnership_id)
    if not rec.text.strip():
        raise EditRefused("a recommendation needs its text")
    if rec.decision != Recommendation.Decision.ACCEPTED and not rec.decision_reason.strip():
        raise EditRefused("say why the recommendation was not accepted in full")
    if rec.decision == Recommendation.Decision.ACCEPTED:
        rec.decision_reason = ""
    new = rec.pk is None
    with counted():
        if new:
            rec.order = next_order(rec.plan.recommendations.all())
        save_stamped(rec, None, by, why)
        if new:
            rec.reviews.set(rec.plan.reviews.all())
    return rec


@counted()
def record_recommendation_progress(
    rec: Recommendation, by: User, text: str, *, status: str, rag: str = "", reason: str = "", on: date
) -> None:
    """Progress, status and RAG on a recommendation that has no actions of its own (a plan of
    learning points and recommendations only): tracked on itself, with the same status rules
    as an action."""
    check_editor(by, rec.plan.partnership_id)
    # Judged and saved on its values as stored now, locked (as `locked` does for an action): a
    # decision on its evidence committed meanwhile is neither written over nor judged stale.
    list(Recommendation.objects.select_for_update().filter(pk=rec.pk).only("pk"))
    rec.refresh_from_db()
    if rec.all_actions():
        raise EditRefused("this recommendation is tracked through its actions: post progress on them")
    if not text.strip():
        raise EditRefused("a progress update needs some text")
    if status != rec.status:
        if status not in STATUS_STEPS[rec.status]:
            raise TransitionRefused(
                f"a recommendation that is {DeliveryStatus(rec.status).label.lower()} cannot become "
                f"{DeliveryStatus(status).label.lower()}"
            )
        if status in {DeliveryStatus.NOT_ACHIEVED, DeliveryStatus.SLIPPED} and not reason.strip():
            label = DeliveryStatus(status).label.lower()
            raise TransitionRefused(f"a recommendation {label} needs the reason")
    thresholds = rec.plan.partnership.rag_thresholds
    before, rec.status = rec.status, status
    withdraw_assurance_of_undone_work(rec, before, reason)
    rec.progress = text.strip()
    rec.rag = rag or compute_rag(ActionState(status, rec.assurance, None), on, thresholds).value
    save_stamped(rec, None, by, reason)


@counted()
def add_action(
    rec: Recommendation,
    by: User,
    *,
    text: str,
    owner: Agency | None,
    owner_role: str = "",
    owner_person: User | None = None,
    due_date: date | None = None,
    measure: str = "",
) -> Action:
    partnership: Partnership = rec.plan.partnership
    check_editor(by, partnership.pk)
    if not text.strip():
        raise EditRefused("an action needs its text")
    check_owner(partnership, owner, owner_person)
    action = Action(
        recommendation=rec,
        text=text.strip(),
        owner=owner,
        owner_role=owner_role.strip(),
        owner_person=owner_person,
        due_date=due_date,
        due_precision=DuePrecision.DAY if due_date else "",
        due_kind=DueKind.DATE if due_date else DueKind.UNKNOWN,
        measure=measure.strip(),
        order=next_order(rec.actions.all()),
    )
    save_stamped(action, None, by)
    if owner is not None:
        announce(action_assigned, action_id=action.pk)
    return action


def check_owner(partnership: Partnership, owner: Agency | None, person: User | None) -> None:
    if owner is not None and owner.partnership_id != partnership.pk:
        raise EditRefused("the owner must be an agency of this partnership")
    if person is not None and person.partnership_id != partnership.pk:
        raise EditRefused("the named person must belong to this partnership")
