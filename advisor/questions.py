"""The recommendation form's questions, with quick-reply buttons and re-ask hints.

Kept out of the domain so that a question asked twice in a row (the answer was
not understood) can say so and give an example, instead of repeating itself.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Dict, Optional, Tuple


@dataclass(frozen=True)
class Question:
    text: str
    buttons: Tuple[Tuple[str, str], ...]
    hint: str
    why: str  # the answer to "why do you ask?"
    # What was not caught, said when the question is left out after a second miss.
    name: str = "that"
    # Asked instead of ``text`` when the other side of the same answer was given ("about a year").
    follow_up: str = ""


# Said before a question asked again after "hmm" or "let me think about it".
NO_RUSH = "No rush, take your time."
# Said instead of a third try: the answer is left out, and can still be given.
MOVING_ON = (
    "I still didn't catch {name}, so I'll leave it out for now and move on. You can tell me any time, "
    'e.g. with one of these, or say "skip".'
)
# Said before a question asked again after a question of the learner's that could not be answered
# in between ("which programmes exactly?"); "Sorry, I didn't catch your goal" took it for a bad answer.
QUESTION_MID_WAY = (
    'I can\'t answer that in the middle of these questions: say "stop" to leave them and ask me, or "skip" to '
    "leave this one out."
)
QUESTIONS: Dict[str, Question] = {
    "goal": Question(
        "What's your main goal: a practical job skill you can use soon, or deep, graduate-level expertise "
        "(perhaps toward a master's)?",
        (
            ("A job skill, quickly", '/inform{"goal":"skills"}'),
            ("Deep, graduate-level expertise", '/inform{"goal":"graduate"}'),
        ),
        "Sorry, I didn't catch your goal. "
        'You can say e.g. "a quick job skill" or "deep expertise, maybe a master\'s", or "skip".',
        "Your goal weighs heavily: a MicroMasters is graduate-level and can lead toward a master's, "
        "a Professional Certificate teaches a job skill in less time.",
        "your goal",
    ),
    "wants_credit": Question(
        "Does academic credit toward a master's degree matter to you?",
        (("Yes, credit matters", "/affirm"), ("No, not really", "/deny")),
        'Sorry, I didn\'t catch that. A simple "yes" or "no" is fine, or "skip".',
        "Only a MicroMasters can count as credit toward a master's (if a university admits you), "
        "so wanting credit weighs most in my recommendation.",
        "whether credit matters to you",
    ),
    "weekly_hours": Question(
        "How much time can you give it: about how many hours a week (or over how many months)?",
        (
            ("Under 5 hours", '/inform{"weekly_hours":"4"}'),
            ("5 to 10 hours", '/inform{"weekly_hours":"8"}'),
            ("More than 10 hours", '/inform{"weekly_hours":"12"}'),
        ),
        'Sorry, I didn\'t catch your time. You can say e.g. "about 6 hours a week" or "about a year".',
        "MicroMasters courses are graduate-level and usually ask for more hours a week than a Professional "
        "Certificate: your time tells me whether one is realistic for you.",
        "your time",
        "And about how many hours a week could you study? That could change my recommendation.",
    ),
    "horizon_months": Question(
        "How soon do you need it, or how many months can you keep at it?",
        (
            ("Within 3 months", '/inform{"horizon_months":"3"}'),
            ("6 to 12 months", '/inform{"horizon_months":"12"}'),
            ("A year or more", '/inform{"horizon_months":"18"}'),
        ),
        'Sorry, I didn\'t catch that. You can say e.g. "within 3 months" or "about a year".',
        "A MicroMasters usually takes six months to two years, a Professional Certificate often a few months: "
        "how soon you need it tells me whether one is realistic for you.",
        "how soon you need it",
        "And how soon do you need it, or how many months can you keep at it? That could change my recommendation.",
    ),
    "budget": Question(
        "Roughly what's your budget in US dollars for the whole credential?",
        (
            # Just under the round figures, so that a typed "$500" reads as about $500, not "under $500".
            ("Under $500", '/inform{"budget":"499"}'),
            ("$500 to $1,500", '/inform{"budget":"1499"}'),
            ("No fixed limit", '/inform{"budget":"1000000"}'),
        ),
        'Sorry, I didn\'t catch the budget. You can say e.g. "about $800" or "no fixed limit".',
        "A whole MicroMasters usually costs more than a Professional Certificate: your budget tells me whether "
        "it is within reach.",
        "your budget",
    ),
    "subject": Question(
        "Which subject are you interested in? (e.g. data science, supply chain, AI, finance, project management)",
        (
            ("Data science", '/inform{"subject":"data science"}'),
            ("Supply chain", '/inform{"subject":"supply chain"}'),
            ("Artificial intelligence", '/inform{"subject":"artificial intelligence"}'),
            ("Not sure yet", '/inform{"subject":"any"}'),
        ),
        'Sorry, I didn\'t catch the subject. Try e.g. "data science", "supply chain" or "not sure".',
        'So that the programmes I suggest are in your field; say "not sure yet" for any subject.',
        "your subject",
    ),
}


def _title_words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace(",", "")))


def option_titled(slot: str, text: str) -> Optional[Any]:
    """The answer given by the question's button whose title ``text`` repeats ("$500 to $1,500" typed).

    Read as free text, "$500 to $1,500" was a budget of $500, not the button's $1,500.
    """
    typed = _title_words(text)
    for position, (title, _) in enumerate(QUESTIONS[slot].buttons):
        if typed and typed == _title_words(title):
            return option_value(slot, position)
    return None


def option_value(slot: str, position: int) -> Optional[Any]:
    """The answer given by the question's button at ``position`` ("the first one" -> its first option).

    None when the question has no button there.
    """
    buttons = QUESTIONS[slot].buttons
    if not -len(buttons) <= position < len(buttons):
        return None
    payload = buttons[position][1]
    if payload in ("/affirm", "/deny"):
        return payload == "/affirm"
    return json.loads(payload[payload.index("{") :])[slot]
