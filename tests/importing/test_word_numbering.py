"""Word numbering as Word shows it (word_numbering.py): numbers given by paragraph styles, by a
style's base or by the level the list links to the style; legal numbering; a list from 0."""

from __future__ import annotations

import io

import docx

from actionplan.importing import PlanDraft, parse_bytes
from actionplan.importing.readers.word_numbers import WordNumbers

from . import word_numbering, word_shown
from .word_numbering import Level


def refs(draft: PlanDraft) -> list[tuple[str | None, list[str | None]]]:
    return [(item.ref, [action.ref for action in item.actions]) for item in draft.items]


def labels(data: bytes) -> list[str | None]:
    document = docx.Document(io.BytesIO(data))
    numbers = WordNumbers(document)
    return [numbers.label(p._p) for p in document.paragraphs]


def test_paragraphs_numbered_by_a_style_based_on_a_numbered_style_are_read_by_their_numbers():
    draft = parse_bytes(word_numbering.styles_based_on_a_numbered_style(), "mrs-k.docx")
    # The urgent style gives nothing of its own: its base's list and level, "1.".
    assert refs(draft) == [("1", ["1.1", "1.2"]), ("2", ["2.1"])]
    assert draft.items[0].recommendation == "Providers should tell the council of each missed visit."
    assert [(a.text, a.owners) for a in draft.items[1].actions] == [
        ("Add the care package to the discharge checklist", ["Brackley Hospitals NHS Trust"])]


def test_a_numbered_styles_level_is_the_one_its_list_links_to_it():
    draft = parse_bytes(word_numbering.styles_linked_to_levels(), "ashby.docx")
    assert refs(draft) == [("1", ["1.1", "1.2"]), ("2", ["2.1"])]
    assert [a.text for a in draft.items[0].actions] == [
        "Publish a disclosure recording template", "Check the records at each audit"]


def test_legal_numbering_shows_every_number_in_figures_under_a_roman_one():
    draft = parse_bytes(word_numbering.legal_numbered_table(), "composite.docx")
    assert [s.name for s in draft.sections] == ["I. Information sharing", "II. Neglect"]
    assert [(item.ref, item.section) for item in draft.items] == [
        ("1.1", "I. Information sharing"), ("1.2", "I. Information sharing"), ("2.1", "II. Neglect")]


def test_three_levels_of_legal_numbering_read_as_themes_recommendations_and_actions():
    draft = parse_bytes(word_numbering.three_levels(), "jean.docx")
    assert refs(draft) == [("1.1", ["1.1.1", "1.1.2"]), ("2.1", ["2.1.1"])]
    assert [item.section for item in draft.items] == ["Risk assessment", "Housing"]
    assert [(a.owners, a.due.text if a.due else None) for a in draft.items[0].actions] == [
        (["Dunmere Police"], "31/03/2028"), (["Dunmere Council"], "June 2028")]


def test_a_list_starting_at_0_is_numbered_from_0_as_word_shows_it():
    draft = parse_bytes(word_numbering.list_from_zero(), "mr-p.docx")
    assert [item.ref for item in draft.items] == ["0", "1", "2"]
    assert draft.items[0].recommendation == "Review the self-neglect protocol."


def test_levels_from_0_count_on_and_start_again_under_each_number_above():
    document = docx.Document()
    plan = word_numbering.add_list(document, [Level("%1."), Level("%1.%2", start=0)])
    for level in (0, 1, 1, 0, 1):
        word_shown.number(document.add_paragraph("text"), plan, level)
    assert labels(word_shown.save(document)) == ["1.", "1.0", "1.1", "2.", "2.0"]


def test_a_paragraphs_own_number_beats_its_styles_and_numid_0_takes_it_off():
    document = docx.Document()
    plan = word_numbering.add_list(document, [Level("%1."), Level("(%2)", fmt="lowerRoman")])
    word_numbering.numbered_style(document, "Rec", num_id=plan, level=0)
    document.add_paragraph("a", style="Rec")
    word_shown.number(document.add_paragraph("b", style="Rec"), plan, 1)
    word_shown.number(document.add_paragraph("c", style="Rec"), "0")
    document.add_paragraph("d", style="Rec")
    assert labels(word_shown.save(document)) == ["1.", "(i)", None, "2."]


def test_styles_based_on_each_other_in_a_loop_number_nothing_and_stop():
    document = docx.Document()
    word_numbering.numbered_style(document, "First", level=1)
    word_numbering.numbered_style(document, "Second", based_on="First")
    document.styles["First"].base_style = document.styles["Second"]  # hand-edited XML
    document.add_paragraph("a", style="Second")
    assert labels(word_shown.save(document)) == [None]
