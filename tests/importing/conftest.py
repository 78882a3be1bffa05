"""Fixtures for the importer tests: parsed seeds, cached for the session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from actionplan.importing import PlanDraft, parse_file


@pytest.fixture(scope="session")
def parsed(seed: Callable[[str], Path]) -> Callable[[str], PlanDraft]:
    """parsed("003") -> the draft of seed 003, parsed once per session."""
    cache: dict[str, PlanDraft] = {}

    def parse(prefix: str) -> PlanDraft:
        if prefix not in cache:
            cache[prefix] = parse_file(seed(prefix))
        return cache[prefix]

    return parse

