"""A Word header of two rows keeps every column, including a heading merged down both rows."""

from __future__ import annotations

from actionplan.importing import parse_bytes

from . import merged_headings


def test_a_heading_merged_down_both_header_rows_keeps_its_column():
    draft = parse_bytes(merged_headings.adults_board_landscape(), "mr-k.docx")
    assert [(item.ref, item.section) for item in draft.items] == [
        ("1", "Theme A: Self-neglect"), ("2", "Theme A: Self-neglect")]
    assert [(a.text, a.owners, a.due.text if a.due else None, a.progress, a.rag)
            for item in draft.items for a in item.actions] == [
        ("Refresh the self-neglect protocol", ["ASC"], "30/06/2026", "Draft circulated", "amber"),
        ("Deliver four workshops", ["SAB Business Unit"], "September 2026", "Two dates booked",
         "green"),
        ("Train repairs operatives", ["Vale Homes"], "Q2 2026", None, "red"),
    ]
    assert draft.items[1].recommendation == (
        "Housing providers should refer self-neglect seen on repairs visits.")
    assert not draft.warnings


def test_headings_merged_down_beside_a_group_keep_the_ref_recommendation_and_rag():
    draft = parse_bytes(merged_headings.delivery_group(), "baby-s.docx")
    assert [(item.ref, item.recommendation) for item in draft.items] == [
        ("1", "Safe sleep advice should be repeated after a house move."),
        ("2", "Male carers should be seen and spoken to."),
    ]
    assert [(a.text, a.owners, a.due.text if a.due else None, a.rag)
            for item in draft.items for a in item.actions] == [
        ("Add a prompt to the health visiting checklist", ["0-19 Service"], "31/03/2026",
         "green"),
        ("Add a 'who else cares for the baby?' field", ["Children's Social Care"], "June 2026",
         "amber"),
    ]
    assert draft.plan.board == "Tower Hamlets Safeguarding Children Partnership"
