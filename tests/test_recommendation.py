"""The recommendation handler and the form: answers kept wherever given, the questions, the recommendation,
why and what-ifs."""

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.form import ActionAskBudget
from actions.recommendation import STARTED  # noqa: E402
from advisor.knowledge import default_knowledge
from advisor.questions import NO_RUSH, QUESTIONS
from advisor.replies import (
    ALREADY_ANSWERED,
    ALREADY_CHOOSING,
    NO_UNIVERSITY_RANKING,
    NOT_UNDERSTOOD,
    OTHER_CURRENCY,
    RECOMMENDING_WITH_WHAT_I_HAVE,
    uncovered_reply,
)
from advisor.smalltalk import (
    BOT_IDENTITY,
)
from advisor.values import LOW_BUDGET, NO_BUDGET_LIMIT
from tests.turns import (
    about_kind,
    after,
    after_recommending,
    conversation,
    entity,
    form_turn,
    found,
    in_questions,
    just_described,
    questions_now,
    recommended,
    recommending,
    respond,
    respond_events,
    slots_set,
    tracker,
)

KB = default_knowledge()


SAID_BACK = "From what you said: your goal is a practical job skill, soon. Tell me if that's wrong."


RECOMMENDED = {
    "goal": "skills",
    "wants_credit": True,
    "weekly_hours": 5.0,
    "budget": 300.0,
    "subject": "finance",
    "recommended_credential": "professional_certificate",
}


BUDGET = QUESTIONS["budget"]


SUPPLY_CHAIN_LEARNER = {"goal": "graduate", "wants_credit": True, "weekly_hours": 8.0, "budget": 1500.0}


def test_faq_without_a_credential_answers_both_side_by_side():
    messages, _ = respond(tracker("do they give credit", "ask_credit"))
    text = messages[0]["text"]
    assert "• MicroMasters:" in text and "• Professional Certificate:" in text


def test_the_general_difference_after_a_recommendation_points_to_its_reasons():
    before, _ = respond(tracker("what's the difference?", "ask_difference"))
    assert 'Say "help me choose"' in before[0]["text"]
    t = tracker("compare it with a pro cert", "ask_difference", slots={"recommended_credential": "micromasters"})
    after, _ = respond(t)
    assert 'Ask "why?" for the reasons behind my recommendation' in after[0]["text"]
    assert "help me choose" not in after[0]["text"]


@pytest.mark.parametrize(("text", "topic"), [("and how much", "cost"), ("what about credit", "credit")])
def test_follow_up_naming_a_topic_answers_it_for_the_credential_in_context(text, topic):
    t = tracker(text, "inform", slots={"last_topic": "duration", "credential_type": "micromasters"})
    messages, slots = respond(t)
    assert about_kind(messages[0]["text"], "MicroMasters")
    assert slots["last_topic"] == topic


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        (
            "can i audit a micromasters for free?",
            "ask_cost",
            "For a MicroMasters, you can audit the courses for free",
        ),
        ("whats the difference between verified and audit", "ask_difference", "Side by side, on auditing for free"),
        (  # the same rules for both credentials: said to be the same
            "how do i apply for financial aid for a micromasters",
            "ask_cost",
            "Course by course",  # a "how" question is not answered "Yes"
        ),
        ("can i get a refund", "ask_cost", "For a verified course"),
        # The same rules for both: the whole answer once, not two summaries without the details asked for.
        (
            "how many times can i apply for aid",
            "ask_cost",
            "Course by course",
        ),
    ],
)
def test_questions_no_intent_covers_get_their_own_answer(text, intent, expected):
    messages, _ = respond(tracker(text, intent))
    assert messages[0]["text"].startswith(expected)


def test_how_long_at_my_pace_says_when_the_sources_give_no_weekly_hours():
    messages, _ = respond(just_described("mitx_sds", "how long at 6 hours a week?", "ask_duration"))
    assert "MIT says to expect 18-24 months" in messages[0]["text"]
    assert "At 6 hours a week: my sources don't say how many hours a week it asks" in messages[0]["text"]


def test_the_same_answer_is_not_given_twice_in_a_row():
    # The classifier's topic again, with no word of it: probably misread, and the bot says so.
    second = after("are micromasters recognised", "ask_recognition", "what does that mean for me", "ask_recognition")
    again, _ = respond(second)
    assert [m["text"] for m in again] == [ALREADY_ANSWERED]


def test_sources_before_any_answer_says_so():
    messages, _ = respond(tracker("source?", "ask_source"))
    assert "didn't state any facts" in messages[0]["text"]


def test_form_fills_everything_from_one_opening_message():
    text = (
        "help me choose: i want to get into supply chain and maybe do a masters later, "
        "10 hours a week, budget 1500 dollars, credit matters"
    )
    _, events = respond_events(tracker(text, "request_recommendation"))
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
    messages, events = respond_events(tracker(text, "request_recommendation"))
    # "data" only partly names a subject: the one it names is taken, and said back too.
    assert slots_set(events) == {"goal": "skills", "subject": "data science"}
    assert [m["text"] for m in messages] == [
        STARTED,
        "From what you said: your goal is a practical job skill, soon; your subject is data science. "
        "Tell me if that's wrong.",
    ]


def test_an_opening_message_with_every_answer_goes_to_the_recommendation_unannounced():
    text = "quick job skill, no credit, 5 hours a week, budget $300, data science"
    messages, events = respond_events(tracker(text, "request_recommendation"))
    assert len(slots_set(events)) == 5 and messages == [] and questions_now(events) == "start"


@pytest.mark.parametrize(
    ("text", "held", "changed", "said"),
    [
        ("deep expertise i think", {"goal": "skills"}, {"goal": "graduate"}, "your goal is now deep"),
        ("8 hours a week", {"goal": "skills", "weekly_hours": 4.0}, {"weekly_hours": 8.0}, "now have 5 to 10 hours"),
    ],
)
def test_a_different_answer_to_one_just_said_back_corrects_it(text, held, changed, said):
    # "deep expertise i think", said to the credit question, got "Sorry, I didn't catch that".
    slots = {"requested_slot": "wants_credit", "said_back": ["goal", "weekly_hours"], **held}
    t = tracker(text, "inform", slots=slots, active_loop="recommendation_form")
    messages, events = respond_events(t)
    assert slots_set(events) == changed  # and the credit question comes again
    assert messages[0]["text"].startswith("Got it: ") and said in messages[0]["text"]


@pytest.mark.parametrize("text", ["I said nothing academic", "not sure, maybe? I might do a CFA instead of a masters"])
def test_a_word_of_the_other_goal_elsewhere_does_not_overturn_it(text):
    # Both turned a job-skill goal into deep expertise, and the recommendation into a MicroMasters.
    slots = {"requested_slot": "wants_credit", "goal": "skills"}
    t = tracker(text, "inform", slots=slots, active_loop="recommendation_form")
    _, events = respond_events(t)
    assert slots_set(events).get("goal", "skills") == "skills"


def test_no_i_meant_puts_the_goal_right_and_asks_the_credit_question_again():
    # "no, I meant deep expertise actually" also answered the credit question "no".
    text = "no, I meant deep expertise actually"
    slots = {"requested_slot": "wants_credit", "goal": "skills"}
    t = tracker(text, "deny", slots=slots, active_loop="recommendation_form")
    _, events = respond_events(t)
    assert slots_set(events) == {"goal": "graduate"}  # and the credit question comes again


def test_the_same_answer_again_is_no_correction():
    t = tracker(
        "i told you, 4 hours",
        "inform",
        slots={"requested_slot": "budget", "weekly_hours": 4.0},
        active_loop="recommendation_form",
    )
    messages, events = respond_events(t)
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
    messages, events = respond_events(t)
    assert about_kind(messages[0]["text"], "Professional Certificate")
    assert "wants_credit" not in slots_set(events)  # then the credit question again


def test_form_reads_a_bare_number_only_for_the_question_asked():
    t = tracker(
        "800",
        "inform",
        slots={"requested_slot": "budget", "goal": "skills", "wants_credit": False, "weekly_hours": 5.0},
        active_loop="recommendation_form",
    )
    _, events = respond_events(t)
    slots = slots_set(events)
    assert slots.get("budget") == 800.0 and "weekly_hours" not in slots


def test_form_rejects_impossible_hours_with_a_clear_message():
    t = tracker(
        "500 hours a week", "inform", slots={"requested_slot": "weekly_hours"}, active_loop="recommendation_form"
    )
    messages, events = respond_events(t)
    assert {"event": "slot", "timestamp": None, "name": "weekly_hours", "value": None} in events
    assert "hours per week" in messages[0]["text"]


def test_an_unreadable_answer_to_the_question_asked_is_asked_again_not_rejected():
    # A SlotSet for the asked slot keeps Rasa's form from rejecting the turn (which
    # ended in the generic fallback reply); with None it asks again, with an example.
    text = "the blue one i guess"
    t = tracker(text, "inform", slots={"requested_slot": "budget"}, active_loop="recommendation_form")
    _, events = respond_events(t)
    assert {"event": "slot", "timestamp": None, "name": "budget", "value": None} in events
    other = tracker(text, "inform", slots={"requested_slot": "goal"}, active_loop="recommendation_form")
    _, events = respond_events(other)
    assert slots_set(events) == {"goal": None}


def test_help_me_choose_said_to_the_subject_question_is_not_a_subject():
    # An old "Help me choose" button clicked mid-way: the question again, not a subject the catalogue lacks.
    t = in_questions("help me choose", "request_recommendation", "subject")
    messages, events = respond_events(t)
    assert slots_set(events) == {"subject": None} and [m["text"] for m in messages] == [ALREADY_CHOOSING]


@pytest.mark.parametrize("slot", ["goal", "wants_credit", "weekly_hours", "budget", "subject"])
def test_start_over_said_to_any_question_restarts_them_with_the_form_still_running(slot):
    # The answers are wiped and the form, still active, asks the first question again (no second start).
    t = in_questions("start over", "start_over", slot, goal="skills")
    messages, events = respond_events(t)
    assert slots_set(events)["goal"] is None and messages[0]["text"] == STARTED and questions_now(events) is None


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
    messages, events = respond_events(t)
    assert slots_set(events) == {slot: "unsure"}
    assert [m["text"] for m in messages] == ["No problem: I'll leave that out of the recommendation."]


def test_answers_left_out_cast_no_vote_and_why_says_so():
    # 12 hours is the value of the "More than 10 hours" button, and said in its words.
    answers = {"goal": "unsure", "wants_credit": "unsure", "weekly_hours": 12.0, "budget": "unsure", "subject": "any"}
    messages, slots = recommending(answers)
    text = messages[0]["text"]
    assert text.startswith("My recommendation: a MicroMasters program.")
    assert text.splitlines()[1] == "Why: you have more than 10 hours a week."
    assert text.splitlines()[2].startswith("With your goal and credit left out, this rests on time and budget alone")
    assert slots["recommended_credential"] == "micromasters"
    decided, _ = recommending({**answers, "goal": "graduate"})
    assert "left out" not in decided[0]["text"]
    explained, _ = respond(tracker("why?", "ask_why", slots={**answers, **slots}))
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
    messages, events = respond_events(t)
    assert expected in messages[0]["text"] and "didn't catch" not in messages[0]["text"]
    assert "goal" not in slots_set(events)  # the goal question is asked again, without "sorry"


def test_a_question_that_answers_mid_form_is_read_as_the_answer():
    # Answered too: the question is answered, and the answer kept.
    t = in_questions("is 6 hours a week realistic?", "inform", "weekly_hours")
    messages, events = respond_events(t)
    assert slots_set(events)["weekly_hours"] == 6.0 and messages


def test_a_question_mid_form_is_left_to_its_own_rule():
    t = tracker(
        "how much does it cost", "ask_cost", slots={"requested_slot": "budget"}, active_loop="recommendation_form"
    )
    _, events = respond_events(t)
    assert "budget" not in slots_set(events)


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
    t = tracker(text, intent, slots={"requested_slot": requested}, active_loop="recommendation_form")
    _, events = respond_events(t)
    assert slots_set(events)[requested] == expected


@pytest.mark.parametrize(
    ("text", "intent", "requested"),
    [
        # About oneself, but no answer to this question: its own rule replies.
        ("i like turtles", "out_of_scope", "subject"),
        ("i'm done for today", "stop", "budget"),
    ],
)
def test_a_statement_that_does_not_answer_the_question_asked_fills_no_slot(text, intent, requested):
    t = tracker(text, intent, slots={"requested_slot": requested}, active_loop="recommendation_form")
    _, events = respond_events(t)
    assert slots_set(events) in ({}, {requested: None})  # at most: the question again


@pytest.mark.parametrize(
    ("text", "intent", "requested", "taken"),
    [
        ("my employer pays", "ask_cost", "wants_credit", {"budget": NO_BUDGET_LIMIT}),
        ("my company pays", "inform", "goal", {"budget": NO_BUDGET_LIMIT}),
        ("under 500", "inform", "goal", {"budget": 500.0}),
    ],
)
def test_an_answer_to_a_question_not_asked_yet_is_taken_and_said(text, intent, requested, taken):
    """The goal question was asked up to 8 times: "my company pays" and "under 500" got "didn't catch your goal"."""
    t = tracker(text, intent, slots={"requested_slot": requested}, active_loop="recommendation_form")
    messages, events = respond_events(t)
    assert slots_set(events) == taken  # and the question asked comes again
    assert (
        messages[0]["text"].startswith("Noted: ") and "budget" in messages[0]["text"] or "limit" in messages[0]["text"]
    )


@pytest.mark.parametrize(("text", "intent"), [("let me think about it", "stop"), ("hmm", "affirm")])
def test_a_hesitation_gets_the_question_again_not_the_end_of_the_questions(text, intent):
    t = tracker(text, intent, slots={"requested_slot": "goal"}, active_loop="recommendation_form")
    _, events = respond_events(t)
    assert slots_set(events) == {"goal": None}


def test_a_correction_to_an_earlier_question_is_taken_and_acknowledged():
    slots = {"requested_slot": "weekly_hours", "goal": "graduate", "wants_credit": True}
    t = tracker("actually i meant a quick job skill", "inform", slots=slots, active_loop="recommendation_form")
    messages, events = respond_events(t)
    assert slots_set(events) == {"goal": "skills"}  # The hours question comes again.
    assert [m["text"] for m in messages] == ["Got it: your goal is now a practical job skill, soon."]
    plain = tracker("a quick job skill", "inform", slots=slots, active_loop="recommendation_form")
    assert "goal" not in slots_set(respond_events(plain)[1])  # Not without "actually".


def test_the_first_one_mid_form_describes_it_and_the_question_comes_again():
    slots = {"requested_slot": "wants_credit", "goal": "graduate", "listed_programmes": ["mitx_dedp"]}
    t = tracker("tell me about the first one", "inform", slots=slots, active_loop="recommendation_form")
    messages, events = respond_events(t)
    assert messages[0]["text"].startswith("MITx MicroMasters Program in Data, Economics, and Development Policy")
    assert "wants_credit" not in slots_set(events)  # the credit question comes again
    # With no list shown, it is not taken for the question's first option ("yes, credit matters").
    alone = tracker(
        "tell me about the first one",
        "inform",
        slots={"requested_slot": "wants_credit"},
        active_loop="recommendation_form",
    )
    _, events = respond_events(alone)
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
    messages, events = respond_events(t)
    assert messages == [] and slots_set(events) == {requested: value}


def test_an_ordinal_past_the_questions_options_gets_the_question_again():
    t = tracker("the fifth one", "inform", slots={"requested_slot": "goal"}, active_loop="recommendation_form")
    assert slots_set(respond_events(t)[1]) == {"goal": None}


def test_an_answer_to_another_question_is_taken_and_noted_whatever_the_intent():
    slots = {"requested_slot": "wants_credit", "goal": "skills"}
    t = tracker(
        "maybe 5 hrs a week since i work shifts", "ask_duration", slots=slots, active_loop="recommendation_form"
    )
    messages, events = respond_events(t)
    assert slots_set(events) == {"weekly_hours": 5}  # The credit question comes again, after the note.
    assert [m["text"] for m in messages] == ["Noted: you have about 5 hours a week."]


def test_after_a_recommendation_a_bare_new_answer_changes_it():
    answers = {"goal": "graduate", "wants_credit": True, "weekly_hours": 12.0, "budget": 1500.0, "subject": "any"}
    t = tracker("about 3 hours a week", "inform", slots={**answers, "recommended_credential": "micromasters"})
    messages, slots = respond(t)
    assert messages[0]["text"] == "Got it: you now have about 3 hours a week."
    assert messages[-1]["text"].startswith("My recommendation:") and slots["weekly_hours"] == 3.0


@pytest.mark.parametrize("text", ["12345", "0000 1111 2222", "SELECT * FROM users;", "def foo(): return 42"])
def test_figures_or_code_read_as_an_answer_outside_the_questions_are_not_understood(text):
    # Read as `inform` (a budget, a statement), they got "OK. What else would you like to know?".
    messages, _ = respond(tracker(text, "inform"))
    assert [m["text"] for m in messages] == [NOT_UNDERSTOOD]


def test_after_an_answer_for_both_a_bare_follow_up_is_about_both_again():
    t = tracker(
        "mm vs pc",
        "ask_difference",
        [entity("credential_type", "micromasters"), entity("credential_type", "professional_certificate")],
        slots={"credential_type": "professional_certificate"},  # the slot mapping kept the last one named
    )
    _, slots = respond(t)
    assert slots["credential_type"] is None
    messages, _ = respond(tracker("cost?", "ask_cost", slots={"credential_type": None}))
    assert "• MicroMasters:" in messages[0]["text"] and "• Professional Certificate:" in messages[0]["text"]


@pytest.mark.parametrize(("text", "stops"), [("blorp qwertyuiop", False), ("stop please", True), ("i want out", True)])
def test_nonsense_read_as_stop_gets_the_question_again_and_a_real_stop_ends_the_questions(text, stops):
    t = tracker(text, "stop", slots={"requested_slot": "goal"}, active_loop="recommendation_form")
    _, events = respond_events(t)
    # No slot set: the form rejects the turn and the stop rule ends it. {goal: None}: asked again.
    assert slots_set(events) == ({} if stops else {"goal": None})


def test_a_stop_word_in_an_answer_changes_the_answer_instead_of_ending_the_questions():
    # "actually forget the degree part ..." ended the questions: read as stop, "forget" is a stopping word.
    slots = {"requested_slot": "weekly_hours", "goal": "graduate", "wants_credit": True}
    text = "actually forget the degree part. i just want a better job, no more school after this"
    messages, events = respond_events(tracker(text, "stop", slots=slots, active_loop="recommendation_form"))
    assert slots_set(events) == {"goal": "skills", "wants_credit": False}
    assert "job skill" in messages[0]["text"]


def test_a_plain_answer_read_as_a_question_still_answers_the_question_asked():
    slots = {"requested_slot": "budget", "goal": "skills", "wants_credit": False, "weekly_hours": 3}
    plain = tracker("cheap", "ask_cost", slots=slots, active_loop="recommendation_form")
    _, events = respond_events(plain)
    assert slots_set(events) == {"budget": LOW_BUDGET}
    asked = tracker("cheap?", "ask_cost", slots=slots, active_loop="recommendation_form")
    _, events = respond_events(asked)
    assert "budget" not in slots_set(events)  # a question: answered by the FAQ rule, then asked again
    # Said to another question, it is taken and noted.
    early = {"requested_slot": "weekly_hours", "goal": "skills", "wants_credit": False}
    messages, events = respond_events(tracker("cheap", "ask_cost", slots=early, active_loop="recommendation_form"))
    assert slots_set(events) == {"budget": LOW_BUDGET}
    assert [m["text"] for m in messages] == ["Noted: your budget is small."]


@pytest.mark.parametrize(
    ("text", "intent", "changed", "credential"),
    [
        ("actually my budget is 2000", "ask_cost", "Got it: your budget is now about $2,000.", "micromasters"),
        ("i now have 15 hours a week actually", "ask_duration", "Got it: you now have about 15 hours a week.", None),
    ],
)
def test_changing_an_answer_after_the_recommendation_recommends_again(text, intent, changed, credential):
    messages, slots = respond(tracker(text, intent, slots=RECOMMENDED))
    assert messages[0]["text"] == changed
    assert messages[1]["text"].startswith("My recommendation:")
    if credential:
        assert slots["recommended_credential"] == credential


def test_a_question_after_the_recommendation_is_still_answered():
    messages, slots = respond(tracker("how much does a micromasters cost", "ask_cost", slots=RECOMMENDED))
    assert about_kind(messages[0]["text"], "MicroMasters") and "budget" not in slots


def test_unknown_subject_falls_back_to_any_and_says_so():
    t = tracker("marine biology", "inform", slots={"requested_slot": "subject"}, active_loop="recommendation_form")
    messages, events = respond_events(t)
    assert any(e.get("name") == "subject" and e.get("value") == "any" for e in events)
    assert "marine biology" in messages[0]["text"]


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("a reasonable amount", BUDGET.hint),  # answered, not understood: an apology with an example
        ("let me think about it", NO_RUSH),  # only hesitated: no apology, no example
        ("what do you mean by budget, including exams?", BUDGET.why),  # what it means: why it is asked
    ],
)
def test_question_asked_again_apologises_only_when_its_answer_was_not_understood(said, expected):
    messages, _ = respond(in_questions(said, "inform", "budget"))
    assert messages[0]["text"].startswith(expected)


def test_each_question_is_asked_with_its_buttons():
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAskBudget().run(dispatcher, in_questions("", "inform", "budget"), {}))
    assert [m["text"] for m in dispatcher.messages] == [BUDGET.text] and len(dispatcher.messages[0]["buttons"]) == 3


def test_recommendation_names_credential_reasons_trade_off_and_programmes():
    slots = {
        "goal": "graduate",
        "wants_credit": True,
        "weekly_hours": 10.0,
        "budget": 1500.0,
        "subject": "supply chain",
    }
    messages, set_slots = recommending(slots)
    text = messages[0]["text"]
    assert set_slots["recommended_credential"] == "micromasters"
    assert set_slots["credential_type"] == "micromasters"  # "how long does it take?" is about it
    assert text.startswith("My recommendation: a MicroMasters program.")
    assert "credit toward a master's matters to you" in text and "about 10 hours a week" in text
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
    messages, _ = respond(tracker("why?", "ask_why", slots=slots))
    text = messages[0]["text"]
    assert "Professional Certificate" in text and "about 3 hours a week" in text and "$300" in text


def test_why_before_any_recommendation():
    messages, _ = respond(tracker("why?", "ask_why"))
    assert "haven't made a recommendation" in messages[0]["text"]


def test_a_question_my_sources_do_not_cover_read_as_asking_for_a_recommendation_does_not_start_the_questions():
    messages, events = respond_events(tracker("do micromasters help for immigration points", "request_recommendation"))
    assert [m["text"] for m in messages] == [uncovered_reply("visas")]
    assert questions_now(events) is None


def test_asking_for_programmes_after_a_recommendation_lists_them_instead_of_asking_the_questions_again():
    answers = {"goal": "skills", "wants_credit": False, "weekly_hours": 4.0, "budget": 500.0, "subject": "any"}
    slots = {**answers, "recommended_credential": "professional_certificate"}
    t = tracker("what programmes would you suggest then?", "request_recommendation", slots=slots)
    messages, events = respond_events(t)
    assert messages[0]["text"].startswith("I recommended a Professional Certificate program for you.")
    assert (
        messages[1]["text"].startswith(("I found", "My catalogue has"))
        and "Professional Certificate" in messages[1]["text"]
    )
    assert questions_now(events) is None
    assert "goal" not in slots_set(events)  # the answers are kept


def test_answers_given_to_questions_stopped_part_way_are_kept_when_they_start_again():
    # "stop", then "Help me choose": the credit "yes" was asked again (only worded answers were carried).
    held = {"goal": "graduate", "wants_credit": True, "weekly_hours": "unsure"}
    messages, slots = respond(tracker("help me choose", "request_recommendation", slots=held))
    assert slots["weekly_hours"] is None and "goal" not in slots and "wants_credit" not in slots  # kept as they were
    assert messages[1]["text"].startswith("From what you said: ") and "credit" in messages[1]["text"]


def test_reset_clears_previous_answers():
    held = {"goal": "skills", "recommended_credential": "professional_certificate"}
    _, slots = respond(tracker("help me choose again", "request_recommendation", slots=held))
    assert slots == {
        "goal": None,
        "wants_credit": None,
        "weekly_hours": None,
        "budget": None,
        "subject": None,
        "horizon_months": None,
        "recommended_credential": None,
    }


def test_a_question_mid_form_fills_no_slot():
    t = tracker(
        "do certificates give credit?",
        "ask_credit",
        slots={"requested_slot": "wants_credit", "goal": "skills"},
        active_loop="recommendation_form",
    )
    _, events = respond_events(t)
    assert not any(e.get("name") == "wants_credit" for e in events)


def test_starting_the_form_after_a_reset_says_nothing_about_empty_slots():
    reset = [
        {"event": "slot", "name": s, "value": None}
        for s in ("goal", "wants_credit", "weekly_hours", "budget", "subject")
    ]
    t = tracker(
        "help me choose", "request_recommendation", events=[{"event": "user", "text": "help me choose"}, *reset]
    )
    messages, _ = respond_events(t)
    assert [m["text"] for m in messages] == [STARTED]


def test_a_situation_described_outside_the_form_starts_the_recommendation():
    text = "i have 10 hours a week and a budget of $1500, credit matters"
    messages, events = respond_events(tracker(text, "inform"))
    assert questions_now(events) == "start"
    assert messages[0]["text"] == STARTED


@pytest.mark.parametrize(
    ("action", "text", "intent", "topic"),
    [
        (None, "can i do it in spanish", "ask_duration", "languages"),
        (None, "is it tax deductible", "ask_cost", "taxes"),
        (None, "what about visas", "inform", "visas"),
        (
            None,
            "what languages are the courses in",
            "ask_program_info",
            "languages",
        ),
        (None, "printed certificate?", "nlu_fallback", "printed"),
        (None, "can i retake the exam", "ask_admission", "retakes"),
        (None, "ok and if i fail a course?", "inform", "retakes"),
    ],
)
def test_a_question_my_sources_do_not_cover_gets_an_honest_answer(action, text, intent, topic):
    messages, _ = respond(tracker(text, intent))
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
    messages, slots = respond(tracker(text, intent))
    assert expected in messages[0]["text"] and slots["last_citations"]


@pytest.mark.parametrize(
    ("action", "intent"),
    [(None, "ask_why"), (None, "ask_source"), (None, "ask_level")],
)
def test_who_made_you_is_answered_about_the_bot_whatever_the_intent(action, intent):
    messages, _ = respond(tracker("who made you?", intent))
    assert [m["text"] for m in messages] == [BOT_IDENTITY]


def test_the_same_topic_asked_again_mid_form_is_not_answered_twice_word_for_word():
    # Mid-form every answer is followed by the question again, which hid the repeat.
    slots = {"requested_slot": "wants_credit", "last_topic": "workload", "shown": ["topic"]}
    t = tracker("can i do it alongside my job?", "ask_duration", slots=slots, active_loop="recommendation_form")
    again, _ = respond(t)
    assert again[0]["text"].startswith("In short: ")  # the gist, not the paragraph again
    # Asked turns later, it is answered again in full.
    later = tracker(
        "can i do it alongside my job?", "ask_duration", slots={**slots, "shown": []}, active_loop="recommendation_form"
    )
    assert not respond(later)[0][0]["text"].startswith("In short: ")


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
    messages, _ = respond(t)
    assert [m["text"] for m in messages] == [f'{expected} If you\'d rather not say, say "skip".']


def test_a_buttons_title_typed_is_that_buttons_answer():
    t = tracker("$500 to $1,500", "inform", slots={"requested_slot": "budget"}, active_loop="recommendation_form")
    _, events = respond_events(t)
    assert slots_set(events) == {"budget": 1499.0}  # the button's value, said as "$500 to $1,500"


def test_two_topics_asked_together_get_both_answers_and_both_sources():
    # Only the length was answered; the cost was ignored.
    text = "How long does a micromasters take and how much does it cost?"
    messages, slots = respond(tracker(text, "ask_duration", [entity("credential_type", "micromasters")]))
    assert all(about_kind(m["text"], "MicroMasters") for m in messages) and len(messages) == 2
    assert "hours a week" in messages[0]["text"] and "$" in messages[1]["text"]
    sources = {c["source_id"] for c in slots["last_citations"]}
    assert set(KB.faq["cost"]["micromasters"].fact.sources) <= sources
    assert set(KB.faq["duration"]["micromasters"].fact.sources) <= sources


@pytest.mark.parametrize(
    ("action", "text", "intent", "entities"),
    [
        (None, "what is edx?", "ask_definition", []),
        (None, "whats edx lol", "ask_definition", []),
        (None, "is edx a real university?", "bot_challenge", []),
        (None, "is edx the same as harvard", "ask_difference", [entity("institution", "Harvard")]),
        (None, "is edx legit", "ask_recognition", []),
    ],
)
def test_what_edx_is_gets_the_answer_about_edx(action, text, intent, entities):
    """ "What is edX?" got a description of the credentials or of the bot."""
    messages, _ = respond(tracker(text, intent, entities))
    assert messages[0]["text"].startswith("edX is an online course platform, not a university")


def test_the_certificate_trade_off_claims_only_what_the_sources_support():
    # "quicker and usually cheaper": the sources give up to a year and a half, and rarely a total price.
    answers = {"goal": "skills", "wants_credit": False, "weekly_hours": 3.0, "budget": 200.0, "subject": "data science"}
    messages, slots = recommending(answers)
    text = messages[0]["text"]
    assert "Trade-off: a Professional Certificate asks fewer hours a week" in text and "cheaper" not in text
    cited = {c["source_id"] for c in slots["last_citations"]}
    assert set(KB.credentials["professional_certificate"].attributes["time_commitment"].sources) <= cited


@pytest.mark.parametrize("text", ["what would you recommend", "ok help me choose then"])
def test_asking_for_the_recommendation_during_the_questions_says_they_are_how_it_is_made(text):
    # It got "Sorry, I didn't catch your goal", three times in a row.
    t = tracker(text, "request_recommendation", slots={"requested_slot": "goal"}, active_loop="recommendation_form")
    messages, events = respond_events(t)
    assert [m["text"] for m in messages] == [ALREADY_CHOOSING] and slots_set(events) in ({}, {"goal": None})


def test_an_answer_given_again_is_acknowledged_not_called_unreadable():
    slots = {"requested_slot": "goal", "weekly_hours": 3.0}
    t = tracker("i told you, 3 hrs", "inform", slots=slots, active_loop="recommendation_form")
    messages, _ = respond_events(t)
    assert [m["text"] for m in messages] == ["Yes, I have that already: you have about 3 hours a week."]


@pytest.mark.parametrize(
    ("action", "intent"),
    [(None, "request_recommendation"), (None, "ask_difference")],
)
def test_which_university_is_better_lists_what_each_offers_without_ranking_them(action, intent):
    # Read as asking for a recommendation, it started the questions about the learner.
    messages, _ = respond(tracker("is delft better than mit", intent))
    assert messages[0]["text"] == NO_UNIVERSITY_RANKING
    assert "TU Delft" in messages[1]["text"] and "MIT" in messages[1]["text"]


def test_a_subject_the_catalogue_lacks_said_in_a_sentence_is_named_alone():
    # 'I have no programmes in "what about marketing programmes"' echoed the whole sentence.
    slots = {"requested_slot": "subject"}
    t = tracker("what about nursing programmes", "inform", slots=slots, active_loop="recommendation_form")
    messages, events = respond_events(t)
    assert messages[0]["text"].startswith('I have no programmes in "nursing" in my catalogue')


@pytest.mark.parametrize(
    ("then", "intent", "carried"),
    [("help me choose", "request_recommendation", True), ("start over", "start_over", False)],
)
def test_answers_told_before_the_questions_are_not_asked_again(then, intent, carried):
    # "help me choose" asked the hours again, though the learner had said "2 hrs a week tops".
    said = "hi im a mom of 3 kids, i have maybe 2 hrs a week tops. something in business?"
    _, told = respond(tracker(said, "out_of_scope"))
    assert told["weekly_hours"] == 2.0  # kept when said
    _, slots = respond(tracker(then, intent, slots=told))
    assert slots.get("weekly_hours", told["weekly_hours"]) == (2.0 if carried else None)
    assert slots.get("budget") is None


def test_a_budget_in_another_currency_is_asked_for_in_dollars():
    # "around 40k rupees" became "your budget is about $40,000".
    t = tracker("around 400k naira", "inform", slots={"requested_slot": "budget"}, active_loop="recommendation_form")
    messages, events = respond_events(t)
    assert slots_set(events) == {"budget": None} and [m["text"] for m in messages] == [OTHER_CURRENCY]
    # A currency the rate table has is converted, and the figure used said.
    rupees = tracker(
        "around 40k rupees", "inform", slots={"requested_slot": "budget"}, active_loop="recommendation_form"
    )
    messages, events = respond_events(rupees)
    assert 400 < slots_set(events)["budget"] < 500 and "at the exchange rates of" in messages[0]["text"]


@pytest.mark.parametrize(("text", "intent"), [("ok", "affirm"), ("yes", "affirm")])
def test_ok_or_yes_to_the_subject_question_is_not_a_subject(text, intent):
    # 'I have no programmes in "ok" in my catalogue'.
    t = tracker(text, intent, slots={"requested_slot": "subject"}, active_loop="recommendation_form")
    messages, events = respond_events(t)
    assert slots_set(events) in ({}, {"subject": None})  # the question again, no subject


@pytest.mark.parametrize(
    ("text", "restarts"),
    [("which one should i start with", False), ("help me choose again", True), ("start over", True)],
)
def test_which_one_to_start_with_after_a_recommendation_lists_its_programmes(text, restarts):
    # It restarted the questions and lost every answer.
    slots = {"recommended_credential": "professional_certificate", "subject": "data science", "goal": "skills"}
    messages, set_now = respond(tracker(text, "request_recommendation", slots=slots))
    if restarts:
        assert messages[0]["text"] == STARTED and set_now["goal"] is None
    else:
        assert messages[0]["text"].startswith("I recommended a Professional Certificate program for you.")
        # Suggestions leave out the retired Microsoft programme.
        n = found("data science professional certificates", current=True)
        assert messages[1]["text"].startswith(f"I found {n} Professional Certificate programmes in data science")
        assert "goal" not in set_now


def test_a_credential_and_a_topic_in_two_words_is_a_question():
    # "pc credit" got "Thanks for telling me".
    t = tracker("pc credit", "inform", [entity("credential_type", "pc")])
    messages, _ = respond(t)
    assert about_kind(messages[0]["text"], "Professional Certificate")


def test_the_other_one_right_after_a_recommendation_is_the_other_credential():
    # It listed the recommended kind's programmes again.
    answers = {"goal": "skills", "wants_credit": False, "weekly_hours": 3.0, "budget": 300.0, "subject": "data science"}
    _, events = recommended(answers)
    history = [
        {"event": "user", "text": "data science"},
        *events,
        {"event": "user", "text": "what about the other one?"},
    ]
    t = tracker("what about the other one?", "show_more", slots={**answers, **slots_set(events)}, events=history)
    messages, slots = respond(t)
    assert messages[0]["text"].startswith("The other option is a MicroMasters program.")
    assert about_kind(messages[1]["text"], "MicroMasters") and slots["credential_type"] == "micromasters"


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
    messages, _ = respond(tracker(text, intent, entities))
    assert "$33,000" in messages[0]["text"] and "HK$217,000" in messages[0]["text"]


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("what if i had more money?", "With no fixed budget, I'd still recommend a Professional Certificate program"),
        ("and if I had more time?", "With more than 10 hours a week, I'd still recommend a Professional Certificate"),
    ],
)
def test_a_what_if_without_a_figure_says_what_the_recommendation_would_be(text, reply):
    # It got the general cost or length answer.
    answers = {"goal": "skills", "wants_credit": False, "weekly_hours": 3.0, "budget": 300.0, "subject": "data science"}
    slots = {**answers, "recommended_credential": "professional_certificate"}
    messages, changed = respond(tracker(text, "ask_cost", slots=slots))
    assert messages[0]["text"].startswith(reply) and changed == {}


def test_a_what_if_that_tips_the_balance_says_instead():
    answers = {"goal": "graduate", "wants_credit": False, "weekly_hours": 3.0, "budget": 300.0, "subject": "any"}
    slots = {**answers, "recommended_credential": "professional_certificate"}
    messages, _ = respond(tracker("what if i had more time and more money?", "ask_cost", slots=slots))
    assert "I'd recommend a MicroMasters program instead" in messages[0]["text"]


def test_how_much_i_will_earn_is_not_answered_with_the_cost():
    messages, _ = respond(tracker("how much will i earn after", "ask_cost"))
    assert messages[0]["text"].startswith("My sources don't cover salaries")


@pytest.mark.parametrize(
    ("action", "intent", "text"),
    [
        (None, "ask_credit", "does a micromasters count toward a bachelors degree?"),
        (None, "search_programs", "what are microbachelors programs"),
        (None, "ask_program_info", "what is xseries on edx"),
    ],
)
def test_edx_s_other_credentials_and_bachelor_s_credit_get_their_answer(action, intent, text):
    # "Often yes" for credit toward a bachelor's; 'no verified programmes in "microbachelors"'.
    messages, slots = respond(
        tracker(text, intent, [entity("credential_type", "micromasters")] if "micromasters" in text else [])
    )
    assert "MicroBachelors (launched January 2020)" in messages[0]["text"]
    assert "none to a bachelor's" in messages[0]["text"] and slots["last_topic"] == "other_credentials"


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
    messages, changed = respond(tracker(text, intent, slots=slots))
    assert messages[0]["text"].startswith("Sorry if I read you wrong. These are the answers I took from what you said")
    assert "To change an answer, just tell me" in messages[0]["text"] and changed == {}


def test_pushing_back_with_a_different_answer_changes_it():
    answers = {"goal": "skills", "wants_credit": False, "weekly_hours": 10.0, "budget": 0.0, "subject": "finance"}
    slots = {**answers, "recommended_credential": "professional_certificate"}
    text = "Where did you get that I have nothing to spend? I said money isn't an issue."
    messages, changed = respond(tracker(text, "ask_worth", slots=slots))
    assert messages[0]["text"] == "Got it: your budget is now no fixed limit." and changed["budget"] == NO_BUDGET_LIMIT


@pytest.mark.parametrize(
    ("earlier", "intent", "subject"),
    [
        ("supply chain programmes", "search_programs", "supply chain"),
        ("tell me about the MIT supply chain micromasters", "ask_program_info", "supply chain"),
        ("any finance or data science programmes?", "search_programs", None),  # two subjects: asked which
    ],
)
def test_a_subject_named_before_the_questions_is_not_asked_again(earlier, intent, subject):
    # "skipping what you've already told me", then "Which subject are you interested in?".
    _, before = respond(tracker(earlier, intent))
    messages, slots = respond(tracker("help me choose", "request_recommendation", slots=before))
    assert slots.get("subject") == subject
    if subject:
        assert messages[1]["text"] == f"From what you said: your subject is {subject}. Tell me if that's wrong."


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
    _, events = form_turn(text, intent, "wants_credit", goal="graduate")
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
    _, events = form_turn(text, intent, "subject", goal="skills", wants_credit=False, weekly_hours=4.0, budget=400.0)
    assert slots_set(events).get("subject") in (None,)


def test_a_tiny_plain_number_said_to_the_budget_question_is_asked_about():
    # "maybe 12" (meant as hours) became "your budget is about $12".
    messages, events = form_turn("maybe 12", "inform", "budget", goal="graduate")
    assert slots_set(events)["budget"] is None and messages[0]["text"].startswith("That seems very little")
    _, dollars = form_turn("$12", "inform", "budget", goal="graduate")
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
    messages, _ = respond(tracker("where i said i have 2000?", "ask_source", slots=slots))
    assert messages[0]["text"].startswith("Sorry if I read you wrong.")
    denied, _ = respond(tracker("I never told you my goal", "deny", slots=slots))
    assert denied[0]["text"].startswith("Sorry if I read you wrong.")


@pytest.mark.parametrize(
    ("action", "intent", "text", "start"),
    [
        (
            None,
            "ask_credit",
            "wait one more q: does a micromasters count as a degree?",
            "No. A MicroMasters program is not a master",
        ),
        (
            None,
            "affirm",
            "I am 52 and changing careers from teaching. Is it too late?",
            "• MicroMasters: No age limit",
        ),
        (None, "affirm", "just yes or no please", "I can't honestly give one yes or no"),
        (
            None,
            "ask_definition",
            "this is probably useless but whatever. what is a micromasters",
            "A MicroMasters program is",
        ),
        (
            None,
            "ask_definition",
            "who issues a micromasters certificate?",
            "• MicroMasters: Recognised by universities",
        ),
        (
            None,
            "ask_cost",
            "is edX free?",
            "• MicroMasters: Auditing is free",
        ),
        (
            None,
            "ask_duration",
            "how many people have finished a micromasters?",
            "My sources have no overall figure",
        ),
        (
            None,
            "search_programs",
            "how many programmes do you have in total?",
            f"My catalogue has {len(KB.programmes)} programmes",
        ),
        (
            None,
            "thank",
            "ok thanks. is that on edX?",
            "edX is an online course platform, not a university",
        ),
    ],
)
def test_questions_new_users_asked_in_their_own_words_get_their_answer(action, intent, text, start):
    # "Often yes" (a degree?), "OK. What else would you like to know?", "Sorry that wasn't helpful".
    kinds = [entity("credential_type", "micromasters")] if "micromasters" in text else []
    messages, _ = respond(tracker(text, intent, kinds))
    assert messages[0]["text"].startswith(start)


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
    # "wat if i only had 3 hrs a week" after a MicroMasters got "I'd still recommend" without the clash.
    # "what if I had $5000?" overwrote the real budget, and "why?" then showed $5,000.
    messages, slots = respond(tracker(text, "ask_cost", slots=RECOMMENDED))
    assert messages[0]["text"].startswith(reply) and slots == {}


def test_asking_for_the_verdict_after_two_answers_recommends_with_what_was_told():
    # "hmm so now what do you recommend" got "That's what these questions are for" every time.
    messages, events = form_turn(
        "hmm so now what do you recommend", "request_recommendation", "wants_credit", goal="graduate", weekly_hours=15.0
    )
    assert messages[0]["text"] == RECOMMENDING_WITH_WHAT_I_HAVE
    assert slots_set(events) == {"wants_credit": "unsure", "budget": "unsure", "subject": "any"}
    early, _ = form_turn("what would you recommend?", "request_recommendation", "wants_credit", goal="graduate")
    assert early[0]["text"] == ALREADY_CHOOSING


def test_not_knowing_what_credit_is_is_no_answer_to_the_credit_question():
    # "i dont know what is credit" was recorded as "credit doesn't matter".
    _, events = form_turn("i dont know what is credit", "inform", "wants_credit", goal="skills")
    assert slots_set(events) == {"wants_credit": None}


def test_the_subject_button_s_payload_answers_the_subject_question():
    # The payload carries no words: the subject was dropped as "named only as a degree held", and the
    # form ended in "Sorry, I didn't understand that".
    slots = {"requested_slot": "subject", "goal": "skills", "wants_credit": False, "weekly_hours": 4.0, "budget": 499.0}
    payload = tracker(
        '/inform{"subject":"data science"}', "inform", [entity("subject", "data science")], slots, "recommendation_form"
    )
    _, events = respond_events(payload)
    assert slots_set(events) == {"subject": "data science"}


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
    messages, changed = respond(t)
    text = messages[0]["text"]
    assert text.startswith(
        "The MITx MicroMasters Program in Supply Chain Management (SCM) is worth a look, but it is a"
    )
    assert "it asks 8-12 hours a week, and you have about 3.5 hours a week" in text
    assert changed["current_programme"] == "mitx_scm"


def test_a_short_subject_name_read_as_another_intent_answers_the_subject_question():
    # "DS" was read as a greeting, and the greeting came again.
    _, events = form_turn("DS", "greet", "subject", goal="skills", wants_credit=False, weekly_hours=10.0, budget=1000.0)
    assert slots_set(events) == {"subject": "data science"}


def test_k_so_if_no_credit_is_a_what_if():
    # "k so if no credit?" after the recommendation got the credit answer "Often yes ...".
    messages, changed = respond(tracker("k so if no credit?", "ask_credit", slots=RECOMMENDED))
    assert messages[0]["text"].startswith("With credit not mattering, I'd") and changed == {}


def test_answers_told_without_saying_i_before_the_questions_are_carried():
    # "no credit needed" before "help me choose" was asked again.
    _, first = respond(tracker("they have about 4 hours a week", "inform"))
    _, second = respond(tracker("no credit needed", "inform", slots=first))
    held = {**first, **second}
    messages, _ = respond(tracker("ok help me choose for them", "request_recommendation", slots=held))
    assert held["wants_credit"] is False and held["weekly_hours"] == 4.0
    assert "under 5 hours a week" in messages[1]["text"] and "doesn't matter" in messages[1]["text"]


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
    messages, changed = respond(tracker(text, "request_recommendation", slots=slots))
    assert messages[0]["text"].startswith("Sorry if I read you wrong.") and "goal" not in changed


def test_both_goals_leave_the_goal_open():
    # "both really, I want job skills but also maybe a masters later" was stored as a quick job skill.
    messages, events = form_turn("both really, I want job skills but also maybe a masters later", "inform", "goal")
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
        form_turn(text, "inform", requested, goal="skills")
        if requested != "goal"
        else form_turn(text, "inform", "goal")
    )
    assert slots_set(events)[slot] == value


def test_a_budget_in_euros_said_early_is_acknowledged():
    # "my parents would pay maybe €1000", said to the goal question, was dropped without a word.
    messages, events = form_turn("my parents would pay maybe €1000", "inform", "goal")
    assert "at the exchange rates of" in messages[0]["text"] and 1000 < slots_set(events)["budget"] < 1100


def test_a_question_naming_a_topic_during_the_questions_is_answered_whatever_it_was_read_as():
    # Read as inform, it got "I can't answer that in the middle of these questions".
    t = tracker(
        "and what about micromasters, do employers care about those",
        "inform",
        [entity("credential_type", "micromasters")],
        slots={"requested_slot": "weekly_hours", "goal": "skills", "wants_credit": False},
        active_loop="recommendation_form",
    )
    messages, events = respond_events(t)
    assert about_kind(messages[0]["text"], "MicroMasters") and "employer" in messages[0]["text"].lower()
    assert "weekly_hours" not in slots_set(events)  # the hours question comes again


@pytest.mark.parametrize("text", ["spot on", "yes that's right", "correct"])
def test_confirming_what_was_said_back_is_no_answer_to_the_next_question(text):
    # After "From what you said: ... Tell me if that's wrong." and the credit question, "spot on" got
    # "Sorry, I didn't catch that" and "yes that's right" was a "yes" to the credit question.
    slots = {"requested_slot": "wants_credit", "goal": "skills"}
    t = tracker(text, "affirm", slots={**slots, "said_back": ["goal"]}, active_loop="recommendation_form")
    messages, events_out = respond_events(t)
    assert slots_set(events_out) == {}  # the credit question comes again
    assert [m["text"] for m in messages] == ["Good, thanks."]
    # Without anything said back, a "yes" is read as usual.
    plain = tracker("yes", "affirm", slots=slots, active_loop="recommendation_form")
    _, events_out = respond_events(plain)
    assert slots_set(events_out)["wants_credit"] is True


def test_a_subject_answer_without_words_is_asked_again():
    t = tracker("😀", "inform", slots={"requested_slot": "subject"}, active_loop="recommendation_form")
    _, events = respond_events(t)
    assert slots_set(events) == {"subject": None}


def test_a_goal_named_after_idk_is_taken():
    t = tracker(
        "idk just want a better job tbh", "inform", slots={"requested_slot": "goal"}, active_loop="recommendation_form"
    )
    _, events = respond_events(t)
    assert slots_set(events)["goal"] == "skills"


def test_a_subject_the_catalogue_lacks_gets_the_recommended_kind_from_any_subject_said_so():
    # The subject answered last, with a subject my catalogue has nothing in.
    held = {"goal": "skills", "wants_credit": False, "weekly_hours": 4.0, "budget": 300.0}
    messages, events = form_turn("nursing", "inform", "subject", **held)
    assert messages[0]["text"].startswith('I have no programmes in "nursing" in my catalogue')
    assert slots_set(events)["subject"] == "any"
    said, slots = recommending({**held, "subject": "any"})
    text = said[0]["text"]
    assert "Professional Certificate programs to look at, from any subject" in text
    listed = [KB.programme(pid) for pid in slots["listed_programmes"]]
    assert listed and all(p.credential_type == "professional_certificate" and p.status != "retired" for p in listed)


@pytest.mark.parametrize(
    ("change", "still"),
    [
        ("sorry i meant 1500 not 500", True),  # the same credential: said to stand
        ("actually credit matters and i have 15 hours a week and 3000 dollars", False),  # a new one: just given
    ],
)
def test_a_change_after_the_recommendation_says_whether_the_credential_stands(change, still):
    answers = {"goal": "skills", "wants_credit": False, "weekly_hours": 4.0, "budget": 499.0, "subject": "data science"}
    messages, _ = respond(after_recommending(answers, change, "inform"))
    texts = [m.get("text", "") for m in messages]
    said = any(t.startswith("That doesn't change the credential I'd suggest: still a") for t in texts)
    assert said == still, texts


@pytest.mark.parametrize(
    ("then", "intent", "carried"),
    [("help me choose", "request_recommendation", True), ("start over", "start_over", False)],
)
def test_the_subject_just_searched_is_carried_into_the_questions_only_when_they_start_not_over(then, intent, carried):
    # "start over" after a search for cybersecurity said back "your subject is cybersecurity".
    t = conversation(("cybersecurity programs", "search_programs"), (then, intent))
    _, slots = respond(t)
    assert (slots.get("subject") == "cybersecurity") == carried


def test_a_what_if_that_tells_against_the_recommendation_kept_says_so():
    # "wat if i only had 3 hrs a week" after a MicroMasters got "I'd still recommend a MicroMasters" and no more.
    slots = {
        "goal": "graduate",
        "wants_credit": True,
        "weekly_hours": 10.0,
        "budget": 1500.0,
        "subject": "data science",
        "recommended_credential": "micromasters",
    }
    messages, _ = respond(tracker("wat if i only had 3 hrs a week", "inform", slots=slots))
    assert messages[0]["text"].startswith(
        "With about 3 hours a week, I'd still recommend a MicroMasters program; that change points the other way "
        "(you have about 3 hours a week)"
    )


def test_an_answer_read_from_words_in_the_message_that_starts_the_questions_is_said_back_once():
    # "Noted: no fixed limit." came first, then "From what you said: ... your budget is no fixed limit".
    text = "im a teacher, maybe 3 hrs a week, cost isnt a big deal. which fits me?"
    messages, _ = respond_events(tracker(text, "request_recommendation"))
    said = " ".join(m["text"] for m in messages)
    assert said.count("no fixed limit") == 1 and "From what you said" in said
