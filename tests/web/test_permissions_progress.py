"""Who may post on an action: progress, evidence, corrections, withdrawals and assurance."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from permission_matrix import Case, codes, evidence, police, police_action, role_matrix
from scenes import World

from actionplan.plans.models import Action, User
from actionplan.plans.updates import record_progress


def progress(action: Callable[[World], object]) -> Callable[[World], dict]:
    return lambda w: {"text": "Briefed every sergeant", "status": "in_progress", "version": action(w).version}


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

# What a lead of the owning agency, an admin of the owning partnership, may post.
OWNERS = {"alice": 302, "bob": 302}

CASES = [
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
]

test_it_gives_each_role_what_it_may_have = role_matrix(CASES)
