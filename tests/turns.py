"""One turn of the bot, run as the servers run it, on a hand-built tracker (no servers needed).

``respond`` does what Rasa does with a message: during the questions the form's
validation takes it if it only answers; otherwise the router carries it out.
Duckling's figures are added to the message's entities as the NLU pipeline adds them.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any, Dict, List, Optional, Tuple

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import SHOWN_BY_SLOT
from actions.form import ValidateRecommendationForm
from actions.recommendation import ActionRecommend
from actions.router import ActionRespond
from advisor.knowledge import default_knowledge
from advisor.matching import build_query, search_programmes
from components.duckling_extractor import duckling_entities

DOMAIN: Dict[str, Any] = {
    "slots": {},
    "forms": {
        "recommendation_form": {
            "required_slots": ["goal", "wants_credit", "weekly_hours", "horizon_months", "budget", "subject"]
        }
    },
}


def tracker(
    text: str = "",
    intent: str = "inform",
    entities: Optional[List[Dict[str, Any]]] = None,
    slots: Optional[Dict[str, Any]] = None,
    active_loop: Optional[str] = None,
    events: Optional[List[Dict[str, Any]]] = None,
) -> Tracker:
    """The tracker an action gets for ``text``; ``events``' slot events after the last user message are
    what the reply just given set (and so showed)."""
    slots = dict(slots or {})
    events = events or []
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    if users and users[-1] == len(events) - 1:  # the events end with this message: the reply before it
        users = users[:-1]
    since = events[users[-1] if users else 0 :] if events else []
    shown = {SHOWN_BY_SLOT[e["name"]] for e in since if e.get("event") == "slot" and e.get("name") in SHOWN_BY_SLOT}
    slots.setdefault("shown", sorted(shown))
    if active_loop and "requested_slot" not in slots:
        slots["requested_slot"] = None
    figures = [] if text.startswith("/") else duckling_entities(text)
    return Tracker(
        sender_id="test",
        slots=slots,
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 0.9},
            "entities": [*(entities or []), *figures],
            "message_id": str(id(text)),
        },
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def entity(name: str, value: str) -> Dict[str, Any]:
    return {"entity": name, "value": value}


def turn(t: Tracker) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]], str]:
    """What the bot says, the events, and which action handled the message ("form" or "router")."""
    dispatcher = CollectingDispatcher()
    if t.active_loop.get("name") == "recommendation_form":
        events = asyncio.run(ValidateRecommendationForm().run(dispatcher, t, DOMAIN))
        if any(e.get("event") == "slot" and e.get("name") != "requested_slot" for e in events):
            return dispatcher.messages, events, "form"
    events = asyncio.run(ActionRespond().run(dispatcher, t, DOMAIN))
    return dispatcher.messages, events, "router"


def respond_events(t: Tracker) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    """What the bot says and the events."""
    messages, events, _ = turn(t)
    return messages, events


# Slots the bot keeps for its own bookkeeping, left out of what tests compare.
BOOKKEEPING = frozenset({"shown", "said_back", "questions", "misses", "requested_slot"})


def slots_set(events: List[Dict[str, Any]]) -> Dict[str, Any]:
    """The slots the events set, bookkeeping aside."""
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot" and e["name"] not in BOOKKEEPING}


def respond(t: Tracker) -> Tuple[List[Dict[str, Any]], Dict[str, Any]]:
    """What the bot says and the slots it sets."""
    messages, events, _ = turn(t)
    return messages, slots_set(events)


def said(t: Tracker) -> str:
    """All the bot says, as one text."""
    return "\n".join(m.get("text") or "" for m in respond(t)[0])


def recommended(answers: Dict[str, Any]) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    """The recommendation the form's completion gives for ``answers``: what it says, and its events."""
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionRecommend().run(dispatcher, tracker(slots=answers), DOMAIN))
    return dispatcher.messages, events


def after_recommending(answers: Dict[str, Any], text: str, intent: str, entities: Any = None) -> Tracker:
    """A tracker for ``text`` right after the recommendation for ``answers``."""
    _, events = recommended(answers)
    history = [{"event": "user", "text": "my answers"}, *events, {"event": "user", "text": text}]
    return tracker(text, intent, entities, slots={**answers, **slots_set(events)}, events=history)


def after(first: str, intent: str, then: str, then_intent: str, between: int = 0) -> Tracker:
    """A tracker for ``then`` after ``first`` was answered, and ``between`` FAQ turns."""
    _, events, _ = turn(tracker(first, intent))
    history = [{"event": "user", "text": first}, {"event": "action", "name": "action_respond"}, *events]
    for _ in range(between):
        history += [
            {"event": "user", "text": "what is a micromasters"},
            {"event": "action", "name": "action_respond"},
            {"event": "slot", "name": "last_topic", "value": "definition"},
        ]
    history.append({"event": "user", "text": then})
    return tracker(then, then_intent, slots=slots_set(events), events=history)


def conversation(*steps: Tuple[str, str]) -> Tracker:
    """A tracker for the last (text, intent) of ``steps`` after the bot answered each one before it."""
    slots: Dict[str, Any] = {}
    history: List[Dict[str, Any]] = []
    for text, intent in steps[:-1]:
        history.append({"event": "user", "text": text})
        _, events, _ = turn(tracker(text, intent, slots=slots, events=history))
        history += [{"event": "action", "name": "action_respond"}, *events]
        slots.update({e["name"]: e["value"] for e in events if e.get("event") == "slot"})
    text, intent = steps[-1]
    history.append({"event": "user", "text": text})
    return tracker(text, intent, slots={k: v for k, v in slots.items() if k != "shown"}, events=history)


def just_described(programme_id: str, text: str, intent: str) -> Tracker:
    """A tracker for ``text`` right after the bot described one programme."""
    return after(f"tell me about {programme_id}", "ask_program_info", text, intent)


def compared(first: str, second: str, then: str, then_intent: str) -> Tracker:
    """A tracker for ``then`` right after two programmes were shown side by side."""
    return after(f"compare {first} vs {second}", "ask_difference", then, then_intent)


def picked_then(ids: List[str], then: str, then_intent: str) -> Tracker:
    """A tracker for ``then`` right after "tell me about the second one" of the list ``ids``."""
    first = "tell me about the second one"
    _, picked = respond(tracker(first, "ask_program_info", slots={"listed_programmes": ids}))
    history = [
        {"event": "user", "text": first},
        {"event": "action", "name": "action_respond"},
        *[{"event": "slot", "name": name, "value": value} for name, value in picked.items()],
        {"event": "user", "text": then},
    ]
    return tracker(then, then_intent, slots={"listed_programmes": ids, **picked}, events=history)


def in_questions(text: str, intent: str, requested: str, **answers: Any) -> Tracker:
    """A tracker for ``text`` said to the question for ``requested``, with ``answers`` held."""
    return tracker(text, intent, slots={"requested_slot": requested, **answers}, active_loop="recommendation_form")


def form_turn(
    text: str, intent: str, requested: str, **answers: Any
) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    """What the bot says to ``text`` said to the question for ``requested``, and the events."""
    return respond_events(in_questions(text, intent, requested, **answers))


def found(text: str, current: bool = False) -> int:
    """How many programmes the catalogue has for what ``text`` names: the count a search reply opens with.

    Tests assert the behaviour ("I found <n> MicroMasters programmes in data science"), not the catalogue's
    size at one time; ``current`` leaves out retired programmes, as suggestions do.
    """
    kb = default_knowledge()
    return len([p for p in search_programmes(kb, build_query(kb, text)) if not (current and p.status == "retired")])


def questions_now(events: List[Dict[str, Any]]) -> Optional[str]:
    """ "start" or "stop" when the turn starts or ends the recommendation's questions (the slot the rules follow)."""
    return next((e["value"] for e in events if e.get("event") == "slot" and e.get("name") == "questions"), None)


def recommending(answers: Dict[str, Any]) -> Tuple[List[Dict[str, Any]], Dict[str, Any]]:
    """What the recommendation for ``answers`` says, and the slots it sets."""
    messages, events = recommended(answers)
    return messages, slots_set(events)


def about_kind(reply: str, kind: str) -> bool:
    """Whether an FAQ answer is about ``kind`` ("MicroMasters", "Professional Certificate"): it opens
    "For a <kind>", or its first sentence names it."""
    sentences = re.split(r"(?<=[.!?])\s+", reply, maxsplit=2)
    first = " ".join(sentences[:2]) if len(sentences[0].split()) <= 2 else sentences[0]  # "It varies. ..."
    return reply.startswith(f"For a {kind}") or kind.lower() in first.lower()
