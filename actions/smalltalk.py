"""Small-talk replies that depend on the words of the message, not only its intent."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    entity_values,
    first_context_reply,
    kb,
    latest_text,
    replies_on_error,
    say_courtesy_or_complaint,
    say_how_sure,
    send,
)
from actions.faq import answer_topic, start_questions
from actions.programmes import ActionProgramInfo, PointingFirst, query_from, run_search, search, search_or_say_missing
from actions.recommendation import revise_recommendation
from advisor.matching import unknown_topic
from advisor.profile import asks_to_be_asked, final_question, is_question
from advisor.replies import ANYTHING_ELSE, HELP, NOT_UNDERSTOOD
from advisor.smalltalk import (
    BOT_IDENTITY,
    THANKS_AND_GOODBYE_REPLY,
    THANKS_IN_QUESTIONS_REPLY,
    YES_OR_NO_REPLY,
    asks_how_sure,
    goodbye_reply,
    says_goodbye,
    thanks,
    thanks_reply,
    wants_yes_or_no,
)
from advisor.topics import WORD_ONLY_TOPICS, topic_named


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
        question = final_question(latest_text(tracker))
        topic = topic_named(question) if question else None
        if topic and not in_questions:  # "ok thanks. is that on edX?": the question, not "You're welcome!"
            return answer_topic(dispatcher, tracker, topic)
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
        topic = topic_named(latest_text(tracker))
        if topic is not None and not asks_how_sure(latest_text(tracker)):  # "who runs edX?", "I read X costs ..."
            return answer_topic(dispatcher, tracker, topic)
        # "are you sure?"; "can you change the subject to data analysis instead of AI" (a revision)
        said = first_context_reply(
            dispatcher, tracker, (say_how_sure, say_courtesy_or_complaint, revise_recommendation)
        )
        if said is None:
            dispatcher.utter_message(text=BOT_IDENTITY)
            return []
        return said


class ActionGoodbye(Action):
    """Say goodbye; a question misread as one ("ok so columbia or GT? pick one") is answered instead.

    A goodbye neither asks nor names a university, subject or credential; ending
    the conversation on a question is the worst answer to it.
    """

    def name(self) -> str:
        return "action_goodbye"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        if say_how_sure(dispatcher, tracker) is not None:  # "that's outdated, prices have gone up since 2018"
            return []
        named = any(entity_values(tracker, kind) for kind in ("institution", "subject", "credential_type"))
        if named or is_question(latest_text(tracker)):
            return await ActionProgramInfo().run(dispatcher, tracker, domain)
        text = latest_text(tracker)
        if tracker.latest_action_name == "action_deactivate_loop" and not says_goodbye(text):
            # Read as goodbye during the questions, but no farewell ("ta", "cheers mate"): they go on.
            if thanks(text):
                dispatcher.utter_message(text=THANKS_IN_QUESTIONS_REPLY)
            return [FollowupAction("recommendation_form")]
        opening = sum(1 for event in tracker.events if event.get("event") == "user") <= 1
        if opening and not says_goodbye(text):  # "good day" as the first message greets
            dispatcher.utter_message(response="utter_greet")
            return []
        dispatcher.utter_message(text=goodbye_reply(text))  # "thanks, bye" read as goodbye
        return []


class ActionAcknowledge(PointingFirst):
    """ "yes", "no" or "stop" outside the questions: "Anything else?" (a subject named, "ai progs": its programmes)."""

    def name(self) -> str:
        return "action_acknowledge"

    def otherwise(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        said = say_courtesy_or_complaint(dispatcher, tracker)  # "worst bot ever" read as a "no"
        if said is not None:
            return said
        text = latest_text(tracker)
        if asks_to_be_asked(text):  # "ok lets do the questions", read as stop
            return start_questions(dispatcher)
        if wants_yes_or_no(text):  # "just yes or no please"
            dispatcher.utter_message(text=YES_OR_NO_REPLY)
            return []
        if says_goodbye(text):  # "nope thats all", "nah im good": not "OK. What else would you like to know?"
            dispatcher.utter_message(text=goodbye_reply(text))
            return []
        if is_question(text) and topic_named(text) in WORD_ONLY_TOPICS:  # "did 2u go bankrupt", read as yes
            return answer_topic(dispatcher, tracker, str(topic_named(text)))
        query = query_from(tracker)
        if query.subjects or query.institutions:  # "ai progs" read as a yes
            return run_search(dispatcher, query, 0)
        text = latest_text(tracker)
        if is_question(text) and len(text.split()) > 3:  # "if I stop now do I get anything for ...?" read as stop
            dispatcher.utter_message(text=NOT_UNDERSTOOD)
            return []
        dispatcher.utter_message(text=ANYTHING_ELSE)
        return []


class ActionHelp(PointingFirst):
    """What I can do; but "what about nursing?" (read as help) gets that subject's programmes, or says it is missing."""

    def name(self) -> str:
        return "action_help"

    def otherwise(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        text = latest_text(tracker)
        if asks_to_be_asked(text):  # "ok can you just help me pick"
            return start_questions(dispatcher)
        topic = topic_named(text)
        if topic and is_question(text):  # "what do people usually spend?"
            return answer_topic(dispatcher, tracker, topic)
        query = query_from(tracker)
        if query.subjects or query.institutions:  # "what about supply chain?"
            return search(dispatcher, tracker)
        missing = unknown_topic(kb(), query, what_about=True)
        return search_or_say_missing(dispatcher, query, missing) if missing else send(dispatcher, HELP)
