"""What Word shows without its being typed (word_shown.py): numbers from the numbering part
read as shown, and a form's RAG row of shaded cells read from its colours; each rule on two
layouts."""

from __future__ import annotations

import pytest

from actionplan.importing import PlanDraft, parse_bytes

from . import unseen_forms, word_shown


def refs(draft: PlanDraft) -> list[tuple[str | None, list[str | None]]]:
    return [(item.ref, [action.ref for action in item.actions]) for item in draft.items]


def test_paragraphs_numbered_by_word_are_read_by_their_numbers():
    draft = parse_bytes(word_shown.numbered_by_word(), "mr-d.docx")
    assert refs(draft) == [("1", ["1.1", "1.2"]), ("2", ["2.1"])]
    assert draft.items[1].recommendation == (
        "Hospitals should tell the GP of every fall seen in the emergency department.")
    assert [(a.text, a.owners, a.due.text if a.due else None) for a in draft.items[0].actions] == [
        ("Add falls to the safeguarding referral guidance", ["Adult Social Care"], "31/03/2028"),
        ("Train care home staff on when a fall is neglect", ["Moorvale Council"], "June 2028")]


def test_a_table_numbered_by_word_keeps_each_number_as_shown_and_each_restart():
    draft = parse_bytes(word_shown.numbered_table(), "child-e.docx")
    # Capital Roman numerals in a "No." column of no typed text; each cell's letters from a).
    assert refs(draft) == [("I.", ["a", "b"]), ("II.", ["a"])]
    assert [a.text for a in draft.items[0].actions] == [
        "Add the ten-day rule to the attendance policy", "Brief every designated lead"]


def test_a_list_style_numbering_nothing_is_still_read_as_bullets():
    # unseen_word's prose plan: "List Bullet" paragraphs start its actions, as before.
    from . import unseen_word
    draft = parse_bytes(unseen_word.headed_plan(), "adult-t.docx")
    assert [len(item.actions) for item in draft.items] == [2, 1, 1]


@pytest.mark.parametrize("write,fills,name", [
    (unseen_forms.form_tables, ["FFC000"], "mr-h.docx"),
    (unseen_forms.transposed_table, ["00B050", "FFC000", "FF0000"], "child-k.docx"),
])
def test_a_forms_shaded_rag_row_is_read_as_its_words_would_be(write, fills, name):
    in_words = parse_bytes(write(), name)
    shaded = parse_bytes(word_shown.shaded_rag_rows(write(), fills), name)
    ratings = [[action.rag for action in item.actions] for item in shaded.items]
    assert ratings == [[action.rag for action in item.actions] for item in in_words.items]
    assert any(rag for found in ratings for rag in found)
    said = [w.message for w in shaded.warnings if "cell colour" in w.message]
    assert len(said) == len(fills) and all(
        f"RAG read from cell colour {fill} as" in message for fill, message in zip(
            fills, said, strict=True))
