"""Small-talk replies that depend on the words of the message, not only its intent."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    entity_values,
    first_context_reply,
    latest_text,
    replies_on_error,
    say_how_sure,
    say_praise_or_complaint,
)
from actions.faq import answer_topic
from actions.programmes import ActionProgramInfo
from advisor.profile import is_question
from advisor.smalltalk import BOT_IDENTITY, THANKS_AND_GOODBYE_REPLY, thanks_reply
from advisor.topics import topic_named


class ActionThank(Action):
    """Reply to thanks; "thanks, bye" gets a closing reply instead of "anything else?".

    A complaint read as thanks ("you're useless") gets an apology, not "You're welcome!".
    "Thanks, bye" during the recommendation's questions ends them, as "bye" does,
    instead of asking the next question of someone who is leaving.
    """

    def name(self) -> str:
        return "action_thank"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        in_questions = bool(tracker.active_loop.get("name"))
        reply = thanks_reply(latest_text(tracker), in_questions)
        dispatcher.utter_message(text=reply)
        if in_questions and reply == THANKS_AND_GOODBYE_REPLY:
            # The rule would resume the form next; the conversation waits for the user instead.
            return [ActiveLoop(None), SlotSet("requested_slot", None), FollowupAction("action_listen")]
        return []


class ActionBotChallenge(Action):
    """ "Are you a bot?": what I am. "Who runs edX?", read as asking about me, gets the answer about edX."""

    def name(self) -> str:
        return "action_bot_challenge"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        if topic_named(latest_text(tracker)) == "about_edx":
            return answer_topic(dispatcher, tracker, "about_edx")
        if first_context_reply(dispatcher, tracker, (say_how_sure, say_praise_or_complaint)) is None:  # "are you sure?"
            dispatcher.utter_message(text=BOT_IDENTITY)
        return []


class ActionGoodbye(Action):
    """Say goodbye; a question misread as one ("ok so columbia or GT? pick one") is answered instead.

    A goodbye neither asks nor names a university, subject or credential; ending
    the conversation on a question is the worst answer to it.
    """

    def name(self) -> str:
        return "action_goodbye"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        named = any(entity_values(tracker, kind) for kind in ("institution", "subject", "credential_type"))
        if named or is_question(latest_text(tracker)):
            return await ActionProgramInfo().run(dispatcher, tracker, domain)
        dispatcher.utter_message(response="utter_goodbye")
        return []
