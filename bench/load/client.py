"""A signed-in person's browser, as far as a load run needs one: cookies, the CSRF token, timings.

Standard library only (http.client), so the load run needs nothing installed. gunicorn's sync
workers close the connection after each answer, so each request opens its own, as a browser
would against them.
"""

from __future__ import annotations

import http.client
import re
import statistics
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

TIMEOUT = 60  # seconds; gunicorn's own is 120


@dataclass
class Answer:
    status: int
    body: bytes
    ms: float
    failure: str = ""


class Session:
    def __init__(self, bind: str) -> None:
        self.host, port = bind.rsplit(":", 1)
        self.port = int(port)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None, referer: str = "") -> Answer:
        headers = {"Host": f"{self.host}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{self.host}:{self.port}{referer or path}"
        started = time.perf_counter()
        connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        except OSError as error:  # refused, reset, timed out
            return Answer(0, b"", (time.perf_counter() - started) * 1000, f"{method} {path}: {error!r}")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return Answer(response.status, content, (time.perf_counter() - started) * 1000)

    def get(self, path: str) -> Answer:
        return self.request("GET", path)

    def post(self, path: str, fields: dict[str, str], form_page: bytes) -> Answer:
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form_page)
        fields = {**fields, "csrfmiddlewaretoken": token.group(1).decode() if token else ""}
        return self.request("POST", path, urlencode(fields))

    def sign_in(self, username: str, password: str) -> None:
        page = self.get("/sign-in/")
        done = self.post("/sign-in/", {"username": username, "password": password}, page.body)
        if done.status != 302:
            raise SystemExit(f"{username} could not sign in: {done.status} {done.failure}")


@dataclass
class Tally:
    """Every answer's time by kind of request, and what went wrong."""

    by_label: dict[str, list[float]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    started: float = float("inf")  # when the first request counted was sent
    finished: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, label: str, answer: Answer, expected: int) -> bool:
        ok = answer.status == expected
        now = time.monotonic()
        with self.lock:
            self.by_label.setdefault(label, []).append(answer.ms)
            self.started = min(self.started, now - answer.ms / 1000)
            self.finished = now
            if not ok:
                self.failures.append(f"{label}: {answer.failure or f'status {answer.status}'}")
        return ok

    def times(self, label: str | None = None) -> list[float]:
        return self.by_label.get(label, []) if label else [t for ts in self.by_label.values() for t in ts]

    def rate(self, label: str | None = None) -> float:
        return len(self.times(label)) / max(self.finished - self.started, 1e-9)

    def p95(self, label: str | None = None) -> float:
        times = sorted(self.times(label))
        return times[min(len(times) - 1, int(len(times) * 0.95))] if times else 0.0

    def errors(self) -> int:
        return len(self.failures)

    def row(self, name: str, label: str | None = None) -> str:
        times = self.times(label)
        errors = self.errors() if label is None else sum(f.startswith(f"{label}:") for f in self.failures)
        median = statistics.median(times) if times else 0.0
        return (f"| {name} | {len(times)} | {self.rate(label):.1f} | {median:.0f} | "
                f"{self.p95(label):.0f} | {errors} |")
