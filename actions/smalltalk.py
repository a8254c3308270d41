"""Small-talk replies that depend on the words of the message, not only its intent."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import latest_text, replies_on_error
from advisor.smalltalk import thanks_reply


class ActionThank(Action):
    """Reply to thanks; "thanks, bye" gets a closing reply instead of "anything else?".

    A complaint read as thanks ("you're useless") gets an apology, not "You're welcome!".
    """

    def name(self) -> str:
        return "action_thank"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        in_questions = bool(tracker.active_loop.get("name"))
        dispatcher.utter_message(text=thanks_reply(latest_text(tracker), in_questions))
        return []
