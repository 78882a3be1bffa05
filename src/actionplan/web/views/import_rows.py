"""Correcting one row of an import in progress: the recommendation's ref, text and the board's
decision on it, and each
action's text, owner, due wording and status, or marking it "not an action" (kept as a note);
splitting an action in two or joining it to the next."""

from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from actionplan.plans import import_drafts
from actionplan.plans.draft_edits import (
    ACTION_FIELDS,
    ITEM_FIELDS,
    NOT_AN_ACTION,
    edit_key,
    plan_key,
)
from actionplan.plans.models import ImportDraft, Plan

from ..scoping import SignedInRequest
from .imports import own_draft


def shown(action: dict[str, Any], name: str) -> str:
    """A field of an action (or of its row) as the person corrects it: words, as the
    document wrote them."""
    if name == "owner":
        return "; ".join(action.get("owners") or [])
    if name in ("due", "status", "decision"):
        return (action.get(name) or {}).get("text") or ""
    return action.get(name) or ""


def changed(request: SignedInRequest, fields: list[tuple[str, str, str]]) -> dict[str, str]:
    """The fields the person changed: a field not sent is left as it was."""
    sent = {key: request.POST[key].strip() for key, _, _ in fields if key in request.POST}
    return {key: sent[key] for key, _, value in fields if key in sent and sent[key] != value}


@login_required
@require_http_methods(["GET", "POST"])
def row(request: SignedInRequest, pk: int, plan: int, item: int) -> HttpResponse:
    draft = own_draft(request, pk)
    reading = import_drafts.read(draft, settle=False)
    if plan >= len(reading.plans) or item >= len(reading.plans[plan]["items"]):
        raise Http404("no such row in this import")
    found = reading.plans[plan]["items"][item]
    fields = [(edit_key(plan, item, None, name), label, shown(found, name))
              for name, label in ITEM_FIELDS.items()]
    actions = [([(edit_key(plan, item, a, name), label, shown(action, name))
                 for name, label in ACTION_FIELDS.items()],
                edit_key(plan, item, a, NOT_AN_ACTION), action.get(NOT_AN_ACTION))
               for a, action in enumerate(found["actions"])]
    if request.method == "POST":
        changes = changed(request, fields)
        for action_fields, marker, marked in actions:
            changes |= changed(request, action_fields)
            if bool(request.POST.get(marker)) != bool(marked):
                changes[marker] = "yes" if request.POST.get(marker) else ""
        if refused := import_drafts.correct(draft, changes):
            # Never a guess at what the person meant: the rest is saved, the decision asked again.
            messages.error(request, f"“{refused[0]}” is not a decision: write Accepted, "
                                    "Accepted in part or Not accepted, then a dash and the reason")
            return redirect("import_row", pk=draft.pk, plan=plan, item=item)
        url = reverse("import_preview", kwargs={"pk": draft.pk})
        return redirect(f"{url}#row-{plan}-{item}")
    return render(request, "web/import_row.html", {
        "draft": draft, "item": found, "fields": fields, "actions": actions, "plan_number": plan,
        "item_number": item})


def actions_of(draft: ImportDraft, plan: int, item: int) -> list[dict[str, Any]]:
    reading = import_drafts.read(draft, settle=False)
    if plan >= len(reading.plans) or item >= len(reading.plans[plan]["items"]):
        raise Http404("no such row in this import")
    return list(reading.plans[plan]["items"][item]["actions"])


def halves(text: str) -> tuple[str, str]:
    """Where a split is first offered: at the first line break, else after the first sentence."""
    for mark in ("\n", ". ", "; "):
        first, found, rest = text.partition(mark)
        if found and rest.strip():
            return (first + found).strip(), rest.strip()
    return text, ""


@login_required
@require_http_methods(["GET", "POST"])
def split(request: SignedInRequest, pk: int, plan: int, item: int, action: int) -> HttpResponse:
    """Split an action in two: the person divides its text; both keep its owner and due."""
    draft = own_draft(request, pk)
    actions = actions_of(draft, plan, item)
    if action >= len(actions):
        raise Http404("no such action in this row")
    texts, errors = halves(actions[action].get("text") or ""), {}
    if request.method == "POST":
        texts = (request.POST.get("first", "").strip(), request.POST.get("second", "").strip())
        errors = {name: f"Enter the text of the {name} action"
                  for name, text in zip(("first", "second"), texts, strict=True) if not text}
        if not errors:
            import_drafts.split_action(draft, plan, item, action, texts)
            return redirect("import_row", pk=draft.pk, plan=plan, item=item)
    return render(request, "web/import_split.html", {
        "draft": draft, "plan": plan, "item": item, "number": action + 1, "texts": texts,
        "action": actions[action], "errors": errors,
        "error_list": [{"text": message, "href": f"#{name}"} for name, message in errors.items()],
    }, status=400 if errors else 200)


@login_required
@require_POST
def join(request: SignedInRequest, pk: int, plan: int, item: int, action: int) -> HttpResponse:
    """Join an action to the next one of the same row."""
    draft = own_draft(request, pk)
    if action + 1 >= len(actions_of(draft, plan, item)):
        raise Http404("no next action to join in this row")
    import_drafts.join_actions(draft, plan, item, action)
    return redirect("import_row", pk=draft.pk, plan=plan, item=item)


@login_required
@require_POST
def warning(request: SignedInRequest, pk: int) -> HttpResponse:
    """Mark a warning as checked (or not): it leaves the count of what is left to look at."""
    draft = own_draft(request, pk)
    key = request.POST.get("key", "")
    keys = {w["key"] for plan in import_drafts.read(draft).plans for w in plan["warnings"]}
    if key not in keys:
        raise Http404("no such warning in this import")
    import_drafts.correct(draft, {key: "checked" if request.POST.get("checked") else ""})
    back = request.POST.get("back", "")
    anchor = back if re.fullmatch(r"#[\w-]+", back) else ""  # a place on the page, nothing else
    return redirect(reverse("import_preview", kwargs={"pk": draft.pk}) + anchor)


@login_required
@require_POST
def plan_facts(request: SignedInRequest, pk: int, plan: int) -> HttpResponse:
    """The title and kind of one plan of the document."""
    draft = own_draft(request, pk)
    if plan >= len(import_drafts.read(draft).plans):
        raise Http404("no such plan in this import")
    title, kind = request.POST.get("title", "").strip()[:300], request.POST.get("kind", "")
    if kind not in Plan.Kind.values:
        raise Http404("no such kind of plan")
    import_drafts.correct(draft, {plan_key(plan, "title"): title, plan_key(plan, "kind"): kind})
    return redirect(reverse("import_preview", kwargs={"pk": draft.pk}) + f"#plan-{plan}")


@login_required
@require_POST
def updates(request: SignedInRequest, pk: int) -> HttpResponse:
    """Say which stored plan a plan of the document (a sheet of a workbook) is an updated
    version of, or none."""
    draft = own_draft(request, pk)
    chosen, sent = request.POST.get("plan", ""), request.POST.get("number", "0")
    if request.POST.get("answer") == "new":  # the button "No: a new plan", whatever is selected
        chosen = ""
    plan = Plan.objects.filter(partnership=draft.partnership, pk=chosen).first() if re.fullmatch(
        r"[0-9]{1,18}", chosen) else None
    number = int(sent) if re.fullmatch(r"[0-9]{1,4}", sent) else -1
    if (chosen and plan is None) or not 0 <= number < len(import_drafts.read(draft).plans):
        raise Http404("no such plan in the partnership or in the document")
    if not import_drafts.choose_update(draft, number, plan):
        messages.warning(request, f"Another sheet of the document already updates {plan}: choose another")
    return redirect(reverse("import_preview", kwargs={"pk": draft.pk}) + f"#plan-{number}")
