from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from actionplan.plans import permissions
from actionplan.plans.finder import ActionCriteria, find_actions, judge
from actionplan.plans.joint_owners import name_joint_owners
from actionplan.plans.list_counts import ListCount, kept_count
from actionplan.plans.models import Action
from actionplan.plans.tracked_alone import find_recommendations_alone

from .. import paging
from ..forms import ActionFilterForm, EvidenceDecisionForm, EvidenceForm, ProgressForm
from ..scoping import ACTION_PAGE_RELATIONS, SignedInRequest, action_for, actions, one, partnership_of
from .action_page import action_page

# Recommendations tracked on their own are few beside actions; past this, a filter narrows them.
ALONE_SHOWN = 200


@login_required
def action_list(request: SignedInRequest) -> HttpResponse:
    partnership = partnership_of(request)
    form = ActionFilterForm(request.GET, partnership)
    today, criteria = timezone.localdate(), form.criteria()
    found = find_actions(partnership, today, criteria, paging.chosen_sort(request))
    # Counted with the actions on the dashboard, so listed with them: the number is the list.
    alone = find_recommendations_alone(partnership, today, criteria)
    kept = kept_count(partnership, today, criteria, found, alone)
    alone_count = alone.count() if kept is None else kept.recommendations_alone
    return listed(request, found, {"form": form, "title": "Actions", "alone": alone[:ALONE_SHOWN],
                                   "alone_count": alone_count}, kept)


@login_required
def my_actions(request: SignedInRequest) -> HttpResponse:
    """The actions of the person's agencies still being delivered, soonest due first; the
    finished ones (implemented, not achieved, superseded) on a list of their own, one link away."""
    user = request.user
    permissions.require(permissions.has_own_actions(user), "have actions of your own")
    partnership = partnership_of(request)
    agencies = tuple(user.agencies.filter(partnership=partnership).values_list("pk", flat=True))
    finished = request.GET.get("shown") == "finished"

    def mine(finished: bool) -> QuerySet[Action]:
        if not agencies:
            return Action.objects.none()
        criteria = ActionCriteria(agencies=agencies, finished=finished)
        return find_actions(partnership, timezone.localdate(), criteria, paging.chosen_sort(request))

    other = paging.href_with(request.GET, shown="open" if finished else "finished", page=1)
    return listed(request, mine(finished), {"form": None, "title": "My actions", "finished": finished,
                                            "other": other, "other_count": mine(not finished).count()})


def listed(
    request: SignedInRequest, found: QuerySet[Action], context: dict[str, Any], kept: ListCount | None = None
) -> HttpResponse:
    """One page of the actions found, sliced by the database and counted by it unless the kept
    counts give the number (plans.list_counts)."""
    page = paging.page_of(request, found, count=None if kept is None else kept.actions)
    context.update(
        actions=name_joint_owners(judge(page.object_list, timezone.localdate(), partnership_of(request))),
        page=page,
        pagination=paging.pagination(request, page),
        sorts=paging.sort_links(request),
    )
    return render(request, "web/action_list.html", context)


@login_required
def action_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    return action_page(request, one(actions(request).select_related(*ACTION_PAGE_RELATIONS), pk=pk))


@login_required
@require_POST
def post_progress(request: SignedInRequest, pk: int) -> HttpResponse:
    action = action_for(request, pk, permissions.can_update_action)
    return action_page(request, action, progress_form=ProgressForm(request.POST))


@login_required
@require_POST
def post_evidence(request: SignedInRequest, pk: int) -> HttpResponse:
    action = action_for(request, pk, permissions.can_update_action)
    return action_page(request, action, evidence_form=EvidenceForm(request.POST, request.FILES))


@login_required
@require_POST
def decide_evidence(request: SignedInRequest, pk: int, evidence_pk: int) -> HttpResponse:
    action = action_for(request, pk, permissions.can_assure)
    evidence = one(action.evidence.all(), pk=evidence_pk)
    return action_page(request, action, decision_form=EvidenceDecisionForm(request.POST), deciding=evidence)


@login_required
def evidence_file(request: SignedInRequest, pk: int, evidence_pk: int) -> FileResponse:
    """Evidence files are served only through this check, never from a public folder."""
    action = one(actions(request), pk=pk)
    evidence = one(action.evidence.all(), pk=evidence_pk)
    if not evidence.file:
        raise Http404
    return FileResponse(
        evidence.file.open("rb"), as_attachment=True, filename=(evidence.file.name or "").rsplit("/", 1)[-1]
    )
