"""The pieces a page repeats on every row, made once and filled in (web/jinja.url, the tags of
web/presenters): the same markup and the same URLs as Django's reverse and the GOV.UK tag."""

from __future__ import annotations

import pytest
from django.template import engines
from django.test import override_settings
from django.urls import NoReverseMatch, get_resolver, include, path, reverse
from markupsafe import Markup

from actionplan.plans.assurance import AssuranceStatus
from actionplan.plans.rag import RagJudgement
from actionplan.plans.status import DeliveryStatus
from actionplan.web.jinja import url, url_shape
from actionplan.web.presenters import RAG_CLASSES, assurance_markup, rag_markup, status_markup

# GOV.UK's tag as the pages drew it before, through a macro of their own.
TAG_MACRO = (
    '{% macro tag(params) %}<strong class="govuk-tag{% if params.classes %} {{ params.classes }}'
    '{% endif %}">{{ params.text }}</strong>{% endmacro %}'
)


def macro_tag(params: dict[str, str]) -> str:
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    return str(env.from_string(TAG_MACRO + "{{ tag(params) }}").render(params=params))


@pytest.mark.parametrize("value", [
    *RAG_CLASSES, "", None, "unheard-of", RagJudgement("red"),
    RagJudgement("green", overridden=True, reason="x"),
])
def test_a_rag_tag_is_the_macros_markup(value):
    from actionplan.web.presenters import rag_tag

    assert rag_markup(value) == macro_tag(rag_tag(value))
    assert isinstance(rag_markup(value), Markup)


@pytest.mark.parametrize("value", [*DeliveryStatus.values, "not-a-status"])
def test_a_status_tag_is_the_macros_markup(value):
    from actionplan.web.presenters import status_tag

    assert status_markup(value) == macro_tag(status_tag(value))


@pytest.mark.parametrize("value", [*AssuranceStatus.values, "not-a-step"])
def test_an_assurance_tag_is_the_macros_markup(value):
    from actionplan.web.presenters import assurance_tag

    assert assurance_markup(value) == macro_tag(assurance_tag(value))


def test_a_tags_words_are_escaped():
    from actionplan.web.presenters import tag_markup

    params = {"text": '<b>"Red" & rising</b>', "classes": 'x" onclick="y'}
    assert tag_markup(params) == macro_tag(params)
    assert "<b>" not in tag_markup(params)


def test_the_pages_tags_are_the_presenters():
    page = engines["jinja2"].from_string(
        '{% from "web/macros.html" import rag, status, assurance %}'
        "{{ status(value) }}|{{ rag(judged) }}|{{ assurance('accepted') }}"
    )
    judged = RagJudgement("amber", overridden=True)
    shown = page.render({"value": "in_progress", "judged": judged})
    assert shown == "|".join([status_markup("in_progress"), rag_markup(judged), assurance_markup("accepted")])


def every_url_with_ids() -> list[tuple[str, int]]:
    """Every URL name of the product taking row ids, with how many."""
    found = []
    for name, possibilities in get_resolver().reverse_dict.lists():  # (bits, pattern, defaults, converters)
        if not isinstance(name, str):
            continue
        for *_, converters in possibilities:
            if converters and all(type(c).__name__ == "IntConverter" for c in converters.values()):
                found.append((name, len(converters)))
    return found


def test_every_url_of_ids_is_what_reverse_gives():
    urls = every_url_with_ids()
    assert len(urls) > 40  # the actions', plans', imports' pages among them
    for name, count in urls:
        for ids in [tuple(range(1, count + 1)), tuple(10**12 + n for n in range(count)), (0,) * count]:
            assert url(name, *ids) == reverse(name, args=ids), name
        assert url_shape(name, count, "/", None) is not None, name


def test_what_is_not_a_row_id_is_reversed_as_django_does():
    assert url("plan", "7") == reverse("plan", args=["7"])
    with pytest.raises(NoReverseMatch):
        url("plan", -1)
    with pytest.raises(NoReverseMatch):
        url("plan", True)
    with pytest.raises(NoReverseMatch):
        url("no-such-page", 3)
    with pytest.raises(NoReverseMatch):
        url("plan", 3, 4)


def test_a_url_of_ids_follows_the_script_prefix():
    from django.urls import get_script_prefix, set_script_prefix

    before = get_script_prefix()
    try:
        set_script_prefix("/board/")
        assert url("action", 12) == "/board/actions/12/"
    finally:
        set_script_prefix(before)
    assert url("action", 12) == "/actions/12/"


# Other URL patterns, as a test or a deployment under a different layout may give.
urlpatterns = [path("elsewhere/", include("actionplan.web.urls"))]


def test_the_kept_urls_are_forgotten_when_the_url_patterns_change():
    assert url("action", 5) == "/actions/5/"
    with override_settings(ROOT_URLCONF=__name__):
        assert url("action", 5) == "/elsewhere/actions/5/"
        assert url("plans") == "/elsewhere/plans/"
    assert url("action", 5) == "/actions/5/"
