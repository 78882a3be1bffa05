"""Recommendations in a board's own words for the benchmarks: a learning point, a recommendation
and an action about one piece of learning, phrased in many ways, sharing the common words every
plan uses ("partners should ensure", "staff", "training"), so that two generated recommendations
are near far less often than the few dozen words the benchmark used before made them (nearly
every pair); still more often than on real plans (ADR 32: about 20 of 2,700 pairs), as a
hand-written vocabulary has no long tail of rare words (bench/learning/README.md).

Each piece of learning is a theme's subject (e.g. "safe sleeping advice") with a detail (for whom,
where) and what the review found wanting; one recommendation in `AGAIN` repeats an earlier piece
of learning in other words, as a board that makes the same recommendation again would. Written
for the project."""

from __future__ import annotations

import random
import re
from collections import Counter
from functools import cache
from pathlib import Path

ACTORS = [
    "GPs", "health visitors", "school nurses", "midwives", "children's social care", "adult social care",
    "the police", "the public protection unit", "probation", "youth justice", "CAMHS",
    "the emergency department", "the ambulance service", "early help", "the MASH", "housing providers",
    "designated safeguarding leads", "independent reviewing officers", "the named nurse",
    "the designated doctor", "team managers", "the local authority", "the integrated care board",
    "commissioners", "drug and alcohol services", "adult mental health services", "paediatricians",
    "the domestic abuse service", "the fire and rescue service", "children's centres", "foster carers",
    "the virtual school", "the education welfare service", "hospital discharge teams", "care providers",
]  # fmt: skip
OPENERS = [
    "{actor} should",
    "{actor} must",
    "The partnership should seek assurance that {actor}",
    "Partners should ensure that {actor}",
    "All agencies, including {actor}, should",
    "The board should ask {actor} to",
    "It is recommended that {actor}",
    "{actor} are asked to",
]
VERBS = [
    "review how they",
    "strengthen the way they",
    "develop guidance on how to",
    "audit whether they",
    "provide training so that staff",
    "embed practice that ensures they",
    "clarify when they",
    "report to the board on how they",
]
# What a piece of learning is about (a theme's subject), for whom or where (a detail), and what it
# should change (a purpose): drawn apart, so that two recommendations rarely share all three.
SUBJECTS = [
    "safe sleeping advice", "child protection conferences", "strategy discussions",
    "information about fathers",
    "reflective supervision", "escalation of professional disagreement", "the voice of the child",
    "domestic abuse risk assessment", "parental mental health", "parental substance misuse", "neglect",
    "disabled children's communication needs", "child sexual exploitation", "children missing education",
    "self-neglect and hoarding", "interpreters and cultural competence", "bruising in non-mobile babies",
    "hospital discharge planning", "multi-agency chronologies", "pre-birth assessment",
    "care leavers' pathway plans",
    "financial abuse", "return home interviews", "elective home education", "MARAC referrals",
    "coercive control", "graded care profile", "missed health appointments", "online grooming",
    "county lines", "private fostering", "lasting power of attorney", "mental capacity assessment",
    "carers assessments", "section 42 enquiries", "dental neglect", "suicide prevention",
    "knife crime", "female genital mutilation", "forced marriage", "modern slavery",
]  # fmt: skip
DETAILS = [
    "for teenage parents", "at weekends and out of hours", "in temporary accommodation",
    "for autistic children",
    "when a family moves area", "for children in care placed out of area", "for young carers",
    "in rural villages", "for unaccompanied asylum seeking children", "when parents separate",
    "for babies under one", "for adults with learning disabilities", "in supported living", "in care homes",
    "when a case is stepped down to early help", "for children on part-time timetables",
    "for families with no recourse to public funds", "for travellers", "in the prison estate",
    "for veterans", "after bereavement", "for children with complex medical needs",
    "for families known to the police", "at transfer between schools", "for older people living alone",
    "for siblings of a child subject to a plan", "during school holidays", "for new partners of a parent",
    "on hospital wards", "in general practice", "in the family court", "in housing allocation",
    "in youth clubs", "after a missing episode", "at the front door", "in the night-time economy",
]  # fmt: skip
PURPOSES = [
    "so that risk is seen sooner", "so that decisions are recorded and reviewed",
    "so that families are not lost",
    "so that no child falls between services", "so that adults keep control of their lives",
    "so that concerns are shared the same day", "so that plans are reviewed when circumstances change",
    "so that the board can see the difference made", "so that managers know which cases drift",
    "so that parents understand what is expected", "so that the child's daily life is understood",
    "with quarterly reports to the sub-group", "within twelve months", "by the end of the year",
    "drawing on the national guidance", "in line with the multi-agency procedures",
]  # fmt: skip

# What the review found wanting: the learning point's own words.
ASPECTS = [
    "the family's history", "the threshold for referral", "the agreed plan", "the child's lived experience",
    "the parents' own needs", "the reasons for non-attendance", "the impact of poverty",
    "a named lead professional",
    "the core group's decisions", "the review of the plan", "the step-down decision", "the home visit",
    "the health assessment", "the learning from previous reviews", "cumulative harm", "disguised compliance",
    "the quality of referrals", "feedback to the referrer", "the use of the child's first language",
    "the role of the wider family", "the management oversight of drift", "the closing summary",
    "checks with other areas", "the timeliness of assessments", "the agreed contingency plan",
    "the consent to share", "a single point of contact", "the records of telephone calls",
    "the police checks",
    "the adult's wishes", "the executive capacity of the adult", "a repeat of earlier concerns",
    "the transfer of records", "the recognition of grooming", "the outcome of the medical",
    "the discharge summary", "the duty to make enquiries", "the advocacy offer", "the carer's own health",
    "the dates of the visits", "the risk from a new partner", "the pattern of injuries",
    "the escalation route",
    "the capacity of staff to challenge", "the weight given to school reports", "the voice of the siblings",
    "the family's culture and faith", "the reliance on self-report", "joint visits", "the safety plan",
    "the tenancy enforcement", "the GP's knowledge of the family", "the missing person report",
    "the safeguarding supervision records", "the timing of the strategy meeting",
]  # fmt: skip
FINDINGS = [
    "Practitioners did not consider {aspect}",
    "There was no shared understanding of {aspect}",
    "Records showed little evidence of {aspect}",
    "Agencies worked in isolation on {aspect}",
    "The review found gaps in {aspect}",
    "Staff were unsure of their role in {aspect}",
]
ACTIONS = [
    "Briefing for {actor}",
    "Audit by {actor}, reported to the sub-group",
    "Revise the procedure and publish it",
    "Training for {actor}",
    "Add it to the induction of {actor}",
    "Seven-minute briefing for {actor}",
    "Letter from the chair to {actor}",
    "Practice guidance issued to {actor}",
    "Learning event for {actor}",
]
AGAIN = 0.05  # the share of recommendations that repeat an earlier one in other words


@cache
def board_words() -> tuple[list[str], list[int]]:
    """The words of the recommendations written for the theme benchmark (labelled.tsv), with how
    often each is used: eight of them, drawn evenly, give each learning point a tail of rarer
    words, as a board's own wording does."""
    rows = Path(__file__).with_name("labelled.tsv").read_text().splitlines()
    text = " ".join(row.split("\t")[-1] for row in rows if not row.startswith("#"))
    counted = Counter(w for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if len(w) > 3)
    return list(counted), list(counted.values())


def learning(rng: random.Random) -> tuple[str, str]:
    """A piece of learning: what it is about, and what was found wanting."""
    words, _ = board_words()
    also = ", ".join(rng.sample(words, 8))
    return f"{rng.choice(SUBJECTS)} {rng.choice(DETAILS)}", f"{rng.choice(ASPECTS)}: {also}"


def written(rng: random.Random, about: tuple[str, str]) -> tuple[str, str, str]:
    """(recommendation, learning point, action) about one piece of learning."""
    subject, aspect = about
    opener = rng.choice(OPENERS).format(actor=rng.choice(ACTORS))
    text = f"{opener[0].upper()}{opener[1:]} {rng.choice(VERBS)} act on {subject} {rng.choice(PURPOSES)}."
    finding = rng.choice(FINDINGS).format(aspect=aspect) + "."
    action = rng.choice(ACTIONS).format(actor=rng.choice(ACTORS)) + "."
    return text, finding, action


class Writer:
    """Recommendations one after another; some repeat an earlier one's learning in other words."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.made: list[tuple[str, str]] = []

    def recommendation(self) -> tuple[str, str, str]:
        if self.made and self.rng.random() < AGAIN:
            about = self.rng.choice(self.made)
        else:
            about = learning(self.rng)
            self.made.append(about)
        return written(self.rng, about)
