"""Word and PDF plans as boards' business managers keep them, unlike the seeds and the other
unseen layouts: a landscape SMART table with the lead officer as "Name, Role, Agency"; a
heading per recommendation with a key/value table per action; a plan with a cover page,
a contents page and tracked changes and comments left in; a table inside the action cell;
one column giving the lead and the timescale;
a PDF exported from Word whose rows split across pages under a repeated header; and a
narrow portrait PDF whose cells wrap heavily, with the RAG key printed beside it."""

from __future__ import annotations

from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsmap, qn

from .writing import saved, tracked, word_table

SMART_HEADER = ["No.", "Recommendation", "Specific", "Measurable", "Achievable",
                "Relevant", "Time-bound", "Lead officer", "RAG"]


def smart_table() -> bytes:
    """A safeguarding adults board's plan in landscape: SMART columns, the lead officer as
    "Name, Role, Agency", dates as the board writes them."""
    document = docx.Document()
    _landscape(document)
    document.add_paragraph("Greyford Safeguarding Adults Board")
    document.add_paragraph("SAR 'Ruth' - SMART action plan")
    document.add_paragraph("Last updated: 3 October 2025")
    rows = [
        SMART_HEADER,
        ["1", "Agencies should apply the self-neglect pathway when an adult declines care.",
         "Relaunch the self-neglect pathway with a practice briefing",
         "Briefing attendance; pathway referrals counted each quarter",
         "Within existing training budget", "Self-neglect featured in three SARs",
         "End of Q2 2025/26", "Priya Shah, Head of Safeguarding, Adult Social Care", "Amber"],
        ["2", "Hospital discharge should include a check of the home.",
         "Add a home condition check to the discharge checklist",
         "Audit of 20 discharges shows the check recorded",
         "Ward managers agreed", "Mrs R was discharged to an unheated home",
         "Sept 25", "Tom Ellis, Discharge Lead, Greyford Hospitals NHS Trust", "Green"],
        ["3", "The board should hear how practitioners use the learning.",
         "Report on the learning to each board meeting", "Report received and minuted",
         "Business unit capacity", "Board assurance", "By next board",
         "Ann Cole, Business Manager, Greyford SAB", "Green"],
        ["4", "Carers should be offered an assessment.",
         "Remind practitioners of carers' assessments in supervision",
         "Supervision audit", "Yes", "Carer was not assessed", "ongoing",
         "Sam Reid, Principal Social Worker, Adult Social Care", "Red"],
    ]
    word_table(document, rows)
    return saved(document)


def action_forms_under_headings() -> bytes:
    """A children's partnership's plan: each recommendation a heading with its text under
    it, then a two-column table per action: "Action", "Lead", "By when", "Evidence of
    impact" (and "Update" when there is one)."""
    document = docx.Document()
    document.add_heading("Ashcombe Safeguarding Children Partnership", level=0)
    document.add_paragraph("Child Safeguarding Practice Review: Child J")
    document.add_paragraph("Action plan - March 2026")
    recommendations = [
        ("Recommendation 1 - Bruising in babies",
         "All agencies should refer bruising in a non-mobile baby.",
         [[("Action", "Re-issue the bruising protocol to GP practices"),
           ("Lead", "Designated Nurse"), ("By when", "30/04/2026"),
           ("Evidence of impact", "Referrals of bruised babies audited at six months")],
          [("Action", "Add the protocol to the health visitor induction"),
           ("Lead", "0-19 Service"), ("By when", "Summer 2026"),
           ("Evidence of impact", "Induction pack updated"),
           ("Update", "Induction pack in draft")]]),
        ("Recommendation 2 - Fathers",
         "Practitioners should seek out the father of every baby.",
         [[("Action", "Add fathers to the midwifery booking form"),
           ("Lead", "Ashcombe Maternity Services"), ("By when", "End of Q3 2026/27"),
           ("Evidence of impact", "Fathers' details recorded in 80% of bookings")]]),
    ]
    for heading, text, forms in recommendations:
        document.add_heading(heading, level=2)
        document.add_paragraph(text)
        for form in forms:
            table = document.add_table(rows=len(form), cols=2)
            table.style = "Table Grid"
            for table_row, (label, value) in zip(table.rows, form, strict=True):
                table_row.cells[0].text = label
                table_row.cells[1].text = value
            document.add_paragraph("")
    return saved(document)


TRACKED_HEADER = ["Ref", "Recommendation", "Action", "Owner", "Deadline", "Status"]


def cover_contents_and_tracked_changes() -> bytes:
    """A domestic homicide review's plan as circulated in draft: a cover page (the board's
    name in a text box) and a contents page, each in a content control as Word inserts
    them, an introduction, then the table with tracked insertions and deletions and a
    comment still in it."""
    document = docx.Document()
    cover = [text_box(document.add_paragraph(), "Brookvale Community Safety Partnership")]
    cover += [document.add_paragraph(text) for text in (
        "Domestic Homicide Review: Linda", "Action plan - DRAFT v0.4 for the DHR panel",
        "Official - Sensitive")]
    cover.append(document.add_paragraph())
    cover[-1].add_run().add_break(WD_BREAK.PAGE)
    content_control([p._p for p in cover], "Cover Pages")
    contents = [document.add_paragraph("Contents")] + [document.add_paragraph(entry) for entry in (
        "1. Introduction\t2", "2. Action plan\t3", "Appendix A: Glossary\t5")]
    contents.append(document.add_paragraph())
    contents[-1].add_run().add_break(WD_BREAK.PAGE)
    content_control([p._p for p in contents], "Table of Contents")
    document.add_heading("1. Introduction", level=1)
    document.add_paragraph("This plan responds to the review's four recommendations. "
                           "The panel agreed it on 4 February 2026.")
    document.add_heading("2. Action plan", level=1)
    table = document.add_table(rows=4, cols=len(TRACKED_HEADER))
    table.style = "Table Grid"
    rows = [TRACKED_HEADER,
            ["R1", "Agencies should ask about economic abuse.",
             "Add economic abuse questions to the DASH training", "Police",
             "31/05/2026", "In progress"],
            ["R2", "GPs should record when a patient discloses abuse.",
             "Issue a coding guide to GP practices", "Integrated Care Board",
             "30/06/2026", "Not started"],
            ["R3", "Housing should share concerns with MARAC.",
             "Name a housing lead for MARAC", "Brookvale Homes", "Ongoing", "Complete"]]
    for table_row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(table_row.cells, texts, strict=True):
            cell.text = text
    # The writer's own edits left in: a date changed, an owner added, words struck out.
    _track(table.cell(1, 4).paragraphs[0], deleted="31/03/2026", inserted=None)
    _track(table.cell(2, 3).paragraphs[0], deleted=None, inserted=" and GP Federation")
    _track(table.cell(2, 2).paragraphs[0], deleted=" and the coding training", inserted=None)
    document.add_comment(table.cell(3, 2).paragraphs[0].runs, text="Is this the right lead?",
                         author="Panel chair", initials="PC")
    document.add_paragraph("Appendix A: Glossary")
    document.add_paragraph("MARAC - multi-agency risk assessment conference")
    return saved(document)


_BOX = """<w:r xmlns:w="{w}" xmlns:mc="{mc}" xmlns:wps="{wps}" xmlns:v="urn:schemas-microsoft-com:vml">
  <mc:AlternateContent>
    <mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>
      <w:p><w:r><w:t>{text}</w:t></w:r></w:p>
    </w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>
    <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
      <w:p><w:r><w:t>{text}</w:t></w:r></w:p>
    </w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
  </mc:AlternateContent>
</w:r>"""


def text_box(paragraph: Any, text: str) -> Any:
    """A text box anchored in the paragraph, saved as Word saves one: a drawing, and the
    same box again as a picture for older readers."""
    paragraph._p.append(parse_xml(_BOX.format(
        w=nsmap["w"], text=text, mc="http://schemas.openxmlformats.org/markup-compatibility/2006",
        wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape")))
    return paragraph


def content_control(elements: list[Any], gallery: str | None = None) -> None:
    """Paragraphs or tables moved into a content control (<w:sdt>), as Word inserts its
    cover pages and tables of contents, and as templates hold their fields."""
    sdt, properties, content = (OxmlElement(tag) for tag in ("w:sdt", "w:sdtPr",
                                                             "w:sdtContent"))
    if gallery:
        part, part_gallery = OxmlElement("w:docPartObj"), OxmlElement("w:docPartGallery")
        part_gallery.set(qn("w:val"), gallery)
        part.append(part_gallery)
        properties.append(part)
    sdt.extend([properties, content])
    elements[0].addprevious(sdt)
    content.extend(elements)


def _track(paragraph: Any, deleted: str | None, inserted: str | None) -> None:
    """A tracked deletion and insertion at the end of a paragraph, either left out if None."""
    for kind, text in (("w:del", deleted), ("w:ins", inserted)):
        if text is not None:
            tracked(paragraph, kind, text)


NESTED_HEADER = ["Recommendation", "Actions", "Progress", "RAG"]


def nested_action_tables() -> bytes:
    """A safeguarding adults board's plan whose action cell holds a table of its own: one
    row an action, with its lead and date."""
    document = docx.Document()
    document.add_paragraph("Fenmoor Safeguarding Adults Board")
    document.add_paragraph("SAR Mr B: action plan, November 2025")
    table = document.add_table(rows=3, cols=len(NESTED_HEADER))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, NESTED_HEADER, strict=True):
        cell.text = text
    plan = [
        ("1. Agencies should check what an adult's refusals mean.",
         [("Action", "Lead", "By"),
          ("Publish guidance on repeated refusals", "Adult Social Care", "31/01/2026"),
          ("Audit ten refusals", "SAB Business Unit", "Q4 2025/26")],
         "Guidance drafted", "Amber"),
        ("2. Ambulance crews should report self-neglect.",
         [("Action", "Lead", "By"),
          ("Add self-neglect to the crew referral app", "Ambulance Service", "Sept 26")],
         "", "Red"),
    ]
    for table_row, (recommendation, actions, progress, rag) in zip(
            table.rows[1:], plan, strict=True):
        recommendation_cell, action_cell, progress_cell, rag_cell = table_row.cells
        recommendation_cell.text = recommendation
        inner = action_cell.add_table(rows=len(actions), cols=3)
        inner.style = "Table Grid"
        for inner_row, texts in zip(inner.rows, actions, strict=True):
            for cell, text in zip(inner_row.cells, texts, strict=True):
                cell.text = text
        progress_cell.text = progress
        rag_cell.text = rag
    return saved(document)


def lead_and_timescale() -> bytes:
    """A children's partnership's plan whose one column gives the lead and the timescale,
    each on a line of its own (one lead without a date, one date without a lead)."""
    document = docx.Document()
    document.add_paragraph("Northvale Safeguarding Children Partnership")
    document.add_paragraph("LCSPR Child H - action plan")
    rows = [("Recommendation", "Action", "Lead / timescale", "Update"),
            ("1. Schools should share attendance concerns.", "Agree an attendance alert",
             ["Education Welfare", "End of Q2 2025/26"], "Started"),
            ("2. GPs should code concerns.", "Send the coding guide",
             ["Integrated Care Board", "By next board"], ""),
            ("", "Audit the codes", ["Designated Doctor"], ""),
            ("3. Health visitors should see fathers.", "Add fathers to the contact template",
             ["Ongoing"], "")]
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for table_row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(table_row.cells, texts, strict=True):
            lines = [text] if isinstance(text, str) else text
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    return saved(document)


SPLIT_HEADER = ["Ref", "Recommendation", "Action", "Lead agency", "Due", "Update"]


def split_rows_pdf(rows: int = 6) -> bytes:
    """A plan saved as PDF from Word: portrait, ruled, the header repeated on each page and
    long rows split across the page break."""
    from weasyprint import HTML

    body = "".join(
        "<tr>" + "".join(f"<td>{text}</td>" for text in _split_row(number)) + "</tr>"
        for number in range(1, rows + 1))
    head = "".join(f"<th>{text}</th>" for text in SPLIT_HEADER)
    page = f"""<html><head><style>
      @page {{ size: A4; margin: 20mm; }}
      body {{ font-family: serif; font-size: 10pt; }}
      table {{ border-collapse: collapse; width: 100%; }}
      th, td {{ border: 0.5pt solid black; padding: 2pt; vertical-align: top; }}
      tr {{ page-break-inside: auto; }}
    </style></head><body>
      <p>Marshfield Safeguarding Children Partnership</p>
      <p>Local Child Safeguarding Practice Review Child E - action plan</p>
      <table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
    </body></html>"""
    return bytes(HTML(string=page).write_pdf())


def _split_row(number: int) -> list[str]:
    update = " ".join(f"Meeting {n} held with the school leads and notes circulated."
                      for n in range(1, 9)) if number % 3 == 0 else "Started"
    return [f"{number}", f"Schools should share attendance concerns about child {number} "
            "with the social worker.",
            f"Agree an attendance alert with school cluster {number}",
            "Education Welfare Service" if number % 2 else "Children's Social Care",
            f"{number:02d}/07/2026", update]


def narrow_wrapped_pdf() -> bytes:
    """A portrait plan with narrow columns, every cell wrapped over several lines, and the
    RAG key printed as a small table beside the plan's."""
    from weasyprint import HTML

    rows = [
        ("1", "Practitioners should consider the impact of parental alcohol use on the "
              "children in the household", "Deliver alcohol awareness sessions to "
              "children's social care teams and early help", "Public Health Drug and "
              "Alcohol Commissioning Team", "End of Q1 2026/27", "Amber"),
        ("2", "Agencies should share information about domestic abuse with schools the "
              "next working day", "Extend the Operation Encompass notifications to "
              "nurseries and colleges", "Police and Education Safeguarding Team",
              "Ongoing", "Green"),
    ]
    header = ("No.", "Recommendation", "Action", "Lead", "Target", "RAG")
    plan = _html_table(header, rows, widths=(8, 28, 28, 18, 12, 6))
    key = _html_table(("RAG", "Meaning"), [("Red", "Not started"), ("Amber", "In progress"),
                                           ("Green", "Complete")], widths=(40, 60))
    page = f"""<html><head><style>
      @page {{ size: A4; margin: 15mm; }}
      body {{ font-family: sans-serif; font-size: 9pt; }}
      table {{ border-collapse: collapse; }}
      th, td {{ border: 0.5pt solid black; padding: 2pt; vertical-align: top; }}
      .plan {{ float: left; width: 128mm; }}
      .key {{ float: right; width: 40mm; }}
    </style></head><body>
      <p>Oakbridge Safeguarding Children Partnership</p>
      <p>Rapid Review Child M - actions</p>
      <div class="plan">{plan}</div><div class="key">{key}</div>
    </body></html>"""
    return bytes(HTML(string=page).write_pdf())


def _html_table(header: tuple[str, ...], rows: list[tuple[str, ...]],
                widths: tuple[int, ...]) -> str:
    head = "".join(f"<th style='width:{w}%'>{t}</th>" for t, w in zip(header, widths,
                                                                      strict=True))
    body = "".join("<tr>" + "".join(f"<td>{t}</td>" for t in row) + "</tr>" for row in rows)
    return f"<table style='width:100%'><tr>{head}</tr>{body}</table>"


def _landscape(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
