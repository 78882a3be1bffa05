"""Word numbering given by paragraph styles, legal numbering and a list starting at 0, as
Word writes them: a style based on a numbered style, numbered headings whose levels the list
links to their styles, "1.1" under "I." (w:isLgl), three levels "2.3.1", and "0.", "1." """

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from .word_shown import number, save


@dataclass(frozen=True)
class Level:
    text: str  # w:lvlText, "%1.%2"
    fmt: str = "decimal"
    start: int = 1
    legal: bool = False  # w:isLgl
    style: str | None = None  # w:pStyle: the style numbered at this level


def add_list(document: Any, levels: list[Level]) -> str:
    """A list of these levels in the numbering part, its numId."""
    numbering = document.part.numbering_part.element
    nums = numbering.findall(qn("w:num"))
    num_id = str(max((int(n.get(qn("w:numId"))) for n in nums), default=0) + 1)
    lvls = "".join(
        f'<w:lvl w:ilvl="{index}"><w:start w:val="{level.start}"/>'
        + (f'<w:pStyle w:val="{level.style}"/>' if level.style else "")
        + ("<w:isLgl/>" if level.legal else "")
        + f'<w:numFmt w:val="{level.fmt}"/><w:lvlText w:val="{level.text}"/></w:lvl>'
        for index, level in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{200 + int(num_id)}">'
                         f'{lvls}</w:abstractNum>')
    nums[0].addprevious(abstract) if nums else numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId '
                               f'w:val="{200 + int(num_id)}"/></w:num>'))
    return num_id


def numbered_style(document: Any, name: str, *, num_id: str | None = None,
                   level: int | None = None, based_on: str | None = None) -> str:
    """A paragraph style giving a list, a level, both or neither (based_on gives the rest)."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if based_on:
        style.base_style = document.styles[based_on]
    given = (f'<w:ilvl w:val="{level}"/>' if level is not None else "") + (
        f'<w:numId w:val="{num_id}"/>' if num_id else "")
    if given:
        style.element.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}>{given}</w:numPr>'))
    return str(style.style_id)


def styles_based_on_a_numbered_style() -> bytes:
    """An adults' board's plan whose paragraphs are numbered by their styles alone: "SAR
    Recommendation" gives the list; "SAR Action" is based on it and gives only the level; an
    urgent recommendation's style is based on it and gives nothing."""
    document = docx.Document()
    document.add_paragraph("Brackley Safeguarding Adults Board")
    document.add_paragraph("Safeguarding Adults Review 'Mrs K'")
    plan = add_list(document, [Level("%1."), Level("%1.%2.")])
    numbered_style(document, "SAR Recommendation", num_id=plan, level=0)
    numbered_style(document, "SAR Action", level=1, based_on="SAR Recommendation")
    numbered_style(document, "SAR Recommendation Urgent", based_on="SAR Recommendation")
    document.styles["SAR Recommendation Urgent"].font.bold = True
    for style, text in [
        ("SAR Recommendation Urgent", "Providers should tell the council of each missed visit."),
        ("SAR Action", "Add missed visits to the contract monitoring return "
                       "(Brackley Council Commissioning, 31/01/2028)"),
        ("SAR Action", "Audit a sample of missed visits (Adult Social Care, April 2028)"),
        ("SAR Recommendation", "Hospitals should check a patient's care package before discharge."),
        ("SAR Action", "Add the care package to the discharge checklist "
                       "(Brackley Hospitals NHS Trust, 30/06/2028)"),
    ]:
        document.add_paragraph(text, style=style)
    return save(document)


def styles_linked_to_levels() -> bytes:
    """A children's partnership's table: the "No." cells in a numbered style of their own,
    the actions in another style of the same list; neither style names a level, the list links
    each level to its style, as Word's numbered headings are linked."""
    document = docx.Document()
    document.add_paragraph("Ashby Safeguarding Children Partnership")
    plan = add_list(document, [Level("%1", style="PlanNo"),
                               Level("%1.%2", style="PlanAction")])
    numbered_style(document, "Plan No", num_id=plan)
    numbered_style(document, "Plan Action", num_id=plan)
    rows = [("Schools should record every disclosure the same day.",
             ["Publish a disclosure recording template", "Check the records at each audit"],
             "Education Safeguarding Team", "December 2027"),
            ("The police should share domestic abuse notifications with schools.",
             ["Join Operation Encompass"], "Ashby Police", "31/03/2028")]
    table = document.add_table(rows=1 + len(rows), cols=5)
    for cell, text in zip(table.rows[0].cells, ["No.", "Recommendation", "Actions", "Lead",
                                                 "By when"], strict=True):
        cell.text = text
    for table_row, (recommendation, actions, lead, due) in zip(table.rows[1:], rows, strict=True):
        cells = table_row.cells
        cells[0].paragraphs[0].style = document.styles["Plan No"]
        cells[1].text = recommendation
        cells[2].paragraphs[0].text = actions[0]
        cells[2].paragraphs[0].style = document.styles["Plan Action"]
        for action in actions[1:]:
            cells[2].add_paragraph(action, style="Plan Action")
        cells[3].text, cells[4].text = lead, due
    return save(document)


def legal_numbered_table() -> bytes:
    """A composite plan's table: each theme a row merged across, numbered "I.", "II." by
    Word; its recommendations' refs numbered legal style under it, "1.1" not "I.1"."""
    document = docx.Document()
    document.add_paragraph("Carrow Safeguarding Children Partnership")
    document.add_paragraph("Composite Action Plan 2027")
    plan = add_list(document, [Level("%1.", fmt="upperRoman"), Level("%1.%2", legal=True)])
    themes = [("Information sharing", [
        ("Health should share pre-birth assessments with children's social care.", "ICB"),
        ("Schools should pass on records within five days of a move.", "Education")]),
        ("Neglect", [("Practitioners should use the neglect toolkit at every visit.",
                      "Children's Social Care")])]
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Ref", "Recommendation", "Lead agency"],
                          strict=True):
        cell.text = text
    for theme, recommendations in themes:
        merged = table.add_row().cells
        merged[0].merge(merged[2]).text = theme
        number(merged[0].paragraphs[0], plan, 0)
        for recommendation, lead in recommendations:
            cells = table.add_row().cells
            number(cells[0].paragraphs[0], plan, 1)
            cells[1].text, cells[2].text = recommendation, lead
    return save(document)


def three_levels() -> bytes:
    """A plan in paragraphs numbered three levels deep, legal style with trailing points
    ("2.", "2.1.", "2.1.1."): a theme, a recommendation, an action with its lead and date."""
    document = docx.Document()
    document.add_paragraph("Dunmere Community Safety Partnership")
    document.add_paragraph("Domestic Homicide Review: Jean")
    plan = add_list(document, [Level("%1."), Level("%1.%2.", legal=True),
                               Level("%1.%2.%3.", legal=True)])
    for level, text in [
        (0, "Risk assessment"),
        (1, "Agencies should complete a DASH risk assessment at every disclosure."),
        (2, "Train frontline staff in DASH (Dunmere Police, 31/03/2028)"),
        (2, "Audit DASH completion rates (Dunmere Council, June 2028)"),
        (0, "Housing"),
        (1, "Housing should ask about domestic abuse at every tenancy review."),
        (2, "Add the question to the tenancy review form (Dunmere Homes, 30/09/2027)"),
    ]:
        number(document.add_paragraph(text), plan, level)
    return save(document)


def list_from_zero() -> bytes:
    """A table whose "No." column Word numbers from 0 (w:start 0): "0", "1", "2"."""
    document = docx.Document()
    document.add_paragraph("Eldon Safeguarding Adults Board")
    document.add_paragraph("SAR Mr P action plan")
    plan = add_list(document, [Level("%1", start=0)])
    rows = [("Review the self-neglect protocol.", "Adult Social Care", "March 2028"),
            ("Hoarding should be assessed with the fire service.", "Eldon Fire and Rescue",
             "June 2028"),
            ("GPs should record capacity assessments.", "ICB", "30/09/2028")]
    table = document.add_table(rows=1 + len(rows), cols=4)
    for cell, text in zip(table.rows[0].cells, ["No.", "Recommendation", "Lead", "Target date"],
                          strict=True):
        cell.text = text
    for table_row, texts in zip(table.rows[1:], rows, strict=True):
        number(table_row.cells[0].paragraphs[0], plan)
        for cell, text in zip(table_row.cells[1:], texts, strict=True):
            cell.text = text
    return save(document)
