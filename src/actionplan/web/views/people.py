"""The partnership admin's pages for agencies and people. The rules are in actionplan.plans.people."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.decorators.http import require_POST

from actionplan.plans import people
from actionplan.plans.models import Agency, User
from actionplan.plans.permissions import can_manage_people, require

from ..people_forms import AgencyForm, InviteForm, MergeForm, PersonForm
from ..scoping import M, SignedInRequest, one, partnership_of
from .form_page import form_page
from .writing import GET_POST, data


def managed(request: SignedInRequest, queryset: QuerySet[M], pk: int) -> M:
    """A row of the partnership (404 otherwise), for its partnership admin (403 otherwise)."""
    found = one(queryset.filter(partnership=partnership_of(request)), pk=pk)
    require(can_manage_people(request.user), "manage agencies and people")
    return found


@login_required
def agency_list(request: SignedInRequest) -> HttpResponse:
    require(can_manage_people(request.user), "manage agencies")
    agencies = partnership_of(request).agencies.prefetch_related("actions", "leads").order_by("name")
    return render(request, "web/agencies.html", {"agencies": agencies})


@login_required
@GET_POST
def agency_new(request: SignedInRequest) -> HttpResponse:
    require(can_manage_people(request.user), "manage agencies")
    return agency_form(request, Agency(partnership=partnership_of(request)))


@login_required
@GET_POST
def agency_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    return agency_form(request, managed(request, Agency.objects.all(), pk))


def agency_form(request: SignedInRequest, agency: Agency) -> HttpResponse:
    new = agency.pk is None
    form = AgencyForm(data(request), initial={"name": agency.name, "aliases": "\n".join(agency.aliases)})

    def save(cleaned: dict) -> tuple[str, str]:
        people.save_agency(agency, request.user, name=cleaned["name"], aliases=cleaned["aliases"])
        return f"{agency.name} {'added' if new else 'saved'}", reverse("agencies")

    return form_page(request, form, save, heading="Add an agency" if new else f"Rename {agency.name}",
                     back=reverse("agencies"), submit="Save agency")


@login_required
@GET_POST
def agency_merge(request: SignedInRequest, pk: int) -> HttpResponse:
    source = managed(request, Agency.objects.all(), pk)
    form = MergeForm(data(request), source=source)

    def save(cleaned: dict) -> tuple[str, str]:
        target = cleaned["target"]
        moved = people.merge_agencies(source, target, request.user)
        return f"{source.name} merged into {target.name}: {moved} actions moved", reverse("agencies")

    return form_page(
        request, form, save, heading=f"Merge {source.name} into another agency", back=reverse("agencies"),
        intro=[f"{source.name} owns {source.actions.count()} actions. Each keeps its history, which will "
               "say the agency was merged."],
        submit="Merge agencies", warning=True,
    )


@login_required
def person_list(request: SignedInRequest) -> HttpResponse:
    require(can_manage_people(request.user), "manage people")
    found = partnership_of(request).users.prefetch_related("agencies").order_by("-is_active", "last_name")
    return render(request, "web/people.html", {"people": found})


@login_required
@GET_POST
def person_invite(request: SignedInRequest) -> HttpResponse:
    require(can_manage_people(request.user), "invite people")
    partnership = partnership_of(request)
    form = InviteForm(data(request), partnership=partnership)

    def save(cleaned: dict) -> tuple[str, str]:
        person = people.invite_person(
            partnership, request.user, email=cleaned["email"], first_name=cleaned["first_name"],
            last_name=cleaned["last_name"], role=cleaned["role"], agencies=list(cleaned["agencies"]),
        )
        send_set_password_link(request, person)
        return f"{person.email} has been sent a link to set their password", reverse("people")

    return form_page(request, form, save, heading="Invite a person", back=reverse("people"),
                     submit="Send the invitation")


def send_set_password_link(request: SignedInRequest, person: User) -> None:
    """Django's password-reset token: the link works once, and not after the password is set."""
    uid = urlsafe_base64_encode(force_bytes(person.pk))
    link = request.build_absolute_uri(
        reverse("password_reset_confirm", args=[uid, default_token_generator.make_token(person)])
    )
    context = {"person": person, "link": link, "partnership": person.partnership, "inviter": request.user}
    send_mail(
        f"You are invited to {person.partnership}'s actionplan",
        render_to_string("web/email/invitation.txt", context),
        None,
        [person.email],
    )


@login_required
@GET_POST
def person_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    person = managed(request, User.objects.filter(is_superuser=False), pk)
    initial = {"role": person.role, "agencies": list(person.agencies.values_list("pk", flat=True)),
               "active": person.is_active}
    form = PersonForm(data(request), partnership=partnership_of(request), initial=initial)

    def save(cleaned: dict) -> tuple[str, str]:
        people.change_person(person, request.user, role=cleaned["role"], agencies=list(cleaned["agencies"]),
                             active=cleaned["active"])
        return f"{person.get_full_name() or person.username} saved", reverse("people")

    return form_page(request, form, save, heading=person.get_full_name() or person.username,
                     caption=person.email, back=reverse("people"), submit="Save", person=person)


@login_required
@require_POST
def person_link_again(request: SignedInRequest, pk: int) -> HttpResponse:
    """A fresh set-password link for someone invited who has not set a password yet."""
    person = managed(request, User.objects.filter(is_superuser=False), pk)
    if person.has_usable_password() or not person.is_active or not person.email:
        messages.error(request, "Only an active person with no password yet can be sent the link again")
    else:
        send_set_password_link(request, person)
        messages.success(request, f"{person.email} has been sent a new link to set their password")
    return redirect("person_edit", pk=person.pk)
