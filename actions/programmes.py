"""Search the programme catalogue and describe one programme."""

from __future__ import annotations

import abc
import functools
import re
from dataclasses import replace
from typing import Any, Dict, List, Optional, Sequence, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    entity_values,
    first_context_reply,
    kb,
    latest_text,
    replies_on_error,
    resume_questions,
    say_courtesy_or_complaint,
    say_how_sure,
    say_uncovered,
    send,
    set_in_previous_turn,
)
from advisor.knowledge import MICROMASTERS, Programme, UnverifiedClaim
from advisor.matching import (
    Query,
    asks_about_each_listed,
    asks_for_details,
    build_query,
    compared,
    compares,
    find_programme,
    institutions_in,
    listed_pair,
    listed_position,
    mention_asked,
    narrow,
    normalise,
    other_institution_named,
    programme_by_short_name,
    programme_in_question,
    relaxed_search,
    resolve_credential_type,
    search_programmes,
    subjects_partly_named,
    unknown_topic,
)
from advisor.profile import ANY_SUBJECT, final_question, is_question, talks_about_oneself
from advisor.replies import (
    NO_QUALITY_RANKING,
    NO_UNIVERSITY_RANKING,
    PAGE_SIZE,
    PROGRAMME_TOPICS,
    Reply,
    claim_reply,
    describe_query,
    faq_reply,
    known_first,
    not_found_reply,
    only_listed_reply,
    other_institution_reply,
    pathways_reply,
    programme_reply,
    programme_topic_reply,
    programmes_mentioning_reply,
    programmes_on_topic_reply,
    programmes_side_by_side,
    search_reply,
    still_offered_reply,
    unknown_topic_reply,
)
from advisor.topics import (
    WORD_ONLY_TOPICS,
    asks_about_pathways,
    asks_for_the_extreme,
    asks_if_still_offered,
    asks_what_is_offered,
    asks_where_it_runs,
    ranking_topic,
    topic_named,
)


def query_from(tracker: Tracker, whole: bool = False) -> Query:
    """The message's search terms, from its entities and its words.

    In "I am a software engineer in Bangalore. Which MIT programmes are there?"
    only the question counts: the job is not a subject to filter by. ``whole``:
    all of the message, for when the question alone names no programme.
    """
    text = latest_text(tracker)
    question = final_question(text)
    start = text.rfind(question) if question and not whole else 0
    if start > 0 and not talks_about_oneself(text[:start]):
        start = 0
    return _query(
        text[start:],
        tuple(entity_values(tracker, "subject", start)),
        tuple(entity_values(tracker, "institution", start)),
        tuple(entity_values(tracker, "credential_type", start)),
    )


@functools.lru_cache(maxsize=64)
def _query(text: str, subjects: Tuple[str, ...], institutions: Tuple[str, ...], kinds: Tuple[str, ...]) -> Query:
    # Tolerant matching of every name takes about 9 ms, and several context
    # checks of one message ask for the same query.
    return build_query(kb(), text, subjects=subjects, institutions=institutions, credential_types=kinds)


def _stored(query: Query, offset: int) -> Dict[str, Any]:
    return {
        "subjects": list(query.subjects),
        "institutions": list(query.institutions),
        "credential_types": list(query.credential_types),
        "offset": offset,
    }


def listed(programmes: Sequence[Programme]) -> EventType:
    """Remember the programmes just shown, in order, for "tell me about the second one"."""
    return SlotSet("listed_programmes", [programme.id for programme in programmes])


def run_search(dispatcher: CollectingDispatcher, query: Query, offset: int, current: bool = False) -> List[EventType]:
    """The programmes ``query`` finds, a page from ``offset``; ``current``: retired ones left out (suggestions)."""
    results = [p for p in search_programmes(kb(), query) if not (current and p.status == "retired")]
    if offset and offset >= len(results):
        dispatcher.utter_message(text="That's all the programmes I have for that search.")
        return []
    nearest = relaxed_search(kb(), query) if not results else []
    events = send(dispatcher, search_reply(kb(), query, results, offset, nearest))
    shown = results[offset : offset + PAGE_SIZE] or nearest[:PAGE_SIZE]
    return events + [SlotSet("last_search", _stored(query, offset)), listed(shown)]


def describe_programme(
    dispatcher: CollectingDispatcher, programme: Programme, nearest: Sequence[Programme] = ()
) -> List[EventType]:
    """One programme's details; follow-ups ("how much does it cost?") are then about it."""
    events = send(dispatcher, programme_reply(kb(), programme, nearest))
    return events + about(programme)


def about(programme: Programme) -> List[EventType]:
    """Follow-ups ("how much does it cost?", "and for a micromasters?") are now about ``programme``.

    The list last shown stays, so "and the second one?" still points into it.
    """
    return [SlotSet("credential_type", programme.credential_type), SlotSet("current_programme", programme.id)]


def _catalogued(programme_id: Any) -> Optional[Programme]:
    """The programme a slot names; None for an id the knowledge base no longer has (an old conversation)."""
    return next((p for p in kb().programmes if p.id == programme_id), None)


def programme_in_context(tracker: Tracker) -> Optional[Programme]:
    """The programme the bot's previous reply was about, or the only one it listed, for "how long is it?"."""
    if set_in_previous_turn(tracker, "current_programme") and tracker.get_slot("current_programme"):
        return _catalogued(tracker.get_slot("current_programme"))
    ids = tracker.get_slot("listed_programmes")
    if not isinstance(ids, list) or len(ids) != 1 or not set_in_previous_turn(tracker, "listed_programmes"):
        return None
    return _catalogued(ids[0])


_THAT_ONE = re.compile(r"\b(one|it|that|this)\b")
_THE_CREDENTIAL = re.compile(r"\b(the|this|that|its) (certificate|cert|credential|program|programme)\b")


def programme_meant(tracker: Tracker, query: Query) -> Optional[Programme]:
    """The programme just discussed, if the message means it: "how long is it?", "is the mitx one legit?".

    A message that names something the programme is not ("the columbia one") means another one.
    """
    current = programme_in_context(tracker)
    if current is None or query.is_empty:
        return current
    text = normalise(query.text)
    if _THE_CREDENTIAL.search(text) and not (query.subjects or query.institutions):
        return current  # "is the certificate recognised?" about a MicroMasters: its certificate
    # "how much are the mit programmes": all of them; but "can i get master at MIT after?"
    # right after MIT's supply chain programme still means it.
    if not _THAT_ONE.search(text) and (not query.institutions or _SEVERAL.search(text)):
        return None
    return current if current in search_programmes(kb(), query) else None


def say_if_still_offered(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "Is it still on edX?" or "can I still enroll?" right after a programme: retired, or how old my sources are.

    It got the recognition answer, or "anyone can sign up" for a retired programme.
    """
    if not asks_if_still_offered(latest_text(tracker)):
        return None
    # "and the social work one still exists?" names its programme; "is the second one still on edx?" points.
    named = programme_in_question(kb(), query_from(tracker)).programme
    programme = named or programme_pointed_at(tracker) or programme_in_context(tracker)
    return send(dispatcher, still_offered_reply(kb(), programme)) + about(programme) if programme else None


def describe_programme_in_context(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "tell me more about it" right after one programme: its details; None otherwise."""
    current = programme_in_context(tracker)
    if current is None or not asks_for_details(latest_text(tracker)):
        return None
    return describe_programme(dispatcher, current)


_THE_OTHER = re.compile(r"^(?:and |what about |how about |ok |so )*(?:the )?other(?: one| programme| program)?\b")


def _the_other(tracker: Tracker, ids: List[Any]) -> Optional[int]:
    """ "and the other?" after one of two programmes listed: the position of the other one."""
    current = tracker.get_slot("current_programme")
    if len(ids) != 2 or current not in ids or not set_in_previous_turn(tracker, "current_programme"):
        return None
    return 1 - ids.index(current) if _THE_OTHER.search(normalise(latest_text(tracker))) else None


def programme_pointed_at(tracker: Tracker) -> Optional[Programme]:
    """The programme of the list last shown that the message points at ("how long does the third one take?")."""
    ids = tracker.get_slot("listed_programmes")
    position = listed_position(latest_text(tracker))
    if not isinstance(ids, list) or position is None or not -len(ids) <= position < len(ids):
        return None
    return _catalogued(ids[position])


def describe_listed(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """Answer "tell me about the second one" from the list last shown; None if the message points at none."""
    ids = tracker.get_slot("listed_programmes")
    if not isinstance(ids, list) or not ids:
        return None
    position = listed_position(latest_text(tracker))
    if position is None:
        position = _the_other(tracker, ids)
    if position is None:
        return None
    previous = stored_search(tracker) if set_in_previous_turn(tracker, "last_search") else None
    offset = previous[1] if previous else 0
    if offset <= position < offset + len(ids):  # "the 12th one" right after the page of results 11-15
        position -= offset
    if not -len(ids) <= position < len(ids):
        dispatcher.utter_message(text=only_listed_reply(len(ids)))
        return []
    programme = _catalogued(ids[position])
    return describe_programme(dispatcher, programme) if programme else None


def say_doubtful_claim(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "ibm data science professional certificate" searched for: what the sources say of it.

    A search lists what the catalogue has, and the IBM programme is not in it; the
    honest answer names it: on Coursera, not edX, with what edX has instead.
    """
    match = programme_in_question(kb(), query_from(tracker))
    return say_claim(dispatcher, match.claim, match.nearest) if match.claim else None


def say_claim(
    dispatcher: CollectingDispatcher, claim: UnverifiedClaim, nearest: Sequence[Programme]
) -> List[EventType]:
    """What the sources say of a doubtful programme, and what they vouch for instead.

    The first alternative becomes "it": after the Columbia AI certificate (not on
    edX; Columbia's AI MicroMasters instead), "how many courses does it have?"
    got the general Professional Certificate answer.
    """
    events = send(dispatcher, claim_reply(kb(), claim, nearest))
    return events + ([listed(nearest), *about(nearest[0])] if nearest else [])


_SEVERAL = re.compile(r"\b(ones|programs|programmes|courses|certs|certificates|options|all)\b")


def describe_named(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "is the rit one good" or "tell me about dedp", caught by the fallback: the one programme it names, or None.

    The list last shown is looked at first: after cybersecurity programmes,
    "the rit one" is RIT's cybersecurity programme, not its project management one.
    """
    query = query_from(tracker)
    filtered = bool(query.subjects or query.institutions)
    if filtered and _SEVERAL.search(normalise(query.text)):  # "what about the rit ones": all of them
        return run_search(dispatcher, query, 0)
    ids = tracker.get_slot("listed_programmes") or []
    matching = [p.id for p in search_programmes(kb(), query)] if filtered else []
    in_list = [programme_id for programme_id in ids if programme_id in matching]
    programme = _catalogued(in_list[0]) if len(in_list) == 1 else programme_in_question(kb(), query).programme
    if programme is None and len(in_list) > 1 and _THAT_ONE.search(normalise(query.text)):
        # "the mit one" with two MIT programmes listed: which one? It got "Sorry, I didn't understand".
        options = [p for p in map(_catalogued, in_list) if p]
        dispatcher.utter_message(text="Which one do you mean: " + " or ".join(f"the {p.title}" for p in options) + "?")
        return [listed(options)]
    return describe_programme(dispatcher, programme) if programme else None


_THE_NAMED_ONE = re.compile(r"\bthe (?:[\w.&-]+ ){1,3}(?:one|program|programme)\b")


def describe_named_in_list(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "Which one is the MIT one?" right after a list: that programme's details, asked about by name.

    Read as a question about the difference between the credentials, it got their general difference.
    A topic ("is the mit one cheaper?") is answered by the topic's own reply.
    """
    text = latest_text(tracker)
    if not set_in_previous_turn(tracker, "listed_programmes") or not _THE_NAMED_ONE.search(normalise(text)):
        return None
    if topic_named(text) or ranking_topic(text):
        return None
    return describe_named(dispatcher, tracker)


def listed_compared(tracker: Tracker) -> Optional[Tuple[Programme, Programme]]:
    """ "compare the first two" (or "compare them" after two): those programmes of the list last shown."""
    ids = tracker.get_slot("listed_programmes")
    if not isinstance(ids, list):
        return None
    just_listed = set_in_previous_turn(tracker, "listed_programmes")  # "them" only means a list just shown
    positions = listed_pair(latest_text(tracker), len(ids) if just_listed else 0)
    if positions is None or not all(-len(ids) <= p < len(ids) for p in positions):
        return None
    first, second = (_catalogued(ids[p]) for p in positions)
    return (first, second) if first and second and first != second else None


def compare_programmes(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "the MITx SDS vs the UCSD data science micromasters": both side by side; None if not two programmes.

    "Is the mit supply chain one better than the columbia one?", with no Columbia one in my catalogue,
    says so before describing the one it knows; only that one was described, as if the other had not
    been asked about.
    """
    text = latest_text(tracker)
    comparison = compared(kb(), text)
    pair = comparison.pair or listed_compared(tracker)
    if pair is None and compares(text):  # "compare it with the MITx finance one"
        in_context, named = programme_in_context(tracker), programme_in_question(kb(), query_from(tracker)).programme
        pair = (in_context, named) if in_context and named and in_context != named else None
    if pair is not None:
        return send(dispatcher, programmes_side_by_side(kb(), *pair)) + [listed(pair)]
    if comparison.missing is None:
        return None
    programme, missing = comparison.missing
    dispatcher.utter_message(
        text=f"I have no {describe_query(missing)} in my catalogue to compare it with. What I have on the one I know:"
    )
    return describe_programme(dispatcher, programme)


def compare_institutions(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "Which is better, harvard or mit for ai?": what each offers, without a ranking; None otherwise.

    Read as asking for a recommendation, it started the questions about the learner.
    """
    query = query_from(tracker)
    if len(query.institutions) < 2 or not compares(query.text):
        return None
    dispatcher.utter_message(text=NO_UNIVERSITY_RANKING)
    return run_search(dispatcher, Query(query.subjects, query.institutions, query.credential_types), 0)


_DEICTIC = re.compile(r"\b(that|this|it)\b")


def context_and_named(tracker: Tracker) -> Optional[Tuple[Programme, Programme]]:
    """ "Which is cheaper, that or the harvard one?": the programme just discussed and the other one named.

    Only the named one was ranked ("Only one programme matches: HarvardX ...").
    """
    if not _DEICTIC.search(normalise(latest_text(tracker))):
        return None
    in_context = programme_in_context(tracker)
    named = programme_in_question(kb(), query_from(tracker)).programme if in_context else None
    return (in_context, named) if in_context and named and named != in_context else None


_A_PROGRAMME = re.compile(r"\b(program|programme|programs|programmes|course|courses|option|options)\b")


def rank_programmes(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "the cheapest supply chain program", or "which is quickest?" right after a list: their prices or lengths.

    None if the message ranks nothing, or names fewer than two programmes.
    """
    topic = ranking_topic(latest_text(tracker))
    if topic is None:
        return None
    ids = tracker.get_slot("listed_programmes")
    just_listed = isinstance(ids, list) and set_in_previous_turn(tracker, "listed_programmes")
    query = query_from(tracker)
    if topic == "quality":  # "which of these is most respected?": nothing in the sources to rank by
        # Naming a kind, subject or institution is another question ("is a micromasters more
        # respected?", "the best data science programmes"): recognition, or a search.
        if not just_listed or not query.is_empty:
            return None
        # The list stays the one pointed at: "which is cheapest?" may come next.
        return send(dispatcher, Reply(NO_QUALITY_RANKING)) + [SlotSet("listed_programmes", ids)]
    pair = context_and_named(tracker)
    if pair:  # "which is cheaper, that or the harvard one?": the one just discussed and the one named
        return send(dispatcher, programmes_on_topic_reply(kb(), pair, topic, "the two")) + [listed(pair)]
    # "the cheapest micromasters" (or "program"), with no list to rank: that kind's programmes, or all.
    text = latest_text(tracker)
    named_kind = len(query.credential_types) == 1 or _A_PROGRAMME.search(normalise(text))
    outright = bool(named_kind) and asks_for_the_extreme(text)
    if query.subjects or query.institutions or (outright and not just_listed):
        # Those with a known price (or length) first; a list just shown keeps its order.
        programmes = known_first(search_programmes(kb(), query), topic)
        which = f"the {describe_query(query)} I have"
    elif just_listed:
        kinds = query.credential_types  # "which micromasters is cheapest" among them
        programmes = [p for p in map(_catalogued, ids) if p and (not kinds or p.credential_type in kinds)]
        which = "the programmes I just listed"
    else:
        return None
    if not programmes:
        return None
    if len(programmes) == 1:  # Nothing to rank: that programme's own answer.
        reply = programme_topic_reply(kb(), programmes[0], topic)
        if reply is None:
            return None
        return send(dispatcher, Reply(f"Only one programme matches:\n{reply.text}", reply.citations)) + about(
            programmes[0]
        )
    shown = programmes[:PAGE_SIZE]
    return send(dispatcher, programmes_on_topic_reply(kb(), programmes, topic, which)) + [listed(shown)]


def _list_in_play(tracker: Tracker) -> List[Programme]:
    """The programmes the previous reply listed or compared, or the list it picked one from; [] otherwise.

    After "tell me about the second one", "which one uses python?" still means the list.
    """
    ids = tracker.get_slot("listed_programmes")
    if not isinstance(ids, list):
        return []
    picked = tracker.get_slot("current_programme") in ids and set_in_previous_turn(tracker, "current_programme")
    if not (picked or set_in_previous_turn(tracker, "listed_programmes")):
        return []
    return [programme for programme in map(_catalogued, ids) if programme]


def answer_about_listed(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "which one gives credit?" or "which one uses python?" right after a list: each programme's answer.

    "Does it teach SQL?" right after one programme looks in its description too.
    None if the message asks neither, or nothing was just shown.
    """
    text = latest_text(tracker)
    if ranking_topic(text):  # "which is cheapest?": rank_programmes
        return None
    in_play = _list_in_play(tracker)
    each = in_play if len(in_play) > 1 and asks_about_each_listed(text) else []
    term = mention_asked(text)
    if term and topic_named(term) is None:
        current = programme_in_context(tracker)
        programmes = each or ([current] if current else [])
        if not programmes:
            return None
        events = send(dispatcher, programmes_mentioning_reply(kb(), programmes, term))
        return events + ([listed(programmes)] if each else about(programmes[0]))
    topic = topic_named(text)
    if not each or topic not in PROGRAMME_TOPICS or (topic == "about_edx" and not asks_where_it_runs(text)):
        return None
    reply = programmes_on_topic_reply(kb(), each, topic, "the programmes I just listed")
    return send(dispatcher, reply) + [listed(each)]


def stored_search(tracker: Tracker) -> Optional[Tuple[Query, int]]:
    """The previous search and the offset of the page shown, as kept in the ``last_search`` slot."""
    stored = tracker.get_slot("last_search")
    if not isinstance(stored, dict):
        return None
    query = Query(tuple(stored["subjects"]), tuple(stored["institutions"]), tuple(stored["credential_types"]))
    return query, int(stored.get("offset", 0))


def narrowed_search(tracker: Tracker) -> Optional[Query]:
    """Right after a list of programmes, "which ones are micromasters" narrows that list."""
    previous = stored_search(tracker)
    if previous is None or not set_in_previous_turn(tracker, "last_search"):
        return None
    return narrow(previous[0], latest_text(tracker), query_from(tracker))


def search_narrowed(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """The narrowed list ("which ones are micromasters"); None if the message does not narrow one."""
    query = narrowed_search(tracker)
    return run_search(dispatcher, query, 0) if query else None


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


_ASKS_FOR_PROGRAMMES = re.compile(r"\b(which|what|show|list|see)\b.*\b(programmes?|programs?|options|courses)\b")


def recommended_programmes(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "what are the programmes then?" after a recommendation: programmes of the recommended kind.

    None if there is no recommendation, or the message names a filter or a topic of its own.
    """
    text = latest_text(tracker)
    if not tracker.get_slot("recommended_credential") or not _ASKS_FOR_PROGRAMMES.search(text.lower()):
        return None
    query = query_from(tracker)  # the costly check last: tolerant matching of every name
    if not query.is_empty or topic_named(text):
        return None
    return run_search(dispatcher, with_recommendation_context(query, tracker), 0, current=True)


_ANEW = re.compile(r"\b(start over|restart|again|from scratch|new|fresh|redo|help me (choose|decide|pick))\b")


def programmes_to_start_with(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "Which one should I start with?" after a recommendation: its programmes, not the questions again.

    Read as asking for a recommendation, it restarted the questions and lost every answer.
    "Help me choose again" or "start over" still restarts them.
    """
    recommended = tracker.get_slot("recommended_credential")
    if not recommended or _ANEW.search(normalise(latest_text(tracker))):
        return None
    name = kb().credentials[str(recommended)].name
    dispatcher.utter_message(
        text=f"I recommended a {name} for you. My sources rate no programme above another, so start with the one "
        "whose subject, length and price suit you best:"
    )
    return run_search(dispatcher, with_recommendation_context(query_from(tracker), tracker), 0, current=True)


def search_or_say_missing(dispatcher: CollectingDispatcher, query: Query, topic: str) -> List[EventType]:
    """A topic no subject is named after: the subjects holding its words ("data" -> data science), else missing.

    "something in data?" got 'I have no verified programmes in "data"'.
    """
    partly = subjects_partly_named(kb(), topic)
    if partly:
        return run_search(dispatcher, replace(query, subjects=partly), 0)
    return send(dispatcher, unknown_topic_reply(kb(), topic, query))


class ActionSearchPrograms(Action):
    """Filter the catalogue by subject, institution and credential type.

    A subject the catalogue lacks ("healthcare programmes") is said to be
    missing, rather than answered with every programme.
    """

    def name(self) -> str:
        return "action_search_programs"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        in_context = first_context_reply(
            dispatcher,
            tracker,
            (
                recommendation_revised,
                say_topic_read_as_search,
                say_if_still_offered,
                rank_programmes,
                answer_about_listed,
                say_doubtful_claim,
            ),
        )
        return in_context if in_context is not None else search(dispatcher, tracker)


# Questions about edX or a kind of credential as a whole, read as searches: "how many micromasters
# does edx have?" is not answered by my catalogue's list, nor "what are microbachelors programs" by
# "none in my catalogue", nor "do micromasters usually have five courses?" by a list.
# Also the topics no programme has a field for ("exist financial help?" got the catalogue's list).
_TOPICS_READ_AS_SEARCHES = frozenset(
    {"how_many", "other_credentials", "courses"} | (WORD_ONLY_TOPICS - PROGRAMME_TOPICS)
)


def say_topic_read_as_search(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """The knowledge base's answer to a question about edX or a kind of credential that was read as a search."""
    topic = topic_named(latest_text(tracker))
    if topic not in _TOPICS_READ_AS_SEARCHES:
        return None
    query = query_from(tracker)
    if topic not in ("how_many", "other_credentials") and (query.subjects or query.institutions):
        return None  # "how many courses is the scm one", "financial aid for data science programmes"
    named = {resolve_credential_type(value) for value in entity_values(tracker, "credential_type")} - {None}
    credential = named.pop() if len(named) == 1 else None
    if topic == "other_credentials" and credential is None:  # "what are microbachelors?": set against MicroMasters
        credential = MICROMASTERS
    reply = faq_reply(kb(), topic, credential)
    return send(dispatcher, reply) + [SlotSet("last_topic", topic), SlotSet("credential_type", credential)]


def say_other_institution(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """A university my catalogue has nothing from, named alone ("stanford programs", "the NYU data science one").

    It was answered with another university's programme, or 'no programmes in "stanford"'.
    """
    other = other_institution_named(kb(), latest_text(tracker))
    if other is None:
        return None
    query = query_from(tracker)
    nearest = [p for p in relaxed_search(kb(), query) if p.status != "retired"] if query.subjects else []
    events = send(dispatcher, other_institution_reply(kb(), other, query, nearest))
    return events + ([listed(nearest[:3])] if nearest else [])


def search(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """The catalogue searched for what the message names, or a subject it lacks said to be missing."""
    query = narrowed_search(tracker)
    if query is None:
        missing = say_other_institution(dispatcher, tracker)
        if missing is not None:
            return missing
        query = query_from(tracker)
        topic = unknown_topic(kb(), query)
        partly = subjects_partly_named(kb(), topic) if topic else ()
        if partly:  # "business programs": business analytics and business management
            query = replace(query, subjects=partly)
        elif topic:
            return send(dispatcher, unknown_topic_reply(kb(), topic, query))
        query = with_recommendation_context(query, tracker)
    # Said mid-form while the bot waits for a subject: the answer. "ux" alone is
    # only that; "which ux programmes are there?" also gets the list.
    if tracker.active_loop.get("name") and tracker.get_slot("requested_slot") == "subject" and query.subjects:
        answered = [SlotSet("subject", query.subjects[0])]
        return answered if not is_question(latest_text(tracker)) else run_search(dispatcher, query, 0) + answered
    return run_search(dispatcher, query, 0)


def search_what_is_offered(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "does edx have a python certificate?", read as a question about certificates: a search."""
    return search(dispatcher, tracker) if asks_what_is_offered(latest_text(tracker)) else None


def _topic_of_programme(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "how much?" right after a programme, read as "show more": that programme's price, not a next page."""
    programme = programme_in_context(tracker)
    topic = topic_named(latest_text(tracker)) if programme else None
    if programme is None or topic is None:
        return None
    reply = programme_topic_reply(kb(), programme, topic)
    return send(dispatcher, reply) + about(programme) if reply else None


def _topic_of_credential(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "how much?" after "what is a MicroMasters?", read as "show more": its cost, not "nothing to show more of".

    Only when no search was shown: then "more" is the next page.
    """
    text = latest_text(tracker)
    topic = topic_named(text)
    if topic is None or len(text.split()) > 5 or stored_search(tracker) is not None:
        return None
    credential = resolve_credential_type(tracker.get_slot("credential_type"))
    return send(dispatcher, faq_reply(kb(), topic, credential)) + [SlotSet("last_topic", topic)]


def list_pathways(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "Which universities accept it?": the MicroMasters with a credit pathway in the catalogue.

    The credit answer says whether credit is possible; this says where.
    """
    if not asks_about_pathways(latest_text(tracker)):
        return None
    reply, shown = pathways_reply(kb())
    return send(dispatcher, reply) + [listed(shown), SlotSet("credential_type", MICROMASTERS)]


_OTHER_CREDENTIAL = re.compile(
    r"\b(the )?other (one|option|credential|kind|choice|route)\b|^(and |what about )?the other\b"
)


def the_other_credential(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "What about the other one?" after a recommendation: the credential not recommended.

    It listed the recommended kind's programmes again, or said there was nothing more to show.
    The other of two programmes just shown is ``describe_listed``'s, asked first.
    """
    if not _OTHER_CREDENTIAL.search(normalise(latest_text(tracker))):
        return None
    recommended = tracker.get_slot("recommended_credential")
    current = programme_in_context(tracker)
    answered = resolve_credential_type(tracker.get_slot("credential_type")) or (
        current.credential_type if current else None
    )
    topic = tracker.get_slot("last_topic")
    if not recommended and answered and topic and set_in_previous_turn(tracker, "last_topic"):
        # "and for the other one?" right after the cost of a MicroMasters: that topic for the other kind.
        other = next(kind for kind in kb().credentials if kind != answered)
        return send(dispatcher, faq_reply(kb(), topic, other)) + [SlotSet("credential_type", other)]
    if not recommended:
        return None
    other = next(kind for kind in kb().credentials if kind != recommended)
    names = kb().credentials[str(other)].name, kb().credentials[str(recommended)].name
    reply = faq_reply(kb(), "definition", other)
    dispatcher.utter_message(text=f'The other option is a {names[0]}. Ask "why?" for why I recommended a {names[1]}.')
    return send(dispatcher, reply) + [SlotSet("credential_type", other), SlotSet("last_topic", "definition")]


class ActionShowMore(Action):
    """Next page of the previous search."""

    def name(self) -> str:
        return "action_show_more"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        # "more about the 2nd" or "the cheapest one" read as show more
        pointed = first_context_reply(
            dispatcher,
            tracker,
            (
                say_courtesy_or_complaint,  # "much obliged", read as show more
                resume_questions,
                say_if_still_offered,
                describe_listed,
                the_other_credential,
                rank_programmes,
                answer_about_listed,
                _topic_of_programme,
                _topic_of_credential,
                list_pathways,  # "what other universities accept it?"
            ),
        )
        if pointed is not None:
            return pointed
        previous = stored_search(tracker)
        if previous is not None:
            return run_search(dispatcher, previous[0], previous[1] + PAGE_SIZE)
        # "show me the programmes" right after a recommendation: the recommended kind.
        query = with_recommendation_context(query_from(tracker), tracker)
        if not query.is_empty:
            return run_search(dispatcher, query, 0)
        dispatcher.utter_message(
            text='There is nothing to show more of yet. Try "which data science programmes are there?"'
        )
        return []


class ActionProgramInfo(Action):
    """Describe one named programme ("the second one" of a list), or say honestly that it can't be verified.

    Two programmes named in a comparison are shown side by side.
    """

    def name(self) -> str:
        return "action_program_info"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        in_context = first_context_reply(
            dispatcher,
            tracker,
            (
                recommendation_revised,
                say_topic_read_as_search,
                say_other_institution,  # "the Stanford MicroMasters in CS"
                say_if_still_offered,
                describe_listed,
                compare_programmes,
                describe_named,
                say_uncovered,
                search_what_is_offered,
            ),
        )
        if in_context is not None:
            return in_context
        query = query_from(tracker)
        current = programme_in_context(tracker) if query.is_empty else None
        if current:  # "tell me more about it"
            return describe_programme(dispatcher, current)
        match = find_programme(kb(), query)
        if not (match.programme or match.claim):
            # "I finished 2 of the 5 courses in the MIT supply chain micromasters. Would switching to a
            # professional certificate make more sense?": the programme is named before the question.
            whole = query_from(tracker, whole=True)
            match = find_programme(kb(), whole) if whole != query else match
        if match.programme:
            return describe_programme(dispatcher, match.programme, match.nearest)
        if match.claim:
            return say_claim(dispatcher, match.claim, match.nearest)
        if not (query.subjects or query.institutions):
            # "are professional certificates 3-5 courses?" names no programme but a topic: its answer, not
            # "I couldn't find that programme in my catalogue".
            from actions.faq import answer_named_topic  # actions.faq imports this module

            answered = answer_named_topic(dispatcher, tracker)
            if answered is not None:
                return answered
        return send(dispatcher, not_found_reply(kb(), match.nearest))


_WHOSE = re.compile(
    r"\b(which|what|whose) (uni|university|school|institution|college)\b|\bwho (offers|runs|gives|makes|teaches) "
    r"(it|that|this|the programme|the program)\b|^(and )?is (that|it|this) (from |by |at )?(the )?\w+( one)?$"
)


def say_whose_programme(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "Which uni is it from?", "is that upenn?" about the programme just discussed: its institution.

    Read as asking for sources, they got a list of links.
    """
    programme = programme_in_context(tracker)
    text = normalise(latest_text(tracker)).strip()
    if programme is None or not _WHOSE.search(text):
        return None
    named = institutions_in(kb(), text)
    if re.match(r"(and )?is ", text) and not named:
        return None
    said = f"the {programme.title} is from {programme.institution}."
    if named:  # "is that upenn?"
        said = f"{'Yes' if programme.institution in named else 'No'}: {said}"
    dispatcher.utter_message(text=said[0].upper() + said[1:])
    return about(programme)


def describe_by_short_name(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "tell me about SDS", "and DEDP?" read as an answer: that programme (they got "OK. What else ...")."""
    text = latest_text(tracker)
    programme = programme_by_short_name(kb(), text) if len(text.split()) <= 6 else None
    if programme is None or topic_named(text) is not None:  # "dedp cost" is a topic of it, answered as such
        return None
    return describe_programme(dispatcher, programme)


def recommendation_revised(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """After a recommendation, a changed answer, a what-if or a pushback, whatever the message was read as.

    "what if I had $2000?" was "Sorry, I didn't understand that", "what if I had more time, like 15
    hours a week?" a programme card.
    """
    if not tracker.get_slot("recommended_credential"):
        return None
    from actions.recommendation import revise_recommendation  # it imports this module

    return revise_recommendation(dispatcher, tracker)


class PointingFirst(Action, abc.ABC):
    """An action whose message may be "the 3rd one", "the rit one" or "are you sure?" misread: that answered first."""

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        pointed = first_context_reply(
            dispatcher,
            tracker,
            (
                say_how_sure,
                resume_questions,  # "ok continue" after "stop"
                recommendation_revised,
                say_whose_programme,  # "who runs it?"
                say_if_still_offered,
                describe_programme_in_context,  # "what courses?" read as help
                describe_listed,
                rank_programmes,
                answer_about_listed,
                describe_named,
                recommended_programmes,
            ),
        )
        return pointed if pointed is not None else self.otherwise(dispatcher, tracker)

    @abc.abstractmethod
    def otherwise(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        """The action's own reply."""
