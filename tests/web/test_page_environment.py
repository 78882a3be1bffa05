"""The product's Jinja2 environment answers as Jinja2 does, only cheaper (web/jinja.py)."""

from __future__ import annotations

import pytest
from django.template import engines
from jinja2 import DictLoader, Environment, StrictUndefined, UndefinedError

from actionplan.web.jinja import KeptTemplates, PageEnvironment


@pytest.mark.parametrize("source", [
    "{{ params.text }}|{{ params.absent is defined }}|{{ params.items is callable }}|{{ params.get('x') }}",
    "{{ row.text }}|{{ row.pk }}|{{ row.absent is defined }}",
    "{% for key, value in params.items() %}{{ key }}={{ value }};{% endfor %}",
])
def test_attributes_read_as_plain_jinja_reads_them(source):
    class Row:
        text, pk = "an object", 7

    values = {"params": {"text": "a dict", "items": "a key named items"}, "row": Row()}
    expected = Environment().from_string(source).render(values)
    assert PageEnvironment().from_string(source).render(values) == expected


def test_a_missing_key_is_undefined_as_configured():
    with pytest.raises(UndefinedError):
        PageEnvironment(undefined=StrictUndefined).from_string("{{ params.absent }}").render(params={})


@pytest.mark.parametrize("kind", [Environment, PageEnvironment])
def test_a_macro_importing_its_helpers_sees_the_globals(kind):
    templates = {
        "helpers.html": "{% macro shout(text) %}{{ text | upper }}{{ mark }}{{ extra }}{% endmacro %}",
        "page.html": "{% macro cell(text) %}{% from 'helpers.html' import shout %}{{ shout(text) }}"
                     "{% endmacro %}{{ cell('a') }}{{ cell('b') }}",
    }
    env = kind(loader=DictLoader(templates))
    env.globals["mark"] = "!"
    assert env.get_template("page.html").render() == "A!B!"
    # A global of the importing template only reaches the helpers through a module of its own.
    assert env.get_template("page.html", globals={"extra": "?"}).render() == "A!?B!?"


def test_the_pages_use_it():
    assert isinstance(engines["jinja2"].env, PageEnvironment)  # type: ignore[attr-defined]


def test_a_page_is_shown_when_its_compiled_form_cannot_be_kept(tmp_path):
    # The temporary folder emptied by the system's cleaner while the server runs, or full: the
    # page is compiled and shown all the same, only not kept.
    folder = tmp_path / "compiled"
    folder.mkdir()
    kept = KeptTemplates(str(folder))
    folder.rmdir()
    env = PageEnvironment(loader=DictLoader({"page.html": "{{ 1 + 1 }}"}), bytecode_cache=kept)
    assert env.get_template("page.html").render() == "2"


def test_a_url_kept_for_the_process_follows_the_script_prefix():
    from django.urls import get_script_prefix, set_script_prefix

    from actionplan.web.jinja import url

    before = get_script_prefix()
    try:
        assert url("plans") == "/plans/"
        set_script_prefix("/board/")  # served under a path of a larger site
        assert url("plans") == "/board/plans/"
        assert url("plan", 7) == "/board/plans/7/"
    finally:
        set_script_prefix(before)
    assert url("plans") == "/plans/"
