"""Writing plans in the app: reviews, plans and recommendations, created, edited and closed by
the partnership admin. Every change is made by actionplan.plans.editing."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from actionplan.plans import editing
from actionplan.plans.changes import changes_of
from actionplan.plans.models import Plan, Recommendation, Review
from actionplan.plans.permissions import can_edit_plans, require

from ..edit_forms import PlanForm, ReasonForm, RecommendationForm, RecommendationProgressForm, ReviewForm
from ..presenters import assured_status_warning
from ..scoping import SignedInRequest, for_editing, partnership_of, plans, recommendations, reviews
from .form_page import form_page

GET_POST = require_http_methods(["GET", "POST"])


def data(request: HttpRequest) -> QueryDict | None:
    """What a form is bound to: the posted fields, or nothing when the page is only shown."""
    return request.POST if request.method == "POST" else None


@login_required
@GET_POST
def review_new(request: SignedInRequest) -> HttpResponse:
    require(can_edit_plans(request.user), "add reviews")
    partnership = partnership_of(request)
    return review_form(request, ReviewForm(data(request), instance=Review(partnership=partnership)))


@login_required
@GET_POST
def review_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    review = for_editing(request, reviews(request), pk)
    return review_form(request, ReviewForm(data(request), instance=review))


def review_form(request: SignedInRequest, form: ReviewForm) -> HttpResponse:
    new = form.instance.pk is None

    def save(cleaned: dict) -> tuple[str, str]:
        review = editing.save_review(form.instance, request.user, cleaned.get("why", ""))
        return f"Review {review.code} {'added' if new else 'saved'}", reverse("review", args=[review.pk])

    back = reverse("reviews") if new else reverse("review", args=[form.instance.pk])
    heading = "Add a review" if new else f"Edit review {form.instance.code}"
    history = [] if new else changes_of(form.instance)
    return form_page(request, form, save, heading=heading, back=back, submit="Save review", history=history)


@login_required
@GET_POST
def plan_new(request: SignedInRequest) -> HttpResponse:
    require(can_edit_plans(request.user), "create plans")
    partnership = partnership_of(request)
    form = PlanForm(data(request), instance=Plan(partnership=partnership), partnership=partnership,
                    initial={"reviews": request.GET.getlist("review")})
    return plan_form(request, form)


@login_required
@GET_POST
def plan_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    plan = for_editing(request, plans(request), pk)
    return plan_form(request, PlanForm(data(request), instance=plan, partnership=partnership_of(request)))


def plan_form(request: SignedInRequest, form: PlanForm) -> HttpResponse:
    new = form.instance.pk is None

    def save(cleaned: dict) -> tuple[str, str]:
        reviews, why = list(cleaned["reviews"]), cleaned.get("why", "")
        plan = editing.save_plan(form.instance, request.user, reviews, why)
        return f"Plan {plan.title} {'created' if new else 'saved'}", reverse("plan", args=[plan.pk])

    back = reverse("plans") if new else reverse("plan", args=[form.instance.pk])
    heading = "Create a plan" if new else "Edit the plan"
    history = [] if new else changes_of(form.instance)
    return form_page(request, form, save, heading=heading, back=back, submit="Save plan", history=history)


@login_required
@GET_POST
def plan_close(request: SignedInRequest, pk: int) -> HttpResponse:
    """Close a plan (it leaves the dashboard's live counts), or open a closed one again."""
    plan = for_editing(request, plans(request), pk)
    closing = not plan.is_closed

    def save(cleaned: dict) -> tuple[str, str]:
        if closing:
            editing.close_plan(plan, request.user, on=timezone.localdate(), reason=cleaned["reason"])
            return f"{plan.title} is closed", reverse("plans")
        editing.reopen_plan(plan, request.user, reason=cleaned["reason"])
        return f"{plan.title} is open again", reverse("plan", args=[plan.pk])

    intro = (
        ["A closed plan leaves the dashboard's counts of live actions. It can still be read, "
         "searched and reported on, and opened again."]
        if closing else [f"Closed since {plan.closed_on:%-d %B %Y}: {plan.closed_reason}"]
    )
    return form_page(
        request, ReasonForm(data(request)), save, caption=plan.title,
        heading="Close the plan" if closing else "Open the plan again", intro=intro,
        back=reverse("plan", args=[plan.pk]), submit="Close the plan" if closing else "Open the plan",
        warning=closing, history=changes_of(plan),
    )


@login_required
@GET_POST
def recommendation_new(request: SignedInRequest, pk: int) -> HttpResponse:
    plan = for_editing(request, plans(request), pk)
    form = RecommendationForm(data(request), instance=Recommendation(plan=plan))
    return recommendation_form(request, form)


@login_required
@GET_POST
def recommendation_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    rec = for_editing(request, recommendations(request).select_related("plan"), pk)
    return recommendation_form(request, RecommendationForm(data(request), instance=rec))


def recommendation_form(request: SignedInRequest, form: RecommendationForm) -> HttpResponse:
    rec = form.instance
    new = rec.pk is None

    def save(cleaned: dict) -> tuple[str, str]:
        why = cleaned.get("why") or (rec.decision_reason if rec.decision != rec.Decision.ACCEPTED else "")
        editing.save_recommendation(rec, request.user, why)
        return f"Recommendation {rec.ref} {'added' if new else 'saved'}", reverse("plan", args=[rec.plan_id])

    return form_page(
        request, form, save, caption=rec.plan.title, back=reverse("plan", args=[rec.plan_id]),
        heading="Add a recommendation" if new else f"Edit recommendation {rec.ref}".strip(),
        submit="Save recommendation", history=[] if new else changes_of(rec),
    )


@login_required
@GET_POST
def recommendation_progress(request: SignedInRequest, pk: int) -> HttpResponse:
    """Progress on a recommendation tracked on itself, because it has no actions."""
    rec = for_editing(request, recommendations(request).select_related("plan__partnership"), pk)
    form = RecommendationProgressForm(data(request), initial={"status": rec.status})

    def save(cleaned: dict) -> tuple[str, str]:
        editing.record_recommendation_progress(
            rec, request.user, cleaned["text"], status=cleaned["status"], rag=cleaned["rag"],
            reason=cleaned["reason"], on=timezone.localdate(),
        )
        return "Your progress update has been saved", reverse("plan", args=[rec.plan_id])

    return form_page(
        request, form, save, caption=f"{rec.plan.title}: recommendation {rec.ref}",
        heading="Post progress on the recommendation",
        intro=[line for line in (rec.text, assured_status_warning(rec)) if line],
        back=reverse("plan", args=[rec.plan_id]), submit="Save progress update", history=changes_of(rec),
    )
