"""actionplan's own exports, given to Import by mistake, are refused with where they go."""

from __future__ import annotations

import pytest
from django.utils import timezone

from actionplan.importing import ImportFailure, parse_bytes
from actionplan.reports import Scope, build_report, render

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_exported_workbook_points_to_give_back_updates(action, fmt):
    content = render(build_report(action.recommendation.plan.partnership, Scope(),
                                  timezone.localdate()), fmt).content
    with pytest.raises(ImportFailure) as failure:
        parse_bytes(content, f"actions.{fmt}")
    assert str(failure.value) == (
        f"actions.{fmt}: is a workbook exported by actionplan, not a plan: to bring back what "
        "owners wrote in it, use Give back updates (actionplan import-updates)")


def test_a_board_report_is_a_report_not_a_plan(action):
    content = render(build_report(action.recommendation.plan.partnership, Scope(),
                                  timezone.localdate()), "docx").content
    with pytest.raises(ImportFailure) as failure:
        parse_bytes(content, "board-report.docx")
    assert str(failure.value) == (
        "board-report.docx: is a board report from actionplan: a report, not a plan; import "
        "the plan it reports on instead")
