"""Whatever the bytes, the importer returns a draft or raises ImportFailure, nothing else."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.importing import ImportFailure, parse_bytes

from . import documents

FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
NAMES = st.sampled_from(["p.txt", "p.csv", "p.docx", "p.xlsx", "p.pdf", "p.bin"])


def parses_or_fails(data: bytes, name: str) -> None:
    try:
        parse_bytes(data, name)
    except ImportFailure as failure:
        assert "\n" not in str(failure)


@cache
def samples() -> dict[str, bytes]:
    return {"p.docx": documents.word_plan(), "p.xlsx": documents.excel_plan(),
            "p.pdf": documents.pdf_plan(True)}


@FUZZ
@given(data=st.binary(max_size=2000), name=NAMES)
def test_it_survives_random_bytes(data, name):
    parses_or_fails(data, name)


@FUZZ
@given(text=st.text(alphabet=st.sampled_from("\t\n <>/pulia•▪-.1aA'\"&;Outcome"), max_size=400))
def test_it_survives_random_table_text(text):
    parses_or_fails(("Outcome\tRecommendation\tAction\tBy Whom\tTimescale\n" + text).encode(),
                    "p.txt")


@FUZZ
@given(cut=st.integers(min_value=0, max_value=10_000), flips=st.lists(
    st.tuples(st.integers(min_value=0, max_value=100_000), st.integers(0, 255)), max_size=8),
    name=st.sampled_from(["p.docx", "p.xlsx", "p.pdf"]))
def test_it_survives_truncated_and_mutated_documents(cut, flips, name):
    data = bytearray(samples()[name])
    for position, value in flips:
        data[position % len(data)] = value
    parses_or_fails(bytes(data[: len(data) - cut]), name)


@pytest.mark.seeds
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_it_survives_mutated_seed_text(seed, data):
    text = seed(data.draw(st.sampled_from(["000", "001", "002", "003", "004"]))).read_text(
        encoding="utf-8")
    lines = text.splitlines()
    kept = data.draw(st.lists(st.integers(0, len(lines) - 1), max_size=len(lines)))
    mutated = "\n".join(lines[i] for i in kept)
    parses_or_fails(mutated.encode(), "seed.txt")
