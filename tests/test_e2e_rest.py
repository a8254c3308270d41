"""End to end: the real action server and Rasa server, over the REST channel."""

import pytest

from advisor.knowledge import default_knowledge
from advisor.matching import build_query, search_programmes
from advisor.recommend import Profile, recommend
from advisor.smalltalk import THANKS_AND_GOODBYE_REPLY
from advisor.values import NO_BUDGET_LIMIT
from tests.turns import about_kind

pytestmark = [pytest.mark.model, pytest.mark.servers]

KB = default_knowledge()


def listed(text: str) -> list:
    """The programmes a search for ``text`` lists, in order: tests assert behaviour, not the catalogue's size."""
    return search_programmes(KB, build_query(KB, text))


def test_greeting_offers_buttons(client):
    replies = client.say("hi")
    assert "edX credential advisor" in replies[0]["text"]
    assert {b["payload"] for b in replies[0]["buttons"]} >= {"/request_recommendation"}


def test_thanks_alone_asks_for_more_and_thanks_with_bye_says_goodbye(client):
    assert "Anything else" in client.text("thanks")
    closing = client.text("thanks, bye")
    assert "Goodbye" in closing and "Anything else" not in closing


def test_thanks_bye_during_the_questions_ends_them(client):
    client.say("help me choose")
    client.say("a quick job skill")
    closing = client.say("thanks, bye")
    assert [r["text"] for r in closing] == [THANKS_AND_GOODBYE_REPLY]
    assert client.slot("requested_slot") is None
    # Back later: a "yes" is not taken for an answer to the credit question.
    assert client.text("yes").startswith("OK. What else")


def test_thanks_during_the_questions_do_not_end_them(client):
    # "ta" was read as goodbye and ended the questions; "job skill" then was no answer.
    client.say("help me choose")
    replies = [r["text"] for r in client.say("ta")]
    assert not any("Goodbye" in text for text in replies)
    assert client.slot("requested_slot") == "goal"
    client.say("a quick job skill")
    assert client.slot("goal") == "skills"


def test_faq_answer_with_source_and_follow_up(client):
    answer = client.text("how much does a micromasters cost?")
    assert about_kind(answer, "MicroMasters") and "$1,000" in answer and "As of" in answer
    follow_up = client.text("and for a professional certificate?")
    assert about_kind(follow_up, "Professional Certificate")
    client.say("how long does a micromasters take")
    cost = client.text("and how much")  # A new topic, same credential.
    assert about_kind(cost, "MicroMasters") and "$1,000" in cost
    sources = client.text("where is that from?")
    assert "https://" in sources


def test_terse_messages_after_a_comparison_stay_about_both(client):
    client.text("mm vs pc")
    cost = client.text("cost?")
    assert "• MicroMasters:" in cost and "• Professional Certificate:" in cost


def test_a_follow_up_after_a_programme_is_about_that_programme(client):
    client.text("is there a columbia AI professional certificate")  # Context: Professional Certificate.
    assert client.text("tell me about the UCSD data science one").startswith("UC San Diego MicroMasters")
    cost = client.text("how much does it cost")
    assert cost.startswith("UC San Diego MicroMasters Program in Data Science") and "• Price:" in cost
    assert about_kind(client.text("and for a professional certificate?"), "Professional Certificate")


def test_a_message_not_understood_does_not_lose_the_programme_in_context(client):
    client.text("tell me about the harvard data science certificate")
    assert client.text("asdfgh qwerty").startswith("Sorry, I didn't understand")
    assert client.text("how long is it").startswith("HarvardX Professional Certificate in Data Science")
    assert "it can be, if the skills match" in client.text("is it any good?")  # caught by the fallback


def test_tell_me_about_it_after_a_list_of_one_points_to_that_programmes_card(client):
    # The one programme found is described at once; asked for again, its card is not repeated.
    assert client.text("which supply chain programs are there").startswith("MITx MicroMasters Program in Supply Chain")
    again = client.text("tell me about it")  # its short card was shown: now the rest of it
    assert again.startswith("MITx MicroMasters Program in Supply Chain") and "• Note:" in again
    assert client.text("tell me more").startswith("My answer just above is everything I have on the MITx")


def test_two_programmes_compared_by_name_are_shown_side_by_side(client):
    reply = client.text("compare the mitx supply chain micromasters with the harvard data science certificate")
    assert reply.startswith("Side by side:")
    assert "MITx MicroMasters Program in Supply Chain Management" in reply
    assert "HarvardX Professional Certificate in Data Science" in reply
    assert client.text("tell me about the second one").startswith("HarvardX Professional Certificate in Data Science")


def test_a_question_about_one_named_programme_gets_its_own_facts(client):
    cost = client.text("how much is the mitx supply chain micromasters")
    assert cost.startswith("MITx MicroMasters Program in Supply Chain Management") and "$1,350" in cost
    assert "• Length and effort:" in client.text("how long is it")


def test_which_ones_are_micromasters_narrows_the_programmes_just_listed(client):
    found = len(listed("data science programs"))
    assert client.text("data science programs").startswith(f"I found {found} programmes in data science")
    micromasters = len(listed("data science micromasters"))
    assert client.text("which ones are micromasters").startswith(
        f"I found {micromasters} MicroMasters programmes in data science"
    )
    certificates = len(listed("data science professional certificates"))
    assert client.text("and which are professional certificates?").startswith(
        f"I found {certificates} Professional Certificate programmes in data science"
    )
    assert about_kind(client.text("what is a micromasters"), "MicroMasters")  # a new question


def test_a_subject_the_catalogue_lacks_is_not_answered_with_every_programme(client):
    assert client.text("are there any programs in nursing").startswith(
        'I couldn\'t find any verified programmes in "nursing" in my catalogue'
    )
    assert client.text("list all programmes").startswith(f"My catalogue has {len(KB.programmes)} programmes")


def test_the_same_answer_is_not_repeated_word_for_word(client):
    first = client.text("are micromasters recognised by employers?")
    assert about_kind(first, "MicroMasters")
    # The same question again was understood: the answer again, shorter (not the paragraph word for word).
    again = client.text("are micromasters recognised by employers?")
    assert again != first and len(again) < len(first) and "employer" in again.lower()
    assert "https://" in client.text("where is that from?")  # The sources of the answer above.


def test_audit_financial_aid_and_refunds_get_their_own_answers(client):
    audit = client.text("can i audit a micromasters for free?")
    assert audit.startswith("For a MicroMasters, you can audit the courses for free")
    assert "verified certificate in every course" in audit
    aid = client.text("how do i apply for financial aid")  # Same credential as before.
    assert aid.startswith("Course by course") and "apply separately" in aid  # a "how" question: no "Yes"
    refund = client.text("can i get a refund on a professional certificate")
    assert refund.startswith("For a verified course")
    assert "14 days" in refund


def test_pointing_into_the_list_just_shown(client):
    # Read as affirm, the fallback, a follow-up or a programme question: each reaches the programme.
    client.say("which mit programmes are there")
    shown = [programme.title for programme in listed("mit programmes")]
    assert len(shown) == 5
    for text, title in [("the 3rd one", shown[2]), ("number 2", shown[1]), ("the last one", shown[-1])]:
        assert client.text(text).startswith(title), text
    assert client.text("and the first one?").startswith(shown[0])
    assert client.text("the 7th one").startswith("I only listed 5 programmes.")


def test_which_is_cheaper_compares_the_costs_side_by_side(client):
    client.text("what's the difference between a micromasters and a professional certificate?")
    answer = client.text("which one is cheaper?")
    assert "$1,000" in answer and "• Professional Certificate:" in answer


def test_questions_beyond_my_sources_get_what_is_known_or_an_honest_answer(client):
    expiry = client.text("does it expire?")
    assert expiry.startswith("Whether a certificate")
    assert "does not expire" in expiry and "Source:" in expiry
    assert client.text("can i take the courses in spanish").startswith(
        "My sources don't cover which languages the courses are taught in"
    )
    finishing = client.text("how many people actually finish a micromasters?")
    assert finishing.startswith("My sources have no overall figure") and "12.6%" in finishing
    assert client.text("and if i fail a course?").startswith("My sources don't cover failing or retaking")


def test_which_is_cheapest_after_a_list_gives_each_listed_price(client):
    client.text("data science programs")
    prices = client.text("which one is the cheapest?")
    assert prices.startswith("On price, the programmes I just listed:") and "$149" in prices
    assert client.text("the second one").startswith(listed("data science programs")[1].title)


def test_questions_about_each_programme_just_compared_get_each_ones_answer(client):
    client.text("data science programs")
    assert client.text("compare the first two").startswith("Side by side:")
    credit = client.text("which one gives credit?")
    assert (
        credit.startswith("On credit pathway, the programmes I just listed:") and "MIT lists pathway schools" in credit
    )
    python = client.text("which one uses python?")
    assert python.startswith("Of the programmes I just listed, my sources mention python for:")
    first, second = listed("data science programs")[:2]
    assert client.text("tell me about the second one").startswith(second.title)
    assert client.text("and the other?").startswith(first.title)


def test_which_is_most_respected_after_a_list_is_not_made_up_and_the_list_stays(client):
    client.text("data science programs")
    assert client.text("ok whats the most respected one").startswith("My sources don't rate programmes")
    assert client.text("which is cheapest").startswith("On price, the programmes I just listed:")


def test_a_newcomer_describing_their_situation_starts_the_questions_with_what_they_said(client):
    # (Healthcare and public health have programmes since the catalogue additions.)
    replies = client.say("hello, I'm a nurse thinking about moving into data")
    # A situation with answers in it (a move into a new field: job skills; "data": data science) starts the
    # questions, says those answers back once and asks only the rest.
    texts = [r.get("text", "") for r in replies]
    assert any(t.startswith("From what you said: your goal is a practical job skill") for t in texts)
    assert any("your subject is data science" in t for t in texts)
    assert texts[-1].startswith("Does academic credit toward a master's degree matter to you?")
    assert client.text("what about philosophy").startswith('I couldn\'t find any verified programmes in "philosophy"')


def test_full_recommendation_with_buttons_free_text_and_an_interruption(client):
    opening = client.say("which one should I choose?")
    assert any("goal" in m.get("text", "") for m in opening)
    client.say('/inform{"goal":"skills"}')
    interrupted = client.text("wait, do certificates give credit?")
    assert (
        "Professional Certificate" in interrupted and "credit toward a master's" in interrupted
    )  # answered, then asked again
    client.say("no, not really")
    client.say("about 3 hours a week")
    budget_reply = client.text("under $500")
    assert "subject" in budget_reply
    result = client.text("data science")
    assert "My recommendation: a Professional Certificate program." in result
    # Data science certificates, not HarvardX's (about $1,341 for its 9 courses by an estimate, over the $500).
    assert "Data science Professional Certificate programs to look at" in result
    assert "HarvardX Professional Certificate in Data Science" not in result
    assert client.slot("recommended_credential") == "professional_certificate"
    why = client.text("why?")
    assert "about 3 hours a week" in why
    programmes = client.text("so which programmes are there?")  # The recommended kind, not the whole catalogue.
    # Current ones only: a retired programme is no suggestion after a recommendation.
    certificates = len([p for p in listed("data science professional certificates") if p.status != "retired"])
    assert programmes.startswith(f"I found {certificates} Professional Certificate programmes in data science")
    changed = client.text("actually my budget is 2000 and credit matters")
    assert changed.startswith("Got it: credit toward a master's now matters to you; your budget is now about $2,000.")
    assert "My recommendation: a MicroMasters program." in changed
    assert client.slot("budget") == 2000 and client.slot("recommended_credential") == "micromasters"
    client.say("actually no, credit doesn't matter and my budget is under $500")
    assert client.slot("recommended_credential") == "professional_certificate"
    first = client.text("tell me about the first one")
    answers = [client.slot(name) for name in ("goal", "wants_credit", "weekly_hours", "budget", "subject")]
    recommended = recommend(KB, Profile(*answers)).programmes[0]
    assert first.startswith(f"{recommended.title} ({recommended.institution}, Professional Certificate program)")


def test_an_answer_the_form_cannot_read_gets_the_question_again_with_an_example(client):
    client.say("help me choose")
    client.say("a quick job skill")
    # Read as a "yes" and as "stop" by the classifier, but they only hesitate.
    for hesitation in ("hmm", "let me think about it"):
        reply = client.text(hesitation)
        assert reply.startswith("No rush, take your time.") and reply.endswith("matter to you?")
    client.say("no")
    client.say("6 hours")
    question = "Roughly what's your budget in US dollars for the whole credential?"
    # Not understood at all: the question again, with an example ("one" here is no figure).
    reply = client.text("the blue one i guess")
    assert reply.startswith("Sorry, I didn't catch the budget") and reply.endswith(question)
    assert "Which subject" in client.text("not much, a few hundred bucks")
    assert client.slot("budget") == 300


def test_start_over_during_the_questions_restarts_them(client):
    client.say("help me choose")
    client.say("a quick job skill")
    replies = [r["text"] for r in client.say("start over")]
    assert replies[0].startswith("Let's find the right fit.") and replies[-1].startswith("What's your main goal")
    assert client.slot("goal") is None


def test_not_sure_leaves_a_question_out_and_the_recommendation_still_comes(client):
    client.say("help me choose")
    # "no idea" may be read as a "no"; "skip this one" as a request to stop.
    for unsure in ("not sure yet", "no idea", "10 hours", "skip this one"):
        reply = client.text(unsure)
        if unsure != "10 hours":
            assert reply.startswith("No problem: I'll leave that out of the recommendation.")
    assert client.slot("goal") == "unsure" and client.slot("wants_credit") == "unsure"
    assert client.slot("budget") == "unsure"
    # Goal, credit and budget left out: how long they can keep at it could change the outcome, so it is asked.
    assert "how many months can you keep at it?" in client.text("data science")
    reply = client.text("not sure")
    assert "My recommendation: a MicroMasters program." in reply
    why = client.text("why?")
    assert "• Goal: not decided, so left out" in why and "• Time: you have about 10 hours a week" in why


def test_answers_in_the_learners_own_words_are_taken_as_answers(client):
    # The classifier may read these as questions (ask_credit, ask_cost, out_of_scope);
    # said to the question just asked, they answer it and the next question follows.
    client.say("help me choose")
    # Grad school later: the graduate goal, and credit toward it matters, said back.
    later = client.text("my goal is to get into a good grad school later on")
    assert later.startswith("Noted: credit toward a master's matters to you.") and "hours a week" in later
    assert client.text("i do need the credit").startswith("Yes, I have that already")
    assert client.text("five-ish hours each week").startswith("Roughly what's your budget")
    employer = client.text("cost isnt an issue, my employer pays")  # vague: the reading used is said back
    assert "I'll take that as no fixed limit" in employer and "Which subject" in employer
    assert [client.slot(s) for s in ("goal", "wants_credit", "weekly_hours")] == ["graduate", True, 5]
    assert client.slot("budget") == NO_BUDGET_LIMIT


def test_the_first_one_picks_an_option_and_an_answer_to_another_question_is_noted(client):
    client.say("help me choose")
    assert client.text("the first one").startswith("Does academic credit")  # "A job skill, quickly"
    noted = client.text("maybe 5 hrs a week since i work shifts")  # Said to the credit question.
    assert noted.startswith("Noted: you have about 5 hours a week.") and noted.endswith("matter to you?")
    assert client.text("the second one").startswith("Roughly what's your budget")  # "No, not really"
    assert [client.slot(s) for s in ("goal", "wants_credit", "weekly_hours")] == ["skills", False, 5]


def test_a_programme_question_mid_form_is_answered_and_the_question_comes_again(client):
    client.say("help me choose")
    client.say("i want a masters later")
    client.say("what programs in economics are there")
    first = client.text("tell me about the first one")
    assert first.startswith("MITx MicroMasters Program in Data, Economics, and Development Policy")
    # "a masters later" gave the goal and credit, so the time question comes again after the answer.
    assert first.endswith("(or over how many months)?")
    assert "• Price: $100-$1,000 per course" in client.text("how much is it")
    assert client.text("about 6 hours a week").startswith("Roughly what's your budget")


def test_a_topic_question_the_classifier_misses_mid_form_is_answered_and_the_question_comes_again(client):
    client.say("help me choose")
    exams = client.text("are there exams?")
    assert "proctored" in exams and "didn't catch" not in exams
    assert exams.endswith("perhaps toward a master's)?")  # the goal question again, without "sorry"
    assert client.text("a quick job skill").startswith("Does academic credit toward a master's degree matter")


def test_which_is_better_for_getting_a_job_fast_starts_the_questions_without_asking_the_goal(client):
    reply = client.text("which is better for getting a job fast")
    assert reply.startswith("Let's find the right fit.")
    assert reply.endswith("Does academic credit toward a master's degree matter to you?")


def test_why_do_you_ask_and_a_typed_button_title_during_the_questions(client):
    client.say("help me choose")
    why = client.text("why do you need to know that?")
    assert why.startswith("Your goal weighs heavily") and "I haven't made a recommendation" not in why
    client.say("deep expertise")
    client.say("yes")
    client.say("more than 10")
    assert client.text("$500 to $1,500").startswith("Which subject are you interested in?")
    assert client.slot("budget") == 1499.0  # the button's value; read as free text it was $500


def test_two_topics_in_one_question_get_both_answers(client):
    replies = client.say("How long does a micromasters take and how much does it cost?")
    assert len(replies) == 2 and "hours a week" in replies[0]["text"] and "$" in replies[1]["text"]


def test_a_situation_with_punctuated_figures_starts_the_questions(client):
    # "$1,500," once crashed the action: the user got no reply at all.
    reply = client.text("10 hours a week and about $1,500, credit matters")
    assert reply.startswith("Let's find the right fit.") and reply.endswith("(perhaps toward a master's)?")
    assert client.slot("budget") == 1500 and client.slot("weekly_hours") == 10


def test_opening_message_with_everything_goes_straight_to_the_recommendation(client):
    reply = client.text(
        "i'm a logistics engineer, i want to go deep and maybe do a master's later, credit matters, "
        "i have 10 hours a week and a budget of $1500, interested in supply chain. which should i pick?"
    )
    assert "My recommendation: a MicroMasters program." in reply
    assert "MITx MicroMasters Program in Supply Chain Management" in reply
    assert client.slot("recommended_credential") == "micromasters"


def test_after_a_recommendation_its_programmes_can_be_listed_compared_and_priced(client):
    reply = client.text(
        "i want deep expertise, credit doesn't matter, 12 hours a week, budget $2000, data science. which one?"
    )
    assert "My recommendation: a MicroMasters program." in reply
    assert about_kind(client.text("how long does it take?"), "MicroMasters")  # the one recommended
    programmes = client.text("ok what are the programmes then")
    assert programmes.startswith(
        f"I found {len(listed('data science micromasters'))} MicroMasters programmes in data science"
    )
    compared = client.text("compare the first two")
    assert compared.startswith("Side by side:") and "(SDS)" in compared and "UC San Diego" in compared
    assert client.text("which is cheapest").startswith("On price, the programmes I just listed:")


def test_doubtful_programme_gets_an_honest_answer(client):
    reply = client.text("tell me about the university of michigan data science micromasters")
    assert "couldn't find" in reply and "UC San Diego" in reply


def test_figures_or_code_outside_the_questions_are_not_understood(client):
    # Read as a questionnaire answer, they got "OK. What else would you like to know?".
    assert client.text("12345").startswith("Sorry, I didn't understand that")
    assert client.text("SELECT * FROM users;").startswith("Sorry, I didn't understand that")
    told = client.text("about 5 hours a week")  # an answer before the questions: kept, and the questions offered
    assert told.startswith("Noted: you have about 5 hours a week.") and "Thanks for telling me." in told
    assert client.slot("weekly_hours") == 5


def test_a_question_in_another_language_is_not_answered_as_if_understood(client):
    assert client.text("hola, cuanto cuesta un micromasters?").startswith("Sorry, I can only answer in English.")
    assert client.text("¿Qué es un MicroMasters y cuánto cuesta?").startswith("Sorry, I can only answer in English.")
    assert client.text("ciao ciao").startswith("Goodbye")  # courtesies are understood in any language


@pytest.mark.parametrize(
    "message",
    [
        "",
        "   ",
        "x" * 10_000,
        "😀🎓🔥",
        "¿Qué es un MicroMasters y cuánto cuesta?",
        "<img src=x onerror=alert(1)> <b>hi</b>",
    ],
    ids=["empty", "whitespace", "10k-chars", "emoji", "spanish", "markup"],
)
def test_bad_input_gets_a_clear_reply(client, message):
    replies = client.say(message)
    assert replies and all(r.get("text", "").strip() for r in replies)
    # and the bot still works afterwards
    assert client.say("hello")[0]["text"]
