"""Who may keep the partnership's agencies, people and meetings, and each person's own e-mails and notices."""

from __future__ import annotations

from datetime import date

from permission_matrix import Case, admin_only, codes, editor, everyone, role_matrix
from scenes import World

from actionplan.plans.models import User
from actionplan.reminders.models import Meeting, Notice


def police_agency(w: World) -> int:
    return w.police_action.owner_id


def person(username: str) -> int:
    return User.objects.get(username=username).pk


def meeting(w: World, elsewhere: bool = False) -> Meeting:
    """A meeting in the calendar of Riverton (or of Elsewhere)."""
    partnership = (w.other_plan if elsewhere else w.plan).partnership
    found, _ = Meeting.objects.get_or_create(
        partnership=partnership, name="Board", held_on=date(2030, 6, 12), papers_due=date(2030, 6, 5)
    )
    return found


def other_meeting(w: World) -> Meeting:
    return meeting(w, elsewhere=True)


def notices(w: World) -> None:
    """An unread notice for everyone: of the police action in Riverton, of Elsewhere's for eve."""
    for user in User.objects.all():
        action = w.other_action if user.username == "eve" else w.police_action
        Notice.objects.get_or_create(recipient=user, key=f"overdue:{action.pk}", defaults={
            "kind": "overdue", "action": action, "concerns_date": date(2026, 5, 15), "detail": "was due"})


def notice_of(w: World, username: str) -> int:
    notices(w)
    return Notice.objects.get(recipient__username=username).pk


MEETING = {"name": "Board", "kind": "board", "held_on": "12/6/2030", "papers_due": "5/6/2030"}
REMINDERS = {"days_before_due": "14, 3", "not_updated_days": 45, "papers_working_days": 5,
             "digest_weekday": 1}

CASES = [
    # Agencies and people: the partnership admin's.
    Case("agency list", "get", lambda w: "/agencies/", admin_only(eve=200)),
    Case("new agency page", "get", lambda w: "/agencies/new/", admin_only(eve=200)),
    Case("new agency", "post", lambda w: "/agencies/new/", codes(403, 302, alice=302),
         lambda w: {"name": "Riverton Fire and Rescue"}),
    Case("rename agency page", "get", lambda w: f"/agencies/{police_agency(w)}/edit/",
         editor(404, alice=200)),
    Case("rename agency", "post", lambda w: f"/agencies/{police_agency(w)}/edit/", editor(404, alice=302),
         lambda w: {"name": "Riverton Constabulary"}),
    Case("rename other agency", "post", lambda w: f"/agencies/{w.other_action.owner_id}/edit/",
         codes(404, 302), lambda w: {"name": "Elsewhere Constabulary"}),
    Case("merge agency page", "get", lambda w: f"/agencies/{police_agency(w)}/merge/",
         editor(404, alice=200)),
    Case("merge agency", "post", lambda w: f"/agencies/{police_agency(w)}/merge/", editor(404, alice=302),
         lambda w: {"target": w.health_action.owner_id}),
    Case("merge agency into other", "post", lambda w: f"/agencies/{police_agency(w)}/merge/",
         editor(404, alice=400), lambda w: {"target": w.other_action.owner_id}),
    Case("people list", "get", lambda w: "/people/", admin_only(eve=200)),
    Case("invite page", "get", lambda w: "/people/invite/", admin_only(eve=200)),
    Case("invite", "post", lambda w: "/people/invite/", codes(403, 302, alice=302),
         lambda w: {"email": "new@example.org", "first_name": "N", "last_name": "New", "role": "viewer"}),
    Case("person page", "get", lambda w: f"/people/{person('dave')}/", editor(404, alice=200)),
    Case("change person", "post", lambda w: f"/people/{person('dave')}/", editor(404, alice=302),
         lambda w: {"role": "scrutineer", "active": "True"}),
    Case("other person page", "get", lambda w: f"/people/{person('eve')}/", codes(404, 200)),
    # Sends an e-mail and stores nothing; the person has a password, so the admin is told so.
    Case("link again", "post", lambda w: f"/people/{person('dave')}/link/", editor(404, alice=302),
         stores=False),
    Case("change own password page", "get", lambda w: "/account/password/", everyone(200)),
    # The meeting calendar and the reminder settings: the partnership admin's own.
    Case("meetings", "get", lambda w: "/meetings/", admin_only(eve=200), prepare=meeting),
    Case("new meeting page", "get", lambda w: "/meetings/new/", admin_only(eve=200)),
    Case("new meeting", "post", lambda w: "/meetings/new/", codes(403, 302, alice=302), lambda w: MEETING),
    Case("edit meeting page", "get", lambda w: f"/meetings/{meeting(w).pk}/edit/", editor(404, alice=200),
         prepare=meeting),
    Case("edit meeting", "post", lambda w: f"/meetings/{meeting(w).pk}/edit/", editor(404, alice=302),
         lambda w: {**MEETING, "name": "Board (moved)"}, prepare=meeting),
    Case("edit other meeting", "post", lambda w: f"/meetings/{other_meeting(w).pk}/edit/", codes(404, 302),
         lambda w: {**MEETING, "name": "Board (moved)"}, prepare=other_meeting),
    Case("remove meeting", "post", lambda w: f"/meetings/{meeting(w).pk}/remove/", editor(404, alice=302),
         prepare=meeting),
    Case("remove other meeting", "post", lambda w: f"/meetings/{other_meeting(w).pk}/remove/",
         codes(404, 302), prepare=other_meeting),
    Case("reminder settings page", "get", lambda w: "/meetings/reminders/", admin_only(eve=200)),
    Case("reminder settings", "post", lambda w: "/meetings/reminders/", codes(403, 302, alice=302),
         lambda w: REMINDERS),
    # Everyone chooses the e-mails they get.
    Case("e-mail preferences page", "get", lambda w: "/preferences/", everyone(200)),
    Case("e-mail preferences", "post", lambda w: "/preferences/", everyone(302),
         lambda w: {"wanted": ["due_soon", "evidence_decided"]}),
    # Everyone's own notices, and only their own.
    Case("notices", "get", lambda w: "/notices/", everyone(200), prepare=notices),
    Case("mark a notice read", "post", lambda w: f"/notices/{notice_of(w, 'bob')}/read/",
         codes(404, 404, bob=302), prepare=notices),
    Case("mark all notices read", "post", lambda w: "/notices/read/", everyone(302), prepare=notices),
]

test_it_gives_each_role_what_it_may_have = role_matrix(CASES)
