"""The layout's service navigation, written as GOV.UK markup, is the markup GOV.UK's macro gives."""

from __future__ import annotations

import re

import pytest
from django.template import engines

SOURCE = """{% from "govuk_frontend_jinja/components/service-navigation/macro.html"
  import govukServiceNavigation %}
{% from "web/_navigation.html" import service_navigation %}
{{ (govukServiceNavigation if theirs else service_navigation)(params) }}"""

ITEMS = [
    {"text": "Dashboard", "href": "/", "active": True},
    None,  # an item the person's role does not have
    {"text": "Plans & reviews", "href": "/plans/?a=1&b=2", "active": False},
]
END = ('\n    <li class="govuk-service-navigation__item">'
       '<form method="post"><button>Sign out</button></form></li>\n  ')


def shown(theirs: bool, params: dict) -> str:
    html = engines["jinja2"].from_string(SOURCE).render({"theirs": theirs, "params": params})
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


@pytest.mark.parametrize("navigation, end", [
    (ITEMS, END),  # signed in: the pages, one of them this one, and the search and sign-out
    (ITEMS[2:], END),  # one page only: no menu button
    ([], "\n  "),  # signed out: nothing but the service's name
])
def test_it_gives_the_markup_of_govuk_macro(navigation, end):
    params = {"serviceName": "actionplan", "serviceUrl": "/", "navigation": navigation,
              "slots": {"navigationEnd": end}}
    ours = shown(False, params)
    assert ours == shown(True, params)
    assert ours.count("<li ") == len([item for item in navigation if item]) + ("<li " in end)
    assert ("Menu </button>" in ours) == (len([item for item in navigation if item]) > 1)
