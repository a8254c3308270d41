"""Handler: questions about the credentials themselves, answered from the knowledge base's FAQ.

"How much does a MicroMasters cost?", "which is cheaper?" (both side by side),
"is it recognised in Germany?", a topic my sources don't cover, "where is that
from?", "are you sure?". Takes the reading's ``Ask``; never reads the message.
"""

from __future__ import annotations

from typing import Dict, List, Optional

from rasa_sdk.events import EventType, SlotSet

from actions.common import Handler, Turn
from advisor.reading import Ask
from advisor.replies import (
    ALREADY_ANSWERED,
    NO_JOB_PROMISED,
    faq_reply,
    focused_reply,
    how_current_reply,
    how_sure_reply,
    in_particular,
    in_short_reply,
    nothing_more_reply,
    proper_name,
    sources_reply,
    uncovered_reply,
)


def _lead(ask: Ask) -> Optional[str]:
    return NO_JOB_PROMISED if ask.lead == "job" else None


def answer_topic(turn: Turn, topic: str, credential: Optional[str], ask: Ask) -> List[EventType]:
    """One topic's answer for ``credential`` (None: both side by side); said once, not twice in a row."""
    reply = faq_reply(
        turn.kb,
        topic,
        credential,
        compared=ask.compared or len(ask.topics) > 1,
        recommended=bool(turn.snap.recommended),
        details=ask.details,
        wanted=turn.reading.words,
    )
    if ask.details and reply.text == faq_reply(turn.kb, topic, credential).text:  # nothing was left out
        turn.dispatcher.utter_message(text=nothing_more_reply(topic))
        return [SlotSet("last_topic", topic)]
    if ask.lead == "employer" and ask.name:  # "can I get a job at Google with this?"
        reply = in_particular(reply, f"hiring at {proper_name(ask.name)}")
    elif ask.lead == "country" and ask.name:  # "is it recognised in Germany?"
        reply = in_particular(reply, f"recognition in {proper_name(ask.name)}")
    snap = turn.snap
    if (
        snap.topic_shown
        and snap.last_topic == topic
        and snap.credential == credential
        and len(ask.topics) == 1
        and not ask.details
    ):
        # The part of the answer the words ask about; else, named again in words, the answer again in short;
        # by the classifier alone, misread.
        focused = focused_reply(turn.kb, topic, credential, turn.reading.words)
        if focused is not None:
            return turn.say(focused) + [SlotSet("last_topic", topic)]
        if ask.by_words:
            return turn.say(in_short_reply(turn.kb, topic, credential)) + [SlotSet("last_topic", topic)]
        turn.dispatcher.utter_message(text=ALREADY_ANSWERED)
        return [SlotSet("last_topic", topic)]
    lead = _lead(ask)
    if lead:
        turn.dispatcher.utter_message(text=lead)
    return turn.say(reply) + [SlotSet("last_topic", topic), SlotSet("credential_type", credential)]


def topics(turn: Turn, ask: Ask) -> List[EventType]:
    """The FAQ answer for each topic asked; "where is that from?" then lists the sources of all of them."""
    events: List[EventType] = []
    for topic in ask.topics:
        events += answer_topic(turn, topic, ask.credential, ask)
    cited = [c for e in events if e.get("name") == "last_citations" for c in e.get("value") or []]
    unique = [c for i, c in enumerate(cited) if c not in cited[:i]]
    return [e for e in events if e.get("name") != "last_citations"] + (
        [SlotSet("last_citations", unique)] if unique else []
    )


def uncovered(turn: Turn, ask: Ask) -> List[EventType]:
    """ "Can I do it in Spanish?": my sources don't cover that, so no nearest answer; a covered topic asked with
    it ("when do courses start, are there deadlines?") is answered after saying so."""
    if not ask.topics:
        turn.dispatcher.utter_message(text=uncovered_reply(str(ask.name)))
        return []
    turn.dispatcher.utter_message(text=uncovered_reply(str(ask.name), short=True))
    return topics(turn, ask)


def sources(turn: Turn, ask: Ask) -> List[EventType]:
    turn.dispatcher.utter_message(text=sources_reply(turn.kb, turn.citations).text)
    return []


def how_sure(turn: Turn, ask: Ask) -> List[EventType]:
    turn.dispatcher.utter_message(text=how_sure_reply(turn.kb, turn.citations).text)
    return []


def how_current(turn: Turn, ask: Ask) -> List[EventType]:
    turn.dispatcher.utter_message(text=how_current_reply(turn.citations).text)
    return []


ASKS: Dict[str, Handler] = {
    "faq": topics,
    "uncovered": uncovered,
    "sources": sources,
    "how_sure": how_sure,
    "how_current": how_current,
}
