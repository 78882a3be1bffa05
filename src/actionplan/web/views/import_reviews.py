"""The reviews and themes of an import in progress: a case reference linked to a review of
the partnership, made a new review, or kept as a note; a new review's kind, title, subject's
pseudonym, author and dates;
a plan naming no review linked to one; a section mapped to one of the partnership's themes."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from actionplan.plans import import_drafts
from actionplan.plans.draft_edits import PLAN_REVIEW, plan_key
from actionplan.plans.draft_reviews import NEW, NOT_A_REVIEW
from actionplan.plans.draft_themes import NO_THEME, section_key, section_themes, themes_of
from actionplan.plans.models import Review

from ..scoping import SignedInRequest
from .imports import own_draft

DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d")


def day(text: str) -> str | None:
    """A date as typed ("31/03/2024"), as ISO; None when it is not a date."""
    for form in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), form).date().isoformat()
        except ValueError:
            continue
    return None


@login_required
@require_POST
def review(request: SignedInRequest, pk: int) -> HttpResponse:
    draft = own_draft(request, pk)
    back = reverse("import_preview", kwargs={"pk": draft.pk}) + "#reviews"
    code = request.POST.get("code", "")
    link = request.POST.get("link", NEW)
    reviews = {str(p) for p in draft.partnership.reviews.values_list("pk", flat=True)}
    kind = request.POST.get("kind", "")
    dates = {name: request.POST.get(name, "").strip() for name in ("commissioned", "published")}
    problems = [f"Enter the date {name} as day/month/year, e.g. 31/03/2024"
                for name, text in dates.items() if text and day(text) is None]
    if not code or link not in reviews | {NEW, NOT_A_REVIEW} or kind not in {"", *Review.Kind.values}:
        problems.append("Choose a review, a new review or none for the reference")
    if problems:
        for problem in problems:
            messages.warning(request, problem)
        return redirect(back)
    facts = {"link": link, "kind": kind, "title": request.POST.get("title", "").strip()[:300],
             "pseudonym": request.POST.get("pseudonym", "").strip()[:200],
             "author": request.POST.get("author", "").strip()[:300],
             **{name: day(text) or "" for name, text in dates.items()}}
    import_drafts.describe_review(draft, code, facts)
    return redirect(back)


@login_required
@require_POST
def plan_review(request: SignedInRequest, pk: int, plan: int) -> HttpResponse:
    """The review a plan of the document answers, when it names none (or another besides):
    one of the partnership's, a new one by the code the person gives, or none."""
    draft = own_draft(request, pk)
    if plan >= len(import_drafts.read(draft).plans):
        raise Http404("no such plan in this import")
    chosen, code = request.POST.get("review", ""), " ".join(request.POST.get("code", "").split())
    if chosen == NEW:
        if not code or len(code) > 50:
            messages.warning(request, "Enter the new review's code, e.g. Child T (at most 50 characters)")
            return redirect(reverse("import_preview", kwargs={"pk": draft.pk}) + f"#plan-{plan}")
    elif chosen:
        found = draft.partnership.reviews.filter(pk=chosen).first() if chosen.isdigit() else None
        if found is None:
            raise Http404("no such review in the partnership")
        code = found.code
    else:
        code = ""  # none: the plan keeps the reviews its document names
    import_drafts.correct(draft, {plan_key(plan, PLAN_REVIEW): code})
    return redirect(reverse("import_preview", kwargs={"pk": draft.pk}) + f"#plan-{plan}")


@login_required
@require_POST
def theme(request: SignedInRequest, pk: int) -> HttpResponse:
    """The partnership's theme a section of the document stands for, or none."""
    draft = own_draft(request, pk)
    section, chosen = request.POST.get("section", ""), request.POST.get("theme", "")
    names = {s.name for s in section_themes(draft, import_drafts.read(draft).plans)}
    if section not in names or chosen not in {str(t.pk) for t in themes_of(draft)} | {NO_THEME}:
        raise Http404("no such section or theme")
    import_drafts.correct(draft, {section_key(section): chosen})
    return redirect(reverse("import_preview", kwargs={"pk": draft.pk}) + "#themes")
