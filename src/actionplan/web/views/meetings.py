"""The meeting calendar and the reminder settings: the partnership admin's pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from actionplan.plans.permissions import can_manage_reminders, require
from actionplan.reminders.calendar import updates_wanted_from
from actionplan.reminders.calendar_edits import delete_meeting, save_meeting, save_reminder_settings
from actionplan.reminders.models import Meeting, ReminderSettings

from ..reminder_forms import MeetingForm, ReminderSettingsForm
from ..scoping import SignedInRequest, one, partnership_of
from .form_page import form_page

GET_POST = require_http_methods(["GET", "POST"])


def data(request: SignedInRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def meeting_of(request: SignedInRequest, pk: int) -> Meeting:
    """A meeting of the person's partnership (404 otherwise) they may change (403 otherwise)."""
    meeting = one(Meeting.objects.filter(partnership=partnership_of(request)), pk=pk)
    require(can_manage_reminders(request.user), "manage meetings")
    return meeting


@login_required
def meeting_list(request: SignedInRequest) -> HttpResponse:
    require(can_manage_reminders(request.user), "manage meetings")
    partnership = partnership_of(request)
    rules = ReminderSettings.of(partnership)
    meetings = [
        (meeting, updates_wanted_from(meeting.papers_due, rules.papers_working_days))
        for meeting in Meeting.objects.filter(partnership=partnership, held_on__gte=timezone.localdate())
    ]
    return render(request, "web/meetings.html", {"meetings": meetings, "rules": rules})


@login_required
@GET_POST
def meeting_new(request: SignedInRequest) -> HttpResponse:
    require(can_manage_reminders(request.user), "manage meetings")
    form = MeetingForm(data(request), instance=Meeting(partnership=partnership_of(request)))
    return meeting_form(request, form)


@login_required
@GET_POST
def meeting_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    return meeting_form(request, MeetingForm(data(request), instance=meeting_of(request, pk)))


def meeting_form(request: SignedInRequest, form: MeetingForm) -> HttpResponse:
    new = form.instance.pk is None

    def save(_: dict) -> tuple[str, str]:
        meeting = save_meeting(form.instance, request.user)
        return f"{meeting} {'added' if new else 'saved'}", reverse("meetings")

    heading = "Add a meeting" if new else f"Change {form.instance}"
    intro = ["Owners are asked for their updates before the papers deadline (see the reminder settings)."]
    return form_page(request, form, save, heading=heading, back=reverse("meetings"), submit="Save meeting",
                     intro=intro)


@login_required
@require_POST
def meeting_delete(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = meeting_of(request, pk)
    delete_meeting(meeting, request.user)
    messages.success(request, f"{meeting} removed from the calendar")
    return redirect("meetings")


@login_required
@GET_POST
def reminder_settings(request: SignedInRequest) -> HttpResponse:
    require(can_manage_reminders(request.user), "change reminders")
    form = ReminderSettingsForm(data(request), instance=ReminderSettings.of(partnership_of(request)))

    def save(_: dict) -> tuple[str, str]:
        save_reminder_settings(form.instance, request.user)
        return "Reminder settings saved", reverse("meetings")

    return form_page(request, form, save, heading="When owners are reminded", back=reverse("meetings"),
                     submit="Save settings")
