"""Learning across reviews: search, a recommendation with those like it, recurring learning and
the partnership's themes. The rules are in actionplan.learning; these views only scope and show."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from actionplan.learning import recurring
from actionplan.learning.outcomes import made_on, outcome_of
from actionplan.learning.search import CANDIDATES, ranked, shown
from actionplan.learning.similar import similar_to
from actionplan.learning.suggest import suggest
from actionplan.learning.theme_counts import recurring_themes
from actionplan.learning.themes import save_theme, tag, themes_of
from actionplan.plans.models import Recommendation, Theme
from actionplan.plans.permissions import can_edit_plans, require
from actionplan.reports import recurring_export
from actionplan.reports.file_names import report_file_name

from .. import paging
from ..learning_forms import SearchForm, TaggingForm, ThemeForm
from ..scoping import SignedInRequest, for_editing, one, partnership_of, recommendations
from .form_page import form_page
from .writing import GET_POST, data

PAGE = 50  # hits shown on a page of search results
GROUPS = 20  # groups of recommendations made again shown on a page


@login_required
def search_page(request: SignedInRequest) -> HttpResponse:
    """The best `CANDIDATES` hits, a page at a time; snippets are made for the page's hits only."""
    partnership = partnership_of(request)
    form = SearchForm(request.GET or None, partnership)
    query = form.query() if form.is_bound else ""
    found = ranked(query, [partnership.pk], form.filters()) if query else []
    page = paging.page_of(request, found, per_page=PAGE)
    context = {
        "form": form,
        "query": query,
        "hits": shown(query, list(page.object_list)),
        "page": page,
        "total": len(found),
        "limit": CANDIDATES,
        "pagination": paging.pagination(request, page, label="Pages of the results"),
    }
    return render(request, "web/search.html", context)


@login_required
def recommendation_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    scoped = recommendations(request).select_related("plan", "section")
    rec = one(scoped.prefetch_related("reviews", "themes", "actions__owner", "actions__themes"), pk=pk)
    likes = [
        (like, made_on(like.recommendation), outcome_of(like.recommendation))
        for like in similar_to(rec, recommendations(request))
    ]
    return render(request, "web/recommendation.html", {"rec": rec, "likes": likes})


@login_required
def recurring_page(request: SignedInRequest) -> HttpResponse:
    partnership = partnership_of(request)
    recs = recommendations(request)
    # The stored groups are paged in SQL; only the page's members are read in full.
    page = paging.page_of(request, recurring.groups_to_page(recs), per_page=GROUPS)
    context = {
        "themes": recurring_themes(recs, themes_of(partnership)),
        "recurrences": recurring.recurrences_of(page.object_list, recs),
        "page": page,
        "pagination": paging.pagination(request, page, label="Pages of recommendations made again"),
    }
    return render(request, "web/recurring.html", context)


@login_required
def recurring_download(request: SignedInRequest) -> HttpResponse:
    """The recurring-learning page as a CSV file or an Excel workbook (?format=csv|xlsx)."""
    partnership = partnership_of(request)
    chosen = recurring_export.FORMATS.get(request.GET.get("format", ""))
    if chosen is None:
        raise Http404("unknown format")
    write, content_type = chosen
    on = timezone.localdate()
    learning = recurring_export.recurring_learning(recommendations(request), themes_of(partnership), on)
    response = HttpResponse(write(learning), content_type=content_type)
    name = report_file_name(f"{partnership.name} recurring learning", on, request.GET["format"])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@GET_POST
def recommendation_themes(request: SignedInRequest, pk: int) -> HttpResponse:
    rec = for_editing(request, recommendations(request).select_related("plan__partnership"), pk)
    form = TaggingForm(data(request), rec)

    def save(cleaned: dict) -> tuple[str, str]:
        tag(rec, list(cleaned["themes"]), form.action_themes(), by=request.user)
        return "Themes saved", reverse("recommendation", args=[rec.pk])

    return form_page(
        request,
        form,
        save,
        heading="Themes",
        caption=f"{rec.plan.title}, {rec.ref}".strip(", "),
        back=reverse("recommendation", args=[rec.pk]),
        intro=[
            line
            for line in [
                rec.text or rec.outcome,
                *suggested(rec, recommendations(request)),
                "Choose any number of themes for each.",
            ]
            if line
        ],
    )


def suggested(rec: Recommendation, among: QuerySet[Recommendation]) -> list[str]:
    found = suggest(rec, among)
    if not found:
        return ["No theme to suggest: none of its words point to one, and nothing like it is tagged yet."]
    return ["Suggested, with the reason for each:"] + [
        f"{s.theme.name} (score {s.score:.2f}; {'; '.join(s.reasons)})" for s in found
    ]


@login_required
def theme_list(request: SignedInRequest) -> HttpResponse:
    themes = themes_of(partnership_of(request)).order_by("partnership", "name")
    return render(request, "web/themes.html", {"themes": themes})


@login_required
@GET_POST
def theme_new(request: SignedInRequest) -> HttpResponse:
    require(can_edit_plans(request.user), "change the partnership's themes")
    return theme_form(request, Theme(partnership=partnership_of(request)))


@login_required
@GET_POST
def theme_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    return theme_form(
        request, for_editing(request, Theme.objects.filter(partnership=partnership_of(request)), pk)
    )


def theme_form(request: SignedInRequest, theme: Theme) -> HttpResponse:
    form = ThemeForm(data(request), initial={"name": theme.name, "national": theme.maps_to_id})

    def save(cleaned: dict) -> tuple[str, str]:
        save_theme(theme, cleaned["name"], cleaned["national"])
        return f"{theme.name} saved", reverse("themes")

    heading = "Add a theme of your framework" if theme.pk is None else f"Change the theme {theme.name}"
    return form_page(request, form, save, heading=heading, back=reverse("themes"))
