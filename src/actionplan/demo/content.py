"""What the Riverton partnership's plans say. Fictional, written for the demonstration.

Each action names a "story": how it progressed over the past year (see stories.py). Due dates
are days from the day the demo is loaded, so the dashboard always has something due soon.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PARTNERSHIP = "Riverton Safeguarding Children Partnership"

AGENCIES: dict[str, list[str]] = {
    "Riverton Council Children's Services": ["Children's Services", "CSC", "Children's Social Care"],
    "Riverton Police": ["Police", "Riverton Constabulary"],
    "Riverton NHS Foundation Trust": ["Hospital Trust", "RNHSFT"],
    "Riverton Integrated Care Board": ["ICB", "Health", "GPs"],
    "Riverton Education Service": ["Education", "Schools"],
    "Riverton Homes": ["Housing"],
    "Hope Family Charity": ["Hope"],
    "Partnership Business Unit": ["Business Unit", "RSCP"],
}

# The partnership's own framework, each theme mapped to the national one it stands for.
THEMES = {
    "Professional curiosity": "Professional curiosity",
    "Information sharing": "Information sharing",
    "Think family": "Think family / whole family",
    "Management oversight": "Supervision and management oversight",
}


@dataclass
class ActionSpec:
    text: str
    owner: str
    role: str
    due_in_days: int
    story: str
    measure: str = ""


@dataclass
class RecommendationSpec:
    ref: str
    outcome: str
    text: str
    actions: list[ActionSpec] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    reviews: list[str] = field(default_factory=list)


@dataclass
class PlanSpec:
    title: str
    kind: str
    reviews: list[str]
    sections: list[tuple[str, str, list[RecommendationSpec]]]  # (name, kind, recommendations)


REVIEWS = [
    # (code, kind, title, months since the report)
    ("Child R", "cspr_local", "Local child safeguarding practice review: Child R", 14),
    ("Adult J", "sar", "Safeguarding adult review: Adult J (transition to adult services)", 13),
    ("RR-25-03", "rapid_review", "Rapid review following a serious injury to an infant", 11),
]

CHILD_R = PlanSpec(
    "Child R: review action plan",
    "review_action_plan",
    ["Child R"],
    [
        (
            "",
            "other",
            [
                RecommendationSpec(
                    "1.",
                    "Practitioners ask about, and record, every adult in the household.",
                    "All agencies should ensure that assessments identify the adults living in or "
                    "visiting the household, including new partners.",
                    [
                        ActionSpec(
                            "Add a mandatory 'household members' section to the early help assessment.",
                            "Riverton Council Children's Services",
                            "Head of Early Help",
                            -120,
                            "done_assured",
                            "Audit of 30 assessments shows the section completed in 90%.",
                        ),
                        ActionSpec(
                            "Deliver professional curiosity briefings to health visitors.",
                            "Riverton NHS Foundation Trust",
                            "Named Nurse",
                            -30,
                            "done_awaiting",
                            "Attendance records; pre and post briefing survey.",
                        ),
                        ActionSpec(
                            "Issue a seven-minute briefing on 'unseen men' to all partner agencies.",
                            "Partnership Business Unit",
                            "Business Manager",
                            12,
                            "due_soon",
                            "Briefing published; cascade confirmed by each agency.",
                        ),
                    ],
                    ["Professional curiosity"],
                ),
                RecommendationSpec(
                    "2.",
                    "Concerns raised by schools are acted on and fed back.",
                    "The partnership should seek assurance that referrals from schools receive feedback "
                    "within three working days.",
                    [
                        ActionSpec(
                            "Introduce a feedback standard for referrals from education settings.",
                            "Riverton Council Children's Services",
                            "Service Manager, Front Door",
                            60,
                            "slipped",
                            "Monthly performance report shows feedback within 3 days in 85% of cases.",
                        ),
                        ActionSpec(
                            "Audit designated safeguarding leads' use of the escalation policy.",
                            "Riverton Education Service",
                            "Safeguarding in Education Lead",
                            -45,
                            "overdue",
                            "Audit report to the Quality Assurance sub-group.",
                        ),
                    ],
                    ["Information sharing"],
                ),
                RecommendationSpec(
                    "3.",
                    "Domestic abuse notifications reach the child's school before the next school day.",
                    "Riverton Police and Education should review the notification process so that schools "
                    "are told of domestic abuse incidents before the next school day.",
                    [
                        ActionSpec(
                            "Extend the school notification scheme to weekend and holiday incidents.",
                            "Riverton Police",
                            "Detective Chief Inspector, Public Protection",
                            150,
                            "on_track",
                            "Dip sample of 20 incidents each quarter.",
                        ),
                        ActionSpec(
                            "Replace the paper notification form with the secure e-mail route.",
                            "Riverton Police",
                            "Public Protection Unit Manager",
                            -200,
                            "superseded",
                        ),
                        ActionSpec(
                            "Move notifications onto the shared case management system.",
                            "Riverton Police",
                            "Public Protection Unit Manager",
                            90,
                            "on_track",
                            "System live; notification times reported monthly.",
                        ),
                    ],
                    ["Information sharing", "Think family"],
                ),
            ],
        )
    ],
)

ADULT_J = PlanSpec(
    "Adult J: safeguarding adult review action plan",
    "review_action_plan",
    ["Adult J"],
    [
        (
            "Transition from children's to adult services",
            "theme",
            [
                RecommendationSpec(
                    "1.",
                    "Young people with care and support needs have a planned transition from age 14.",
                    "Children's and adults' services should agree a joint transitions protocol.",
                    [
                        ActionSpec(
                            "Agree and publish a joint transitions protocol.",
                            "Riverton Council Children's Services",
                            "Head of Disability Services",
                            -60,
                            "slipped_twice",
                            "Protocol signed by both directors.",
                        ),
                        ActionSpec(
                            "Train social workers in both services on the protocol.",
                            "Partnership Business Unit",
                            "Training Coordinator",
                            200,
                            "not_started",
                            "Training evaluation; audit of transition plans one year on.",
                        ),
                    ],
                    ["Think family"],
                ),
                RecommendationSpec(
                    "2.",
                    "Housing providers recognise self-neglect and refer.",
                    "Riverton Homes should include self-neglect in its tenancy sustainment training.",
                    [
                        ActionSpec(
                            "Add self-neglect indicators to tenancy officer training.",
                            "Riverton Homes",
                            "Head of Tenancy Services",
                            -150,
                            "impact",
                            "Referrals for self-neglect from housing officers, before and after.",
                        ),
                        ActionSpec(
                            "Fund a specialist hoarding support worker post.",
                            "Hope Family Charity",
                            "Chief Executive",
                            -90,
                            "not_achieved",
                        ),
                    ],
                    ["Professional curiosity"],
                ),
            ],
        ),
        (
            "Management oversight",
            "theme",
            [
                RecommendationSpec(
                    "3.",
                    "Cases of adults who decline support are reviewed by a manager.",
                    "Adult social care should require management review before closing a case where the "
                    "person declines support and risks remain.",
                    [
                        ActionSpec(
                            "Add a closure checklist with a manager sign-off step.",
                            "Riverton Council Children's Services",
                            "Principal Social Worker",
                            20,
                            "due_soon",
                            "Case file audit of closures.",
                        ),
                        ActionSpec(
                            "Report closures without sign-off to the performance board.",
                            "Riverton Integrated Care Board",
                            "Designated Nurse, Adults",
                            -10,
                            "not_started_late",
                        ),
                    ],
                    ["Management oversight"],
                ),
            ],
        ),
    ],
)

WORKPLAN = PlanSpec(
    "Partnership workplan 2026/27",
    "workplan",
    [],
    [
        (
            "Learning and improvement function",
            "function",
            [
                RecommendationSpec(
                    "1.",
                    "Learning from reviews changes practice.",
                    "Run a learning event for each published review within three months of publication.",
                    [
                        ActionSpec(
                            "Hold a learning event on Child R.",
                            "Partnership Business Unit",
                            "Business Manager",
                            -200,
                            "done_assured",
                            "Event held; evaluation report.",
                        ),
                        ActionSpec(
                            "Publish the annual learning digest.",
                            "Partnership Business Unit",
                            "Business Manager",
                            130,
                            "on_track",
                            "Digest published on the website.",
                        ),
                    ],
                ),
            ],
        ),
        (
            "Monitoring and evaluation function",
            "function",
            [
                RecommendationSpec(
                    "2.",
                    "Agencies meet their Section 11 duties.",
                    "Complete the Section 11 self-assessment round and challenge events.",
                    [
                        ActionSpec(
                            "Circulate the self-assessment tool to all agencies.",
                            "Partnership Business Unit",
                            "Quality Assurance Officer",
                            -250,
                            "done_rejected",
                            "All returns received.",
                        ),
                        ActionSpec(
                            "Hold challenge events with each agency.",
                            "Riverton Integrated Care Board",
                            "Designated Nurse",
                            75,
                            "on_track",
                            "Challenge event notes; agency action plans.",
                        ),
                    ],
                ),
            ],
        ),
    ],
)

# The rapid review, three months after Child R was published, found the learning of Child R's
# first recommendation again in other words: the men in a baby's home were unknown to the
# professionals. The Learning page shows the two as learning made again, flagged because an
# action of Child R's (the household section) was marked implemented.
RAPID_REVIEW = PlanSpec(
    "RR-25-03: rapid review action plan",
    "review_action_plan",
    ["RR-25-03"],
    [
        (
            "",
            "other",
            [
                RecommendationSpec(
                    "1.",
                    "Professionals know who the men in a baby's life are.",
                    "Midwives, health visitors and social workers should find out which men live in or "
                    "regularly visit a baby's home, including mothers' new partners, and see and assess "
                    "them as carers rather than relying on what the mother says.",
                    [
                        ActionSpec(
                            "Ask about fathers and other men in the household at the midwifery booking "
                            "and the health visitor's new birth visit, and record their names.",
                            "Riverton NHS Foundation Trust",
                            "Named Midwife for Safeguarding",
                            45,
                            "on_track",
                            "Audit of 50 maternity and health visiting records each quarter.",
                        ),
                        ActionSpec(
                            "Audit pre-birth and infant assessments for whether every man in the "
                            "household was seen and checked.",
                            "Riverton Council Children's Services",
                            "Principal Social Worker",
                            -25,
                            "overdue",
                            "Audit findings to the Quality Assurance sub-group.",
                        ),
                    ],
                    ["Professional curiosity", "Think family"],
                ),
            ],
        )
    ],
)

# The composite plan links to actions of the review plans above (by plan title and position)
# and adds lines of its own, grouped by the partnership's learning themes.
COMPOSITE_TITLE = "Composite action plan: outstanding review actions"
COMPOSITE_LINKS: list[tuple[str, str, list[tuple[str, int, int]]]] = [
    ("Professional curiosity", "1.", [(CHILD_R.title, 0, 2)]),
    ("Information sharing", "2.", [(CHILD_R.title, 1, 0), (CHILD_R.title, 2, 0)]),
    ("Think family", "3.", [(ADULT_J.title, 0, 0)]),
    ("Management oversight", "4.", [(ADULT_J.title, 2, 0)]),
]
COMPOSITE_OWN = RecommendationSpec(
    "5.",
    "Infants are safe when parents are under stress.",
    "All agencies should promote the safer sleeping and coping-with-crying messages.",
    [
        ActionSpec(
            "Deliver coping-with-crying sessions in every maternity unit.",
            "Riverton NHS Foundation Trust",
            "Head of Midwifery",
            40,
            "on_track",
            "Sessions delivered; parents' feedback.",
        )
    ],
    ["Think family"],
    ["RR-25-03"],
)
