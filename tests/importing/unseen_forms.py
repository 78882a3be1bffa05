"""Word and text plans laid out as forms and numbered paragraphs, unlike the seeds and the
first unseen layouts: a table turned on its side (one column a recommendation, its fields
down the first column), one two-column "field | value" table a recommendation, paragraphs
numbered 1., 1.1, 1.1.1 with the owner and date in brackets at the end of the line, and the
same numbering typed as plain text."""

from __future__ import annotations

from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from .writing import saved


def transposed_table() -> bytes:
    """A children's partnership's plan: each column a recommendation, the fields named down
    the first column; the actions of a recommendation as bullets, their owners and dates
    in the same order."""
    document = docx.Document()
    document.add_paragraph("Westbrook Safeguarding Children Partnership")
    document.add_paragraph("Local Child Safeguarding Practice Review: Child K - action plan")
    document.add_paragraph("Agreed April 2027")
    rows = [
        ["", "Recommendation 1", "Recommendation 2", "Recommendation 3"],
        ["Finding", "Bruising in a non-mobile baby was not referred.",
         "The father was not seen by any agency.", "Records were not shared at transfer."],
        ["Recommendation", "All agencies should follow the bruising protocol.",
         "Practitioners should ask about every adult in the household.",
         "Health records should move with the child between areas."],
        ["Actions", ["Re-launch the bruising protocol", "Audit referrals of bruised babies"],
         ["Add fathers to the health visiting contact template"],
         ["Agree a transfer-in checklist with neighbouring areas"]],
        ["Lead agency", ["Westbrook Partnership Business Unit", "Health"],
         "Health Visiting", "Westbrook NHS Foundation Trust"],
        ["Target date", ["30/06/2027", "30/09/2027"], "Summer 2027", "31/12/2027"],
        ["RAG", "Green", "Amber", "Red"],
    ]
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for table_row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(table_row.cells, texts, strict=True):
            _fill(cell, text)
    return saved(document)


def form_tables(lead: str = "Lead") -> bytes:
    """A safeguarding adults board's plan: one two-column table a recommendation, "field |
    value", the second recommendation with two actions each followed by its own fields."""
    document = docx.Document()
    document.add_paragraph("Lakeside Safeguarding Adults Board")
    document.add_paragraph("Safeguarding Adults Review: Mr H")
    document.add_paragraph("Action plan, version 2, May 2027")
    forms = [
        [("Recommendation 1", "The board should seek assurance that self-neglect is "
                              "recognised in people who refuse care."),
         ("Action", "Publish self-neglect practice guidance"),
         (lead, "Adult Social Care"), ("By when", "31/08/2027"),
         ("Progress", "Draft with the policy group."), ("RAG", "Amber")],
        [("Recommendation 2", "Housing and health should share concerns about hoarding."),
         ("Action", "Add hoarding to the housing referral form"),
         (lead, "Lakeside Homes"), ("By when", "October 2027"),
         ("Action", "Train district nurses on the clutter scale"),
         (lead, "Community Health Services"), ("By when", "31/01/2028"),
         ("Progress", "Not started")],
    ]
    for form in forms:
        document.add_paragraph("")
        table = document.add_table(rows=len(form), cols=2)
        table.style = "Table Grid"
        for table_row, (label, value) in zip(table.rows, form, strict=True):
            table_row.cells[0].text = label
            table_row.cells[1].text = value
    return saved(document)


def numbered_paragraphs() -> bytes:
    """An adults' board plan of numbered paragraphs: 1. a theme, 1.1 a recommendation,
    1.1.1 an action with its owner and date in brackets at the end of the line."""
    document = docx.Document()
    document.add_heading("Southgate Safeguarding Adults Board", level=0)
    document.add_paragraph("Safeguarding Adults Review: Mrs F - action plan")
    document.add_paragraph("June 2027")
    for text in [
        "1. Carers",
        "1.1 Agencies should see a carer's stress as a risk to the adult they care for.",
        "1.1.1 Add carer stress to the adult safeguarding training (Adult Social Care, "
        "31/03/2028)",
        "1.1.2 Offer every carer of a person with dementia an assessment "
        "(Southgate Carers Centre; by December 2027)",
        "1.2 GPs should record who cares for a patient.",
        "1.2.1 Flag carers on the GP record (Integrated Care Board, Q3 2027/28)",
        "2. Hospital discharge",
        "2.1 Discharge should not go ahead until the home has been checked.",
        "2.1.1 Add a home check to the discharge checklist (Southgate Hospitals NHS Trust, "
        "Ongoing)",
    ]:
        document.add_paragraph(text)
    document.add_paragraph("Approved by the board's executive group.")
    return saved(document)


def numbered_text() -> bytes:
    """The same numbering typed as plain text by another board, two levels deep: 1. a
    recommendation, 1.1 an action, the lead after a dash in brackets."""
    return "\n".join([
        "Harbour Community Safety Partnership",
        "Domestic Homicide Review: Ellen",
        "",
        "1. Agencies should ask older women about domestic abuse.",
        "1.1 Add older women to the domestic abuse training - (Harbour Council, June 2027)",
        "1.2 Put the helpline in GP waiting rooms (Integrated Care Board)",
        "",
        "2. The police should check for previous incidents at every call-out.",
        "2.1 Brief response officers on the history check (Police, 30/09/2027)",
    ]).encode("utf-8")


def shaded_rag(header: tuple[str, ...] = ("Ref", "Recommendation", "Action", "Lead",
                                         "Due", "RAG")) -> bytes:
    """A Word table whose RAG column is shaded red, amber or green, with no words in it,
    one cell shaded a colour that is no rating."""
    document = docx.Document()
    document.add_paragraph("Kingsmead Safeguarding Children Partnership")
    rows = [header,
            ("1", "Schools should record every disclosure.", "Issue a recording template",
             "Education", "31/03/2027", "00B050"),
            ("", "", "Audit ten schools' records", "Education", "31/07/2027", "FFC000"),
            ("2", "GPs should code safeguarding concerns.", "Send the coding guide", "Health",
             "30/04/2027", "FF0000"),
            ("3", "Police should attend strategy meetings.", "Name a police lead",
             "Police", "30/06/2027", "7030A0")]
    table = document.add_table(rows=len(rows), cols=len(header))
    table.style = "Table Grid"
    for number, (table_row, texts) in enumerate(zip(table.rows, rows, strict=True)):
        for column, (cell, text) in enumerate(zip(table_row.cells, texts, strict=True)):
            if column == len(header) - 1 and number:
                _shade(cell, text)
            else:
                cell.text = text
    return saved(document)


def _shade(cell: Any, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _fill(cell: Any, value: str | list[str]) -> None:
    if isinstance(value, str):
        cell.text = value
        return
    cell.text = value[0]
    cell.paragraphs[0].style = "List Bullet"
    for text in value[1:]:
        cell.add_paragraph(text, style="List Bullet")
