import pytest

from actionplan.plans.models import Partnership
from actionplan.reports import Scope, build_report
from personas import *  # noqa: F403  (the shared personas: alice, bob, charlie, dave, eve)
from shared_demo import DEMO_DAY


@pytest.fixture
def demo(riverton_at_meeting) -> Partnership:
    """The demo as the board saw it at its meeting, built once for every test that reads it."""
    return riverton_at_meeting.partnership


@pytest.fixture
def demo_report(demo):
    return build_report(demo, Scope(), DEMO_DAY)
