"""Every GET parameter of every page, fuzzed: whatever the query string, no page answers 500.

The pages and their parameters come from the URL configuration and from what each page reads
of the query string, so a page or parameter added later is fuzzed without touching this file."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.http import QueryDict
from django.test import Client
from django.urls import URLPattern, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.plans.models import ProgressUpdate, ReportFile

pytestmark = pytest.mark.django_db

# Values that once gave 500, and values at the edges of what each kind of field parses.
KNOWN_BAD = [
    "9" * 20,
    "-" + "9" * 20,
    "0001-01-01",
    "9999-12-31",
    "31/12/9999",
    "01/01/0001",
    "0",
    "-1",
    "",
    " ",
    "on",
    "true",
    "\x00",
    "%00",
    "2026-02-30",
    "NaN",
    "1e400",
    "١٢",
]
FORMATS = ["docx", "html", "xlsx", "csv", "json"]  # pdf is rendered by a worker: slow for a fuzz
VALUES = st.one_of(
    st.sampled_from(KNOWN_BAD),
    st.sampled_from(FORMATS),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.text(max_size=30),
)


def pages() -> list[URLPattern]:
    """Every page of the product (the Django admin has its own tests)."""
    return [p for p in get_resolver().url_patterns if isinstance(p, URLPattern)] + [
        p
        for include in get_resolver().url_patterns
        if not isinstance(include, URLPattern)
        if "admin" not in str(include.pattern)
        for p in include.url_patterns
    ]


def address(pattern: URLPattern, world) -> str:
    """The page's path with real ids of the signed-in person's partnership in it."""
    route = str(pattern.pattern)
    ids = {"actions": world.police_action.pk, "plans": world.plan.pk, "reviews": world.review.pk}
    first = route.split("/", 1)[0]
    route = route.replace("<int:pk>", str(ids.get(first, 1)))
    route = route.replace("<int:evidence_pk>", str(world.police_evidence.pk))
    if "<int:update_pk>" in route:  # an update to correct or withdraw
        action = world.police_action
        update = action.updates.first() or ProgressUpdate.objects.create(
            action=action, written_on=action.created_at.date(), author_name="Test", text="Briefed",
            status=action.status,
        )
        route = route.replace("<int:update_pk>", str(update.pk))
    return "/" + re.sub(r"<(?:str:)?\w+>", "no-such-token", route)


class GetForms(HTMLParser):
    """The values a page's GET forms offer, by form address and field name: real values to
    start fuzzing from, so a report is really built before a date in it is made strange."""

    def __init__(self) -> None:
        super().__init__()
        self.offered: dict[str, list[dict[str, list[str]]]] = {}
        self.form: dict[str, list[str]] | None = None
        self.select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            get = a.get("method", "get").lower() == "get"
            self.form = {} if get else None
            if self.form is not None:
                self.offered.setdefault(a.get("action", ""), []).append(self.form)
        elif self.form is not None and tag == "select":
            self.select = a.get("name")
        elif self.form is not None and tag == "option" and self.select:
            self.form.setdefault(self.select, []).append(a.get("value", ""))
        elif self.form is not None and tag == "input" and a.get("name"):
            self.form.setdefault(a["name"], []).append(
                a.get("value", "on" if a.get("type") == "checkbox" else "")
            )

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None


def parameters_read(client: Client, path: str, monkeypatch) -> set[str]:
    """The query string names the page looks at, found by watching it read an empty one."""
    read: set[str] = set()
    for method in ("get", "getlist", "__getitem__", "__contains__"):
        original = getattr(QueryDict, method)

        def watched(self, key, *args, _original=original, **kwargs):
            read.add(key)
            return _original(self, key, *args, **kwargs)

        monkeypatch.setattr(QueryDict, method, watched)
    response = client.get(path)
    monkeypatch.undo()
    if not response.streaming:  # a page, not a file
        FORMS.feed(response.content.decode(errors="replace"))
    return read


FORMS = GetForms()


@pytest.fixture
def signed_in(client, world, alice):
    client.force_login(alice)
    client.raise_request_exception = False
    return client


def test_every_parameter_of_every_page_never_gives_500(signed_in, world, monkeypatch):
    fuzzed = {}
    for pattern in pages():
        path = address(pattern, world)
        fuzzed[path] = sorted(parameters_read(signed_in, path, monkeypatch))
    # The pages that read their query string are found, not listed by hand.
    assert {"as_at", "plan"} <= set(fuzzed["/report/"])
    assert "review" in fuzzed["/composite/"] and "agency" in fuzzed["/actions/"]

    for path, names in fuzzed.items():
        if names:
            fuzz_page(signed_in, path, names, distinct(FORMS.offered.get(path, [{}])))


def distinct(forms: list[dict[str, list[str]]]) -> list[dict[str, list[str]]]:
    """One of each kind of form (the same report form sits on many pages)."""
    kinds = {tuple(sorted(form)): form for form in forms}
    return list(kinds.values())


def filled_in(form: dict[str, list[str]]) -> st.SearchStrategy[dict[str, str]]:
    # The PDF is rendered by a worker process, too slow to fuzz; its as-at dates are checked below.
    offered = {name: [v for v in values if v != "pdf"] or [""] for name, values in form.items()}
    return st.fixed_dictionaries({name: st.sampled_from(values) for name, values in offered.items()})


def first_choices(form: dict[str, list[str]]) -> dict[str, str]:
    """Each field's first real choice; the web page report, the quickest with charts."""
    return {
        name: "html" if "html" in values else next((v for v in values if v not in {"", "pdf"}), "")
        for name, values in form.items()
    }


def fuzz_page(client: Client, path: str, names: list[str], forms: list[dict[str, list[str]]]) -> None:
    """Every known bad value in every parameter, the other fields filled in as the page's first
    form offers; then any of its forms filled in at random with values changed at random."""
    for name in names:
        for value in KNOWN_BAD:
            query = {**first_choices(forms[0]), name: value}
            assert client.get(path, query).status_code < 500, f"{path} {query}"

    start = st.one_of([filled_in(form) for form in forms])
    changes = st.dictionaries(st.sampled_from(names), st.one_of(VALUES, st.lists(VALUES, max_size=3)))

    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(start, changes)
    def no_server_error(start: dict, change: dict) -> None:
        response = client.get(path, {**start, **change})
        assert response.status_code < 500, f"{path}?{response.wsgi_request.META['QUERY_STRING']}"

    no_server_error()


@pytest.mark.parametrize(
    "query",
    [
        {"review": "9" * 20},
        {"format": "docx", "as_at": "0001-01-01"},
        {"format": "docx", "as_at": "9999-12-31"},
        {"format": "html", "as_at": "0001-01-01"},
        {"format": "html", "as_at": "9999-12-31"},
        {"format": "xlsx", "as_at": "9999-12-31"},
        {"format": "pdf", "as_at": "9999-12-31"},
        {"format": "pdf", "as_at": "0001-01-01"},
    ],
)
def test_the_values_that_once_gave_500(signed_in, query):
    if "review" in query:
        assert signed_in.get("/composite/", query).status_code < 500
    else:  # the report form asks the worker for the report: a form now, posted
        assert signed_in.post("/report/", query).status_code < 500
        assert not ReportFile.objects.filter(state=ReportFile.State.FAILED).exists()


REPORT_FORM = ["format", "plan", "composite", "as_at"]


def test_every_value_of_the_report_form_never_gives_500_nor_a_failed_report(signed_in, world):
    """The report form is posted: any value in any field is refused at once (400 or 404) or gives
    a report the worker (at once, in the tests) produces; none that it fails on."""
    offered = {"format": FORMATS, "plan": [str(world.plan.pk), ""], "composite": ["on", ""],
               "as_at": ["", "31/3/2026"]}
    for name in REPORT_FORM:
        for value in KNOWN_BAD:
            response = signed_in.post("/report/", {"format": "csv", name: value})
            assert response.status_code < 500, f"{name}={value!r}"

    start = st.fixed_dictionaries({name: st.sampled_from(values) for name, values in offered.items()})
    changes = st.dictionaries(st.sampled_from(REPORT_FORM), st.one_of(VALUES, st.lists(VALUES, max_size=3)))

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(start, changes)
    def no_server_error(start: dict, change: dict) -> None:
        response = signed_in.post("/report/", {**start, **change})
        assert response.status_code < 500, f"{start} {change}"

    no_server_error()
    failed = ReportFile.objects.filter(state=ReportFile.State.FAILED).values_list("failure", flat=True)
    assert list(failed) == []
    assert ReportFile.objects.filter(state=ReportFile.State.READY).exists()
