"""The action page: everything about one action, and the forms that change it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from actionplan.plans import permissions
from actionplan.plans.assurance import AssuranceRefused
from actionplan.plans.changes import Change, changes_of
from actionplan.plans.joint_owners import name_joint_owners
from actionplan.plans.models import Action, Evidence, ProgressUpdate
from actionplan.plans.status import StatusChange, TransitionRefused, statuses_after
from actionplan.plans.updates import EditConflict, decide_evidence, record_progress, submit_evidence

from ..forms import EvidenceDecisionForm, EvidenceForm, ProgressForm
from ..scoping import SignedInRequest, partnership_of


def action_page(
    request: SignedInRequest,
    action: Action,
    *,
    progress_form: ProgressForm | None = None,
    evidence_form: EvidenceForm | None = None,
    decision_form: EvidenceDecisionForm | None = None,
    deciding: Evidence | None = None,
) -> HttpResponse:
    conflict = None
    try:
        if progress_form is not None and progress_form.is_valid():
            post_progress(request, action, progress_form.cleaned_data)
            return finished(request, action, "Your progress update has been saved")
        if evidence_form is not None and evidence_form.is_valid():
            attach_evidence(request, action, evidence_form.cleaned_data)
            return finished(request, action, "Your evidence has been added and is awaiting assurance")
        if decision_form is not None and deciding is not None and decision_form.is_valid():
            accept = decision_form.cleaned_data["decision"] == "accept"
            decide_evidence(
                deciding, request.user, accept=accept, reason=decision_form.cleaned_data["reason"]
            )
            return finished(request, action, "Evidence accepted" if accept else "Evidence rejected")
    except (TransitionRefused, AssuranceRefused, ValueError) as refusal:
        bound = next(f for f in (progress_form, evidence_form, decision_form) if f is not None)
        bound.add_error(None, ValidationError(str(refusal).capitalize()))
    except (Action.DoesNotExist, Evidence.DoesNotExist) as gone:
        # Deleted with its plan since the page was read: as any page of an action not there.
        raise Http404("this action was deleted while you were writing") from gone
    except EditConflict as edit_conflict:
        conflict = edit_conflict.current
        assert progress_form is not None
        progress_form.add_error(
            None,
            "Someone else changed this action while you were writing. "
            "Check what changed below, then send your update again.",
        )
        action = conflict
    return render(
        request,
        "web/action.html",
        context(request, action, progress_form, evidence_form, decision_form, deciding, conflict),
    )


def finished(request: SignedInRequest, action: Action, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("action", pk=action.pk)


def post_progress(request: SignedInRequest, action: Action, data: dict[str, Any]) -> None:
    change = None
    if data["status"]:
        change = StatusChange(data["status"], data["reason"], data["revised_due"], data["replaced_by"])
    record_progress(
        action,
        request.user,
        data["text"],
        on=timezone.localdate(),
        change=change,
        expected_version=data["version"],
    )


def attach_evidence(request: SignedInRequest, action: Action, data: dict[str, Any]) -> None:
    upload = data.get("file")
    digest = ""
    if upload is not None:
        sha = hashlib.sha256()
        for chunk in upload.chunks():
            sha.update(chunk)
        digest = sha.hexdigest()
    submit_evidence(
        action, request.user, data["description"], file=upload, link=data.get("link") or "", sha256=digest
    )


def context(
    request: SignedInRequest,
    action: Action,
    progress_form: ProgressForm | None,
    evidence_form: EvidenceForm | None,
    decision_form: EvidenceDecisionForm | None,
    deciding: Evidence | None,
    conflict: Action | None,
) -> dict[str, Any]:
    user = request.user
    # The action is of the person's partnership (scoping), already read for the page's header.
    thresholds = partnership_of(request).rag_thresholds
    name_joint_owners([action])
    return {
        "action": action,
        "judged": action.rag(timezone.localdate(), thresholds),
        "timeline": timeline(action),
        "history": history(action),
        "can_update": permissions.can_update_action(user, action),
        "can_assure": permissions.can_assure(user, action),
        "progress_form": progress_form or ProgressForm(initial={"version": action.version}),
        "evidence_form": evidence_form or EvidenceForm(),
        "decision_form": decision_form,
        "deciding": deciding,
        "conflict": conflict,
        "version": action.version,
        "status_choices": [("", "No change"), *statuses_after(action.status)],
    }


@dataclass(frozen=True)
class Entry:
    """An update or a piece of evidence on the timeline, with what put it right since: the
    corrections of an update (oldest first; the last one is what it now says) and its withdrawal."""

    when: date
    kind: str  # "update" or "evidence"
    item: ProgressUpdate | Evidence
    corrections: list[ProgressUpdate] = field(default_factory=list)
    withdrawal: ProgressUpdate | None = None


def timeline(action: Action) -> list[Entry]:
    """Updates and evidence, newest first; corrections and withdrawals are shown on what they
    put right, not as entries of their own."""
    posted = list(action.updates.select_related("author").order_by("written_on", "id"))
    corrections: dict[int, list[ProgressUpdate]] = {}
    withdrawals: dict[tuple[str, int], ProgressUpdate] = {}
    for u in posted:
        if u.kind == ProgressUpdate.Kind.CORRECTION and u.corrects_id:
            corrections.setdefault(u.corrects_id, []).append(u)
        elif u.kind == ProgressUpdate.Kind.WITHDRAWAL:
            withdrawals[("update", u.corrects_id) if u.corrects_id else ("evidence", u.withdraws_id or 0)] = u
    entries = [
        Entry(u.written_on, "update", u, corrections.get(u.pk, []), withdrawals.get(("update", u.pk)))
        for u in reversed(posted) if u.kind == ProgressUpdate.Kind.UPDATE
    ]
    entries += [
        Entry(e.submitted_at.date(), "evidence", e, withdrawal=withdrawals.get(("evidence", e.pk)))
        # Newest first by its own column: the model's ordering starts with the action, which
        # would join the action's recommendation and plan to sort one action's evidence.
        for e in action.evidence.select_related("submitted_by", "decided_by").order_by("-submitted_at", "-pk")
    ]
    return sorted(entries, key=lambda entry: entry.when, reverse=True)


def history(action: Action) -> list[Change]:
    """Who changed what, when and why, in names and dates."""
    return changes_of(action)
