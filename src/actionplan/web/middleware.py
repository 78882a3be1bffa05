"""Refuse request bodies over the documented limit before any of the body is read."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class RequestBodyLimitMiddleware:
    """Answers 413 when Content-Length is over MAX_REQUEST_BYTES.

    Django spools uploads to disk as it parses them, and the sign-in check comes after that, so
    without this a stranger could make the server write hundreds of megabytes. The header is
    enough: the WSGI server never hands Django more than Content-Length bytes.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit: int = settings.MAX_REQUEST_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse("The Content-Length header is not a number.", status=400)
        if length > limit:
            return HttpResponse(
                f"This request is larger than {limit // 2**20} MB, the most the server accepts.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
