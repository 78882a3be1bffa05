"""`actionplan clear-drafts`: the imports in progress nobody changed for the days set are removed,
the others kept; --dry-run removes nothing."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from actionplan.plans.models import ImportDraft, Partnership
from factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafts(settings):
    settings.ACTIONPLAN_IMPORT_DRAFT_DAYS = 30
    partnership = Partnership.objects.create(name="Riverton Safeguarding Children Partnership")
    owner = UserFactory(username="alice", partnership=partnership)
    made = {}
    for name, days in [("old.csv", 31), ("recent.csv", 29)]:
        draft = ImportDraft.objects.create(owner=owner, partnership=partnership, file_name=name, format="csv",
                                           sha256="0" * 64, document=b"Recommendation,Action\n")
        ImportDraft.objects.filter(pk=draft.pk).update(updated_at=timezone.now() - timedelta(days=days))
        made[name] = draft
    return made


def clear(*args: str) -> str:
    out = io.StringIO()
    call_command("clear-drafts", *args, stdout=out)
    return out.getvalue()


def test_drafts_unchanged_longer_than_the_setting_are_removed(drafts):
    out = clear()
    assert "old.csv, imported by alice" in out and "1 import in progress unchanged for 30 days removed" in out
    assert list(ImportDraft.objects.values_list("file_name", flat=True)) == ["recent.csv"]


def test_a_dry_run_removes_nothing(drafts):
    out = clear("--dry-run")
    assert "old.csv" in out and "recent.csv" not in out
    assert "1 import in progress unchanged for 30 days would be removed" in out
    assert ImportDraft.objects.count() == 2


def test_the_days_come_from_the_settings(drafts, settings):
    settings.ACTIONPLAN_IMPORT_DRAFT_DAYS = 7
    assert "2 imports in progress unchanged for 7 days removed" in clear()
    assert not ImportDraft.objects.exists()
