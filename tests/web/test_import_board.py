"""A plan whose document names another board than the partnership it is imported into: the
preview says so plainly, as a warning to check, and the plan can still be imported."""

from __future__ import annotations

import pytest
from import_uploads import map_columns, plan_csv, upload
from scenes import text_of

from actionplan.plans import import_drafts
from actionplan.plans.draft_board import other_board
from actionplan.plans.models import ImportDraft, Plan

pytestmark = pytest.mark.django_db

OTHER = "Haldon Vale Safeguarding Adults Board"


def test_another_boards_plan_is_warned_of_in_the_preview_not_refused(signed_in, partnership):
    url = upload(signed_in, content=plan_csv(f"{OTHER}\nChild T action plan"))
    map_columns(signed_in, url)
    page = text_of(signed_in.get(url))
    assert (f"the document names the board “{OTHER}”, but the plan is being imported into "
            f"{partnership.name}: check that it is this partnership's plan") in page
    assert "Confirm and import" in page
    signed_in.post(url, {"decision": "confirm"})
    assert Plan.objects.filter(partnership=partnership).count() == 1


def test_the_partnerships_own_name_now_or_before_is_no_other_board(partnership):
    draft = {"plan": {"board": f"  {partnership.name.upper()} "}, "warnings": []}
    assert other_board(draft, partnership) is None
    old_name = partnership.name
    partnership.name = "Riverton Children's Safeguarding Partnership"
    partnership.save()
    draft["plan"]["board"] = old_name  # a plan from before the partnership was renamed
    assert other_board(draft, partnership) is None
    assert other_board({"plan": {"board": None}}, partnership) is None
    assert other_board({"plan": {"board": OTHER}}, partnership) is not None


def test_the_warning_of_another_board_can_be_marked_as_checked(signed_in):
    url = upload(signed_in, content=plan_csv(f"{OTHER}\nChild T action plan"))
    map_columns(signed_in, url)
    draft = ImportDraft.objects.get()
    (warning,) = [w for w in import_drafts.read(draft).plans[0]["warnings"]
                  if OTHER in w["message"]]
    import_drafts.correct(draft, {warning["key"]: "1"})
    (warning,) = [w for w in import_drafts.read(draft).plans[0]["warnings"]
                  if OTHER in w["message"]]
    assert warning["checked"]
