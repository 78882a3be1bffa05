"""`actionplan import`: seeds and written fixtures stored faithfully, refusals store nothing."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actionplan.importing import parse_file
from actionplan.plans.models import Action, Agency, Partnership, Plan, Recommendation
from actionplan.plans.status import DeliveryStatus
from importing import workbooks  # tests/ is on the path (its conftest.py)

pytestmark = pytest.mark.django_db
BOARD = "Nottinghamshire Safeguarding Children Board"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import", *map(str, args), stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_every_seed_is_stored_as_its_draft_says(seed, number):
    path = seed(number)
    draft = parse_file(path).to_dict()
    run(path, "--partnership", BOARD, *(["--new-reviews"] if number == "003" else []))
    plan = Plan.objects.get(source_sha256=draft["source"]["sha256"])
    assert plan.recommendations.count() == len(draft["items"])
    assert Action.objects.filter(recommendation__plan=plan).count() == sum(
        len(i["actions"]) for i in draft["items"]
    )
    assert plan.sections.count() == len(draft["sections"])
    assert list(plan.reviews.values_list("code", flat=True)) == sorted(draft["plan"]["reviews"])


def test_actions_in_an_agency_section_belong_to_that_agency(seed):
    run(seed("001"), "--partnership", BOARD)
    action = Action.objects.get(text__startswith="Check contracts")
    assert action.owner.name == "Broxtowe Borough Council"
    assert action.owner_role == "Senior Management Team"
    assert action.recommendation.section.name == "Broxtowe Borough Council"


def test_owners_are_matched_to_agencies_by_alias(seed):
    norfolk = Partnership.objects.create(name="Norfolk Safeguarding Children Partnership")
    Agency.objects.create(partnership=norfolk, name="Norfolk Safeguarding Children Board", aliases=["NSCB"])
    out = run(seed("003"), "--partnership", norfolk.name, "--new-reviews")
    assert "owners matched to agencies: Norfolk Safeguarding Children Board" in out
    action = Action.objects.get(recommendation__ref="1.1")
    assert (action.owner.name, action.owner_role) == (
        "Norfolk Safeguarding Children Board",
        "NSCB Business Manager",
    )
    assert set(action.recommendation.reviews.values_list("code", flat=True)) == {"D", "L"}


def test_completed_wording_marks_the_action_implemented_with_an_imported_update(seed):
    run(seed("001"), "--partnership", BOARD)
    action = Action.objects.filter(due_text__startswith="Completed Oct 2009").first()
    assert action.status == DeliveryStatus.IMPLEMENTED
    assert action.updates.get().author_name == "Imported document"


def test_the_same_file_twice_is_refused_unless_replaced(seed):
    run(seed("003"), "--partnership", BOARD, "--new-reviews")
    errors = io.StringIO()
    with pytest.raises(CommandError, match="1 of 1"):
        call_command("import", str(seed("003")), "--partnership", BOARD, stdout=io.StringIO(), stderr=errors)
    assert "is already imported as" in errors.getvalue() and "(use --replace)" in errors.getvalue()
    assert Plan.objects.count() == 1
    run(seed("003"), "--partnership", BOARD, "--replace", "--new-reviews")
    assert Plan.objects.count() == 1
    assert Recommendation.objects.count() == 22


def test_a_dry_run_prints_the_draft_and_stores_nothing(seed):
    out = run(seed("004"), "--dry-run", "--format", "json")
    draft = json.loads(out)
    assert draft["plan"]["reviews"] == ["Child M"]
    assert Plan.objects.count() == 0 and Partnership.objects.count() == 0


def test_a_bad_file_stores_nothing_and_fails(tmp_path, seed):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 2"):
        call_command(
            "import", str(empty), str(seed("000")), "--partnership", BOARD, stdout=io.StringIO(), stderr=err
        )
    assert "empty.txt" in err.getvalue()
    assert Plan.objects.count() == 1  # the good file of the same run is stored


def test_it_needs_a_partnership_when_there_is_no_single_one(seed):
    Partnership.objects.create(name="A")
    Partnership.objects.create(name="B")
    with pytest.raises(CommandError, match="--partnership"):
        run(seed("000"))


def json_objects(text: str) -> list[dict]:
    decoder, found, at = json.JSONDecoder(), [], 0
    while text[at:].strip():
        at += len(text[at:]) - len(text[at:].lstrip())
        value, at = decoder.raw_decode(text, at)
        found.append(value)
    return found


def test_a_workbook_of_several_plans_prints_and_stores_one_plan_a_sheet(tmp_path):
    path = tmp_path / "dhrs.xlsx"
    path.write_bytes(workbooks.several_sheets())
    printed = json_objects(run(path, "--dry-run", "--format", "json"))
    assert [(d["source"]["sheet"], d["plan"]["title"], len(d["items"])) for d in printed] == [
        ("DHR Adam", "dhrs (DHR Adam)", 2), ("DHR Beth", "dhrs (DHR Beth)", 1)]
    run(path, "--partnership", "Exampleshire Community Safety Partnership")
    assert sorted(Plan.objects.values_list("title", flat=True)) == [
        "dhrs (DHR Adam)", "dhrs (DHR Beth)"]


def test_a_table_with_no_recommendation_column_is_refused_naming_the_line(tmp_path):
    """Its rows would be recommendations with empty text: nothing is stored until a column is
    mapped (--column) to hold them."""
    path = tmp_path / "actions.csv"
    path.write_text("Concern,Action,Lead,Target date\n"
                    "Concerns were not shared,Run training on information sharing,Police,31/03/2027\n")
    errors = io.StringIO()
    with pytest.raises(CommandError, match="1 of 1"):
        call_command("import", str(path), "--partnership", BOARD, stdout=io.StringIO(), stderr=errors)
    assert "actions.csv: line 2: no recommendation was read for this row's actions" in errors.getvalue()
    assert Plan.objects.count() == 0 and Recommendation.objects.count() == 0
    run(path, "--partnership", BOARD, "--column", "Concern=recommendation")
    assert list(Recommendation.objects.values_list("text", flat=True)) == ["Concerns were not shared"]


def run_both(path, *args: str) -> tuple[str, str]:
    """The stderr of a dry run, then of the import itself."""
    said = []
    for dry in (["--dry-run"], []):
        errors = io.StringIO()
        call_command("import", str(path), *args, *dry, stdout=io.StringIO(), stderr=errors)
        said.append(errors.getvalue())
    return said[0], said[1]


def unowned_workbook() -> bytes:
    """A workbook of another board: one action with a post for its owner, one with none."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in [["Recommendation", "Action", "Owner", "Due"],
                ["Share concerns early", "Brief the named nurses", "Named Nurse", "31/03/2027"],
                ["Use the escalation policy", "Publish the policy", None, "30/06/2027"]]:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("name,content,lines", [
    ("unowned.csv", b"Recommendation,Action,Lead,Target date\n"
                    b"Share concerns early,Brief the named nurses,Named Nurse,31/03/2027\n"
                    b"Use the escalation policy,Publish the policy,,30/06/2027\n", (2, 3)),
    ("unowned.xlsx", unowned_workbook(), (2, 3)),
])
def test_a_dry_run_warns_of_actions_answering_to_no_agency_as_the_import_does(
        tmp_path, name, content, lines):
    path = tmp_path / name
    path.write_bytes(content)
    dry, stored = run_both(path, "--partnership", BOARD)
    post, none = lines
    for said in (dry, stored):
        assert (f"warning: {path}: line {post}: owner 'Named Nurse' names no agency: its actions "
                f"are stored answering to none until it is mapped (line {post})") in said
        assert (f"warning: {path}: line {none}: 1 action names no owner: stored answering to no "
                f"agency until one is given (line {none})") in said
    assert Plan.objects.count() == 1  # the dry run stored nothing, the import its plan


def test_a_dry_run_refuses_rows_naming_nothing_as_the_import_does(tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text("Concern,Action,Lead,Target date\n"
                    "Concerns were not shared,Run training on information sharing,Police,31/03/2027\n")
    out, errors = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 of 1"):
        call_command("import", str(path), "--dry-run", stdout=out, stderr=errors)
    assert "Run training on information…" in out.getvalue()  # the draft is still shown
    assert "actions.csv: line 2: no recommendation was read for this row's actions" in errors.getvalue()
    assert Plan.objects.count() == 0 and Partnership.objects.count() == 0


def test_a_dry_run_into_a_partnership_says_what_storing_would_do_and_stores_nothing(seed):
    norfolk = Partnership.objects.create(name="Norfolk Safeguarding Children Partnership")
    Agency.objects.create(partnership=norfolk, name="Norfolk Safeguarding Children Board", aliases=["NSCB"])
    errors = io.StringIO()
    call_command("import", str(seed("003")), "--dry-run", "--format", "json", "--new-reviews",
                 stdout=io.StringIO(), stderr=errors)
    assert "Would import" in errors.getvalue()
    assert "owners matched to agencies: Norfolk Safeguarding Children Board" in errors.getvalue()
    assert Plan.objects.count() == 0 and Agency.objects.count() == 1


def test_a_plan_naming_another_board_is_warned_of_and_imported(tmp_path):
    path = tmp_path / "child-t.csv"
    path.write_text("Haldon Vale Safeguarding Adults Board\nRecommendation,Action,Lead\n"
                    "Share concerns early,Brief the named nurses,Riverton Police\n")
    Partnership.objects.create(name=BOARD)
    dry, stored = run_both(path, "--partnership", BOARD)
    said = (f"warning: {path}: the document names the board “Haldon Vale Safeguarding Adults "
            f"Board”, but the plan is being imported into {BOARD}: check that it is this "
            "partnership's plan")
    assert said in dry and said in stored
    assert Plan.objects.count() == 1


def test_a_dry_run_into_a_partnership_not_made_yet_warns_of_another_board_as_the_import_does(
        tmp_path):
    path = tmp_path / "mrs-k.csv"
    path.write_text("SAR Mrs K,,\nHaldon Vale Safeguarding Adults Board,,\n"
                    "Recommendation,Action,Lead\nShare concerns early,Brief the named nurses,Police\n")
    said = []
    for dry in (["--dry-run"], []):
        errors = io.StringIO()
        call_command("import", str(path), *dry, "--partnership", BOARD, stdout=io.StringIO(),
                     stderr=errors)
        said.append(errors.getvalue())
        assert Partnership.objects.count() == (0 if dry else 1)  # the dry run made none
    warning = (f"warning: {path}: the document names the board “Haldon Vale Safeguarding Adults "
               f"Board”, but the plan is being imported into {BOARD}: check that it is this "
               "partnership's plan")
    assert warning in said[0] and warning in said[1]
    assert Plan.objects.get().partnership.name == BOARD


def test_a_dry_run_into_a_partnership_not_made_yet_of_the_board_named_warns_of_none(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text(f"{BOARD.upper()}\nRecommendation,Action,Lead\n"
                    "Share concerns early,Brief the named nurses,Police\n")
    errors = io.StringIO()
    call_command("import", str(path), "--dry-run", "--partnership", BOARD, stdout=io.StringIO(),
                 stderr=errors)
    assert "names the board" not in errors.getvalue()
    assert "does not exist yet" in errors.getvalue()
