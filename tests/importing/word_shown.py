"""What Word shows that is no typed text: numbers drawn from the numbering part and cells'
shading. Paragraphs numbered 1., 1.1 by a list of two levels; a table whose "No." column is
numbered I., II. and whose action cells are lettered a), b), starting again in each cell;
forms whose RAG row is shaded cells with no words."""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

# (numFmt, lvlText) of each level of a list written into the numbering part.
Levels = list[tuple[str, str]]


def add_list(document: Any, levels: Levels, *, restart_of: str | None = None) -> str:
    """A list in the document's numbering part, its numId: levels of its own, or (restart_of)
    the abstract list of another numId begun again at 1, as Word writes "Restart at 1"."""
    numbering = document.part.numbering_part.element
    nums = numbering.findall(qn("w:num"))
    num_id = str(max((int(n.get(qn("w:numId"))) for n in nums), default=0) + 1)
    if restart_of is None:
        abstract_id = str(100 + int(num_id))
        lvls = "".join(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>' for level, (fmt, text) in enumerate(levels))
        abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                             f'{lvls}</w:abstractNum>')
        nums[0].addprevious(abstract) if nums else numbering.append(abstract)
        override = ""
    else:
        first = next(n for n in nums if n.get(qn("w:numId")) == restart_of)
        abstract_id = first.find(qn("w:abstractNumId")).get(qn("w:val"))
        override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId '
                               f'w:val="{abstract_id}"/>{override}</w:num>'))
    return num_id


def number(paragraph: Any, num_id: str, level: int = 0) -> None:
    """Number a paragraph from a list, as Word does: its pPr names the list and the level."""
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def numbered_by_word() -> bytes:
    """An adults' board's plan of paragraphs numbered by Word: 1. a recommendation, 1.1 an
    action with its lead and date in brackets; the board's typed text holds no number."""
    document = docx.Document()
    document.add_paragraph("Moorvale Safeguarding Adults Board")
    document.add_paragraph("Safeguarding Adults Review: Mr D")
    plan = add_list(document, [("decimal", "%1."), ("decimal", "%1.%2")])
    for level, text in [
        (0, "Agencies should treat repeated falls as a safeguarding concern."),
        (1, "Add falls to the safeguarding referral guidance (Adult Social Care, 31/03/2028)"),
        (1, "Train care home staff on when a fall is neglect (Moorvale Council, June 2028)"),
        (0, "Hospitals should tell the GP of every fall seen in the emergency department."),
        (1, "Send the GP a discharge letter for each fall (Moorvale Hospitals NHS Trust, "
            "30/09/2027)"),
    ]:
        number(document.add_paragraph(text), plan, level)
    return save(document)


def numbered_table() -> bytes:
    """A children's partnership's table: the "No." column numbered by Word in capital Roman
    numerals (its cells hold no typed text), each action cell a list lettered a), b) that
    Word starts again at a) in each cell."""
    document = docx.Document()
    document.add_paragraph("Fenbridge Safeguarding Children Partnership")
    document.add_paragraph("Child Safeguarding Practice Review: Child E")
    roman = add_list(document, [("upperRoman", "%1.")])
    letters = add_list(document, [("lowerLetter", "%1)")])
    rows = [
        ("Schools should refer every child missing education for ten days.",
         ["Add the ten-day rule to the attendance policy", "Brief every designated lead"],
         "Fenbridge Council", "31/12/2027"),
        ("Health visitors should see every child under two whose family moves in.",
         ["Share new GP registrations with health visiting"], "Integrated Care Board",
         "March 2028"),
    ]
    table = document.add_table(rows=1 + len(rows), cols=5)
    for cell, text in zip(table.rows[0].cells, ["No.", "Recommendation", "Action", "Lead", "Due"],
                          strict=True):
        cell.text = text
    for table_row, (recommendation, actions, lead, due) in zip(table.rows[1:], rows, strict=True):
        cells = table_row.cells
        number(cells[0].paragraphs[0], roman)
        cells[1].text = recommendation
        cell_list = letters if table_row is table.rows[1] else add_list(
            document, [], restart_of=letters)
        for index, action in enumerate(actions):
            paragraph = cells[2].paragraphs[0] if index == 0 else cells[2].add_paragraph()
            paragraph.text = action
            number(paragraph, cell_list)
        cells[3].text, cells[4].text = lead, due
    return save(document)


def shaded_rag_rows(data: bytes, fills: list[str]) -> bytes:
    """The document with each form's "RAG" row emptied of words and shaded instead, each
    cell beside the label taking the next of fills."""
    document = docx.Document(io.BytesIO(data))
    left = iter(fills)
    for table in document.tables:
        for table_row in table.rows:
            if table_row.cells[0].text.strip() != "RAG":
                continue
            for cell in table_row.cells[1:]:
                cell.text = ""
                shading = OxmlElement("w:shd")
                shading.set(qn("w:val"), "clear")
                shading.set(qn("w:fill"), next(left))
                cell._tc.get_or_add_tcPr().append(shading)
    return save(document)


def save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
