"""The recommendation form: asking its questions and reading the answers from buttons or free text."""

from __future__ import annotations

import abc
import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    entity_values,
    first_context_reply,
    intent_name,
    kb,
    latest_text,
    replies_on_error,
    say_uncovered,
)
from actions.faq import answer_last_topic_for_named, answer_named_topic, answer_specific_topic
from actions.programmes import describe_listed, query_from
from actions.recommendation import FORM_SLOTS, as_number
from advisor.language import is_not_words
from advisor.matching import asks_for_details, listed_position, normalise, resolve_subject, subjects_in, unknown_topic
from advisor.profile import (
    ANY_SUBJECT,
    GOALS,
    UNSURE,
    answers_in,
    answers_plainly,
    asks_for_verdict_now,
    asks_to_stop,
    confirms,
    in_other_currency,
    is_acknowledgement,
    is_hesitation,
    is_question,
    is_unsure,
    leaves_open,
    parse_any_subject,
    parse_budget,
    parse_credit,
    parse_goal,
    parse_weekly_hours,
    revises,
    speaks_for_oneself,
    wants_both,
    without_degrees_held,
)
from advisor.questions import NO_RUSH, QUESTION_MID_WAY, QUESTIONS, asks_what_it_means, option_titled, option_value
from advisor.replies import (
    ALREADY_CHOOSING,
    CONFIRMED,
    OTHER_CURRENCY,
    OTHER_CURRENCY_LATER,
    RECOMMENDING_WITH_WHAT_I_HAVE,
    TELL_ME_IF_WRONG,
    UNSURE_NOTED,
    already_noted_reply,
    carried_reply,
    changed_reply,
    noted_reply,
)

# Messages with these intents are read as answers. A question asked mid-form
# ("do certificates give credit?") must not fill a slot: the form then rejects
# the turn and the interruption rule answers the question instead. A statement
# about the learner is the exception (``speaks_for_oneself``): "i do need the
# credit", read as ``ask_credit``, still answers the credit question.
ANSWER_INTENTS = frozenset({"inform", "affirm", "deny", "request_recommendation", "start_over", "nlu_fallback"})
# Read but not understood, these get the question again (or, for the subject,
# are taken as one the catalogue lacks); "start over" that answers nothing is
# left to its rule, which restarts the questions.
ASKED_AGAIN_INTENTS = ANSWER_INTENTS - {"start_over"}
MAX_WEEKLY_HOURS = 80
# A bare number under this, said to the budget question, is likely not dollars ("maybe 12").
MIN_PLAIN_BUDGET = 50


def _misread_stop(tracker: Tracker) -> bool:
    """A message read as ``stop`` without a word of stopping ("blorp qwertyuiop"): the question comes again.

    Ending the questions for it would lose the answers given so far. Nor is one
    that answers ("actually forget the degree part, i just want a better job"):
    "forget" there drops a wish, not the questions.
    """
    text = latest_text(tracker)
    return intent_name(tracker) == "stop" and (not asks_to_stop(text) or bool(answers_in(text)))


def _said_back_just_now(tracker: Tracker) -> bool:
    """Whether the bot's last turn said back answers it took ("From what you said: ... Tell me if that's wrong.")."""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users == 2:
                return False
        elif users == 1 and event.get("event") == "bot" and TELL_ME_IF_WRONG in str(event.get("text") or ""):
            return True
    return False


def _differs(told: Any, held: Any) -> bool:
    """Whether an answer differs from the one held (6.0 hours and "6" are the same)."""
    told_number, held_number = as_number(told), as_number(held)
    if told_number is not None and held_number is not None:
        return told_number != held_number
    return told != held


class ValidateRecommendationForm(FormValidationAction):
    """Fill the form's slots from buttons or free text, several at once if given.

    A slot the bot has just asked for is read from the whole answer (a bare
    number or "yes" counts); other slots are only filled while still empty, so
    a later answer never silently overwrites an earlier one. An answer to the
    question just asked that cannot be read sets that slot to None: the form
    then asks again with an example ("Sorry, I didn't catch the budget ...")
    instead of rejecting the turn, which ended in the generic fallback reply.
    """

    def name(self) -> str:
        return "validate_recommendation_form"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        requested = tracker.get_slot("requested_slot")
        if requested and confirms(latest_text(tracker)) and _said_back_just_now(tracker):
            dispatcher.utter_message(text=CONFIRMED)  # "spot on", to "Tell me if that's wrong": the question again
            return [SlotSet(requested, None)]
        answered = self._question_in_between(dispatcher, tracker)
        if answered is not None:  # answered, then the question again
            return answered + ([SlotSet(requested, None)] if requested else [])
        before = {slot: tracker.get_slot(slot) for slot in FORM_SLOTS}  # rasa-sdk updates the tracker's slots
        events = await super().run(dispatcher, tracker, domain)
        filled = {
            e["name"]: e["value"]
            for e in events
            if e.get("event") == "slot" and e.get("name") in FORM_SLOTS and e.get("value") is not None
        }
        changed = {slot: value for slot, value in filled.items() if before[slot] not in (None, value)}
        if (
            changed
            and requested == "wants_credit"
            and "wants_credit" in filled
            and parse_credit(latest_text(tracker)) is None
        ):
            # "no, I meant deep expertise actually": the "no" puts the goal right; the credit question again.
            events = [e for e in events if e.get("name") != "wants_credit"] + [SlotSet("wants_credit", None)]
            del filled["wants_credit"]
        if requested is None:  # the message that started the questions
            if changed:
                dispatcher.utter_message(text=changed_reply(changed))
            taken = {slot: value for slot, value in filled.items() if before[slot] is None and value != UNSURE}
            # Said back unless every answer is in, when the recommendation itself says them:
            # "im a nurse moving into data, what are my options" was silently read as a job-skill goal.
            if taken and not all((before | filled)[slot] is not None for slot in FORM_SLOTS):
                dispatcher.utter_message(text=carried_reply(taken, before=False))
        elif filled.get(requested) == UNSURE:  # "not sure", "skip": the next question
            dispatcher.utter_message(text=UNSURE_NOTED)
        elif changed:  # "actually i meant a quick job skill", said to another question
            dispatcher.utter_message(text=changed_reply(changed))
        elif filled and requested not in filled:  # "5 hours a week", asked about credit
            dispatcher.utter_message(text=noted_reply(filled))
        elif not filled:
            repeated = {
                slot: value for slot, value in answers_in(latest_text(tracker)).items() if before[slot] == value
            }
            if repeated:  # "i told you, 3 hrs"
                dispatcher.utter_message(text=already_noted_reply(repeated))
            elif intent_name(tracker) == "request_recommendation" or asks_for_verdict_now(latest_text(tracker)):
                told = [slot for slot in FORM_SLOTS if before[slot] is not None]
                # "hmm so now what do you recommend": with what I have, the rest left out ("help me choose",
                # an old button clicked mid-way, is not asking for the verdict now).
                if len(told) >= 2 and asks_for_verdict_now(latest_text(tracker)):
                    dispatcher.utter_message(text=RECOMMENDING_WITH_WHAT_I_HAVE)
                    left_out = {slot: ANY_SUBJECT if slot == "subject" else UNSURE for slot in FORM_SLOTS}
                    return events + [SlotSet(slot, left_out[slot]) for slot in FORM_SLOTS if before[slot] is None]
                dispatcher.utter_message(text=ALREADY_CHOOSING)
        return events

    @staticmethod
    def _question_in_between(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
        """The answer to a question asked instead of answering; None when the message is to be read as an answer.

        "Tell me about the first one" points into the list shown (a bare "the
        first one" may be the question's own first option, so it is left to the
        parsers). A question the classifier read as an answer or did not
        understand, but whose own words name a topic ("are there exams?") or one
        my sources don't cover ("is it taught in spanish?"), is answered as it
        would be outside the questions: read as an answer, it got "Sorry, I
        didn't catch your goal"; so is any question that names a topic ("and what about
        micromasters, do employers care about those"), which got "I can't answer that in the
        middle of these questions". A question that answers ("is 6 hours a week
        realistic?") is read as the answer.
        """
        text = latest_text(tracker)
        if asks_for_details(text):
            return describe_listed(dispatcher, tracker)
        if (
            intent_name(tracker) in ASKED_AGAIN_INTENTS
            and is_question(text)
            and not answers_in(text)
            and not subjects_in(kb(), text)
        ):
            return first_context_reply(
                dispatcher,
                tracker,
                (answer_specific_topic, say_uncovered, answer_named_topic, answer_last_topic_for_named),
            )
        return None

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """The slots read from the message; "the first one" said to a question is its first option."""
        events = await super().get_extraction_events(dispatcher, tracker, domain)
        requested = tracker.get_slot("requested_slot")
        text = latest_text(tracker)
        # "idk just want a better job tbh" leaves nothing open: it names a goal.
        open_answer = requested == "goal" and (wants_both(text) or (leaves_open(text) and parse_goal(text) is None))
        if (
            requested == "wants_credit"
            and leaves_open(text)
            and parse_credit(text) is None
            and not asks_what_it_means(text)
        ):
            open_answer = True  # "not sure, maybe later a masters"
        if requested in FORM_SLOTS and (is_unsure(text) or open_answer):
            return [e for e in events if e.get("name") != requested] + [SlotSet(requested, UNSURE)]
        # "tell me about the first one" asks about a programme, not for the question's first option.
        position = listed_position(text) if requested in QUESTIONS and not asks_for_details(text) else None
        chosen = option_value(requested, position) if position is not None else None
        if chosen is None and requested in QUESTIONS:  # a button's title typed: that button's answer
            chosen = option_titled(requested, text)
        if chosen is None:
            return events
        return [e for e in events if e.get("name") != requested] + [SlotSet(requested, chosen)]

    @staticmethod
    def _wanted(tracker: Tracker, slot: str) -> Optional[bool]:
        """True if just asked, False if still empty, None if not to be read now.

        A statement about oneself counts as an answer whatever the classifier
        read it as ("maybe 5 hrs a week since i work shifts" as a question about
        length), and fills the other questions it answers too; so does a plain
        answer ("cheap" as a question about cost).
        """
        requested = tracker.get_slot("requested_slot") == slot
        text = latest_text(tracker)
        if requested and slot == "subject" and len(text.split()) <= 3 and subjects_in(kb(), text):
            return True  # "DS", read as a greeting, names the subject asked for
        if (
            intent_name(tracker) not in ANSWER_INTENTS
            and not speaks_for_oneself(text)
            and not answers_plainly(text, slot)  # "cheap", read as a question about cost
        ):
            return True if requested and (is_hesitation(text) or _misread_stop(tracker)) else None
        if requested:
            return True
        # An answer given before changes only when the learner says so: "actually ...", or a
        # different answer to one I just said back, in a message that answers nothing of the
        # question asked ("deep expertise i think", said to the credit question right after "From
        # what you said: your goal is a practical job skill. Tell me if that's wrong.").
        if tracker.get_slot(slot) is None or revises(text):
            return False
        told = answers_in(text)
        asked_now = tracker.get_slot("requested_slot")
        if (
            slot in told
            and asked_now not in told
            and _differs(told[slot], tracker.get_slot(slot))
            and _said_back_just_now(tracker)  # only an answer I guessed and said back; a misread word
        ):  # elsewhere ("I said nothing academic") must not overturn one
            return False
        return None

    @staticmethod
    def _read(tracker: Tracker, slot: str, value: Any, asked: Optional[bool]) -> Dict[str, Any]:
        """``{slot: value}``; ``{slot: None}`` when the question was just asked but the answer is unreadable.

        Not for a message classified as a question, off-topic or a request to
        stop: unread, it is left to its own rule ("that's outside what I
        cover", an FAQ answer). A hesitation ("let me think about it", read as
        ``stop``) gets the question again.
        """
        if value is not None:
            return {slot: value}
        text = latest_text(tracker)
        answer = intent_name(tracker) in ASKED_AGAIN_INTENTS or is_hesitation(text) or _misread_stop(tracker)
        return {slot: None} if asked and answer else {}

    @staticmethod
    def _entity(tracker: Tracker, name: str) -> Optional[str]:
        values = entity_values(tracker, name)
        return values[0] if values else None

    async def extract_goal(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        asked = self._wanted(tracker, "goal")
        if asked is None:
            return {}
        return self._read(tracker, "goal", self._entity(tracker, "goal") or parse_goal(latest_text(tracker)), asked)

    async def extract_wants_credit(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        asked = self._wanted(tracker, "wants_credit")
        if asked is None:
            return {}
        return self._read(
            tracker, "wants_credit", parse_credit(latest_text(tracker), intent_name(tracker), asked=asked), asked
        )

    async def extract_weekly_hours(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        asked = self._wanted(tracker, "weekly_hours")
        if asked is None:
            return {}
        if asked and re.match(r"\s*-\s*\d", latest_text(tracker)):  # "-3" is no number of hours
            return {"weekly_hours": None}
        value = as_number(self._entity(tracker, "weekly_hours"))
        if value is None:
            value = parse_weekly_hours(latest_text(tracker), asked=asked)
        return self._read(tracker, "weekly_hours", value, asked)

    async def extract_budget(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        asked = self._wanted(tracker, "budget")
        if asked is None:
            return {}
        if in_other_currency(latest_text(tracker)):  # "40k rupees": not $40,000; asked for in dollars
            if not asked:  # "my parents would pay maybe €1000", said to another question
                dispatcher.utter_message(text=OTHER_CURRENCY_LATER)
                return {}
            dispatcher.utter_message(text=OTHER_CURRENCY)
            return {"budget": None}
        value = as_number(self._entity(tracker, "budget"))
        if value is None:
            value = parse_budget(latest_text(tracker), asked=asked)
        return self._read(tracker, "budget", value, asked)

    async def extract_subject(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        asked = self._wanted(tracker, "subject")
        if asked is None:
            return {}
        text = latest_text(tracker)
        wanted = without_degrees_held(text)  # "I have a bachelors in economics, I want data science"
        entity = self._entity(tracker, "subject")
        if entity and entity != ANY_SUBJECT and entity.lower() in normalise(text) and entity.lower() not in wanted:
            entity = None  # named only as a degree held (a button's payload has no such words)
        if entity == ANY_SUBJECT:
            return {"subject": ANY_SUBJECT}
        found = [resolve_subject(kb(), entity)] if entity else []
        found = [s for s in found if s] or subjects_in(kb(), wanted)
        if found:
            return {"subject": found[0]}
        if asked and parse_any_subject(text):
            return {"subject": ANY_SUBJECT}
        if asked and intent_name(tracker) == "request_recommendation":  # "help me choose": the question again
            return {"subject": None}
        if asked and (intent_name(tracker) in ("affirm", "deny") or is_acknowledgement(text)):  # "ok", "yes"
            return {"subject": None}
        if asked and (answers_in(text) or revises(text)):
            # "I told you 4 hours", "actually, I might want a masters eventually": other answers, not a subject.
            return {}
        if asked and is_not_words(text):  # "😀", "<script>alert(1)</script>": no subject's name; asked again
            return {"subject": None}
        if asked and (entity or text.strip()) and intent_name(tracker) in ASKED_AGAIN_INTENTS:
            # "what about marketing programmes": "marketing", not the whole sentence, is the subject lacked.
            named = entity or unknown_topic(kb(), query_from(tracker), what_about=True)
            if not named and len(text.split()) > 4:  # a sentence is no subject's name: asked again
                return {"subject": None}
            return {"subject": named or text.strip()}
        return {}

    def validate_goal(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return {"goal": value if value in GOALS or value == UNSURE else None}

    def validate_weekly_hours(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        if value is None or value == UNSURE:  # cleared by a reset, or left out: nothing to check
            return {"weekly_hours": value}
        hours = as_number(value)
        if hours is None or not 0 < hours <= MAX_WEEKLY_HOURS:
            dispatcher.utter_message(
                text=f'I need a number of hours per week between 1 and {MAX_WEEKLY_HOURS}, e.g. "about 6 hours a week".'
            )
            return {"weekly_hours": None}
        return {"weekly_hours": hours}

    def validate_budget(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        if value is None or value == UNSURE:
            return {"budget": value}
        budget = as_number(value)
        if budget is None or budget < 0:
            dispatcher.utter_message(text='I need a budget in US dollars, e.g. "about $800" or "no fixed limit".')
            return {"budget": None}
        if 0 < budget < MIN_PLAIN_BUDGET and not re.search(
            r"\$|\b(dollars?|usd|bucks)\b", latest_text(tracker).lower()
        ):
            # "maybe 12", meant as hours, became "your budget is about $12".
            dispatcher.utter_message(
                text=f"Just ${budget:g} for the whole credential? Please give the budget in US dollars, "
                'e.g. "about $800", or say "nothing" if you can\'t pay.'
            )
            return {"budget": None}
        return {"budget": budget}

    def validate_subject(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        if value == UNSURE:  # "not sure" of the subject: programmes from any subject
            return {"subject": ANY_SUBJECT}
        if value is None or value == ANY_SUBJECT or resolve_subject(kb(), str(value)) == value:
            return {"subject": value}
        dispatcher.utter_message(
            text=f'I have no programmes in "{str(value)[:60]}" in my catalogue, '
            "so I'll suggest programmes from any subject."
        )
        return {"subject": ANY_SUBJECT}


class AskQuestion(Action, abc.ABC):
    """Ask one form question; when asking it again straight away, say why."""

    @property
    @abc.abstractmethod
    def slot(self) -> str:
        """The form slot this question fills."""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        question = QUESTIONS[self.slot]
        if tracker.get_slot("requested_slot") == self.slot and self._answered_but_not_understood(
            tracker, question.text
        ):
            text = latest_text(tracker)
            if asks_what_it_means(text):  # "what do you mean by credit?": why I ask, which says what it is
                said = question.why
            elif is_hesitation(text):
                said = NO_RUSH
            elif is_question(text):  # "which programmes exactly?" is no failed answer
                said = QUESTION_MID_WAY
            else:
                said = question.hint
            dispatcher.utter_message(text=said)
        buttons = [{"title": title, "payload": payload} for title, payload in question.buttons]
        dispatcher.utter_message(text=question.text, buttons=buttons)
        return []

    @staticmethod
    def _answered_but_not_understood(tracker: Tracker, question: str) -> bool:
        """The bot's last message was this question and the user has replied since.

        After an interruption (an FAQ answer, "You're welcome!") the last bot
        message is something else, and the question is simply asked again.
        """
        events = tracker.events
        last_bot = next((i for i in range(len(events) - 1, -1, -1) if events[i].get("event") == "bot"), None)
        if last_bot is None or events[last_bot].get("text") != question:
            return False
        return any(event.get("event") == "user" for event in events[last_bot + 1 :])


class ActionAskGoal(AskQuestion):
    slot = "goal"


class ActionAskWantsCredit(AskQuestion):
    slot = "wants_credit"


class ActionAskWeeklyHours(AskQuestion):
    slot = "weekly_hours"


class ActionAskBudget(AskQuestion):
    slot = "budget"


class ActionAskSubject(AskQuestion):
    slot = "subject"
