"""The honest replies to a message not understood or outside what the bot covers, keeping the context."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    first_context_reply,
    intent_name,
    kb,
    latest_text,
    replies_on_error,
    say_how_sure,
    say_uncovered,
    set_in_previous_turn,
)
from actions.faq import (
    answer_about_programme,
    answer_specific_topic,
    answer_topic,
    named_credentials,
    start_from_choice_question,
)
from actions.programmes import (
    PointingFirst,
    answer_about_listed,
    describe_named,
    describe_programme_in_context,
    query_from,
    say_doubtful_claim,
    say_if_still_offered,
    search,
)
from advisor.language import is_other_language
from advisor.matching import normalise, subjects_partly_named, unknown_topic
from advisor.profile import talks_about_oneself, what_is_told
from advisor.replies import NOT_UNDERSTOOD, ONLY_ENGLISH, OUT_OF_SCOPE
from advisor.topics import topic_named

# What "it", "the second one" or "which is cheapest?" refer to: the programme or list just shown.
CONTEXT_SLOTS = ("current_programme", "listed_programmes", "last_search")

_ASKS_WORTH = re.compile(r"\b(any good|(is|was) (it|this|that|this one|that one) good|worth|legit|worthwhile)\b")


def kept_context(tracker: Tracker) -> List[EventType]:
    """The previous reply's context set again, so that a message not understood does not lose it.

    Without it, "how long is it?" after a message caught by the fallback no
    longer meant the programme described just before.
    """
    return [SlotSet(slot, tracker.get_slot(slot)) for slot in CONTEXT_SLOTS if set_in_previous_turn(tracker, slot)]


def worth_of_programme_meant(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "is it any good?" right after a programme, caught by the fallback: the FAQ action's answer about it."""
    if not _ASKS_WORTH.search(normalise(latest_text(tracker))):
        return None
    return answer_about_programme(dispatcher, tracker, "worth")


class ActionNotUnderstood(PointingFirst):
    """The honest "I didn't understand" ("number 2" right after a list is understood, though).

    It answers the ``nlu_fallback`` rule and is also the core fallback (no
    policy sure of the next action); there, as Rasa's default fallback does,
    the message is reverted so that the conversation goes on as before it. After
    the ``nlu_fallback`` rule, the programme or list just shown stays in context.
    """

    def name(self) -> str:
        return "action_not_understood"

    def otherwise(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        # "tell me about it" or "is it any good?" right after a programme; "is there a fintech
        # micromasters?" (a programme my sources doubt); "are there exams?"
        about_it = first_context_reply(
            dispatcher,
            tracker,
            (
                say_if_still_offered,
                describe_programme_in_context,
                answer_about_listed,
                worth_of_programme_meant,
                say_doubtful_claim,
                answer_specific_topic,
            ),
        )
        if about_it is not None:
            return about_it
        if is_other_language(latest_text(tracker)):
            dispatcher.utter_message(text=ONLY_ENGLISH)
        elif say_uncovered(dispatcher, tracker) is None:  # "visa?" caught by the fallback is understood enough
            dispatcher.utter_message(text=NOT_UNDERSTOOD)
        return kept_context(tracker) if intent_name(tracker) == "nlu_fallback" else [UserUtteranceReverted()]


def _search_if_catalogued(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "I'm a mom of 3 ... something in business or marketing?", read as off-topic: a search of those subjects.

    Only for a subject: "a good pizza place near mit" names an institution, and is off-topic.
    """
    query = query_from(tracker)
    topic = unknown_topic(kb(), query)
    if query.subjects or (topic and subjects_partly_named(kb(), topic)):
        return search(dispatcher, tracker)
    return None


# Topics only edX has: named, the question is in scope whatever else it says.
_ABOUT_EDX = frozenset({"about_edx", "how_many", "other_credentials"})


def _answer_about_edx(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "When did 2u buy edx?", read as off-topic: who runs edX is a topic of mine."""
    topic = topic_named(latest_text(tracker))
    return answer_topic(dispatcher, tracker, topic) if topic in _ABOUT_EDX else None


class ActionOutOfScope(Action):
    """ "Sorry, that's outside what I cover", with the programme or list just shown kept in context.

    As a plain response it lost them: "what's the weather?" between a programme
    and "how long is it?" made the bot answer for the credentials in general.
    A credential named with a topic of its own ("can a 17 year old do a
    micromasters?") is in scope after all, and gets that topic's answer.
    """

    def name(self) -> str:
        return "action_out_of_scope"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        text = latest_text(tracker)
        # "I'm 68 ... is there an age limit?": a topic asked by someone telling about themselves.
        asks_topic = named_credentials(tracker) or talks_about_oneself(what_is_told(text))
        in_scope = first_context_reply(
            dispatcher,
            tracker,
            (
                say_how_sure,  # "your prices are from 2018, that's old"
                # "... IIM Bangalore micromasters is good option?": that programme.
                *((answer_specific_topic, describe_named, _search_if_catalogued) if asks_topic else ()),
                _answer_about_edx,  # "when did 2u buy edx", "how many micromasters are there"
                start_from_choice_question,  # "which is better for a job fast?"
                say_uncovered,  # "is this coursera?": other providers are not covered, rather than off-topic
            ),
        )
        if in_scope is not None:
            return in_scope
        dispatcher.utter_message(text=OUT_OF_SCOPE)
        return kept_context(tracker)
