"""Handler: the recommendation. Answers given outside the form, the questions started, stopped and carried
on, the recommendation itself, "why?", what-ifs and pushback.

Answers are kept wherever they are given (before the questions, alongside a
question, after the recommendation); a changed answer after the recommendation
recommends again and says what changed. Takes the reading's acts; never reads
the message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import Handler, Turn, kb, listed, replies_on_error, slot_values
from advisor.questions import MOVING_ON, NO_RUSH, QUESTION_MID_WAY, QUESTIONS
from advisor.reading import ANY_SUBJECT, SLOTS, UNSURE, Answer, Ask, Confirm, Control, Missed, Reading, Snapshot, Unsure
from advisor.recommend import profile_of, questions_to_ask, recommend
from advisor.replies import (
    ALREADY_CHOOSING,
    BAD_HOURS,
    CONFIRMED,
    NOT_A_SUBJECT,
    OFFER_TO_CHOOSE,
    OTHER_CURRENCY,
    RECOMMENDING_WITH_WHAT_I_HAVE,
    TINY_BUDGET,
    UNSURE_NOTED,
    already_noted_reply,
    carried_reply,
    changed_reply,
    explain_reply,
    faq_reply,
    noted_reply,
    read_back_reply,
    recommendation_reply,
    still_recommended_reply,
    supposed_reply,
    unlisted_subject_reply,
    why_not_reply,
)

STARTED = (
    "Let's find the right fit. I'll ask a few quick questions, skipping what you've already told me; "
    'say "stop" at any time, or ask me something in between.'
)


def recommend_events(
    dispatcher: CollectingDispatcher, answers: Dict[str, Any], previous: Optional[str] = None
) -> List[EventType]:
    """Say the recommendation for ``answers``; its programmes become the list in context. ``previous``: the
    credential recommended before a change of answers, said to stand when it does."""
    recommendation = recommend(kb(), profile_of(answers))
    if previous is not None and previous == recommendation.credential_type:
        dispatcher.utter_message(text=still_recommended_reply(kb().credentials[previous].name))
    events = Turn(dispatcher, Reading(()), Snapshot()).say(recommendation_reply(kb(), recommendation))
    return events + [
        SlotSet("recommended_credential", recommendation.credential_type),
        SlotSet("credential_type", recommendation.credential_type),
        listed(recommendation.programmes),
        SlotSet("last_search", None),
    ]


def hint(missed: Missed) -> str:
    """What to say before asking again an answer not caught."""
    question = QUESTIONS[missed.slot]
    return {
        "other_currency": OTHER_CURRENCY,
        "tiny_budget": TINY_BUDGET,
        "bad_hours": BAD_HOURS,
        "not_a_subject": NOT_A_SUBJECT,
        "hesitation": NO_RUSH,
        "meaning": question.why,
        "question": QUESTION_MID_WAY,
        "choosing": ALREADY_CHOOSING,
    }.get(missed.why, question.hint)


def missed_events(dispatcher: CollectingDispatcher, missed: Missed, misses: Dict[str, int]) -> List[EventType]:
    """An answer not caught: asked again with a hint; after a second miss, left out and the questions go on."""
    count = int(misses.get(missed.slot, 0)) + (0 if missed.why in ("hesitation", "meaning", "choosing") else 1)
    misses = {**misses, missed.slot: count}
    if count >= 2:
        question = QUESTIONS[missed.slot]
        buttons = [{"title": title, "payload": payload} for title, payload in question.buttons]
        dispatcher.utter_message(text=MOVING_ON.format(name=question.name), buttons=buttons)
        value = ANY_SUBJECT if missed.slot == "subject" else UNSURE
        return [SlotSet(missed.slot, value), SlotSet("misses", misses)]
    dispatcher.utter_message(text=hint(missed))
    return [SlotSet(missed.slot, None), SlotSet("misses", misses)]


def passed_over(
    dispatcher: CollectingDispatcher, asked: Optional[str], answered: Sequence[str], misses: Dict[str, int]
) -> List[EventType]:
    """The question asked, answered around but not itself ("nah dont need credit" to the goal question): the
    second time, it is left out with its buttons, so that it is never asked a third time."""
    time = ("weekly_hours", "horizon_months")
    if not asked or not answered or asked in answered or (asked in time and set(time) & set(answered)):
        return []
    count = int(misses.get(asked, 0)) + 1
    events: List[EventType] = [SlotSet("misses", {**misses, asked: count})]
    if count < 2:
        return events
    question = QUESTIONS[asked]
    buttons = [{"title": title, "payload": payload} for title, payload in question.buttons]
    dispatcher.utter_message(text=MOVING_ON.format(name=question.name), buttons=buttons)
    return [SlotSet(asked, ANY_SUBJECT if asked == "subject" else UNSURE), *events]


@dataclass
class Taken:
    """The answers a message gave: their events, those that changed one held, and those given unasked."""

    events: List[EventType] = field(default_factory=list)
    changed: Dict[str, Any] = field(default_factory=dict)
    noted: Dict[str, Any] = field(default_factory=dict)


def take_answers(
    dispatcher: CollectingDispatcher,
    acts: Sequence[Any],
    asked: Optional[str],
    misses: Dict[str, int],
    said_back_next: bool = False,
) -> Taken:
    """Keep the answers a message gives and say how they were taken: the figure read ("1000 euro, about
    $1,039 ..."), what changed, what was already held; those given unasked are returned to be noted.
    ``said_back_next``: the questions start and say every answer back, so a reading in words ("no fixed
    limit") is not said twice; a figure converted is still said."""
    taken, repeated, readings = Taken(), {}, []
    for act in acts:
        if isinstance(act, Unsure):
            taken.events.append(SlotSet(act.slot, ANY_SUBJECT if act.slot == "subject" else UNSURE))
            dispatcher.utter_message(text=UNSURE_NOTED)
        elif isinstance(act, Confirm):
            dispatcher.utter_message(text=CONFIRMED)
        elif isinstance(act, Missed):
            taken.events += missed_events(dispatcher, act, misses)
        elif isinstance(act, Answer):
            if act.repeated:
                repeated[act.slot] = act.value
                continue
            taken.events.append(SlotSet(act.slot, act.value))
            if act.unlisted:
                dispatcher.utter_message(text=unlisted_subject_reply(act.unlisted))
            elif act.read_as and (act.previous is None or any(c.isdigit() for c in act.read_as)):
                figure = any(c.isdigit() for c in act.read_as)
                if figure or not said_back_next:  # a figure read is said back on a change too ("actually 1000 euro")
                    readings.append(act.read_as)
            if act.previous is not None:
                taken.changed[act.slot] = act.value
            elif act.slot != asked and not act.read_as and not act.unlisted:
                taken.noted[act.slot] = act.value
    if readings:
        dispatcher.utter_message(text=read_back_reply(readings))
    if taken.changed:
        dispatcher.utter_message(text=changed_reply(taken.changed))
    # Said again with nothing new ("I told you, 3 hrs"): already held.
    if repeated and not (taken.changed or taken.noted or taken.events):
        dispatcher.utter_message(text=already_noted_reply(repeated))
    return taken


def answers(turn: Turn, acts: Sequence[Any], rest: Sequence[Any]) -> List[EventType]:
    """Answers given outside the form's own turn: kept; after a recommendation, it is made again."""
    snap = turn.snap
    starting = any(isinstance(act, Control) for act in rest)
    taken = take_answers(turn.dispatcher, acts, snap.asked, turn.misses, said_back_next=starting)
    if snap.in_questions or starting:
        if taken.noted and snap.in_questions:
            turn.dispatcher.utter_message(text=noted_reply(taken.noted))
            answered = [act.slot for act in acts if isinstance(act, Answer)]
            return taken.events + passed_over(turn.dispatcher, snap.asked, answered, turn.misses)
        return taken.events
    held = {**snap.answers, **{e["name"]: e["value"] for e in taken.events if e.get("event") == "slot"}}
    if snap.recommended and (taken.changed or taken.noted):
        return taken.events + recommend_events(turn.dispatcher, held, snap.recommended)
    if taken.noted:
        turn.dispatcher.utter_message(text=noted_reply(taken.noted))
    if not rest and not snap.recommended:
        return taken.events + turn.say(OFFER_TO_CHOOSE)
    return taken.events


def start(turn: Turn, control: Control) -> List[EventType]:
    """The questions start, with every answer already given said back once, then only the rest asked."""
    events: List[EventType] = []
    held = {k: v for k, v in turn.snap.answers.items() if v is not None}
    if control.kind == "start_over":
        events += [SlotSet(slot, None) for slot in (*SLOTS, "recommended_credential")]
        events += [SlotSet("misses", None)]
        held = {}
    held.update({a.slot: a.value for a in turn.reading.of(Answer)})
    discussed = subject_discussed(turn) if control.kind == "start" else None  # "start over": a clean slate
    if discussed and "subject" not in held:  # "the MIT supply chain micromasters", then "help me choose"
        held["subject"] = discussed
        events.append(SlotSet("subject", discussed))
    # An answer left out before ("skip") is asked again now that the questions start again.
    events += [SlotSet(slot, None) for slot, value in held.items() if value == UNSURE]
    held = {slot: value for slot, value in held.items() if value != UNSURE}
    if turn.snap.recommended:
        events.append(SlotSet("recommended_credential", None))
    # Asked again while the questions run ("start over"), the form is already there to go on.
    begin = [] if turn.snap.in_questions else [SlotSet("questions", "start")]
    if all(held.get(slot) is not None for slot in questions_to_ask(held)):
        return events + begin  # every answer given: the recommendation, unannounced
    turn.dispatcher.utter_message(text=STARTED)
    said = {slot: value for slot, value in held.items() if value not in (None, UNSURE)}
    if said:
        turn.dispatcher.utter_message(text=carried_reply(said, before=False))
        events.append(SlotSet("said_back", sorted(said)))
    return events + begin


def stop(turn: Turn, control: Control) -> List[EventType]:
    """ "stop": the questions end; the answers given stay, so "help me choose" carries on from them."""
    turn.dispatcher.utter_message(
        text='OK, I\'ve stopped the questions. Ask me anything, or say "help me choose" to start again.'
    )
    return [SlotSet("questions", "stop")]


def resume(turn: Turn, control: Control) -> List[EventType]:
    turn.dispatcher.utter_message(text="Let's carry on where we stopped.")
    return [SlotSet("questions", "start")]


def verdict_now(turn: Turn, control: Control) -> List[EventType]:
    """ "Just decide for me": with two answers or more, the rest are left out and the recommendation comes."""
    held = {slot: v for slot, v in turn.snap.answers.items() if v is not None}
    if len(held) < 2:
        turn.dispatcher.utter_message(text=ALREADY_CHOOSING)
        return []
    turn.dispatcher.utter_message(text=RECOMMENDING_WITH_WHAT_I_HAVE)
    left_out = [s for s in ("goal", "wants_credit", "weekly_hours", "budget", "subject") if s not in held]
    if "horizon_months" in held:
        left_out = [s for s in left_out if s != "weekly_hours"]
    return [SlotSet(slot, ANY_SUBJECT if slot == "subject" else UNSURE) for slot in left_out]


def subject_discussed(turn: Turn) -> Optional[str]:
    """The one subject of the programme or search just discussed, which the questions then need not ask."""
    snap = turn.snap
    if snap.search is not None and len(snap.search.subjects) == 1:
        return snap.search.subjects[0]
    current = turn.programme(snap.current)
    return current.subjects[0] if current and current.subjects else None


CONTROLS = {"start": start, "start_over": start, "stop": stop, "resume": resume, "verdict_now": verdict_now}


def control(turn: Turn, act: Control) -> List[EventType]:
    return CONTROLS[act.kind](turn, act)


def why(turn: Turn, ask: Ask) -> List[EventType]:
    if not turn.snap.recommended:
        turn.dispatcher.utter_message(
            text="I haven't made a recommendation yet. Say \"help me choose\" and I'll ask you a few quick questions."
        )
        return []
    profile = profile_of(turn.snap.answers)
    turn.dispatcher.utter_message(text=explain_reply(turn.kb, profile, recommend(turn.kb, profile)).text)
    return []


def why_asked(turn: Turn, ask: Ask) -> List[EventType]:
    """ "Why do you need my budget?" during the questions: why it is asked; "skip" leaves it out."""
    slot = ask.slot if ask.slot in QUESTIONS else turn.snap.asked
    turn.dispatcher.utter_message(text=f'{QUESTIONS[str(slot)].why} If you\'d rather not say, say "skip".')
    return []


def why_not(turn: Turn, ask: Ask) -> List[EventType]:
    profile = profile_of(turn.snap.answers)
    programme = turn.programme(ask.programme)
    if programme is None or not turn.snap.recommended:
        return why(turn, ask)
    turn.dispatcher.utter_message(text=why_not_reply(turn.kb, profile, recommend(turn.kb, profile), programme))
    return [SlotSet("current_programme", programme.id), SlotSet("credential_type", programme.credential_type)]


def what_if(turn: Turn, ask: Ask) -> List[EventType]:
    """ "What if I had $5000?": what the recommendation would be; the answers stay as they were."""
    supposed = dict(ask.changes)
    if not supposed or not turn.snap.recommended:
        return why(turn, ask)
    now = recommend(turn.kb, profile_of(turn.snap.answers))
    then = recommend(turn.kb, profile_of({**turn.snap.answers, **supposed}))
    name = turn.kb.credentials[then.credential_type].name
    against = [phrase for phrase in then.said_against if phrase not in now.said_against]  # what the supposing says
    same = now.credential_type == then.credential_type
    turn.dispatcher.utter_message(text=supposed_reply(supposed, name, same=same, against=against))
    return []


def pushback(turn: Turn, ask: Ask) -> List[EventType]:
    """ "Where did I say that?": the answers I took from the learner's words, and how to change one."""
    if any(answer.previous is not None for answer in turn.reading.of(Answer)):
        return []  # the answers it changes were taken, and the recommendation made again
    profile = profile_of(turn.snap.answers)
    reply = explain_reply(turn.kb, profile, recommend(turn.kb, profile), challenged=True)
    turn.dispatcher.utter_message(text=reply.text)
    return []


def other_credential(turn: Turn, ask: Ask) -> List[EventType]:
    """ "What about the other one?" after a recommendation: the credential not recommended."""
    recommended = str(turn.snap.recommended)
    other = next(kind for kind in turn.kb.credentials if kind != recommended)
    names = turn.kb.credentials[other].name, turn.kb.credentials[recommended].name
    turn.dispatcher.utter_message(
        text=f'The other option is a {names[0]}. Ask "why?" for why I recommended a {names[1]}.'
    )
    return turn.say(faq_reply(turn.kb, "definition", other)) + [
        SlotSet("credential_type", other),
        SlotSet("last_topic", "definition"),
    ]


ASKS: Dict[str, Handler] = {
    "why": why,
    "why_asked": why_asked,
    "why_not": why_not,
    "what_if": what_if,
    "pushback": pushback,
    "other_credential": other_credential,
}


class ActionRecommend(Action):
    """The recommendation, once the form has every answer it needs."""

    def name(self) -> str:
        return "action_recommend"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        answers = {slot: value for slot, value in slot_values(tracker).items() if value is not None}
        return recommend_events(dispatcher, answers) + [SlotSet("said_back", None), SlotSet("misses", None)]
