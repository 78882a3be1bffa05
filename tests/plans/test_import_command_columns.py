"""`actionplan import` says how it read the columns of a header it did not recognise, and
which owners it could not attach to an agency."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actionplan.plans.models import Plan

pytestmark = pytest.mark.django_db
PLAN = "Eastshire SAB\n\nNo.\tPlanned work\tWho\tWhen by\n1\tWrite it\tNamed Nurse\tJune 2025\n"


def test_an_unrecognised_header_is_shown_as_read_with_how_to_map_it(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import", str(path), "--dry-run", stdout=io.StringIO(), stderr=err)
    assert err.getvalue().splitlines()[1:] == [
        '  the columns as read (map them with --column "HEADING=ROLE"):',
        "    'No.': ref (100% sure)",
        "    'Planned work': action (50% sure)",
        "    'Who': owner (100% sure)",
        "    'When by': due (100% sure)",
    ]


def test_mapped_by_hand_it_is_stored_and_owners_naming_no_agency_are_listed(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN)
    out = io.StringIO()
    call_command("import", str(path), "--partnership", "Eastshire SAB", "--column",
                 "Planned work=action", stdout=out, stderr=io.StringIO())
    assert "  owners naming no agency, to map: Named Nurse" in out.getvalue().splitlines()
    action = Plan.objects.get().recommendations.get().actions.get()
    assert (action.text, action.owner, action.owner_role) == ("Write it", None, "Named Nurse")
