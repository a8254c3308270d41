"""Which FAQ topic a short question names ("which one is cheaper?", "what about the cost?").

Comparative questions are trained as ``ask_difference``, whose answer is the
general difference. "Which is cheaper?" deserves the two credentials' costs
side by side instead, so the FAQ action asks this module for the attribute
the question compares. A follow-up such as "what about the cost?" or "and how
much?" is classified as a bare follow-up; it names its topic the same way.
One topic named: that topic. None, or several ("difference in price and
length"): the general difference, or no topic.
"""

from __future__ import annotations

import re
from typing import Dict, Optional, Tuple

from advisor.matching import normalise

# FAQ topic -> words that name it (whole words, after normalise()).
TOPIC_WORDS: Dict[str, Tuple[str, ...]] = {
    "cost": tuple(
        "cheap cheaper cheapest expensive pricier pricey costlier cost costs price prices priced "
        "money afford affordable fees budget".split()
    )
    + ("how much",),
    "duration": tuple(
        "long longer longest short shorter shortest faster fastest quicker quickest time hours weeks "
        "months duration length workload effort".split()
    ),
    "level": tuple(
        "hard harder hardest easy easier easiest tough tougher difficult difficulty prerequisites "
        "rigorous demanding".split()
    ),
    "credit": ("credit", "credits"),
    "tracks": ("audit", "auditing", "audited", "audit track", "verified track"),
    "financial_aid": (
        "financial aid",
        "financial assistance",
        "financial help",
        "scholarship",
        "scholarships",
        "fee waiver",
        "discount",
        "discounts",
    ),
    "refunds": ("refund", "refunds", "refunded", "refundable", "money back"),
    "recognition": tuple(
        "respected recognized recognised recognition prestige prestigious reputation employers valued".split()
    ),
}

_PATTERNS = {
    topic: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
    for topic, words in TOPIC_WORDS.items()
}


# Topics no intent is trained for: named, they decide the answer whatever the
# intent, and win over the broader topics ("does financial aid cover the cost").
WORD_ONLY_TOPICS = frozenset({"tracks", "financial_aid", "refunds"})


def topic_named(text: str) -> Optional[str]:
    """The one FAQ topic a question names, or None when it names none or several."""
    normalised = normalise(text)
    topics = [topic for topic, pattern in _PATTERNS.items() if pattern.search(normalised)]
    specific = [topic for topic in topics if topic in WORD_ONLY_TOPICS]
    if len(specific) == 1:
        return specific[0]
    return topics[0] if len(topics) == 1 else None
