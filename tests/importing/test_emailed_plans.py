"""Actions typed one a line with their fields after them, as in an e-mail, read as a table."""

from __future__ import annotations

from actionplan.importing import parse_bytes

from . import emailed_plans


def _actions(draft):
    return [(item.ref, action.text, action.owners, action.due.text if action.due else None,
             action.progress) for item in draft.items for action in item.actions]


def test_lettered_actions_with_owner_and_date_after_them_are_read():
    draft = parse_bytes(emailed_plans.lettered_email(), "baby-t.txt")
    assert [(item.ref, item.recommendation) for item in draft.items] == [
        ("1", "Safe sleep advice should be revisited when circumstances change."),
        ("2", "Fathers and male carers should be seen and spoken to."),
    ]
    assert _actions(draft) == [
        ("1", "Update the safe sleep checklist after a house move.", ["0-19 Service"],
         "31 March 2026", None),
        ("1", "Share the checklist with the birthing unit.", ["Westmoor Maternity"], "April 2026",
         None),
        ("2", "Add a 'who else cares for the baby?' field.", ["CSC"], "end of June 2026", None),
    ]
    assert draft.plan.reviews == ["Baby T"]


def test_bulleted_actions_with_fields_after_semicolons_are_read():
    draft = parse_bytes(emailed_plans.bulleted_note(), "rosa.txt")
    assert _actions(draft) == [
        ("1", "Add the question to the tenancy review form", ["Eastmere Homes"], "Q3 2026",
         "Form in draft"),
        ("1", "Brief housing officers on the question.", [], None, None),
        ("2", "Add the caller to the incident log.", ["Police"], "ongoing", None),
    ]


def test_a_line_whose_words_after_a_colon_name_no_field_is_kept_whole():
    text = emailed_plans.bulleted_note().replace(
        b"Brief housing officers on the question.",
        b"Brief housing officers. Note: the union asked to be told.")
    draft = parse_bytes(text, "rosa.txt")
    assert draft.items[0].actions[1].text == (
        "Brief housing officers. Note: the union asked to be told.")


def test_fields_in_brackets_after_an_action_are_read_and_other_brackets_kept():
    draft = parse_bytes(emailed_plans.bracketed_note(), "mr-p.txt")
    assert _actions(draft) == [
        ("1", "Add a carer-change prompt to the repeat prescription review", ["Northvale ICB"],
         "March 2027", None),
        ("1", "Audit ten records for the prompt (Note: the audit tool is to be agreed)", [], None,
         None),
    ]
    # "Agreed actions:" introduces the list: it is neither the recommendation's words nor an action.
    assert draft.items[0].recommendation == (
        "GPs should review repeat prescriptions when a carer changes.")


def test_a_word_response_with_bracketed_leads_and_dates_is_read():
    draft = parse_bytes(emailed_plans.bracketed_word_response(), "joan.docx")
    assert [(item.ref, item.recommendation) for item in draft.items] == [
        ("1", "Self-neglect\nPartners should use the self-neglect protocol."),
        ("2", "Fire risk\nFire risk should be considered where hoarding is seen."),
    ]
    assert _actions(draft) == [
        ("1", "Relaunch the protocol at a practitioner event.", ["Adult Social Care"], "June 2026",
         None),
        ("1", "Audit 20 referrals for its use.", ["SAB Business Unit"], "September 2026", None),
        ("2", "Add a fire safety referral to the hoarding tool.", ["Fire and Rescue"],
         "31/05/2026", None),
    ]


def test_an_emails_subject_naming_the_review_titles_the_plan_without_its_labels():
    draft = parse_bytes(emailed_plans.forwarded_email(), "mrs-k.txt")
    assert draft.plan.title == "SAR Mrs K – actions agreed at the sub-group"
    assert draft.plan.reviews == ["Mrs K"]
    assert [len(item.actions) for item in draft.items] == [2, 1]  # the plan read as before
    assert parse_bytes(emailed_plans.lettered_email(), "baby-t.txt").plan.title == (
        "Rapid Review 'Baby T' - agreed actions")


def test_a_notes_first_line_naming_the_review_titles_the_plan():
    draft = parse_bytes(emailed_plans.note_headed_by_review(), "jean.txt")
    assert draft.plan.title == "Domestic Homicide Review into the death of Jean - panel actions"
    assert parse_bytes(emailed_plans.bulleted_note(), "rosa.txt").plan.title == (
        "DHR 'Rosa' - actions from the panel")  # under the board's name, not the board


def test_a_subject_naming_no_review_leaves_the_plan_titled_by_its_file():
    draft = parse_bytes(emailed_plans.forwarded_email("Actions from Tuesday"), "tuesday.txt")
    assert draft.plan.title == "tuesday"
