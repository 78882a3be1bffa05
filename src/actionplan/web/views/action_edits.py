"""The partnership admin's changes to actions: add one, edit it, reassign it, revise its due date.
Every change is made by actionplan.plans (editing.add_action and updates)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.urls import reverse

from actionplan.plans import bulk, editing, permissions, updates
from actionplan.plans.models import Action

from ..edit_forms import ActionEditForm, BulkForm, NewActionForm, ReassignForm, RevisedDueForm
from ..presenters import assured_status_warning, due_text
from ..scoping import SignedInRequest, actions, for_editing, ids_from, partnership_of, recommendations
from .form_page import Save, form_page
from .writing import GET_POST, data


@login_required
@GET_POST
def action_new(request: SignedInRequest, pk: int) -> HttpResponse:
    rec = for_editing(request, recommendations(request).select_related("plan__partnership"), pk)
    form = NewActionForm(data(request), partnership=partnership_of(request))

    def save(cleaned: dict) -> tuple[str, str]:
        editing.add_action(rec, request.user, **cleaned)
        return "Action added", reverse("plan", args=[rec.plan_id])

    return form_page(
        request, form, save, caption=f"{rec.plan.title}: recommendation {rec.ref}", intro=[rec.text],
        heading="Add an action", back=reverse("plan", args=[rec.plan_id]), submit="Save action",
    )


def editable_action(request: SignedInRequest, pk: int) -> Action:
    return for_editing(request, actions(request).select_related("recommendation__plan__partnership"), pk)


@login_required
@GET_POST
def action_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    action = editable_action(request, pk)
    initial = {"text": action.text, "measure": action.measure, "version": action.version}
    form = ActionEditForm(data(request), initial=initial)

    def save(cleaned: dict) -> tuple[str, str]:
        updates.edit_action(action, request.user, text=cleaned["text"], measure=cleaned["measure"],
                            why=cleaned["why"], expected_version=cleaned["version"])
        return "The action has been saved", reverse("action", args=[action.pk])

    return action_form(request, action, form, save, "Edit the action", "Save action")


@login_required
@GET_POST
def action_reassign(request: SignedInRequest, pk: int) -> HttpResponse:
    action = editable_action(request, pk)
    initial = {"owner": action.owner_id, "owner_role": action.owner_role,
               "owner_person": action.owner_person_id, "version": action.version,
               "joint_owners": list(action.joint_owners.values_list("pk", flat=True))}
    form = ReassignForm(data(request), partnership=partnership_of(request), initial=initial)

    def save(cleaned: dict) -> tuple[str, str]:
        updates.reassign_action(
            action, request.user, owner=cleaned["owner"], owner_role=cleaned["owner_role"],
            owner_person=cleaned["owner_person"], reason=cleaned["reason"],
            expected_version=cleaned["version"], joint_owners=list(cleaned["joint_owners"]),
        )
        return "The action has been reassigned", reverse("action", args=[action.pk])

    return action_form(request, action, form, save, "Reassign the action", "Reassign")


@login_required
@GET_POST
def action_due(request: SignedInRequest, pk: int) -> HttpResponse:
    action = editable_action(request, pk)
    form = RevisedDueForm(data(request), initial={"version": action.version})

    def save(cleaned: dict) -> tuple[str, str]:
        updates.revise_due(action, request.user, revised_due=cleaned["revised_due"],
                           reason=cleaned["reason"], expected_version=cleaned["version"])
        return "The due date has been revised", reverse("action", args=[action.pk])

    return action_form(request, action, form, save, "Revise the due date", "Save revised due date",
                       intro=[f"Due: {due_text(action)}. The original date is kept beside the new one."])


def action_form(
    request: SignedInRequest, action: Action, form: forms.BaseForm, save: Save, heading: str, submit: str,
    intro: list[str] | None = None,
) -> HttpResponse:
    return form_page(
        request, form, save, heading=heading, submit=submit, caption=action.text[:120],
        back=reverse("action", args=[action.pk]), intro=intro,
    )


@login_required
@GET_POST
def action_bulk(request: SignedInRequest) -> HttpResponse:
    """The actions ticked on the list of actions, changed together with one reason."""
    permissions.require(permissions.can_edit_plans(request.user), "change actions together")
    partnership = partnership_of(request)
    posted = request.method == "POST"
    ids = ids_from(request.POST.getlist("actions") if posted else request.GET.getlist("action"))
    if ids is None or actions(request).filter(pk__in=ids).count() != len(ids):
        raise Http404("an action chosen is not one of the partnership's")
    chosen = sorted(ids)
    form = BulkForm(data(request), partnership=partnership, initial={"actions": chosen})
    shown = list(actions(request).filter(pk__in=chosen).order_by("pk"))

    def save(cleaned: dict) -> tuple[str, str]:
        count = bulk.change_actions(
            list(cleaned["actions"]), request.user, reason=cleaned["reason"], status=cleaned["status"],
            owner=cleaned["owner"], revised_due=cleaned["revised_due"],
        )
        return f"{count} action{'s' if count != 1 else ''} changed", reverse("actions")

    return form_page(
        request, form, save, heading=f"Change {len(shown)} action{'s' if len(shown) != 1 else ''} together",
        intro=[line for a in shown for line in (a.text, assured_status_warning(a)) if line]
        or ["No actions are chosen: tick them on the list of actions."],
        back=reverse("actions"), submit="Change the actions",
    )
