"""Handler: courtesies, what the bot is, help, and the honest replies to what it did not understand.

"thanks, bye" closes the conversation (during the questions too); a complaint
gets an apology, praise thanks; a message not understood or off-topic keeps the
programme or list just shown in context. Takes the reading's acts; never reads
the message.
"""

from __future__ import annotations

from typing import Dict, List, Sequence

from rasa_sdk.events import EventType, SlotSet

from actions.common import Handler, Turn
from advisor.reading import Ask, Courtesy, NotUnderstood
from advisor.replies import HELP, NOT_UNDERSTOOD, ONLY_ENGLISH, OUT_OF_SCOPE, Reply
from advisor.smalltalk import (
    BOT_IDENTITY,
    COMPLAINT_REPLY,
    COMPLIMENT_REPLY,
    GOODBYE_REPLY,
    GREETING,
    GREETING_BUTTONS,
    THANKS_AND_GOODBYE_REPLY,
    THANKS_IN_QUESTIONS_REPLY,
    THANKS_REPLY,
    YES_OR_NO_REPLY,
)

ACKNOWLEDGED = (
    'OK. What else would you like to know? You can ask about cost, length, credit or programmes, or say "help me '
    'choose".'
)


def courtesies(turn: Turn, found: Sequence[Courtesy], alone: bool) -> List[EventType]:
    """The reply to greetings, thanks, goodbyes, praise and complaints; ``alone``: the message says nothing else."""
    kinds = {courtesy.kind for courtesy in found}
    in_questions = turn.snap.in_questions
    if "goodbye" in kinds:
        turn.dispatcher.utter_message(text=THANKS_AND_GOODBYE_REPLY if "thanks" in kinds else GOODBYE_REPLY)
        if in_questions:  # leaving: the questions end instead of asking someone who is going
            return [SlotSet("questions", "stop")]
        return []
    if not alone:
        return []  # "ok thanks. is that on edX?": the question is the answer
    if "complaint" in kinds:
        turn.dispatcher.utter_message(text=COMPLAINT_REPLY)
    elif "compliment" in kinds:
        turn.dispatcher.utter_message(text=COMPLIMENT_REPLY)
    elif "thanks" in kinds:
        turn.dispatcher.utter_message(text=THANKS_IN_QUESTIONS_REPLY if in_questions else THANKS_REPLY)
    elif "greet" in kinds:
        if in_questions:
            turn.dispatcher.utter_message(text="Hi!")
        else:
            turn.say(Reply(GREETING, buttons=GREETING_BUTTONS))
    elif "acknowledge" in kinds and not in_questions:
        turn.dispatcher.utter_message(text=ACKNOWLEDGED)
    return []


def not_understood(turn: Turn, act: NotUnderstood) -> List[EventType]:
    """The honest "I didn't understand" (or "outside what I cover"); what was just shown stays in context."""
    text = {"other_language": ONLY_ENGLISH, "out_of_scope": OUT_OF_SCOPE}.get(act.reason, NOT_UNDERSTOOD)
    turn.dispatcher.utter_message(text=text)
    return []


def bot(turn: Turn, ask: Ask) -> List[EventType]:
    turn.dispatcher.utter_message(text=BOT_IDENTITY)
    return []


def yes_or_no(turn: Turn, ask: Ask) -> List[EventType]:
    turn.dispatcher.utter_message(text=YES_OR_NO_REPLY)
    return []


def help_reply(turn: Turn, ask: Ask) -> List[EventType]:
    return turn.say(HELP)


def out_of_scope(turn: Turn, ask: Ask) -> List[EventType]:
    turn.dispatcher.utter_message(text=OUT_OF_SCOPE)
    return []


ASKS: Dict[str, Handler] = {
    "who_made_me": bot,
    "bot": bot,
    "yes_or_no": yes_or_no,
    "help": help_reply,
    "out_of_scope": out_of_scope,
}
