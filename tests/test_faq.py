"""The FAQ handler: questions about the credentials, answered from the knowledge base (turns run as the
servers run them)."""

import pytest

from advisor.knowledge import default_knowledge
from advisor.questions import QUESTIONS
from advisor.replies import (
    SOMETHING_WENT_WRONG,
    faq_reply,
    uncovered_reply,
)
from advisor.smalltalk import (
    COMPLAINT_REPLY,
    COMPLIMENT_REPLY,
)
from tests.turns import (
    about_kind,
    after,
    entity,
    form_turn,
    just_described,
    respond,
    respond_events,
    said,
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


def test_faq_for_the_named_credential_with_source():
    messages, slots = respond(
        tracker("how much is a micromasters", "ask_cost", [entity("credential_type", "micromasters")]),
    )
    assert about_kind(messages[0]["text"], "MicroMasters")
    assert "$1,000" in messages[0]["text"] and "Source:" in messages[0]["text"] and "As of" in messages[0]["text"]
    assert slots["credential_type"] == "micromasters" and slots["last_topic"] == "cost"
    assert slots["last_citations"]


def test_faq_uses_the_credential_from_context():
    messages, _ = respond(tracker("how long does it take", "ask_duration", slots={"credential_type": "micromasters"}))
    assert about_kind(messages[0]["text"], "MicroMasters")


def test_follow_up_naming_the_other_credential_reuses_the_topic():
    t = tracker(
        "and for a professional certificate?",
        "inform",
        [entity("credential_type", "professional_certificate")],
        slots={"last_topic": "cost", "credential_type": "micromasters"},
    )
    messages, slots = respond(t)
    assert about_kind(messages[0]["text"], "Professional Certificate")
    assert slots["last_topic"] == "cost"


def test_how_long_without_a_pace_adds_no_comparison():
    messages, _ = respond(just_described("mitx_scm", "how long is it", "ask_duration"))
    assert "hours a week it asks" not in messages[0]["text"]


def test_an_unexpected_error_in_an_action_still_gets_a_reply(monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr("actions.faq.faq_reply", broken)
    messages, events = respond_events(tracker("how much does a micromasters cost", "ask_cost"))
    assert [m["text"] for m in messages] == [SOMETHING_WENT_WRONG] and events == []


@pytest.mark.parametrize("topic", ["workload", "exams", "refunds"])
def test_and_for_a_pro_cert_repeats_any_faq_topic_for_it(topic):
    t = tracker(
        "and a pro cert?",
        "inform",
        [entity("credential_type", "professional_certificate")],
        slots={"last_topic": topic, "credential_type": "micromasters"},
    )
    messages, slots = respond(t)
    expected = faq_reply(KB, topic, "professional_certificate").text.splitlines()[0]
    assert messages[0]["text"].splitlines()[0] == expected and slots["last_topic"] == topic


def test_a_micromasters_for_a_software_engineer_is_any_micromasters():
    text = "I'm a software engineer in india, is a micromasters worth it for me"
    messages, _ = respond(tracker(text, "ask_worth", [entity("subject", "software development")]))
    assert messages[0]["text"].startswith("For a MicroMasters, it can be")


def test_what_is_an_edx_micromasters_is_still_about_the_credential():
    messages, _ = respond(tracker("what is edx micromasters", "ask_definition"))
    assert messages[0]["text"].startswith("A MicroMasters program is")


def test_recognition_in_a_country_says_the_sources_have_no_data_by_country():
    t = tracker(
        "is a micromasters recognised in Germany?", "ask_recognition", [entity("credential_type", "micromasters")]
    )
    messages, _ = respond(t)
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
    messages, _ = respond(tracker(text, intent))
    first_line, second_line = messages[0]["text"].splitlines()[:2]
    company = "Google" if "google" in text else "Amazon"
    assert first_line == f"My sources have no data on hiring at {company} in particular; what they say in general:"
    assert "employer" in second_line.lower()


@pytest.mark.parametrize(
    ("action", "text", "intent", "reply"),
    [
        (None, "lol ur actually pretty good", "ask_worth", COMPLIMENT_REPLY),  # got the worth answer
        (None, "this is dumb", "bot_challenge", COMPLAINT_REPLY),  # got "I'm a bot"
        (None, "nice bot", "affirm", COMPLIMENT_REPLY),
    ],
)
def test_praise_or_a_complaint_read_as_something_else_gets_thanks_or_an_apology(action, text, intent, reply):
    messages, _ = respond(tracker(text, intent))
    assert [m["text"] for m in messages] == [reply]


def test_and_for_a_micromasters_after_the_difference_says_what_it_is():
    # The difference covered both: the same answer again got "I may have misread you".
    t = tracker(
        "and for a MicroMasters?",
        "inform",
        [entity("credential_type", "micromasters")],
        slots={"last_topic": "difference"},
    )
    messages, slots = respond(t)
    assert about_kind(messages[0]["text"], "MicroMasters") and slots["last_topic"] == "definition"


def test_what_the_sources_dont_cover_points_where_to_check_it():
    # "The program's page on edX is the place to check that" was said of visas and salaries too.
    assert "immigration authority" in uncovered_reply("visas")
    assert "program's page on edX" in uncovered_reply("printed certificates")


def test_the_certificate_right_after_a_micromasters_means_its_certificate():
    # It was answered for Professional Certificates: "certificate" names that kind.
    t = just_described("mitx_scm", "is the certificate recognised by employers in nigeria", "ask_recognition")
    messages, _ = respond(t)
    assert messages[0]["text"].startswith(
        "The MITx MicroMasters Program in Supply Chain Management (SCM) is a MicroMasters"
    )


def test_is_a_micromasters_a_degree_in_weak_english_gets_no():
    # "micromaster give degree?" got the credit answer, "Often yes".
    messages, _ = respond(tracker("micromaster give degree?", "ask_credit"))
    assert "Often yes" not in messages[0]["text"] and "not a master's degree" in messages[0]["text"]


def test_exams_or_pace_the_sources_do_not_state_are_said_to_be_unknown():
    # "does it have exams" got "Courses and exams: 4 courses."
    messages, _ = respond(just_described("columbiax_business_analytics", "does it have exams", "ask_level"))
    assert "my sources don't say whether it ends in an exam" in messages[0]["text"]


def test_linkedin_is_said_to_be_beyond_my_sources():
    # "can I put it on linkedin?" got the recognition answer again, then "I may have misread you".
    messages, _ = respond(tracker("can i put it on linkedin", "ask_recognition"))
    assert messages[0]["text"].startswith("My sources don't cover sharing a certificate on LinkedIn or a CV")


@pytest.mark.parametrize(
    ("text", "intent", "kind"),
    [
        ("will a micromasters get me a job", "ask_worth", "micromasters"),
        ("can a professional certificate guarantee a job?", "ask_admission", "professional_certificate"),
    ],
)
def test_asking_whether_it_gets_me_a_job_says_no_credential_guarantees_one(text, intent, kind):
    """ "Will a micromasters get me a job?" got "It can be ...", which reads as a yes."""
    messages, _ = respond(tracker(text, intent, [entity("credential_type", kind)]))
    assert messages[0]["text"].startswith("No credential guarantees a job")
    assert about_kind(messages[1]["text"], "MicroMasters" if kind == "micromasters" else "Professional Certificate")


def test_is_it_a_real_master_s_and_can_i_put_it_on_my_cv_says_it_is_no_degree():
    # It got "My sources don't cover sharing a certificate on LinkedIn or a CV".
    text = "is a micromasters a real masters degree? can I write MS on my CV"
    messages, _ = respond(tracker(text, "ask_credit", [entity("credential_type", "micromasters")]))
    assert messages[0]["text"].startswith("No. A MicroMasters program is not a master's degree")


def test_a_degree_already_held_is_not_the_subject_wanted():
    text = "I have a bachelors in economics, I want to eventually do a masters in data science"
    _, events = form_turn(
        text, "inform", "subject", goal="graduate", wants_credit=True, weekly_hours=15.0, budget=1500.0
    )
    assert slots_set(events)["subject"] == "data science"


def test_how_much_after_a_credential_s_definition_is_its_cost():
    # "There is nothing to show more of yet."
    t = after("what is a MicroMasters?", "ask_definition", "how much?", "show_more")
    messages, _ = respond(t)
    assert messages[0]["text"].startswith("For a MicroMasters, a typical program cost about $1,000")


# -------------------------------------------------------------------------------------------------------
# Answer first, short: every FAQ answer, for either credential or both, fits about 6 lines and 600
# characters before its one source line, which names at most two sources; "tell me more" gives the rest.
# -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("topic", sorted(KB.faq))
@pytest.mark.parametrize("credential", ["micromasters", "professional_certificate", None])
def test_every_faq_answer_is_short_with_one_source_line_naming_at_most_two(topic, credential):
    reply = faq_reply(KB, topic, credential)
    *body, source_line = reply.text.splitlines()
    assert len(body) <= 6 and sum(len(line) for line in body) <= 700, reply.text
    assert source_line.startswith("(") and "Source: " in source_line
    named = source_line.split("Source: ", 1)[1].split('. "Where is that from?"')[0]
    assert len(named.split("; ")) <= 2, source_line
    assert not reply.text.startswith(("MicroMasters program:", "Professional Certificate program:"))


@pytest.mark.parametrize(
    ("question", "intent", "said_short", "said_on_more"),
    [
        # (the question, its intent, what the short answer says, what only "tell me more" adds)
        ("is there financial aid?", "ask_financial_aid", "90%", "5 approvals per 12 months"),
        ("who owns edx now?", "ask_about_edx", "owned by the education-technology company 2U", "MITx Online"),
    ],
)
def test_a_long_answer_is_cut_short_and_tell_me_more_gives_the_rest(question, intent, said_short, said_on_more):
    short, _ = respond(tracker(question, intent))
    assert said_short in short[0]["text"] and said_on_more not in short[0]["text"]
    assert 'Say "tell me more" for the rest.' in short[0]["text"]
    for more, more_intent in (("tell me more", "show_more"), ("more details please", "ask_cost")):
        whole, _ = respond(after(question, intent, more, more_intent))
        assert said_short in whole[0]["text"] and said_on_more in whole[0]["text"], more_intent
        assert "tell me more" not in whole[0]["text"]


@pytest.mark.parametrize(
    ("question", "intent", "first"),
    [
        ("is the micromasters harder than a prof cert", "ask_level", "Usually a MicroMasters is harder"),
        ("whats quicker?", "ask_duration", "Usually a Professional Certificate is quicker"),
        ("is a micromasters cheaper than a pro cert?", "ask_cost", "My sources can't say which is cheaper"),
    ],
)
def test_which_of_the_two_credentials_has_more_of_something_is_answered_first_then_side_by_side(
    question, intent, first
):
    messages, _ = respond(tracker(question, intent))
    assert messages[0]["text"].startswith(first) and "• MicroMasters:" in messages[0]["text"]


@pytest.mark.parametrize(
    ("question", "intent", "kept", "first"),
    [
        # (the question, its intent, what the short answer keeps, how it opens)
        ("do i need the GRE for a micromasters", "ask_level", "GRE", None),
        # a word held only by a longer one ("bankrupt": "bankruptcy"); a yes-or-no question keeps its opening
        ("is edx still ok after 2u went bankrupt?", "ask_about_edx", "Chapter 11 bankruptcy", "edX is an online"),
        # a question that names what it wants: the sentence holding most of its words first
        ("who owns edx now?", "ask_about_edx", "2U", "Since 2021 edX has been owned"),
        ("what is edx", "ask_about_edx", "not a university", "edX is an online course platform"),
    ],
)
def test_a_long_answer_keeps_the_sentences_that_hold_the_question_s_rarer_words(question, intent, kept, first):
    messages, _ = respond(tracker(question, intent))
    assert kept in messages[0]["text"]
    assert first is None or messages[0]["text"].startswith(first)


def test_where_is_that_from_says_site_only_where_my_sources_give_no_page():
    sources, _ = respond(
        after("how much does the MITx SCM micromasters cost?", "ask_cost", "where is that from?", "ask_sources")
    )
    text = sources[0]["text"]
    assert "https://micromasters.mit.edu/scm/frequently-asked-questions/\n" in text  # a page: as it is
    assert "https://libelula.info (site only: my sources don't give the page)" in text


@pytest.mark.parametrize(
    ("question", "intent", "more"),
    [
        ("does micromasters count towards a masters degree?", "ask_credit", "tell me more"),
        ("wats a micromasters", "ask_definition", "more details"),
    ],
)
def test_tell_me_more_after_a_whole_answer_says_that_was_all_not_the_same_paragraph(question, intent, more):
    first, _ = respond(tracker(question, intent))
    again, _ = respond(after(question, intent, more, "show_more"))
    assert again[0]["text"].startswith("That was all of it: my sources say no more on")
    assert first[0]["text"].split("\n")[0] not in again[0]["text"]


@pytest.mark.parametrize(
    ("first", "then", "then_intent", "expected", "not_expected"),
    [
        # The same topic asked again about a part of it: that part of the answer, not a refusal or a repeat.
        ("how long does a micromasters take", "how many hrs a week", "ask_duration", "8-12 hours a week", "misread"),
        ("does a micromasters count toward a masters", "how much credit do u get", "ask_credit", "25-50%", "Often yes"),
    ],
)
def test_the_same_topic_asked_again_about_a_part_of_it_gets_that_part(first, then, then_intent, expected, not_expected):
    text = said(after(first, "ask_duration" if "long" in first else "ask_credit", then, then_intent))
    assert expected in text
    assert not_expected not in text


@pytest.mark.parametrize(
    ("topic", "wanted", "opening"),
    [
        # What is counted ("how many ECTS") opens the answer when a later sentence holds it with a figure.
        ("credit", "how many ECTS would a micromasters be worth in europe", "edX says the credential can cover"),
        ("credit", "does a micromasters count as credit?", "Often yes"),
        # "times" is in no sentence: the answer as it is.
        ("financial_aid", "how many times can i apply for aid", "Course by course"),
    ],
)
def test_what_a_how_many_question_counts_comes_first(topic, wanted, opening):
    text = faq_reply(KB, topic, "micromasters", wanted=wanted).text
    assert (
        text.removeprefix("For a MicroMasters: ")
        .removeprefix("For a MicroMasters, ")
        .lower()
        .startswith(opening.lower())
    ), text[:120]
