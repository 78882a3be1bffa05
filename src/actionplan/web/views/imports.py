"""Import: upload files → preview of each draft → confirm or cancel. Nothing is stored before
confirm; the drafts wait in the person's session meanwhile."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from actionplan.importing import MAX_BYTES, PlanDraft
from actionplan.plans.permissions import can_import, require
from actionplan.plans.store import DuplicateImport, StoredPlan, preview_draft, store_draft

from ..parsing import parse_uploads
from ..scoping import SignedInRequest, partnership_of

MAX_FILES = 10


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: SignedInRequest) -> HttpResponse:
    require(can_import(request.user), "import plans")
    if request.method == "GET":
        return render(request, "web/import_upload.html", {"errors": []})
    files = request.FILES.getlist("files")
    errors = check_uploads(files)
    drafts: list[dict[str, Any]] = []  # each plan as its JSON contract, kept in the session
    if not errors:
        drafts, errors = parse_uploads(files)
    if errors:
        return render(request, "web/import_upload.html", {"errors": errors}, status=400)
    token = secrets.token_urlsafe(16)
    request.session[f"import:{token}"] = drafts
    return redirect("import_preview", token=token)


def check_uploads(files: list[UploadedFile]) -> list[str]:
    if not files:
        return ["Choose one or more files to import"]
    if len(files) > MAX_FILES:
        return [f"Choose at most {MAX_FILES} files at a time"]
    return [f"{f.name} is larger than {MAX_BYTES // 2**20} MB" for f in files if (f.size or 0) > MAX_BYTES]


@login_required
@require_http_methods(["GET", "POST"])
def preview(request: SignedInRequest, token: str) -> HttpResponse:
    require(can_import(request.user), "import plans")
    key = f"import:{token}"
    drafts = request.session.get(key)
    if drafts is None:
        raise Http404("this import has expired or was already finished")
    partnership = partnership_of(request)
    if request.method == "POST":
        if request.POST.get("decision") == "confirm":
            return confirm(request, key, drafts)
        del request.session[key]
        messages.success(request, "Import cancelled: nothing was stored")
        return redirect("import_upload")
    previews: list[tuple[PlanDraft, StoredPlan | None, str | None]] = []
    for draft in drafts:
        try:
            previews.append((PlanDraft.from_dict(draft), preview_draft(draft, partnership), None))
        except DuplicateImport as duplicate:
            previews.append((PlanDraft.from_dict(draft), None, str(duplicate)))
    return render(request, "web/import_preview.html", {"previews": previews, "token": token})


def confirm(request: SignedInRequest, key: str, drafts: list[dict[str, Any]]) -> HttpResponse:
    partnership = partnership_of(request)
    stored, refused = [], []
    for draft in drafts:
        try:
            stored.append(store_draft(draft, partnership))
        except DuplicateImport as duplicate:
            refused.append(str(duplicate))
    del request.session[key]
    for result in stored:
        messages.success(
            request, f"Imported {result.plan.title}: {result.items} items, {result.actions} actions"
        )
    for reason in refused:
        messages.warning(request, f"Not imported: {reason}")
    return redirect("plan", pk=stored[0].plan.pk) if len(stored) == 1 else redirect("plans")
