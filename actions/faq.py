"""Answer the FAQ intents from the knowledge base, using conversation context."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Sequence, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    citations_from,
    entity_values,
    first_context_reply,
    intent_name,
    kb,
    last_bot_text,
    latest_text,
    replies_on_error,
    resume_questions,
    say_courtesy_or_complaint,
    say_how_sure,
    say_uncovered,
    say_who_made_me,
    send,
)
from actions.programmes import (
    about,
    answer_about_listed,
    compare_institutions,
    compare_programmes,
    describe_by_short_name,
    describe_listed,
    describe_named_in_list,
    describe_programme,
    describe_programme_in_context,
    list_pathways,
    programme_meant,
    programme_pointed_at,
    query_from,
    rank_programmes,
    recommended_programmes,
    run_search,
    say_claim,
    say_doubtful_claim,
    say_if_still_offered,
    say_whose_programme,
    search_narrowed,
    search_or_say_missing,
    search_what_is_offered,
    the_other_credential,
)
from actions.recommendation import recommend_again, reset_events, revise_recommendation
from advisor.language import is_not_words
from advisor.matching import (
    ProgrammeMatch,
    asks_for_a_job,
    credential_types_in,
    employer_named,
    programme_in_question,
    refers_to_both,
    resolve_credential_type,
    resolve_subject,
    unknown_topic,
)
from advisor.profile import (
    answers_in,
    asks_for_help_with_situation,
    asks_which_to_choose,
    describes_situation,
    final_question,
    is_question,
    parse_goal,
    parse_weekly_hours,
    talks_about_oneself,
)
from advisor.replies import (
    ALREADY_ANSWERED,
    ANYTHING_ELSE,
    NO_JOB_PROMISED,
    NOT_UNDERSTOOD,
    OFFER_TO_CHOOSE,
    PROGRAMME_TOPICS,
    SAME_ANSWER,
    Reply,
    faq_reply,
    in_particular,
    programme_kind_line,
    programme_topic_reply,
    programme_topics_reply,
    proper_name,
    sources_reply,
    unknown_topic_reply,
)
from advisor.topics import (
    WORD_ONLY_TOPICS,
    asks_about_the_masters,
    asks_where_it_runs,
    country_named,
    field_named_alone,
    topic_named,
    topics_asked_together,
)

INTENT_TOPICS = {
    "ask_worth": "worth",
    "ask_credit": "credit",
    "ask_recognition": "recognition",
    "ask_cost": "cost",
    "ask_duration": "duration",
    "ask_difference": "difference",
    "ask_definition": "definition",
    "ask_admission": "admission",
    "ask_level": "level",
}


def named_credentials(tracker: Tracker) -> List[str]:
    """Credential types named in the latest message (entities, then raw text)."""
    named: List[str] = []
    for value in entity_values(tracker, "credential_type") + credential_types_in(latest_text(tracker)):
        resolved = resolve_credential_type(value)
        if resolved and resolved not in named:
            named.append(resolved)
    return named


def answer(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    topic: str,
    credential: Optional[str],
    compared: bool = False,
    lead: Optional[str] = None,
) -> List[EventType]:
    """The knowledge base's answer, unless it is the one just given ("does it expire?" read as credit).

    ``lead`` is said first, only with the answer ("The X is a MicroMasters. In general:").
    """
    employer = employer_named(latest_text(tracker)) if topic in ("worth", "recognition") else None
    if employer:  # "can I get a job at Google with this?": what employers make of it
        topic = "recognition"
    elif topic in ("worth", "recognition") and asks_for_a_job(latest_text(tracker)) and lead is None:
        # "will a micromasters get me a job?" got "It can be ...", which reads as a yes.
        lead = NO_JOB_PROMISED
    reply = faq_reply(kb(), topic, credential, compared, recommended=bool(tracker.get_slot("recommended_credential")))
    country = country_named(latest_text(tracker)) if topic == "recognition" else None
    if employer:
        reply = in_particular(reply, f"hiring at {proper_name(employer)}")
    elif country:  # "is it recognised in Germany?"
        reply = in_particular(reply, f"recognition in {proper_name(country)}")
    events = send_once(dispatcher, tracker, reply, topic, lead)
    if events is None:
        return []
    # Both credentials answered: a bare follow-up ("cost?") is about both again,
    # not the last one an earlier message happened to name ("mm vs pc").
    return events + [SlotSet("last_topic", topic), SlotSet("credential_type", credential)]


def send_once(
    dispatcher: CollectingDispatcher, tracker: Tracker, reply: Reply, topic: str, lead: Optional[str] = None
) -> Optional[List[EventType]]:
    """Send ``reply`` (after ``lead``); None if it is word for word the bot's last message, which is then said instead.

    A question that names the same topic again ("am I too old?" after the age
    answer) was understood: the answer stands. Otherwise it was probably misread.
    The lead goes only with the answer: before "my answer just above stands" it read garbled.
    """
    if reply.text == last_bot_text(tracker):
        asked_again = topic_named(latest_text(tracker)) == topic
        dispatcher.utter_message(text=SAME_ANSWER if asked_again else ALREADY_ANSWERED)
        return None
    if lead:
        dispatcher.utter_message(text=lead)
    return send(dispatcher, reply)


def programme_asked_about(tracker: Tracker) -> ProgrammeMatch:
    """The one programme (or doubtful one) a question names, else the one just discussed if it means it."""
    query = query_from(tracker)
    match = programme_in_question(kb(), query)
    if match.programme or match.claim:
        return match
    return ProgrammeMatch(programme=programme_pointed_at(tracker) or programme_meant(tracker, query))


def _has_own_answer(topic: str, tracker: Tracker) -> bool:
    """Whether a programme answers ``topic`` with its own facts; "is edx a nonprofit?" is about edX, not it."""
    return topic in PROGRAMME_TOPICS and (topic != "about_edx" or asks_where_it_runs(latest_text(tracker)))


# Applying to take a programme's courses, not to the master's it leads to.
_TO_START = re.compile(
    r"\b(apply|application|admitted|requirements?)\b.{0,25}\b(take|taking|enrol+|start|join|sign up|do it)\b"
)


_FOR_ME = re.compile(r"\b(me|i|my)\b")


def _pace_asked(tracker: Tracker) -> Optional[Tuple[float, bool]]:
    """The learner's hours a week for "how long at 10 hours a week?", or for "how long would it take me?" the
    hours given to my questions (with True); None when the question names no pace.
    """
    text = latest_text(tracker)
    hours = parse_weekly_hours(text)
    if hours is not None:
        return hours, False
    told = tracker.get_slot("weekly_hours")
    if isinstance(told, int | float) and _FOR_ME.search(text.lower()):
        return float(told), True
    return None


def answer_about_programme(dispatcher: CollectingDispatcher, tracker: Tracker, topic: str) -> Optional[List[EventType]]:
    """A topic question about one programme, named or just discussed ("how much does it cost?").

    None when the question is about a kind of programme ("how much is a MicroMasters?").
    """
    match = programme_asked_about(tracker)
    if match.claim:
        return say_claim(dispatcher, match.claim, match.nearest)
    programme = match.programme
    if programme is None:
        return None
    if (
        topic in ("cost", "duration", "degree", "definition", "masters_cost")
        and programme.credit_pathway
        and asks_about_the_masters(latest_text(tracker))
    ):
        topic = "credit"  # "how much is the msc?" after PolyU's MicroMasters: the master's it leads to
    if topic == "definition":  # "what is DEDP?": the programme itself, not what a MicroMasters is
        return describe_programme(dispatcher, programme)
    if topic == "admission" and _TO_START.search(latest_text(tracker).lower()):
        # "do I need to apply to take it?" is about enrolling, which is open, not about its master's.
        kind = programme_kind_line(kb(), programme)
        return answer(dispatcher, tracker, topic, programme.credential_type, lead=kind) + about(programme)
    reply = programme_topic_reply(kb(), programme, topic, _pace_asked(tracker) if topic == "duration" else None)
    if reply is None:  # No field for it (worth, recognition ...): the answer for its kind of credential.
        kind = programme_kind_line(kb(), programme)
        return answer(dispatcher, tracker, topic, programme.credential_type, lead=kind) + about(programme)
    events = send_once(dispatcher, tracker, reply, topic)
    return [] if events is None else events + [SlotSet("last_topic", topic), *about(programme)]


class ActionAnswerFaq(Action):
    """Answer for the credential named now, else the one in context, else both.

    A comparison that names one attribute ("which is cheaper?") gets that
    attribute for both credentials side by side instead of the general difference.
    "Can I audit for free?" gets the audit-or-verified answer, whatever the intent.
    After a recommendation, "actually my budget is $2,000" recommends again.
    A question about one programme ("how much is the MITx supply chain one?",
    or "how long is it?" right after one) gets that programme's own facts.
    Right after a list of programmes, "which ones are micromasters" narrows the list;
    two programmes compared by name are shown side by side.
    """

    def name(self) -> str:
        return "action_answer_faq"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        in_context = first_context_reply(
            dispatcher,
            tracker,
            (
                say_who_made_me,
                say_how_sure,
                say_courtesy_or_complaint,
                say_if_still_offered,
                revise_recommendation,
                search_narrowed,
                rank_programmes,
                answer_about_listed,
                compare_programmes,
                compare_institutions,
                describe_named_in_list,  # "which one is the MIT one?" right after a list
                recommended_programmes,
                say_uncovered,
                search_what_is_offered,  # "does edx have a python certificate?"
                list_pathways,
            ),
        )
        if in_context is not None:
            return in_context
        topic = INTENT_TOPICS.get(intent_name(tracker) or "", "definition")
        together = topics_asked_together(latest_text(tracker))
        if together:  # "how long does it take and how much does it cost?"
            return answer_each(dispatcher, tracker, together, compared=topic == "difference")
        named_topic = topic_named(latest_text(tracker))
        # "which is cheaper?" compares the two credentials on cost, but "what's the
        # difference between a MicroMasters and a master's?" asks about one of them.
        if (
            topic == "difference"
            and named_topic
            and not (named_topic in WORD_ONLY_TOPICS and len(named_credentials(tracker)) == 1)
        ):
            return answer(dispatcher, tracker, named_topic, None, compared=True)
        if named_topic in WORD_ONLY_TOPICS or (topic == "definition" and named_topic):
            # "what is" is the catch-all: "who issues a micromasters certificate?" is about recognition.
            topic = str(named_topic)
        if asks_for_a_job(latest_text(tracker)) and topic in ("admission", "definition", "level", "recognition"):
            topic = "worth"  # "can a professional certificate guarantee a job?" was read as admission
        return answer_topic(dispatcher, tracker, topic)


def answer_each(
    dispatcher: CollectingDispatcher, tracker: Tracker, topics: Sequence[str], compared: bool
) -> List[EventType]:
    """One answer per topic asked about together; "where is that from?" then shows the sources of all of them.

    About one programme ("how long and how much is the scm one?"), its facts come in one card.
    """
    events: List[EventType] = []
    programme = None if compared else programme_asked_about(tracker).programme
    own = [topic for topic in topics if _has_own_answer(topic, tracker)] if programme else []
    if programme and own:
        reply = programme_topics_reply(kb(), programme, own)
        events += send(dispatcher, reply) + about(programme) if reply else []
        topics = [topic for topic in topics if topic not in own or reply is None]
    for topic in topics:
        events += (
            answer(dispatcher, tracker, topic, None, compared=True)
            if compared
            else answer_topic(dispatcher, tracker, topic)
        )
    cited = [c for e in events if e.get("name") == "last_citations" for c in e.get("value") or []]
    unique = [c for i, c in enumerate(cited) if c not in cited[:i]]
    return [e for e in events if e.get("name") != "last_citations"] + (
        [SlotSet("last_citations", unique)] if unique else []
    )


def answer_topic(dispatcher: CollectingDispatcher, tracker: Tracker, topic: str) -> List[EventType]:
    """A topic's answer for the programme asked about, else the credential named, in context, or both."""
    # "is edx still a nonprofit?" after a programme is about edX; "is it on MITx Online?" about it.
    if topic != "difference" and (topic != "about_edx" or asks_where_it_runs(latest_text(tracker))):
        about_programme = answer_about_programme(dispatcher, tracker, topic)
        if about_programme is not None:
            return about_programme
    named = named_credentials(tracker)
    if topic == "difference" or len(named) > 1 or (not named and refers_to_both(latest_text(tracker))):
        credential = None
    elif named:
        credential = named[0]
    else:
        credential = resolve_credential_type(tracker.get_slot("credential_type"))
    return answer(dispatcher, tracker, topic, credential)


def answer_named_topic(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """A question that names an FAQ topic in its own words, whatever it was read as; for a message
    already known to be a question that answers nothing."""
    topic = topic_named(latest_text(tracker))
    return answer_topic(dispatcher, tracker, topic) if topic else None


def answer_specific_topic(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "are there exams?" caught by the fallback: a topic named by its own words is understood enough."""
    topic = topic_named(latest_text(tracker))
    return answer_topic(dispatcher, tracker, topic) if topic in WORD_ONLY_TOPICS else None


def answer_last_topic_for_named(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "and a pro cert?" after any FAQ answer (during the recommendation's questions too): that topic
    for the credential named now. The difference covered both, so it has no such follow-up."""
    named = named_credentials(tracker)
    topic = tracker.get_slot("last_topic")
    if not named or topic not in kb().faq or topic == "difference" or topic_named(latest_text(tracker)):
        return None
    return answer(dispatcher, tracker, str(topic), named[0])


def start_from_situation(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "10 hours a week, about $1,500": the recommendation's questions, with those answers taken."""
    if named_credentials(tracker) or not describes_situation(latest_text(tracker)):
        return None
    return start_questions(dispatcher)


def start_questions(dispatcher: CollectingDispatcher, *taken: EventType) -> List[EventType]:
    """Start the recommendation's questions afresh, with the answers ``taken`` already set."""
    dispatcher.utter_message(response="utter_start_recommendation")
    return [*reset_events(), *taken, FollowupAction("recommendation_form")]


def start_from_choice_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "Which is better for getting a job fast?": the questions, with the answers it gives taken.

    The classifier read it as off-topic ("outside what I cover"), though it is
    the question the recommendation answers.
    """
    text = latest_text(tracker)
    goal = parse_goal(text)
    # "... i only have evenings, maybe 4 hours a week. money is tight. what should i do??": a situation
    # giving two answers or more is a request for advice (the form reads the answers from it).
    if not describes_situation(text) and (goal is None or not asks_which_to_choose(text)):
        return None
    return start_questions(dispatcher, *([SlotSet("goal", goal)] if goal else []))


class ActionAnswerFollowup(Action):
    """Handle a short answer outside the form.

    "the second one" describes that programme of the list last shown;
    "only the micromasters" right after a list of programmes narrows it; a
    subject or institution ("supply chain programmes", "project management
    certs") searches the catalogue; a topic ("what about the cost?") is
    answered for the credential in context; "and for a professional certificate?"
    repeats the last topic for that credential; a description of one's
    situation starts the recommendation.
    """

    def name(self) -> str:
        return "action_answer_followup"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        in_context = first_context_reply(
            dispatcher,
            tracker,
            (
                say_courtesy_or_complaint,
                resume_questions,
                say_if_still_offered,
                revise_recommendation,
                start_from_situation,
                describe_listed,
                the_other_credential,  # "and for the other one?"
                search_narrowed,
                rank_programmes,
                answer_about_listed,
                describe_by_short_name,  # "and DEDP?"
                say_uncovered,
                say_doubtful_claim,
                list_pathways,
            ),
        )
        if in_context is not None:
            return in_context
        # "I'm an engineer wanting a master's in supply chain. Would a MicroMasters count toward it?"
        text = latest_text(tracker)
        question = final_question(text)
        asked_last = topic_named(question) if question else None
        if asked_last:
            return answer_topic(dispatcher, tracker, asked_last)
        named = named_credentials(tracker)
        query = query_from(tracker)
        if query.subjects or query.institutions:
            return run_search(dispatcher, query, 0)
        # A subject none of the catalogue's ("public health"); one it has was left out of the query
        # as part of a statement about oneself ("i'm a nurse moving into analytics. what do u think").
        unlisted = [value for value in entity_values(tracker, "subject") if not resolve_subject(kb(), value)]
        if unlisted:
            return send(dispatcher, unknown_topic_reply(kb(), unlisted[0], query))
        if query.is_empty:
            details = describe_programme_in_context(dispatcher, tracker)  # "tell me more about it"
            if details is not None:
                return details
        # "About 5 hours a week" answers a question (not yet asked, or asked for the
        # recommendation just made); it does not ask about length.
        if answers_in(text) and not is_question(text) and not named:  # "pc credit" asks about credit
            if not tracker.get_slot("recommended_credential"):
                return send(dispatcher, OFFER_TO_CHOOSE)
            again = recommend_again(dispatcher, tracker)
            if again is not None:
                return again
        together = topics_asked_together(text)  # "i read they take 6 to 18 months and cost tens of thousands, true?"
        if together:
            return answer_each(dispatcher, tracker, together, compared=False)
        asked = topic_named(text)
        if asked:
            in_context = None if refers_to_both(text) else tracker.get_slot("credential_type")
            return answer(dispatcher, tracker, asked, named[0] if named else resolve_credential_type(in_context))
        followed = answer_last_topic_for_named(dispatcher, tracker)  # "and a pro cert?"
        if followed is not None:
            return followed
        if named:  # "and for a MicroMasters?" after the difference, which covered both: what it is
            return answer(dispatcher, tracker, "definition", named[0])
        if is_not_words(text):  # "12345", "SELECT * FROM users;"
            dispatcher.utter_message(text=NOT_UNDERSTOOD)
            return []
        if asks_for_help_with_situation(text) and not tracker.get_slot("recommended_credential"):
            return start_questions(dispatcher)  # "I'm a teacher moving into data science. Help?"
        if talks_about_oneself(text) and not tracker.get_slot("recommended_credential"):
            return send(dispatcher, OFFER_TO_CHOOSE)  # "i'm a nurse moving into data"
        # "ok what about psychology", or "law?" alone
        missing = unknown_topic(kb(), query, what_about=True) or field_named_alone(text)
        if missing:
            return search_or_say_missing(dispatcher, query, missing)
        dispatcher.utter_message(text=ANYTHING_ELSE)
        return []


class ActionShowSources(Action):
    """List the sources, links and dates behind the previous answer."""

    def name(self) -> str:
        return "action_show_sources"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        # "which of those is from MIT?" narrows the list just shown, though "from" reads like a question of sources.
        # "where i said i have 2000?" disputes an answer I hold; it got a list of source links.
        answered = first_context_reply(
            dispatcher,
            tracker,
            (say_who_made_me, say_how_sure, revise_recommendation, say_whose_programme, search_narrowed),
        )
        if answered is not None:
            return answered
        dispatcher.utter_message(text=sources_reply(kb(), citations_from(tracker)).text)
        return []
