"""Who may write plans in the app: reviews, plans, recommendations, actions, composite plans."""

from __future__ import annotations

from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from permission_matrix import (
    Case,
    admin_only,
    codes,
    editor,
    evidence,
    police,
    police_action,
    riverton_rec,
    role_matrix,
)
from scenes import PDF, World

from actionplan.plans.models import Action, Evidence, Recommendation, User
from actionplan.plans.recommendation_evidence import submit_recommendation_evidence
from factories import RecommendationFactory


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


def version(action: Callable[[World], Action]) -> Callable[[World], dict]:
    return lambda w: {"version": action(w).version}


CASES = [
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
    Case("recommendation evidence withdrawal page", "get",
         lambda w: f"/recommendations/{lone(w).pk}/evidence/{lone_evidence(w).pk}/withdraw/",
         editor(404, alice=200), prepare=lone_evidence),
    Case("recommendation evidence withdrawal", "post",
         lambda w: f"/recommendations/{lone(w).pk}/evidence/{lone_evidence(w).pk}/withdraw/",
         editor(404, alice=302), lambda w: {"reason": "Filed against the wrong one"},
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
]

test_it_gives_each_role_what_it_may_have = role_matrix(CASES)
