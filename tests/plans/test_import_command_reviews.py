"""`actionplan import` of a composite plan: case references naming the partnership's reviews
are linked to them; any other makes a review only with --new-reviews, else the file is refused
naming them, and nothing of it is stored."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actionplan.plans.models import Partnership, Plan, Recommendation, Review

pytestmark = pytest.mark.django_db
BOARD = "Riverton Safeguarding Children Partnership"
COMPOSITE = ("Riverton composite action plan\nRef,SCR Ref,Action,Lead agency,Target date,Progress\n"
             "1,CQ21,Train staff,Riverton Police,31/03/2027,Started\n"
             "2,cq21,Audit files,Riverton Police,31/03/2027,\n"
             '3,"D, E",Share minutes,Riverton Police,31/03/2027,\n')


@pytest.fixture
def composite(tmp_path):
    path = tmp_path / "composite.csv"
    path.write_text(COMPOSITE, encoding="utf-8")
    partnership = Partnership.objects.create(name=BOARD)
    Review.objects.create(partnership=partnership, code="CQ21", title="Child Q")
    return path


def run(*args: object, err: io.StringIO | None = None) -> str:
    out = io.StringIO()
    call_command("import", *map(str, args), "--partnership", BOARD, stdout=out, stderr=err or io.StringIO())
    return out.getvalue()


def test_unknown_references_are_refused_by_name_and_nothing_is_stored(composite):
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 1"):
        run(composite, err=err)
    error = err.getvalue()
    assert "composite.csv" in error and "'D' (line 5)" in error and "'E' (line 5)" in error
    assert "CQ21" not in error and "--new-reviews" in error
    assert Plan.objects.count() == 0 and Recommendation.objects.count() == 0
    assert list(Review.objects.values_list("code", flat=True)) == ["CQ21"]


def test_references_naming_reviews_are_linked_and_new_ones_made_when_asked(composite):
    out = run(composite, "--new-reviews")
    assert "new reviews created: D, E" in out
    assert Review.objects.filter(code__iexact="cq21").count() == 1
    child_q = Review.objects.get(code="CQ21")
    assert set(Recommendation.objects.filter(reviews=child_q).values_list("ref", flat=True)) == {"1", "2"}
    assert set(Recommendation.objects.get(ref="3").reviews.values_list("code", flat=True)) == {"D", "E"}


def test_a_plan_whose_references_all_name_reviews_needs_no_flag(composite, tmp_path):
    known = tmp_path / "known.csv"
    known.write_text("\n".join(COMPOSITE.splitlines()[:4]), encoding="utf-8")
    out = run(known)
    assert "Imported" in out and "new reviews" not in out
    assert list(Review.objects.values_list("code", flat=True)) == ["CQ21"]
