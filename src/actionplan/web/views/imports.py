"""Import: upload files → an import in progress each → put right (columns, owners, contents) →
confirm or discard. Nothing of a plan is stored before confirm; the imports in progress are
the person's own, kept in the database so a long correction survives a timeout."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from actionplan.importing import MAX_BYTES, ImportFailure
from actionplan.plans import import_drafts
from actionplan.plans.draft_owners import NEW_AGENCY, NO_AGENCY, choose_owner
from actionplan.plans.models import ImportDraft
from actionplan.plans.permissions import can_import, require
from actionplan.plans.store import DuplicateImport

from ..import_pages import preview_page
from ..scoping import SignedInRequest, partnership_of

MAX_FILES = 10


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: SignedInRequest) -> HttpResponse:
    require(can_import(request.user), "import plans")
    partnership = partnership_of(request)
    in_progress = ImportDraft.objects.filter(owner=request.user, partnership=partnership)
    days = settings.ACTIONPLAN_IMPORT_DRAFT_DAYS
    if request.method == "GET":
        return render(request, "web/import_upload.html", {"errors": [], "in_progress": in_progress,
                                                           "draft_days": days})
    files = request.FILES.getlist("files")
    errors = check_uploads(files)
    started: list[ImportDraft] = []
    if not errors:
        files_read = [(f.name or "upload", f.read()) for f in files]
        started, errors = import_drafts.start_all(request.user, partnership, files_read)
    if errors:
        return render(request, "web/import_upload.html", {
            "errors": errors, "in_progress": in_progress, "draft_days": days,
        }, status=400)
    return redirect("import_preview", pk=started[0].pk) if len(started) == 1 else redirect("import_upload")


def check_uploads(files: list[UploadedFile]) -> list[str]:
    if not files:
        return ["Choose one or more files to import"]
    if len(files) > MAX_FILES:
        return [f"Choose at most {MAX_FILES} files at a time"]
    return [f"{f.name} is larger than {MAX_BYTES // 2**20} MB" for f in files if (f.size or 0) > MAX_BYTES]


def own_draft(request: SignedInRequest, pk: int) -> ImportDraft:
    """The person's own import in progress: anyone else's is not found."""
    require(can_import(request.user), "import plans")
    return get_object_or_404(ImportDraft, pk=pk, owner=request.user, partnership=partnership_of(request))


@login_required
@require_http_methods(["GET", "POST"])
def preview(request: SignedInRequest, pk: int) -> HttpResponse:
    draft = own_draft(request, pk)
    if request.method == "GET":
        return preview_page(request, draft)
    if request.POST.get("decision") != "confirm":
        draft.delete()
        messages.success(request, "Import cancelled: nothing was stored")
        return redirect("import_upload")
    file_name = draft.file_name
    try:
        stored = import_drafts.confirm(draft)
    except (ImportFailure, DuplicateImport) as refusal:
        messages.warning(request, f"Not imported: {refusal}")
        return redirect("import_preview", pk=draft.pk)
    for result in stored:
        messages.success(request, (
            f"Updated {result.plan.title} from {file_name}: each change is in its history" if result.updated
            else f"Imported {result.plan.title}: {result.items} items, {result.actions} actions"))
    return redirect("plan", pk=stored[0].plan.pk) if len(stored) == 1 else redirect("plans")


@login_required
@require_POST
def columns(request: SignedInRequest, pk: int) -> HttpResponse:
    """The role of each column, chosen by the person: the document is read again at once."""
    draft = own_draft(request, pk)
    chosen: dict[str, str] = {}
    for key in request.POST:
        header = request.POST.get(key, "")
        if key.startswith("header-"):
            role = request.POST.get("role-" + key.removeprefix("header-"), "")
            if role in import_drafts.COLUMN_ROLES and header.strip():
                chosen[header] = role
    if import_drafts.map_columns(draft, chosen):
        messages.info(request, "The rows were read again with the new columns: check your corrections "
                               "of rows and the warnings again.")
    return redirect("import_preview", pk=draft.pk)


@login_required
@require_POST
def owner(request: SignedInRequest, pk: int) -> HttpResponse:
    """The agency (or a new one, or none) and the post of one owner wording."""
    draft = own_draft(request, pk)
    text, agency = request.POST.get("owner", ""), request.POST.get("agency", "")
    valid = {str(a) for a in draft.partnership.agencies.values_list("pk", flat=True)}
    if not text or agency not in valid | {NEW_AGENCY, NO_AGENCY}:
        messages.warning(request, "Choose an agency, a new agency or no agency for the owner")
        return redirect("import_preview", pk=draft.pk)
    name, role = request.POST.get("name", ""), request.POST.get("role", "")
    choose_owner(draft, text, agency, name, role)
    return redirect(reverse("import_preview", kwargs={"pk": draft.pk}) + "#owners")
