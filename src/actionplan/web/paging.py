"""Long lists shown a page at a time (GOV.UK pagination), sorted by a choice kept in the URL.

The database counts the rows (COUNT) and returns only the page's: a list of 100,000 actions
costs what a list of 100 does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict

PER_PAGE = 100

# The sorts a person may choose: the name in the URL (the finder's) and how the page says it.
SORT_LABELS: dict[str, str] = {
    "due": "Soonest due first",
    "-due": "Latest due first",
    "rag": "Worst RAG rating first",
    "plan": "Plan",
    "owner": "Owner",
    "status": "Status",
}


@dataclass(frozen=True)
class SortLink:
    label: str
    href: str
    current: bool


def chosen_sort(request: HttpRequest) -> str:
    sort = request.GET.get("sort", "due")
    return sort if sort in SORT_LABELS else "due"


def href_with(query: QueryDict, **changes: Any) -> str:
    """This page's URL query with some parameters changed (the filters are kept)."""
    changed = query.copy()
    for name, value in changes.items():
        changed[name] = str(value)
    return "?" + changed.urlencode()


def sort_links(request: HttpRequest) -> list[SortLink]:
    current = chosen_sort(request)
    return [
        SortLink(label, href_with(request.GET, sort=name, page=1), name == current)
        for name, label in SORT_LABELS.items()
    ]


def page_of(
    request: HttpRequest, rows: QuerySet | Sequence[Any], *, param: str = "page", per_page: int = 0,
    count: int | None = None,
) -> Page:
    """The requested page (the last one when the number is past the end, the first when it is
    not a number), so a shared link never fails after the list shrinks. `count`, when known
    exactly (plans.list_counts), spares the database counting the rows."""
    paginator = Paginator(rows, per_page or PER_PAGE)
    if count is not None:
        paginator.count = count  # a cached property: given, the database does not count
    return paginator.get_page(request.GET.get(param))


def pagination(
    request: HttpRequest, page: Page, *, param: str = "page", label: str = "Pages of the list"
) -> dict[str, Any] | None:
    """The parameters of the GOV.UK pagination component for `page`, or None when one page holds all."""
    if page.paginator.num_pages <= 1:
        return None

    def href(number: int) -> str:
        return href_with(request.GET, **{param: number})

    items: list[dict[str, Any]] = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == Paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append({"number": number, "href": href(int(number)), "current": number == page.number})
    found: dict[str, Any] = {"items": items, "landmarkLabel": label}
    if page.has_previous():
        found["previous"] = {"href": href(page.previous_page_number())}
    if page.has_next():
        found["next"] = {"href": href(page.next_page_number())}
    return found
