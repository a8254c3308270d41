"""The small-talk handler: courtesies, what the bot is, help, and honest replies to what it did not understand."""

import pytest

from advisor.knowledge import default_knowledge
from advisor.questions import QUESTIONS
from advisor.replies import (
    NOT_UNDERSTOOD,
    ONLY_ENGLISH,
    OUT_OF_SCOPE,
    uncovered_reply,
)
from advisor.smalltalk import (
    BOT_IDENTITY,
    COMPLAINT_REPLY,
    GOODBYE_REPLY,
    THANKS_AND_GOODBYE_REPLY,
)
from tests.turns import (
    after,
    entity,
    found,
    just_described,
    questions_now,
    respond,
    respond_events,
    slots_set,
    tracker,
)

KB = default_knowledge()
from actions.recommendation import STARTED  # noqa: E402
from actions.smalltalk import ACKNOWLEDGED as ANYTHING_ELSE  # noqa: E402

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


@pytest.mark.parametrize(
    ("action", "intent", "text", "otherwise"),
    [
        (None, "affirm", "the 3rd one", ANYTHING_ELSE),
        (None, "nlu_fallback", "number 2", ANYTHING_ELSE),
    ],
)
def test_pointing_into_a_list_works_whatever_the_intent(action, intent, text, otherwise):
    ids = ["mitx_scm", "mitx_sds", "mitx_finance"]
    position = 2 if "3rd" in text else 1
    messages, _ = respond(tracker(text, intent, slots={"listed_programmes": ids}))
    assert messages[0]["text"].startswith(KB.programme(ids[position]).title)
    plain, _ = respond(tracker("ok", intent, slots={"listed_programmes": ids}))
    assert plain[0]["text"] == otherwise


def test_a_programme_no_longer_in_the_catalogue_is_not_pointed_at():
    t = tracker("the first one", "affirm", slots={"listed_programmes": ["retired_long_ago"]})
    messages, _ = respond(t)
    assert [m["text"] for m in messages] == [ANYTHING_ELSE]


def test_not_understood_in_another_language_says_the_bot_answers_in_english():
    messages, _ = respond(tracker("hola, cuanto cuesta un micromasters?", "nlu_fallback"))
    assert [m["text"] for m in messages] == [ONLY_ENGLISH]
    english, _ = respond(tracker("asdf qwerty", "nlu_fallback"))
    assert [m["text"] for m in english] == [NOT_UNDERSTOOD]


def test_a_subject_read_as_a_yes_outside_the_questions_searches_it():
    t = tracker("ai progs", "affirm", [entity("subject", "artificial intelligence")])
    messages, _ = respond(t)
    assert (
        messages[0]["text"].startswith("I found") and "artificial intelligence" in messages[0]["text"].splitlines()[0]
    )


def test_thanks_during_the_questions_are_short_and_a_complaint_gets_an_apology():
    thanks, _ = respond(tracker("thanks", "thank", active_loop="recommendation_form"))
    assert [m["text"] for m in thanks] == ["You're welcome!"]
    insult, _ = respond(tracker("you're useless", "thank", active_loop="recommendation_form"))
    assert [m["text"] for m in insult] == [COMPLAINT_REPLY]


def test_thanks_bye_during_the_questions_ends_them_with_a_goodbye():
    t = tracker("thanks, bye", "thank", slots={"requested_slot": "budget"}, active_loop="recommendation_form")
    messages, events = respond_events(t)
    assert [m["text"] for m in messages] == [THANKS_AND_GOODBYE_REPLY]
    assert questions_now(events) == "stop"  # the rules end the questions: not the next question


def test_a_complaint_read_as_a_no_gets_an_apology_not_what_else():
    messages, _ = respond(tracker("worst bot ever", "deny"))
    assert [m["text"] for m in messages] == [COMPLAINT_REPLY]


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        ("can a 17 year old do a micromasters", "out_of_scope", "For a MicroMasters, my sources don't state an age"),
        ("is there an age limit", "ask_level", "• MicroMasters: No age limit stated in my sources"),
        ("do you know a good pizza place near mit", "out_of_scope", None),  # no credential, no topic
        ("how old is the oldest person alive", "out_of_scope", None),  # no credential, no topic: out of scope
    ],
)
def test_age_questions_get_what_the_sources_say_and_no_invented_limit(text, intent, expected):
    messages, _ = respond(tracker(text, intent, entities=[]))
    assert messages[0]["text"].startswith(expected or OUT_OF_SCOPE)


@pytest.mark.parametrize(
    ("text", "goal"),
    [("which is better for getting a job fast", "skills"), ("what's best if i want a masters later", "graduate")],
)
def test_which_is_better_for_a_goal_read_as_off_topic_starts_the_questions_with_the_goal_taken(text, goal):
    messages, events = respond_events(tracker(text, "out_of_scope"))
    assert messages[0]["text"] == STARTED and messages[1]["text"].startswith("From what you said: your goal is")
    assert slots_set(events)["goal"] == goal
    assert questions_now(events) == "start"
    # Which of something else is off-topic still.
    other, _ = respond(tracker("which pizza is better for a quick lunch", "out_of_scope"))
    assert [m["text"] for m in other] == [OUT_OF_SCOPE]


def test_thanks_with_a_goodbye_gets_a_closing_reply():
    closing, _ = respond(tracker("thanks, bye", intent="thank"))
    plain, _ = respond(tracker("thanks!", intent="thank"))
    assert [m["text"] for m in closing] == [
        "You're welcome! Goodbye, and good luck with your studies. Come back any time."
    ]
    assert [m["text"] for m in plain] == [
        "You're welcome! Anything else about MicroMasters or Professional Certificates?"
    ]


@pytest.mark.parametrize(
    ("action", "text", "intent", "expected"),
    [
        # Caught by the fallback: the topic's own words are understood enough.
        (None, "are there exams?", "nlu_fallback", "a proctored Comprehensive Final Exam (CFx)"),
        (None, "can i study at my own pace", "ask_duration", "MITx Finance offers self-paced courses"),
        (None, "is a micromasters a real masters degree?", "ask_definition", "not a master's degree"),
        (None, "is it realistic with a full time job and kids?", "ask_worth", "roughly 8-14 hours a week"),
    ],
)
def test_exams_pace_and_degree_questions_are_answered_from_the_knowledge_base(action, text, intent, expected):
    messages, slots = respond(tracker(text, intent, slots={"credential_type": "micromasters"}))
    assert expected in messages[0]["text"] and "Source:" in messages[0]["text"] and slots["last_citations"]


def test_a_message_the_fallback_caught_that_names_one_listed_programme_describes_it():
    listed = {"listed_programmes": ["ritx_cybersecurity"]}
    messages, slots = respond(tracker("is the rit one good", "nlu_fallback", slots=listed))
    assert messages[0]["text"].startswith("RITx MicroMasters Program in Cybersecurity")
    assert slots["current_programme"] == "ritx_cybersecurity"
    # With no list, "the rit one" names several programmes: which one?
    unlisted, _ = respond(tracker("is the rit one good", "nlu_fallback"))
    assert unlisted[0]["text"].startswith("Which one do you mean: the RITx")


def test_the_same_topic_asked_in_other_words_is_not_called_a_misreading():
    t = after("can a 17 year old do a micromasters", "out_of_scope", "am i too old at 55?", "ask_level")
    again, _ = respond(t)
    assert again[0]["text"].startswith("In short: ")  # understood: the answer again, in short


def test_a_doubtful_programme_the_fallback_caught_gets_what_the_sources_say():
    # "is there a fintech micromasters?" got "Sorry, I didn't understand that".
    messages, _ = respond(tracker("is there a fintech micromasters?", "nlu_fallback"))
    assert "I couldn't find a MicroMasters in FinTech" in messages[0]["text"]


def test_who_runs_edx_read_as_a_question_about_the_bot_gets_the_answer_about_edx():
    # It got "I'm a bot ... not affiliated with edX".
    messages, _ = respond(tracker("who runs edX?", "bot_challenge"))
    assert "2U" in messages[0]["text"]
    bot, _ = respond_events(tracker("are you a bot?", "bot_challenge"))
    assert [m["text"] for m in bot] == [BOT_IDENTITY]


@pytest.mark.parametrize(
    ("text", "reply_starts"),
    [
        ("what about nursing?", 'I couldn\'t find any verified programmes in "nursing"'),
        ("what about supply chain?", "MITx MicroMasters Program in Supply Chain Management"),  # the only one
    ],
)
def test_what_about_a_subject_read_as_help_is_about_that_subject(text, reply_starts):
    # It got the help menu.
    messages, _ = respond(tracker(text, "help"))
    assert messages[0]["text"].startswith(reply_starts)


def test_help_gets_what_i_can_do():
    messages, _ = respond(tracker("what can you do?", "help"))
    assert messages[0]["text"].startswith("I can:\n• answer questions about edX MicroMasters programs")
    assert [b["title"] for b in messages[0]["buttons"]] == ["Help me choose", "What's the difference?"]


def test_a_programme_named_by_its_short_name_is_found():
    # "tell me about dedp" was not understood; "dedp cost" got the general MicroMasters cost.
    described, _ = respond(tracker("tell me about dedp", "nlu_fallback"))
    assert described[0]["text"].startswith(KB.programme("mitx_dedp").title)
    cost, _ = respond(tracker("dedp cost", "ask_cost"))
    assert cost[0]["text"].startswith(KB.programme("mitx_dedp").title) and "• Price:" in cost[0]["text"]


def test_what_about_the_rit_ones_lists_them_all():
    # It described RIT's cybersecurity programme only, and offered project management as "did you mean".
    messages, _ = respond(tracker("what about the rit ones", "nlu_fallback"))
    assert messages[0]["text"].startswith(f"I found {found('rit programmes')} programmes from RIT")


@pytest.mark.parametrize(
    ("text", "reply_starts"),
    [
        (
            "hi im a mom of 3 kids, i have maybe 2 hrs a week tops. something in business or marketing?",
            "I found {} programmes in marketing or business analytics or business management".format(
                found("marketing or business analytics or business management programmes")
            ),
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
    messages, _ = respond(tracker(text, "out_of_scope"))
    assert messages[0]["text"].startswith(reply_starts)


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [
        (None, "are you sure?", "bot_challenge"),  # got "I'm a bot"
        (None, "how sure are you?", "ask_source"),  # got the sources alone
        (None, "how confident are you in the price", "ask_cost"),
        (None, "how sure are you", "help"),  # got the help menu
    ],
)
def test_are_you_sure_says_how_far_to_trust_the_answers_and_where_the_last_came_from(action, text, intent):
    _, answered = respond(tracker("how much is a micromasters", "ask_cost"))
    messages, _ = respond(tracker(text, intent, slots=answered))
    reply = messages[0]["text"]
    assert reply.startswith("I'm only as sure as my sources.") and "That came from:" in reply


@pytest.mark.parametrize(("action", "intent"), [(None, "help"), (None, "nlu_fallback")])
def test_what_courses_right_after_a_programme_describes_it(action, intent):
    # "what courses" got the help menu.
    messages, _ = respond(just_described("harvardx_data_science", "what courses", intent))
    assert messages[0]["text"].startswith(KB.programme("harvardx_data_science").title)


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [(None, "ok continue", "affirm"), (None, "let's carry on", "show_more")],
)
def test_carry_on_after_stopping_the_questions_resumes_them(action, text, intent):
    # It got "There is nothing to show more of yet".
    messages, events = respond_events(tracker(text, intent, slots={"goal": "skills", "wants_credit": False}))
    assert [m["text"] for m in messages] == ["Let's carry on where we stopped."]
    assert questions_now(events) == "start"
    nothing_started, _ = respond_events(tracker(text, intent))
    assert nothing_started[0]["text"] != "Let's carry on where we stopped."


def test_what_does_it_cover_right_after_a_programme_gets_its_details_not_the_help_text():
    # It got "I can: • answer questions about edX MicroMasters programs ...".
    # Right after its short card, the whole card (with its courses), not the same card twice.
    messages, _ = respond(just_described("mitx_scm", "what does it cover?", "help"))
    assert "• Note: The degree is sometimes named" in messages[0]["text"]


def test_a_long_story_of_ones_situation_read_as_off_topic_starts_the_questions():
    # A retail worker's situation ending "what should i do??" got "Sorry, that's outside what I cover".
    text = (
        "ok so heres my situation. im 34, i worked in retail for like 10 years. i want to move into data analytics "
        "but i have two kids and i work full time so i only have evenings, maybe 4 hours a week. money is tight, a "
        "few hundred bucks. what should i do??"
    )
    messages, events = respond_events(tracker(text, "out_of_scope"))
    assert messages[0]["text"] == STARTED
    assert slots_set(events)["goal"] == "skills"
    assert questions_now(events) == "start"


def test_another_provider_read_as_off_topic_is_said_to_be_beyond_my_sources():
    # "is this coursera" got "Sorry, that's outside what I cover".
    messages, _ = respond(tracker("is this coursera", "out_of_scope"))
    assert messages[0]["text"] == uncovered_reply("providers")


def test_the_mit_one_with_two_mit_programmes_listed_asks_which():
    ids = ["harvardx_data_science", "mitx_sds", "ucsd_data_science", "mitx_dedp"]
    t = tracker("the mit one", "nlu_fallback", [entity("institution", "MIT")], slots={"listed_programmes": ids})
    messages, slots = respond(t)
    assert messages[0]["text"].startswith(f"Which one do you mean: the {KB.programme('mitx_sds').title} or the")
    assert slots["listed_programmes"] == ["mitx_sds", "mitx_dedp"]  # "the second one" then picks DEDP


@pytest.mark.parametrize("text", ["thanks, bye", "cheers, see you", "ok thank you, goodbye"])
def test_a_goodbye_that_thanks_is_thanked_too(text):
    # "thanks, bye" read as goodbye (not thanks) got the plain goodbye, without "You're welcome".
    messages, _ = respond(tracker(text, "goodbye"))
    assert [m.get("text") for m in messages] == [THANKS_AND_GOODBYE_REPLY]


def test_goodbye_says_goodbye_but_a_question_misread_as_one_is_answered():
    # "ok so columbia or GT? pick one" after a recommendation got "Goodbye, and good luck".
    bye, _ = respond(tracker("bye for now", "goodbye"))
    assert [m.get("text") for m in bye] == [GOODBYE_REPLY]
    asked = tracker(
        "ok so columbia or GT? pick one",
        "goodbye",
        [entity("institution", "Columbia"), entity("institution", "Georgia Tech")],
    )
    messages, _ = respond(asked)
    assert messages and all(m.get("text") != GOODBYE_REPLY for m in messages)
    assert "Columbia" in "\n".join(m["text"] for m in messages)


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [
        (None, "that's outdated, prices have gone up a lot since 2018", "goodbye"),
        (None, "your prices are from 2018, that's old", "out_of_scope"),
        (None, "is the $1,350 still correct today?", "out_of_scope"),
        (None, "is ur info up to date?", "ask_source"),
        (None, "are these prices still valid", "ask_cost"),
    ],
)
def test_whether_my_facts_are_current_gets_how_old_they_are(action, text, intent):
    """It got "Goodbye, and good luck", "outside what I cover" or a list of sources."""
    cited = [{"source_id": "mit_scm_faq", "as_of": "2019", "verified": True}]
    messages, _ = respond(tracker(text, intent, slots={"last_citations": cited}))
    assert len(messages) == 1 and messages[0]["text"].startswith("My facts are only as current as my sources")
    assert "check the programme's page on edX" in messages[0]["text"]
    assert messages[0]["text"].endswith("My last answer: as of 2019.")


def test_a_question_read_as_stop_outside_the_questions_is_not_waved_through():
    # "if I stop now do I get anything for the 2 courses I did?" got "OK. What else would you like to know?".
    asked, _ = respond(tracker("if I stop now do I get anything for the 2 courses I did?", "stop"))
    assert [m["text"] for m in asked] == [NOT_UNDERSTOOD]
    plain, _ = respond(tracker("stop", "stop"))
    assert plain[0]["text"].startswith("OK. What else")


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [(None, "ok can you just help me pick", "help"), (None, "ok lets do the questions", "stop")],
)
def test_asking_for_the_questions_in_other_words_starts_them(action, text, intent):
    # They got the help menu and "OK. What else would you like to know?".
    messages, events = respond_events(tracker(text, intent))
    assert messages[0]["text"] == STARTED and questions_now(events) == "start"


def test_a_topic_question_read_as_help_is_answered():
    # "what do people usually spend?" got the help menu.
    messages, slots = respond(tracker("what do people usually spend?", "help"))
    assert "$1,000" in messages[0]["text"] and slots["last_topic"] == "cost"


def test_a_catalogued_programme_asked_about_in_a_long_off_topic_reading_is_described():
    # It got "Sorry, that's outside what I cover" though the IIMBx MicroMasters is in the catalogue.
    text = (
        "Hello sir, I am working in Bangalore as software tester 4 years. Want to move to management side. "
        "IIM Bangalore micromasters is good option?"
    )
    named = [entity("institution", "IIM Bangalore"), entity("credential_type", "micromasters")]
    messages, slots = respond(tracker(text, "out_of_scope", named))
    # (IIM Bangalore has two MicroMasters since the catalogue additions: both are listed.)
    n = found("iim bangalore micromasters")
    assert messages[0]["text"].startswith(f"I found {n} MicroMasters programmes from IIM Bangalore")
    assert "iimbx_business_management" in slots["listed_programmes"]
    pizza, _ = respond(tracker("a good pizza place near mit", "out_of_scope", [entity("institution", "MIT")]))
    assert pizza[0]["text"] == OUT_OF_SCOPE


@pytest.mark.parametrize(
    ("action", "intent", "text"),
    [
        (None, "out_of_scope", "when did 2u buy edx"),
        (None, "affirm", "did 2u go bankrupt"),
        (None, "ask_definition", "when was edx founded"),
    ],
)
def test_questions_about_edx_s_history_get_its_answer(action, intent, text):
    # "That's outside what I cover", "OK. What else would you like to know?", "I may have misread you".
    messages, slots = respond(tracker(text, intent))
    assert "founded by Harvard and MIT in 2012" in messages[0]["text"] and slots["last_topic"] == "about_edx"


def test_thanks_with_leaving_for_now_ends_the_questions():
    # "ok thank you, I will talk to him tonight" got "You're welcome!" and the pending question again.
    messages, events = respond_events(
        tracker("ok thank you, I will talk to him tonight", "thank", active_loop="recommendation_form")
    )
    assert questions_now(events) == "stop"


@pytest.mark.parametrize(
    ("action", "intent", "text"),
    [
        (None, "nlu_fallback", "what if I had $2000?"),
        (None, "ask_program_info", "hmm, what if I had more time, like 15 hours a week?"),
    ],
)
def test_a_what_if_after_the_recommendation_is_answered_whatever_it_was_read_as(action, intent, text):
    # "Sorry, I didn't understand that" and a programme card.
    messages, changed = respond(tracker(text, intent, slots=RECOMMENDED))
    assert messages[0]["text"].startswith("With ") and changed == {}


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("that seems wrong, I only have a few hours", "Got it: you now have about 3 hours a week."),
        ("I disagree, I think a certificate is better", "Sorry if I read you wrong."),
    ],
)
def test_disagreeing_with_the_recommendation_changes_an_answer_or_shows_those_held(text, start):
    # "OK. What else would you like to know?", or a list of programmes.
    messages, _ = respond(tracker(text, "deny", slots=RECOMMENDED))
    assert messages[0]["text"].startswith(start)


@pytest.mark.parametrize("text", ["nope thats all", "nah im good", "no thanks, i'm all set"])
def test_a_no_that_ends_the_conversation_says_goodbye(text):
    # They got "OK. What else would you like to know?".
    messages, _ = respond(tracker(text, "deny"))
    assert "Goodbye" in messages[0]["text"]


@pytest.mark.parametrize(("text", "said"), [("ta", ["You're welcome!"]), ("qwerty uiop", [])])
def test_a_message_read_as_goodbye_during_the_questions_without_a_farewell_lets_them_go_on(text, said):
    # "ta" (thanks) said to the goal question ended the questions with "Goodbye, and good luck".
    events = [{"event": "action", "name": "action_deactivate_loop"}]
    t = tracker(text, "goodbye", slots={"requested_slot": "goal"}, active_loop="recommendation_form", events=events)
    messages, events_out = respond_events(t)
    assert [m["text"] for m in messages if m["text"] != QUESTIONS["goal"].hint] == said
    assert {"event": "slot", "timestamp": None, "name": "questions", "value": "stop"} not in events_out


def test_good_day_as_the_first_message_greets():
    # Read as goodbye, the first message got "Goodbye, and good luck with your studies!".
    events = [{"event": "user", "text": "good day"}]
    messages, _ = respond_events(tracker("good day", "goodbye", events=events))
    assert messages[0]["text"].startswith("Hi! I'm the edX credential advisor")
    later = events + [{"event": "bot", "text": "Hi!"}, {"event": "user", "text": "good day"}]
    messages, _ = respond_events(tracker("good day", "goodbye", events=later))
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
    messages, slots = respond(tracker(text, "bot_challenge", slots=answers))
    assert slots["subject"] == "data science"
    assert messages[0]["text"].startswith("Got it: ")
