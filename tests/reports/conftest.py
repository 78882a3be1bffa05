from datetime import date

import pytest

from actionplan.demo import build_demo
from actionplan.plans.models import Partnership
from actionplan.reports import Scope, build_report
from personas import *  # noqa: F403  (the shared personas: alice, bob, charlie, dave, eve)

DEMO_DAY = date(2026, 11, 21)


@pytest.fixture
def demo() -> Partnership:
    return build_demo(DEMO_DAY).partnership


@pytest.fixture
def demo_report(demo):
    return build_report(demo, Scope(), DEMO_DAY)
