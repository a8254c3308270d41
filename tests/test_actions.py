"""Each custom action, run with a CollectingDispatcher and a hand-built tracker."""

import asyncio
from typing import Any, Dict, List, Optional, Tuple

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionNotUnderstood, ActionOutOfScope
from actions.faq import ActionAnswerFaq, ActionAnswerFollowup, ActionShowSources
from actions.programmes import (
    ActionProgramInfo,
    ActionSearchPrograms,
    ActionShowMore,
)
from actions.recommendation import ActionExplainRecommendation, ActionRecommend, ActionResetRecommendation
from actions.recommendation_form import ActionAskBudget, ValidateRecommendationForm
from actions.smalltalk import ActionAcknowledge, ActionBotChallenge, ActionGoodbye, ActionHelp, ActionThank
from advisor.knowledge import default_knowledge
from advisor.matching import build_query, search_programmes
from advisor.profile import LOW_BUDGET, NO_BUDGET_LIMIT
from advisor.questions import NO_RUSH, QUESTION_MID_WAY, QUESTIONS
from advisor.replies import (
    ALREADY_ANSWERED,
    ALREADY_CHOOSING,
    ANYTHING_ELSE,
    NO_QUALITY_RANKING,
    NO_UNIVERSITY_RANKING,
    NOT_UNDERSTOOD,
    OFFER_TO_CHOOSE,
    ONLY_ENGLISH,
    OTHER_CURRENCY,
    OTHER_CURRENCY_LATER,
    OUT_OF_SCOPE,
    RECOMMENDING_WITH_WHAT_I_HAVE,
    SAME_ANSWER,
    SOMETHING_WENT_WRONG,
    faq_reply,
    uncovered_reply,
)
from advisor.smalltalk import (
    BOT_IDENTITY,
    COMPLAINT_REPLY,
    COMPLIMENT_REPLY,
    GOODBYE_REPLY,
    THANKS_AND_GOODBYE_REPLY,
)

KB = default_knowledge()


def found(text: str, current: bool = False) -> int:
    """How many programmes the catalogue has for what ``text`` names: the count a search reply opens with.

    The tests assert the behaviour ("I found <n> MicroMasters programmes in data science"), not the
    catalogue's size at one time; ``current`` leaves out retired programmes, as suggestions do.
    """
    return len([p for p in search_programmes(KB, build_query(KB, text)) if not (current and p.status == "retired")])


DOMAIN: Dict[str, Any] = {
    "slots": {},
    "forms": {"recommendation_form": {"required_slots": ["goal", "wants_credit", "weekly_hours", "budget", "subject"]}},
}


def tracker(
    text: str = "",
    intent: str = "inform",
    entities: Optional[List[Dict[str, Any]]] = None,
    slots: Optional[Dict[str, Any]] = None,
    active_loop: Optional[str] = None,
    events: Optional[List[Dict[str, Any]]] = None,
) -> Tracker:
    return Tracker(
        sender_id="test",
        slots=slots or {},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities or []},
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        # As Rasa derives it: the last action in the events, else the wait for the user.
        latest_action_name=next(
            (e["name"] for e in reversed(events or []) if e.get("event") == "action"), "action_listen"
        ),
    )


def run_action(action, t: Tracker) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    """Run one action as the action server would: what it says and the events it returns."""
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, t, DOMAIN))
    return dispatcher.messages, events


def slots_set(events: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def run(action, t: Tracker) -> Tuple[List[Dict[str, Any]], Dict[str, Any]]:
    """What the action says and the slots it sets."""
    messages, events = run_action(action, t)
    return messages, slots_set(events)


def entity(name: str, value: str) -> Dict[str, Any]:
    return {"entity": name, "value": value}


def test_faq_for_the_named_credential_with_source():
    messages, slots = run(
        ActionAnswerFaq(),
        tracker("how much is a micromasters", "ask_cost", [entity("credential_type", "micromasters")]),
    )
    assert messages[0]["text"].startswith("MicroMasters program:")
    assert "$1,000" in messages[0]["text"] and "Source:" in messages[0]["text"] and "As of" in messages[0]["text"]
    assert slots["credential_type"] == "micromasters" and slots["last_topic"] == "cost"
    assert slots["last_citations"]


def test_faq_without_a_credential_answers_both_side_by_side():
    messages, _ = run(ActionAnswerFaq(), tracker("do they give credit", "ask_credit"))
    text = messages[0]["text"]
    assert "• MicroMasters:" in text and "• Professional Certificate:" in text


def test_a_comparison_on_one_attribute_gets_that_attribute_side_by_side():
    messages, slots = run(ActionAnswerFaq(), tracker("which one is cheaper?", "ask_difference"))
    text = messages[0]["text"]
    assert text.startswith("Side by side, on cost:")
    assert "• MicroMasters: About $1,000" in text and "• Professional Certificate: Paid per course" in text
    assert slots["last_topic"] == "cost"
    general, slots = run(ActionAnswerFaq(), tracker("what's the difference?", "ask_difference"))
    assert not general[0]["text"].startswith("Side by side") and slots["last_topic"] == "difference"


def test_the_general_difference_after_a_recommendation_points_to_its_reasons():
    before, _ = run(ActionAnswerFaq(), tracker("what's the difference?", "ask_difference"))
    assert 'Say "help me choose"' in before[0]["text"]
    t = tracker("compare it with a pro cert", "ask_difference", slots={"recommended_credential": "micromasters"})
    after, _ = run(ActionAnswerFaq(), t)
    assert 'Ask "why?" for the reasons behind my recommendation' in after[0]["text"]
    assert "help me choose" not in after[0]["text"]


def test_faq_uses_the_credential_from_context():
    messages, _ = run(
        ActionAnswerFaq(), tracker("how long does it take", "ask_duration", slots={"credential_type": "micromasters"})
    )
    assert messages[0]["text"].startswith("MicroMasters program:")


def test_follow_up_naming_the_other_credential_reuses_the_topic():
    t = tracker(
        "and for a professional certificate?",
        "inform",
        [entity("credential_type", "professional_certificate")],
        slots={"last_topic": "cost", "credential_type": "micromasters"},
    )
    messages, slots = run(ActionAnswerFollowup(), t)
    assert messages[0]["text"].startswith("Professional Certificate program:")
    assert slots["last_topic"] == "cost"


@pytest.mark.parametrize(("text", "topic"), [("and how much", "cost"), ("what about credit", "credit")])
def test_follow_up_naming_a_topic_answers_it_for_the_credential_in_context(text, topic):
    t = tracker(text, "inform", slots={"last_topic": "duration", "credential_type": "micromasters"})
    messages, slots = run(ActionAnswerFollowup(), t)
    assert messages[0]["text"].startswith("MicroMasters program:")
    assert slots["last_topic"] == topic


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        (
            "can i audit a micromasters for free?",
            "ask_cost",
            "MicroMasters program: You can audit the courses for free",
        ),
        ("whats the difference between verified and audit", "ask_difference", "Side by side, on auditing for free"),
        (  # the same rules for both credentials: said to be the same
            "how do i apply for financial aid for a micromasters",
            "ask_cost",
            "MicroMasters and Professional Certificates alike: Yes, course by course",
        ),
        ("can i get a refund", "ask_cost", "MicroMasters and Professional Certificates alike: For a verified course"),
        # The same rules for both: the whole answer once, not two summaries without the details asked for.
        (
            "how many times can i apply for aid",
            "ask_cost",
            "MicroMasters and Professional Certificates alike: Yes, course by course",
        ),
    ],
)
def test_questions_no_intent_covers_get_their_own_answer(text, intent, expected):
    messages, _ = run(ActionAnswerFaq(), tracker(text, intent))
    assert messages[0]["text"].startswith(expected)


def just_described(programme_id: str, text: str, intent: str) -> Tracker:
    """A tracker for ``text`` right after the bot described one programme."""
    _, events = run_action(ActionProgramInfo(), tracker(f"tell me about {programme_id}", "ask_program_info"))
    history = [{"event": "user", "text": "tell me about it"}, *events, {"event": "user", "text": text}]
    return tracker(text, intent, slots={"current_programme": programme_id}, events=history)


def test_a_topic_question_about_one_programme_gets_its_own_facts():
    messages, slots = run(ActionAnswerFaq(), tracker("how much is the mitx supply chain micromasters", "ask_cost"))
    text = messages[0]["text"]
    assert text.startswith("MITx MicroMasters Program in Supply Chain Management (SCM) (MIT, MicroMasters program)")
    assert "• Price: " in text and "$1,350" in text
    assert slots["current_programme"] == "mitx_scm" and slots["last_topic"] == "cost"


@pytest.mark.parametrize(
    ("text", "told", "expected"),
    [
        ("how long would it take me at 10 hours a week?", None, "At 10 hours a week you'd be within the 8-12 hours"),
        ("how long at 5 hrs per week", None, "At 5 hours a week you'd have less than the 8-12 hours a week it asks"),
        ("how long would it take me?", 20.0, "With the 20 hours a week you told me you'd have more than the 8-12"),
    ],
)
def test_how_long_at_my_pace_compares_my_hours_with_what_the_programme_asks(text, told, expected):
    t = just_described("mitx_scm", text, "ask_duration")
    if told is not None:
        t.slots["weekly_hours"] = told
    messages, _ = run(ActionAnswerFaq(), t)
    assert "• Length and effort: Each course runs about 13 weeks" in messages[0]["text"]
    assert expected in messages[0]["text"]


def test_how_long_at_my_pace_says_when_the_sources_give_no_weekly_hours():
    messages, _ = run(ActionAnswerFaq(), just_described("mitx_sds", "how long at 6 hours a week?", "ask_duration"))
    assert "MIT says to expect 18-24 months" in messages[0]["text"]
    assert "At 6 hours a week: my sources don't say how many hours a week it asks" in messages[0]["text"]


def test_how_long_without_a_pace_adds_no_comparison():
    messages, _ = run(ActionAnswerFaq(), just_described("mitx_scm", "how long is it", "ask_duration"))
    assert "hours a week it asks" not in messages[0]["text"]


def test_that_or_a_named_programme_ranks_the_two():
    """ "which is cheaper, that or the harvard one?" ranked only HarvardX: "Only one programme matches"."""
    t = just_described("mitx_scm", "which is cheaper, that or the harvard data science one?", "ask_difference")
    t.latest_message["entities"] = [entity("institution", "Harvard"), entity("subject", "data science")]
    messages, slots = run(ActionAnswerFaq(), t)
    text = messages[0]["text"]
    assert text.startswith("On price, the two:") and "Only one" not in text
    assert "Supply Chain" in text and "HarvardX" in text and "$1,350" in text
    assert slots["listed_programmes"] == ["mitx_scm", "harvardx_data_science"]


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        ("how long is it", "ask_duration", "• Length and effort: "),
        ("does it give credit", "ask_credit", "• Credit pathway: "),
        ("tell me more about it", "inform", "• Subjects: "),
    ],
)
def test_it_right_after_a_programme_means_that_programme(text, intent, expected):
    action = ActionAnswerFollowup() if intent == "inform" else ActionAnswerFaq()
    messages, _ = run(action, just_described("mitx_scm", text, intent))
    assert messages[0]["text"].startswith("MITx MicroMasters Program in Supply Chain Management")
    assert expected in messages[0]["text"]


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        ("is the mitx one legit", "ask_recognition", "The MITx MicroMasters Program in Statistics and Data Science"),
        ("how long is that mit one", "ask_duration", "MITx MicroMasters Program in Statistics and Data Science"),
        ("how much are the mit programmes", "ask_cost", "• MicroMasters:"),  # all of them: in general
        ("is the columbia one legit", "ask_recognition", "• MicroMasters:"),  # not the one just shown
    ],
)
def test_the_mitx_one_right_after_an_mit_programme_means_that_programme(text, intent, expected):
    messages, _ = run(ActionAnswerFaq(), just_described("mitx_sds", text, intent))
    assert messages[0]["text"].startswith(expected)


def test_a_question_on_a_kind_of_programme_after_one_programme_is_general():
    messages, _ = run(
        ActionAnswerFaq(),
        just_described("mitx_scm", "how much does a professional certificate cost", "ask_cost"),
    )
    assert messages[0]["text"].startswith("Professional Certificate program:")


def test_a_question_about_one_programme_with_no_field_for_it_says_which_kind_it_is():
    messages, _ = run(ActionAnswerFaq(), tracker("is the columbia AI micromasters legit", "ask_recognition"))
    assert messages[0]["text"].startswith("The ColumbiaX MicroMasters Program in Artificial Intelligence is a")
    assert "not verified" in messages[0]["text"]
    assert messages[1]["text"].startswith("MicroMasters program:")


def test_a_question_about_a_doubtful_programme_says_it_cannot_be_confirmed():
    messages, _ = run(ActionAnswerFaq(), tracker("how much is the michigan data science micromasters", "ask_cost"))
    assert messages[0]["text"].startswith("I found no University of Michigan Data Science MicroMasters on edX")


@pytest.mark.parametrize(
    ("action", "intent"), [(ActionAnswerFaq(), "ask_difference"), (ActionProgramInfo(), "ask_program_info")]
)
def test_two_programmes_compared_are_shown_side_by_side(action, intent):
    messages, slots = run(action, tracker("mitx sds vs ucsd data science micromasters", intent))
    text = messages[0]["text"]
    assert text.startswith("Side by side:") and "• Price: " in text
    assert text.index("MITx MicroMasters Program in Statistics") < text.index("UC San Diego MicroMasters")
    assert slots["listed_programmes"] == ["mitx_sds", "ucsd_data_science"]


def test_it_compared_with_a_named_programme_is_the_programme_just_discussed():
    t = just_described("mitx_scm", "compare it with the mitx finance one", "ask_difference")
    messages, _ = run(ActionAnswerFaq(), t)
    text = messages[0]["text"]
    assert text.startswith("Side by side:") and text.index("Supply Chain") < text.index(
        "MicroMasters Program in Finance"
    )


def test_an_unexpected_error_in_an_action_still_gets_a_reply(monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr("actions.faq.faq_reply", broken)
    messages, events = run_action(ActionAnswerFaq(), tracker("how much does a micromasters cost", "ask_cost"))
    assert [m["text"] for m in messages] == [SOMETHING_WENT_WRONG] and events == []


def test_the_same_answer_is_not_given_twice_in_a_row():
    first, _ = run(ActionAnswerFaq(), tracker("are micromasters recognised", "ask_recognition"))
    events = [{"event": "bot", "text": first[0]["text"]}, {"event": "user", "text": "what does that mean for me"}]
    second = tracker(
        "what does that mean for me", "ask_recognition", slots={"credential_type": "micromasters"}, events=events
    )
    again, events_again = run_action(ActionAnswerFaq(), second)
    assert [m["text"] for m in again] == [ALREADY_ANSWERED] and events_again == []


def test_sources_lists_links_of_the_last_answer():
    _, slots = run(
        ActionAnswerFaq(), tracker("is it worth it", "ask_worth", [entity("credential_type", "micromasters")])
    )
    messages, _ = run(
        ActionShowSources(),
        tracker("where is that from?", "ask_source", slots={"last_citations": slots["last_citations"]}),
    )
    assert "https://" in messages[0]["text"] and "as of" in messages[0]["text"]


def test_sources_before_any_answer_says_so():
    messages, _ = run(ActionShowSources(), tracker("source?", "ask_source"))
    assert "didn't state any facts" in messages[0]["text"]


def test_search_is_short_with_a_way_to_see_more():
    messages, slots = run(
        ActionSearchPrograms(),
        tracker("which micromasters are there", "search_programs", [entity("credential_type", "micromasters")]),
    )
    text = messages[0]["text"]
    assert text.count("• ") == 5 and "show more" in text
    assert messages[0]["buttons"][0]["payload"] == "/show_more"
    more, _ = run(ActionShowMore(), tracker("show more", "show_more", slots={"last_search": slots["last_search"]}))
    assert more[0]["text"].startswith("More MicroMasters programmes (6-10 of")


def after(first: str, action, intent: str, then: str, then_intent: str, between: int = 0) -> Tracker:
    """A tracker for ``then`` after ``first`` was answered by ``action``, and ``between`` FAQ turns."""
    _, events = run_action(action, tracker(first, intent))
    history = [{"event": "user", "text": first}, {"event": "action", "name": action.name()}, *events]
    for _ in range(between):
        history += [
            {"event": "user", "text": "what is a micromasters"},
            {"event": "action", "name": "action_answer_faq"},
        ]
    history.append({"event": "user", "text": then})
    return tracker(then, then_intent, slots=slots_set(events), events=history)


@pytest.mark.parametrize(
    ("action", "intent"),
    [
        (ActionAnswerFaq(), "ask_difference"),
        (ActionAnswerFollowup(), "inform"),
        (ActionSearchPrograms(), "search_programs"),
    ],
)
def test_which_ones_are_micromasters_narrows_the_list_just_shown(action, intent):
    t = after(
        "data science programmes", ActionSearchPrograms(), "search_programs", "which ones are micromasters", intent
    )
    messages, _ = run(action, t)
    assert messages[0]["text"].startswith(
        f"I found {found('data science micromasters')} MicroMasters programmes in data science"
    )


def test_which_ones_are_micromasters_later_is_a_question_again():
    t = after(
        "data science programmes",
        ActionSearchPrograms(),
        "search_programs",
        "which ones are micromasters",
        "ask_difference",
        between=1,
    )
    messages, _ = run(ActionAnswerFaq(), t)
    assert messages[0]["text"].startswith("• MicroMasters:")


@pytest.mark.parametrize(
    ("action", "intent"),
    [(ActionProgramInfo(), "ask_program_info"), (ActionAnswerFollowup(), "inform"), (ActionShowMore(), "show_more")],
)
def test_the_second_one_describes_the_second_programme_listed(action, intent):
    _, search = run(ActionSearchPrograms(), tracker("data science programmes", "search_programs"))
    second = search["listed_programmes"][1]
    t = tracker("tell me about the second one", intent, slots={"listed_programmes": search["listed_programmes"]})
    messages, slots = run(action, t)
    assert messages[0]["text"].startswith(KB.programme(second).title)
    assert slots["credential_type"] == KB.programme(second).credential_type


@pytest.mark.parametrize(
    ("action", "intent", "text", "otherwise"),
    [
        (ActionAcknowledge(), "affirm", "the 3rd one", ANYTHING_ELSE),
        (ActionNotUnderstood(), "nlu_fallback", "number 2", NOT_UNDERSTOOD),
    ],
)
def test_pointing_into_a_list_works_whatever_the_intent(action, intent, text, otherwise):
    ids = ["mitx_scm", "mitx_sds", "mitx_finance"]
    position = 2 if "3rd" in text else 1
    messages, _ = run(action, tracker(text, intent, slots={"listed_programmes": ids}))
    assert messages[0]["text"].startswith(KB.programme(ids[position]).title)
    plain, _ = run(action, tracker("ok", intent, slots={"listed_programmes": ids}))
    assert plain[0]["text"] == otherwise


def test_as_the_core_fallback_the_message_is_reverted_as_rasa_does():
    messages, events = run_action(ActionNotUnderstood(), tracker("uh huh sure whatever", "affirm"))
    assert messages[0]["text"] == NOT_UNDERSTOOD and events == [{"event": "rewind", "timestamp": None}]


def test_after_the_first_one_the_second_one_is_still_from_the_list():
    _, search = run(ActionSearchPrograms(), tracker("data science programmes", "search_programs"))
    ids = search["listed_programmes"]
    _, first = run(ActionAnswerFollowup(), tracker("the first one", "inform", slots={"listed_programmes": ids}))
    assert first["current_programme"] == ids[0] and "listed_programmes" not in first
    messages, _ = run(
        ActionAnswerFollowup(), tracker("and the second one?", "inform", slots={"listed_programmes": ids})
    )
    assert messages[0]["text"].startswith(KB.programme(ids[1]).title)


def test_pointing_past_the_end_of_the_list_says_how_many_were_listed():
    t = tracker("the fourth one", "inform", slots={"listed_programmes": ["mitx_scm", "mitx_sds"]})
    messages, _ = run(ActionAnswerFollowup(), t)
    assert messages[0]["text"].startswith("I only listed 2 programmes.")


def test_show_me_the_programmes_after_a_recommendation_lists_the_recommended_kind():
    slots = {"recommended_credential": "professional_certificate", "subject": "data science", "last_search": None}
    messages, _ = run(ActionShowMore(), tracker("show me the programmes", "show_more", slots=slots))
    n = found("data science professional certificates")
    assert messages[0]["text"].startswith(f"I found {n} Professional Certificate programmes in data science")


def test_a_search_for_a_subject_the_catalogue_lacks_says_so():
    messages, slots = run(ActionSearchPrograms(), tracker("are there any programs in nursing", "search_programs"))
    assert messages[0]["text"].startswith('I have no verified programmes in "nursing" in my catalogue')
    assert "supply chain" in messages[0]["text"] and "last_search" not in slots
    # A university the catalogue lacks is named, with the universities it has.
    stanford, _ = run(ActionSearchPrograms(), tracker("stanford programs", "search_programs"))
    assert stanford[0]["text"].startswith("I have no programmes from Stanford in my catalogue")
    assert "The universities I do have: " in stanford[0]["text"]
    assert all(institution.name in stanford[0]["text"] for institution in KB.institutions)


def test_search_by_subject_from_entity():
    messages, _ = run(
        ActionSearchPrograms(),
        tracker("which supply chain programs are there", "search_programs", [entity("subject", "supply chain")]),
    )
    assert "MITx MicroMasters Program in Supply Chain Management" in messages[0]["text"]


def test_program_info_for_a_doubtful_programme_is_honest():
    t = tracker(
        "tell me about the michigan data science micromasters",
        "ask_program_info",
        [
            entity("institution", "University of Michigan"),
            entity("subject", "data science"),
            entity("credential_type", "micromasters"),
        ],
    )
    messages, _ = run(ActionProgramInfo(), t)
    text = messages[0]["text"]
    assert text.startswith("I found no") and "Data Science" in text and "UC San Diego" in text


def test_program_info_for_a_real_programme():
    messages, _ = run(
        ActionProgramInfo(), tracker("what's in the harvardx data science certificate", "ask_program_info")
    )
    assert messages[0]["text"].splitlines()[0].startswith("HarvardX Professional Certificate in Data Science (Harvard")
    assert "Courses: " in messages[0]["text"]


def test_program_info_makes_its_credential_the_context_for_follow_ups():
    t = tracker(
        "tell me about the UCSD data science one",
        "ask_program_info",
        slots={"credential_type": "professional_certificate"},
    )
    _, slots = run(ActionProgramInfo(), t)
    assert slots["credential_type"] == "micromasters"


def test_form_fills_everything_from_one_opening_message():
    text = (
        "help me choose: i want to get into supply chain and maybe do a masters later, "
        "10 hours a week, budget 1500 dollars, credit matters"
    )
    form = ValidateRecommendationForm()
    _, events = run_action(form, tracker(text, "request_recommendation"))
    slots = slots_set(events)
    assert slots == {
        "goal": "graduate",
        "wants_credit": True,
        "weekly_hours": 10.0,
        "budget": 1500.0,
        "subject": "supply chain",
    }


def test_an_answer_read_from_the_message_that_starts_the_questions_is_said_back():
    # "im a nurse ... moving into data, what are my options" was silently read as a job-skill goal,
    # and the recommendation then said "You want a practical job skill quickly".
    text = "im a nurse thinking about moving into data, what are my options"
    messages, events = run_action(ValidateRecommendationForm(), tracker(text, "request_recommendation"))
    assert slots_set(events) == {"goal": "skills"}
    assert [m["text"] for m in messages] == [
        "From what you said: your goal is a practical job skill, soon. Tell me if that's wrong."
    ]


def test_an_opening_message_with_every_answer_goes_to_the_recommendation_unannounced():
    text = "quick job skill, no credit, 5 hours a week, budget $300, data science"
    messages, events = run_action(ValidateRecommendationForm(), tracker(text, "request_recommendation"))
    assert len(slots_set(events)) == 5 and messages == []


SAID_BACK = "From what you said: your goal is a practical job skill, soon. Tell me if that's wrong."


def said_back_then(text: str) -> List[Dict[str, Any]]:
    """The events of the bot saying back an answer it took, asking the credit question, and ``text``."""
    return [
        {"event": "user", "text": "im a nurse moving into data, what are my options"},
        {"event": "bot", "text": SAID_BACK},
        {"event": "bot", "text": "Does academic credit toward a master's degree matter to you?"},
        {"event": "user", "text": text},
    ]


@pytest.mark.parametrize(
    ("text", "held", "changed", "said"),
    [
        ("deep expertise i think", {"goal": "skills"}, {"goal": "graduate"}, "your goal is now deep"),
        ("8 hours a week", {"goal": "skills", "weekly_hours": 4.0}, {"weekly_hours": 8.0}, "now have 5 to 10 hours"),
    ],
)
def test_a_different_answer_to_one_just_said_back_corrects_it(text, held, changed, said):
    # "deep expertise i think", said to the credit question, got "Sorry, I didn't catch that".
    slots = {"requested_slot": "wants_credit", **held}
    t = tracker(text, "inform", slots=slots, active_loop="recommendation_form", events=said_back_then(text))
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert slots_set(events) == {**changed, "wants_credit": None}  # the credit question comes again
    assert messages[0]["text"].startswith("Got it: ") and said in messages[0]["text"]


@pytest.mark.parametrize("text", ["I said nothing academic", "not sure, maybe? I might do a CFA instead of a masters"])
def test_a_word_of_the_other_goal_elsewhere_does_not_overturn_it(text):
    # Both turned a job-skill goal into deep expertise, and the recommendation into a MicroMasters.
    slots = {"requested_slot": "wants_credit", "goal": "skills"}
    t = tracker(text, "inform", slots=slots, active_loop="recommendation_form")
    _, events = run_action(ValidateRecommendationForm(), t)
    assert "goal" not in slots_set(events)


def test_no_i_meant_puts_the_goal_right_and_asks_the_credit_question_again():
    # "no, I meant deep expertise actually" also answered the credit question "no".
    text = "no, I meant deep expertise actually"
    slots = {"requested_slot": "wants_credit", "goal": "skills"}
    t = tracker(text, "deny", slots=slots, active_loop="recommendation_form")
    _, events = run_action(ValidateRecommendationForm(), t)
    assert slots_set(events) == {"goal": "graduate", "wants_credit": None}


def test_the_same_answer_again_is_no_correction():
    t = tracker(
        "i told you, 4 hours",
        "inform",
        slots={"requested_slot": "budget", "weekly_hours": 4.0},
        active_loop="recommendation_form",
    )
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert "weekly_hours" not in slots_set(events)
    assert not messages[0]["text"].startswith("Got it")


def test_and_a_pro_cert_during_the_questions_follows_up_the_answer_just_given():
    # "how long would it take me" was answered mid-way; "and a pro cert?" then got
    # "I can't answer that in the middle of these questions".
    t = tracker(
        "and a pro cert?",
        "inform",
        [entity("credential_type", "professional_certificate")],
        slots={"requested_slot": "wants_credit", "goal": "skills", "last_topic": "duration"},
        active_loop="recommendation_form",
    )
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert messages[0]["text"].startswith("Professional Certificate program:")
    assert slots_set(events)["wants_credit"] is None  # then the credit question again


def test_form_reads_a_bare_number_only_for_the_question_asked():
    form = ValidateRecommendationForm()
    t = tracker(
        "800",
        "inform",
        slots={"requested_slot": "budget", "goal": "skills", "wants_credit": False, "weekly_hours": 5.0},
        active_loop="recommendation_form",
    )
    _, events = run_action(form, t)
    slots = slots_set(events)
    assert slots.get("budget") == 800.0 and "weekly_hours" not in slots


def test_form_rejects_impossible_hours_with_a_clear_message():
    form = ValidateRecommendationForm()
    t = tracker(
        "500 hours a week", "inform", slots={"requested_slot": "weekly_hours"}, active_loop="recommendation_form"
    )
    messages, events = run_action(form, t)
    assert {"event": "slot", "timestamp": None, "name": "weekly_hours", "value": None} in events
    assert "hours per week" in messages[0]["text"]


def test_an_unreadable_answer_to_the_question_asked_is_asked_again_not_rejected():
    # A SlotSet for the asked slot keeps Rasa's form from rejecting the turn (which
    # ended in the generic fallback reply); with None it asks again, with an example.
    form = ValidateRecommendationForm()
    text = "the blue one i guess"
    t = tracker(text, "inform", slots={"requested_slot": "budget"}, active_loop="recommendation_form")
    _, events = run_action(form, t)
    assert {"event": "slot", "timestamp": None, "name": "budget", "value": None} in events
    other = tracker(text, "inform", slots={"requested_slot": "goal"}, active_loop="recommendation_form")
    _, events = run_action(form, other)
    assert [e["name"] for e in events if e.get("event") == "slot"] == ["goal"]


def test_help_me_choose_said_to_the_subject_question_is_not_a_subject():
    # An old "Help me choose" button clicked mid-way: the question again, not a subject the catalogue lacks.
    t = tracker("help me choose", "request_recommendation", slots={"requested_slot": "subject"})
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert slots_set(events) == {"subject": None} and [m["text"] for m in messages] == [ALREADY_CHOOSING]


@pytest.mark.parametrize("slot", ["goal", "wants_credit", "weekly_hours", "budget", "subject"])
def test_start_over_said_to_any_question_is_left_to_the_rule_that_restarts_them(slot):
    # No slot set: Rasa's form rejects the turn and the "start over during the form" rule runs.
    t = tracker("start over", "start_over", slots={"requested_slot": slot}, active_loop="recommendation_form")
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert slots_set(events) == {} and messages == []


@pytest.mark.parametrize(
    ("slot", "text", "intent"),
    [
        ("goal", "not sure yet", "inform"),
        ("wants_credit", "no idea", "deny"),  # not a "no"
        ("weekly_hours", "idk", "out_of_scope"),
        ("budget", "hmm, hard to say", "inform"),
        ("budget", "skip this one", "stop"),  # skips the question, not all of them
    ],
)
def test_not_sure_leaves_the_question_out_and_the_next_one_comes(slot, text, intent):
    # Asked again, a learner who doesn't know had no way forward.
    t = tracker(text, intent, slots={"requested_slot": slot}, active_loop="recommendation_form")
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert slots_set(events) == {slot: "unsure"}
    assert [m["text"] for m in messages] == ["No problem: I'll leave that out of the recommendation."]


def test_answers_left_out_cast_no_vote_and_why_says_so():
    # 12 hours is the value of the "More than 10 hours" button, and said in its words.
    answers = {"goal": "unsure", "wants_credit": "unsure", "weekly_hours": 12.0, "budget": "unsure", "subject": "any"}
    messages, slots = run(ActionRecommend(), tracker(slots=answers))
    text = messages[0]["text"]
    assert text.startswith("My recommendation: a MicroMasters program.")
    why = ["Why:", "• You have more than 10 hours a week, enough for graduate-level courses."]
    assert text.splitlines()[1:3] == why
    assert text.splitlines()[3].startswith("With your goal and credit left out, this rests on time and budget alone")
    assert slots["recommended_credential"] == "micromasters"
    decided, _ = run(ActionRecommend(), tracker(slots={**answers, "goal": "graduate"}))
    assert "left out" not in decided[0]["text"]
    explained, _ = run(ActionExplainRecommendation(), tracker("why?", "ask_why", slots={**answers, **slots}))
    assert "• Credit toward a master's: not decided, so left out" in explained[0]["text"]
    assert "• Budget: not decided, so left out" in explained[0]["text"]


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        ("are there exams?", "nlu_fallback", "proctored"),
        ("can i study at my own pace", "inform", "self-paced"),
        ("is it taught in spanish?", "nlu_fallback", "My sources don't cover"),
    ],
)
def test_a_topic_question_not_understood_mid_form_is_answered_and_the_question_comes_again(text, intent, expected):
    # Read as an answer, "are there exams?" got "Sorry, I didn't catch your goal".
    t = tracker(text, intent, slots={"requested_slot": "goal"}, active_loop="recommendation_form")
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert expected in messages[0]["text"] and "didn't catch" not in messages[0]["text"]
    assert slots_set(events).get("goal", "unset") is None  # the goal question is asked again, without "sorry"


def test_a_question_that_answers_mid_form_is_read_as_the_answer():
    t = tracker("is 6 hours a week realistic?", "inform", slots={"requested_slot": "weekly_hours"})
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert slots_set(events) == {"weekly_hours": 6.0} and messages == []


def test_a_question_mid_form_is_left_to_its_own_rule():
    form = ValidateRecommendationForm()
    t = tracker(
        "how much does it cost", "ask_cost", slots={"requested_slot": "budget"}, active_loop="recommendation_form"
    )
    _, events = run_action(form, t)
    assert not [e for e in events if e.get("event") == "slot"]


@pytest.mark.parametrize(
    ("text", "intent", "requested", "expected"),
    [
        ("i do need the credit", "ask_credit", "wants_credit", True),
        ("the credit part is kind of irrelevant to me", "ask_credit", "wants_credit", False),
        ("my goal is to get into a good grad school later on", "out_of_scope", "goal", "graduate"),
        ("cost isnt an issue, my employer pays", "ask_cost", "budget", NO_BUDGET_LIMIT),
        ("five-ish hours each week", "ask_duration", "weekly_hours", 5.0),
    ],
)
def test_a_statement_read_as_a_question_still_answers_the_question_asked(text, intent, requested, expected):
    form = ValidateRecommendationForm()
    t = tracker(text, intent, slots={"requested_slot": requested}, active_loop="recommendation_form")
    _, events = run_action(form, t)
    assert slots_set(events) == {requested: expected}


@pytest.mark.parametrize(
    ("text", "intent", "requested"),
    [
        # About oneself, but no answer to this question: its own rule replies.
        ("i like turtles", "out_of_scope", "subject"),
        ("i'm done for today", "stop", "budget"),
    ],
)
def test_a_statement_that_does_not_answer_the_question_asked_fills_no_slot(text, intent, requested):
    form = ValidateRecommendationForm()
    t = tracker(text, intent, slots={"requested_slot": requested}, active_loop="recommendation_form")
    _, events = run_action(form, t)
    assert not slots_set(events)


@pytest.mark.parametrize(
    ("text", "intent", "requested", "taken"),
    [
        ("my employer pays", "ask_cost", "wants_credit", {"budget": NO_BUDGET_LIMIT}),
        ("my company pays", "inform", "goal", {"goal": None, "budget": NO_BUDGET_LIMIT}),
        ("under 500", "inform", "goal", {"goal": None, "budget": 500.0}),
    ],
)
def test_an_answer_to_a_question_not_asked_yet_is_taken_and_said(text, intent, requested, taken):
    """The goal question was asked up to 8 times: "my company pays" and "under 500" got "didn't catch your goal"."""
    t = tracker(text, intent, slots={"requested_slot": requested}, active_loop="recommendation_form")
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert slots_set(events) == taken
    assert messages[0]["text"].startswith("Noted: your budget is")


@pytest.mark.parametrize(("text", "intent"), [("let me think about it", "stop"), ("hmm", "affirm")])
def test_a_hesitation_gets_the_question_again_not_the_end_of_the_questions(text, intent):
    form = ValidateRecommendationForm()
    t = tracker(text, intent, slots={"requested_slot": "goal"}, active_loop="recommendation_form")
    _, events = run_action(form, t)
    assert slots_set(events) == {"goal": None}


def test_a_correction_to_an_earlier_question_is_taken_and_acknowledged():
    slots = {"requested_slot": "weekly_hours", "goal": "graduate", "wants_credit": True}
    t = tracker("actually i meant a quick job skill", "inform", slots=slots, active_loop="recommendation_form")
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert slots_set(events) == {"goal": "skills", "weekly_hours": None}  # The hours question comes again.
    assert [m["text"] for m in messages] == ["Got it: your goal is now a practical job skill, soon."]
    plain = tracker("a quick job skill", "inform", slots=slots, active_loop="recommendation_form")
    assert "goal" not in slots_set(run_action(ValidateRecommendationForm(), plain)[1])  # Not without "actually".


def test_the_first_one_mid_form_describes_it_and_the_question_comes_again():
    slots = {"requested_slot": "wants_credit", "goal": "graduate", "listed_programmes": ["mitx_dedp"]}
    t = tracker("tell me about the first one", "inform", slots=slots, active_loop="recommendation_form")
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert messages[0]["text"].startswith("MITx MicroMasters Program in Data, Economics, and Development Policy")
    assert slots_set(events)["wants_credit"] is None
    # With no list shown, it is not taken for the question's first option ("yes, credit matters").
    alone = tracker(
        "tell me about the first one",
        "inform",
        slots={"requested_slot": "wants_credit"},
        active_loop="recommendation_form",
    )
    _, events = run_action(ValidateRecommendationForm(), alone)
    assert slots_set(events) == {"wants_credit": None}


@pytest.mark.parametrize(
    ("requested", "text", "intent", "value"),
    [
        ("goal", "the first one", "inform", "skills"),
        ("goal", "2nd option", "affirm", "graduate"),
        ("wants_credit", "the second one", "ask_program_info", False),
        ("weekly_hours", "the last one", "inform", 12),
        ("budget", "i'd say the first", "inform", 499),  # the "Under $500" button
        ("subject", "option 3", "nlu_fallback", "artificial intelligence"),
    ],
)
def test_the_first_one_said_to_a_question_is_its_first_option_not_a_listed_programme(requested, text, intent, value):
    slots = {"requested_slot": requested, "listed_programmes": ["mitx_dedp", "mitx_sds", "mitx_finance"]}
    t = tracker(text, intent, slots=slots, active_loop="recommendation_form")
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert messages == [] and slots_set(events) == {requested: value}


def test_an_ordinal_past_the_questions_options_gets_the_question_again():
    t = tracker("the fifth one", "inform", slots={"requested_slot": "goal"}, active_loop="recommendation_form")
    assert slots_set(run_action(ValidateRecommendationForm(), t)[1]) == {"goal": None}


def test_an_answer_to_another_question_is_taken_and_noted_whatever_the_intent():
    slots = {"requested_slot": "wants_credit", "goal": "skills"}
    t = tracker(
        "maybe 5 hrs a week since i work shifts", "ask_duration", slots=slots, active_loop="recommendation_form"
    )
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert slots_set(events) == {"weekly_hours": 5}  # The credit question comes again, after the note.
    assert [m["text"] for m in messages] == ["Noted: you have about 5 hours a week."]


def test_a_programme_no_longer_in_the_catalogue_is_not_pointed_at():
    t = tracker("the first one", "affirm", slots={"listed_programmes": ["retired_long_ago"]})
    messages, _ = run(ActionAcknowledge(), t)
    assert [m["text"] for m in messages] == [ANYTHING_ELSE]


def test_a_subject_the_catalogue_lacks_said_as_a_followup_is_said_to_be_missing():
    t = tracker("what about philosophy", "inform", [entity("subject", "philosophy")])
    messages, _ = run(ActionAnswerFollowup(), t)
    assert messages[0]["text"].startswith('I have no verified programmes in "philosophy" in my catalogue')


@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("hello, I'm a nurse thinking about a career change", True),
        ("i only have weekends", True),
        ("about 5 hours a week", True),  # an answer to a question not yet asked
        ("a quick job skill", True),
        ("ok", False),
        ("2nd", False),  # a figure is not a statement about oneself
        ("is that so?", False),
    ],
)
def test_a_statement_about_oneself_outside_the_questions_gets_the_offer_to_help_choose(text, offered):
    messages, _ = run(ActionAnswerFollowup(), tracker(text, "inform"))
    if offered:
        assert messages == [
            {
                **messages[0],
                "text": OFFER_TO_CHOOSE.text,
                "buttons": [{"title": "Help me choose", "payload": "/request_recommendation"}],
            }
        ]
    else:
        assert [m["text"] for m in messages] == [ANYTHING_ELSE]


def test_after_a_recommendation_a_bare_new_answer_changes_it():
    answers = {"goal": "graduate", "wants_credit": True, "weekly_hours": 12.0, "budget": 1500.0, "subject": "any"}
    t = tracker("about 3 hours a week", "inform", slots={**answers, "recommended_credential": "micromasters"})
    messages, slots = run(ActionAnswerFollowup(), t)
    assert messages[0]["text"] == "Got it: you now have about 3 hours a week."
    assert messages[1]["text"].startswith("My recommendation:") and slots["weekly_hours"] == 3.0


@pytest.mark.parametrize("text", ["12345", "0000 1111 2222", "SELECT * FROM users;", "def foo(): return 42"])
def test_figures_or_code_read_as_an_answer_outside_the_questions_are_not_understood(text):
    # Read as `inform` (a budget, a statement), they got "OK. What else would you like to know?".
    messages, _ = run(ActionAnswerFollowup(), tracker(text, "inform"))
    assert [m["text"] for m in messages] == [NOT_UNDERSTOOD]


def test_not_understood_in_another_language_says_the_bot_answers_in_english():
    messages, _ = run(ActionNotUnderstood(), tracker("hola, cuanto cuesta un micromasters?", "nlu_fallback"))
    assert [m["text"] for m in messages] == [ONLY_ENGLISH]
    english, _ = run(ActionNotUnderstood(), tracker("asdf qwerty", "nlu_fallback"))
    assert [m["text"] for m in english] == [NOT_UNDERSTOOD]


def test_a_subject_read_as_a_yes_outside_the_questions_searches_it():
    t = tracker("ai progs", "affirm", [entity("subject", "artificial intelligence")])
    messages, _ = run(ActionAcknowledge(), t)
    assert (
        messages[0]["text"].startswith("I found") and "artificial intelligence" in messages[0]["text"].splitlines()[0]
    )


def test_after_an_answer_for_both_a_bare_follow_up_is_about_both_again():
    t = tracker(
        "mm vs pc",
        "ask_difference",
        [entity("credential_type", "micromasters"), entity("credential_type", "professional_certificate")],
        slots={"credential_type": "professional_certificate"},  # the slot mapping kept the last one named
    )
    _, slots = run(ActionAnswerFaq(), t)
    assert slots["credential_type"] is None
    messages, _ = run(ActionAnswerFaq(), tracker("cost?", "ask_cost", slots={"credential_type": None}))
    assert "• MicroMasters:" in messages[0]["text"] and "• Professional Certificate:" in messages[0]["text"]


@pytest.mark.parametrize(("text", "stops"), [("blorp qwertyuiop", False), ("stop please", True), ("i want out", True)])
def test_nonsense_read_as_stop_gets_the_question_again_and_a_real_stop_ends_the_questions(text, stops):
    t = tracker(text, "stop", slots={"requested_slot": "goal"}, active_loop="recommendation_form")
    _, events = run_action(ValidateRecommendationForm(), t)
    # No slot set: the form rejects the turn and the stop rule ends it. {goal: None}: asked again.
    assert slots_set(events) == ({} if stops else {"goal": None})


def test_a_stop_word_in_an_answer_changes_the_answer_instead_of_ending_the_questions():
    # "actually forget the degree part ..." ended the questions: read as stop, "forget" is a stopping word.
    slots = {"requested_slot": "weekly_hours", "goal": "graduate", "wants_credit": True}
    text = "actually forget the degree part. i just want a better job, no more school after this"
    messages, events = run_action(
        ValidateRecommendationForm(), tracker(text, "stop", slots=slots, active_loop="recommendation_form")
    )
    assert slots_set(events) == {"goal": "skills", "wants_credit": False, "weekly_hours": None}
    assert "job skill" in messages[0]["text"]


def test_a_plain_answer_read_as_a_question_still_answers_the_question_asked():
    slots = {"requested_slot": "budget", "goal": "skills", "wants_credit": False, "weekly_hours": 3}
    plain = tracker("cheap", "ask_cost", slots=slots, active_loop="recommendation_form")
    _, events = run_action(ValidateRecommendationForm(), plain)
    assert slots_set(events) == {"budget": LOW_BUDGET}
    asked = tracker("cheap?", "ask_cost", slots=slots, active_loop="recommendation_form")
    _, events = run_action(ValidateRecommendationForm(), asked)
    assert "budget" not in slots_set(events)  # a question: answered by the FAQ rule, then asked again
    # Said to another question, it is taken and noted.
    early = {"requested_slot": "weekly_hours", "goal": "skills", "wants_credit": False}
    messages, events = run_action(
        ValidateRecommendationForm(), tracker("cheap", "ask_cost", slots=early, active_loop="recommendation_form")
    )
    assert slots_set(events) == {"budget": LOW_BUDGET}
    assert [m["text"] for m in messages] == ["Noted: your budget is small."]


def test_thanks_during_the_questions_are_short_and_a_complaint_gets_an_apology():
    thanks, _ = run(ActionThank(), tracker("thanks", "thank", active_loop="recommendation_form"))
    assert [m["text"] for m in thanks] == ["You're welcome!"]
    insult, _ = run(ActionThank(), tracker("you're useless", "thank", active_loop="recommendation_form"))
    assert [m["text"] for m in insult] == [COMPLAINT_REPLY]


def test_thanks_bye_during_the_questions_ends_them_with_a_goodbye():
    t = tracker("thanks, bye", "thank", slots={"requested_slot": "budget"}, active_loop="recommendation_form")
    messages, events = run_action(ActionThank(), t)
    assert [m["text"] for m in messages] == [THANKS_AND_GOODBYE_REPLY]
    assert {"event": "active_loop", "timestamp": None, "name": None} in events
    assert events[-1] == {"event": "followup", "timestamp": None, "name": "action_listen"}  # not the next question


def test_a_complaint_read_as_a_no_gets_an_apology_not_what_else():
    messages, _ = run(ActionAcknowledge(), tracker("worst bot ever", "deny"))
    assert [m["text"] for m in messages] == [COMPLAINT_REPLY]


def test_a_message_not_understood_keeps_the_programme_just_described_in_context():
    t = after(
        "tell me about the harvard data science certificate",
        ActionProgramInfo(),
        "ask_program_info",
        "hmm blorp",
        "nlu_fallback",
    )
    messages, slots = run(ActionNotUnderstood(), t)
    assert [m["text"] for m in messages] == [NOT_UNDERSTOOD]
    assert slots == {"current_programme": t.get_slot("current_programme")} and slots["current_programme"]


def test_an_off_topic_question_keeps_the_programme_just_described_in_context():
    t = after(
        "tell me about the harvard data science certificate",
        ActionProgramInfo(),
        "ask_program_info",
        "what's the weather like in paris",
        "out_of_scope",
    )
    messages, slots = run(ActionOutOfScope(), t)
    assert [m["text"] for m in messages] == [OUT_OF_SCOPE]
    assert slots == {"current_programme": "harvardx_data_science"}


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        ("can a 17 year old do a micromasters", "out_of_scope", "MicroMasters program: My sources don't state an age"),
        ("is there an age limit", "ask_level", "• MicroMasters: No age limit stated in my sources"),
        ("do you know a good pizza place near mit", "out_of_scope", None),  # no credential, no topic
        ("how old is the oldest person alive", "out_of_scope", None),  # no credential, no topic: out of scope
    ],
)
def test_age_questions_get_what_the_sources_say_and_no_invented_limit(text, intent, expected):
    action = ActionOutOfScope() if intent == "out_of_scope" else ActionAnswerFaq()
    messages, _ = run(action, tracker(text, intent, entities=[]))
    assert messages[0]["text"].startswith(expected or OUT_OF_SCOPE)


@pytest.mark.parametrize(
    ("text", "goal"),
    [("which is better for getting a job fast", "skills"), ("what's best if i want a masters later", "graduate")],
)
def test_which_is_better_for_a_goal_read_as_off_topic_starts_the_questions_with_the_goal_taken(text, goal):
    messages, events = run_action(ActionOutOfScope(), tracker(text, "out_of_scope"))
    assert [m["response"] for m in messages] == ["utter_start_recommendation"]
    assert slots_set(events)["goal"] == goal
    assert events[-1] == {"event": "followup", "timestamp": None, "name": "recommendation_form"}
    # Which of something else is off-topic still.
    other, _ = run(ActionOutOfScope(), tracker("which pizza is better for a quick lunch", "out_of_scope"))
    assert [m["text"] for m in other] == [OUT_OF_SCOPE]


def test_is_it_any_good_right_after_a_programme_caught_by_the_fallback_gets_the_worth_answer_for_its_kind():
    t = after(
        "tell me about the harvard data science certificate",
        ActionProgramInfo(),
        "ask_program_info",
        "is it any good",
        "nlu_fallback",
    )
    messages, slots = run(ActionNotUnderstood(), t)
    assert messages[0]["text"].startswith("The HarvardX Professional Certificate in Data Science is a Professional")
    assert messages[1]["text"].startswith("Professional Certificate program: It can be, if the skills match")
    assert slots["current_programme"] == t.get_slot("current_programme") and slots["last_citations"]
    alone, _ = run(ActionNotUnderstood(), tracker("is it any good", "nlu_fallback"))  # nothing just shown
    assert [m["text"] for m in alone] == [NOT_UNDERSTOOD]


def test_tell_me_about_it_right_after_a_list_of_one_caught_by_the_fallback_describes_that_programme():
    t = after(
        "which supply chain programs are there",
        ActionSearchPrograms(),
        "search_programs",
        "tell me about it",
        "nlu_fallback",
    )
    messages, slots = run(ActionNotUnderstood(), t)
    assert messages[0]["text"].startswith("MITx MicroMasters Program in Supply Chain Management (SCM)")
    assert slots["current_programme"] == "mitx_scm"


RECOMMENDED = {
    "goal": "skills",
    "wants_credit": True,
    "weekly_hours": 5.0,
    "budget": 300.0,
    "subject": "finance",
    "recommended_credential": "professional_certificate",
}


@pytest.mark.parametrize(
    ("text", "intent", "changed", "credential"),
    [
        ("actually my budget is 2000", "ask_cost", "Got it: your budget is now about $2,000.", "micromasters"),
        ("i now have 15 hours a week actually", "ask_duration", "Got it: you now have about 15 hours a week.", None),
    ],
)
def test_changing_an_answer_after_the_recommendation_recommends_again(text, intent, changed, credential):
    messages, slots = run(ActionAnswerFaq(), tracker(text, intent, slots=RECOMMENDED))
    assert messages[0]["text"] == changed
    assert messages[1]["text"].startswith("My recommendation:")
    if credential:
        assert slots["recommended_credential"] == credential


def test_a_question_after_the_recommendation_is_still_answered():
    messages, slots = run(
        ActionAnswerFaq(), tracker("how much does a micromasters cost", "ask_cost", slots=RECOMMENDED)
    )
    assert messages[0]["text"].startswith("MicroMasters program:") and "budget" not in slots


def test_unknown_subject_falls_back_to_any_and_says_so():
    form = ValidateRecommendationForm()
    t = tracker("marine biology", "inform", slots={"requested_slot": "subject"}, active_loop="recommendation_form")
    messages, events = run_action(form, t)
    assert any(e.get("name") == "subject" and e.get("value") == "any" for e in events)
    assert "marine biology" in messages[0]["text"]


BUDGET = QUESTIONS["budget"]


@pytest.mark.parametrize(
    ("between", "expected"),
    [
        # Answered, not understood: an apology with an example, then the question.
        ([{"event": "user", "text": "a reasonable amount"}], [BUDGET.hint, BUDGET.text]),
        # Only hesitated: no apology, no example.
        ([{"event": "user", "text": "let me think about it"}], [NO_RUSH, BUDGET.text]),
        # Interrupted by a question the bot answered: just the question again.
        ([{"event": "user", "text": "how much?"}, {"event": "bot", "text": "An FAQ answer"}], [BUDGET.text]),
        # A question it could not answer in between: said so, not "Sorry, I didn't catch the budget".
        ([{"event": "user", "text": "then is there a python one?"}], [QUESTION_MID_WAY, BUDGET.text]),
        # What the question means: why it is asked.
        ([{"event": "user", "text": "what do you mean by budget, including exams?"}], [BUDGET.why, BUDGET.text]),
    ],
)
def test_question_asked_again_apologises_only_when_its_answer_was_not_understood(between, expected):
    # The events as Rasa's form passes them: the question, what came after, the form's own run.
    events = [{"event": "bot", "text": BUDGET.text}, *between, {"event": "action", "name": "recommendation_form"}]
    latest = [e["text"] for e in between if e["event"] == "user"][-1]
    t = tracker(latest, "inform", None, {"requested_slot": "budget"}, "recommendation_form", events)
    messages, _ = run(ActionAskBudget(), t)
    assert [m["text"] for m in messages] == expected
    assert len(messages[-1]["buttons"]) == 3


def test_recommendation_names_credential_reasons_trade_off_and_programmes():
    slots = {
        "goal": "graduate",
        "wants_credit": True,
        "weekly_hours": 10.0,
        "budget": 1500.0,
        "subject": "supply chain",
    }
    messages, set_slots = run(ActionRecommend(), tracker(slots=slots))
    text = messages[0]["text"]
    assert set_slots["recommended_credential"] == "micromasters"
    assert set_slots["credential_type"] == "micromasters"  # "how long does it take?" is about it
    assert text.startswith("My recommendation: a MicroMasters program.")
    assert "Credit toward a master's matters to you" in text and "about 10 hours a week" in text
    assert "Trade-off:" in text and "MITx MicroMasters Program in Supply Chain Management" in text


def test_why_explains_from_the_users_answers():
    slots = {
        "goal": "skills",
        "wants_credit": False,
        "weekly_hours": 3.0,
        "budget": 300.0,
        "subject": "data science",
        "recommended_credential": "professional_certificate",
    }
    messages, _ = run(ActionExplainRecommendation(), tracker("why?", "ask_why", slots=slots))
    text = messages[0]["text"]
    assert "Professional Certificate" in text and "about 3 hours a week" in text and "$300" in text


def test_why_before_any_recommendation():
    messages, _ = run(ActionExplainRecommendation(), tracker("why?", "ask_why"))
    assert "haven't made a recommendation" in messages[0]["text"]


def test_a_question_my_sources_do_not_cover_read_as_asking_for_a_recommendation_does_not_start_the_questions():
    messages, events = run_action(
        ActionResetRecommendation(), tracker("do micromasters help for immigration points", "request_recommendation")
    )
    assert [m["text"] for m in messages] == [uncovered_reply("visas and immigration")]
    assert events == [{"event": "followup", "timestamp": None, "name": "action_listen"}]


def test_asking_for_programmes_after_a_recommendation_lists_them_instead_of_asking_the_questions_again():
    answers = {"goal": "skills", "wants_credit": False, "weekly_hours": 4.0, "budget": 500.0, "subject": "any"}
    slots = {**answers, "recommended_credential": "professional_certificate"}
    t = tracker("what programmes would you suggest then?", "request_recommendation", slots=slots)
    messages, events = run_action(ActionResetRecommendation(), t)
    assert messages[0]["text"].startswith("I recommended a Professional Certificate program for you.")
    assert (
        messages[1]["text"].startswith(("I found", "My catalogue has"))
        and "Professional Certificate" in messages[1]["text"]
    )
    assert events[-1] == {"event": "followup", "timestamp": None, "name": "action_listen"}
    assert "goal" not in slots_set(events)  # the answers are kept


def test_answers_given_to_questions_stopped_part_way_are_kept_when_they_start_again():
    # "stop", then "Help me choose": the credit "yes" was asked again (only worded answers were carried).
    held = {"goal": "graduate", "wants_credit": True, "weekly_hours": "unsure"}
    messages, slots = run(ActionResetRecommendation(), tracker("help me choose", "request_recommendation", slots=held))
    assert slots["goal"] == "graduate" and slots["wants_credit"] is True and slots["weekly_hours"] is None
    assert messages[0]["text"].startswith("From what you said before: ") and "credit" in messages[0]["text"]


def test_reset_clears_previous_answers():
    held = {"goal": "skills", "recommended_credential": "professional_certificate"}
    _, slots = run(ActionResetRecommendation(), tracker("help me choose again", "request_recommendation", slots=held))
    assert slots == {
        "goal": None,
        "wants_credit": None,
        "weekly_hours": None,
        "budget": None,
        "subject": None,
        "recommended_credential": None,
    }


def test_a_question_mid_form_fills_no_slot():
    form = ValidateRecommendationForm()
    t = tracker(
        "do certificates give credit?",
        "ask_credit",
        slots={"requested_slot": "wants_credit", "goal": "skills"},
        active_loop="recommendation_form",
    )
    _, events = run_action(form, t)
    assert not any(e.get("name") == "wants_credit" for e in events)


def test_starting_the_form_after_a_reset_says_nothing_about_empty_slots():
    form = ValidateRecommendationForm()
    reset = [
        {"event": "slot", "name": s, "value": None}
        for s in ("goal", "wants_credit", "weekly_hours", "budget", "subject")
    ]
    t = tracker(
        "help me choose", "request_recommendation", events=[{"event": "user", "text": "help me choose"}, *reset]
    )
    messages, _ = run_action(form, t)
    assert messages == []


def test_a_situation_described_outside_the_form_starts_the_recommendation():
    text = "i have 10 hours a week and a budget of $1500, credit matters"
    messages, events = run_action(ActionAnswerFollowup(), tracker(text, "inform"))
    assert {"event": "followup", "timestamp": None, "name": "recommendation_form"} in events
    assert messages[0]["response"] == "utter_start_recommendation"


def test_a_bare_subject_outside_the_form_searches_the_catalogue():
    t = tracker("supply chain programmes", "inform", [entity("subject", "supply chain")])
    messages, _ = run(ActionAnswerFollowup(), t)
    assert "MITx MicroMasters Program in Supply Chain Management" in messages[0]["text"]


def test_a_subject_with_a_credential_after_an_faq_searches_rather_than_repeating_the_topic():
    # "project management certs" right after a cost answer is a catalogue request, not
    # "and for a professional certificate?" about cost.
    t = tracker("project managment certs", "inform", slots={"last_topic": "cost"})
    messages, _ = run(ActionAnswerFollowup(), t)
    assert "project management" in messages[0]["text"] and "Paid per course" not in messages[0]["text"]


def test_which_programmes_after_a_recommendation_lists_that_kind_of_programme():
    slots = {"recommended_credential": "micromasters", "subject": "supply chain"}
    messages, _ = run(ActionSearchPrograms(), tracker("so which programmes", "search_programs", slots=slots))
    assert messages[0]["text"].startswith("I found 1 MicroMasters programme in supply chain")
    everything, _ = run(ActionSearchPrograms(), tracker("show me all programmes", "search_programs", slots=slots))
    assert everything[0]["text"].startswith(f"My catalogue has {len(KB.programmes)} programmes")


def test_show_more_after_the_last_page_says_so():
    stored = {"subjects": ["supply chain"], "institutions": [], "credential_types": [], "offset": 0}
    messages, slots = run(ActionShowMore(), tracker("more", "show_more", slots={"last_search": stored}))
    assert messages[0]["text"] == "That's all the programmes I have for that search." and slots == {}


def test_thanks_with_a_goodbye_gets_a_closing_reply():
    closing, _ = run(ActionThank(), tracker("thanks, bye", intent="thank"))
    plain, _ = run(ActionThank(), tracker("thanks!", intent="thank"))
    assert [m["text"] for m in closing] == [
        "You're welcome! Goodbye, and good luck with your studies. Come back any time."
    ]
    assert [m["text"] for m in plain] == [
        "You're welcome! Anything else about MicroMasters or Professional Certificates?"
    ]


@pytest.mark.parametrize(
    ("action", "intent"),
    [
        (ActionAnswerFaq(), "ask_difference"),
        (ActionAnswerFollowup(), "inform"),
        (ActionSearchPrograms(), "search_programs"),
        (ActionNotUnderstood(), "nlu_fallback"),
    ],
)
def test_which_is_cheapest_right_after_a_list_gives_the_listed_prices(action, intent):
    t = after("mit programmes", ActionSearchPrograms(), "search_programs", "which one is the cheapest", intent)
    listed = t.get_slot("listed_programmes")
    messages, slots = run(action, t)
    lines = messages[0]["text"].splitlines()
    assert lines[0] == "On price, the programmes I just listed:"
    for line, programme_id in zip(lines[1 : 1 + len(listed)], listed, strict=True):
        assert line.startswith(f"• {KB.programme(programme_id).title} (")
    assert "$1,350" in messages[0]["text"] and "won't rank them" in messages[0]["text"]
    assert slots["listed_programmes"] == listed  # "the second one" still points into it


@pytest.mark.parametrize(
    ("action", "intent"),
    [
        (ActionShowMore(), "show_more"),
        (ActionAnswerFaq(), "ask_recognition"),
        (ActionAnswerFollowup(), "inform"),
        (ActionAcknowledge(), "affirm"),
    ],
)
def test_the_most_respected_of_a_list_is_not_made_up(action, intent):
    t = after(
        "data science programs", ActionSearchPrograms(), "search_programs", "ok whats the most respected one", intent
    )
    messages, slots = run(action, t)
    assert [m["text"] for m in messages] == [NO_QUALITY_RANKING]
    assert slots["listed_programmes"] == t.get_slot("listed_programmes")  # "which is cheapest?" may follow


def test_which_of_two_compared_programmes_is_more_respected_is_not_made_up():
    t = after(
        "compare the mit supply chain micromasters with columbia's business analytics one",
        ActionProgramInfo(),
        "ask_program_info",
        "which of the two is more respected",
        "ask_recognition",
    )
    assert len(t.get_slot("listed_programmes")) == 2
    messages, _ = run(ActionAnswerFaq(), t)
    assert [m["text"] for m in messages] == [NO_QUALITY_RANKING]


def test_whether_a_kind_of_credential_is_more_respected_is_the_recognition_answer_even_after_a_list():
    t = after(
        "data science programs",
        ActionSearchPrograms(),
        "search_programs",
        "is a micromasters more respected than a pro cert",
        "ask_recognition",
    )
    messages, _ = run(ActionAnswerFaq(), t)
    assert messages[0]["text"].startswith("• MicroMasters: Recognised by universities")


def test_the_best_programmes_of_another_subject_right_after_a_list_are_a_new_search():
    t = after(
        "mit programmes", ActionSearchPrograms(), "search_programs", "best data science programs", "search_programs"
    )
    messages, _ = run(ActionSearchPrograms(), t)
    assert messages[0]["text"].startswith(f"I found {found('data science programmes')} programmes in data science:")


def test_the_best_programmes_of_a_subject_are_listed_not_rated():
    messages, slots = run(ActionSearchPrograms(), tracker("best supply chain programs", "search_programs"))
    assert messages[0]["text"].startswith("I found 1 programme in supply chain:") and slots["listed_programmes"]


def test_the_cheapest_said_as_show_more_ranks_the_list():
    t = after("mit programmes", ActionSearchPrograms(), "search_programs", "show me the cheapest", "show_more")
    messages, _ = run(ActionShowMore(), t)
    assert messages[0]["text"].startswith("On price, the programmes I just listed:")


def test_the_quickest_programmes_of_a_subject_are_listed_with_their_lengths():
    messages, slots = run(ActionSearchPrograms(), tracker("quickest data science programs?", "search_programs"))
    text = messages[0]["text"]
    assert text.startswith("On length, the programmes in data science I have:")
    assert f"That's the first 5 of {found('data science programmes')}" in text
    assert len(slots["listed_programmes"]) == 5


def test_the_cheapest_of_one_programme_is_that_programmes_price():
    messages, slots = run(
        ActionAnswerFaq(),
        tracker("which is the cheapest supply chain program", "ask_cost", [entity("subject", "supply chain")]),
    )
    assert messages[0]["text"].startswith("Only one programme matches:\nMITx MicroMasters Program in Supply Chain")
    assert "$1,350" in messages[0]["text"] and slots["current_programme"] == "mitx_scm"


def test_the_cheapest_micromasters_with_no_list_gives_micromasters_prices_known_ones_first():
    messages, slots = run(
        ActionAnswerFaq(),
        tracker("whats the cheapest micromasters", "ask_cost", [entity("credential_type", "micromasters")]),
    )
    lines = messages[0]["text"].splitlines()
    assert lines[0] == "On price, the MicroMasters programmes I have:"
    priced = lines[1:6]
    assert all(line.startswith("• ") and "not found in my sources" not in line for line in priced[:2])
    assert "$1,350" in messages[0]["text"] and "won't rank them" in messages[0]["text"]
    shown = [KB.programme(programme_id) for programme_id in slots["listed_programmes"]]
    assert all(p.credential_type == "micromasters" for p in shown)
    assert [f"• {p.title} ({p.institution}):" for p in shown] == [line.split(": ")[0] + ":" for line in priced]
    # Comparing the two credentials is not a question about programmes.
    compared, _ = run(ActionAnswerFaq(), tracker("is a micromasters cheaper than a pro cert", "ask_difference"))
    assert compared[0]["text"].startswith("Side by side, on cost:")


def test_cheapest_with_no_list_or_subject_compares_the_two_credentials():
    messages, _ = run(ActionAnswerFaq(), tracker("which one is cheapest", "ask_difference"))
    assert messages[0]["text"].startswith("Side by side, on cost:")


@pytest.mark.parametrize(
    ("action", "text", "intent", "topic"),
    [
        (ActionAnswerFaq(), "can i do it in spanish", "ask_duration", "which languages the courses are taught in"),
        (ActionAnswerFaq(), "is it tax deductible", "ask_cost", "taxes"),
        (ActionAnswerFollowup(), "what about visas", "inform", "visas and immigration"),
        (
            ActionProgramInfo(),
            "what languages are the courses in",
            "ask_program_info",
            "which languages the courses are taught in",
        ),
        (ActionNotUnderstood(), "printed certificate?", "nlu_fallback", "printed certificates"),
        (ActionAnswerFaq(), "can i retake the exam", "ask_admission", "failing or retaking a course or exam"),
        (ActionAnswerFollowup(), "ok and if i fail a course?", "inform", "failing or retaking a course or exam"),
    ],
)
def test_a_question_my_sources_do_not_cover_gets_an_honest_answer(action, text, intent, topic):
    messages, _ = run(action, tracker(text, intent))
    assert [m["text"] for m in messages] == [uncovered_reply(topic)]


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        (
            "does it expire?",
            "ask_credit",
            "(DEDP) says its credential does not expire",
        ),
        (
            "do i need the GRE for a micromasters",
            "ask_level",
            "MIT's blended Supply Chain master's does not consider GRE/GMAT scores",
        ),
        ("how many people finish a micromasters", "ask_duration", "with a median of 12.6%"),
    ],
)
def test_expiry_entrance_tests_and_completion_are_answered_from_the_knowledge_base(text, intent, expected):
    messages, slots = run(ActionAnswerFaq(), tracker(text, intent))
    assert expected in messages[0]["text"] and slots["last_citations"]


@pytest.mark.parametrize(
    ("action", "text", "intent", "expected"),
    [
        # Caught by the fallback: the topic's own words are understood enough.
        (ActionNotUnderstood(), "are there exams?", "nlu_fallback", "a proctored Comprehensive Final Exam (CFx)"),
        (ActionAnswerFaq(), "can i study at my own pace", "ask_duration", "MITx Finance offers self-paced courses"),
        (ActionAnswerFaq(), "is a micromasters a real masters degree?", "ask_definition", "not a master's degree"),
        (ActionAnswerFaq(), "is it realistic with a full time job and kids?", "ask_worth", "roughly 8-14 hours a week"),
    ],
)
def test_exams_pace_and_degree_questions_are_answered_from_the_knowledge_base(action, text, intent, expected):
    messages, slots = run(action, tracker(text, intent, slots={"credential_type": "micromasters"}))
    assert expected in messages[0]["text"] and "Source:" in messages[0]["text"] and slots["last_citations"]


@pytest.mark.parametrize("topic", ["workload", "exams", "refunds"])
def test_and_for_a_pro_cert_repeats_any_faq_topic_for_it(topic):
    t = tracker(
        "and a pro cert?",
        "inform",
        [entity("credential_type", "professional_certificate")],
        slots={"last_topic": topic, "credential_type": "micromasters"},
    )
    messages, slots = run(ActionAnswerFollowup(), t)
    expected = faq_reply(KB, topic, "professional_certificate").text.splitlines()[0]
    assert messages[0]["text"].splitlines()[0] == expected and slots["last_topic"] == topic


def test_a_micromasters_set_against_a_masters_degree_is_not_compared_with_a_certificate():
    text = "what's the difference between a micromasters and a masters degree"
    messages, slots = run(
        ActionAnswerFaq(), tracker(text, "ask_difference", [entity("credential_type", "micromasters")])
    )
    assert messages[0]["text"].startswith("MicroMasters program: No. A MicroMasters program is not a master's degree")
    assert "Professional Certificate" not in messages[0]["text"] and slots["last_topic"] == "degree"


def test_a_programmes_own_exams_and_pace_are_its_structure_and_length():
    exams, _ = run(ActionAnswerFaq(), just_described("mitx_sds", "does it have exams?", "ask_level"))
    assert (
        "• Courses and exams: As reported by MIT's SDS FAQ, undated: 4 courses plus a virtually proctored capstone exam"
        in exams[0]["text"]
    )
    pace, _ = run(ActionAnswerFaq(), just_described("mitx_sds", "is it self paced?", "ask_duration"))
    assert "• Length and effort: Instructor-paced" in pace[0]["text"]


@pytest.mark.parametrize(
    ("action", "intent"),
    [(ActionExplainRecommendation(), "ask_why"), (ActionShowSources(), "ask_source"), (ActionAnswerFaq(), "ask_level")],
)
def test_who_made_you_is_answered_about_the_bot_whatever_the_intent(action, intent):
    messages, _ = run(action, tracker("who made you?", intent))
    assert [m["text"] for m in messages] == [BOT_IDENTITY]


@pytest.mark.parametrize(
    ("action", "intent"), [(ActionSearchPrograms(), "search_programs"), (ActionAnswerFollowup(), "inform")]
)
def test_a_search_for_a_programme_the_sources_doubt_says_what_they_say(action, intent):
    text = "ibm data science professional certificate"
    entities = [entity("subject", "data science"), entity("credential_type", "professional_certificate")]
    messages, _ = run(action, tracker(text, intent, entities))
    assert "is on Coursera, not edX" in messages[0]["text"] and "HarvardX" in messages[0]["text"]


@pytest.mark.parametrize(
    ("action", "text", "intent", "expected"),
    [
        (
            ActionAnswerFaq(),
            "does edx have a python certificate",
            "ask_recognition",
            f"I found {found('python professional certificates')} Professional Certificate programmes in python",
        ),
        (
            ActionProgramInfo(),
            "is there a data science micromasters",
            "ask_program_info",
            f"I found {found('data science micromasters')} MicroMasters programmes in data science",
        ),
    ],
)
def test_is_there_a_programme_is_answered_with_a_search(action, text, intent, expected):
    kind = "professional_certificate" if "certificate" in text else "micromasters"
    messages, _ = run(action, tracker(text, intent, [entity("credential_type", kind)]))
    assert messages[0]["text"].startswith(expected)


@pytest.mark.parametrize(("action", "intent"), [(ActionAnswerFaq(), "ask_credit"), (ActionAnswerFollowup(), "inform")])
def test_which_universities_accept_it_lists_the_credit_pathways_in_the_catalogue(action, intent):
    messages, slots = run(action, tracker("which universities accept it", intent))
    lines = messages[0]["text"].splitlines()
    assert lines[0].startswith("Credit for a MicroMasters usually comes from the university that offers it")
    assert lines[1].startswith("• MITx MicroMasters Program in Supply Chain Management (SCM): Credential holders can")
    assert any(
        line.startswith("Also with a pathway in my sources: ") and "Georgia Tech, RIT," in line for line in lines
    )
    listed_ids = slots["listed_programmes"]
    assert len(listed_ids) == 5 and all(KB.programme(i).credit_pathway for i in listed_ids)  # "the second one"


def test_getting_into_the_masters_after_one_programme_is_its_own_pathway():
    t = just_described("mitx_scm", "how do i get into the masters", "ask_admission")
    messages, _ = run(ActionAnswerFaq(), t)
    assert "• Credit pathway: Credential holders can apply to MIT's blended master's (SCMb)" in messages[0]["text"]


def test_a_word_of_subject_names_searches_those_subjects():
    messages, _ = run(ActionSearchPrograms(), tracker("are there any business programs", "search_programs"))
    n = found("business analytics or business management programmes")
    assert messages[0]["text"].startswith(f"I found {n} programmes in business analytics or business management:")


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [
        (ActionAnswerFaq(), "ok and how long do they take", "ask_duration"),
        (ActionAnswerFaq(), "are both recognised by employers", "ask_recognition"),
        (ActionAnswerFollowup(), "and how much are they", "inform"),
    ],
)
def test_they_means_both_credentials_not_the_one_in_context(action, text, intent):
    messages, _ = run(action, tracker(text, intent, slots={"credential_type": "professional_certificate"}))
    assert messages[0]["text"].startswith("• MicroMasters:") and "• Professional Certificate:" in messages[0]["text"]


def test_a_message_the_fallback_caught_that_names_one_listed_programme_describes_it():
    listed = {"listed_programmes": ["ritx_cybersecurity"]}
    messages, slots = run(ActionNotUnderstood(), tracker("is the rit one good", "nlu_fallback", slots=listed))
    assert messages[0]["text"].startswith("RITx MicroMasters Program in Cybersecurity")
    assert slots["current_programme"] == "ritx_cybersecurity"
    # With no list, "the rit one" names two programmes: not understood, honestly.
    unlisted, _ = run(ActionNotUnderstood(), tracker("is the rit one good", "nlu_fallback"))
    assert [m["text"] for m in unlisted] == [NOT_UNDERSTOOD]


def test_a_micromasters_for_a_software_engineer_is_any_micromasters():
    text = "I'm a software engineer in india, is a micromasters worth it for me"
    messages, _ = run(ActionAnswerFaq(), tracker(text, "ask_worth", [entity("subject", "software development")]))
    assert messages[0]["text"].startswith("MicroMasters program: It can be")


def test_a_programme_answer_is_not_given_twice_in_a_row_either():
    question = "how long is the mitx supply chain micromasters"
    first, _ = run(ActionAnswerFaq(), tracker(question, "ask_duration"))
    events = [{"event": "bot", "text": first[0]["text"]}, {"event": "user", "text": question}]
    again, events_again = run_action(ActionAnswerFaq(), tracker(question, "ask_duration", events=events))
    # Asked again on the same topic, it was understood: the answer stands.
    assert [m["text"] for m in again] == [SAME_ANSWER] and events_again == []


def test_the_same_topic_asked_in_other_words_is_not_called_a_misreading():
    first, _ = run(ActionOutOfScope(), tracker("can a 17 year old do a micromasters", "out_of_scope"))
    events = [{"event": "bot", "text": first[0]["text"]}, {"event": "user", "text": "am i too old at 55?"}]
    t = tracker("am i too old at 55?", "ask_level", slots={"credential_type": "micromasters"}, events=events)
    again, _ = run(ActionAnswerFaq(), t)
    assert [m["text"] for m in again] == [SAME_ANSWER]


def test_compare_the_first_two_shows_those_listed_programmes_side_by_side():
    ids = ["mitx_scm", "mitx_sds", "mitx_finance"]
    messages, slots = run(
        ActionAnswerFaq(), tracker("compare the first two", "ask_difference", slots={"listed_programmes": ids})
    )
    text = messages[0]["text"]
    assert text.startswith("Side by side:") and text.index("(SCM)") < text.index("(SDS)") and "(MMFin)" not in text
    assert slots["listed_programmes"] == ["mitx_scm", "mitx_sds"]


@pytest.mark.parametrize(
    ("action", "intent"), [(ActionAnswerFaq(), "ask_definition"), (ActionNotUnderstood(), "nlu_fallback")]
)
def test_what_are_the_programmes_after_a_recommendation_lists_the_recommended_kind(action, intent):
    slots = {"recommended_credential": "micromasters", "subject": "artificial intelligence"}
    messages, _ = run(action, tracker("ok what are the programmes then", intent, slots=slots))
    assert messages[0]["text"].startswith("I found 1 MicroMasters programme in artificial intelligence")
    # Without a recommendation it is not a request for its programmes.
    plain, _ = run(ActionAnswerFaq(), tracker("what are the programmes then", "ask_definition"))
    assert not plain[0]["text"].startswith("I found")


def test_when_no_listed_programme_has_a_price_the_bot_says_so():
    t = after(
        "are there any business programs", ActionSearchPrograms(), "search_programs", "which is cheapest", "ask_cost"
    )
    text = run(ActionAnswerFaq(), t)[0][0]["text"]
    assert "My sources give none of them a price, so I can't compare them" in text
    assert "won't rank them" not in text


def test_the_same_topic_asked_again_mid_form_is_not_answered_twice_word_for_word():
    # Mid-form every answer is followed by the question again, which hid the repeat.
    question = QUESTIONS["wants_credit"].text
    first, _ = run(ActionAnswerFaq(), tracker("is it doable with a full-time job?", "ask_duration"))
    events = [
        {"event": "bot", "text": first[0]["text"]},
        {"event": "bot", "text": question},
        {"event": "user", "text": "can i do it alongside my job?"},
    ]
    t = tracker("can i do it alongside my job?", "ask_duration", active_loop="recommendation_form", events=events)
    again, _ = run(ActionAnswerFaq(), t)
    assert [m["text"] for m in again] == [SAME_ANSWER]
    # The question alone as the last turn: an answer given turns earlier is said again, not called "just above".
    earlier = [*events[:2], {"event": "user", "text": "quick skills"}, {"event": "bot", "text": question}]
    t = tracker("can i do it alongside my job?", "ask_duration", active_loop="recommendation_form", events=earlier)
    said, _ = run(ActionAnswerFaq(), t)
    assert said[0]["text"] == first[0]["text"]


@pytest.mark.parametrize(
    ("text", "requested", "expected"),
    [
        ("why do you need my budget?", "wants_credit", QUESTIONS["budget"].why),
        ("why do you ask?", "wants_credit", QUESTIONS["wants_credit"].why),
    ],
)
def test_why_during_the_questions_says_why_the_question_is_asked(text, requested, expected):
    # It said "I haven't made a recommendation yet", to someone answering its questions.
    t = tracker(text, "ask_why", slots={"requested_slot": requested}, active_loop="recommendation_form")
    messages, _ = run(ActionExplainRecommendation(), t)
    assert [m["text"] for m in messages] == [f'{expected} If you\'d rather not say, say "skip".']


def test_a_buttons_title_typed_is_that_buttons_answer():
    t = tracker("$500 to $1,500", "inform", slots={"requested_slot": "budget"}, active_loop="recommendation_form")
    _, events = run_action(ValidateRecommendationForm(), t)
    assert slots_set(events) == {"budget": 1499.0}  # the button's value, said as "$500 to $1,500"


def test_two_topics_asked_together_get_both_answers_and_both_sources():
    # Only the length was answered; the cost was ignored.
    text = "How long does a micromasters take and how much does it cost?"
    messages, slots = run(ActionAnswerFaq(), tracker(text, "ask_duration", [entity("credential_type", "micromasters")]))
    assert [m["text"].split(":")[0] for m in messages] == ["MicroMasters program", "MicroMasters program"]
    assert "hours a week" in messages[0]["text"] and "$" in messages[1]["text"]
    sources = {c["source_id"] for c in slots["last_citations"]}
    assert set(KB.faq["cost"]["micromasters"].fact.sources) <= sources
    assert set(KB.faq["duration"]["micromasters"].fact.sources) <= sources


def test_a_doubtful_programme_the_fallback_caught_gets_what_the_sources_say():
    # "is there a fintech micromasters?" got "Sorry, I didn't understand that".
    messages, _ = run(ActionNotUnderstood(), tracker("is there a fintech micromasters?", "nlu_fallback"))
    assert "I found no MicroMasters in FinTech" in messages[0]["text"]


def test_who_runs_edx_is_answered_from_the_sources_and_a_programmes_platform_from_the_catalogue():
    # "is edx still a nonprofit?" got the recognition answer.
    messages, _ = run(ActionAnswerFaq(), tracker("is edx still a nonprofit?", "ask_recognition"))
    assert messages[0]["text"].startswith("edX is an online course platform, not a university")
    assert "founded by Harvard and MIT in 2012" in messages[0]["text"] and "2U" in messages[0]["text"]
    t = just_described("mitx_dedp", "is it on edX or MITx Online?", "ask_recognition")
    messages, _ = run(ActionAnswerFaq(), t)
    assert "• Platform: MITx Online" in messages[0]["text"]


@pytest.mark.parametrize(
    ("action", "text", "intent", "entities"),
    [
        (ActionAnswerFaq, "what is edx?", "ask_definition", []),
        (ActionAnswerFaq, "whats edx lol", "ask_definition", []),
        (ActionBotChallenge, "is edx a real university?", "bot_challenge", []),
        (ActionAnswerFaq, "is edx the same as harvard", "ask_difference", [entity("institution", "Harvard")]),
        (ActionAnswerFaq, "is edx legit", "ask_recognition", []),
    ],
)
def test_what_edx_is_gets_the_answer_about_edx(action, text, intent, entities):
    """ "What is edX?" got a description of the credentials or of the bot."""
    messages, _ = run(action(), tracker(text, intent, entities))
    assert messages[0]["text"].startswith("edX is an online course platform, not a university")


def test_what_is_an_edx_micromasters_is_still_about_the_credential():
    messages, _ = run(ActionAnswerFaq(), tracker("what is edx micromasters", "ask_definition"))
    assert messages[0]["text"].startswith("MicroMasters program: A MicroMasters program is")


def test_after_a_doubtful_programme_it_is_the_alternative_vouched_for_first():
    # "how many courses does it have?" after the Columbia AI certificate got the general answer.
    messages, slots = run(ActionProgramInfo(), tracker("what about the columbia AI certificate", "ask_program_info"))
    assert messages[0]["text"].startswith("I found no ColumbiaX Professional Certificate in AI on edX.")
    assert "I can't confirm" not in messages[0]["text"]  # it was said twice
    assert slots["current_programme"] == slots["listed_programmes"][0]


def test_how_much_read_as_show_more_right_after_a_programme_gets_its_price():
    # It got "There is nothing to show more of yet".
    messages, slots = run(ActionShowMore(), just_described("mitx_scm", "how much?", "show_more"))
    assert "• Price: " in messages[0]["text"] and "$1,350" in messages[0]["text"]
    assert slots["current_programme"] == "mitx_scm"


def test_a_statement_ending_in_a_question_gets_the_question_answered_not_a_search():
    text = (
        "I'm a mechanical engineer and I want a master's in supply chain later. Would a MicroMasters count toward it?"
    )
    entities = [entity("subject", "supply chain"), entity("credential_type", "micromasters")]
    messages, _ = run(ActionAnswerFollowup(), tracker(text, "inform", entities))
    assert messages[0]["text"].startswith(f"MicroMasters program: {KB.faq['credit']['micromasters'].fact.text[:30]}")


def test_what_about_a_subject_the_catalogue_lacks_says_so():
    # "ok what about psychology" got "OK. What else would you like to know?".
    messages, _ = run(ActionAnswerFollowup(), tracker("ok what about philosophy", "inform"))
    assert messages[0]["text"].startswith('I have no verified programmes in "philosophy"')
    messages, _ = run(ActionAnswerFollowup(), tracker("what about you", "inform"))
    assert [m["text"] for m in messages] == [ANYTHING_ELSE]


def test_recognition_in_a_country_says_the_sources_have_no_data_by_country():
    t = tracker(
        "is a micromasters recognised in Germany?", "ask_recognition", [entity("credential_type", "micromasters")]
    )
    messages, _ = run(ActionAnswerFaq(), t)
    first_line = messages[0]["text"].splitlines()[0]
    assert first_line == "My sources have no data on recognition in Germany in particular; what they say in general:"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("can i get a job at google with this", "ask_worth"),
        ("does amazon hire people with a micromasters?", "ask_worth"),
    ],
)
def test_a_job_at_a_named_company_gets_what_employers_make_of_it_not_that_companys_certificate(text, intent):
    # "google" alone named Google's Coursera certificates: "I can't confirm Google Professional Certificates".
    messages, _ = run(ActionAnswerFaq(), tracker(text, intent))
    first_line, second_line = messages[0]["text"].splitlines()[:2]
    company = "Google" if "google" in text else "Amazon"
    assert first_line == f"My sources have no data on hiring at {company} in particular; what they say in general:"
    assert "employer" in second_line.lower()


def test_a_google_certificate_is_still_said_to_be_on_coursera():
    messages, _ = run(ActionAnswerFaq(), tracker("is the google data analytics certificate worth it", "ask_worth"))
    assert "Coursera, not edX" in messages[0]["text"]


def test_who_runs_edx_read_as_a_question_about_the_bot_gets_the_answer_about_edx():
    # It got "I'm a bot ... not affiliated with edX".
    messages, _ = run(ActionBotChallenge(), tracker("who runs edX?", "bot_challenge"))
    assert "2U" in messages[0]["text"]
    bot, _ = run_action(ActionBotChallenge(), tracker("are you a bot?", "bot_challenge"))
    assert [m["text"] for m in bot] == [BOT_IDENTITY]


def test_a_job_said_before_the_question_is_not_a_subject_to_filter_by():
    # "I have no verified programmes in software development from MIT": the MIT programmes were hidden.
    text = "Hi, I am software engineer in Bangalore. Which MIT programmes are there?"
    found = [
        {**entity("subject", "software development"), "start": 15, "end": 32},
        {**entity("institution", "MIT"), "start": 54, "end": 57},
    ]
    messages, _ = run(ActionSearchPrograms(), tracker(text, "search_programs", found))
    assert messages[0]["text"].startswith("I found 5 programmes from MIT")


def test_is_edx_still_a_nonprofit_right_after_a_programme_is_about_edx_not_its_platform():
    messages, _ = run(
        ActionAnswerFaq(), just_described("harvardx_data_science", "is edx still a nonprofit?", "ask_worth")
    )
    assert messages[0]["text"].startswith("edX is an online course platform, not a university")


def test_the_certificate_trade_off_claims_only_what_the_sources_support():
    # "quicker and usually cheaper": the sources give up to a year and a half, and rarely a total price.
    answers = {"goal": "skills", "wants_credit": False, "weekly_hours": 3.0, "budget": 200.0, "subject": "data science"}
    messages, slots = run(ActionRecommend(), tracker(slots=answers))
    text = messages[0]["text"]
    assert "Trade-off: a Professional Certificate asks fewer hours a week" in text and "cheaper" not in text
    cited = {c["source_id"] for c in slots["last_citations"]}
    assert set(KB.credentials["professional_certificate"].attributes["time_commitment"].sources) <= cited


def compared(first: str, second: str, then: str, then_intent: str) -> Tracker:
    """A tracker for ``then`` right after two programmes were shown side by side."""
    return after(f"compare {first} vs {second}", ActionAnswerFaq(), "ask_difference", then, then_intent)


@pytest.mark.parametrize(
    ("action", "intent"),
    [(ActionAnswerFaq(), "ask_credit"), (ActionAnswerFollowup(), "inform"), (ActionNotUnderstood(), "nlu_fallback")],
)
def test_which_one_gives_credit_after_two_programmes_answers_for_each(action, intent):
    t = compared("mitx sds", "harvardx data science", "which one gives credit?", intent)
    messages, slots = run(action, t)
    text = messages[0]["text"]
    assert text.startswith("On credit pathway, the programmes I just listed:")
    assert KB.programme("mitx_sds").credit_pathway in text
    assert "HarvardX Professional Certificate in Data Science (Harvard): none found in my sources" in text
    assert slots["listed_programmes"] == ["mitx_sds", "harvardx_data_science"]  # "the second one" still works


def test_which_one_uses_python_quotes_where_the_sources_say_so():
    t = compared("mitx sds", "harvardx data science", "which one uses python?", "ask_difference")
    messages, _ = run(ActionAnswerFaq(), t)
    text = messages[0]["text"]
    assert text.startswith("Of the programmes I just listed, my sources mention python for:")
    assert '"6.86x Machine Learning with Python"' in text
    assert "They don't mention it for the HarvardX Professional Certificate in Data Science" in text


def test_does_it_teach_a_word_no_description_has_is_not_a_no():
    t = after(
        "tell me about the harvardx data science one",
        ActionProgramInfo(),
        "ask_program_info",
        "does it teach python?",
        "ask_duration",
    )
    messages, slots = run(ActionAnswerFaq(), t)
    assert messages[0]["text"].startswith(
        "My sources don't mention python for the HarvardX Professional Certificate in Data Science. That doesn't rule"
    )
    assert slots["current_programme"] == "harvardx_data_science"


def test_a_description_that_names_a_word_to_rule_it_out_is_no_yes():
    t = after(
        "tell me about the columbia ai micromasters",
        ActionProgramInfo(),
        "ask_program_info",
        "does it cover deep learning?",
        "ask_program_info",
    )
    messages, _ = run(ActionAnswerFaq(), t)
    assert messages[0]["text"].startswith(
        "Not as far as my sources say. About deep learning, they say of the ColumbiaX"
    )
    assert "does not cover deep learning" in messages[0]["text"]


def test_a_question_about_another_university_is_not_read_in_the_programme_just_shown():
    t = after(
        "tell me about gtx analytics",
        ActionProgramInfo(),
        "ask_program_info",
        "does stanford have a micromasters",
        "search_programs",
    )
    messages, _ = run(ActionSearchPrograms(), t)
    assert "my sources mention" not in messages[0]["text"]


def test_a_credential_question_without_a_list_just_shown_is_general():
    t = after(
        "compare mitx sds vs harvardx data science",
        ActionAnswerFaq(),
        "ask_difference",
        "which one gives credit?",
        "ask_credit",
        between=1,
    )
    messages, _ = run(ActionAnswerFaq(), t)
    assert not messages[0]["text"].startswith("On credit pathway")


def picked_then(ids: List[str], then: str, then_intent: str) -> Tracker:
    """A tracker for ``then`` right after "tell me about the second one" of the list ``ids``."""
    first = "tell me about the second one"
    _, picked = run(ActionProgramInfo(), tracker(first, "ask_program_info", slots={"listed_programmes": ids}))
    history = [
        {"event": "user", "text": first},
        {"event": "action", "name": "action_program_info"},
        *[{"event": "slot", "name": name, "value": value} for name, value in picked.items()],
        {"event": "user", "text": then},
    ]
    return tracker(then, then_intent, slots={"listed_programmes": ids, **picked}, events=history)


def test_and_the_other_after_one_of_two_describes_the_other():
    ids = ["harvardx_data_science", "microsoft_mpp_data_science"]
    messages, slots = run(ActionShowMore(), picked_then(ids, "and the other?", "show_more"))
    assert messages[0]["text"].startswith(KB.programme(ids[0]).title)
    assert slots["current_programme"] == ids[0]


def test_which_one_after_picking_one_from_a_list_still_means_the_list():
    t = picked_then(["mitx_sds", "harvardx_data_science"], "which one uses python?", "ask_difference")
    messages, _ = run(ActionAnswerFaq(), t)
    assert messages[0]["text"].startswith("Of the programmes I just listed, my sources mention python for:")


@pytest.mark.parametrize(
    ("text", "reply_starts"),
    [
        ("what about nursing?", 'I have no verified programmes in "nursing"'),
        ("what about supply chain?", "MITx MicroMasters Program in Supply Chain Management"),  # the only one
    ],
)
def test_what_about_a_subject_read_as_help_is_about_that_subject(text, reply_starts):
    # It got the help menu.
    messages, _ = run(ActionHelp(), tracker(text, "help"))
    assert messages[0]["text"].startswith(reply_starts)


def test_help_gets_what_i_can_do():
    messages, _ = run(ActionHelp(), tracker("what can you do?", "help"))
    assert messages[0]["text"].startswith("I can:\n• answer questions about edX MicroMasters programs")
    assert [b["title"] for b in messages[0]["buttons"]] == ["Help me choose", "What's the difference?"]


@pytest.mark.parametrize(("text", "listed"), [("ux", False), ("which ux programmes are there?", True)])
def test_a_subject_said_to_the_subject_question_is_the_answer_and_a_question_also_gets_the_list(text, listed):
    # "ux" got a list of programmes, then the recommendation listed the same programme again.
    slots = {"requested_slot": "subject"}
    t = tracker(text, "search_programs", [entity("subject", "ux")], slots=slots, active_loop="recommendation_form")
    messages, set_now = run(ActionSearchPrograms(), t)
    assert set_now["subject"] == "user experience"
    assert bool(messages) is listed


@pytest.mark.parametrize("text", ["what would you recommend", "ok help me choose then"])
def test_asking_for_the_recommendation_during_the_questions_says_they_are_how_it_is_made(text):
    # It got "Sorry, I didn't catch your goal", three times in a row.
    t = tracker(text, "request_recommendation", slots={"requested_slot": "goal"}, active_loop="recommendation_form")
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert [m["text"] for m in messages] == [ALREADY_CHOOSING] and slots_set(events) == {"goal": None}


def test_an_answer_given_again_is_acknowledged_not_called_unreadable():
    slots = {"requested_slot": "goal", "weekly_hours": 3.0}
    t = tracker("i told you, 3 hrs", "inform", slots=slots, active_loop="recommendation_form")
    messages, _ = run_action(ValidateRecommendationForm(), t)
    assert [m["text"] for m in messages] == ["Yes, I have that already: you have about 3 hours a week."]


@pytest.mark.parametrize(
    ("action", "text", "intent", "reply"),
    [
        (ActionAnswerFaq(), "lol ur actually pretty good", "ask_worth", COMPLIMENT_REPLY),  # got the worth answer
        (ActionBotChallenge(), "this is dumb", "bot_challenge", COMPLAINT_REPLY),  # got "I'm a bot"
        (ActionAcknowledge(), "nice bot", "affirm", COMPLIMENT_REPLY),
    ],
)
def test_praise_or_a_complaint_read_as_something_else_gets_thanks_or_an_apology(action, text, intent, reply):
    messages, _ = run(action, tracker(text, intent))
    assert [m["text"] for m in messages] == [reply]


def test_a_programme_named_by_its_short_name_is_found():
    # "tell me about dedp" was not understood; "dedp cost" got the general MicroMasters cost.
    described, _ = run(ActionNotUnderstood(), tracker("tell me about dedp", "nlu_fallback"))
    assert described[0]["text"].startswith(KB.programme("mitx_dedp").title)
    cost, _ = run(ActionAnswerFaq(), tracker("dedp cost", "ask_cost"))
    assert cost[0]["text"].startswith(KB.programme("mitx_dedp").title) and "• Price:" in cost[0]["text"]


def test_several_topics_about_one_programme_come_in_one_card():
    # Each topic came as its own card, and "does it count for a masters" was dropped.
    text = "how long and how much for the mit supply chain one and does it count for a masters"
    messages, slots = run(ActionAnswerFaq(), tracker(text, "ask_duration", [entity("institution", "MIT")]))
    assert len(messages) == 1
    card = messages[0]["text"]
    assert card.startswith(KB.programme("mitx_scm").title)
    assert "• Length and effort:" in card and "• Price:" in card and "• Credit pathway:" in card
    assert slots["current_programme"] == "mitx_scm"


def test_what_about_the_rit_ones_lists_them_all():
    # It described RIT's cybersecurity programme only, and offered project management as "did you mean".
    messages, _ = run(ActionNotUnderstood(), tracker("what about the rit ones", "nlu_fallback"))
    assert messages[0]["text"].startswith(f"I found {found('rit programmes')} programmes from RIT")


@pytest.mark.parametrize(
    ("action", "intent"),
    [(ActionResetRecommendation(), "request_recommendation"), (ActionAnswerFaq(), "ask_difference")],
)
def test_which_university_is_better_lists_what_each_offers_without_ranking_them(action, intent):
    # Read as asking for a recommendation, it started the questions about the learner.
    messages, _ = run(action, tracker("is delft better than mit", intent))
    assert messages[0]["text"] == NO_UNIVERSITY_RANKING
    assert "TU Delft" in messages[1]["text"] and "MIT" in messages[1]["text"]


def test_does_harvard_do_micromasters_is_a_search():
    t = tracker("does harvard do micromasters", "ask_worth", [entity("institution", "Harvard")])
    messages, _ = run(ActionAnswerFaq(), t)
    assert "Harvard" in messages[0]["text"] and "It can be, especially" not in messages[0]["text"]


@pytest.mark.parametrize(
    ("text", "reply_starts"),
    [
        (
            "hi im a mom of 3 kids, i have maybe 2 hrs a week tops. something in business or marketing?",
            f"I found {found('marketing programmes')} programmes in marketing",
        ),
        (
            "I am a retired mechanical engineer, 68 years old, perhaps in manufacturing or energy. "
            "Is there an age limit?",
            "• MicroMasters: No age limit stated in my sources",
        ),
    ],
)
def test_someone_telling_about_themselves_read_as_off_topic_gets_their_question_answered(text, reply_starts):
    # Both got "Sorry, that's outside what I cover".
    messages, _ = run(ActionOutOfScope(), tracker(text, "out_of_scope"))
    assert messages[0]["text"].startswith(reply_starts)


def test_and_for_a_micromasters_after_the_difference_says_what_it_is():
    # The difference covered both: the same answer again got "I may have misread you".
    t = tracker(
        "and for a MicroMasters?",
        "inform",
        [entity("credential_type", "micromasters")],
        slots={"last_topic": "difference"},
    )
    messages, slots = run(ActionAnswerFollowup(), t)
    assert messages[0]["text"].startswith("MicroMasters program:") and slots["last_topic"] == "definition"


def test_a_topic_question_pointing_into_the_list_gets_that_programmes_answer():
    # "how long does the third one take" got the general length answer.
    ids = ["mitx_sds", "ucsd_data_science", "gtx_analytics"]
    t = tracker("how long does the third one take", "ask_duration", slots={"listed_programmes": ids})
    messages, slots = run(ActionAnswerFaq(), t)
    assert (
        messages[0]["text"].startswith(KB.programme("gtx_analytics").title)
        and "• Length and effort:" in (messages[0]["text"])
    )
    assert slots["current_programme"] == "gtx_analytics"


def test_the_cheapest_program_with_no_list_shown_lists_those_with_a_known_price_first():
    # It described one programme whose price is unknown.
    messages, _ = run(ActionAnswerFaq(), tracker("whats the cheapest program", "ask_cost"))
    text = messages[0]["text"]
    assert text.startswith("On price, the programmes I have:")
    assert "not found in my sources" not in text.split("That's the first")[0]


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [
        (ActionBotChallenge(), "are you sure?", "bot_challenge"),  # got "I'm a bot"
        (ActionShowSources(), "how sure are you?", "ask_source"),  # got the sources alone
        (ActionAnswerFaq(), "how confident are you in the price", "ask_cost"),
        (ActionHelp(), "how sure are you", "help"),  # got the help menu
    ],
)
def test_are_you_sure_says_how_far_to_trust_the_answers_and_where_the_last_came_from(action, text, intent):
    _, answered = run(ActionAnswerFaq(), tracker("how much is a micromasters", "ask_cost"))
    messages, _ = run(action, tracker(text, intent, slots=answered))
    reply = messages[0]["text"]
    assert reply.startswith("I'm only as sure as my sources.") and "That came from:" in reply


def test_what_the_sources_dont_cover_points_where_to_check_it():
    # "The program's page on edX is the place to check that" was said of visas and salaries too.
    assert "immigration authority" in uncovered_reply("visas and immigration")
    assert "program's page on edX" in uncovered_reply("printed certificates")


def test_a_subject_the_catalogue_lacks_said_in_a_sentence_is_named_alone():
    # 'I have no programmes in "what about marketing programmes"' echoed the whole sentence.
    slots = {"requested_slot": "subject"}
    t = tracker("what about nursing programmes", "inform", slots=slots, active_loop="recommendation_form")
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert messages[0]["text"].startswith('I have no programmes in "nursing" in my catalogue')


def test_the_certificate_right_after_a_micromasters_means_its_certificate():
    # It was answered for Professional Certificates: "certificate" names that kind.
    t = just_described("mitx_scm", "is the certificate recognised by employers in nigeria", "ask_recognition")
    messages, _ = run(ActionAnswerFaq(), t)
    assert messages[0]["text"].startswith(
        "The MITx MicroMasters Program in Supply Chain Management (SCM) is a MicroMasters"
    )


@pytest.mark.parametrize(
    ("then", "intent", "carried"),
    [("help me choose", "request_recommendation", True), ("start over", "start_over", False)],
)
def test_answers_told_before_the_questions_are_not_asked_again(then, intent, carried):
    # "help me choose" asked the hours again, though the learner had said "2 hrs a week tops".
    said = "hi im a mom of 3 kids, i have maybe 2 hrs a week tops. something in business?"
    history = [
        {"event": "user", "text": "is 10 hours enough for a micromasters?"},  # asked, not told
        {"event": "action", "name": "action_answer_faq"},
        {"event": "user", "text": "ok whch one cheaper"},  # compares; says nothing of a budget
        {"event": "action", "name": "action_answer_faq"},
        {"event": "user", "text": said},
        {"event": "action", "name": "action_out_of_scope"},
        {"event": "user", "text": then},
    ]
    _, slots = run(ActionResetRecommendation(), tracker(then, intent, events=history))
    assert slots["weekly_hours"] == (2.0 if carried else None)
    assert slots["budget"] is None and slots["recommended_credential"] is None


def test_a_programme_compared_with_one_the_catalogue_lacks_says_so():
    # Only the MIT card came, as if Columbia had not been asked about.
    t = tracker("is the mit supply chain micromasters better than the columbia one", "ask_difference")
    messages, slots = run(ActionAnswerFaq(), t)
    assert messages[0]["text"].startswith(
        "I have no MicroMasters programmes in supply chain from Columbia in my catalogue to compare it with."
    )
    assert messages[1]["text"].startswith(KB.programme("mitx_scm").title) and slots["current_programme"] == "mitx_scm"


def test_a_budget_in_another_currency_is_asked_for_in_dollars():
    # "around 40k rupees" became "your budget is about $40,000".
    t = tracker("around 40k rupees", "inform", slots={"requested_slot": "budget"}, active_loop="recommendation_form")
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert slots_set(events) == {"budget": None} and [m["text"] for m in messages] == [OTHER_CURRENCY]


@pytest.mark.parametrize(("text", "intent"), [("ok", "affirm"), ("yes", "affirm")])
def test_ok_or_yes_to_the_subject_question_is_not_a_subject(text, intent):
    # 'I have no programmes in "ok" in my catalogue'.
    t = tracker(text, intent, slots={"requested_slot": "subject"}, active_loop="recommendation_form")
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert slots_set(events) == {"subject": None} and messages == []


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [
        (ActionAnswerFaq(), "is it on edx still", "ask_recognition"),  # got the recognition answer
        (ActionNotUnderstood(), "is it still on edx", "nlu_fallback"),  # got "Sorry, I didn't understand"
        (ActionSearchPrograms(), "still available?", "search_programs"),  # got all 30 programmes
        (ActionAnswerFaq(), "can i still enroll", "ask_admission"),
    ],
)
def test_is_it_still_offered_right_after_a_programme_says_how_old_the_sources_are(action, text, intent):
    messages, _ = run(action, just_described("mitx_sds", text, intent))
    assert "can't tell me whether it is still offered today" in messages[0]["text"]


def test_still_offered_about_another_programme_named_answers_for_that_one():
    # After the UX programme, "and the social work one still exists?" was answered about UX.
    t = just_described("michiganx_ux", "and the social work one still exists?", "inform")
    messages, _ = run(ActionAnswerFollowup(), t)
    assert "Social Work" in messages[0]["text"] and "User Experience" not in messages[0]["text"]


def test_a_retired_programme_is_said_to_be_closed():
    # "can i still enroll" about the retired Microsoft programme got "anyone can sign up for the courses".
    messages, _ = run(
        ActionAnswerFaq(), just_described("microsoft_mpp_data_science", "can i still enroll", "ask_admission")
    )
    assert messages[0]["text"].startswith(
        "No: the Microsoft Professional Program (MPP) in Data Science has been retired"
    )


def test_is_a_micromasters_a_degree_in_weak_english_gets_no():
    # "micromaster give degree?" got the credit answer, "Often yes".
    messages, _ = run(ActionAnswerFaq(), tracker("micromaster give degree?", "ask_credit"))
    assert "Often yes" not in messages[0]["text"] and "not a master's degree" in messages[0]["text"]


@pytest.mark.parametrize(("action", "intent"), [(ActionHelp(), "help"), (ActionNotUnderstood(), "nlu_fallback")])
def test_what_courses_right_after_a_programme_describes_it(action, intent):
    # "what courses" got the help menu.
    messages, _ = run(action, just_described("harvardx_data_science", "what courses", intent))
    assert messages[0]["text"].startswith(KB.programme("harvardx_data_science").title)


def test_exams_or_pace_the_sources_do_not_state_are_said_to_be_unknown():
    # "does it have exams" got "Courses and exams: 4 courses."
    messages, _ = run(
        ActionAnswerFaq(), just_described("columbiax_business_analytics", "does it have exams", "ask_level")
    )
    assert "my sources don't say whether it ends in an exam" in messages[0]["text"]


@pytest.mark.parametrize(
    ("text", "restarts"),
    [("which one should i start with", False), ("help me choose again", True), ("start over", True)],
)
def test_which_one_to_start_with_after_a_recommendation_lists_its_programmes(text, restarts):
    # It restarted the questions and lost every answer.
    slots = {"recommended_credential": "professional_certificate", "subject": "data science", "goal": "skills"}
    messages, set_now = run(ActionResetRecommendation(), tracker(text, "request_recommendation", slots=slots))
    if restarts:
        assert messages == [] and set_now["goal"] is None
    else:
        assert messages[0]["text"].startswith("I recommended a Professional Certificate program for you.")
        # Suggestions leave out the retired Microsoft programme.
        n = found("data science professional certificates", current=True)
        assert messages[1]["text"].startswith(f"I found {n} Professional Certificate programmes in data science")
        assert "goal" not in set_now


def test_a_credential_and_a_topic_in_two_words_is_a_question():
    # "pc credit" got "Thanks for telling me".
    t = tracker("pc credit", "inform", [entity("credential_type", "pc")])
    messages, _ = run(ActionAnswerFollowup(), t)
    assert messages[0]["text"].startswith("Professional Certificate program:")


def test_a_catalogued_subject_in_a_statement_about_oneself_is_not_said_to_be_missing():
    # 'I have no verified programmes in "business analytics"', then business analytics among those there are.
    text = (
        "im a nurse, thinking about moving into healthcare data / analytics, i have maybe 8 hrs a week. what do u think"
    )
    messages, _ = run(ActionAnswerFollowup(), tracker(text, "inform", [entity("subject", "business analytics")]))
    assert messages and not any("I have no verified programmes" in (m.get("text") or "") for m in messages)


def test_the_rit_one_after_a_list_with_one_rit_programme_is_that_one():
    # After a recommendation listing RIT's project management MicroMasters, it described RIT's cybersecurity one.
    t = tracker(
        "tell me about the rit one", "ask_program_info", slots={"listed_programmes": ["ritx_project_management"]}
    )
    messages, _ = run(ActionProgramInfo(), t)
    assert messages[0]["text"].startswith(KB.programme("ritx_project_management").title)


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [(ActionAcknowledge(), "ok continue", "affirm"), (ActionShowMore(), "let's carry on", "show_more")],
)
def test_carry_on_after_stopping_the_questions_resumes_them(action, text, intent):
    # It got "There is nothing to show more of yet".
    messages, events = run_action(action, tracker(text, intent, slots={"goal": "skills", "wants_credit": False}))
    assert [m["text"] for m in messages] == ["Let's carry on where we stopped."]
    assert events == [{"event": "followup", "timestamp": None, "name": "recommendation_form"}]
    nothing_started, _ = run_action(action, tracker(text, intent))
    assert nothing_started[0]["text"] != "Let's carry on where we stopped."


@pytest.mark.parametrize("text", ["philosophy", "nursing?", "journalism?"])
def test_a_field_named_alone_that_the_catalogue_lacks_is_said_to_be_missing(text):
    # It got "OK. What else would you like to know?".
    messages, _ = run(ActionAnswerFollowup(), tracker(text, "inform"))
    assert messages[0]["text"].startswith(f'I have no verified programmes in "{text.strip("?")}"')


def test_the_other_one_right_after_a_recommendation_is_the_other_credential():
    # It listed the recommended kind's programmes again.
    answers = {"goal": "skills", "wants_credit": False, "weekly_hours": 3.0, "budget": 300.0, "subject": "data science"}
    _, events = run_action(ActionRecommend(), tracker(slots=answers))
    history = [
        {"event": "user", "text": "data science"},
        *events,
        {"event": "user", "text": "what about the other one?"},
    ]
    t = tracker("what about the other one?", "show_more", slots={**answers, **slots_set(events)}, events=history)
    messages, slots = run(ActionShowMore(), t)
    assert messages[0]["text"].startswith("The other option is a MicroMasters program.")
    assert messages[1]["text"].startswith("MicroMasters program:") and slots["credential_type"] == "micromasters"


def after_recommending(answers: Dict[str, Any], text: str, intent: str, entities=None) -> Tracker:
    """A tracker for ``text`` right after the recommendation for ``answers``."""
    _, events = run_action(ActionRecommend(), tracker(slots=answers))
    history = [{"event": "user", "text": "my answers"}, *events, {"event": "user", "text": text}]
    return tracker(text, intent, entities, slots={**answers, **slots_set(events)}, events=history)


SUPPLY_CHAIN_LEARNER = {"goal": "graduate", "wants_credit": True, "weekly_hours": 8.0, "budget": 1500.0}


def test_the_mit_one_right_after_a_recommendation_is_the_mit_programme_it_listed():
    # "which one is the MIT one?" got the general difference between the two credentials.
    t = after_recommending(
        {**SUPPLY_CHAIN_LEARNER, "subject": "supply chain"},
        "which one is the MIT one?",
        "ask_difference",
        [entity("institution", "MIT")],
    )
    messages, slots = run(ActionAnswerFaq(), t)
    assert messages[0]["text"].startswith("MITx MicroMasters Program in Supply Chain Management (SCM)")
    assert slots["current_programme"] == "mitx_scm"


def test_which_one_is_the_mit_one_with_two_mit_programmes_recommended_asks_which():
    t = after_recommending(
        {**SUPPLY_CHAIN_LEARNER, "subject": "data science"},
        "which one is the MIT one?",
        "ask_difference",
        [entity("institution", "MIT")],
    )
    messages, _ = run(ActionAnswerFaq(), t)
    assert messages[0]["text"].startswith("Which one do you mean: the MITx MicroMasters Program in Statistics")


def test_what_does_it_cover_right_after_a_programme_gets_its_details_not_the_help_text():
    # It got "I can: • answer questions about edX MicroMasters programs ...".
    messages, _ = run(ActionHelp(), just_described("mitx_scm", "what does it cover?", "help"))
    assert messages[0]["text"].startswith("MITx MicroMasters Program in Supply Chain Management")
    assert "SC1x Supply Chain Fundamentals" in messages[0]["text"]


def test_a_long_story_of_ones_situation_read_as_off_topic_starts_the_questions():
    # A retail worker's situation ending "what should i do??" got "Sorry, that's outside what I cover".
    text = (
        "ok so heres my situation. im 34, i worked in retail for like 10 years. i want to move into data analytics "
        "but i have two kids and i work full time so i only have evenings, maybe 4 hours a week. money is tight, a "
        "few hundred bucks. what should i do??"
    )
    messages, events = run_action(ActionOutOfScope(), tracker(text, "out_of_scope"))
    assert messages[0]["response"] == "utter_start_recommendation"
    assert slots_set(events)["goal"] == "skills"
    assert events[-1]["event"] == "followup" and events[-1]["name"] == "recommendation_form"


def test_a_programmes_price_is_dated_by_the_prices_own_date():
    # DEDP's undated price was footed "As of 2024", the date of other facts about it.
    messages, _ = run(ActionAnswerFaq(), tracker("how much is dedp", "ask_cost"))
    assert "$100-$1,000 per course" in messages[0]["text"] and "\n(Date unknown. Source:" in messages[0]["text"]
    messages, _ = run(ActionAnswerFaq(), tracker("how long is dedp", "ask_duration"))
    assert "(Date unknown." not in messages[0]["text"]


@pytest.mark.parametrize(
    ("text", "intent", "entities"),
    [
        ("how much does the mit blended master semester cost", "ask_cost", [entity("institution", "MIT")]),
        ("micromaster vs masters degree cost", "ask_difference", [entity("credential_type", "micromasters")]),
        ("whats the tuition for the masters after a micromasters", "ask_cost", []),
    ],
)
def test_what_the_masters_costs_is_not_answered_with_the_micromasters_price(text, intent, entities):
    # "how much does the mit blended master semester cost" got "About $1,000 for a typical program".
    messages, _ = run(ActionAnswerFaq(), tracker(text, intent, entities))
    assert "$33,000" in messages[0]["text"] and "HK$217,000" in messages[0]["text"]


def test_the_masters_cost_right_after_a_programme_is_its_own_masters():
    messages, _ = run(ActionAnswerFaq(), just_described("mitx_scm", "how much is the masters?", "ask_cost"))
    assert "• Credit pathway: " in messages[0]["text"] and "SCMb" in messages[0]["text"]


def test_another_provider_read_as_off_topic_is_said_to_be_beyond_my_sources():
    # "is this coursera" got "Sorry, that's outside what I cover".
    messages, _ = run(ActionOutOfScope(), tracker("is this coursera", "out_of_scope"))
    assert messages[0]["text"] == uncovered_reply("bootcamps or other course providers")


def test_its_university_named_right_after_a_programme_still_means_that_programme():
    # "can i get master at MIT after?" after MIT's supply chain programme got the general answer, with DEDP's figures.
    t = just_described("mitx_scm", "can i get master at MIT after?", "ask_admission")
    t.latest_message["entities"] = [entity("institution", "MIT")]
    messages, _ = run(ActionAnswerFaq(), t)
    assert messages[0]["text"].startswith(KB.programme("mitx_scm").title) and "SCMb" in messages[0]["text"]


def test_linkedin_is_said_to_be_beyond_my_sources():
    # "can I put it on linkedin?" got the recognition answer again, then "I may have misread you".
    messages, _ = run(ActionAnswerFaq(), tracker("can i put it on linkedin", "ask_recognition"))
    assert messages[0]["text"].startswith("My sources don't cover sharing a certificate on LinkedIn or a CV")


def test_the_other_one_later_after_a_recommendation_is_still_the_other_credential():
    # After "which one should i start with?", it said "That's all the programmes I have for that search".
    slots = {"recommended_credential": "professional_certificate", "listed_programmes": ["michiganx_ux"]}
    messages, _ = run(ActionShowMore(), tracker("what about the other one?", "show_more", slots=slots))
    assert messages[0]["text"].startswith("The other option is a MicroMasters program.")


def test_a_word_of_a_subject_name_lists_that_subject():
    # "something in data?" got 'I have no verified programmes in "data"'.
    text = "hi! im a teacher in kenya, i have maybe 2 hrs/day. something in data?"
    messages, _ = run(ActionAnswerFollowup(), tracker(text, "inform"))
    assert messages[0]["text"].startswith(f"I found {found('data science programmes')} programmes in data science")


def test_is_the_second_one_still_on_edx_points_into_the_list():
    t = tracker(
        "is the second one still on edx?",
        "ask_recognition",
        slots={"listed_programmes": ["mitx_scm", "microsoft_mpp_data_science"]},
    )
    messages, _ = run(ActionAnswerFaq(), t)
    assert messages[0]["text"].startswith(
        "No: the Microsoft Professional Program (MPP) in Data Science has been retired"
    )


def test_the_mit_one_with_two_mit_programmes_listed_asks_which():
    ids = ["harvardx_data_science", "mitx_sds", "ucsd_data_science", "mitx_dedp"]
    t = tracker("the mit one", "nlu_fallback", [entity("institution", "MIT")], slots={"listed_programmes": ids})
    messages, slots = run(ActionNotUnderstood(), t)
    assert messages[0]["text"].startswith(f"Which one do you mean: the {KB.programme('mitx_sds').title} or the")
    assert slots["listed_programmes"] == ["mitx_sds", "mitx_dedp"]  # "the second one" then picks DEDP


def test_the_12th_one_right_after_the_third_page_is_that_result():
    # "the 12th one" after results 11-15 got "OK. What else would you like to know?".
    t = after("micromasters programs", ActionSearchPrograms(), "search_programs", "show more", "show_more")
    _, page2 = run_action(ActionShowMore(), t)
    history = [*t.events, {"event": "action", "name": "action_show_more"}, *page2, {"event": "user", "text": "x"}]
    t3 = tracker("show more", "show_more", slots={**t.slots, **slots_set(page2)}, events=history)
    _, page3 = run_action(ActionShowMore(), t3)
    ids = slots_set(page3)["listed_programmes"]
    history3 = [
        *history,
        {"event": "action", "name": "action_show_more"},
        *page3,
        {"event": "user", "text": "the 12th one"},
    ]
    t12 = tracker("the 12th one", "affirm", slots={**t3.slots, **slots_set(page3)}, events=history3)
    messages, _ = run(ActionAcknowledge(), t12)
    assert messages[0]["text"].startswith(KB.programme(ids[1]).title)


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("what if i had more money?", "With no fixed budget, I'd still recommend a Professional Certificate program."),
        ("and if I had more time?", "With more than 10 hours a week, I'd still recommend a Professional Certificate"),
    ],
)
def test_a_what_if_without_a_figure_says_what_the_recommendation_would_be(text, reply):
    # It got the general cost or length answer.
    answers = {"goal": "skills", "wants_credit": False, "weekly_hours": 3.0, "budget": 300.0, "subject": "data science"}
    slots = {**answers, "recommended_credential": "professional_certificate"}
    messages, changed = run(ActionAnswerFaq(), tracker(text, "ask_cost", slots=slots))
    assert messages[0]["text"].startswith(reply) and changed == {}


def test_a_what_if_that_tips_the_balance_says_instead():
    answers = {"goal": "graduate", "wants_credit": False, "weekly_hours": 3.0, "budget": 300.0, "subject": "any"}
    slots = {**answers, "recommended_credential": "professional_certificate"}
    messages, _ = run(ActionAnswerFaq(), tracker("what if i had more time and more money?", "ask_cost", slots=slots))
    assert "I'd recommend a MicroMasters program instead" in messages[0]["text"]


def test_which_of_those_is_from_mit_read_as_a_question_of_sources_narrows_the_list():
    # It listed the sources of the list.
    t = after(
        "data science programmes",
        ActionSearchPrograms(),
        "search_programs",
        "which of those is from MIT?",
        "ask_source",
    )
    t.latest_message["entities"] = [entity("institution", "MIT")]
    messages, _ = run(ActionShowSources(), t)
    assert messages[0]["text"].startswith("I found 2 programmes in data science from MIT")


def test_a_programmes_kind_line_does_not_come_before_my_answer_just_above_stands():
    # "The X is a MicroMasters … in general:" then "My answer … would be the same" read garbled.
    worth = faq_reply(KB, "worth", "micromasters").text
    history = [
        {"event": "user", "text": "tell me about the mit supply chain one"},
        {"event": "slot", "name": "current_programme", "value": "mitx_scm"},
        {"event": "bot", "text": worth},
        {"event": "user", "text": "is it worth it"},
    ]
    t = tracker("is it worth it", "ask_worth", slots={"current_programme": "mitx_scm"}, events=history)
    messages, _ = run(ActionAnswerFaq(), t)
    assert [m["text"] for m in messages] == [ALREADY_ANSWERED]  # the kind line alone is not said


@pytest.mark.parametrize("text", ["thanks, bye", "cheers, see you", "ok thank you, goodbye"])
def test_a_goodbye_that_thanks_is_thanked_too(text):
    # "thanks, bye" read as goodbye (not thanks) got the plain goodbye, without "You're welcome".
    messages, _ = run(ActionGoodbye(), tracker(text, "goodbye"))
    assert [m.get("text") for m in messages] == [THANKS_AND_GOODBYE_REPLY]


def test_goodbye_says_goodbye_but_a_question_misread_as_one_is_answered():
    # "ok so columbia or GT? pick one" after a recommendation got "Goodbye, and good luck".
    bye, _ = run(ActionGoodbye(), tracker("bye for now", "goodbye"))
    assert [m.get("text") for m in bye] == [GOODBYE_REPLY]
    asked = tracker(
        "ok so columbia or GT? pick one",
        "goodbye",
        [entity("institution", "Columbia"), entity("institution", "Georgia Tech")],
    )
    messages, _ = run(ActionGoodbye(), asked)
    assert messages and all(m.get("text") != GOODBYE_REPLY for m in messages)
    assert "Columbia" in messages[0]["text"]


@pytest.mark.parametrize(
    ("text", "intent", "kind"),
    [
        ("will a micromasters get me a job", "ask_worth", "micromasters"),
        ("can a professional certificate guarantee a job?", "ask_admission", "professional_certificate"),
    ],
)
def test_asking_whether_it_gets_me_a_job_says_no_credential_guarantees_one(text, intent, kind):
    """ "Will a micromasters get me a job?" got "It can be ...", which reads as a yes."""
    messages, _ = run(ActionAnswerFaq(), tracker(text, intent, [entity("credential_type", kind)]))
    assert messages[0]["text"].startswith("No credential guarantees a job")
    assert messages[1]["text"].startswith(f"{'MicroMasters' if kind == 'micromasters' else 'Professional Certificate'}")


def test_how_much_i_will_earn_is_not_answered_with_the_cost():
    messages, _ = run(ActionAnswerFaq(), tracker("how much will i earn after", "ask_cost"))
    assert messages[0]["text"].startswith("My sources don't cover salaries")


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [
        (ActionGoodbye, "that's outdated, prices have gone up a lot since 2018", "goodbye"),
        (ActionOutOfScope, "your prices are from 2018, that's old", "out_of_scope"),
        (ActionOutOfScope, "is the $1,350 still correct today?", "out_of_scope"),
        (ActionShowSources, "is ur info up to date?", "ask_source"),
        (ActionAnswerFaq, "are these prices still valid", "ask_cost"),
    ],
)
def test_whether_my_facts_are_current_gets_how_old_they_are(action, text, intent):
    """It got "Goodbye, and good luck", "outside what I cover" or a list of sources."""
    cited = [{"source_id": "mit_scm_faq", "as_of": "2019", "verified": True}]
    messages, _ = run(action(), tracker(text, intent, slots={"last_citations": cited}))
    assert len(messages) == 1 and messages[0]["text"].startswith("My facts are only as current as my sources")
    assert "check the programme's page on edX" in messages[0]["text"]
    assert messages[0]["text"].endswith("My last answer: as of 2019.")


def test_how_many_programmes_edx_has_is_answered_with_the_history_not_my_catalogue():
    # "how many micromasters does edx have?" got "I found 25 MicroMasters programmes", as if that were edX's count.
    asked = tracker(
        "how many micromasters does edx have?", "search_programs", [entity("credential_type", "micromasters")]
    )
    messages, slots = run(ActionSearchPrograms(), asked)
    assert messages[0]["text"].startswith("MicroMasters program: I won't give a current number")
    assert slots["last_topic"] == "how_many" and slots["last_citations"]
    assert "46 from 25 institutions" in messages[0]["text"]
    listed, _ = run(
        ActionSearchPrograms(),
        tracker("list the micromasters", "search_programs", [entity("credential_type", "micromasters")]),
    )
    n = found("micromasters")
    assert listed[0]["text"].startswith(f"My catalogue has {n} MicroMasters programmes (only those I could verify")


def test_a_question_read_as_stop_outside_the_questions_is_not_waved_through():
    # "if I stop now do I get anything for the 2 courses I did?" got "OK. What else would you like to know?".
    asked, _ = run(ActionAcknowledge(), tracker("if I stop now do I get anything for the 2 courses I did?", "stop"))
    assert [m["text"] for m in asked] == [NOT_UNDERSTOOD]
    plain, _ = run(ActionAcknowledge(), tracker("stop", "stop"))
    assert plain[0]["text"].startswith("OK. What else")


@pytest.mark.parametrize(
    ("action", "intent", "text"),
    [
        (ActionAnswerFaq, "ask_credit", "does a micromasters count toward a bachelors degree?"),
        (ActionSearchPrograms, "search_programs", "what are microbachelors programs"),
        (ActionProgramInfo, "ask_program_info", "what is xseries on edx"),
    ],
)
def test_edx_s_other_credentials_and_bachelor_s_credit_get_their_answer(action, intent, text):
    # "Often yes" for credit toward a bachelor's; 'no verified programmes in "microbachelors"'.
    messages, slots = run(
        action(), tracker(text, intent, [entity("credential_type", "micromasters")] if "micromasters" in text else [])
    )
    assert "MicroBachelors (launched January 2020)" in messages[0]["text"]
    assert "none to a bachelor's" in messages[0]["text"] and slots["last_topic"] == "other_credentials"


def test_is_it_on_edx_after_a_programme_that_moved_gives_its_platform():
    # After DEDP (now on MITx Online): "The credential is issued by the university through edX".
    messages, _ = run(ActionAnswerFaq(), just_described("mitx_dedp", "is it on edx?", "ask_recognition"))
    assert "Platform: MITx Online" in messages[0]["text"]
    assert "through edX" not in messages[0]["text"]


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [(ActionHelp, "ok can you just help me pick", "help"), (ActionAcknowledge, "ok lets do the questions", "stop")],
)
def test_asking_for_the_questions_in_other_words_starts_them(action, text, intent):
    # They got the help menu and "OK. What else would you like to know?".
    messages, events = run_action(action(), tracker(text, intent))
    assert messages[0]["response"] == "utter_start_recommendation"
    assert events[-1]["name"] == "recommendation_form"


def test_a_topic_question_read_as_help_is_answered():
    # "what do people usually spend?" got the help menu.
    messages, slots = run(ActionHelp(), tracker("what do people usually spend?", "help"))
    assert "$1,000" in messages[0]["text"] and slots["last_topic"] == "cost"


def test_a_catalogued_programme_asked_about_in_a_long_off_topic_reading_is_described():
    # It got "Sorry, that's outside what I cover" though the IIMBx MicroMasters is in the catalogue.
    text = (
        "Hello sir, I am working in Bangalore as software tester 4 years. Want to move to management side. "
        "IIM Bangalore micromasters is good option?"
    )
    named = [entity("institution", "IIM Bangalore"), entity("credential_type", "micromasters")]
    messages, slots = run(ActionOutOfScope(), tracker(text, "out_of_scope", named))
    # (IIM Bangalore has two MicroMasters since the catalogue additions: both are listed.)
    n = found("iim bangalore micromasters")
    assert messages[0]["text"].startswith(f"I found {n} MicroMasters programmes from IIM Bangalore")
    assert "iimbx_business_management" in slots["listed_programmes"]
    pizza, _ = run(
        ActionOutOfScope(), tracker("a good pizza place near mit", "out_of_scope", [entity("institution", "MIT")])
    )
    assert pizza[0]["text"] == OUT_OF_SCOPE


def test_is_it_a_real_master_s_and_can_i_put_it_on_my_cv_says_it_is_no_degree():
    # It got "My sources don't cover sharing a certificate on LinkedIn or a CV".
    text = "is a micromasters a real masters degree? can I write MS on my CV"
    messages, _ = run(ActionAnswerFaq(), tracker(text, "ask_credit", [entity("credential_type", "micromasters")]))
    assert messages[0]["text"].startswith("MicroMasters program: No. A MicroMasters program is not a master's degree")


@pytest.mark.parametrize(("intent", "action"), [("show_more", ActionShowMore), ("inform", ActionAnswerFollowup)])
def test_and_for_the_other_one_after_one_credential_s_answer_is_the_other_credential(intent, action):
    # "There is nothing to show more of yet."
    t = after("how long does a micromasters take", ActionAnswerFaq(), "ask_duration", "and for the other one?", intent)
    assert t.get_slot("credential_type") == "micromasters"
    messages, slots = run(action(), t)
    assert (
        messages[0]["text"].startswith("Professional Certificate program:")
        and slots["credential_type"] == "professional_certificate"
    )


@pytest.mark.parametrize(
    ("action", "intent", "text"),
    [
        (ActionOutOfScope, "out_of_scope", "when did 2u buy edx"),
        (ActionAcknowledge, "affirm", "did 2u go bankrupt"),
        (ActionAnswerFaq, "ask_definition", "when was edx founded"),
    ],
)
def test_questions_about_edx_s_history_get_its_answer(action, intent, text):
    # "That's outside what I cover", "OK. What else would you like to know?", "I may have misread you".
    messages, slots = run(action(), tracker(text, intent))
    assert "founded by Harvard and MIT in 2012" in messages[0]["text"] and slots["last_topic"] == "about_edx"


@pytest.mark.parametrize(
    ("programme", "text", "intent", "expected"),
    [
        ("hkpolyux_hospitality", "how much is the msc", "ask_cost", "HK$217,000"),
        ("mitx_scm", "what degree do I get at the end", "ask_definition", "SCMb"),
    ],
)
def test_a_question_about_the_master_s_a_programme_leads_to_gets_its_pathway(programme, text, intent, expected):
    # "Price: not found in my sources" for PolyU's MSc; the general MicroMasters definition for SCM's degree.
    messages, _ = run(ActionAnswerFaq(), just_described(programme, text, intent))
    assert "• Credit pathway:" in messages[0]["text"] and expected in messages[0]["text"]


def test_a_programme_named_before_the_question_is_found():
    # "I couldn't find that programme in my catalogue": only the final question was searched.
    text = (
        "I already finished 2 of the 5 courses in the MIT supply chain micromasters. I am losing steam. "
        "Would switching to a professional certificate make more sense?"
    )
    named = [
        entity("institution", "MIT"),
        entity("subject", "supply chain"),
        entity("credential_type", "micromasters"),
        entity("credential_type", "professional_certificate"),
    ]
    messages, slots = run(ActionProgramInfo(), tracker(text, "ask_program_info", named))
    assert messages[0]["text"].startswith("MITx MicroMasters Program in Supply Chain Management")
    assert slots["current_programme"] == "mitx_scm"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("where did I say I want a skill quickly? I didn't", "ask_duration"),
        ("who said my budgt is small??", "ask_level"),
        ("but I said I dont care about credit. why would I pay for a micromasters then?", "ask_credit"),
    ],
)
def test_pushing_back_on_a_reason_gets_the_answers_held_and_how_to_change_them(text, intent):
    # They got the FAQ answer of a word they used: Professional Certificate length, level, "Often yes".
    answers = {"goal": "skills", "wants_credit": False, "weekly_hours": 3.0, "budget": 300.0, "subject": "data science"}
    slots = {**answers, "recommended_credential": "professional_certificate"}
    messages, changed = run(ActionAnswerFaq(), tracker(text, intent, slots=slots))
    assert messages[0]["text"].startswith("Sorry if I read you wrong. These are the answers I took from what you said")
    assert "To change an answer, just tell me" in messages[0]["text"] and changed == {}


def test_pushing_back_with_a_different_answer_changes_it():
    answers = {"goal": "skills", "wants_credit": False, "weekly_hours": 10.0, "budget": 0.0, "subject": "finance"}
    slots = {**answers, "recommended_credential": "professional_certificate"}
    text = "Where did you get that I have nothing to spend? I said money isn't an issue."
    messages, changed = run(ActionAnswerFaq(), tracker(text, "ask_worth", slots=slots))
    assert messages[0]["text"] == "Got it: your budget is now no fixed limit." and changed["budget"] == NO_BUDGET_LIMIT


@pytest.mark.parametrize(
    ("earlier", "subject"),
    [
        (["supply chain maybe?"], "supply chain"),
        (["tell me about the MIT supply chain micromasters", "how long is it"], "supply chain"),
        (["any finance programmes?", "and data science?"], None),  # two subjects: asked which
    ],
)
def test_a_subject_named_before_the_questions_is_not_asked_again(earlier, subject):
    # "skipping what you've already told me", then "Which subject are you interested in?".
    history = []
    for text in earlier:
        history += [{"event": "user", "text": text}, {"event": "action", "name": "action_answer_faq"}]
    history.append({"event": "user", "text": "help me choose"})
    messages, slots = run(
        ActionResetRecommendation(), tracker("help me choose", "request_recommendation", events=history)
    )
    assert slots.get("subject") == subject
    if subject:
        assert messages[0]["text"] == f"From what you said before: your subject is {subject}. Tell me if that's wrong."


@pytest.mark.parametrize(
    ("action", "intent", "text", "start"),
    [
        (
            ActionAnswerFaq,
            "ask_worth",
            "I read MicroMasters are typically five or more courses. True?",
            "MicroMasters program: Usually 4 to 6",
        ),
        (
            ActionAnswerFaq,
            "ask_worth",
            "And Professional Certificates are typically 3 to 5 courses?",
            "Professional Certificate program: It varies",
        ),
        (
            ActionSearchPrograms,
            "search_programs",
            "Do MicroMasters usually have at least five courses?",
            "MicroMasters program: Usually 4 to 6",
        ),
        (
            ActionBotChallenge,
            "bot_challenge",
            "I read that a MicroMasters costs tens of thousands of dollars. Is that right?",
            "MicroMasters program: A typical program cost about $1,000",
        ),
    ],
)
def test_the_article_s_claims_checked_by_a_learner_get_the_corrected_answer(action, intent, text, start):
    # The worth answer ("It can be ...") read as a yes; "I'm only as sure as my sources" for the cost.
    kinds = [k for k in ("micromasters", "professional_certificate") if k.split("_")[0] in text.lower()]
    messages, _ = run(action(), tracker(text, intent, [entity("credential_type", k) for k in kinds]))
    assert messages[0]["text"].startswith(start)


def _form_turn(text, intent, requested, **answers):
    slots = {"requested_slot": requested, **answers}
    return run_action(
        ValidateRecommendationForm(), tracker(text, intent, slots=slots, active_loop="recommendation_form")
    )


@pytest.mark.parametrize(
    ("text", "intent", "credit"),
    [
        ("yes or no?", "affirm", None),  # asks for a verdict; it was stored as "credit matters"
        ("would credit help me get a promotion?", "ask_credit", None),  # a question, though it says "me"
        ("credit? meh, maybe later", "inform", False),
        ("obviously yes, I said I want a masters", "inform", True),
    ],
)
def test_the_credit_question_is_answered_only_by_answers(text, intent, credit):
    _, events = _form_turn(text, intent, "wants_credit", goal="graduate")
    assert slots_set(events).get("wants_credit") is credit


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Actually, wait. I have been thinking and I might want to do a masters eventually.", "inform"),
        ("I told you 4 hours", "inform"),
        ("nothing in nursing at all?? what else do you have for a small clinic", "inform"),
    ],
)
def test_a_sentence_said_to_the_subject_question_is_not_taken_for_a_subject(text, intent):
    # 'I have no programmes in "Actually, wait. I have been thinking ..."' and "I told you 4 hours" as subjects.
    _, events = _form_turn(text, intent, "subject", goal="skills", wants_credit=False, weekly_hours=4.0, budget=400.0)
    assert slots_set(events).get("subject") in (None,)


def test_a_degree_already_held_is_not_the_subject_wanted():
    text = "I have a bachelors in economics, I want to eventually do a masters in data science"
    _, events = _form_turn(
        text, "inform", "subject", goal="graduate", wants_credit=True, weekly_hours=15.0, budget=1500.0
    )
    assert slots_set(events)["subject"] == "data science"


def test_a_tiny_plain_number_said_to_the_budget_question_is_asked_about():
    # "maybe 12" (meant as hours) became "your budget is about $12".
    messages, events = _form_turn("maybe 12", "inform", "budget", goal="graduate")
    assert slots_set(events)["budget"] is None and messages[0]["text"].startswith("Just $12 for the whole credential?")
    _, dollars = _form_turn("$12", "inform", "budget", goal="graduate")
    assert slots_set(dollars)["budget"] == 12.0


def test_where_i_said_disputes_an_answer_rather_than_asking_for_sources():
    # "where i said i have 2000?" got "That came from:" and 12 source links.
    answers = {
        "goal": "skills",
        "wants_credit": False,
        "weekly_hours": 3.0,
        "budget": 2000.0,
        "subject": "data science",
    }
    slots = {**answers, "recommended_credential": "professional_certificate"}
    messages, _ = run(ActionShowSources(), tracker("where i said i have 2000?", "ask_source", slots=slots))
    assert messages[0]["text"].startswith("Sorry if I read you wrong.")
    denied, _ = run(ActionAcknowledge(), tracker("I never told you my goal", "deny", slots=slots))
    assert denied[0]["text"].startswith("Sorry if I read you wrong.")


@pytest.mark.parametrize(
    ("action", "intent", "text", "start"),
    [
        (
            ActionAnswerFaq,
            "ask_credit",
            "wait one more q: does a micromasters count as a degree?",
            "MicroMasters program: No.",
        ),
        (
            ActionAcknowledge,
            "affirm",
            "I am 52 and changing careers from teaching. Is it too late?",
            "• MicroMasters: No age limit",
        ),
        (ActionAcknowledge, "affirm", "just yes or no please", "I can't honestly give one yes or no"),
        (
            ActionAnswerFaq,
            "ask_definition",
            "this is probably useless but whatever. what is a micromasters",
            "MicroMasters program:",
        ),
        (
            ActionAnswerFaq,
            "ask_definition",
            "who issues a micromasters certificate?",
            "• MicroMasters: Recognised by universities",
        ),
        (
            ActionAnswerFaq,
            "ask_cost",
            "is edX free?",
            "• MicroMasters: Auditing is free",
        ),
        (
            ActionAnswerFaq,
            "ask_duration",
            "how many people have finished a micromasters?",
            "MicroMasters program: My sources have no overall figure",
        ),
        (
            ActionSearchPrograms,
            "search_programs",
            "how many programmes do you have in total?",
            f"My catalogue has {len(KB.programmes)} programmes",
        ),
        (
            ActionThank,
            "thank",
            "ok thanks. is that on edX?",
            "edX is an online course platform, not a university",
        ),
    ],
)
def test_questions_new_users_asked_in_their_own_words_get_their_answer(action, intent, text, start):
    # "Often yes" (a degree?), "OK. What else would you like to know?", "Sorry that wasn't helpful".
    kinds = [entity("credential_type", "micromasters")] if "micromasters" in text else []
    messages, _ = run(action(), tracker(text, intent, kinds))
    assert messages[0]["text"].startswith(start)


def test_thanks_with_leaving_for_now_ends_the_questions():
    # "ok thank you, I will talk to him tonight" got "You're welcome!" and the pending question again.
    messages, events = run_action(
        ActionThank(), tracker("ok thank you, I will talk to him tonight", "thank", active_loop="recommendation_form")
    )
    assert {"event": "active_loop", "timestamp": None, "name": None} in events


def test_a_topic_no_programme_has_read_as_a_search_gets_its_answer():
    # "exist financial help?" got "My catalogue has 30 programmes" and a list.
    messages, slots = run(ActionSearchPrograms(), tracker("exist financial help?", "search_programs"))
    assert "90% discount" in messages[0]["text"] and slots["last_topic"] == "financial_aid"


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("what if i had 15 hours a week", "With about 15 hours a week, I'd recommend a MicroMasters program instead."),
        (
            "what if I had $5000?",
            "With a budget of about $5,000, I'd recommend a MicroMasters program instead.",
        ),
    ],
)
def test_a_what_if_with_a_figure_says_what_the_recommendation_would_be_and_keeps_the_answers(text, reply):
    # "what if I had $5000?" overwrote the real budget, and "why?" then showed $5,000.
    messages, slots = run(ActionAnswerFaq(), tracker(text, "ask_cost", slots=RECOMMENDED))
    assert messages[0]["text"].startswith(reply) and slots == {}


def test_asking_for_the_verdict_after_two_answers_recommends_with_what_was_told():
    # "hmm so now what do you recommend" got "That's what these questions are for" every time.
    messages, events = _form_turn(
        "hmm so now what do you recommend", "request_recommendation", "wants_credit", goal="graduate", weekly_hours=15.0
    )
    assert messages[0]["text"] == RECOMMENDING_WITH_WHAT_I_HAVE
    assert slots_set(events) == {"wants_credit": "unsure", "budget": "unsure", "subject": "any"}
    early, _ = _form_turn("what would you recommend?", "request_recommendation", "wants_credit", goal="graduate")
    assert early[0]["text"] == ALREADY_CHOOSING


def test_not_knowing_what_credit_is_is_no_answer_to_the_credit_question():
    # "i dont know what is credit" was recorded as "credit doesn't matter".
    _, events = _form_turn("i dont know what is credit", "inform", "wants_credit", goal="skills")
    assert slots_set(events) == {"wants_credit": None}


@pytest.mark.parametrize(
    ("action", "intent", "text", "start"),
    [
        (
            ActionProgramInfo,
            "ask_program_info",
            "Tell me about the Stanford MicroMasters in Computer Science.",
            "I have no programmes from Stanford",
        ),
        (
            ActionSearchPrograms,
            "search_programs",
            "What MicroMasters does Galileo University offer?",
            "I have no programmes from Galileo University",
        ),
        (
            ActionProgramInfo,
            "ask_program_info",
            "is the nyu data science micromasters good",
            "I have no programmes from NYU",
        ),
    ],
)
def test_a_university_my_catalogue_has_nothing_from_is_said_to_be_missing(action, intent, text, start):
    # The UBC programme was described as if it were Stanford's; NYU's question got MIT's SDS card.
    messages, _ = run(action(), tracker(text, intent, [entity("credential_type", "micromasters")]))
    assert messages[0]["text"].startswith(start)
    assert "Stanford" not in text or "UBCx MicroMasters Program in Software Development" in messages[0]["text"]


def test_the_subject_button_s_payload_answers_the_subject_question():
    # The payload carries no words: the subject was dropped as "named only as a degree held", and the
    # form ended in "Sorry, I didn't understand that".
    slots = {"requested_slot": "subject", "goal": "skills", "wants_credit": False, "weekly_hours": 4.0, "budget": 499.0}
    payload = tracker(
        '/inform{"subject":"data science"}', "inform", [entity("subject", "data science")], slots, "recommendation_form"
    )
    _, events = run_action(ValidateRecommendationForm(), payload)
    assert slots_set(events) == {"subject": "data science"}


def test_harvard_extension_s_graduate_certificate_is_not_taken_for_harvardx_s_certificate():
    # The HarvardX Professional Certificate card came, as if it were the Extension School's credit-bearing one.
    text = "Tell me about the Harvard Extension Graduate Certificate in Data Science."
    messages, _ = run(ActionProgramInfo(), tracker(text, "ask_program_info", [entity("institution", "Harvard")]))
    assert (
        messages[0]["text"].startswith("I could not confirm it as an edX credential")
        and "$11,500" in messages[0]["text"]
    )


def test_the_microsoft_programme_is_not_called_a_professional_certificate():
    text = "Tell me about the Microsoft Professional Program in Data Science."
    messages, _ = run(ActionProgramInfo(), tracker(text, "ask_program_info", [entity("institution", "Microsoft")]))
    assert messages[0]["text"].startswith(
        "Microsoft Professional Program (MPP) in Data Science (Microsoft, a separate edX program type"
    )


def test_why_not_a_named_programme_after_the_recommendation_says_what_weighs_against_it():
    # "why not the MIT one?" (team with 3-4 hours a week) got the whole MIT card, never the 8-12 hours.
    answers = {
        "goal": "skills",
        "wants_credit": False,
        "weekly_hours": 3.5,
        "budget": 1_000_000.0,
        "subject": "supply chain",
    }
    slots = {**answers, "recommended_credential": "professional_certificate"}
    t = tracker("why not the mit supply chain one", "ask_why", [entity("institution", "MIT")], slots=slots)
    messages, changed = run(ActionExplainRecommendation(), t)
    text = messages[0]["text"]
    assert text.startswith(
        "The MITx MicroMasters Program in Supply Chain Management (SCM) is worth a look, but it is a"
    )
    assert "it asks 8-12 hours a week, and you have about 3.5 hours a week" in text
    assert changed["current_programme"] == "mitx_scm"


def test_a_short_subject_name_read_as_another_intent_answers_the_subject_question():
    # "DS" was read as a greeting, and the greeting came again.
    _, events = _form_turn(
        "DS", "greet", "subject", goal="skills", wants_credit=False, weekly_hours=10.0, budget=1000.0
    )
    assert slots_set(events) == {"subject": "data science"}


def test_k_so_if_no_credit_is_a_what_if():
    # "k so if no credit?" after the recommendation got the credit answer "Often yes ...".
    messages, changed = run(ActionAnswerFaq(), tracker("k so if no credit?", "ask_credit", slots=RECOMMENDED))
    assert messages[0]["text"].startswith("With credit not mattering, I'd") and changed == {}


def test_answers_told_without_saying_i_before_the_questions_are_carried():
    # "no credit needed" before "help me choose" was asked again.
    history = [
        {"event": "user", "text": "they have about 4 hours a week"},
        {"event": "action", "name": "action_answer_faq"},
        {"event": "user", "text": "no credit needed"},
        {"event": "action", "name": "action_answer_faq"},
        {"event": "user", "text": "ok help me choose for them"},
    ]
    _, slots = run(
        ActionResetRecommendation(), tracker("ok help me choose for them", "request_recommendation", events=history)
    )
    assert slots["wants_credit"] is False and slots["weekly_hours"] == 4.0


@pytest.mark.parametrize(
    ("action", "intent", "text"),
    [
        (ActionNotUnderstood, "nlu_fallback", "what if I had $2000?"),
        (ActionProgramInfo, "ask_program_info", "hmm, what if I had more time, like 15 hours a week?"),
    ],
)
def test_a_what_if_after_the_recommendation_is_answered_whatever_it_was_read_as(action, intent, text):
    # "Sorry, I didn't understand that" and a programme card.
    messages, changed = run(action(), tracker(text, intent, slots=RECOMMENDED))
    assert messages[0]["text"].startswith("With ") and changed == {}


def test_how_much_after_a_credential_s_definition_is_its_cost():
    # "There is nothing to show more of yet."
    t = after("what is a MicroMasters?", ActionAnswerFaq(), "ask_definition", "how much?", "show_more")
    messages, _ = run(ActionShowMore(), t)
    assert messages[0]["text"].startswith("MicroMasters program: A typical program cost about $1,000")


def test_several_answers_in_one_message_keep_credit_in_its_own_clause():
    # "credit matters, 10+ hours, no budget limit" was read as "credit doesn't matter".
    text = "deep expertise, credit matters, 10+ hours, no budget limit, supply chain"
    _, events = _form_turn(text, "inform", "goal")
    assert slots_set(events)["wants_credit"] is True


def test_a_university_s_name_is_no_topic_of_a_search():
    # 'I have no verified MicroMasters programmes in "tu" from TU Delft'
    named = [entity("institution", "TU Delft"), entity("credential_type", "micromasters")]
    messages, _ = run(ActionSearchPrograms(), tracker("does TU Delft have any micromasters?", "search_programs", named))
    assert messages[0]["text"].startswith("I found 1 MicroMasters programme from TU Delft")


def test_pushback_read_as_asking_for_a_recommendation_does_not_restart_the_questions():
    # "that doesnt seem right, I only have 4 hours and 400 bucks" asked all five questions again.
    answers = {
        "goal": "graduate",
        "wants_credit": True,
        "weekly_hours": 4.0,
        "budget": 400.0,
        "subject": "supply chain",
    }
    slots = {**answers, "recommended_credential": "micromasters"}
    text = "that doesnt seem right, I only have 4 hours and 400 bucks"
    messages, changed = run(ActionResetRecommendation(), tracker(text, "request_recommendation", slots=slots))
    assert messages[0]["text"].startswith("Sorry if I read you wrong.") and "goal" not in changed


def test_what_is_a_named_programme_describes_it():
    # "what is DEDP?" got "... is a MicroMasters program. What I know about MicroMasters programs in general".
    messages, slots = run(ActionAnswerFaq(), tracker("what is DEDP?", "ask_definition"))
    assert messages[0]["text"].startswith(
        "MITx MicroMasters Program in Data, Economics, and Development Policy (DEDP) (MIT"
    )
    assert slots["current_programme"] == "mitx_dedp"


def test_both_goals_leave_the_goal_open():
    # "both really, I want job skills but also maybe a masters later" was stored as a quick job skill.
    messages, events = _form_turn("both really, I want job skills but also maybe a masters later", "inform", "goal")
    assert slots_set(events)["goal"] == "unsure"


@pytest.mark.parametrize(
    ("text", "requested", "slot", "value"),
    [
        ("credit would be nice but not essential", "wants_credit", "wants_credit", False),  # was "matters"
        ("not sure, maybe later a masters", "wants_credit", "wants_credit", "unsure"),  # "A simple yes or no" x4
        ("Just for interest really", "goal", "goal", "unsure"),  # "Sorry, I didn't catch your goal" forever
        ("5-10", "weekly_hours", "weekly_hours", 7.5),  # the button's range typed
    ],
)
def test_answers_a_fifth_helper_found_unread_are_read(text, requested, slot, value):
    _, events = (
        _form_turn(text, "inform", requested, goal="skills")
        if requested != "goal"
        else _form_turn(text, "inform", "goal")
    )
    assert slots_set(events)[slot] == value


def test_a_budget_in_euros_said_early_is_acknowledged():
    # "my parents would pay maybe €1000", said to the goal question, was dropped without a word.
    messages, events = _form_turn("my parents would pay maybe €1000", "inform", "goal")
    assert messages[0]["text"] == OTHER_CURRENCY_LATER and "budget" not in slots_set(events)


@pytest.mark.parametrize(
    ("programme", "text", "intent", "reply"),
    [
        (
            "mitx_scm",
            "which uni is it from?",
            "ask_source",
            "The MITx MicroMasters Program in Supply Chain Management (SCM) is from MIT.",
        ),
        (
            "mitx_scm",
            "is that harvard?",
            "ask_source",
            "No: the MITx MicroMasters Program in Supply Chain Management (SCM) is from MIT.",
        ),
    ],
)
def test_which_university_a_programme_is_from_is_answered_not_sourced(programme, text, intent, reply):
    # "That came from:" and a list of links.
    messages, _ = run(ActionShowSources(), just_described(programme, text, intent))
    assert messages[0]["text"] == reply


def test_a_catalogued_university_named_beside_the_kinds_compared_is_found():
    text = (
        "Hi, I am a final year CS undergrad in Bangalore. "
        "Thinking about the IIM Bangalore micromasters vs a professional cert"
    )
    named = [
        entity("institution", "IIM Bangalore"),
        entity("credential_type", "micromasters"),
        entity("credential_type", "professional_certificate"),
    ]
    messages, _ = run(ActionProgramInfo(), tracker(text, "ask_program_info", named))
    # (IIM Bangalore has two MicroMasters since the catalogue additions: its own, not another's in "CS".)
    lines = messages[0]["text"].splitlines()
    assert "• IIMBx MicroMasters Program in Business Management (IIM Bangalore, MicroMasters)" in lines
    assert all(line.startswith("• IIMBx") for line in lines if line.startswith("• "))


def test_what_other_universities_accept_it_read_as_show_more_lists_the_pathways():
    messages, _ = run(ActionShowMore(), tracker("what other universities accept it?", "show_more"))
    assert messages[0]["text"].startswith("Credit for a MicroMasters usually comes from the university that offers it")


def test_a_german_university_is_no_question_of_course_language():
    messages, _ = run(ActionAnswerFaq(), tracker("can I use the MIT SDS one at a German university?", "ask_credit"))
    assert "which languages the courses are taught in" not in messages[0]["text"]


@pytest.mark.parametrize("text", ["tell me about SDS", "and DEDP?"])
def test_a_short_name_read_as_an_answer_describes_its_programme(text):
    # "OK. What else would you like to know?"
    messages, _ = run(ActionAnswerFollowup(), tracker(text, "inform"))
    assert messages[0]["text"].startswith("MITx MicroMasters Program in")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("that seems wrong, I only have a few hours", "Got it: you now have about 3 hours a week."),
        ("I disagree, I think a certificate is better", "Sorry if I read you wrong."),
    ],
)
def test_disagreeing_with_the_recommendation_changes_an_answer_or_shows_those_held(text, start):
    # "OK. What else would you like to know?", or a list of programmes.
    messages, _ = run(ActionAcknowledge(), tracker(text, "deny", slots=RECOMMENDED))
    assert messages[0]["text"].startswith(start)


def test_applying_to_take_a_programme_is_open_enrolment_not_its_master_s_admission():
    # "do I need to apply to take it?" after DEDP got the master's admission numbers.
    messages, slots = run(
        ActionAnswerFaq(), just_described("mitx_dedp", "do I need to apply to take it?", "ask_admission")
    )
    assert messages[1]["text"].startswith("MicroMasters program: No application is needed to start")
    assert slots["current_programme"] == "mitx_dedp"
    into, _ = run(ActionAnswerFaq(), just_described("mitx_dedp", "how do i get into the masters?", "ask_admission"))
    assert "• Credit pathway:" in into[0]["text"]


def test_claims_read_elsewhere_are_each_checked_whatever_they_were_read_as():
    # Read as inform, "i read that micromasters take 6 to 18 months and cost tens of thousands, true?"
    # got the definition of a MicroMasters, and the article's course counts a comparison.
    text = "i read that micromasters take 6 to 18 months and cost tens of thousands, true?"
    messages, _ = run(ActionAnswerFollowup(), tracker(text, "inform", [entity("credential_type", "micromasters")]))
    said = " ".join(m["text"] for m in messages)
    assert "six months" in said and "$1,000" in said and "tens of thousands" in said
    messages, _ = run(
        ActionAnswerFollowup(),
        tracker("and that they're five or more courses?", "inform", slots={"credential_type": "micromasters"}),
    )
    assert "4-6" in messages[0]["text"] or "4 to 6" in messages[0]["text"]


@pytest.mark.parametrize("active_loop", [None, "recommendation_form"])
def test_thanks_read_as_show_more_is_thanked(active_loop):
    # "much obliged" got "There is nothing to show more of yet", or the list again.
    t = tracker("much obliged", "show_more", active_loop=active_loop)
    messages, _ = run(ActionShowMore(), t)
    assert messages[0]["text"].startswith("You're welcome!")


@pytest.mark.parametrize("text", ["nope thats all", "nah im good", "no thanks, i'm all set"])
def test_a_no_that_ends_the_conversation_says_goodbye(text):
    # They got "OK. What else would you like to know?".
    messages, _ = run(ActionAcknowledge(), tracker(text, "deny"))
    assert "Goodbye" in messages[0]["text"]


def test_a_question_naming_a_topic_during_the_questions_is_answered_whatever_it_was_read_as():
    # Read as inform, it got "I can't answer that in the middle of these questions".
    t = tracker(
        "and what about micromasters, do employers care about those",
        "inform",
        [entity("credential_type", "micromasters")],
        slots={"requested_slot": "weekly_hours", "goal": "skills", "wants_credit": False},
        active_loop="recommendation_form",
    )
    messages, events = run_action(ValidateRecommendationForm(), t)
    assert messages[0]["text"].startswith("MicroMasters program:") and "employer" in messages[0]["text"].lower()
    assert slots_set(events)["weekly_hours"] is None


@pytest.mark.parametrize("text", ["spot on", "yes that's right", "correct"])
def test_confirming_what_was_said_back_is_no_answer_to_the_next_question(text):
    # After "From what you said: ... Tell me if that's wrong." and the credit question, "spot on" got
    # "Sorry, I didn't catch that" and "yes that's right" was a "yes" to the credit question.
    events = said_back_then(text)
    slots = {"requested_slot": "wants_credit", "goal": "skills"}
    t = tracker(text, "affirm", slots=slots, active_loop="recommendation_form", events=events)
    messages, events_out = run_action(ValidateRecommendationForm(), t)
    assert slots_set(events_out) == {"wants_credit": None}
    assert [m["text"] for m in messages] == ["Good, thanks."]
    # Without anything said back, a "yes" is read as usual.
    plain = tracker("yes", "affirm", slots=slots, active_loop="recommendation_form", events=events[2:])
    _, events_out = run_action(ValidateRecommendationForm(), plain)
    assert slots_set(events_out)["wants_credit"] is True


def test_a_subject_answer_without_words_is_asked_again():
    t = tracker("😀", "inform", slots={"requested_slot": "subject"}, active_loop="recommendation_form")
    _, events = run_action(ValidateRecommendationForm(), t)
    assert slots_set(events) == {"subject": None}


def test_a_goal_named_after_idk_is_taken():
    t = tracker(
        "idk just want a better job tbh", "inform", slots={"requested_slot": "goal"}, active_loop="recommendation_form"
    )
    _, events = run_action(ValidateRecommendationForm(), t)
    assert slots_set(events)["goal"] == "skills"


@pytest.mark.parametrize(("text", "said"), [("ta", ["You're welcome!"]), ("qwerty uiop", [])])
def test_a_message_read_as_goodbye_during_the_questions_without_a_farewell_lets_them_go_on(text, said):
    # "ta" (thanks) said to the goal question ended the questions with "Goodbye, and good luck".
    events = [{"event": "action", "name": "action_deactivate_loop"}]
    messages, events_out = run_action(ActionGoodbye(), tracker(text, "goodbye", events=events))
    assert [m["text"] for m in messages] == said
    assert events_out == [{"event": "followup", "timestamp": None, "name": "recommendation_form"}]


def test_good_day_as_the_first_message_greets():
    # Read as goodbye, the first message got "Goodbye, and good luck with your studies!".
    events = [{"event": "user", "text": "good day"}]
    messages, _ = run_action(ActionGoodbye(), tracker("good day", "goodbye", events=events))
    assert messages[0].get("response") == "utter_greet"
    later = events + [{"event": "bot", "text": "Hi!"}, {"event": "user", "text": "good day"}]
    messages, _ = run_action(ActionGoodbye(), tracker("good day", "goodbye", events=later))
    assert "Goodbye" in messages[0]["text"]


def test_a_subject_changed_instead_of_another_after_a_recommendation_is_the_new_one():
    # "can you change the subject to data analysis instead of AI" (read as a bot challenge) got "I'm a bot".
    answers = {
        "goal": "skills",
        "wants_credit": False,
        "weekly_hours": 5.0,
        "budget": 800.0,
        "subject": "artificial intelligence",
        "recommended_credential": "professional_certificate",
    }
    text = "can you change the subject to data science instead of AI"
    messages, slots = run(ActionBotChallenge(), tracker(text, "bot_challenge", slots=answers))
    assert slots["subject"] == "data science"
    assert messages[0]["text"].startswith("Got it: ")


def test_a_claim_read_as_a_programme_name_is_checked():
    # "are professional certificates 3-5 courses?" got "I couldn't find that programme in my catalogue".
    t = tracker(
        "are professional certificates 3-5 courses?",
        "ask_program_info",
        [entity("credential_type", "professional_certificate")],
    )
    messages, _ = run(ActionProgramInfo(), t)
    assert messages[0]["text"].startswith('Professional Certificate program: It varies, and it is not a fixed "3-5"')


def test_a_description_of_oneself_ending_in_help_starts_the_questions():
    # "I'm a teacher thinking about a career change into data science. Help?" got "OK. What else ...".
    text = "I'm a teacher thinking about a career change into data science. Help?"
    messages, events = run_action(ActionAnswerFollowup(), tracker(text, "inform"))
    assert messages[0]["response"] == "utter_start_recommendation"
    assert events[-1] == {"event": "followup", "timestamp": None, "name": "recommendation_form"}
