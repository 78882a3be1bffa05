"""Plans typed into an e-mail or a note: each action on one line with its labelled fields after
its sentence ("… Owner: CSC. By: end of June 2026.")."""

from __future__ import annotations


def lettered_email() -> bytes:
    """An e-mail after a rapid review panel: headers and a greeting above, actions lettered
    a), b) under "Recommendation N - …", owner and date after each, a signature below."""
    return "\n".join([
        "From: Business Manager",
        "Subject: Rapid Review 'Baby T' - agreed actions",
        "",
        "Hi all,",
        "As agreed at panel, these are the actions arising from the Rapid Review.",
        "",
        "Recommendation 1 - Safe sleep advice should be revisited when circumstances change.",
        "  a) Update the safe sleep checklist after a house move. Owner: 0-19 Service. "
        "By: 31 March 2026.",
        "  b) Share the checklist with the birthing unit. Owner: Westmoor Maternity. By: April 2026.",
        "",
        "Recommendation 2 - Fathers and male carers should be seen and spoken to.",
        "  a) Add a 'who else cares for the baby?' field. Owner: CSC. By: end of June 2026.",
        "",
        "Many thanks,",
        "Westmoor Safeguarding Children Partnership",
    ]).encode("utf-8")


def bulleted_note() -> bytes:
    """A note of a review's actions with bullets, each action's lead, target date and progress
    after its sentence, separated by semicolons; one action with a sentence only."""
    return "\n".join([
        "Eastmere Community Safety Partnership",
        "DHR 'Rosa' - actions from the panel",
        "",
        "Recommendation 1: Housing should ask about domestic abuse at tenancy reviews.",
        "• Add the question to the tenancy review form; Lead agency: Eastmere Homes; "
        "Target date: Q3 2026; Progress: Form in draft.",
        "• Brief housing officers on the question.",
        "Recommendation 2: The police should record who called at every incident.",
        "• Add the caller to the incident log. Lead agency: Police. Target date: ongoing.",
    ]).encode("utf-8")


def bracketed_note() -> bytes:
    """A note whose actions carry their fields in brackets at the end of the line, lower case
    and parted by commas, under an "Agreed actions:" line; one bracket holding no field."""
    return "\n".join([
        "Northvale Safeguarding Adults Board",
        "SAR 'Mr P' - agreed actions",
        "",
        "Recommendation 1: GPs should review repeat prescriptions when a carer changes.",
        "Agreed actions:",
        "- Add a carer-change prompt to the repeat prescription review "
        "(lead agency: Northvale ICB, target date: March 2027)",
        "- Audit ten records for the prompt (Note: the audit tool is to be agreed)",
    ]).encode("utf-8")


def bracketed_word_response() -> bytes:
    """A board's response written in Word: each recommendation a heading with its response
    and a bulleted list of actions, each ending "(Lead: …; by: …)"."""
    import io

    import docx

    document = docx.Document()
    document.add_heading("Westmoor Safeguarding Adults Board", 0)
    document.add_paragraph("Safeguarding Adults Review 'Joan': the Board's response")
    for number, subject, text, actions in [
        (1, "Self-neglect", "Partners should use the self-neglect protocol.", [
            "Relaunch the protocol at a practitioner event. (Lead: Adult Social Care; by: June 2026)",
            "Audit 20 referrals for its use. (Lead: SAB Business Unit; by: September 2026)",
        ]),
        (2, "Fire risk", "Fire risk should be considered where hoarding is seen.", [
            "Add a fire safety referral to the hoarding tool. (Lead: Fire and Rescue; by: 31/05/2026)",
        ]),
    ]:
        document.add_heading(f"Recommendation {number}: {subject}", level=2)
        document.add_paragraph(text)
        document.add_paragraph("Actions:")
        for action in actions:
            document.add_paragraph(action, style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def forwarded_email(subject: str = "RE: FW: SAR Mrs K – actions agreed at the sub-group") -> bytes:
    """An e-mail forwarded twice, pasted with its headers as Outlook prints them; its subject
    names the review; each action lettered under its recommendation, its lead and date after."""
    return "\n".join([
        "From: Safeguarding Adults Board Manager",
        "Sent: 14 May 2026 09:12",
        "To: SAR sub-group",
        f"Subject: {subject}",
        "",
        "Dear colleagues,",
        "",
        "Recommendation 1 – Providers should report missed visits to the council.",
        "(a) Add missed visits to the contract return. Lead: Commissioning. Due: July 2026.",
        "(b) Audit a sample of missed visits. Lead: Adult Social Care. Due: October 2026.",
        "Recommendation 2 – Hospitals should check a patient's care package before discharge.",
        "(a) Add the package to the discharge checklist. Lead: Acute Trust. Due: 30/09/2026.",
    ]).encode("utf-8")


def note_headed_by_review() -> bytes:
    """A note whose first line names the review, unquoted; no board named above it."""
    return "\n".join([
        "Domestic Homicide Review into the death of Jean - panel actions",
        "",
        "Recommendation 1: GPs should ask about domestic abuse at every pregnancy booking.",
        "• Add the question to the booking template; Lead agency: ICB; Target date: June 2026.",
        "Recommendation 2: The police should record who called at every incident.",
        "• Add the caller to the incident log; Lead agency: Police; Target date: ongoing.",
    ]).encode("utf-8")
