"""Handler: the programme catalogue. Searches, one programme's facts, lists pointed into, comparisons.

Takes the reading's ``Ask`` (which programme, which list item, which topic
were already worked out from the words); never reads the message.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Dict, List, Sequence

from rasa_sdk.events import EventType, SlotSet

from actions.common import Handler, Turn, about, listed
from advisor.knowledge import MICROMASTERS, Programme
from advisor.matching import Query, relaxed_search, search_programmes
from advisor.reading import Ask, subject_names
from advisor.replies import (
    NO_QUALITY_RANKING,
    NO_UNIVERSITY_RANKING,
    PAGE_SIZE,
    PROGRAMME_TOPICS,
    SAME_ANSWER,
    SHORT_NAMES,
    Reply,
    claim_reply,
    courses_ranking_reply,
    describe_query,
    faq_reply,
    has_more_detail,
    in_general,
    known_first,
    no_pathway_line,
    not_found_reply,
    only_listed_reply,
    other_institution_reply,
    pathways_reply,
    programme_kind_line,
    programme_reply,
    programme_shown_reply,
    programme_topics_reply,
    programmes_mentioning_reply,
    programmes_on_topic_reply,
    programmes_side_by_side,
    same_but_kind,
    search_reply,
    still_offered_reply,
    unknown_topic_reply,
    whose_reply,
)


def _stored(query: Query, offset: int) -> Dict[str, object]:
    return {
        "subjects": list(query.subjects),
        "institutions": list(query.institutions),
        "credential_types": list(query.credential_types),
        "offset": offset,
    }


def run_search(turn: Turn, query: Query, offset: int = 0, current: bool = False) -> List[EventType]:
    """The programmes ``query`` finds, a page from ``offset``; ``current``: retired ones left out."""
    results = [p for p in search_programmes(turn.kb, query) if not (current and p.status == "retired")]
    if len(results) == 1 and not offset:  # "what about supply chain?" with one such programme: that one
        only = f"It is the only {describe_query(query).replace('programmes', 'programme', 1)} in my catalogue."
        reply = programme_reply(turn.kb, results[0], note=only)
        return turn.say(reply) + about(results[0]) + [SlotSet("last_search", None), listed(results)]
    if offset and offset >= len(results):
        turn.dispatcher.utter_message(text="That's all the programmes I have for that search.")
        return []
    nearest = relaxed_search(turn.kb, query) if not results else []
    also: List[Programme] = []
    if not offset and query.subjects and len(query.credential_types) == 1:  # the other kind in that subject too
        other_kind = tuple(kind for kind in turn.kb.credentials if kind not in query.credential_types)
        also = [
            p for p in search_programmes(turn.kb, replace(query, credential_types=other_kind)) if p.status != "retired"
        ]
    events = turn.say(search_reply(turn.kb, query, results, offset, nearest, also))
    shown = results[offset : offset + PAGE_SIZE] or nearest[:PAGE_SIZE]
    return events + [SlotSet("last_search", _stored(query, offset)), listed(shown)]


def describe(turn: Turn, programme: Programme, nearest: Sequence[Programme] = ()) -> List[EventType]:
    """Its short card, the sentences of its whole card that the message's words name first."""
    return turn.say(programme_reply(turn.kb, programme, nearest, wanted=turn.reading.words)) + about(programme)


def _programmes(turn: Turn, ids: Sequence[str]) -> List[Programme]:
    return [p for p in (turn.programme(pid) for pid in ids) if p]


def programme(turn: Turn, ask: Ask) -> List[EventType]:
    """One programme: its card, or its own facts on the topics asked ("how much is the MITx SCM one?")."""
    found = turn.programme(ask.programme)
    if found is None:
        return turn.say(not_found_reply(turn.kb, []))
    topics = tuple(t for t in ask.topics if t)
    snap = turn.snap
    repeated = snap.current_shown and snap.current == found.id and snap.topic_shown and snap.last_topic in topics
    if topics and repeated and len(topics) == 1:  # asked again on the same topic: the answer stands
        turn.dispatcher.utter_message(text=SAME_ANSWER)
        return [SlotSet("last_topic", topics[0]), *about(found)]
    if not topics:
        just_shown = snap.current_shown and snap.current == found.id and not snap.topic_shown
        if just_shown and (snap.whole_shown or not has_more_detail(found)):  # all of it just shown
            turn.dispatcher.utter_message(text=programme_shown_reply(found))
            return about(found)
        if just_shown or ask.details:  # "tell me more" after its short card: the whole card
            reply = programme_reply(turn.kb, found, whole=True)
            return turn.say(reply) + about(found) + [SlotSet("programme_whole", True)]
        return describe(turn, found, _programmes(turn, ask.programmes))
    if topics == ("definition",):  # "what is DEDP?": the programme itself
        return describe(turn, found)
    # Its own fields first ("how many hours total"), then the topics it has no field for ("is it free?",
    # worth, recognition): the answer for its kind of credential, said to be so.
    own = tuple(topic for topic in topics if topic in PROGRAMME_TOPICS) if ask.lead != "to_start" else ()
    events: List[EventType] = []
    if own:
        pace = (ask.hours, ask.told) if ask.hours is not None else None
        reply = programme_topics_reply(turn.kb, found, own, pace)
        if reply is not None:
            events += turn.say(reply)
            topics = tuple(topic for topic in topics if topic not in own)
            if not topics:
                return events + [SlotSet("last_topic", own[0]), *about(found)]
    turn.dispatcher.utter_message(text=programme_kind_line(turn.kb, found))
    for topic in topics:
        events += turn.say(faq_reply(turn.kb, topic, found.credential_type))
    return events + [SlotSet("last_topic", topics[-1]), *about(found)]


def claim(turn: Turn, ask: Ask) -> List[EventType]:
    """A programme my sources doubt ("the Michigan data science MicroMasters"): what they say, and instead."""
    found = next(c for c in turn.kb.unverified if c.id == ask.claim)
    nearest = _programmes(turn, ask.programmes)
    events = turn.say(claim_reply(turn.kb, found, nearest)) + _missing(ask)
    return events + ([listed(nearest), *about(nearest[0])] if nearest else []) + _in_general(turn, ask)


def not_found(turn: Turn, ask: Ask) -> List[EventType]:
    """A programme named that the catalogue lacks: said first, then the closest, then any topic asked ("how
    long is the harvardx micromasters in public health?") answered for the kind in general."""
    nearest = _programmes(turn, ask.programmes)[:3]
    events = turn.say(not_found_reply(turn.kb, nearest, ask.query)) + ([listed(nearest)] if nearest else [])
    same = [p for p in nearest if ask.query and ask.query.credential_types and same_but_kind(p, ask.query)]
    if same:  # it exists as the other kind: its own facts on what was asked; "how long does it take?" now means it
        own = tuple(topic for topic in ask.topics if topic in PROGRAMME_TOPICS)
        reply = programme_topics_reply(turn.kb, same[0], own) if own else None
        return events + (turn.say(reply) if reply else []) + about(same[0])
    return events + _missing(ask) + _in_general(turn, ask)


def _in_general(turn: Turn, ask: Ask) -> List[EventType]:
    """The topics asked of a programme my catalogue lacks, answered for its kind in general and said to be so."""
    kinds = ask.query.credential_types if ask.query else ()
    kind = kinds[0] if len(kinds) == 1 else None
    events: List[EventType] = []
    for topic in ask.topics:
        general = faq_reply(turn.kb, topic, kind)
        events += turn.say(in_general(general, f"{SHORT_NAMES[kind]} programmes" if kind else "these credentials"))
    return events


def other_institution(turn: Turn, ask: Ask) -> List[EventType]:
    """A university my catalogue has nothing from ("the Stanford MicroMasters in AI"): said first, then what is."""
    other = next(o for o in turn.kb.other_institutions if o.name == ask.name)
    query = ask.query or Query()
    nearest = [p for p in relaxed_search(turn.kb, query) if p.status != "retired"] if query.subjects else []
    if query.credential_types:  # the kind asked for first: "the stanford micromasters in AI" -> ColumbiaX's
        nearest.sort(key=lambda p: p.credential_type not in query.credential_types)
    events = turn.say(other_institution_reply(turn.kb, other, query, nearest))
    return events + ([listed(nearest[:3])] if nearest else []) + _missing(ask) + _in_general(turn, ask)


def _missing(ask: Ask) -> List[EventType]:
    """The words that named the programme my catalogue lacks, for "and its courses?" right after."""
    return [SlotSet("missing_programme", ask.query.text[:200])] if ask.query and ask.query.text else []


def search(turn: Turn, ask: Ask) -> List[EventType]:
    """The catalogue searched for what the message names, or a subject it lacks said to be missing."""
    query = ask.query or Query()
    if ask.name:  # "healthcare programmes": a subject the catalogue lacks
        return turn.say(unknown_topic_reply(turn.kb, ask.name, query))
    suggested = with_recommendation(turn, query) if ask.lead == "recommended" else query
    return run_search(turn, suggested, 0, current=suggested != query)


def with_recommendation(turn: Turn, query: Query) -> Query:
    """A search naming nothing after a recommendation means its kind of programme in the learner's subject."""
    recommended = turn.snap.recommended
    if query.subjects or query.institutions or query.credential_types or not recommended:
        return query
    return Query(subject_names(turn.snap.answers.get("subject")), (), (str(recommended),), query.text)


def more(turn: Turn, ask: Ask) -> List[EventType]:
    """The next page of the last search; after a recommendation, its kind of programme."""
    if turn.snap.search is not None:
        return run_search(turn, turn.snap.search, turn.snap.search_offset + PAGE_SIZE)
    query = with_recommendation(turn, Query())
    if not query.is_empty:
        return run_search(turn, query, 0)
    turn.dispatcher.utter_message(
        text='There is nothing to show more of yet. Try "which data science programmes are there?"'
    )
    return []


def start_with(turn: Turn, ask: Ask) -> List[EventType]:
    """ "Which one should I start with?" after a recommendation: its programmes, not the questions again."""
    name = turn.kb.credentials[str(turn.snap.recommended)].name
    turn.dispatcher.utter_message(
        text=f"I recommended a {name} for you. My sources rate no programme above another, so start with the one "
        "whose subject, length and price suit you best:"
    )
    return run_search(turn, with_recommendation(turn, Query()), 0, current=True)


def compare(turn: Turn, ask: Ask) -> List[EventType]:
    first, second = _programmes(turn, ask.programmes)
    return turn.say(programmes_side_by_side(turn.kb, first, second)) + [listed((first, second))]


def compare_missing(turn: Turn, ask: Ask) -> List[EventType]:
    """ "Is the MIT supply chain one better than the Columbia one?" with no Columbia one: said so, then the one
    known."""
    found = turn.programme(ask.programme)
    turn.dispatcher.utter_message(
        text=f"I couldn't find any {describe_query(ask.query or Query())} in my catalogue to compare it with. "
        "What I have on the one I know:"
    )
    return describe(turn, found) if found else []


def compare_institutions(turn: Turn, ask: Ask) -> List[EventType]:
    """ "Harvard or MIT for AI?": what each offers, without a ranking the sources can't support."""
    turn.dispatcher.utter_message(text=NO_UNIVERSITY_RANKING)
    query = ask.query or Query()
    return run_search(turn, Query(query.subjects, query.institutions, query.credential_types), 0)


def rank(turn: Turn, ask: Ask) -> List[EventType]:
    """ "Which is cheapest?": their prices (or lengths), not a ranking the sources can't support."""
    topic = ask.topics[0]
    programmes = _programmes(turn, ask.programmes)
    if ask.name == "catalogue":
        programmes = known_first(programmes, topic)
        which = f"the {describe_query(ask.query or Query())} I have"
    else:
        which = {"the two": "the two", "listed": "the programmes I just listed"}.get(str(ask.name), "them")
    if topic == "courses" and len(programmes) > 1:
        return turn.say(courses_ranking_reply(turn.kb, programmes, which, ask.lead == "fewest")) + [listed(programmes)]
    if len(programmes) == 1:
        reply = programme_topics_reply(turn.kb, programmes[0], (topic,))
        if reply is None:
            return describe(turn, programmes[0])
        return turn.say(Reply(f"Only one programme matches:\n{reply.text}", reply.citations)) + about(programmes[0])
    reply = programmes_on_topic_reply(turn.kb, programmes, topic, which)
    return turn.say(reply) + [listed(programmes[:PAGE_SIZE])]


def no_ranking(turn: Turn, ask: Ask) -> List[EventType]:
    """ "Which of these is most respected?": the sources rate no programme; the list stays the one pointed at."""
    turn.dispatcher.utter_message(text=NO_QUALITY_RANKING)
    return [SlotSet("listed_programmes", list(ask.programmes))]


def each_listed(turn: Turn, ask: Ask) -> List[EventType]:
    """ "Which one gives credit?" right after a list: each programme's own answer."""
    programmes = _programmes(turn, ask.programmes)
    reply = programmes_on_topic_reply(turn.kb, programmes, ask.topics[0], "the programmes I just listed")
    return turn.say(reply) + [listed(programmes)]


def with_credit(turn: Turn, ask: Ask) -> List[EventType]:
    """ "Programs with credit toward a master's?": those with a credit pathway in my sources, each one's own."""
    query = ask.query or Query()
    searched = search_programmes(turn.kb, query) if not query.is_empty else turn.kb.programmes
    programmes = [p for p in searched if p.credit_pathway and p.status != "retired"]
    if not programmes:
        turn.dispatcher.utter_message(
            text=f"My sources state a credit pathway for none of the {describe_query(query)} I have."
        )
        return []
    which = f"the {describe_query(query)} that have one in my sources (credit only if a university admits you)"
    return turn.say(programmes_on_topic_reply(turn.kb, programmes, "credit", which)) + [listed(programmes[:PAGE_SIZE])]


def mention(turn: Turn, ask: Ask) -> List[EventType]:
    """ "Which one uses python?": where their descriptions say so (silence is not a no)."""
    programmes = _programmes(turn, ask.programmes)
    events = turn.say(programmes_mentioning_reply(turn.kb, programmes, str(ask.term), named=ask.lead == "named"))
    return events + ([listed(programmes)] if len(programmes) > 1 else about(programmes[0]))


def which_one(turn: Turn, ask: Ask) -> List[EventType]:
    """ "the mit one" with two MIT programmes listed: which one?"""
    options = _programmes(turn, ask.programmes)
    turn.dispatcher.utter_message(text="Which one do you mean: " + " or ".join(f"the {p.title}" for p in options) + "?")
    return [listed(options)]


def not_in_list(turn: Turn, ask: Ask) -> List[EventType]:
    turn.dispatcher.utter_message(text=only_listed_reply(len(ask.programmes)))
    return []


def pathways(turn: Turn, ask: Ask) -> List[EventType]:
    """ "Which universities accept it?": the MicroMasters with a credit pathway in the catalogue."""
    found = turn.programme(ask.programme) if ask.programme else None
    if found is not None:
        turn.dispatcher.utter_message(text=no_pathway_line(found))
    reply, shown = pathways_reply(turn.kb)
    return turn.say(reply) + [listed(shown), SlotSet("credential_type", MICROMASTERS)]


def still_offered(turn: Turn, ask: Ask) -> List[EventType]:
    """ "Is it still on edX?": retired, or how old my sources on it are."""
    found = turn.programme(ask.programme)
    return turn.say(still_offered_reply(turn.kb, found)) + about(found) if found else []


def whose(turn: Turn, ask: Ask) -> List[EventType]:
    """ "Which uni is it from?", "is that upenn?" about the programme just discussed."""
    found = turn.programme(ask.programme)
    if found is None:
        return []
    return turn.say(whose_reply(turn.kb, found, ask.programmes)) + about(found)


ASKS: Dict[str, Handler] = {
    "programme": programme,
    "claim": claim,
    "not_found": not_found,
    "other_institution": other_institution,
    "search": search,
    "more": more,
    "start_with": start_with,
    "compare": compare,
    "compare_missing": compare_missing,
    "compare_institutions": compare_institutions,
    "rank": rank,
    "no_ranking": no_ranking,
    "each_listed": each_listed,
    "mention": mention,
    "with_credit": with_credit,
    "which_one": which_one,
    "not_in_list": not_in_list,
    "pathways": pathways,
    "still_offered": still_offered,
    "whose": whose,
}
