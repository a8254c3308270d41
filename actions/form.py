"""The recommendation form: its questions, and its validation through Rasa's extract_/validate_ methods.

Each answer comes from the reading of the message (``advisor/reading.py``),
the same reading the router uses, so an answer counts the same wherever it is
given. A message that is only answers is taken here; one that also asks,
thanks or stops gets no extraction, so the form hands the turn to the router
(``action_respond``), which carries it all out and lets the form go on. An
answer not caught is asked again with a hint, and after a second miss left out
(never a third asking). Which questions are still needed is the
recommendation's call: time is answered by hours a week or by months, and the
other side is asked only when it could change the outcome.
"""

from __future__ import annotations

import abc
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import reading_of, replies_on_error
from actions.recommendation import passed_over, take_answers
from advisor.questions import QUESTIONS
from advisor.reading import SLOTS, Answer, Reading
from advisor.recommend import questions_to_ask
from advisor.replies import noted_reply


class ValidateRecommendationForm(FormValidationAction):
    """Fill the form's slots from the reading of a message that answers, several at once if given."""

    def name(self) -> str:
        return "validate_recommendation_form"

    @staticmethod
    def _answers(tracker: Tracker) -> Optional[Reading]:
        """The reading, when this message is to be taken here: just said by the user, and only answers."""
        if tracker.latest_action_name != "action_listen":
            return None  # back from the router, which has taken this message's answers already
        reading = reading_of(tracker)
        return reading if reading.only_answers else None

    async def required_slots(
        self, domain_slots: List[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[str]:
        held = {slot: tracker.get_slot(slot) for slot in SLOTS}
        reading = self._answers(tracker)
        answered = [act.slot for act in reading.acts if hasattr(act, "slot")] if reading else []
        needed = questions_to_ask(held)
        return needed + [slot for slot in answered if slot not in needed]

    async def extract_goal(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return self._extract("goal", tracker)

    async def extract_wants_credit(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return self._extract("wants_credit", tracker)

    async def extract_weekly_hours(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return self._extract("weekly_hours", tracker)

    async def extract_horizon_months(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return self._extract("horizon_months", tracker)

    async def extract_budget(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return self._extract("budget", tracker)

    async def extract_subject(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return self._extract("subject", tracker)

    def _extract(self, slot: str, tracker: Tracker) -> Dict[str, Any]:
        """The slot's act in the reading, kept whole until validation says how it was taken."""
        reading = self._answers(tracker)
        acts = (
            [a for a in reading.acts if getattr(a, "slot", None) == slot and not getattr(a, "repeated", False)]
            if reading
            else []
        )
        return {slot: acts[0]} if acts else {}

    def _validate(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[str, Any]:
        """Set the slot from its act, saying how a figure was read, what changed, or why it is asked again."""
        if not hasattr(value, "slot"):
            return {slot: value}  # set by a button's payload or an earlier turn: already a value
        misses = dict(tracker.get_slot("misses") or {})
        asked = tracker.get_slot("requested_slot")
        taken = take_answers(dispatcher, [value], asked, misses)
        if isinstance(value, Answer) and taken.noted:  # "5 hours a week", said to the credit question
            dispatcher.utter_message(text=noted_reply(taken.noted))
            reading = self._answers(tracker)
            answered = [a.slot for a in reading.acts if isinstance(a, Answer)] if reading else []
            if answered and slot == answered[0]:  # once a message: the question asked, answered around
                taken.events += passed_over(dispatcher, asked, answered, misses)
        set_now = {event["name"]: event["value"] for event in taken.events}
        kept = set_now.get(slot, tracker.get_slot(slot))
        return {slot: kept, **{k: v for k, v in set_now.items() if k != slot}, "said_back": None, "shown": []}

    def validate_goal(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return self._validate("goal", value, dispatcher, tracker)

    def validate_wants_credit(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return self._validate("wants_credit", value, dispatcher, tracker)

    def validate_weekly_hours(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return self._validate("weekly_hours", value, dispatcher, tracker)

    def validate_horizon_months(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return self._validate("horizon_months", value, dispatcher, tracker)

    def validate_budget(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return self._validate("budget", value, dispatcher, tracker)

    def validate_subject(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return self._validate("subject", value, dispatcher, tracker)


class AskQuestion(Action, abc.ABC):
    """Ask one of the form's questions, with its buttons; the other side of time is asked as a follow-up."""

    @property
    @abc.abstractmethod
    def slot(self) -> str:
        """The form slot this question fills."""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        question = QUESTIONS[self.slot]
        other = "horizon_months" if self.slot == "weekly_hours" else "weekly_hours"
        follow_up = self.slot in ("weekly_hours", "horizon_months") and tracker.get_slot(other) is not None
        buttons = [{"title": title, "payload": payload} for title, payload in question.buttons]
        dispatcher.utter_message(text=question.follow_up if follow_up else question.text, buttons=buttons)
        return []


class ActionAskGoal(AskQuestion):
    slot = "goal"


class ActionAskWantsCredit(AskQuestion):
    slot = "wants_credit"


class ActionAskWeeklyHours(AskQuestion):
    slot = "weekly_hours"


class ActionAskHorizonMonths(AskQuestion):
    slot = "horizon_months"


class ActionAskBudget(AskQuestion):
    slot = "budget"


class ActionAskSubject(AskQuestion):
    slot = "subject"
