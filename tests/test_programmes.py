"""The programmes handler: searches, one programme's facts, lists pointed into, comparisons (turns run as
the servers run them)."""

import pytest

from advisor.knowledge import default_knowledge
from advisor.questions import QUESTIONS
from advisor.replies import (
    NO_QUALITY_RANKING,
    NOT_UNDERSTOOD,
    OFFER_TO_CHOOSE,
    OUT_OF_SCOPE,
    SAME_ANSWER,
    programmes_on_topic_reply,
)
from tests.turns import (
    about_kind,
    after,
    after_recommending,
    compared,
    conversation,
    entity,
    form_turn,
    found,
    just_described,
    picked_then,
    questions_now,
    respond,
    respond_events,
    said,
    slots_set,
    tracker,
)

KB = default_knowledge()
from actions.recommendation import STARTED  # noqa: E402

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


def test_a_comparison_on_one_attribute_gets_that_attribute_side_by_side():
    messages, slots = respond(tracker("which one is cheaper?", "ask_difference"))
    text = messages[0]["text"]
    assert text.startswith("My sources can't say which is cheaper in general")
    assert "• MicroMasters: About $1,000" in text and "• Professional Certificate: Paid per course" in text
    assert slots["last_topic"] == "cost"
    general, slots = respond(tracker("what's the difference?", "ask_difference"))
    assert not general[0]["text"].startswith("Side by side") and slots["last_topic"] == "difference"


def test_a_topic_question_about_one_programme_gets_its_own_facts():
    messages, slots = respond(tracker("how much is the mitx supply chain micromasters", "ask_cost"))
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
    messages, _ = respond(t)
    assert "• Length and effort: Each course runs about 13 weeks" in messages[0]["text"]
    assert expected in messages[0]["text"]


def test_that_or_a_named_programme_ranks_the_two():
    """ "which is cheaper, that or the harvard one?" ranked only HarvardX: "Only one programme matches"."""
    t = just_described("mitx_scm", "which is cheaper, that or the harvard data science one?", "ask_difference")
    t.latest_message["entities"] = [entity("institution", "Harvard"), entity("subject", "data science")]
    messages, slots = respond(t)
    text = messages[0]["text"]
    assert text.startswith("On price, the two:") and "Only one" not in text
    assert "Supply Chain" in text and "HarvardX" in text and "$1,350" in text
    assert slots["listed_programmes"] == ["mitx_scm", "harvardx_data_science"]


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        ("how long is it", "ask_duration", "• Length and effort: "),
        ("does it give credit", "ask_credit", "• Credit pathway: "),
        ("tell me more about it", "inform", "• Note: The degree is sometimes named"),  # its whole card
    ],
)
def test_it_right_after_a_programme_means_that_programme(text, intent, expected):
    messages, _ = respond(just_described("mitx_scm", text, intent))
    assert "MITx MicroMasters Program in Supply Chain Management" in messages[0]["text"].split("\n")[0]
    assert expected in messages[0]["text"]


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        ("is the mitx one legit", "ask_recognition", "The MITx MicroMasters Program in Statistics and Data Science"),
        ("how long is that mit one", "ask_duration", "MITx MicroMasters Program in Statistics and Data Science"),
        ("how much are the mit programmes", "ask_cost", "• MicroMasters:"),  # all of them: in general
        # Not the one just shown; Columbia has two, both MicroMasters: recognition is the same for both.
        ("is the columbia one legit", "ask_recognition", "For a MicroMasters"),
        ("how much is the columbia one", "ask_cost", "Which one do you mean: the ColumbiaX"),
    ],
)
def test_the_mitx_one_right_after_an_mit_programme_means_that_programme(text, intent, expected):
    messages, _ = respond(just_described("mitx_sds", text, intent))
    assert messages[0]["text"].startswith(expected)


def test_a_question_on_a_kind_of_programme_after_one_programme_is_general():
    messages, _ = respond(
        just_described("mitx_scm", "how much does a professional certificate cost", "ask_cost"),
    )
    assert about_kind(messages[0]["text"], "Professional Certificate")


def test_a_question_about_one_programme_with_no_field_for_it_says_which_kind_it_is():
    messages, _ = respond(tracker("is the columbia AI micromasters legit", "ask_recognition"))
    assert messages[0]["text"].startswith("The ColumbiaX MicroMasters Program in Artificial Intelligence is a")
    assert "not verified" in messages[0]["text"]
    assert about_kind(messages[1]["text"], "MicroMasters")


def test_a_question_about_a_doubtful_programme_says_it_cannot_be_confirmed():
    messages, _ = respond(tracker("how much is the michigan data science micromasters", "ask_cost"))
    assert messages[0]["text"].startswith("I couldn't find a University of Michigan Data Science MicroMasters on edX")


@pytest.mark.parametrize(("action", "intent"), [(None, "ask_difference"), (None, "ask_program_info")])
def test_two_programmes_compared_are_shown_side_by_side(action, intent):
    messages, slots = respond(tracker("mitx sds vs ucsd data science micromasters", intent))
    text = messages[0]["text"]
    assert text.startswith("Side by side:") and ("• Price: " in text or "for either: price" in text)
    assert text.index("MITx MicroMasters Program in Statistics") < text.index("UC San Diego MicroMasters")
    assert slots["listed_programmes"] == ["mitx_sds", "ucsd_data_science"]


def test_it_compared_with_a_named_programme_is_the_programme_just_discussed():
    t = just_described("mitx_scm", "compare it with the mitx finance one", "ask_difference")
    messages, _ = respond(t)
    text = messages[0]["text"]
    assert text.startswith("Side by side:") and text.index("Supply Chain") < text.index(
        "MicroMasters Program in Finance"
    )


def test_sources_lists_links_of_the_last_answer():
    _, slots = respond(tracker("is it worth it", "ask_worth", [entity("credential_type", "micromasters")]))
    messages, _ = respond(
        tracker("where is that from?", "ask_source", slots={"last_citations": slots["last_citations"]}),
    )
    assert "https://" in messages[0]["text"] and "as of" in messages[0]["text"]


def test_search_is_short_with_a_way_to_see_more():
    messages, slots = respond(
        tracker("which micromasters are there", "search_programs", [entity("credential_type", "micromasters")]),
    )
    text = messages[0]["text"]
    assert text.count("• ") == 5 and "show more" in text
    assert messages[0]["buttons"][0]["payload"] == "/show_more"
    more, _ = respond(tracker("show more", "show_more", slots={"last_search": slots["last_search"]}))
    assert more[0]["text"].startswith("More MicroMasters programmes (6-10 of")


@pytest.mark.parametrize(
    ("action", "intent"),
    [
        (None, "ask_difference"),
        (None, "inform"),
        (None, "search_programs"),
    ],
)
def test_which_ones_are_micromasters_narrows_the_list_just_shown(action, intent):
    t = after("data science programmes", "search_programs", "which ones are micromasters", intent)
    messages, _ = respond(t)
    assert messages[0]["text"].startswith(
        f"I found {found('data science micromasters')} MicroMasters programmes in data science"
    )


def test_which_ones_are_micromasters_later_is_a_question_again():
    t = after(
        "data science programmes",
        "search_programs",
        "which ones are micromasters",
        "ask_difference",
        between=1,
    )
    messages, _ = respond(t)
    assert messages[0]["text"].startswith("• MicroMasters:")


@pytest.mark.parametrize(
    ("action", "intent"),
    [(None, "ask_program_info"), (None, "inform"), (None, "show_more")],
)
def test_the_second_one_describes_the_second_programme_listed(action, intent):
    _, search = respond(tracker("data science programmes", "search_programs"))
    second = search["listed_programmes"][1]
    t = tracker("tell me about the second one", intent, slots={"listed_programmes": search["listed_programmes"]})
    messages, slots = respond(t)
    assert messages[0]["text"].startswith(KB.programme(second).title)
    assert slots["credential_type"] == KB.programme(second).credential_type


def test_after_the_first_one_the_second_one_is_still_from_the_list():
    _, search = respond(tracker("data science programmes", "search_programs"))
    ids = search["listed_programmes"]
    _, first = respond(tracker("the first one", "inform", slots={"listed_programmes": ids}))
    assert first["current_programme"] == ids[0] and "listed_programmes" not in first
    messages, _ = respond(tracker("and the second one?", "inform", slots={"listed_programmes": ids}))
    assert messages[0]["text"].startswith(KB.programme(ids[1]).title)


def test_pointing_past_the_end_of_the_list_says_how_many_were_listed():
    t = tracker("the fourth one", "inform", slots={"listed_programmes": ["mitx_scm", "mitx_sds"]})
    messages, _ = respond(t)
    assert messages[0]["text"].startswith("I only listed 2 programmes.")


def test_show_me_the_programmes_after_a_recommendation_lists_the_recommended_kind():
    slots = {"recommended_credential": "professional_certificate", "subject": "data science", "last_search": None}
    messages, _ = respond(tracker("show me the programmes", "show_more", slots=slots))
    n = found("data science professional certificates", current=True)
    assert messages[0]["text"].startswith(f"I found {n} Professional Certificate programmes in data science")


def test_a_search_for_a_subject_the_catalogue_lacks_says_so():
    messages, slots = respond(tracker("are there any programs in nursing", "search_programs"))
    assert messages[0]["text"].startswith('I couldn\'t find any verified programmes in "nursing" in my catalogue')
    assert "Subjects I have most programmes in: business management, data science" in messages[0]["text"]
    assert "last_search" not in slots
    assert len(messages[0]["text"]) < 600  # the subjects it has most of, not the whole catalogue
    # A university the catalogue lacks is said to be missing, and where to look instead; not every one it has.
    stanford, _ = respond(tracker("stanford programs", "search_programs"))
    assert stanford[0]["text"].startswith("I can't find a Stanford")
    assert "edX's own catalogue is the place to check Stanford" in stanford[0]["text"]
    assert len(stanford[0]["text"].splitlines()) <= 6


def test_search_by_subject_from_entity():
    messages, _ = respond(
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
    messages, _ = respond(t)
    text = messages[0]["text"]
    assert text.startswith("I couldn't find a") and "Data Science" in text and "UC San Diego" in text


def test_program_info_for_a_real_programme():
    messages, _ = respond(tracker("what's in the harvardx data science certificate", "ask_program_info"))
    assert messages[0]["text"].splitlines()[0].startswith("HarvardX Professional Certificate in Data Science (Harvard")
    assert "Courses: " in messages[0]["text"]


def test_program_info_makes_its_credential_the_context_for_follow_ups():
    t = tracker(
        "tell me about the UCSD data science one",
        "ask_program_info",
        slots={"credential_type": "professional_certificate"},
    )
    _, slots = respond(t)
    assert slots["credential_type"] == "micromasters"


def test_a_subject_the_catalogue_lacks_said_as_a_followup_is_said_to_be_missing():
    t = tracker("what about philosophy", "inform", [entity("subject", "philosophy")])
    messages, _ = respond(t)
    assert messages[0]["text"].startswith('I couldn\'t find any verified programmes in "philosophy" in my catalogue')


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
    messages, _ = respond(tracker(text, "inform"))
    offer = {
        **messages[-1],
        "text": OFFER_TO_CHOOSE.text,
        "buttons": [{"title": "Help me choose", "payload": "/request_recommendation"}],
    }
    assert (messages[-1] == offer) == offered
    assert all(m["text"] != OFFER_TO_CHOOSE.text for m in messages[:-1])


def test_a_message_not_understood_keeps_the_programme_just_described_in_context():
    t = after(
        "tell me about the harvard data science certificate",
        "ask_program_info",
        "hmm blorp",
        "nlu_fallback",
    )
    messages, events = respond_events(t)
    assert [m["text"] for m in messages] == [NOT_UNDERSTOOD]
    assert not any(e.get("name") == "shown" for e in events)  # what was just shown stays in context


def test_an_off_topic_question_keeps_the_programme_just_described_in_context():
    t = after(
        "tell me about the harvard data science certificate",
        "ask_program_info",
        "what's the weather like in paris",
        "out_of_scope",
    )
    messages, events = respond_events(t)
    assert [m["text"] for m in messages] == [OUT_OF_SCOPE]
    assert not any(e.get("name") == "shown" for e in events)  # what was just shown stays in context


def test_is_it_any_good_right_after_a_programme_caught_by_the_fallback_gets_the_worth_answer_for_its_kind():
    t = after(
        "tell me about the harvard data science certificate",
        "ask_program_info",
        "is it any good",
        "nlu_fallback",
    )
    messages, slots = respond(t)
    assert messages[0]["text"].startswith("The HarvardX Professional Certificate in Data Science is a Professional")
    assert messages[1]["text"].startswith("For a Professional Certificate, it can be, if the skills match")
    assert slots["current_programme"] == t.get_slot("current_programme") and slots["last_citations"]
    alone, _ = respond(tracker("is it any good", "nlu_fallback"))  # nothing just shown: in general
    assert alone[0]["text"].startswith("• MicroMasters:")


def test_tell_me_about_it_right_after_a_list_of_one_caught_by_the_fallback_describes_that_programme():
    t = after(
        "which supply chain programs are there",
        "search_programs",
        "tell me about it",
        "nlu_fallback",
    )
    messages, slots = respond(t)  # its short card was the search's answer: now the whole one
    assert "• Note: The degree is sometimes named" in messages[0]["text"]
    assert slots["current_programme"] == "mitx_scm"


@pytest.mark.parametrize(
    ("steps", "expected", "not_expected"),
    [
        # A programme's card is short: its fields' first sentences, no notes, and "tell me more" offered.
        ((("tell me about the mitx supply chain micromasters", "ask_program_info"),), 'Say "tell me more"', "• Note:"),
        # "Tell me more" gives the whole card; asked again, it is said to be all of it.
        (
            (("tell me about the mitx supply chain micromasters", "ask_program_info"), ("tell me more", "show_more")),
            "• Note: The degree is sometimes named",
            'Say "tell me more"',
        ),
        (
            (
                ("tell me about the mitx supply chain micromasters", "ask_program_info"),
                ("details", "inform"),
                ("tell me more", "show_more"),
            ),
            "My answer just above is everything I have on the MITx",
            "• Note:",
        ),
    ],
)
def test_a_programme_card_is_short_until_more_is_asked(steps, expected, not_expected):
    text = said(conversation(*steps))
    assert expected in text
    assert not_expected not in text
    assert len(text) < 1200 or "• Note:" in text


def test_a_bare_subject_outside_the_form_searches_the_catalogue():
    t = tracker("supply chain programmes", "inform", [entity("subject", "supply chain")])
    messages, _ = respond(t)
    assert "MITx MicroMasters Program in Supply Chain Management" in messages[0]["text"]


def test_a_subject_with_a_credential_after_an_faq_searches_rather_than_repeating_the_topic():
    # "project management certs" right after a cost answer is a catalogue request, not
    # "and for a professional certificate?" about cost.
    t = tracker("project managment certs", "inform", slots={"last_topic": "cost"})
    messages, _ = respond(t)
    assert "project management" in messages[0]["text"] and "Paid per course" not in messages[0]["text"]


def test_which_programmes_after_a_recommendation_lists_that_kind_of_programme():
    slots = {"recommended_credential": "micromasters", "subject": "supply chain"}
    messages, _ = respond(tracker("so which programmes", "search_programs", slots=slots))
    assert messages[0]["text"].startswith("MITx MicroMasters Program in Supply Chain Management")  # the only one
    everything, _ = respond(tracker("show me all programmes", "search_programs", slots=slots))
    assert everything[0]["text"].startswith(f"My catalogue has {len(KB.programmes)} programmes")


def test_show_more_after_the_last_page_says_so():
    stored = {"subjects": ["supply chain"], "institutions": [], "credential_types": [], "offset": 0}
    messages, slots = respond(tracker("more", "show_more", slots={"last_search": stored}))
    assert messages[0]["text"] == "That's all the programmes I have for that search." and slots == {}


@pytest.mark.parametrize(
    ("action", "intent"),
    [
        (None, "ask_difference"),
        (None, "inform"),
        (None, "search_programs"),
        (None, "nlu_fallback"),
    ],
)
def test_which_is_cheapest_right_after_a_list_gives_the_listed_prices(action, intent):
    t = after("mit programmes", "search_programs", "which one is the cheapest", intent)
    listed = t.get_slot("listed_programmes")
    messages, slots = respond(t)
    lines = messages[0]["text"].splitlines()
    assert lines[0] == "On price, the programmes I just listed:"
    for line, programme_id in zip(lines[1 : 1 + len(listed)], listed, strict=True):
        assert line.startswith(f"• {KB.programme(programme_id).title} (")
    assert "$1,350" in messages[0]["text"] and "won't rank them" in messages[0]["text"]
    assert slots["listed_programmes"] == listed  # "the second one" still points into it


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("which one has the most courses", "MITx MicroMasters Program in Principles of Manufacturing has the most"),
        ("and the fewest courses?", "MITx MicroMasters Program in Statistics and Data Science (SDS) has the fewest"),
    ],
)
def test_the_most_courses_right_after_a_list_ranks_the_listed_by_their_course_counts(question, first):
    t = after("mit micromasters", "search_programs", question, "inform")
    messages, _ = respond(t)
    assert messages[0]["text"].startswith(f"Of the programmes I just listed, {first} courses: ")


@pytest.mark.parametrize(
    ("action", "intent"),
    [
        (None, "show_more"),
        (None, "ask_recognition"),
        (None, "inform"),
        (None, "affirm"),
    ],
)
def test_the_most_respected_of_a_list_is_not_made_up(action, intent):
    t = after("data science programs", "search_programs", "ok whats the most respected one", intent)
    messages, slots = respond(t)
    assert [m["text"] for m in messages] == [NO_QUALITY_RANKING]
    assert slots["listed_programmes"] == t.get_slot("listed_programmes")  # "which is cheapest?" may follow


def test_which_of_two_compared_programmes_is_more_respected_is_not_made_up():
    t = after(
        "compare the mit supply chain micromasters with columbia's business analytics one",
        "ask_program_info",
        "which of the two is more respected",
        "ask_recognition",
    )
    assert len(t.get_slot("listed_programmes")) == 2
    messages, _ = respond(t)
    assert [m["text"] for m in messages] == [NO_QUALITY_RANKING]


def test_whether_a_kind_of_credential_is_more_respected_is_the_recognition_answer_even_after_a_list():
    t = after(
        "data science programs",
        "search_programs",
        "is a micromasters more respected than a pro cert",
        "ask_recognition",
    )
    messages, _ = respond(t)
    # the two compared side by side, not the programmes just listed
    assert messages[0]["text"].startswith("Side by side, on recognition:\n• MicroMasters: Recognised by universities")


def test_the_best_programmes_of_another_subject_right_after_a_list_are_a_new_search():
    t = after("mit programmes", "search_programs", "best data science programs", "search_programs")
    messages, _ = respond(t)
    assert messages[0]["text"].startswith(f"I found {found('data science programmes')} programmes in data science:")


def test_the_best_programmes_of_a_subject_are_listed_not_rated():
    messages, slots = respond(tracker("best supply chain programs", "search_programs"))
    # The only one: its card, not a ranking.
    assert (
        messages[0]["text"].startswith("MITx MicroMasters Program in Supply Chain Management")
        and slots["listed_programmes"]
    )


def test_the_cheapest_said_as_show_more_ranks_the_list():
    t = after("mit programmes", "search_programs", "show me the cheapest", "show_more")
    messages, _ = respond(t)
    assert messages[0]["text"].startswith("On price, the programmes I just listed:")


def test_the_quickest_programmes_of_a_subject_are_listed_with_their_lengths():
    messages, slots = respond(tracker("quickest data science programs?", "search_programs"))
    text = messages[0]["text"]
    assert text.startswith("On length, the programmes in data science I have:")
    assert f"That's the first 5 of {found('data science programmes')}" in text
    assert len(slots["listed_programmes"]) == 5


def test_the_cheapest_of_one_programme_is_that_programmes_price():
    messages, slots = respond(
        tracker("which is the cheapest supply chain program", "ask_cost", [entity("subject", "supply chain")]),
    )
    assert messages[0]["text"].startswith("Only one programme matches:\nMITx MicroMasters Program in Supply Chain")
    assert "$1,350" in messages[0]["text"] and slots["current_programme"] == "mitx_scm"


def test_the_cheapest_micromasters_with_no_list_gives_micromasters_prices_known_ones_first():
    messages, slots = respond(
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
    compared, _ = respond(tracker("is a micromasters cheaper than a pro cert", "ask_difference"))
    assert compared[0]["text"].startswith("My sources can't say which is cheaper in general")


def test_cheapest_with_no_list_or_subject_compares_the_two_credentials():
    messages, _ = respond(tracker("which one is cheapest", "ask_difference"))
    assert messages[0]["text"].startswith("My sources can't say which is cheaper in general")


def test_a_micromasters_set_against_a_masters_degree_is_not_compared_with_a_certificate():
    text = "what's the difference between a micromasters and a masters degree"
    messages, slots = respond(tracker(text, "ask_difference", [entity("credential_type", "micromasters")]))
    assert messages[0]["text"].startswith("A MicroMasters program is not a master's degree")  # "what's": no "No."
    assert "Professional Certificate" not in messages[0]["text"] and slots["last_topic"] == "degree"


def test_a_programmes_own_exams_and_pace_are_its_structure_and_length():
    exams, _ = respond(just_described("mitx_sds", "does it have exams?", "ask_level"))
    assert (
        "• Courses and exams: As reported by MIT's SDS FAQ, undated: 4 courses plus a virtually proctored capstone exam"
        in exams[0]["text"]
    )
    pace, _ = respond(just_described("mitx_sds", "is it self paced?", "ask_duration"))
    assert "• Length and effort: Instructor-paced" in pace[0]["text"]


@pytest.mark.parametrize(("action", "intent"), [(None, "search_programs"), (None, "inform")])
def test_a_search_for_a_programme_the_sources_doubt_says_what_they_say(action, intent):
    text = "ibm data science professional certificate"
    entities = [entity("subject", "data science"), entity("credential_type", "professional_certificate")]
    messages, _ = respond(tracker(text, intent, entities))
    assert "is on Coursera, not edX" in messages[0]["text"] and "HarvardX" in messages[0]["text"]


@pytest.mark.parametrize(
    ("action", "text", "intent", "expected"),
    [
        (
            None,
            "does edx have a python certificate",
            "ask_recognition",
            f"I found {found('python professional certificates')} Professional Certificate programmes in python",
        ),
        (
            None,
            "is there a data science micromasters",
            "ask_program_info",
            f"I found {found('data science micromasters')} MicroMasters programmes in data science",
        ),
    ],
)
def test_is_there_a_programme_is_answered_with_a_search(action, text, intent, expected):
    kind = "professional_certificate" if "certificate" in text else "micromasters"
    messages, _ = respond(tracker(text, intent, [entity("credential_type", kind)]))
    assert messages[0]["text"].startswith(expected)


@pytest.mark.parametrize(("action", "intent"), [(None, "ask_credit"), (None, "inform")])
def test_which_universities_accept_it_lists_the_credit_pathways_in_the_catalogue(action, intent):
    messages, slots = respond(tracker("which universities accept it", intent))
    lines = messages[0]["text"].splitlines()
    # The universities first, in one sentence; then two examples; short.
    assert lines[0].startswith("Usually the university that offers the MicroMasters")
    assert "pathway for MicroMasters from 12 universities: MIT, Columbia, UC San Diego, Georgia Tech, RIT," in lines[0]
    assert lines[2].startswith("• MITx MicroMasters Program in Supply Chain Management (SCM): Credential holders can")
    assert len(lines) <= 6
    listed_ids = slots["listed_programmes"]
    assert len(listed_ids) == 2 and all(KB.programme(i).credit_pathway for i in listed_ids)  # "the second one"


def test_getting_into_the_masters_after_one_programme_is_its_own_pathway():
    t = just_described("mitx_scm", "how do i get into the masters", "ask_admission")
    messages, _ = respond(t)
    assert "• Credit pathway: Credential holders can apply to MIT's blended master's (SCMb)" in messages[0]["text"]


def test_a_word_of_subject_names_searches_those_subjects():
    messages, _ = respond(tracker("are there any business programs", "search_programs"))
    n = found("business analytics or business management programmes")
    assert messages[0]["text"].startswith(f"I found {n} programmes in business analytics or business management:")


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [
        (None, "ok and how long do they take", "ask_duration"),
        (None, "are both recognised by employers", "ask_recognition"),
        (None, "and how much are they", "inform"),
    ],
)
def test_they_means_both_credentials_not_the_one_in_context(action, text, intent):
    messages, _ = respond(tracker(text, intent, slots={"credential_type": "professional_certificate"}))
    assert messages[0]["text"].startswith("• MicroMasters:") and "• Professional Certificate:" in messages[0]["text"]


def test_a_programme_answer_is_not_given_twice_in_a_row_either():
    question = "how long is the mitx supply chain micromasters"
    again, _ = respond(after(question, "ask_duration", question, "ask_duration"))
    # Asked again on the same topic, it was understood: the answer stands.
    assert [m["text"] for m in again] == [SAME_ANSWER]


def test_compare_the_first_two_shows_those_listed_programmes_side_by_side():
    ids = ["mitx_scm", "mitx_sds", "mitx_finance"]
    messages, slots = respond(tracker("compare the first two", "ask_difference", slots={"listed_programmes": ids}))
    text = messages[0]["text"]
    assert text.startswith("Side by side:") and text.index("(SCM)") < text.index("(SDS)") and "(MMFin)" not in text
    assert slots["listed_programmes"] == ["mitx_scm", "mitx_sds"]


@pytest.mark.parametrize(("action", "intent"), [(None, "ask_definition"), (None, "nlu_fallback")])
def test_what_are_the_programmes_after_a_recommendation_lists_the_recommended_kind(action, intent):
    slots = {"recommended_credential": "micromasters", "subject": "artificial intelligence"}
    messages, _ = respond(tracker("ok what are the programmes then", intent, slots=slots))
    assert messages[0]["text"].startswith("ColumbiaX MicroMasters Program in Artificial Intelligence")  # the only one
    # Without a recommendation it is not a request for its programmes.
    plain, _ = respond(tracker("what are the programmes then", "ask_definition"))
    assert not plain[0]["text"].startswith("I found")


def test_when_no_listed_programme_has_a_price_the_bot_says_so():
    t = after("are there any business programs", "search_programs", "which is cheapest", "ask_cost")
    text = respond(t)[0][0]["text"]
    assert "My sources give none of them a price, so I can't compare them" in text
    assert "won't rank them" not in text


def test_who_runs_edx_is_answered_from_the_sources_and_a_programmes_platform_from_the_catalogue():
    # "is edx still a nonprofit?" got the recognition answer.
    messages, _ = respond(tracker("is edx still a nonprofit?", "ask_recognition"))
    assert messages[0]["text"].startswith("edX is an online course platform, not a university")
    assert "founded by Harvard and MIT in 2012" in messages[0]["text"] and "2U" in messages[0]["text"]
    t = just_described("mitx_dedp", "is it on edX or MITx Online?", "ask_recognition")
    messages, _ = respond(t)
    assert "• Platform: MITx Online" in messages[0]["text"]


def test_after_a_doubtful_programme_it_is_the_alternative_vouched_for_first():
    # "how many courses does it have?" after the Columbia AI certificate got the general answer.
    messages, slots = respond(tracker("what about the columbia AI certificate", "ask_program_info"))
    assert messages[0]["text"].startswith("I couldn't find a ColumbiaX Professional Certificate in AI on edX.")
    assert "I can't confirm" not in messages[0]["text"]  # it was said twice
    assert slots["current_programme"] == slots["listed_programmes"][0]


def test_how_much_read_as_show_more_right_after_a_programme_gets_its_price():
    # It got "There is nothing to show more of yet".
    messages, slots = respond(just_described("mitx_scm", "how much?", "show_more"))
    assert "• Price: " in messages[0]["text"] and "$1,350" in messages[0]["text"]
    assert slots["current_programme"] == "mitx_scm"


def test_a_statement_ending_in_a_question_gets_the_question_answered_not_a_search():
    text = (
        "I'm a mechanical engineer and I want a master's in supply chain later. Would a MicroMasters count toward it?"
    )
    entities = [entity("subject", "supply chain"), entity("credential_type", "micromasters")]
    messages, _ = respond(tracker(text, "inform", entities))
    assert messages[0]["text"].startswith(
        "For a MicroMasters, " + KB.faq["credit"]["micromasters"].fact.text[:30].lower()
    )


def test_what_about_a_subject_the_catalogue_lacks_says_so():
    # "ok what about psychology" got "OK. What else would you like to know?".
    messages, _ = respond(tracker("ok what about philosophy", "inform"))
    assert messages[0]["text"].startswith('I couldn\'t find any verified programmes in "philosophy"')
    messages, _ = respond(tracker("what about you", "inform"))
    assert [m["text"] for m in messages] == [NOT_UNDERSTOOD]


def test_a_google_certificate_is_still_said_to_be_on_coursera():
    messages, _ = respond(tracker("is the google data analytics certificate worth it", "ask_worth"))
    assert "Coursera, not edX" in messages[0]["text"]


def test_a_job_said_before_the_question_is_not_a_subject_to_filter_by():
    # "I couldn't find any verified programmes in software development from MIT": the MIT programmes were hidden.
    text = "Hi, I am software engineer in Bangalore. Which MIT programmes are there?"
    named = [
        {**entity("subject", "software development"), "start": 15, "end": 32},
        {**entity("institution", "MIT"), "start": 54, "end": 57},
    ]
    messages, _ = respond(tracker(text, "search_programs", named))
    assert messages[0]["text"].startswith(f"I found {found('mit programmes')} programmes from MIT")


def test_is_edx_still_a_nonprofit_right_after_a_programme_is_about_edx_not_its_platform():
    messages, _ = respond(just_described("harvardx_data_science", "is edx still a nonprofit?", "ask_worth"))
    assert messages[0]["text"].startswith("edX is an online course platform, not a university")


@pytest.mark.parametrize(
    ("action", "intent"),
    [(None, "ask_credit"), (None, "inform"), (None, "nlu_fallback")],
)
def test_which_one_gives_credit_after_two_programmes_answers_for_each(action, intent):
    t = compared("mitx sds", "harvardx data science", "which one gives credit?", intent)
    messages, slots = respond(t)
    text = messages[0]["text"]
    assert text.startswith("On credit pathway, the programmes I just listed:")
    assert KB.programme("mitx_sds").credit_pathway.split(". ")[0] in text  # each one's gist
    assert "HarvardX Professional Certificate in Data Science (Harvard): no credit pathway found in my sources" in text
    assert slots["listed_programmes"] == ["mitx_sds", "harvardx_data_science"]  # "the second one" still works


def test_which_one_uses_python_quotes_where_the_sources_say_so():
    t = compared("mitx sds", "harvardx data science", "which one uses python?", "ask_difference")
    messages, _ = respond(t)
    text = messages[0]["text"]
    assert text.startswith("Of the programmes I just listed, my sources mention python for:")
    assert '"6.86x Machine Learning with Python"' in text
    assert "They don't mention it for the HarvardX Professional Certificate in Data Science" in text


def test_does_it_teach_a_word_no_description_has_is_not_a_no():
    t = after(
        "tell me about the harvardx data science one",
        "ask_program_info",
        "does it teach python?",
        "ask_duration",
    )
    messages, slots = respond(t)
    assert messages[0]["text"].startswith(
        "My sources don't mention python for the HarvardX Professional Certificate in Data Science. That doesn't rule"
    )
    assert slots["current_programme"] == "harvardx_data_science"


def test_a_description_that_names_a_word_to_rule_it_out_is_no_yes():
    t = after(
        "tell me about the columbia ai micromasters",
        "ask_program_info",
        "does it cover deep learning?",
        "ask_program_info",
    )
    messages, _ = respond(t)
    assert messages[0]["text"].startswith(
        "Not as far as my sources say. About deep learning, they say of the ColumbiaX"
    )
    assert "does not cover deep learning" in messages[0]["text"]


def test_a_question_about_another_university_is_not_read_in_the_programme_just_shown():
    t = after(
        "tell me about gtx analytics",
        "ask_program_info",
        "does stanford have a micromasters",
        "search_programs",
    )
    messages, _ = respond(t)
    assert "my sources mention" not in messages[0]["text"]


def test_a_credential_question_without_a_list_just_shown_is_general():
    t = after(
        "compare mitx sds vs harvardx data science",
        "ask_difference",
        "which one gives credit?",
        "ask_credit",
        between=1,
    )
    messages, _ = respond(t)
    assert not messages[0]["text"].startswith("On credit pathway")


def test_and_the_other_after_one_of_two_describes_the_other():
    ids = ["harvardx_data_science", "microsoft_mpp_data_science"]
    messages, slots = respond(picked_then(ids, "and the other?", "show_more"))
    assert messages[0]["text"].startswith(KB.programme(ids[0]).title)
    assert slots["current_programme"] == ids[0]


def test_which_one_after_picking_one_from_a_list_still_means_the_list():
    t = picked_then(["mitx_sds", "harvardx_data_science"], "which one uses python?", "ask_difference")
    messages, _ = respond(t)
    assert messages[0]["text"].startswith("Of the programmes I just listed, my sources mention python for:")


@pytest.mark.parametrize(("text", "listed"), [("ux", False), ("which ux programmes are there?", True)])
def test_a_subject_said_to_the_subject_question_is_the_answer_and_a_question_also_gets_the_list(text, listed):
    # "ux" got a list of programmes, then the recommendation listed the same programme again.
    slots = {"requested_slot": "subject"}
    t = tracker(text, "search_programs", [entity("subject", "ux")], slots=slots, active_loop="recommendation_form")
    messages, set_now = respond(t)
    assert set_now["subject"] == "user experience"
    assert bool(messages) is listed


def test_several_topics_about_one_programme_come_in_one_card():
    # Each topic came as its own card, and "does it count for a masters" was dropped.
    text = "how long and how much for the mit supply chain one and does it count for a masters"
    messages, slots = respond(tracker(text, "ask_duration", [entity("institution", "MIT")]))
    assert len(messages) == 1
    card = messages[0]["text"]
    assert card.startswith(KB.programme("mitx_scm").title)
    assert "• Length and effort:" in card and "• Price:" in card and "• Credit pathway:" in card
    assert slots["current_programme"] == "mitx_scm"


def test_does_harvard_do_micromasters_is_a_search():
    t = tracker("does harvard do micromasters", "ask_worth", [entity("institution", "Harvard")])
    messages, _ = respond(t)
    assert "Harvard" in messages[0]["text"] and "It can be, especially" not in messages[0]["text"]


def test_a_topic_question_pointing_into_the_list_gets_that_programmes_answer():
    # "how long does the third one take" got the general length answer.
    ids = ["mitx_sds", "ucsd_data_science", "gtx_analytics"]
    t = tracker("how long does the third one take", "ask_duration", slots={"listed_programmes": ids})
    messages, slots = respond(t)
    assert (
        messages[0]["text"].startswith(KB.programme("gtx_analytics").title)
        and "• Length and effort:" in (messages[0]["text"])
    )
    assert slots["current_programme"] == "gtx_analytics"


def test_the_cheapest_program_with_no_list_shown_lists_those_with_a_known_price_first():
    # It described one programme whose price is unknown.
    messages, _ = respond(tracker("whats the cheapest program", "ask_cost"))
    text = messages[0]["text"]
    assert text.startswith("On price, the programmes I have:")
    assert "not found in my sources" not in text.split("That's the first")[0]


def test_a_programme_compared_with_one_the_catalogue_lacks_says_so():
    # Only the MIT card came, as if Columbia had not been asked about.
    t = tracker("is the mit supply chain micromasters better than the columbia one", "ask_difference")
    messages, slots = respond(t)
    assert messages[0]["text"].startswith(
        "I couldn't find any MicroMasters programmes in supply chain from Columbia in my catalogue to compare it with."
    )
    assert messages[1]["text"].startswith(KB.programme("mitx_scm").title) and slots["current_programme"] == "mitx_scm"


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [
        (None, "is it on edx still", "ask_recognition"),  # got the recognition answer
        (None, "is it still on edx", "nlu_fallback"),  # got "Sorry, I didn't understand"
        (None, "still available?", "search_programs"),  # got all 30 programmes
        (None, "can i still enroll", "ask_admission"),
    ],
)
def test_is_it_still_offered_right_after_a_programme_says_how_old_the_sources_are(action, text, intent):
    messages, _ = respond(just_described("mitx_sds", text, intent))
    assert "can't tell me whether it is still offered today" in messages[0]["text"]


def test_still_offered_about_another_programme_named_answers_for_that_one():
    # After the UX programme, "and the social work one still exists?" was answered about UX.
    t = just_described("michiganx_ux", "and the social work one still exists?", "inform")
    messages, _ = respond(t)
    assert "Social Work" in messages[0]["text"] and "User Experience" not in messages[0]["text"]


def test_a_retired_programme_is_said_to_be_closed():
    # "can i still enroll" about the retired Microsoft programme got "anyone can sign up for the courses".
    messages, _ = respond(just_described("microsoft_mpp_data_science", "can i still enroll", "ask_admission"))
    assert messages[0]["text"].startswith(
        "No: the Microsoft Professional Program (MPP) in Data Science has been retired"
    )


def test_a_catalogued_subject_in_a_statement_about_oneself_is_not_said_to_be_missing():
    # 'I couldn\'t find any verified programmes in "business analytics"', then business analytics among those there are.
    text = (
        "im a nurse, thinking about moving into healthcare data / analytics, i have maybe 8 hrs a week. what do u think"
    )
    messages, _ = respond(tracker(text, "inform", [entity("subject", "business analytics")]))
    assert messages and not any("I couldn't find any verified programmes" in (m.get("text") or "") for m in messages)


def test_the_rit_one_after_a_list_with_one_rit_programme_is_that_one():
    # After a recommendation listing RIT's project management MicroMasters, it described RIT's cybersecurity one.
    t = tracker(
        "tell me about the rit one", "ask_program_info", slots={"listed_programmes": ["ritx_project_management"]}
    )
    messages, _ = respond(t)
    assert messages[0]["text"].startswith(KB.programme("ritx_project_management").title)


@pytest.mark.parametrize("text", ["philosophy", "nursing?", "journalism?"])
def test_a_field_named_alone_that_the_catalogue_lacks_is_said_to_be_missing(text):
    # It got "OK. What else would you like to know?".
    messages, _ = respond(tracker(text, "inform"))
    assert messages[0]["text"].startswith(f'I couldn\'t find any verified programmes in "{text.strip("?")}"')


def test_the_mit_one_right_after_a_recommendation_is_the_mit_programme_it_listed():
    # "which one is the MIT one?" got the general difference between the two credentials.
    t = after_recommending(
        {**SUPPLY_CHAIN_LEARNER, "subject": "supply chain"},
        "which one is the MIT one?",
        "ask_difference",
        [entity("institution", "MIT")],
    )
    messages, slots = respond(t)
    assert messages[0]["text"].startswith("MITx MicroMasters Program in Supply Chain Management (SCM)")
    assert slots["current_programme"] == "mitx_scm"


def test_which_one_is_the_mit_one_with_two_mit_programmes_recommended_asks_which():
    t = after_recommending(
        {**SUPPLY_CHAIN_LEARNER, "subject": "data science"},
        "which one is the MIT one?",
        "ask_difference",
        [entity("institution", "MIT")],
    )
    messages, _ = respond(t)
    assert messages[0]["text"].startswith("Which one do you mean: the MITx MicroMasters Program in Statistics")


def test_a_programmes_price_is_dated_by_the_prices_own_date():
    # DEDP's undated price was footed "As of 2024", the date of other facts about it.
    messages, _ = respond(tracker("how much is dedp", "ask_cost"))
    assert "$100-$1,000 per course" in messages[0]["text"] and "\n(Date unknown. Source:" in messages[0]["text"]
    messages, _ = respond(tracker("how long is dedp", "ask_duration"))
    assert "(Date unknown." not in messages[0]["text"]


@pytest.mark.parametrize("text", ["how much is the masters?", "and how much does the semester on campus cost"])
def test_the_masters_cost_right_after_a_programme_is_what_masters_cost(text):
    # The credit pathway's card line said nothing of cost; what master's degrees cost names its blended semester.
    messages, _ = respond(just_described("mitx_scm", text, "ask_cost"))
    assert "$33,000" in messages[0]["text"] and "blended" in messages[0]["text"]


def test_its_university_named_right_after_a_programme_still_means_that_programme():
    # "can i get master at MIT after?" after MIT's supply chain programme got the general answer, with DEDP's figures.
    t = just_described("mitx_scm", "can i get master at MIT after?", "ask_admission")
    t.latest_message["entities"] = [entity("institution", "MIT")]
    messages, _ = respond(t)
    assert messages[0]["text"].startswith(KB.programme("mitx_scm").title) and "SCMb" in messages[0]["text"]


def test_the_other_one_later_after_a_recommendation_is_still_the_other_credential():
    # After "which one should i start with?", it said "That's all the programmes I have for that search".
    slots = {"recommended_credential": "professional_certificate", "listed_programmes": ["michiganx_ux"]}
    messages, _ = respond(tracker("what about the other one?", "show_more", slots=slots))
    assert messages[0]["text"].startswith("The other option is a MicroMasters program.")


def test_a_word_of_a_subject_name_lists_that_subject():
    # "something in data?" got 'I couldn\'t find any verified programmes in "data"'.
    text = "hi! im a teacher in kenya, i have maybe 2 hrs/day. something in data?"
    messages, _ = respond(tracker(text, "inform"))
    assert messages[0]["text"].startswith(f"I found {found('data science programmes')} programmes in data science")


def test_is_the_second_one_still_on_edx_points_into_the_list():
    t = tracker(
        "is the second one still on edx?",
        "ask_recognition",
        slots={"listed_programmes": ["mitx_scm", "microsoft_mpp_data_science"]},
    )
    messages, _ = respond(t)
    assert messages[0]["text"].startswith(
        "No: the Microsoft Professional Program (MPP) in Data Science has been retired"
    )


def test_the_12th_one_right_after_the_third_page_is_that_result():
    # "the 12th one" after results 11-15 got "OK. What else would you like to know?".
    t = after("micromasters programs", "search_programs", "show more", "show_more")
    _, page2 = respond_events(t)
    history = [*t.events, {"event": "action", "name": "action_show_more"}, *page2, {"event": "user", "text": "x"}]
    t3 = tracker("show more", "show_more", slots={**t.slots, **slots_set(page2)}, events=history)
    _, page3 = respond_events(t3)
    ids = slots_set(page3)["listed_programmes"]
    history3 = [
        *history,
        {"event": "action", "name": "action_show_more"},
        *page3,
        {"event": "user", "text": "the 12th one"},
    ]
    t12 = tracker("the 12th one", "affirm", slots={**t3.slots, **slots_set(page3)}, events=history3)
    messages, _ = respond(t12)
    assert messages[0]["text"].startswith(KB.programme(ids[1]).title)


def test_which_of_those_is_from_mit_read_as_a_question_of_sources_narrows_the_list():
    # It listed the sources of the list.
    t = after(
        "data science programmes",
        "search_programs",
        "which of those is from MIT?",
        "ask_source",
    )
    t.latest_message["entities"] = [entity("institution", "MIT")]
    messages, _ = respond(t)
    assert messages[0]["text"].startswith("I found 2 programmes in data science from MIT")


def test_a_programmes_kind_line_does_not_come_before_my_answer_just_above_stands():
    # "The X is a MicroMasters … in general:" then "My answer … would be the same" read garbled.
    t = after("is the mit supply chain one worth it", "ask_worth", "is it worth it", "ask_worth")
    messages, _ = respond(t)
    assert [m["text"] for m in messages] == [SAME_ANSWER]  # the kind line alone is not said


def test_how_many_programmes_edx_has_is_answered_with_the_history_not_my_catalogue():
    # "how many micromasters does edx have?" got "I found 25 MicroMasters programmes", as if that were edX's count.
    asked = tracker(
        "how many micromasters does edx have?", "search_programs", [entity("credential_type", "micromasters")]
    )
    messages, slots = respond(asked)
    assert "I won't give a current number" in messages[0]["text"].split("\n")[0]
    assert slots["last_topic"] == "how_many" and slots["last_citations"]
    assert "46 from 25 institutions" in messages[0]["text"]
    listed, _ = respond(
        tracker("list the micromasters", "search_programs", [entity("credential_type", "micromasters")]),
    )
    n = found("micromasters")
    assert listed[0]["text"].startswith(f"My catalogue has {n} MicroMasters programmes (only those I could verify")


def test_is_it_on_edx_after_a_programme_that_moved_gives_its_platform():
    # After DEDP (now on MITx Online): "The credential is issued by the university through edX".
    messages, _ = respond(just_described("mitx_dedp", "is it on edx?", "ask_recognition"))
    assert "Platform: MITx Online" in messages[0]["text"]
    assert "through edX" not in messages[0]["text"]


@pytest.mark.parametrize(("intent", "action"), [("show_more", None), ("inform", None)])
def test_and_for_the_other_one_after_one_credential_s_answer_is_the_other_credential(intent, action):
    # "There is nothing to show more of yet."
    t = after("how long does a micromasters take", "ask_duration", "and for the other one?", intent)
    assert t.get_slot("credential_type") == "micromasters"
    messages, slots = respond(t)
    assert (
        about_kind(messages[0]["text"], "Professional Certificate")
        and slots["credential_type"] == "professional_certificate"
    )


@pytest.mark.parametrize(
    ("programme", "text", "intent", "expected"),
    [
        ("hkpolyux_hospitality", "how much is the msc", "ask_cost", "HK$217,000"),
        ("mitx_scm", "what degree do I get at the end", "ask_definition", "SCMb"),
    ],
)
def test_a_question_about_the_master_s_a_programme_leads_to_gets_its_pathway(programme, text, intent, expected):
    # "Price: not found in my sources" for PolyU's MSc; the general MicroMasters definition for SCM's degree.
    messages, _ = respond(just_described(programme, text, intent))
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
    messages, events = respond_events(tracker(text, "ask_program_info", named))
    # Whether to switch is the recommendation's question: it starts, with the subject taken.
    assert messages[0]["text"] == STARTED and questions_now(events) == "start"
    assert slots_set(events)["subject"] == "supply chain"


@pytest.mark.parametrize(
    ("action", "intent", "text", "start"),
    [
        (
            None,
            "ask_worth",
            "I read MicroMasters are typically five or more courses. True?",
            "For a MicroMasters, usually 4 to 6",
        ),
        (
            None,
            "ask_worth",
            "And Professional Certificates are typically 3 to 5 courses?",
            "For a Professional Certificate, it varies",
        ),
        (
            None,
            "search_programs",
            "Do MicroMasters usually have at least five courses?",
            "For a MicroMasters, usually 4 to 6",
        ),
        (
            None,
            "bot_challenge",
            "I read that a MicroMasters costs tens of thousands of dollars. Is that right?",
            "For a MicroMasters, a typical program cost about $1,000",
        ),
    ],
)
def test_the_article_s_claims_checked_by_a_learner_get_the_corrected_answer(action, intent, text, start):
    # The worth answer ("It can be ...") read as a yes; "I'm only as sure as my sources" for the cost.
    kinds = [k for k in ("micromasters", "professional_certificate") if k.split("_")[0] in text.lower()]
    messages, _ = respond(tracker(text, intent, [entity("credential_type", k) for k in kinds]))
    assert messages[0]["text"].startswith(start)


def test_a_topic_no_programme_has_read_as_a_search_gets_its_answer():
    # "exist financial help?" got "My catalogue has 30 programmes" and a list.
    messages, slots = respond(tracker("exist financial help?", "search_programs"))
    assert "90% discount" in messages[0]["text"] and slots["last_topic"] == "financial_aid"


@pytest.mark.parametrize(
    ("action", "intent", "text", "start"),
    [
        (
            None,
            "ask_program_info",
            "Tell me about the Stanford MicroMasters in Computer Science.",
            "I can't find a Stanford",
        ),
        (
            None,
            "search_programs",
            "What MicroMasters does Galileo University offer?",
            "I can't find a Galileo University",
        ),
        (
            None,
            "ask_program_info",
            "is the nyu data science micromasters good",
            "I can't find an NYU",
        ),
    ],
)
def test_a_university_my_catalogue_has_nothing_from_is_said_to_be_missing(action, intent, text, start):
    # The UBC programme was described as if it were Stanford's; NYU's question got MIT's SDS card.
    messages, _ = respond(tracker(text, intent, [entity("credential_type", "micromasters")]))
    assert messages[0]["text"].startswith(start)
    assert "Stanford" not in text or "UBCx MicroMasters Program in Software Development" in messages[0]["text"]


def test_harvard_extension_s_graduate_certificate_is_not_taken_for_harvardx_s_certificate():
    # The HarvardX Professional Certificate card came, as if it were the Extension School's credit-bearing one.
    text = "Tell me about the Harvard Extension Graduate Certificate in Data Science."
    messages, _ = respond(tracker(text, "ask_program_info", [entity("institution", "Harvard")]))
    assert (
        messages[0]["text"].startswith("I could not confirm it as an edX credential")
        and "$11,500" in messages[0]["text"]
    )


def test_the_microsoft_programme_is_not_called_a_professional_certificate():
    text = "Tell me about the Microsoft Professional Program in Data Science."
    messages, _ = respond(tracker(text, "ask_program_info", [entity("institution", "Microsoft")]))
    assert messages[0]["text"].startswith(
        "Microsoft Professional Program (MPP) in Data Science (Microsoft, a separate edX program type"
    )


def test_several_answers_in_one_message_keep_credit_in_its_own_clause():
    # "credit matters, 10+ hours, no budget limit" was read as "credit doesn't matter".
    text = "deep expertise, credit matters, 10+ hours, no budget limit, supply chain"
    _, events = form_turn(text, "inform", "goal")
    assert slots_set(events)["wants_credit"] is True


def test_a_university_s_name_is_no_topic_of_a_search():
    # 'I couldn\'t find any verified MicroMasters programmes in "tu" from TU Delft'
    named = [entity("institution", "TU Delft"), entity("credential_type", "micromasters")]
    messages, _ = respond(tracker("does TU Delft have any micromasters?", "search_programs", named))
    n = found("tu delft micromasters")
    assert messages[0]["text"].startswith(f"I found {n} MicroMasters programmes from TU Delft" if n > 1 else "DelftX")


def test_what_is_a_named_programme_describes_it():
    # "what is DEDP?" got "... is a MicroMasters program. What I know about MicroMasters programs in general".
    messages, slots = respond(tracker("what is DEDP?", "ask_definition"))
    assert messages[0]["text"].startswith(
        "MITx MicroMasters Program in Data, Economics, and Development Policy (DEDP) (MIT"
    )
    assert slots["current_programme"] == "mitx_dedp"


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
        # Who within the university: the programme's own facts that say who offers it.
        ("mitx_finance", "which part of mit runs it", "ask_program_info", "Offered by MIT Sloan."),
        ("mitx_scm", "who is behind it", "inform", "Offered by the MIT Center for Transportation & Logistics."),
        ("tudelft_railway_engineering", "who offers it?", "ask_source", "Endorsed by ProRail and KIVI."),
    ],
)
def test_which_university_a_programme_is_from_is_answered_not_sourced(programme, text, intent, reply):
    # "That came from:" and a list of links.
    messages, _ = respond(just_described(programme, text, intent))
    assert reply in messages[0]["text"].splitlines()[0]
    assert "came from" not in messages[0]["text"]


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
    messages, events = respond_events(tracker(text, "ask_program_info", named))
    # Which of the two to take: the questions start (a programme of another university is never swapped in).
    assert messages[0]["text"] == STARTED and questions_now(events) == "start"


def test_what_other_universities_accept_it_read_as_show_more_lists_the_pathways():
    messages, _ = respond(tracker("what other universities accept it?", "show_more"))
    assert messages[0]["text"].startswith("Usually the university that offers the MicroMasters")


def test_a_german_university_is_no_question_of_course_language():
    messages, _ = respond(tracker("can I use the MIT SDS one at a German university?", "ask_credit"))
    assert "which languages the courses are taught in" not in messages[0]["text"]


@pytest.mark.parametrize("text", ["tell me about SDS", "and DEDP?"])
def test_a_short_name_read_as_an_answer_describes_its_programme(text):
    # "OK. What else would you like to know?"
    messages, _ = respond(tracker(text, "inform"))
    assert messages[0]["text"].startswith("MITx MicroMasters Program in")


def test_applying_to_take_a_programme_is_open_enrolment_not_its_master_s_admission():
    # "do I need to apply to take it?" after DEDP got the master's admission numbers.
    messages, slots = respond(just_described("mitx_dedp", "do I need to apply to take it?", "ask_admission"))
    assert messages[1]["text"].startswith("For a MicroMasters, no application is needed to start")
    assert slots["current_programme"] == "mitx_dedp"
    into, _ = respond(just_described("mitx_dedp", "how do i get into the masters?", "ask_admission"))
    assert "• Credit pathway:" in into[0]["text"]


def test_claims_read_elsewhere_are_each_checked_whatever_they_were_read_as():
    # Read as inform, "i read that micromasters take 6 to 18 months and cost tens of thousands, true?"
    # got the definition of a MicroMasters, and the article's course counts a comparison.
    text = "i read that micromasters take 6 to 18 months and cost tens of thousands, true?"
    messages, _ = respond(tracker(text, "inform", [entity("credential_type", "micromasters")]))
    said = " ".join(m["text"] for m in messages)
    assert "six months" in said and "$1,000" in said and "tens of thousands" in said
    messages, _ = respond(
        tracker("and that they're five or more courses?", "inform", slots={"credential_type": "micromasters"}),
    )
    assert "4-6" in messages[0]["text"] or "4 to 6" in messages[0]["text"]


@pytest.mark.parametrize("active_loop", [None, "recommendation_form"])
def test_thanks_read_as_show_more_is_thanked(active_loop):
    # "much obliged" got "There is nothing to show more of yet", or the list again.
    t = tracker("much obliged", "show_more", active_loop=active_loop)
    messages, _ = respond(t)
    assert messages[0]["text"].startswith("You're welcome!")


def test_a_claim_read_as_a_programme_name_is_checked():
    # "are professional certificates 3-5 courses?" got "I couldn't find that programme in my catalogue".
    t = tracker(
        "are professional certificates 3-5 courses?",
        "ask_program_info",
        [entity("credential_type", "professional_certificate")],
    )
    messages, _ = respond(t)
    assert messages[0]["text"].startswith('For a Professional Certificate, it varies, and it is not a fixed "3-5"')


def test_a_description_of_oneself_ending_in_help_starts_the_questions():
    # "I'm a teacher thinking about a career change into data science. Help?" got "OK. What else ...".
    text = "I'm a teacher thinking about a career change into data science. Help?"
    messages, events = respond_events(tracker(text, "inform"))
    assert messages[0]["text"] == STARTED
    assert questions_now(events) == "start"


@pytest.mark.parametrize(
    ("text", "intent", "first", "then"),
    [
        # A programme the catalogue lacks is said to be missing first; the topic asked comes after, in general.
        (
            "MITx quantum computing micromasters, does it lead to an mit masters",
            "ask_credit",
            "I couldn't find any MIT MicroMasters in quantum technology in my catalogue.",
            "What my sources say of MicroMasters programmes in general, not of that programme:",
        ),
        (
            "harvardx micromasters in public health, how long",
            "ask_duration",
            "I couldn't find any Harvard MicroMasters in",
            "What my sources say of MicroMasters programmes in general, not of that programme:",
        ),
        ("wharton fintech professional certificate", "ask_program_info", "I can't find a Wharton", None),
    ],
)
def test_a_programme_named_that_the_catalogue_lacks_is_said_to_be_missing_first(text, intent, first, then):
    for each in (intent, "inform"):
        messages, _ = respond(tracker(text, each))
        assert messages[0]["text"].startswith(first), each
        assert (then is None and len(messages) == 1) or messages[-1]["text"].startswith(str(then)), each


def test_programmes_with_credit_toward_a_masters_are_the_ones_with_a_pathway():
    messages, slots = respond(tracker("programs with credit toward a masters?", "ask_credit"))
    listed = [KB.programme(pid) for pid in slots["listed_programmes"]]
    assert listed and all(p.credit_pathway for p in listed)
    assert messages[0]["text"].startswith("On credit pathway, the programmes that have one in my sources")


@pytest.mark.parametrize(
    ("search", "then", "kind", "word"),
    [
        ("which micromasters programs are there", "business ones?", "micromasters", "business"),
        ("which micromasters programs are there", "any in data science?", "micromasters", "data science"),
    ],
)
def test_a_short_follow_up_after_a_search_narrows_it(search, then, kind, word):
    messages, slots = respond(after(search, "search_programs", then, "inform"))
    listed = [KB.programme(pid) for pid in slots["listed_programmes"]]
    assert listed and all(p.credential_type == kind for p in listed)
    assert all(any(word in s for s in p.subjects) for p in listed), messages[0]["text"]


def test_pacing_questions_get_the_pacing_facts():
    messages, _ = respond(tracker("deadlines or own pace?", "inform"))
    assert "self-paced" in messages[0]["text"] and "don't cover" not in messages[0]["text"]


def test_a_programmes_course_list_asked_beside_its_price_is_given_too():
    messages, _ = respond(tracker("price and courses of MITx SDS", "ask_cost"))
    assert "• Price:" in messages[0]["text"] and "• Courses:" in messages[0]["text"]


@pytest.mark.parametrize(
    ("text", "also"),
    [
        (
            "is there really an edx professional certificate in cybersecurity like the guide says?",
            "Also in cybersecurity: 2 MicroMasters programs, e.g. RITx MicroMasters Program in Cybersecurity (RIT).",
        ),
        ("data science micromasters", "Also in data science: 6 Professional Certificates, e.g. "),
    ],
)
def test_a_search_for_one_kind_in_a_subject_says_the_other_kind_has_some_too(text, also):
    for intent in ("search_programs", "inform"):
        messages, _ = respond(tracker(text, intent))
        assert also in messages[0]["text"], intent


def test_the_programme_whose_card_was_just_shown_asked_for_again_is_not_shown_twice():
    messages, _ = respond(
        after(
            "is there any AI micromasters at all?", "search_programs", "tell me about the first one", "ask_program_info"
        )
    )
    assert "• Note: One of the 2016 launch programs" in messages[0]["text"]  # the rest of it, not the same
    # Its price asked after its card is answered; its card asked after its price is shown.
    price, _ = respond(just_described("mitx_scm", "how much is it?", "ask_cost"))
    assert "• Price: " in price[0]["text"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A detail the short card leaves out, named by the question's own words, comes first.
        (
            "whats the pass mark for the uq sustainable energy micromasters",
            "• On your question: A review of the program",
        ),
        ("how many get admitted to the mitx supply chain masters", "About 40 are admitted a year."),
    ],
)
def test_a_detail_asked_of_a_programme_by_its_words_comes_first(text, expected):
    text_said = said(tracker(text, "ask_program_info"))
    assert expected in text_said.split("\n")[1]


def test_lengths_compared_say_the_number_of_courses_where_my_sources_give_no_length():
    # "which one is the shortest?" said "not found in my sources" for each, though the course counts are known.
    shown = [KB.programme("mitx_dedp"), KB.programme("harvardx_data_science")]
    text = programmes_on_topic_reply(KB, shown, "duration", "the programmes I just listed").text
    assert f"{shown[0].courses} courses (my sources give no length)" in text
    assert "About 1 year 5 months" in text


def test_a_search_with_one_result_says_it_is_the_only_one():
    # "are there other supply chain ones?" got the MITx SCM card with an odd "On your question: Other pathway
    # schools ..." line, and never said whether others exist.
    text = said(tracker("are there other supply chain ones?", "search_programs"))
    assert "It is the only programme in supply chain in my catalogue." in text
    assert "On your question" not in text


def test_a_programme_asked_for_as_the_other_kind_is_said_to_be_that_kind_and_is_then_in_context():
    # "harvardx data science, is that a micromasters?" got "I couldn't find any Harvard MicroMasters in data
    # science", then "how long does it take" got the general MicroMasters answer.
    first = said(tracker("harvardx data science, is that a micromasters?", "ask_definition"))
    assert first.startswith("No: the HarvardX Professional Certificate in Data Science is a Professional Certificate")
    then = said(
        after("harvardx data science, is that a micromasters?", "ask_definition", "how long is it", "ask_duration")
    )
    assert then.startswith("HarvardX Professional Certificate in Data Science") and "1 year 5 months" in then


def test_a_subject_or_a_word_that_partly_names_subjects_searches_both():
    # "leadership or business programs?" searched leadership only.
    messages, _ = respond(tracker("leadership or business programs?", "search_programs"))
    assert messages[0]["text"].startswith("I found") and "business" in messages[0]["text"].splitlines()[0]
    assert "leadership" in messages[0]["text"].splitlines()[0]


def test_tell_me_more_after_one_of_a_programme_s_facts_gives_its_whole_card():
    # "tell me more" after "how long does it take" gave the short card again, which offers "tell me more".
    t = conversation(
        ("tell me about harvardx data science", "ask_program_info"),
        ("how long does it take", "ask_duration"),
        ("tell me more", "show_more"),
    )
    text = said(t)
    assert "• Note:" in text and 'Say "tell me more"' not in text


def test_which_universities_accept_a_programme_without_a_pathway_says_so_then_the_pathways_in_general():
    # "which universities accept it?" after Columbia's AI MicroMasters got "my answer just above stands".
    t = conversation(
        ("tell me about the columbia ai micromasters", "ask_program_info"),
        ("which universities accept it?", "ask_credit"),
    )
    text = said(t)
    assert text.startswith("My sources name no university that gives credit for the ColumbiaX")
    assert "Usually the university that offers the MicroMasters" in text
