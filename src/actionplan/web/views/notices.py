"""Each person's notices in the app, read or unread: the same notices the e-mails tell of."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from actionplan.reminders.in_app import failed_mail, mark_all_read, mark_read, notices_of

from .. import paging
from ..scoping import SignedInRequest, partnership_of

NOTICES_PER_PAGE = 50
FAILED_SHOWN = 100


@login_required
def notice_list(request: SignedInRequest) -> HttpResponse:
    partnership = partnership_of(request)
    person = request.user
    admin = person.role == person.Role.PARTNERSHIP_ADMIN
    page = paging.page_of(request, notices_of(person), per_page=NOTICES_PER_PAGE)
    context = {
        "notices": page,
        "pagination": paging.pagination(request, page, label="Pages of your notices"),
        "unread": notices_of(person).filter(read_at=None).count(),
        "failed": list(failed_mail(partnership)[:FAILED_SHOWN]) if admin else [],
    }
    return render(request, "web/notices.html", context)


@login_required
@require_POST
def notice_read(request: SignedInRequest, pk: int) -> HttpResponse:
    partnership_of(request)
    if not mark_read(request.user, pk):
        raise Http404("no such notice of yours")
    return redirect("notices")


@login_required
@require_POST
def notices_all_read(request: SignedInRequest) -> HttpResponse:
    partnership_of(request)
    count = mark_all_read(request.user)
    messages.success(request, f"{count} notice{'s' if count != 1 else ''} marked as read")
    return redirect("notices")
