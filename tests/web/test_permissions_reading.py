"""Who may read the pages of plans, reviews and actions, and of the other partnership's rows."""

from __future__ import annotations

from permission_matrix import Case, codes, everyone, police, role_matrix

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
]

test_it_gives_each_role_what_it_may_have = role_matrix(CASES)
