"""What a question is about: its FAQ topic, what it ranks on, what my sources don't cover.

The words are in ``lexicon/topics.yml``; this module holds the rules that pick
one topic from them. Topics no intent is trained for (``WORD_ONLY_TOPICS``:
refunds, exams, financial aid ...) are named by their own words and win over
the broad ones; of several, the one named by the longest phrase wins ("do I
need an entrance exam?" is about entrance tests, not exams); a specific topic
named with a broader one it belongs to gives way ("how much is the final exam?"
is about cost).
"""

from __future__ import annotations

import re
from typing import Optional, Tuple

from advisor.knowledge import FAQ_TOPICS, WORD_ONLY_FAQ_TOPICS
from advisor.lexicon import default_lexicon
from advisor.matching import normalise

WORD_ONLY_TOPICS = frozenset(WORD_ONLY_FAQ_TOPICS)
# The topics a programme answers with its own facts (its card's fields); the others are the same for every
# programme of a kind ("financial aid for the mit one?").
PROGRAMME_TOPICS = frozenset({"courses", "duration", "cost", "credit", "exams", "pace", "admission", "about_edx"})
# Topics that have words of their own in the lexicon (the others come only from an intent).
_NAMED_TOPICS = tuple(topic for topic in FAQ_TOPICS if f"topic_{topic}" in default_lexicon().cues)
_GIVES_WAY_TO = {"exams": "cost", "workload": "cost", "completion": "refunds"}
_RANKINGS = ("cost", "duration", "courses", "quality")
UNCOVERED = tuple(name.removeprefix("uncovered_") for name in default_lexicon().cues if name.startswith("uncovered_"))
_BETWEEN = re.compile(
    r"\b(between (?:an? |the )?\w+(?: \w+)?) and (?!(?:which|what|whats|how|is|are|do|does|can|why|who|when|where)\b)"
)
_CLAUSE_BREAK = re.compile(r"[?,;.]|\b(?:and|also|plus|as well as)\b")


def _longest(cue: str, words: str) -> int:
    return max((len(found.group(0)) for found in default_lexicon().every(cue, words)), default=0)


def topic_named(text: str) -> Optional[str]:
    """The one FAQ topic a question names, or None when it names none or several."""
    words = normalise(text)
    topics = [topic for topic in _NAMED_TOPICS if default_lexicon().has(f"topic_{topic}", words)]
    if "difference" in topics and len(topics) > 1:  # "the difference between verified and audit": that topic
        topics.remove("difference")
    specific = sorted(
        ((_longest(f"topic_{topic}", words), topic) for topic in topics if topic in WORD_ONLY_TOPICS), reverse=True
    )
    if len(specific) == 1 or (len(specific) > 1 and specific[0][0] > specific[1][0]):
        chosen = specific[0][1]
        broad = _GIVES_WAY_TO.get(chosen)
        return broad if broad in topics else chosen
    if len(topics) == 1:
        return topics[0]
    # Several named in one clause: the one named by a clearly longer phrase ("do employers care about the
    # credit thing": what employers make of it, not credit).
    named = sorted(((_longest(f"topic_{topic}", words), topic) for topic in topics), reverse=True)
    if len(named) > 1 and named[0][0] >= named[1][0] + 6:
        return named[0][1]
    return None


def topics_asked_together(text: str) -> Tuple[str, ...]:
    """The topics of a message that asks about several, one per clause, in order; () for fewer than two."""
    found: list = []
    text = _BETWEEN.sub(r"\1 & ", text.lower())  # "the difference between verified and audit" is one clause
    for clause in _CLAUSE_BREAK.split(text):  # before normalise(), which drops the commas
        topic = topic_named(clause) if clause.strip() else None
        if topic and topic not in found:
            found.append(topic)
    return tuple(found) if len(found) >= 2 else ()


def topics_in(text: str) -> Tuple[str, ...]:
    """The topics a question names: several, one per clause, or the one it names; () for none."""
    together = topics_asked_together(text)
    if together:
        return together
    topic = topic_named(text)
    return (topic,) if topic else ()


def ranking_topic(text: str) -> Optional[str]:
    """The topic a message asks to rank programmes on ("the cheapest supply chain program"), or None."""
    words = normalise(text)
    ranked = [topic for topic in _RANKINGS if default_lexicon().has(f"rank_{topic}", words)]
    return ranked[0] if len(ranked) == 1 else None


def asks_for_the_extreme(text: str) -> bool:
    """ "the cheapest micromasters" asks about programmes; "is a micromasters cheaper?" compares the credentials."""
    return default_lexicon().has("superlative", normalise(text))


def asks_what_is_offered(text: str) -> bool:
    """True for "is there a python micromasters?"; not for "is there financial aid for it?" (a topic)."""
    words = normalise(text)
    return default_lexicon().has("what_is_offered", words) and topic_named(words) is None


def asks_about_pathways(text: str) -> bool:
    """True when a message asks which universities give credit for a MicroMasters, not whether it can."""
    return default_lexicon().has("pathways", normalise(text))


def uncovered_topic(text: str) -> Optional[str]:
    """What a question asks about that my sources do not cover ("is it in spanish?" -> "languages"), or None."""
    words = default_lexicon().pattern("not_uncovered").sub(" ", normalise(text))
    return next((name for name in UNCOVERED if default_lexicon().has(f"uncovered_{name}", words)), None)


def uncovered_words(text: str, topic: str) -> str:
    """The clauses of ``text`` that don't name the uncovered ``topic``: what else it asks ("when do courses
    start, are there deadlines" -> "are there deadlines"; "can i retake the exam" -> nothing)."""
    cue = default_lexicon().pattern(f"uncovered_{topic}")
    return " , ".join(c for c in _CLAUSE_BREAK.split(text.lower()) if c.strip() and not cue.search(normalise(c)))


def country_named(text: str) -> Optional[str]:
    """The country a question asks about ("is it recognised in Germany?"), or None."""
    words = normalise(text)
    for found in default_lexicon().every("country", words):
        if re.search(r"\b(?:in|by|across|for)(?: the)? $", words[: found.start()]):
            return found.group(0)
    return None


def asks_if_still_offered(text: str) -> bool:
    """True for "is it still on edx?" or "can i still enroll?": whether it runs today, not who runs edX."""
    return default_lexicon().has("still_offered", normalise(text))


def asks_where_it_runs(text: str) -> bool:
    """True for "is it on edX or MITx Online?" (a programme's platform), not "is edX still a nonprofit?"."""
    return default_lexicon().has("where_it_runs", normalise(text))


def field_named_alone(text: str) -> Optional[str]:
    """The field a message names and nothing else ("law?", "nursing"), or None."""
    words = normalise(text).strip(" ?.!")
    return words if default_lexicon().whole("field_asked_about", words) else None


def asks_about_the_masters(text: str) -> bool:
    """True for "how much is the msc?" about a programme: the master's it leads to."""
    return default_lexicon().has("the_masters", normalise(text))
