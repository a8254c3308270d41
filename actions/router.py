"""The router: every turn outside the form's own answers comes here and is carried out act by act.

The reading (``advisor/reading.py``) has already decided what the message
means; the router only hands each act to its handler, in the reading's order:
courtesies, answers (kept wherever they are given), the control of the
questions, then the question asked. Handlers never call each other. What the
reply showed is kept in the slot ``shown`` for the next message's reading.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import faq, programmes, recommendation, smalltalk
from actions.common import Handler, Turn, citations_from, reading_of, replies_on_error, shown_by, snapshot
from advisor.reading import Answer, Ask, Confirm, Control, Courtesy, Missed, NotUnderstood, Unsure

ASK_HANDLERS: Dict[str, Handler] = {**faq.ASKS, **programmes.ASKS, **recommendation.ASKS, **smalltalk.ASKS}
_ANSWERS = (Answer, Unsure, Missed, Confirm)


class ActionRespond(Action):
    """Carry out the reading of the latest message."""

    def name(self) -> str:
        return "action_respond"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        reading = reading_of(tracker)
        turn = Turn(
            dispatcher, reading, snapshot(tracker), citations_from(tracker), dict(tracker.get_slot("misses") or {})
        )
        courtesies = reading.of(Courtesy)
        answers = [act for act in reading.acts if isinstance(act, _ANSWERS)]
        rest = [act for act in reading.acts if not isinstance(act, (Courtesy, *_ANSWERS))]
        events: List[EventType] = []
        if courtesies:
            events += smalltalk.courtesies(turn, courtesies, alone=not (answers or rest))
        # The question first, then how the answers given with it were taken; the questions start last.
        for act in (*(a for a in rest if not isinstance(a, Control)), *(a for a in rest if isinstance(a, Control))):
            if isinstance(act, Control):
                if answers:
                    events += recommendation.answers(turn, answers, rest)
                    answers = []
                events += recommendation.control(turn, act)
            elif isinstance(act, Ask):
                events += ASK_HANDLERS[act.kind](turn, act)
            elif isinstance(act, NotUnderstood):
                events += smalltalk.not_understood(turn, act)
        if answers:
            events += recommendation.answers(turn, answers, rest)
        # Not understood or off-topic: what was just shown stays in context for the next message.
        understood = not any(
            isinstance(act, NotUnderstood) or (isinstance(act, Ask) and act.kind == "out_of_scope")
            for act in reading.acts
        )
        if understood and not any(e.get("name") == "shown" for e in events):
            events.append(SlotSet("shown", shown_by(events)))
        if not any(e.get("name") == "said_back" for e in events):
            events.append(SlotSet("said_back", None))
        if not any(e.get("name") == "questions" for e in events):
            events.insert(0, SlotSet("questions", None))
        return events
