"""Glue shared by the actions: the reading of the latest message, the turn handlers work on, replies.

The conversation's state is in slots; ``snapshot`` turns them into the frozen
``advisor.reading.Snapshot`` the reading takes, and ``reading_of`` reads the
latest message once per message even when both the form's validation and the
router look at it.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, List, Optional, Sequence, TypeVar

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from advisor.knowledge import KnowledgeBase, Programme, default_knowledge
from advisor.matching import Query
from advisor.reading import SLOTS, Nlu, Reading, Snapshot, read
from advisor.replies import SOMETHING_WENT_WRONG, Citation, Reply

logger = logging.getLogger(__name__)
Run = TypeVar("Run", bound=Callable[..., Awaitable[List[EventType]]])
FORM = "recommendation_form"
# What the reply just given showed, kept in the slot ``shown``: "how long is it?" means the programme
# only right after it was shown, "the second one" the list only right after it.
SHOWN_BY_SLOT = {
    "listed_programmes": "list",
    "current_programme": "programme",
    "last_topic": "topic",
    "last_search": "search",
    "missing_programme": "missing",
    "programme_whole": "whole",
}


def kb() -> KnowledgeBase:
    return default_knowledge()


def latest_text(tracker: Tracker) -> str:
    return str(tracker.latest_message.get("text") or "")


def snapshot(tracker: Tracker) -> Snapshot:
    """The slots the reading needs, as a frozen snapshot."""
    slot = tracker.get_slot
    shown = set(slot("shown") or [])
    search = slot("last_search")
    in_questions = tracker.active_loop.get("name") == FORM
    users = sum(1 for event in tracker.events if event.get("event") == "user")
    return Snapshot(
        answers={name: slot(name) for name in SLOTS if slot(name) is not None},
        asked=slot("requested_slot") if in_questions else None,
        in_questions=in_questions,
        said_back=tuple(slot("said_back") or ()),
        recommended=slot("recommended_credential"),
        listed=tuple(slot("listed_programmes") or ()),
        list_shown="list" in shown,
        current=slot("current_programme"),
        current_shown="programme" in shown,
        whole_shown="whole" in shown,
        credential=slot("credential_type"),
        last_topic=slot("last_topic"),
        topic_shown="topic" in shown,
        search=stored_query(search),
        search_offset=int(search.get("offset", 0)) if isinstance(search, dict) else 0,
        search_shown="search" in shown,
        first_message=users <= 1,
        missing=slot("missing_programme") if "missing" in shown else None,
    )


def stored_query(stored: Any) -> Optional[Query]:
    if not isinstance(stored, dict):
        return None
    return Query(tuple(stored["subjects"]), tuple(stored["institutions"]), tuple(stored["credential_types"]))


def nlu_of(tracker: Tracker) -> Nlu:
    message = tracker.latest_message
    return Nlu((message.get("intent") or {}).get("name"), tuple(message.get("entities") or ()))


_READINGS: Dict[str, Reading] = {}
_KEPT_READINGS = 256


def reading_of(tracker: Tracker) -> Reading:
    """The reading of the latest message, read once when both the form's validation and the router ask."""
    state = snapshot(tracker)
    text = latest_text(tracker)
    key = repr((tracker.sender_id, tracker.latest_message.get("message_id"), text, state))
    if key not in _READINGS:
        if len(_READINGS) >= _KEPT_READINGS:
            _READINGS.pop(next(iter(_READINGS)))
        _READINGS[key] = read(text, nlu_of(tracker), state)
    return _READINGS[key]


@dataclass
class Turn:
    """What a handler works with: the reading, the snapshot, a few stored slots, and where to reply.

    Handlers never see the raw message: what it means is in the reading.
    """

    dispatcher: CollectingDispatcher
    reading: Reading
    snap: Snapshot
    citations: Sequence[Citation] = ()
    # How often each question's answer was not caught so far (slot ``misses``).
    misses: Dict[str, int] = field(default_factory=dict)

    @property
    def kb(self) -> KnowledgeBase:
        return default_knowledge()

    def say(self, reply: Reply | str) -> List[EventType]:
        """Utter ``reply`` and keep its citations for "where is that from?"."""
        if isinstance(reply, str):
            self.dispatcher.utter_message(text=reply)
            return []
        buttons = [{"title": title, "payload": payload} for title, payload in reply.buttons]
        self.dispatcher.utter_message(text=reply.text, buttons=buttons or None)
        return [SlotSet("last_citations", [c.__dict__ for c in reply.citations])] if reply.citations else []

    def programme(self, programme_id: Optional[str]) -> Optional[Programme]:
        """The programme an id names; None for one the knowledge base no longer has (an old conversation)."""
        return next((p for p in self.kb.programmes if p.id == programme_id), None)


def citations_from(tracker: Tracker) -> List[Citation]:
    stored = tracker.get_slot("last_citations") or []
    known = kb().sources
    return [Citation(**item) for item in stored if isinstance(item, dict) and item.get("source_id") in known]


def listed(programmes: Sequence[Programme]) -> EventType:
    """The programmes just shown, in order, for "tell me about the second one"."""
    return SlotSet("listed_programmes", [programme.id for programme in programmes])


def about(programme: Programme) -> List[EventType]:
    """Follow-ups ("how much does it cost?") are now about ``programme``; the list shown stays."""
    return [SlotSet("credential_type", programme.credential_type), SlotSet("current_programme", programme.id)]


def shown_by(events: Sequence[EventType]) -> List[str]:
    """What the events of one reply showed: a list, a programme, a topic's answer, a search."""
    return sorted(
        {SHOWN_BY_SLOT[e["name"]] for e in events if e.get("event") == "slot" and e.get("name") in SHOWN_BY_SLOT}
    )


def replies_on_error(run: Run) -> Run:
    """An action's ``run`` that never leaves the user without a reply: an error is logged and apologised for."""

    @functools.wraps(run)
    async def guarded(self: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Any) -> List[EventType]:
        try:
            return await run(self, dispatcher, tracker, domain)
        except Exception:
            logger.exception("%s failed on the message %r", self.name(), latest_text(tracker)[:200])
            dispatcher.utter_message(text=SOMETHING_WENT_WRONG)
            return []

    return guarded  # type: ignore[return-value]


Handler = Callable[[Turn, Any], List[EventType]]


def slot_values(tracker: Tracker) -> Dict[str, Any]:
    return {name: tracker.get_slot(name) for name in SLOTS}
