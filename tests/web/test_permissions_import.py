"""Who may import plans: the upload, the preview and every correction made in it."""

from __future__ import annotations

from collections.abc import Callable

from permission_matrix import Case, admin_only, codes, role_matrix
from scenes import World, csv_upload, plan_csv

from actionplan.plans import import_drafts
from actionplan.plans.models import ImportDraft, User


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

CASES = [
    Case("import upload page", "get", lambda w: "/import/", admin_only(eve=200)),
    Case("import preview", "get", lambda w: f"/import/{riverton_import(w)}/", admin_only(eve=404),
         prepare=riverton_import),
    Case("other import preview", "get", lambda w: f"/import/{elsewhere_import(w)}/",
         codes(403, 200, alice=404), prepare=elsewhere_import),
    Case("import row page", "get", lambda w: f"/import/{riverton_import(w)}/rows/0/0/", admin_only(eve=404),
         prepare=riverton_import),
    Case("other import row page", "get", lambda w: f"/import/{elsewhere_import(w)}/rows/0/0/",
         codes(403, 200, alice=404), prepare=elsewhere_import),
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
    Case("import plan review", "post", lambda w: f"/import/{riverton_import(w)}/plans/0/review/",
         codes(403, 404, alice=302), lambda w: {"review": str(w.review.pk)}, prepare=riverton_import),
    Case("other import plan review", "post", lambda w: f"/import/{elsewhere_import(w)}/plans/0/review/",
         codes(403, 302, alice=404), lambda w: {"review": "new", "code": "MZ22"},
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
]

test_it_gives_each_role_what_it_may_have = role_matrix(CASES)
