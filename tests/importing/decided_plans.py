"""Plans stating the board's decision on each recommendation, written by the tests in layouts
unlike the seeds: a Word plan of prose with a response under each recommendation, a workbook
tracker with a decision column, and a note numbering its recommendations "1." without the word
"Recommendation"."""

from __future__ import annotations

import io

from docx import Document
from openpyxl import Workbook


def word_prose_responses() -> bytes:
    """A Word plan of prose: each recommendation a heading, the board's response under it, each
    action "Action:" with its labelled lines; one response is no decision."""
    document = Document()
    document.add_heading("Northvale Safeguarding Adults Board", level=1)
    document.add_paragraph("SAR 'Mrs J': the board's response and action plan")
    for heading, response, action, lead, due in [
        ("Recommendation 1: Agencies should assess fire risk at every home visit.",
         "Board response: Accepted in part — the Fire Service will lead, not each agency.",
         "Add a fire risk question to the home visit checklist.", "Fire Service", "March 2026"),
        ("Recommendation 2: The board should commission a hoarding audit.",
         "Board response: Not accepted – an audit was completed in 2024.",
         "Share the 2024 audit with partners.", "Board Business Unit", "May 2026"),
        ("Recommendation 3: GPs should flag carers' own needs.",
         "Board response: Accepted.",
         "Add a carer flag to the GP record.", "Northvale ICB", "June 2026"),
        ("Recommendation 4: Providers should keep training records.",
         "Board response: Subject to the outcome of the provider review",
         "Ask providers for their training records.", "Commissioning", "April 2026"),
    ]:
        document.add_heading(heading, level=2)
        document.add_paragraph(response)
        document.add_paragraph(f"Action: {action}")
        document.add_paragraph(f"Lead agency: {lead}")
        document.add_paragraph(f"Target date: {due}")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def tracker_with_decision_column() -> bytes:
    """A workbook tracker: a title, then Rec No | Recommendation | Agreed (Y/N) | Action |
    Lead | Due, the recommendation and its decision repeated on each of its action rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append(["Westmoor SCP - Child L review tracker"])
    sheet.append([])
    sheet.append(["Rec No", "Recommendation", "Agreed (Y/N)", "Action", "Lead", "Due"])
    rows = [
        ("1", "Health visitors should see fathers.", "Y", "Add fathers to the visit template.",
         "0-19 Service", "31/03/2026"),
        ("1", "Health visitors should see fathers.", "Y", "Audit ten visits.", "0-19 Service",
         "30/06/2026"),
        ("2", "Schools should share attendance concerns weekly.",
         "N - weekly sharing already happens through the MASH", "Remind schools of the route.",
         "Education", "April 2026"),
        ("3", "The police should attend every strategy meeting.", "Partially: virtual attendance "
         "only", "Set up a virtual attendance rota.", "Police", "May 2026"),
        ("4", "Housing should join the panel.", "TBC at the next board",
         "Invite housing to the panel.", "Board manager", "June 2026"),
    ]
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def numbered_without_the_word() -> bytes:
    """A note numbering its recommendations "1." with bulleted actions under each, their lead
    and due after the sentence, and a "Response:" line under the first."""
    return "\n".join([
        "Riverton Safeguarding Children Partnership",
        "Child N - recommendations and actions",
        "",
        "1. Partners should check who else lives in the household.",
        "Response: Accepted",
        "- Add a household members question to the referral form. Lead: CSC. Due: June 2026.",
        "- Brief front-door staff on the question. Lead: CSC. Due: July 2026.",
        "",
        "2) Midwives should ask about previous children.",
        "* Add the question to the booking appointment. Lead: Riverton Maternity. Due: Q2 2026.",
    ]).encode("utf-8")


def numbered_actions_alone() -> bytes:
    """An ordinary numbered list of actions, each with its lead and due: no recommendations."""
    return "\n".join([
        "Riverton Safeguarding Children Partnership",
        "Child N - actions agreed at panel",
        "",
        "1. Add a household members question to the referral form. Lead: CSC. Due: June 2026.",
        "2. Brief front-door staff on the question. Lead: CSC. Due: July 2026.",
    ]).encode("utf-8")

