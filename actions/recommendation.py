"""The recommendation itself: made once the form is complete, explained, revised or reset."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    first_context_reply,
    intent_name,
    kb,
    latest_text,
    replies_on_error,
    say_uncovered,
    say_who_made_me,
    send,
)
from actions.programmes import about, compare_institutions, listed, programmes_to_start_with, query_from
from advisor.matching import programme_in_question, subjects_in
from advisor.profile import (
    GOALS,
    LOW_BUDGET,
    UNSURE,
    answers_in,
    challenges,
    revises,
    speaks_for_oneself,
    supposed_change,
    supposes,
    talks_about_oneself,
    what_is_supposed,
    what_is_told,
    without_degrees_held,
    without_rejected,
)
from advisor.questions import QUESTIONS, question_named
from advisor.recommend import Profile, recommend
from advisor.replies import (
    carried_reply,
    changed_reply,
    explain_reply,
    recommendation_reply,
    supposed_reply,
    why_not_reply,
)

FORM_SLOTS = ("goal", "wants_credit", "weekly_hours", "budget", "subject")


def as_number(value: Any) -> Optional[float]:
    """A slot's or entity's value as a number; None for no value, "unsure" or text that is not one."""
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def profile_from(tracker: Tracker, changes: Optional[Dict[str, Any]] = None) -> Profile:
    """The learner's answers from the slots, with ``changes`` made this turn."""
    values = {slot: tracker.get_slot(slot) for slot in FORM_SLOTS} | (changes or {})
    return Profile(  # an answer the learner was not sure of ("unsure") counts as none
        goal=values["goal"] if values["goal"] in GOALS else None,
        wants_credit=values["wants_credit"] if isinstance(values["wants_credit"], bool) else None,
        weekly_hours=as_number(values["weekly_hours"]),
        budget=as_number(values["budget"]),
        subject=values["subject"],
    )


def recommend_events(dispatcher: CollectingDispatcher, profile: Profile) -> List[EventType]:
    """Say the recommendation for ``profile``; its example programmes become the list in context.

    The recommended kind becomes the credential in context: "how long does it take?" is about it.
    """
    recommendation = recommend(kb(), profile)
    events = send(dispatcher, recommendation_reply(kb(), recommendation))
    # "show me the programmes" now means the recommended kind, not more of an older search.
    return events + [
        SlotSet("recommended_credential", recommendation.credential_type),
        SlotSet("credential_type", recommendation.credential_type),
        listed(recommendation.programmes),
        SlotSet("last_search", None),
    ]


def reset_events() -> List[EventType]:
    """Forget the form's answers and the last recommendation."""
    return [SlotSet(slot, None) for slot in (*FORM_SLOTS, "recommended_credential")]


class ActionResetRecommendation(Action):
    """Forget earlier answers so a new recommendation starts clean.

    A question the sources don't cover, read as asking for a recommendation
    ("do micromasters help for immigration points"), gets the honest answer
    instead, and the questions do not start; so does "which is better, harvard
    or mit?", which lists what each offers, and, after a recommendation, "which
    one should I start with?" or "what programmes would you suggest?", which list
    its kind's programmes ("help me choose again" or "start over" restarts).
    """

    def name(self) -> str:
        return "action_reset_recommendation"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        answered = first_context_reply(
            dispatcher,
            tracker,
            # "that doesnt seem right, I only have 4 hours and 400 bucks" restarted all five questions.
            (say_uncovered, compare_institutions, revise_recommendation, programmes_to_start_with),
        )
        if answered is not None:
            return [*answered, FollowupAction("action_listen")]
        if intent_name(tracker) == "start_over":  # forget everything
            return reset_events()
        carried = answers_told_before(tracker)
        if not tracker.get_slot("recommended_credential"):
            # Questions stopped part way ("stop", then "help me choose"): the answers given to them stay.
            # Only what the words said was carried, so a "yes" to the credit question was asked again.
            held = {slot: tracker.get_slot(slot) for slot in FORM_SLOTS}
            carried = {slot: value for slot, value in held.items() if value not in (None, UNSURE)} | carried
        if carried:
            dispatcher.utter_message(text=carried_reply(carried))
        return reset_events() + [SlotSet(slot, value) for slot, value in carried.items()]


# A subject wanted, in a message about oneself ("I want to switch to UX"), not one's background.
_WANTS = re.compile(
    r"\b(want|wanting|wanna|interested|switch|move into|moving into|learn|study|get into|looking for)\b"
)

# Where the questions last started or ended: answers told before that are not carried over.
_QUESTIONS_BOUNDARY = ("action_recommend", "action_reset_recommendation")


def answers_told_before(tracker: Tracker) -> Dict[str, Any]:
    """Answers to the questions told earlier ("i have maybe 2 hrs a week tops", then "help me choose").

    The questions promise to skip what was already said; these were said before
    they started, so the form would otherwise ask again. Only what was told, not
    asked ("is 2 hours enough?"); the message that starts them is read by the form.
    """
    said: List[str] = []
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") in _QUESTIONS_BOUNDARY:
            break
        if event.get("event") == "user":
            said.append(str(event.get("text") or ""))
    found: Dict[str, Any] = {}
    subjects: List[str] = []
    for text in reversed(said[1:]):  # oldest first, so that a later answer wins
        told = what_is_told(text)
        answers = answers_in(told)
        if not speaks_for_oneself(told) and answers.get("budget") == LOW_BUDGET:
            del answers["budget"]  # "ok whch one cheaper" compares; it says no budget
        found.update(answers)  # "no credit needed", "they have about 4 hours a week"
        if not talks_about_oneself(text) or _WANTS.search(text.lower()):  # "I'm a CS undergrad" is a background
            subjects += [
                subject for subject in subjects_in(kb(), without_degrees_held(text)) if subject not in subjects
            ]
    # A subject asked or told about before ("supply chain maybe?", "the MIT supply chain micromasters"),
    # when it is the only one: the subject question promised to be skipped. Several: asked which.
    if len(subjects) == 1:
        found["subject"] = subjects[0]
    return found


class ActionRecommend(Action):
    """Give the recommendation once the form is complete."""

    def name(self) -> str:
        return "action_recommend"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        return recommend_events(dispatcher, profile_from(tracker))


def revise_recommendation(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """After a recommendation, "actually my budget is $2,000" changes that answer and recommends again.

    "Where did I say I want a skill quickly?" or "but I said I don't care about
    credit" (an answer I already have) gets the answers I hold and how I weighed
    them, with how to change one: they got the FAQ answer of a word they used.
    None when the message neither changes nor challenges anything: it is then answered as usual.
    """
    text = latest_text(tracker)
    changed = recommend_again(dispatcher, tracker) if revises(text) or challenges(text) or supposes(text) else None
    if changed is not None or not (challenges(text) and tracker.get_slot("recommended_credential")):
        return changed
    profile = profile_from(tracker)
    dispatcher.utter_message(text=explain_reply(kb(), profile, recommend(kb(), profile), challenged=True).text)
    return []


def recommend_again(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """The recommendation made again with the answers the message changes; None if there is none to change."""
    text = latest_text(tracker)
    if not tracker.get_slot("recommended_credential"):
        return None
    found = dict(answers_in(what_is_supposed(text) if supposes(text) else text))
    subjects = subjects_in(kb(), without_rejected(text))  # "data analysis instead of AI": not AI
    if subjects:
        found["subject"] = subjects[0]
    changes = {slot: value for slot, value in found.items() if tracker.get_slot(slot) != value}
    if not changes:
        return _supposing(dispatcher, tracker)
    if supposes(text):  # "what if I had $5000?": asked about, not made; the answers stay
        return _say_supposed(dispatcher, tracker, changes)
    dispatcher.utter_message(text=changed_reply(changes))
    return [SlotSet(slot, value) for slot, value in changes.items()] + recommend_events(
        dispatcher, profile_from(tracker, changes)
    )


def _supposing(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """ "What if I had more money?" (no figure) after a recommendation: what it would be; the answers stay.

    It got the general cost answer, which did not say whether the recommendation would change.
    """
    supposed = {
        slot: value for slot, value in supposed_change(latest_text(tracker)).items() if tracker.get_slot(slot) != value
    }
    return _say_supposed(dispatcher, tracker, supposed) if supposed else None


def _say_supposed(dispatcher: CollectingDispatcher, tracker: Tracker, supposed: Dict[str, Any]) -> List[EventType]:
    """What the recommendation would be with the ``supposed`` answers, which are not stored."""
    now, then = (recommend(kb(), profile_from(tracker, changes)) for changes in ({}, supposed))
    name = kb().credentials[then.credential_type].name
    dispatcher.utter_message(text=supposed_reply(supposed, name, same=now.credential_type == then.credential_type))
    return []


class ActionExplainRecommendation(Action):
    """Answer "why?" from the learner's own answers."""

    def name(self) -> str:
        return "action_explain_recommendation"

    @replies_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        if say_who_made_me(dispatcher, tracker) is not None:  # "who made you?" read as "why?"
            return []
        asked = tracker.get_slot("requested_slot") if tracker.active_loop.get("name") else None
        if asked in QUESTIONS:  # "why do you need my budget?" during the questions
            slot = question_named(latest_text(tracker)) or asked
            dispatcher.utter_message(text=f'{QUESTIONS[slot].why} If you\'d rather not say, say "skip".')
            return []
        if not tracker.get_slot("recommended_credential"):
            dispatcher.utter_message(
                text="I haven't made a recommendation yet. "
                'Say "help me choose" and I\'ll ask you five quick questions.'
            )
            return []
        profile = profile_from(tracker)
        recommendation = recommend(kb(), profile)
        text = latest_text(tracker)
        named = programme_in_question(kb(), query_from(tracker)).programme if _WHY_NOT.search(text.lower()) else None
        if named is not None:  # "why not the columbia one?": what in my answers weighs against it
            dispatcher.utter_message(text=why_not_reply(kb(), profile, recommendation, named))
            return about(named)
        dispatcher.utter_message(text=explain_reply(kb(), profile, recommendation).text)
        return []


_WHY_NOT = re.compile(r"\bwhy not\b|\bwhat about\b|\bwhy (didn'?t|did not) you (suggest|recommend|pick|list)\b")
