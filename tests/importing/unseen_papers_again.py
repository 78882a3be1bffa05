"""The rules the plans of unseen_papers.py needed, each in another layout: a Word plan of a
heading, a paragraph and a table of actions a recommendation; a prose plan with tracked
changes; a CSV export with SMART headings lettered "S - Specific"; tables inside cells with
another header, and with none; a landscape PDF whose header is not repeated, a row cut at
the page's foot; and a PDF with a document-control box beside the plan."""

from __future__ import annotations

import docx

from .unseen_papers import content_control, text_box
from .writing import saved, tracked


def headings_over_tables() -> bytes:
    """An adults' board's plan: the board's name in a text box; each recommendation a
    heading and a paragraph, then a table of its actions with a header of its own, the
    second table in a content control (the template's)."""
    document = docx.Document()
    text_box(document.add_paragraph(), "Linmouth Safeguarding Adults Board")
    document.add_paragraph("SAR 'Joan' - action plan")
    plan = [
        ("Recommendation 1: Pressure care", "Care homes should report every grade 3 sore.",
         "The review found three sores that were not reported.",
         [("Issue reporting guidance to care homes", "Quality Team", "30/09/2026")]),
        ("Recommendation 2: Advocacy", "Every adult without family should have an advocate.",
         None,
         [("Commission an advocacy service", "Linmouth Council", "31/03/2027"),
          ("Audit advocacy referrals", "Linmouth SAB", "Ongoing")]),
    ]
    for heading, text, more, actions in plan:
        document.add_heading(heading, level=3)
        document.add_paragraph(text)
        if more:
            document.add_paragraph(more)
        table = document.add_table(rows=len(actions) + 1, cols=3)
        table.style = "Table Grid"
        for table_row, texts in zip(table.rows, [("Action", "Owner", "Due"), *actions],
                                    strict=True):
            for cell, value in zip(table_row.cells, texts, strict=True):
                cell.text = value
        if len(actions) > 1:
            content_control([table._tbl])
    document.add_paragraph("Next review: the board's meeting in January.")
    return saved(document)


def tracked_prose() -> bytes:
    """A plan written as prose, sent back with tracked changes: a target date struck out and
    a new one typed in, a word added to an action, a lead agency's line deleted whole."""
    document = docx.Document()
    document.add_heading("Sandmere Safeguarding Children Partnership", level=0)
    document.add_paragraph("Rapid Review Baby L - action plan")
    document.add_heading("Recommendation 1: Safe sleep", level=1)
    action = document.add_paragraph("Repeat safe sleep advice", style="List Bullet")
    tracked(action, "w:ins", " at every home visit", "Designated Nurse")
    document.add_paragraph("Lead agency: Health Visiting")
    lead = document.add_paragraph()
    tracked(lead, "w:del", "Lead agency: Children's Centres", "Designated Nurse")
    due = document.add_paragraph("Target date: ")
    tracked(due, "w:del", "June 2026", "Designated Nurse")
    tracked(due, "w:ins", "September 2026", "Designated Nurse")
    return saved(document)


def lettered_smart_csv() -> bytes:
    """A tracker's export whose headings are the SMART letters with their words."""
    return "\n".join([
        "Ref,Recommendation,S - Specific action,M - Measurable,A - Achievable,"
        "R - Relevant,T - Timebound,Lead",
        "1,Schools should log every disclosure.,Issue a logging template,"
        "Templates in use in 9 of 10 schools,Yes,Two disclosures went unlogged,"
        "Sept 26,Riverton LSCP",
        "2,GPs should code concerns.,Send the coding guide,Coding audit,Yes,"
        "GP records were silent,End of Q3 2026/27,Integrated Care Board",
    ]).encode("utf-8")


def who_and_when_csv() -> bytes:
    """An export whose "Who and when" cells hold the owner and the date on lines of their
    own, the date first in one."""
    return (b'Ref,Recommendation,Action,Who and when\n'
            b'1,Share records.,Write a protocol,"Police\n31/03/2027"\n'
            b'2,Train staff.,Run sessions,"Quarterly\nAdult Social Care"\n')


def inner_tables_two_ways(first_header: bool = True) -> bytes:
    """A children's partnership's plan: the "Delivery" cell of the first recommendation
    holds a table headed "What | Who | When" (unless not first_header); the second's holds
    a table with no header, one row an action written out; the third's plain words."""
    document = docx.Document()
    document.add_paragraph("Westmere Safeguarding Children Partnership")
    document.add_paragraph("Rapid Review Child P - action plan")
    table = document.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Ref", "Recommendation", "Delivery"),
                          strict=True):
        cell.text = text
    plan: list[tuple[str, str, list[tuple[str, ...]] | str]] = [
        ("1", "Neglect should be assessed with the graded care profile.",
         [("What", "Who", "When"), ("Train social workers on the profile", "Westmere Council",
                                    "31/12/2026")]),
        ("2", "Health visitors should see the home.",
         [("Add a home visit to the 6-8 week check",), ("Audit home visits each quarter",)]),
        ("3", "The partnership should hear from families.", "Hold two family forums a year"),
    ]
    if not first_header:
        plan[0] = (*plan[0][:2], plan[0][2][1:])
    for table_row, (ref, recommendation, delivery) in zip(table.rows[1:], plan, strict=True):
        table_row.cells[0].text = ref
        table_row.cells[1].text = recommendation
        if isinstance(delivery, str):
            table_row.cells[2].text = delivery
            continue
        inner = table_row.cells[2].add_table(rows=len(delivery), cols=len(delivery[0]))
        for inner_row, texts in zip(inner.rows, delivery, strict=True):
            for cell, text in zip(inner_row.cells, texts, strict=True):
                cell.text = text
    return saved(document)


def header_once_pdf(long_row: int = 7, rows: int = 9) -> bytes:
    """A landscape PDF whose header is printed once: a row that does not fit is cut at the
    page's foot, its rest at the top of the next page under no rule; one row's evidence
    is a list of lines, cut between two of them."""
    from weasyprint import HTML

    body = "".join(
        "<tr>" + "".join(f"<td>{text}</td>" for text in _header_once_row(n, long_row)) + "</tr>"
        for n in range(1, rows + 1))
    header = "".join(f"<td>{text}</td>" for text in (
        "No.", "Learning point", "Action", "Lead", "By when", "Evidence of impact"))
    page = f"""<html><head><style>
      @page {{ size: A4 landscape; margin: 12mm; }}
      body {{ font-size: 10pt; }}
      table {{ border-collapse: collapse; width: 100%; }}
      td {{ border: 0.75pt solid #444; padding: 3pt; vertical-align: top; }}
    </style></head><body>
      <p>Kestrel Vale Safeguarding Adults Board</p><p>SAR Adult V - action plan</p>
      <table><tr>{header}</tr>{body}</table>
    </body></html>"""
    return bytes(HTML(string=page).write_pdf())


def _header_once_row(number: int, long_row: int) -> list[str]:
    evidence = ("<br>".join(f"Audit {k}: the question was asked in 9 of 10 files."
                            for k in range(1, 31)) if number == long_row
                else "Audit of case files")
    return [f"A{number}", f"Learning point {number}: the adult was not asked",
            f"Brief teams on point {number}", "Police" if number % 2 else "Adult Social Care",
            f"{number:02d}/10/2026", evidence]


def control_box_beside_pdf() -> bytes:
    """A landscape plan with its document-control box printed to the right of the table,
    its RAG cells shaded with no words in them."""
    from weasyprint import HTML

    rows = [("1", "Agencies should record a child's lived experience.",
             "Add a lived experience section to the assessment", "Children's Social Care",
             "30/11/2026", "#00B050"),
            ("2", "Police should share domestic abuse incidents with schools.",
             "Extend notifications to sixth forms", "Police", "Q4 2026/27", "#FF0000")]
    plan = "".join("<tr>" + "".join(f"<td>{t}</td>" for t in row[:-1])
                   + f"<td style='background: {row[-1]}'></td></tr>" for row in rows)
    control = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in (
        ("Version", "4"), ("Owner", "Business Unit"), ("Agreed", "Executive, May 2026")))
    page = f"""<html><head><style>
      @page {{ size: A4 landscape; margin: 15mm; }}
      body {{ font-size: 10pt; }}
      table {{ border-collapse: collapse; }}
      td {{ border: 0.75pt solid black; padding: 3pt; vertical-align: top; }}
    </style></head><body>
      <p>Stonebridge Safeguarding Children Partnership</p>
      <p>CSPR Child Q - action plan</p>
      <table style="float: left; width: 190mm"><tr><td>Ref</td><td>Recommendation</td>
        <td>Action</td><td>Lead agency</td><td>Target date</td><td>RAG rating</td></tr>
        {plan}</table>
      <table style="float: right; width: 60mm">{control}</table>
    </body></html>"""
    return bytes(HTML(string=page).write_pdf())


def shaded_rag_pdf() -> bytes:
    """A portrait tracker printed from a spreadsheet: the "BRAG" cells shaded (blue for
    complete, one a purple that is no rating), one with its rating in words, one blank."""
    from weasyprint import HTML

    rows = [("1", "Write a protocol", "Police", "31/03/2026", "#FF0000", ""),
            ("2", "Run sessions", "Health", "30/06/2026", "#FFC000", ""),
            ("3", "Audit files", "Eastmoor Council", "30/09/2026", "#0070C0", ""),
            ("4", "Brief the board", "Board Manager", "31/10/2026", "#7030A0", ""),
            ("5", "Train staff", "Health", "30/11/2026", "#FFFFFF", "Green"),
            ("6", "Review the policy", "Police", "31/12/2026", "#FFFFFF", "")]
    body = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td>"
                   f"<td style='background: {colour}'>{words}</td></tr>"
                   for a, b, c, d, colour, words in rows)
    page = f"""<html><head><style>
      table {{ border-collapse: collapse; }} td {{ border: 0.5pt solid black; padding: 3pt; }}
    </style></head><body>
      <p>Eastmoor Safeguarding Adults Board</p><p>SAR Adult Z - action tracker</p>
      <table><tr><td>No.</td><td>Action</td><td>Lead</td><td>Due</td><td>BRAG</td></tr>
      {body}</table>
    </body></html>"""
    return bytes(HTML(string=page).write_pdf())
