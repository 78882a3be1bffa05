"""Who may open and post what: every page × every role × objects of two partnerships and agencies.

Anonymous people are sent to sign in; a role that may not do something gets 403; anything of
another partnership is 404 and none of its words appear. A refused POST changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http.response import HttpResponseBase
from django.urls import resolve
from scenes import ELSEWHERE_WORDS, PDF, RIVERTON_WORDS, World, csv_upload, plan_csv, snapshot

from actionplan.plans import import_drafts
from actionplan.plans.models import Action, Evidence, ImportDraft, Recommendation, ReportFile, Theme, User
from actionplan.plans.recommendation_evidence import submit_recommendation_evidence
from actionplan.plans.updates import record_progress
from actionplan.reminders.models import Meeting, Notice
from actionplan.reports import Scope
from actionplan.reports.background import request_report
from actionplan.web.urls import urlpatterns
from factories import RecommendationFactory

pytestmark = pytest.mark.django_db

RIVERTON = ["alice", "bob", "frank", "charlie", "dave"]
ROLES = ["anonymous", *RIVERTON, "eve"]


def codes(riverton: int, eve: int, **roles: int) -> dict[str, int]:
    return {**dict.fromkeys(RIVERTON, riverton), "eve": eve, **roles}


def everyone(code: int, **roles: int) -> dict[str, int]:
    return codes(code, code, **roles)


def admin_only(eve: int) -> dict[str, int]:
    return codes(403, eve, alice=200)


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    path: Callable[[World], str]
    expected: dict[str, int]
    data: Callable[[World], dict] = field(default=lambda w: {})
    stores: bool = True  # an allowed POST changes the database
    prepare: Callable[[World], object] = field(default=lambda w: None)  # before the snapshot is taken


def lone(w: World) -> Recommendation:
    """A recommendation of the Riverton plan with no actions, tracked on itself."""
    found = Recommendation.objects.filter(plan=w.plan, ref="2").first()
    return found or RecommendationFactory(plan=w.plan, ref="2", text="Audit the front door.")


def lone_evidence(w: World) -> Evidence:
    """Evidence awaiting a decision on the recommendation tracked without actions."""
    rec = lone(w)
    found = rec.evidence.filter(decision=Evidence.Decision.PENDING).first()
    alice = User.objects.get(username="alice")
    return found or submit_recommendation_evidence(
        rec, alice, "Audit of the front door", file=SimpleUploadedFile("audit.pdf", PDF)
    )


def editor(eve: int, **roles: int) -> dict[str, int]:
    """Pages of Riverton's rows that only its partnership admin may use; eve gets `eve`."""
    return codes(403, eve, **roles)


def riverton_rec(w: World) -> int:
    return w.police_action.recommendation_id


def police_agency(w: World) -> int:
    return w.police_action.owner_id


def person(username: str) -> int:
    return User.objects.get(username=username).pk


def police_action(w: World) -> Action:
    return w.police_action


def version(action: Callable[[World], Action]) -> Callable[[World], dict]:
    return lambda w: {"version": action(w).version}


def progress(action: Callable[[World], object]) -> Callable[[World], dict]:
    return lambda w: {"text": "Briefed every sergeant", "status": "in_progress", "version": action(w).version}


def evidence(_: World) -> dict:
    return {"description": "Briefing slides", "link": "https://example.org/slides"}


def meeting(w: World, elsewhere: bool = False) -> Meeting:
    """A meeting in the calendar of Riverton (or of Elsewhere)."""
    partnership = (w.other_plan if elsewhere else w.plan).partnership
    found, _ = Meeting.objects.get_or_create(
        partnership=partnership, name="Board", held_on=date(2030, 6, 12), papers_due=date(2030, 6, 5)
    )
    return found


def other_meeting(w: World) -> Meeting:
    return meeting(w, elsewhere=True)


def kept_report(w: World, elsewhere: bool = False) -> ReportFile:
    """A report of the Riverton plan (or of Elsewhere's), produced and kept."""
    plan = w.other_plan if elsewhere else w.plan
    found = ReportFile.objects.filter(plan=plan).first()
    return found or request_report(plan.partnership, Scope(plan_id=plan.pk), "csv", date(2030, 6, 1), None)


def other_report(w: World) -> ReportFile:
    return kept_report(w, elsewhere=True)


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
def import_of(username: str) -> Callable[[World], int]:
    """The import in progress of one person (alice of Riverton, eve of Elsewhere)."""
    def draft(w: World) -> int:
        user = User.objects.get(username=username)
        found = ImportDraft.objects.filter(owner=user).first()
        return (found or import_drafts.start(user, user.partnership, "dhr.csv", plan_csv())).pk
    return draft


riverton_import, elsewhere_import = import_of("alice"), import_of("eve")
WARNED = b"Recommendation,Action,Lead agency,Target date\n1. Share,Write it,Riverton Police,some day\n"
THEMED = b"Theme,Recommendation,Action,Lead agency\nThink family,1. Share,Write it,Riverton Police\n"


def alices_import(name: str, content: bytes) -> Callable[[World], int]:
    """An import in progress of alice's, of a document of its own."""
    def draft(w: World) -> int:
        alice = User.objects.get(username="alice")
        found = ImportDraft.objects.filter(owner=alice, file_name=name).first()
        return (found or import_drafts.start(alice, alice.partnership, name, content)).pk
    return draft


warned_import = alices_import("warned.csv", WARNED)  # one row with a due date not understood
themed_import = alices_import("themed.csv", THEMED)  # one section, "Think family"
TWO_ACTIONS = b'Recommendation,Action,Lead agency\n1. Share,"- Write it\n- Teach it",Riverton Police\n'
paired_import = alices_import("paired.csv", TWO_ACTIONS)  # one row of two actions


def police(w: World) -> int:
    return w.police_action.pk


def update_on(action: Callable[[World], Action], by: str) -> Callable[[World], int]:
    """An update posted on an action (bob's on the police action, eve's on hers), to correct."""
    def posted(w: World) -> int:
        found = action(w).updates.first()
        return (found or record_progress(action(w), User.objects.get(username=by), "Sergeants briefed",
                                         on=date(2030, 1, 6))).pk
    return posted


police_update, other_update = update_on(police_action, "bob"), update_on(lambda w: w.other_action, "eve")
CORRECTION = {"text": "Every sergeant briefed", "reason": "Said sergeants, meant every sergeant"}
WITHDRAWAL = {"reason": "Posted on the wrong action"}


def national(name: str = "Neglect") -> int:
    return Theme.objects.get(partnership=None, name=name).pk


def own_theme(w: World) -> Theme:
    """A theme of Riverton's own framework."""
    theme, _ = Theme.objects.get_or_create(partnership=w.plan.partnership, name="Riverton front door")
    return theme


def other_theme(w: World) -> Theme:
    theme, _ = Theme.objects.get_or_create(partnership=w.other_plan.partnership, name="Elsewhere hoarding")
    return theme


# What a lead of the owning agency, an admin of the owning partnership, may post.
OWNERS = {"alice": 302, "bob": 302}
CASES = [
    Case("dashboard", "get", lambda w: "/", everyone(200)),
    Case("action list", "get", lambda w: "/actions/", everyone(200)),
    Case("my actions", "get", lambda w: "/my-actions/", everyone(403, bob=200, frank=200)),
    Case("action page", "get", lambda w: f"/actions/{police(w)}/", codes(200, 404)),
    Case(
        "evidence file",
        "get",
        lambda w: f"/actions/{police(w)}/evidence/{w.police_evidence.pk}/file/",
        codes(200, 404),
    ),
    Case("plan list", "get", lambda w: "/plans/", everyone(200)),
    Case("plan page", "get", lambda w: f"/plans/{w.plan.pk}/", codes(200, 404)),
    Case("review list", "get", lambda w: "/reviews/", everyone(200)),
    Case("review page", "get", lambda w: f"/reviews/{w.review.pk}/", codes(200, 404)),
    Case("composite chooser", "get", lambda w: "/composite/", everyone(200)),
    Case("composite of a review", "get", lambda w: f"/composite/?review={w.review.pk}", codes(200, 404)),
    Case("import upload page", "get", lambda w: "/import/", admin_only(eve=200)),
    Case("import preview", "get", lambda w: f"/import/{riverton_import(w)}/", admin_only(eve=404),
         prepare=riverton_import),
    Case("other import preview", "get", lambda w: f"/import/{elsewhere_import(w)}/",
         codes(403, 200, alice=404), prepare=elsewhere_import),
    Case("import row page", "get", lambda w: f"/import/{riverton_import(w)}/rows/0/0/", admin_only(eve=404),
         prepare=riverton_import),
    Case("other import row page", "get", lambda w: f"/import/{elsewhere_import(w)}/rows/0/0/",
         codes(403, 200, alice=404), prepare=elsewhere_import),
    # Rows of the other partnership, asked for by their numbers.
    Case("other action page", "get", lambda w: f"/actions/{w.other_action.pk}/", codes(404, 200)),
    Case(
        "other evidence file",
        "get",
        lambda w: f"/actions/{w.other_action.pk}/evidence/{w.other_evidence.pk}/file/",
        codes(404, 200),
    ),
    Case(
        "other evidence under own action",
        "get",
        lambda w: f"/actions/{police(w)}/evidence/{w.other_evidence.pk}/file/",
        codes(404, 404),
    ),
    Case("other plan page", "get", lambda w: f"/plans/{w.other_plan.pk}/", codes(404, 200)),
    Case("other review page", "get", lambda w: f"/reviews/{w.other_review.pk}/", codes(404, 200)),
    Case(
        "composite of other review",
        "get",
        lambda w: f"/composite/?review={w.other_review.pk}",
        codes(404, 200),
    ),
    Case(
        "plans filtered by other agency",
        "get",
        lambda w: f"/actions/?agency={w.other_action.owner_id}",
        everyone(200),
    ),
    # Forms.
    Case(
        "progress on police action",
        "post",
        lambda w: f"/actions/{police(w)}/progress/",
        codes(403, 404, **OWNERS),
        progress(lambda w: w.police_action),
    ),
    Case(
        "progress on health action",
        "post",
        lambda w: f"/actions/{w.health_action.pk}/progress/",
        codes(403, 404, alice=302, frank=302),
        progress(lambda w: w.health_action),
    ),
    Case(
        "evidence on police action",
        "post",
        lambda w: f"/actions/{police(w)}/evidence/",
        codes(403, 404, **OWNERS),
        evidence,
    ),
    Case(
        "evidence on health action",
        "post",
        lambda w: f"/actions/{w.health_action.pk}/evidence/",
        codes(403, 404, alice=302, frank=302),
        evidence,
    ),
    # Corrections and withdrawals: open to those who may post on the action.
    Case("correct police update page", "get",
         lambda w: f"/actions/{police(w)}/updates/{police_update(w)}/correct/",
         codes(403, 404, alice=200, bob=200), prepare=police_update),
    Case("correct police update", "post",
         lambda w: f"/actions/{police(w)}/updates/{police_update(w)}/correct/",
         codes(403, 404, **OWNERS), lambda w: CORRECTION, prepare=police_update),
    Case("withdraw police update", "post",
         lambda w: f"/actions/{police(w)}/updates/{police_update(w)}/withdraw/",
         codes(403, 404, **OWNERS), lambda w: WITHDRAWAL, prepare=police_update),
    Case("withdraw police update page", "get",
         lambda w: f"/actions/{police(w)}/updates/{police_update(w)}/withdraw/",
         codes(403, 404, alice=200, bob=200), prepare=police_update),
    Case("withdraw police evidence page", "get",
         lambda w: f"/actions/{police(w)}/evidence/{w.police_evidence.pk}/withdraw/",
         codes(403, 404, alice=200, bob=200)),
    Case("withdraw police evidence", "post",
         lambda w: f"/actions/{police(w)}/evidence/{w.police_evidence.pk}/withdraw/",
         codes(403, 404, **OWNERS), lambda w: WITHDRAWAL),
    Case("withdraw other evidence under own action", "post",
         lambda w: f"/actions/{police(w)}/evidence/{w.other_evidence.pk}/withdraw/",
         codes(403, 404, alice=404, bob=404), lambda w: WITHDRAWAL),
    Case("correct other update", "post",
         lambda w: f"/actions/{w.other_action.pk}/updates/{other_update(w)}/correct/",
         codes(404, 302), lambda w: CORRECTION, prepare=other_update),
    Case("withdraw other update under own action", "post",
         lambda w: f"/actions/{police(w)}/updates/{other_update(w)}/withdraw/",
         codes(403, 404, alice=404, bob=404), lambda w: WITHDRAWAL, prepare=other_update),
    Case(
        "decision on police evidence",
        "post",
        lambda w: f"/actions/{police(w)}/evidence/{w.police_evidence.pk}/decision/",
        codes(403, 404, alice=302, charlie=302),
        lambda w: {"decision": "accept"},
    ),
    Case(
        "assurance on police action",
        "post",
        lambda w: f"/actions/{police(w)}/assurance/",
        codes(403, 404, alice=302, charlie=302),
        lambda w: {"assurance": "accepted", "reason": "Audited", "version": w.police_action.version},
    ),
    Case(
        "rag set by hand on police action",
        "post",
        lambda w: f"/actions/{police(w)}/rag/",
        codes(403, 404, alice=302, charlie=302),
        lambda w: {"rag": "red", "reason": "Board agreed", "version": w.police_action.version},
    ),
    Case(
        "assurance on other action",
        "post",
        lambda w: f"/actions/{w.other_action.pk}/assurance/",
        codes(404, 302),
        lambda w: {"assurance": "accepted", "reason": "Audited", "version": w.other_action.version},
    ),
    Case(
        "decision on other evidence under own action",
        "post",
        lambda w: f"/actions/{police(w)}/evidence/{w.other_evidence.pk}/decision/",
        codes(403, 404, alice=404, charlie=404),
        lambda w: {"decision": "accept"},
    ),
    Case(
        "progress on other action",
        "post",
        lambda w: f"/actions/{w.other_action.pk}/progress/",
        codes(404, 302),
        progress(lambda w: w.other_action),
    ),
    Case(
        "evidence on other action",
        "post",
        lambda w: f"/actions/{w.other_action.pk}/evidence/",
        codes(404, 302),
        evidence,
    ),
    Case(
        "decision on other evidence",
        "post",
        lambda w: f"/actions/{w.other_action.pk}/evidence/{w.other_evidence.pk}/decision/",
        codes(404, 302),
        lambda w: {"decision": "reject", "reason": "Not dated"},
    ),
    Case(
        "import upload",
        "post",
        lambda w: "/import/",
        codes(403, 302, alice=302),
        lambda w: {"files": csv_upload()},
    ),
    Case("import confirm", "post", lambda w: f"/import/{riverton_import(w)}/", codes(403, 404, alice=302),
         lambda w: {"decision": "confirm"}, prepare=riverton_import),
    Case("import discard", "post", lambda w: f"/import/{riverton_import(w)}/", codes(403, 404, alice=302),
         lambda w: {"decision": "cancel"}, prepare=riverton_import),
    Case("other import confirm", "post", lambda w: f"/import/{elsewhere_import(w)}/",
         codes(403, 302, alice=404), lambda w: {"decision": "confirm"}, prepare=elsewhere_import),
    Case("import columns", "post", lambda w: f"/import/{riverton_import(w)}/columns/",
         codes(403, 404, alice=302), lambda w: {"header-1": "Lead agency", "role-1": "owner"},
         prepare=riverton_import),
    Case("other import columns", "post", lambda w: f"/import/{elsewhere_import(w)}/columns/",
         codes(403, 302, alice=404), lambda w: {"header-1": "Lead agency", "role-1": "owner"},
         prepare=elsewhere_import),
    Case("import owner", "post", lambda w: f"/import/{riverton_import(w)}/owner/",
         codes(403, 404, alice=302), lambda w: {"owner": "Riverton Police", "agency": "none", "role": "DCI"},
         prepare=riverton_import),
    Case("other import owner", "post", lambda w: f"/import/{elsewhere_import(w)}/owner/",
         codes(403, 302, alice=404), lambda w: {"owner": "Riverton Police", "agency": "none", "role": "DCI"},
         prepare=elsewhere_import),
    Case("import review", "post", lambda w: f"/import/{riverton_import(w)}/review/",
         codes(403, 404, alice=302), lambda w: {"code": "CQ21", "link": str(w.review.pk)},
         prepare=riverton_import),
    Case("other import review", "post", lambda w: f"/import/{elsewhere_import(w)}/review/",
         codes(403, 302, alice=404), lambda w: {"code": "MZ22", "link": "new"}, prepare=elsewhere_import),
    Case("import warning checked", "post", lambda w: f"/import/{warned_import(w)}/warning/",
         codes(403, 404, alice=302), lambda w: {"key": "warning:0:0", "checked": "yes"},
         prepare=warned_import),
    Case("other import warning", "post", lambda w: f"/import/{elsewhere_import(w)}/warning/",
         codes(403, 404, alice=404), lambda w: {"key": "warning:0:0", "checked": "yes"},
         prepare=elsewhere_import),
    Case("import plan facts", "post", lambda w: f"/import/{riverton_import(w)}/plans/0/",
         codes(403, 404, alice=302), lambda w: {"title": "Child Q plan", "kind": "workplan"},
         prepare=riverton_import),
    Case("other import plan facts", "post", lambda w: f"/import/{elsewhere_import(w)}/plans/0/",
         codes(403, 302, alice=404), lambda w: {"title": "Mr Z plan", "kind": "workplan"},
         prepare=elsewhere_import),
    Case("import theme", "post", lambda w: f"/import/{themed_import(w)}/theme/",
         codes(403, 404, alice=302), lambda w: {"section": "Think family", "theme": "none"},
         prepare=themed_import),
    Case("import updates a plan", "post", lambda w: f"/import/{riverton_import(w)}/updates/",
         codes(403, 404, alice=302), lambda w: {"plan": str(w.plan.pk)}, prepare=riverton_import),
    Case("import updates a plan from no such sheet", "post",
         lambda w: f"/import/{riverton_import(w)}/updates/", codes(403, 404, alice=404),
         lambda w: {"plan": str(w.plan.pk), "number": "1"}, prepare=riverton_import),
    Case("import updates other plan", "post", lambda w: f"/import/{riverton_import(w)}/updates/",
         codes(403, 404, alice=404), lambda w: {"plan": str(w.other_plan.pk)}, prepare=riverton_import),
    Case("other import updates a plan", "post", lambda w: f"/import/{elsewhere_import(w)}/updates/",
         codes(403, 302, alice=404), lambda w: {"plan": str(w.other_plan.pk)}, prepare=elsewhere_import),
    Case("import row", "post", lambda w: f"/import/{riverton_import(w)}/rows/0/0/",
         codes(403, 404, alice=302), lambda w: {"0:0:-:ref": "9"}, prepare=riverton_import),
    Case("other import row", "post", lambda w: f"/import/{elsewhere_import(w)}/rows/0/0/",
         codes(403, 302, alice=404), lambda w: {"0:0:-:ref": "9"}, prepare=elsewhere_import),
    Case("import split page", "get", lambda w: f"/import/{riverton_import(w)}/rows/0/0/split/0/",
         admin_only(eve=404), prepare=riverton_import),
    Case("other import split page", "get", lambda w: f"/import/{elsewhere_import(w)}/rows/0/0/split/0/",
         codes(403, 200, alice=404), prepare=elsewhere_import),
    Case("import split", "post", lambda w: f"/import/{riverton_import(w)}/rows/0/0/split/0/",
         codes(403, 404, alice=302), lambda w: {"first": "Train", "second": "Audit"},
         prepare=riverton_import),
    Case("other import split", "post", lambda w: f"/import/{elsewhere_import(w)}/rows/0/0/split/0/",
         codes(403, 302, alice=404), lambda w: {"first": "Train", "second": "Audit"},
         prepare=elsewhere_import),
    Case("import join", "post", lambda w: f"/import/{paired_import(w)}/rows/0/0/join/0/",
         codes(403, 404, alice=302), lambda w: {}, prepare=paired_import),
    Case("other import join", "post", lambda w: f"/import/{elsewhere_import(w)}/rows/0/0/join/0/",
         codes(403, 404, alice=404), lambda w: {}, prepare=elsewhere_import),
    Case(
        "composite save",
        "post",
        lambda w: "/composite/",
        codes(403, 404, alice=302),
        lambda w: {"review": w.review.pk, "title": "Composite of CQ21"},
    ),
    Case(
        "composite save of other review",
        "post",
        lambda w: "/composite/",
        codes(404, 302),
        lambda w: {"review": w.other_review.pk, "title": "Composite of MZ22"},
    ),
    # Reports: everyone asks for and reads their own partnership's (the worker produces them, at
    # once in the tests); a plan or a report of the other partnership is not found.
    Case("report form page", "get", lambda w: "/report/?plan=1&as_at=31/3/2026", everyone(200)),
    Case("report of the partnership", "post", lambda w: "/report/", everyone(302),
         lambda w: {"format": "json"}),
    Case("recurring learning report", "post", lambda w: "/report/", everyone(302),
         lambda w: {"format": "html", "recurring": "on"}),
    Case("report of a plan", "post", lambda w: "/report/", codes(302, 404),
         lambda w: {"format": "csv", "plan": w.plan.pk}),
    Case("report of other plan", "post", lambda w: "/report/", codes(404, 302),
         lambda w: {"format": "csv", "plan": w.other_plan.pk}),
    Case("report page", "get", lambda w: f"/reports/{kept_report(w).pk}/", codes(200, 404),
         prepare=kept_report),
    Case("other report page", "get", lambda w: f"/reports/{other_report(w).pk}/", codes(404, 200),
         prepare=other_report),
    Case("report file", "get", lambda w: f"/reports/{kept_report(w).pk}/file/", codes(200, 404),
         prepare=kept_report),
    Case("other report file", "get", lambda w: f"/reports/{other_report(w).pk}/file/", codes(404, 200),
         prepare=other_report),
    Case(
        "give back updates page", "get", lambda w: "/updates/", codes(403, 200, alice=200, bob=200, frank=200)
    ),
    # Writing plans in the app: the partnership admin only, and only the partnership's own rows.
    Case("new review page", "get", lambda w: "/reviews/new/", admin_only(eve=200)),
    Case("new review", "post", lambda w: "/reviews/new/", codes(403, 302, alice=302),
         lambda w: {"code": "NEW1", "kind": "scr"}),
    Case("edit review page", "get", lambda w: f"/reviews/{w.review.pk}/edit/", editor(404, alice=200)),
    Case("edit review", "post", lambda w: f"/reviews/{w.review.pk}/edit/", editor(404, alice=302),
         lambda w: {"code": "CQ21", "kind": "scr", "title": "Child Q"}),
    Case("edit other review", "post", lambda w: f"/reviews/{w.other_review.pk}/edit/", codes(404, 302),
         lambda w: {"code": "MZ22", "kind": "sar", "title": "Mr Z"}),
    Case("new plan page", "get", lambda w: "/plans/new/", admin_only(eve=200)),
    Case("new plan", "post", lambda w: "/plans/new/", codes(403, 302, alice=302),
         lambda w: {"title": "A new plan", "kind": "review_action_plan"}),
    # Elsewhere's review: refused as an unknown choice for alice; eve's own, so eve may.
    Case("new plan answering other review", "post", lambda w: "/plans/new/", codes(403, 302, alice=400),
         lambda w: {"title": "A new plan", "kind": "review_action_plan", "reviews": [w.other_review.pk]}),
    Case("edit plan page", "get", lambda w: f"/plans/{w.plan.pk}/edit/", editor(404, alice=200)),
    Case("edit plan", "post", lambda w: f"/plans/{w.plan.pk}/edit/", editor(404, alice=302),
         lambda w: {"title": "Child Q plan, revised", "kind": "review_action_plan"}),
    Case("close plan page", "get", lambda w: f"/plans/{w.plan.pk}/close/", editor(404, alice=200)),
    Case("close plan", "post", lambda w: f"/plans/{w.plan.pk}/close/", editor(404, alice=302),
         lambda w: {"reason": "All assured"}),
    Case("close other plan", "post", lambda w: f"/plans/{w.other_plan.pk}/close/", codes(404, 302),
         lambda w: {"reason": "All assured"}),
    Case("new recommendation page", "get", lambda w: f"/plans/{w.plan.pk}/recommendations/new/",
         editor(404, alice=200)),
    Case("new recommendation", "post", lambda w: f"/plans/{w.plan.pk}/recommendations/new/",
         editor(404, alice=302), lambda w: {"ref": "3", "text": "Train staff.", "decision": "accepted"}),
    Case("edit recommendation page", "get", lambda w: f"/recommendations/{riverton_rec(w)}/edit/",
         editor(404, alice=200)),
    Case("edit recommendation", "post", lambda w: f"/recommendations/{riverton_rec(w)}/edit/",
         editor(404, alice=302),
         lambda w: {"ref": "1.1", "text": "Share.", "decision": "not_accepted", "decision_reason": "Cost"}),
    Case("edit other recommendation", "post",
         lambda w: f"/recommendations/{w.other_action.recommendation_id}/edit/", codes(404, 302),
         lambda w: {"ref": "1.1", "text": "Share early.", "decision": "accepted"}),
    Case("recommendation progress page", "get", lambda w: f"/recommendations/{lone(w).pk}/progress/",
         editor(404, alice=200), prepare=lone),
    Case("recommendation progress", "post", lambda w: f"/recommendations/{lone(w).pk}/progress/",
         editor(404, alice=302), lambda w: {"text": "Audit begun", "status": "in_progress"}, prepare=lone),
    # Evidence on a recommendation tracked without actions: the admin adds it, assurers decide.
    Case("recommendation evidence page", "get", lambda w: f"/recommendations/{lone(w).pk}/evidence/",
         codes(200, 404), prepare=lone_evidence),
    Case("recommendation evidence", "post", lambda w: f"/recommendations/{lone(w).pk}/evidence/",
         editor(404, alice=302), evidence, prepare=lone),
    Case("recommendation evidence decision", "post",
         lambda w: f"/recommendations/{lone(w).pk}/evidence/{lone_evidence(w).pk}/decision/",
         editor(404, alice=302, charlie=302), lambda w: {"decision": "accept"}, prepare=lone_evidence),
    Case("recommendation evidence file", "get",
         lambda w: f"/recommendations/{lone(w).pk}/evidence/{lone_evidence(w).pk}/file/", codes(200, 404),
         prepare=lone_evidence),
    Case("recommendation assurance", "post", lambda w: f"/recommendations/{lone(w).pk}/assurance/",
         editor(404, alice=302, charlie=302),
         lambda w: {"assurance": "accepted", "reason": "Verified at the audit on 3 March"},
         prepare=lone_evidence),
    Case("evidence of a recommendation with actions", "get",
         lambda w: f"/recommendations/{riverton_rec(w)}/evidence/", codes(404, 404)),
    Case("new action page", "get", lambda w: f"/recommendations/{riverton_rec(w)}/actions/new/",
         editor(404, alice=200)),
    Case("new action", "post", lambda w: f"/recommendations/{riverton_rec(w)}/actions/new/",
         editor(404, alice=302), lambda w: {"text": "Brief sergeants", "owner": w.police_action.owner_id}),
    Case("edit action page", "get", lambda w: f"/actions/{police(w)}/edit/", editor(404, alice=200)),
    Case("edit action", "post", lambda w: f"/actions/{police(w)}/edit/", editor(404, alice=302),
         lambda w: {"text": "Escalate sooner", "version": w.police_action.version}),
    Case("reassign action page", "get", lambda w: f"/actions/{police(w)}/reassign/", editor(404, alice=200)),
    Case("reassign action", "post", lambda w: f"/actions/{police(w)}/reassign/", editor(404, alice=302),
         lambda w: {"owner": w.health_action.owner_id, "reason": "Health", **version(police_action)(w)}),
    Case("reassign action to other agency", "post", lambda w: f"/actions/{police(w)}/reassign/",
         editor(404, alice=400),
         lambda w: {"owner": w.other_action.owner_id, "reason": "x", "version": w.police_action.version}),
    Case("reassign other action", "post", lambda w: f"/actions/{w.other_action.pk}/reassign/",
         codes(404, 302),
         lambda w: {"owner": "", "reason": "Unowned now", "version": w.other_action.version}),
    Case("revise due date page", "get", lambda w: f"/actions/{police(w)}/due/", editor(404, alice=200)),
    Case("revise due date", "post", lambda w: f"/actions/{police(w)}/due/", editor(404, alice=302),
         lambda w: {"revised_due": "31/12/2030", "reason": "Slipped", **version(police_action)(w)}),
    Case("change actions together page", "get", lambda w: f"/actions/change/?action={police(w)}",
         codes(403, 404, alice=200)),
    Case("change actions together", "post", lambda w: "/actions/change/", codes(403, 404, alice=302),
         lambda w: {"actions": [police(w)], "status": "in_progress", "reason": "Started together"}),
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
    # Learning across reviews: everyone reads their own partnership's; themes are the admin's.
    Case("search", "get", lambda w: "/search/?q=only+action", everyone(200)),
    Case("search filtered by other agency", "get",
         lambda w: f"/search/?q=only+action&agency={w.other_action.owner_id}", everyone(200)),
    Case("recommendation page", "get", lambda w: f"/recommendations/{riverton_rec(w)}/", codes(200, 404)),
    Case("other recommendation page", "get",
         lambda w: f"/recommendations/{w.other_action.recommendation_id}/", codes(404, 200)),
    Case("recurring learning", "get", lambda w: "/learning/", everyone(200)),
    Case("recurring learning download", "get", lambda w: "/learning/download/?format=csv", everyone(200)),
    Case("theme list", "get", lambda w: "/themes/", everyone(200)),
    Case("recommendation themes page", "get", lambda w: f"/recommendations/{riverton_rec(w)}/themes/",
         editor(404, alice=200)),
    Case("recommendation themes", "post", lambda w: f"/recommendations/{riverton_rec(w)}/themes/",
         editor(404, alice=302),
         lambda w: {"themes": [national(), own_theme(w).pk], f"action_{police(w)}": [national()]},
         prepare=own_theme),
    Case("recommendation given other partnership's theme", "post",
         lambda w: f"/recommendations/{riverton_rec(w)}/themes/", editor(404, alice=400),
         lambda w: {"themes": [other_theme(w).pk]}, prepare=other_theme),
    Case("other recommendation themes", "post",
         lambda w: f"/recommendations/{w.other_action.recommendation_id}/themes/", codes(404, 302),
         lambda w: {"themes": [national()]}),
    Case("new theme page", "get", lambda w: "/themes/new/", admin_only(eve=200)),
    Case("new theme", "post", lambda w: "/themes/new/", codes(403, 302, alice=302),
         lambda w: {"name": "Working together", "national": national("Information sharing")}),
    Case("edit theme page", "get", lambda w: f"/themes/{own_theme(w).pk}/edit/", editor(404, alice=200),
         prepare=own_theme),
    Case("edit theme", "post", lambda w: f"/themes/{own_theme(w).pk}/edit/", editor(404, alice=302),
         lambda w: {"name": "Front door", "national": national("Risk assessment")}, prepare=own_theme),
    Case("edit national theme", "post", lambda w: f"/themes/{national()}/edit/", codes(404, 404),
         lambda w: {"name": "Renamed"}),
]


def sign_in(client, role: str, request: pytest.FixtureRequest) -> None:
    if role == "anonymous":
        return
    client.force_login(request.getfixturevalue(role))


def body(response: HttpResponseBase) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name.replace(" ", "-"))
def test_it_gives_each_role_what_it_may_have(client, world, request, case: Case, role: str):
    sign_in(client, role, request)
    case.prepare(world)
    before = snapshot()
    response = getattr(client, case.method)(case.path(world), case.data(world))
    content = body(response)

    if role == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith("/sign-in/?next=")
    else:
        assert response.status_code == case.expected[role], content[:300]
    for word in ELSEWHERE_WORDS if role in RIVERTON else RIVERTON_WORDS if role == "eve" else []:
        assert word not in content, f"{word!r} leaked to {role}"
    if case.method == "post":
        changed = snapshot() != before
        assert changed == (response.status_code == 302 and role != "anonymous" and case.stores)


def test_the_matrix_covers_every_page(world):
    covered = {resolve(case.path(world).split("?")[0]).url_name for case in CASES}
    pages = {pattern.name for pattern in urlpatterns}
    # Signing in and the password pages reached from e-mails have their own tests.
    by_e_mail = {name for name in pages if name.startswith("password_reset")}
    assert pages - covered == {"login", "logout", "password_change_done", *by_e_mail}
