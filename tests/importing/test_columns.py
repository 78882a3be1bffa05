"""Header roles: the quick path of role_of gives what the plain definition gives.

role_of skips most synonyms (only those sharing a word or near in length can score) and
tries cheap upper bounds before difflib. The plain definition below scores every synonym in
full; the two must agree on every text, or a board's header would be read differently.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan.importing.columns import SYNONYMS, normalise, read_header, role_of

STOP_WORDS = {"a", "an", "and", "of", "the", "to", "for", "be", "by", "include", "method"}


def plain_role_of(header: str) -> str | None:
    """Every synonym scored in full: the greater of words shared and a close spelling."""
    wanted = normalise(header)
    if not wanted or len(wanted.split()) > 9:
        return None
    best_role, best_score = None, 0.0
    for role, names in SYNONYMS.items():
        for name in names:
            if wanted == name:
                score = 2.0
            else:
                words, name_words = set(wanted.split()) - STOP_WORDS, set(name.split()) - STOP_WORDS
                overlap = 2 * len(words & name_words) / (len(words) + len(name_words) or 1)
                spelling = difflib.SequenceMatcher(None, wanted, name).ratio()
                score = max(overlap, spelling if spelling >= 0.85 else 0.0)
            if score > best_score:  # the first synonym of the best score wins
                best_role, best_score = role, score
    return best_role if best_score >= 0.6 else None


SYNONYM_WORDS = sorted({word for names in SYNONYMS.values() for name in names
                        for word in name.split()})


def misspelt(word: str, data: st.DataObject) -> str:
    """The word with one letter dropped, doubled or changed."""
    if len(word) < 3:
        return word
    at = data.draw(st.integers(0, len(word) - 1))
    kind = data.draw(st.sampled_from(["drop", "double", "change"]))
    if kind == "drop":
        return word[:at] + word[at + 1:]
    if kind == "double":
        return word[:at] + word[at] + word[at:]
    return word[:at] + data.draw(st.sampled_from("aeiourst")) + word[at + 1:]


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_role_of_agrees_with_the_plain_definition_on_headers_like_boards_write(data):
    words = data.draw(st.lists(st.sampled_from(SYNONYM_WORDS + ["date", "lead", "officer",
                                                                "comments", "2017", "agency"]),
                               min_size=1, max_size=4))
    words = [misspelt(w, data) if data.draw(st.booleans()) else w for w in words]
    header = data.draw(st.sampled_from([" ", " / ", "-"])).join(words)
    header = header.upper() if data.draw(st.booleans()) else header.capitalize()
    assert role_of.__wrapped__(header) == plain_role_of(header)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="abcdeilmnoprstuvw &/()'0123456789", max_size=40))
def test_role_of_agrees_with_the_plain_definition_on_any_text(text):
    assert role_of.__wrapped__(text) == plain_role_of(text)


def test_role_of_agrees_with_the_plain_definition_on_every_short_seed_cell(seeds: Path):
    lines = [line for path in sorted(seeds.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    cells = {cell for line in lines for cell in line.split("\t")
             if cell.strip() and len(cell.split()) <= 9}
    assert len(cells) > 100
    assert {c: role_of.__wrapped__(c) for c in cells} == {c: plain_role_of(c) for c in cells}


@pytest.mark.parametrize(("header", "role"), [
    ("Reccomendation", "recommendation"), ("Timescle", "due"), ("Person responsible", "owner"),
    ("Target completion date", "due"), ("Progress/Comment", "progress"), ("RAG rating", "rag"),
    ("NSCB Manager", None), ("April 2010", None),
])
def test_role_of_reads_other_boards_headers_and_typos(header, role):
    assert role_of(header) == role


def test_a_row_of_owner_and_date_is_no_header_but_a_header_with_one_unknown_column_is():
    assert read_header(["NSCB Manager", "April 2010", "", "", ""]) is None
    layout = read_header(["Ref", "Recommendation", "Lead agency", "Comments", "Target date"])
    assert layout is not None
    assert layout.roles == ("ref", "recommendation", "owner", None, "due")
