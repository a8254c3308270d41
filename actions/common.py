"""Helpers shared by the actions: send a reply and remember its citations."""

from __future__ import annotations

import functools
import logging
import re
from typing import Any, Awaitable, Callable, Dict, List, Optional, Sequence, TypeVar

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from advisor.knowledge import KnowledgeBase, default_knowledge
from advisor.profile import final_question
from advisor.questions import QUESTIONS
from advisor.replies import SOMETHING_WENT_WRONG, Citation, Reply, how_current_reply, how_sure_reply, uncovered_reply
from advisor.smalltalk import (
    BOT_IDENTITY,
    COMPLAINT_REPLY,
    COMPLIMENT_REPLY,
    asks_how_sure,
    asks_if_current,
    asks_who_made_me,
    complains,
    compliments,
    thanks,
    thanks_reply,
)
from advisor.topics import topic_named, uncovered_topic

logger = logging.getLogger(__name__)
Run = TypeVar("Run", bound=Callable[..., Awaitable[List[EventType]]])


def kb() -> KnowledgeBase:
    return default_knowledge()


def send(dispatcher: CollectingDispatcher, reply: Reply) -> List[EventType]:
    """Utter ``reply`` and keep its citations for "where is that from?"."""
    buttons = [{"title": title, "payload": payload} for title, payload in reply.buttons]
    dispatcher.utter_message(text=reply.text, buttons=buttons or None)
    if not reply.citations:
        return []
    return [SlotSet("last_citations", [citation.__dict__ for citation in reply.citations])]


def citations_from(tracker: Tracker) -> List[Citation]:
    stored = tracker.get_slot("last_citations") or []
    known = kb().sources
    return [Citation(**item) for item in stored if isinstance(item, dict) and item.get("source_id") in known]


def entity_values(tracker: Tracker, entity: str, from_char: int = 0) -> List[str]:
    """Values of ``entity`` in the latest user message, in order (those starting at ``from_char`` or later)."""
    values = []
    for found in tracker.latest_message.get("entities", []):
        wanted = found.get("entity") == entity and found.get("value") not in (None, "")
        if wanted and int(found.get("start") or 0) >= from_char:
            values.append(str(found["value"]))
    return values


def latest_text(tracker: Tracker) -> str:
    text = tracker.latest_message.get("text") or ""
    # Button payloads like /inform{"goal":"skills"} carry no words to parse.
    return "" if text.startswith("/") else text


def intent_name(tracker: Tracker) -> Optional[str]:
    intent: Dict[str, Any] = tracker.latest_message.get("intent") or {}
    return intent.get("name")


def set_in_previous_turn(tracker: Tracker, slot: str) -> bool:
    """Whether the bot's reply to the previous user message set ``slot``."""
    users = [i for i, event in enumerate(tracker.events) if event.get("event") == "user"]
    start = users[-2] if len(users) > 1 else 0
    end = users[-1] if users else len(tracker.events)
    return any(e.get("event") == "slot" and e.get("name") == slot for e in tracker.events[start:end])


_FORM_QUESTIONS = frozenset(question.text for question in QUESTIONS.values())


def last_bot_text(tracker: Tracker) -> Optional[str]:
    """What the bot said last, if anything, passing over a recommendation question asked again after it.

    Mid-form, every answer is followed by the question again; without passing
    over it, the same answer asked for twice was given twice word for word.
    """
    last = None
    for event in reversed(tracker.events):
        if event.get("event") == "user" and last is not None:
            break  # the question alone was the last turn: there is no answer just above it
        if event.get("event") == "bot":
            last = event.get("text")
            if last not in _FORM_QUESTIONS:
                break
    return last


# Reads the conversation's context and answers the message, or returns None to pass it on.
ContextReply = Callable[[CollectingDispatcher, Tracker], Optional[List[EventType]]]


def first_context_reply(
    dispatcher: CollectingDispatcher, tracker: Tracker, replies: Sequence[ContextReply]
) -> Optional[List[EventType]]:
    """The events of the first of ``replies`` that answers the message, in order of precedence.

    "the 3rd one", "which ones are micromasters" or "actually my budget is $2,000"
    mean the same whatever intent the classifier gives them, so several
    actions try the same context replies before their own answer.
    """
    for reply in replies:
        events = reply(dispatcher, tracker)
        if events is not None:
            return events
    return None


def say_uncovered(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "Can I do it in Spanish?": my sources don't cover that, whatever intent the question was given.

    Without this, such a question got the FAQ answer of its nearest intent (length).
    """
    text = latest_text(tracker)
    topic = uncovered_topic(text)
    # "is a micromasters a real masters degree? can I write MS on my CV": whether it is a degree comes
    # first. Other topics stay behind the uncovered part: "can i retake the exam" is about retakes.
    if topic is None or topic_named(text) == "degree":
        return None
    dispatcher.utter_message(text=uncovered_reply(topic))
    return []


# "much obliged for the list" thanks; "thanks, show me more" asks for more.
_ASKS_FOR_MORE = re.compile(r"\b(more|next|another|others|additional|rest|further)\b", re.IGNORECASE)


def say_courtesy_or_complaint(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "lol ur actually pretty good", "this is dumb" or "much obliged", read as something else:
    thanks, an apology, or "You're welcome" ("much obliged" was read as "show more").

    A message that also names a topic ("stupid question, but how much is it?") is a question.
    """
    text = latest_text(tracker)
    # "this is probably useless but whatever. what is a micromasters": the question is what matters.
    if topic_named(text) is not None or final_question(text) is not None:
        return None
    if complains(text):
        dispatcher.utter_message(text=COMPLAINT_REPLY)
    elif compliments(text):
        dispatcher.utter_message(text=COMPLIMENT_REPLY)
    elif thanks(text) and not _ASKS_FOR_MORE.search(text):
        dispatcher.utter_message(text=thanks_reply(text, in_questions=bool(tracker.active_loop.get("name"))))
    else:
        return None
    return []


def say_how_sure(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "Are you sure?", whatever it was read as: how far to trust my answers, and the last one's sources.

    "Is that still correct today?" or "your prices are old": how old my facts are.
    """
    if asks_if_current(latest_text(tracker)):
        dispatcher.utter_message(text=how_current_reply(citations_from(tracker)).text)
        return []
    if not asks_how_sure(latest_text(tracker)):
        return None
    dispatcher.utter_message(text=how_sure_reply(kb(), citations_from(tracker)).text)
    return []


_CARRY_ON = re.compile(
    r"\b(continue|carry on|resume|go on|keep going|where were we|back to the questions|pick up where)\b"
)


def resume_questions(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "ok continue" after the questions were stopped: the questions again, from where they stopped.

    It got "There is nothing to show more of yet"; only "help me choose" resumed them.
    """
    stopped = not tracker.active_loop.get("name") and not tracker.get_slot("recommended_credential")
    answered = [slot for slot in QUESTIONS if tracker.get_slot(slot) is not None]
    if not (stopped and answered and _CARRY_ON.search(latest_text(tracker).lower())):
        return None
    dispatcher.utter_message(text="Let's carry on where we stopped.")
    return [FollowupAction("recommendation_form")]


def say_who_made_me(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "Who made you?" is about the bot, whichever intent it was read as (`ask_why`, `ask_source`, a FAQ)."""
    if not asks_who_made_me(latest_text(tracker)):
        return None
    dispatcher.utter_message(text=BOT_IDENTITY)
    return []


def replies_on_error(run: Run) -> Run:
    """An action's ``run`` that never leaves the user without a reply.

    An exception in an action makes Rasa drop the turn silently; this logs it
    with its traceback and says so instead.
    """

    @functools.wraps(run)
    async def guarded(self: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Any) -> List[EventType]:
        try:
            return await run(self, dispatcher, tracker, domain)
        except Exception:
            logger.exception("%s failed on the message %r", self.name(), latest_text(tracker)[:200])
            dispatcher.utter_message(text=SOMETHING_WENT_WRONG)
            return []

    return guarded  # type: ignore[return-value]
