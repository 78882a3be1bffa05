"""Import through the pages: upload → preview → confirm or cancel; nothing stored before confirm."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import Client
from scenes import csv_upload, text_of

from actionplan.importing import parse_file
from actionplan.plans.models import Action, Agency, Plan, Review
from actionplan.plans.store import preview_drafts
from importing import workbooks  # tests/ is on the path (its conftest.py)

pytestmark = pytest.mark.django_db


def stored() -> tuple[int, int, int, int]:
    return Plan.objects.count(), Agency.objects.count(), Review.objects.count(), Action.objects.count()


def upload(client: Client, *paths_or_files: Path | SimpleUploadedFile) -> HttpResponse:
    files = [SimpleUploadedFile(p.name, p.read_bytes()) if isinstance(p, Path) else p
             for p in paths_or_files]
    return client.post("/import/", {"files": files})


def test_it_previews_a_seed_without_storing_it(signed_in, seed, partnership):
    path = seed("003")
    before = stored()
    response = upload(signed_in, path)
    assert response.status_code == 302 and response.url.startswith("/import/")

    page = text_of(signed_in.get(response.url))
    draft = parse_file(path).to_dict()
    [outcome] = preview_drafts([draft], partnership)
    assert "Nothing has been stored yet" in page
    assert draft["plan"]["title"] in page
    assert f"{len(draft['items'])} items" in page
    for section in draft["sections"]:
        assert section["name"] in page
    assert draft["items"][0]["actions"][0]["text"] in page
    assert "New agencies to be created" in page and outcome.new_agencies
    for name in outcome.new_agencies:
        assert name in page
    assert stored() == before


def test_the_preview_lists_the_warnings(signed_in, seed):
    path = seed("001")
    warnings = parse_file(path).warnings
    page = text_of(signed_in.get(upload(signed_in, path).url))
    # The document's own warnings, and one more when it names a board other than this partnership.
    other_board = "but the plan is being imported into" in page
    assert f"{len(warnings) + other_board} warnings to check" in page
    assert f"Line {warnings[0].line}: {warnings[0].message}" in page


def test_cancel_stores_nothing(signed_in, seed):
    before = stored()
    preview = upload(signed_in, seed("003")).url
    response = signed_in.post(preview, {"decision": "cancel"}, follow=True)
    assert "Import cancelled: nothing was stored" in text_of(response)
    assert stored() == before
    assert signed_in.get(preview).status_code == 404  # the import in progress is gone


def test_confirm_stores_the_plan_once(signed_in, seed, partnership):
    path = seed("003")
    draft = parse_file(path).to_dict()
    response = signed_in.post(upload(signed_in, path).url, {"decision": "confirm"})
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    plan = Plan.objects.get(partnership=partnership, source_sha256=sha256)
    assert response.status_code == 302 and response.url == f"/plans/{plan.pk}/"
    assert plan.recommendations.count() == len(draft["items"])
    actions = sum(len(item["actions"]) for item in draft["items"])
    assert Action.objects.filter(recommendation__plan=plan).count() == actions
    assert f"Imported {plan.title}" in text_of(signed_in.get(response.url))

    before = stored()
    again = upload(signed_in, path).url
    assert "is already imported" in text_of(signed_in.get(again))
    assert "--replace" not in text_of(signed_in.get(again))  # a command-line hint has no place here
    after = signed_in.post(again, {"decision": "confirm"}, follow=True)
    assert "Not imported" in text_of(after) and "--replace" not in text_of(after)
    assert stored() == before


@pytest.mark.parametrize("name, content, reason", [
    ("empty.csv", b"", "is empty"),
    ("plan.doc", b"Word 97 document", "old .doc files are not read"),
    ("plan.exe", b"MZ\x90\x00", "unknown file type"),
    ("plan.xlsx", b"\x00\x01junk\xff" * 50, "is not an Excel workbook"),
    ("plan.txt", b"\x00\x01junk\xff" * 50, "does not look like a text file"),
])
def test_a_bad_file_shows_the_error_summary_with_its_name(signed_in, name, content, reason):
    before = stored()
    response = upload(signed_in, SimpleUploadedFile(name, content))
    assert response.status_code == 400
    page = text_of(response)
    assert "There is a problem" in page and name in page and reason in page
    assert stored() == before
    assert not any(key.startswith("import:") for key, _ in signed_in.session.items())


def test_more_than_ten_files_are_refused(signed_in):
    response = upload(signed_in, *[csv_upload(f"plan{n}.csv") for n in range(11)])
    assert response.status_code == 400
    assert "Choose at most 10 files at a time" in text_of(response)


def test_no_file_is_refused(signed_in):
    response = signed_in.post("/import/", {})
    assert response.status_code == 400
    assert "Choose one or more files to import" in text_of(response)


def test_a_workbook_of_several_plans_is_previewed_and_stored_one_plan_a_sheet(signed_in):
    workbook = SimpleUploadedFile("dhrs.xlsx", workbooks.several_sheets())
    preview = upload(signed_in, workbook).url
    page = text_of(signed_in.get(preview))
    for sheet, actions in (("DHR Adam", "2 items, 2 actions"), ("DHR Beth", "1 items, 1 actions")):
        assert f"dhrs ({sheet})" in page and f", sheet {sheet}" in page
        assert actions in page
    assert "sheet 'Key' holds no plan table: not imported" in page
    signed_in.post(preview, {"decision": "confirm"})
    assert sorted(Plan.objects.values_list("title", flat=True)) == [
        "dhrs (DHR Adam)", "dhrs (DHR Beth)"]


def test_a_finding_without_a_recommendation_is_shown_as_the_outcome_it_will_be(signed_in):
    plan = (b"No.,Finding,What will be done,Who leads,Target date\n"
            b"1,Declined care was not followed up,Audit GP records of declined care,"
            b"Riverton Police,31/3/2027\n")
    response = upload(signed_in, csv_upload("findings.csv", plan))
    page = " ".join(re.sub(r"<[^>]+>", "", text_of(signed_in.get(response.url))).split())
    assert "Outcome: Declined care was not followed up" in page
