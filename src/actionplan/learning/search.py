"""Search the recommendations, learning points, actions and progress of the plans a person may
see, ranked, filtered and with the matching words marked."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from markupsafe import Markup, escape

from actionplan.plans.models import Action, Recommendation

from .index import KINDS, START, STOP
from .matching import Match, matches, snippets

# Ranked candidates read before filtering, and the most hits a search offers (ten pages of 50).
CANDIDATES = 500


@dataclass(frozen=True)
class Filters:
    review_kind: str = ""
    theme: int | None = None
    agency: int | None = None
    year: int | None = None
    status: str = ""

    def any(self) -> bool:
        return bool(self.review_kind or self.theme or self.agency or self.year or self.status)


@dataclass(frozen=True)
class Found:
    match: Match
    recommendation: Recommendation
    action: Action | None


@dataclass(frozen=True)
class Hit:
    kind: str
    recommendation: Recommendation
    action: Action | None
    snippet: Markup

    @property
    def label(self) -> str:
        return KINDS[self.kind]


def highlighted(snippet: str) -> Markup:
    """The text escaped first, then the database's match marks turned into <mark>: nothing of a
    document is ever shown as HTML."""
    text = str(escape(snippet))
    return Markup(text.replace(START, "<mark>").replace(STOP, "</mark>"))


def recommendations_matching(recs: QuerySet[Recommendation], filters: Filters) -> QuerySet[Recommendation]:
    if filters.review_kind:
        recs = recs.filter(reviews__kind=filters.review_kind)
    if filters.theme:  # a national theme takes in the framework's themes mapped to it
        chosen = Q(theme=filters.theme) | Q(theme__maps_to=filters.theme)
        tagged = Recommendation.themes.through.objects.filter(chosen).values("recommendation_id")
        on_actions = Action.themes.through.objects.filter(chosen).values("action__recommendation_id")
        # As subqueries, not joins: a recommendation is read once however many tags it has.
        recs = recs.filter(Q(pk__in=tagged) | Q(pk__in=on_actions))
    if filters.year:
        recs = recs.filter(Q(reviews__reported_on__year=filters.year) | Q(plan__as_at__year=filters.year))
    return recs.distinct()


def actions_matching(actions: QuerySet[Action], filters: Filters) -> QuerySet[Action]:
    if filters.agency:
        actions = actions.filter(owner=filters.agency)
    if filters.status:
        actions = actions.filter(status=filters.status)
    return actions


def search(
    query: str, partnership_ids: list[int], filters: Filters = Filters(), limit: int = 50
) -> list[Hit]:
    """The best `limit` hits among the partnerships' rows; scoping is by `partnership_ids`, which
    the caller takes from the signed-in person (or the command line's --partnership)."""
    return shown(query, ranked(query, partnership_ids, filters, limit))


def shown(query: str, found: list[Found]) -> list[Hit]:
    """Hits with their snippets, made for these only (a page of results, not all of them)."""
    marked = snippets(query, [f.match.entry for f in found])
    return [
        Hit(f.match.kind, f.recommendation, f.action, highlighted(marked.get(f.match.entry, "")))
        for f in found
    ]


def ranked(query: str, partnership_ids: list[int], filters: Filters, limit: int = CANDIDATES) -> list[Found]:
    """The best `limit` matches in scope and through the filters, best first, without snippets."""
    found = matches(query, partnership_ids, CANDIDATES if filters.any() else limit)
    in_scope = Recommendation.objects.filter(
        pk__in={m.recommendation_id for m in found}, plan__partnership_id__in=partnership_ids
    )
    recs = recommendations_matching(in_scope, filters).select_related("plan").prefetch_related("reviews")
    by_rec = {rec.pk: rec for rec in recs}
    action_ids = {m.action_id for m in found if m.action_id}
    actions = {a.pk: a for a in actions_matching(Action.objects.filter(pk__in=action_ids), filters)}
    # A recommendation's own entries pass the agency and status filters when one of its actions
    # (or, with none, the recommendation itself) does.
    rec_level = set(by_rec)
    if filters.agency or filters.status:
        owned = actions_matching(Action.objects.filter(recommendation__in=rec_level), filters)
        rec_level = set(owned.values_list("recommendation_id", flat=True))
        if filters.status and not filters.agency:
            rec_level |= set(
                Recommendation.objects.filter(
                    pk__in=by_rec, actions__isnull=True, status=filters.status
                ).values_list("pk", flat=True)
            )
    hits = []
    for m in found:
        rec = by_rec.get(m.recommendation_id)
        if rec is None or (m.action_id and m.action_id not in actions):
            continue
        if not m.action_id and m.recommendation_id not in rec_level:
            continue
        action = actions.get(m.action_id) if m.action_id else None
        hits.append(Found(m, rec, action))
    return hits[:limit]
