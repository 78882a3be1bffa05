"""What the tests of the kept counts share: the check that kept equals live."""

from __future__ import annotations

from datetime import date

from actionplan.plans import kept_counts
from actionplan.plans.models import Partnership
from actionplan.plans.summary import partnership_summary


def assert_kept_equal_live(partnership: Partnership, on: date | None = None) -> None:
    """The kept counts hold for the day and equal the live ones, number for number and in the
    order the dashboard lists them."""
    on = on or kept_counts.today()
    partnership.refresh_from_db()
    kept = kept_counts.kept_summary(partnership, on)
    assert kept is not None, "the kept counts should hold for today"
    live = partnership_summary(partnership, on, from_history=False)
    assert kept_counts.as_rows(kept) == kept_counts.as_rows(live)
    assert list(kept.by_plan) == list(live.by_plan)
    assert list(kept.by_agency) == list(live.by_agency)
    assert list(kept.by_theme) == list(live.by_theme)
