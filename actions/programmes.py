"""Search the programme catalogue and describe one programme."""

from __future__ import annotations

import re
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import entity_values, kb, latest_text, send
from advisor.matching import Query, build_query, find_programme, relaxed_search, search_programmes
from advisor.profile import ANY_SUBJECT
from advisor.replies import PAGE_SIZE, claim_reply, not_found_reply, programme_reply, search_reply


def query_from(tracker: Tracker) -> Query:
    return build_query(
        kb(),
        latest_text(tracker),
        subjects=entity_values(tracker, "subject"),
        institutions=entity_values(tracker, "institution"),
        credential_types=entity_values(tracker, "credential_type"),
    )


def _stored(query: Query, offset: int) -> Dict[str, Any]:
    return {
        "subjects": list(query.subjects),
        "institutions": list(query.institutions),
        "credential_types": list(query.credential_types),
        "offset": offset,
    }


def run_search(dispatcher: CollectingDispatcher, query: Query, offset: int) -> List[EventType]:
    results = search_programmes(kb(), query)
    if offset and offset >= len(results):
        dispatcher.utter_message(text="That's all the programmes I have for that search.")
        return []
    nearest = relaxed_search(kb(), query) if not results else []
    events = send(dispatcher, search_reply(kb(), query, results, offset, nearest))
    return events + [SlotSet("last_search", _stored(query, offset))]


def with_recommendation_context(query: Query, tracker: Tracker) -> Query:
    """A search naming nothing ("so which programmes?") after a recommendation means its kind of programme.

    "all programmes" still means all of them.
    """
    recommended = tracker.get_slot("recommended_credential")
    if query.subjects or query.institutions or query.credential_types or not recommended:
        return query
    if re.search(r"\b(all|every|any)\b", query.text.lower()):
        return query
    subject = tracker.get_slot("subject")
    subjects = (str(subject),) if subject and subject != ANY_SUBJECT else ()
    return Query(subjects, (), (str(recommended),), query.text)


class ActionSearchPrograms(Action):
    """Filter the catalogue by subject, institution and credential type."""

    def name(self) -> str:
        return "action_search_programs"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        query = with_recommendation_context(query_from(tracker), tracker)
        events = run_search(dispatcher, query, 0)
        # Asked mid-form while the bot waits for a subject: take it as the answer.
        if tracker.active_loop.get("name") and tracker.get_slot("requested_slot") == "subject" and query.subjects:
            events.append(SlotSet("subject", query.subjects[0]))
        return events


class ActionShowMore(Action):
    """Next page of the previous search."""

    def name(self) -> str:
        return "action_show_more"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        stored = tracker.get_slot("last_search")
        if not isinstance(stored, dict):
            dispatcher.utter_message(
                text='There is nothing to show more of yet. Try "which data science programmes are there?"'
            )
            return []
        query = Query(tuple(stored["subjects"]), tuple(stored["institutions"]), tuple(stored["credential_types"]))
        return run_search(dispatcher, query, int(stored.get("offset", 0)) + PAGE_SIZE)


class ActionProgramInfo(Action):
    """Describe one named programme, or say honestly that it can't be verified."""

    def name(self) -> str:
        return "action_program_info"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        match = find_programme(kb(), query_from(tracker))
        if match.programme:
            # Follow-ups ("how much does it cost?") are then about this programme's credential.
            events = send(dispatcher, programme_reply(kb(), match.programme, match.nearest))
            return events + [SlotSet("credential_type", match.programme.credential_type)]
        if match.claim:
            return send(dispatcher, claim_reply(kb(), match.claim, match.nearest))
        return send(dispatcher, not_found_reply(kb(), match.nearest))
