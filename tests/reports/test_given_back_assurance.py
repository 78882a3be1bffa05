"""A status given back in a returned workbook follows the rules a status posted in the app does:
assured work marked not achieved there is no longer assured."""

import pytest
from django.utils import timezone

from actionplan.plans.assurance import AssuranceStatus as A
from actionplan.plans.changes import changes_of
from actionplan.plans.status import DeliveryStatus as S
from actionplan.plans.status import StatusChange
from actionplan.plans.updates import decide_evidence, record_progress, submit_evidence
from actionplan.reports.export_columns import REASON, STATUS

from .workbooks import edit, export, give_back

pytestmark = pytest.mark.django_db


def test_assured_work_given_back_not_achieved_is_no_longer_assured(
    partnership, action, bob, charlie, tmp_path
):
    record_progress(action, bob, "Under way.", on=timezone.localdate(), change=StatusChange(S.IN_PROGRESS))
    evidence = submit_evidence(action, bob, "Audit", link="https://intranet.example/audit.pdf")
    decide_evidence(evidence, charlie, accept=True)
    content = edit(export(partnership), {action.pk: {STATUS: "Not achieved", REASON: "The funding was cut"}})
    out = give_back(tmp_path, content, "bob")
    assert out.splitlines()[0].startswith("applied 1,")
    assert "status In progress → Not achieved; assurance withdrawn: the work is no longer claimed done" in out
    action.refresh_from_db()
    assert (action.status, action.assurance) == (S.NOT_ACHIEVED, A.NONE)
    assert changes_of(action)[0].why == "The funding was cut"
