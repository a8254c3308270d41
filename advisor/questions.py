"""The recommendation form's questions, with quick-reply buttons and re-ask hints.

Kept out of the domain so that a question asked twice in a row (the answer was
not understood) can say so and give an example, instead of repeating itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, Optional, Tuple


@dataclass(frozen=True)
class Question:
    text: str
    buttons: Tuple[Tuple[str, str], ...]
    hint: str


# Said before a question asked again after "hmm" or "let me think about it".
NO_RUSH = "No rush, take your time."

QUESTIONS: Dict[str, Question] = {
    "goal": Question(
        "What's your main goal: a practical job skill you can use soon, or deep, graduate-level expertise "
        "(perhaps toward a master's)?",
        (
            ("A job skill, quickly", '/inform{"goal":"skills"}'),
            ("Deep, graduate-level expertise", '/inform{"goal":"graduate"}'),
        ),
        "Sorry, I didn't catch your goal. "
        'You can say e.g. "a quick job skill" or "deep expertise, maybe a master\'s".',
    ),
    "wants_credit": Question(
        "Does academic credit toward a master's degree matter to you?",
        (("Yes, credit matters", "/affirm"), ("No, not really", "/deny")),
        'Sorry, I didn\'t catch that. A simple "yes" or "no" is fine.',
    ),
    "weekly_hours": Question(
        "About how many hours a week can you study?",
        (
            ("Under 5 hours", '/inform{"weekly_hours":"4"}'),
            ("5 to 10 hours", '/inform{"weekly_hours":"8"}'),
            ("More than 10 hours", '/inform{"weekly_hours":"12"}'),
        ),
        'Sorry, I didn\'t catch the hours. You can say e.g. "about 6 hours a week".',
    ),
    "budget": Question(
        "Roughly what's your budget in US dollars for the whole credential?",
        (
            ("Under $500", '/inform{"budget":"500"}'),
            ("$500 to $1,500", '/inform{"budget":"1500"}'),
            ("No fixed limit", '/inform{"budget":"1000000"}'),
        ),
        'Sorry, I didn\'t catch the budget. You can say e.g. "about $800" or "no fixed limit".',
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
    ),
}


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
