"""Helpers for the browser tests: signing in, screenshots, accessibility checks."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page


REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("ACTIONPLAN_CHROMIUM", "/usr/bin/chromium")
AXE = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO_ROOT / "artifacts" / "screenshots"


def sign_in(page: Page, username: str, password: str = "riverton-demo") -> None:
    page.goto("/sign-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button:has-text('Sign in')")
    wait_for_dashboard(page)


def wait_for_dashboard(page: Page) -> None:
    page.wait_for_url(lambda url: urlparse(url).path == "/")


def sign_out(page: Page) -> None:
    page.click("button:has-text('Sign out')")
    page.wait_for_url("**/sign-in/")


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def axe_violations(page: Page) -> list[dict[str, object]]:
    """Run axe-core (from npm) inside the page against WCAG 2.2 A and AA."""
    if not AXE.exists():
        pytest.fail(f"axe-core not found at {AXE}: run `make assets` (npm ci)")
    # Evaluated rather than added as a <script>: the pages' Content Security Policy rightly
    # refuses inline scripts, and axe must check the page as served.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
