"""Which attribute a comparative question is about ("which one is cheaper?").

Comparative questions are trained as ``ask_difference``, whose answer is the
general difference. "Which is cheaper?" deserves the two credentials' costs
side by side instead, so the FAQ action asks this module for the attribute
the question compares. One attribute named: that topic. None, or several
("difference in price and length"): the general difference.
"""

from __future__ import annotations

import re
from typing import Dict, Optional, Tuple

from advisor.matching import normalise

# FAQ topic -> words that compare on it (whole words, after normalise()).
COMPARED_WORDS: Dict[str, Tuple[str, ...]] = {
    "cost": tuple(
        "cheap cheaper cheapest expensive pricier pricey costlier cost costs price prices priced "
        "money afford affordable fees budget".split()
    ),
    "duration": tuple(
        "long longer longest short shorter shortest faster fastest quicker quickest time hours weeks "
        "months duration length workload effort".split()
    ),
    "level": tuple(
        "hard harder hardest easy easier easiest tough tougher difficult difficulty prerequisites "
        "rigorous demanding".split()
    ),
    "credit": ("credit", "credits"),
    "recognition": tuple(
        "respected recognized recognised recognition prestige prestigious reputation employers valued".split()
    ),
}

_PATTERNS = {
    topic: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
    for topic, words in COMPARED_WORDS.items()
}


def compared_topic(text: str) -> Optional[str]:
    """The one FAQ topic a comparative question is about, or None when it names none or several."""
    normalised = normalise(text)
    topics = [topic for topic, pattern in _PATTERNS.items() if pattern.search(normalised)]
    return topics[0] if len(topics) == 1 else None
