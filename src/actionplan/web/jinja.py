"""The Jinja2 environment for the product's pages: GOV.UK Frontend macros and our presenters."""

from __future__ import annotations

from collections.abc import MutableMapping
from contextlib import suppress
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.signals import setting_changed
from django.http import HttpRequest
from django.template.backends.utils import csrf_input
from django.templatetags.static import static
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from jinja2 import ChoiceLoader, Environment, FileSystemBytecodeCache, PackageLoader, PrefixLoader
from jinja2.bccache import Bucket

from actionplan.plans import permissions

from . import presenters
from .reminder_forms import meeting_dates


def url(name: str, *args: Any, **kwargs: Any) -> str:
    if kwargs:
        return reverse(name, kwargs=kwargs)
    if not args:
        return plain_url(name, get_script_prefix(), get_urlconf())
    if all(type(arg) is int and arg >= 0 for arg in args):
        shape = url_shape(name, len(args), get_script_prefix(), get_urlconf())
        if shape is not None:
            return shape.format(*args)
    return reverse(name, args=args)


@lru_cache(maxsize=256)
def plain_url(name: str, prefix: str, urlconf: str | None) -> str:
    """A URL without arguments, reversed once per process: the layout of every page names a
    dozen (the navigation, the search, the sign-out), each a walk of the URL patterns. The
    result depends on nothing else than the name, the script prefix and the URL patterns."""
    return reverse(name, urlconf=urlconf)


# Row ids no page has, standing for the arguments while a URL's shape is found.
STAND_INS = (7_340_000_001, 7_340_000_002, 7_340_000_003, 7_340_000_004, 7_340_000_005)


@lru_cache(maxsize=256)
def url_shape(name: str, count: int, prefix: str, urlconf: str | None) -> str | None:
    """A URL of row ids ("/actions/{0}/") reversed once per process and filled in per row: a
    page of 100 actions links each one, and reversing walks the URL patterns every time (a
    fifth of a list page's rendering). Every id argument of the URL patterns is an `int`
    converter, which writes a non-negative number as its digits; None (reverse each time) when
    a URL's shape cannot be read that way."""
    if count > len(STAND_INS):
        return None
    stand_ins = STAND_INS[:count]
    try:
        reversed_ = reverse(name, args=stand_ins, urlconf=urlconf)
    except NoReverseMatch:
        return None
    shape = reversed_.replace("{", "{{").replace("}", "}}")
    for place, stand_in in enumerate(stand_ins):
        if shape.count(str(stand_in)) != 1:
            return None
        shape = shape.replace(str(stand_in), f"{{{place}}}")
    return shape


def forget_urls(*, setting: str, **kwargs: Any) -> None:
    if setting == "ROOT_URLCONF":  # tests may give other URL patterns
        plain_url.cache_clear()
        url_shape.cache_clear()


setting_changed.connect(forget_urls)


def static_prefix() -> str:
    """Where static files are served from; for folders, which the manifest of files cannot name."""
    return str(settings.STATIC_URL)


def single_sign_on() -> bool:
    return bool(settings.OIDC_ENABLED)


def csrf_once(request: HttpRequest) -> dict[str, Any]:
    """The CSRF field made once per page (a context processor of the pages' templates). Django's
    Jinja2 backend gives one that masks the token afresh wherever a page shows it: the sign-out
    form of every signed-in page and the page's own forms. One mask per response is what guards
    the token against compression attacks (BREACH); the secret is the same either way. Made when
    a page first shows it, so a page with no form sets no CSRF cookie."""
    return {"csrf_input": CsrfField(request)}


class CsrfField:
    """The page's CSRF field, masked once, when first shown."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.field: str | None = None

    def __html__(self) -> str:
        if self.field is None:
            self.field = str(csrf_input(self.request))
        return self.field

    __str__ = __html__


# The names a plain dict answers as attributes (items, get, keys...): for those, and only those,
# Jinja gives the attribute before the item, and so does PageEnvironment.getattr.
DICT_ATTRIBUTES = frozenset(dir(dict))
MISSING = object()


class PageEnvironment(Environment):
    """Jinja2 as it is, made cheaper where the GOV.UK macros spend a page's time.

    The macros read their parameters as attributes of dicts (`params.classes`) hundreds of times a
    page, most of them absent; Jinja tries the attribute first and catches the AttributeError,
    which costs more than the lookup. And every macro call imports its helpers again: Jinja then
    compares the importing template's globals with a ChainMap of the imported one's, key by key.
    Both give what Jinja gives; the globals are all set before the first template is loaded.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in DICT_ATTRIBUTES:
            found = obj.get(attribute, MISSING)
            return self.undefined(obj=obj, name=attribute) if found is MISSING else found
        return super().getattr(obj, attribute)

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


class KeptTemplates(FileSystemBytecodeCache):
    """Compiled templates on disk, kept when they can be: a page never fails for want of keeping
    one (the system's cleaner may empty the temporary folder under a running server, or fill it)."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with suppress(OSError):  # compiled again by the next worker: slower, never wrong
            super().dump_bytecode(bucket)


def compiled_templates() -> KeptTemplates | None:
    """Where a fresh worker (gunicorn replaces each after max_requests) finds the templates
    compiled, instead of compiling them again: about a second of CPU. Jinja checks each against
    its source. A folder of the server's user only in the system's temporary folder; none when
    there is no such folder to be had (a read-only system): the templates are then compiled."""
    try:
        return KeptTemplates()
    except (OSError, RuntimeError):
        return None


def environment(**options: Any) -> Environment:
    # Autoescape is on for every page: imported cells may hold HTML and must show as text.
    options["autoescape"] = True
    options["bytecode_cache"] = compiled_templates()
    options["loader"] = ChoiceLoader(
        [
            options["loader"],
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    env = PageEnvironment(**options)
    env.globals.update(
        {
            "static": static,
            "static_prefix": static_prefix,
            "single_sign_on": single_sign_on,
            "url": url,
            "get_messages": get_messages,
            "permissions": permissions,
            "meeting_dates": meeting_dates,
            **{name: getattr(presenters, name) for name in presenters.__all__},
        }
    )
    env.filters.update({"day": presenters.day, "moment": presenters.moment})
    return env
