"""A plan whose sections name themes, stored with every row tagged: in bulk, so the queries do
not grow with the rows, and every tag in the rows' history and found by search."""

from __future__ import annotations

import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actionplan.learning.search import search
from actionplan.learning.themes import tag
from actionplan.plans import import_drafts
from actionplan.plans.changes import changes_of
from actionplan.plans.models import Action, Partnership, Recommendation, Theme
from actionplan.plans.store import store_draft

pytestmark = pytest.mark.django_db

THEMES = ("Neglect", "Information sharing")


def themed(rows: int, sha: str = "ab") -> dict:
    """A draft of `rows` recommendations, the first half in a section named "Neglect", the rest
    in one named "Information sharing"; no row's own words name either."""
    items = [{
        "ref": f"{n}.", "section": THEMES[n * 2 // rows], "outcome": "", "line": n + 2,
        "recommendation": f"Recommendation {n}: midwives visit at home.", "review_refs": [],
        "progress": None, "rag": None, "notes": [],
        "actions": [{"text": f"Write protocol {n}.", "owners": ["Riverton Police"],
                     "due": {"text": "31/03/2027", "date": "2027-03-31", "precision": "day", "kind": "date"},
                     "measure": "", "progress": None, "rag": None}],
    } for n in range(rows)]
    return {"source": {"path": "plan.docx", "format": "docx", "sha256": sha * 32},
            "plan": {"title": "Child Q action plan", "kind": "review_action_plan", "reviews": ["Child Q"]},
            "sections": [{"name": name, "kind": "theme"} for name in THEMES], "items": items, "warnings": []}


def by_name() -> dict[str, Theme]:
    return {name: Theme.objects.get(national=True, name=name) for name in THEMES}


def found(query: str, partnership: Partnership) -> set[str]:
    return {hit.recommendation.ref for hit in search(query, [partnership.pk]) if hit.kind == "recommendation"}


def test_every_row_is_tagged_kept_in_its_history_and_found_by_its_theme(partnership, alice):
    stored = store_draft(themed(40), partnership, themes=by_name())
    recs = list(Recommendation.objects.filter(plan=stored.plan).prefetch_related("themes"))
    assert len(recs) == 40
    assert {rec.ref: [t.name for t in rec.themes.all()] for rec in recs} == {
        f"{n}.": [THEMES[n * 2 // 40]] for n in range(40)}
    assert found("neglect", partnership) == {f"{n}." for n in range(20)}
    assert found("information sharing", partnership) == {f"{n}." for n in range(20, 40)}
    # Its history starts tagged: one version, and untagging it shows the theme it held.
    rec = recs[0]
    assert len(changes_of(rec)) == 1
    tag(rec, [], {}, by=alice)
    assert [(f.field, f.old, f.new) for f in changes_of(rec)[0].fields] == [("Themes", "Neglect", "(none)")]
    assert found("neglect", partnership) == {f"{n}." for n in range(1, 20)}


def test_a_section_given_no_theme_leaves_its_rows_untagged(partnership):
    neglect = Theme.objects.get(national=True, name="Neglect")
    stored = store_draft(themed(10), partnership, themes={"Neglect": neglect})
    tagged = Recommendation.themes.through.objects.filter(recommendation__plan=stored.plan)
    assert sorted(tagged.values_list("recommendation__ref", flat=True)) == sorted(f"{n}." for n in range(5))
    assert found("information sharing", partnership) == set()


@pytest.fixture
def queued(settings):
    """The worker's share (the near pairs of the stored rows) queued, as it is in production,
    not run in the store: the queries counted are the store's own."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def split(rows: int) -> int:
    """The INSERT statements beyond one a kind that the database needs for `rows` wide rows: SQLite
    binds at most 999 values a statement, so Django splits a bulk insert of an action's history
    (30 columns) every 33 rows; PostgreSQL needs none. The rest must not grow with the rows."""
    wide = [Recommendation, Recommendation.history.model, Action, Action.history.model]
    fields = [[f for f in model._meta.concrete_fields if not f.primary_key] for model in wide]
    return sum(math.ceil(rows / connection.ops.bulk_batch_size(f, [None] * rows)) - 1 for f in fields)


def queries_storing(rows: int, partnership: Partnership, sha: str) -> int:
    themes = by_name()
    with CaptureQueriesContext(connection) as queries:
        store_draft(themed(rows, sha), partnership, themes=themes)
    return len(queries)


def test_the_queries_of_storing_a_themed_plan_do_not_grow_with_its_rows(partnership, queued):
    queries_storing(3, partnership, "00")  # the agency, the review and the themes met once
    ten, fifty = queries_storing(10, partnership, "10"), queries_storing(50, partnership, "50")
    assert fifty - split(50) == ten - split(10)
    assert Recommendation.themes.through.objects.count() == 3 + 10 + 50


CSV = "Theme,Recommendation,Action,Lead,Target date\n"


def upload(alice, rows: int) -> import_drafts.ImportDraft:
    lines = [f"{THEMES[n * 2 // rows]},{n + 1}. Midwives visit at home {n},Write protocol {n},"
             "Riverton Police,31/03/2027\n" for n in range(rows)]
    document = ("Child Q action plan\n" + CSV + "".join(lines)).encode()
    return import_drafts.start(alice, alice.partnership, f"child-q-{rows}.csv", document)


def test_the_preview_and_the_import_tag_every_row_in_as_many_queries_for_50_as_10(alice, police, queued):
    import_drafts.confirm(upload(alice, 4))  # what is met once (the review, the themes) is met
    counted = []
    for rows in (10, 50):
        draft = upload(alice, rows)
        reading = import_drafts.read(draft)
        with CaptureQueriesContext(connection) as preview:
            [shown] = import_drafts.preview(draft, reading)
        assert shown.outcome is not None and shown.outcome.items == rows
        with CaptureQueriesContext(connection) as confirm:
            [stored] = import_drafts.confirm(draft)
        counted.append((len(preview), len(confirm)))
        tagged = Recommendation.themes.through.objects.filter(recommendation__plan=stored.plan)
        assert tagged.count() == rows
        hits = search("neglect", [alice.partnership.pk])
        neglect = {h.recommendation.ref for h in hits if h.recommendation.plan_id == stored.plan.pk}
        assert neglect == {str(n + 1) for n in range(rows // 2)}
    (preview_10, confirm_10), (preview_50, confirm_50) = counted
    assert preview_50 - split(50) == preview_10 - split(10)
    assert confirm_50 - split(50) == confirm_10 - split(10)
