"""Word and text plans in layouts the seeds do not use: recommendations as headings with their
actions in labelled paragraphs (no table at all), in Word and as plain text; and a table
whose recommendation cell is merged over its action rows, the date before the owner and the
RAG given in words."""

from __future__ import annotations

from typing import Any

import docx

from .writing import saved


def headed_plan() -> bytes:
    """A safeguarding adults board's plan written as prose: each recommendation a heading,
    each action a bulleted paragraph followed by "Lead agency:", "Target date:" and
    "Progress:" lines."""
    document = docx.Document()
    document.add_heading("Northmoor Safeguarding Adults Board", level=0)
    document.add_paragraph("Safeguarding Adult Review: Adult T")
    document.add_paragraph("Action plan agreed by the board, 12 January 2027")
    document.add_heading("Recommendation 1: Make safeguarding personal in hospital "
                         "discharge", level=1)
    document.add_paragraph("The trust should ask the adult what outcome they want before a "
                           "safeguarding concern is closed.")
    _action(document, "Add the adult's wishes to the discharge checklist",
            [("Lead agency", "Northmoor Hospitals NHS Trust"), ("Target date", "31 March 2027"),
             ("Progress", "Checklist drafted; ward pilot begins in February.")])
    _action(document, "Audit twenty closed concerns for the adult's voice",
            [("Lead agency", "Adult Social Care"), ("Target date", "June 2027")])
    document.add_heading("Recommendation 2: Self-neglect and hoarding", level=1)
    document.add_paragraph("Partners should use one self-neglect pathway across the county.")
    _action(document, "Publish the multi-agency self-neglect pathway",
            [("Lead agency", "Safeguarding Adults Board"), ("Target date", "end of Q2 2027"),
             ("Progress", "Consultation closed; 14 responses received.")])
    document.add_heading("Recommendation 3: Fire safety", level=1)
    document.add_paragraph("The fire service should be told of every adult who hoards.")
    _action(document, "Agree a referral route for home fire safety visits",
            [("Lead agency", "Fire and Rescue Service"), ("Target date", "Sept 2027"),
             ("Progress", "Not started")])
    document.add_paragraph("Signed off by the chair of the board.")
    return saved(document)


def _action(document: Any, text: str, labelled: list[tuple[str, str]]) -> None:
    document.add_paragraph(text, style="List Bullet")
    for label, value in labelled:
        document.add_paragraph(f"{label}: {value}")


def headed_text() -> bytes:
    """The same kind of plan typed as plain text by another board: dashes for bullets,
    "Action:", "Lead:", "Progress:", "By when:" and "Evidence:" labels, progress over two
    lines, a recommendation whose labels follow it with no action text, and a closing line
    after the last action."""
    return "\n".join([
        "Riverside Safeguarding Children Partnership",
        "Rapid Review Child W: actions",
        "",
        "Recommendation 1 - Neglect toolkit",
        "Practitioners should use the graded care profile when neglect is suspected.",
        "- Relaunch the graded care profile with briefings for each locality",
        "Lead: Children's Services",
        "Progress: Briefings booked in three localities.",
        "The fourth waits for a venue.",
        "By when: 31/01/2027",
        "Evidence: Number of profiles completed each quarter",
        "Action: Add the profile to the early help assessment",
        "Lead: Early Help / Health Visiting",
        "By when: Q4 2026/27",
        "",
        "Recommendation 2 - School nursing",
        "School nurses should see children missing health appointments.",
        "Lead: School Nursing Service",
        "By when: Ongoing",
        "",
        "Agreed at the partnership executive, November 2026.",
    ]).encode("utf-8")


MERGED_HEADER = ["No.", "Recommendation", "What we will do", "Target date",
                 "Lead agency", "RAG", "Update"]


def merged_rag_words() -> bytes:
    """A children's partnership table: the number and recommendation merged down over their
    action rows, the date column before the owner's, the RAG as words."""
    document = docx.Document()
    document.add_paragraph("Eastfield Safeguarding Children Partnership")
    document.add_paragraph("Child Safeguarding Practice Review: Child R - action plan")
    document.add_paragraph("Version 3, updated 2 March 2027")
    table = document.add_table(rows=6, cols=len(MERGED_HEADER))
    table.style = "Table Grid"
    rows = [
        MERGED_HEADER,
        ["1", "Professionals should hear the voice of the baby in pre-birth assessments.",
         "Revise the pre-birth assessment template", "30/04/2027", "Children's Social Care",
         "On track", "Template in draft"],
        ["", "", "Train midwives on the template", "31/07/2027", "Maternity Services",
         "At risk", "Training dates not yet set"],
        ["", "", "Audit ten assessments", "31/10/2027", "Partnership Business Unit",
         "Not started", ""],
        ["2", "Agencies should check who else lives in the home.",
         "Add household members to the referral form", "Sept 2027", "Police",
         "Complete", "Form changed in January"],
        ["", "", "Remind staff at team briefings", "Ongoing", "Health Visiting",
         "Off track", "Delayed by staff changes"],
    ]
    for table_row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(table_row.cells, texts, strict=True):
            cell.text = text
    for column in (0, 1):  # the number and the recommendation span their action rows
        table.cell(1, column).merge(table.cell(3, column))
        table.cell(4, column).merge(table.cell(5, column))
    return saved(document)
