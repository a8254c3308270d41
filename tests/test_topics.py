"""A comparison or a follow-up is answered on the topic it names."""

from pathlib import Path

import pytest
import yaml

from advisor.knowledge import default_knowledge
from advisor.matching import resolve_subject, subjects_in
from advisor.replies import UNCOVERED_TOPICS
from advisor.topics import (
    asks_about_pathways,
    asks_about_the_masters,
    asks_for_the_extreme,
    asks_what_is_offered,
    country_named,
    field_named_alone,
    ranking_topic,
    topic_named,
    topics_asked_together,
    topics_in,
    uncovered_topic,
)


def label_of(topic):
    """The words a reply names an uncovered topic by."""
    return UNCOVERED_TOPICS.get(topic, (topic, None))[0] if topic else None


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("which one is cheaper?", "cost"),
        ("MM vs PC, which is more expensive", "cost"),
        ("difference in price?", "cost"),
        ("which takes less time per week", "duration"),
        ("which of the two is longer", "duration"),
        ("whats harder, pc or mm", "level"),
        ("how do they differ in terms of credit", "credit"),
        ("does one have more prestige with employers than the other", "recognition"),
        # Follow-ups.
        ("and how much", "cost"),
        ("what about the cost?", "cost"),
        ("what about credit", "credit"),
        # Audit or verified: no intent of its own.
        ("whats the difference between verified and audit", "tracks"),
        ("can i audit the courses for free?", "tracks"),
        ("how do i apply for financial aid", "financial_aid"),
        ("how many times can i apply for aid", "financial_aid"),
        ("is edx still a nonprofit?", "about_edx"),
        ("does the certificate show my grade?", "tracks"),
        ("is there anything free?", "tracks"),
        ("what percentage of people finish a micromasters?", "completion"),
        ("it is same like master degree?", "degree"),
        ("how long with 5 hours of free time a week", "duration"),
        ("is it on edX or MITx Online?", "about_edx"),
        ("does financial aid cover the whole cost", "financial_aid"),  # The specific topic wins.
        ("can i get my money back", "refunds"),
        ("does the credential expire", "expiry"),
        ("do i need to take the GRE?", "entrance_tests"),
        ("is toefl required", "entrance_tests"),
        ("how many people finish", "completion"),
        ("whats the dropout rate for micromasters", "completion"),
        ("are there exams?", "exams"),
        ("is the final exam proctored", "exams"),
        ("is it self-paced?", "pace"),
        ("can i study at my own pace", "pace"),
        # Whether one can start any time: self-paced or on set dates, the pacing facts.
        ("can I start anytime", "pace"),
        ("can i start whenever or r there set dates?", "pace"),
        # "Is it a degree?" is asked in sentences: a credential set against a master's or a degree.
        ("whats the difference between micromasters and a masters degree", "degree"),
        ("is a micromasters a master's degree?", "degree"),
        ("is the pc equivalent to a degree", "degree"),
        ("is it a real degree", "degree"),
        ("do i get a diploma at the end?", "degree"),
        ("is there an age limit", "age"),
        ("can a 17 year old do a micromasters", "age"),
        ("am i too old for this at 55?", "age"),
        ("do i need to be a certain age?", "age"),
        ("how old do you have to be for a micromasters", "age"),
        ("is a micromasters realistic with 2 kids and a full time job?", "workload"),
        ("how long would it take me while working full time", "workload"),
    ],
)
def test_one_compared_attribute_is_found(text, topic):
    assert topic_named(text) == topic


@pytest.mark.parametrize(
    "text",
    ["which one is better", "difference in price and length", "compare them", ""],
)
def test_no_single_attribute_means_the_general_difference(text):
    assert topic_named(text) is None


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # The general difference named in words, so that a second topic beside it is answered too.
        ("what's the difference", ("difference",)),
        ("wats the diff between the two and which is more respected?", ("difference", "recognition")),
        # The difference between two things of one topic is that topic.
        ("whats the difference between verified and audit", ("tracks",)),
    ],
)
def test_the_difference_is_a_topic_beside_others(text, topics):
    assert topics_in(text) == topics


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # The topic named by the longer phrase: an entrance exam is not a course exam.
        ("do i need an entrance exam", "entrance_tests"),
        # The exam's price is a cost question; the cost answer has the exam fee.
        ("how much does the final exam cost", "cost"),
        ("what does it cost? i work full time", "cost"),
        # Counting toward a master's is credit, not "is it a degree?"; needing a
        # degree is admission.
        ("does a micromasters count toward a masters degree", "credit"),
        ("do i need a degree to enroll", "admission"),
        # Saying one's age is not asking about age limits.
        ("i'm 40 years old with two kids, is a micromasters realistic?", "workload"),
        ("i'm 40 years old, is a micromasters worth it?", "worth"),
    ],
)
def test_close_topics_are_told_apart(text, topic):
    assert topic_named(text) == topic


def test_words_are_matched_whole_not_inside_other_words():
    assert topic_named("which is more creditable") is None
    assert topic_named("which is pricier?") == "cost"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("can i do the courses in spanish", "which languages the courses are taught in"),
        ("are there subtitles", "which languages the courses are taught in"),
        ("can i get a student visa with a micromasters", "visas and immigration"),
        ("do they mail you a printed certificate", "printed certificates"),
        ("is it tax deductible", "taxes"),
        ("how is that different from a bootcamp", "bootcamps or other course providers"),
        ("will my salary go up", "salaries"),
        ("how is that different from a coursera certificate", "bootcamps or other course providers"),
        ("can i pay monthly", "payment plans and ways to pay"),
        ("what jobs can i get with a micromasters", "which jobs a credential leads to"),
        ("whats the deadline to enroll", "course schedules, start dates and deadlines"),
        ("when does the next session start", "course schedules, start dates and deadlines"),
        ("ok and if i fail a course?", "failing or retaking a course or exam"),
        ("can i retake the exam", "failing or retaking a course or exam"),
    ],
)
def test_topics_my_sources_do_not_cover_are_recognised(text, topic):
    assert label_of(uncovered_topic(text)) == topic


@pytest.mark.parametrize(
    "text",
    [
        "which programming languages does the data science certificate use",
        "natural language processing programs",
        "how much does a micromasters cost",
        "does it expire",
        "is a micromasters worth it",
        "how long does it take to finish",
    ],
)
def test_covered_questions_and_subjects_are_not_taken_for_uncovered_topics(text):
    assert uncovered_topic(text) is None


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("which is the cheapest", "cost"),
        ("sort them by price", "cost"),
        ("cheapest supply chain program?", "cost"),
        ("which of these is quickest", "duration"),
        ("which is cheapest and shortest", None),
        ("ok whats the most respected one", "quality"),
        ("which of them is best", "quality"),
        ("how much does it cost", None),
    ],
)
def test_a_ranking_question_names_what_to_rank_on(text, topic):
    assert ranking_topic(text) == topic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("whats the cheapest micromasters", True),
        ("the quickest pro cert?", True),
        ("most affordable micromasters program", True),
        ("is a micromasters cheaper than a pro cert", False),  # compares the two credentials
        ("which is faster", False),
    ],
)
def test_a_superlative_asks_for_programmes_a_comparative_compares_credentials(text, expected):
    assert asks_for_the_extreme(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("does edx have a python certificate", True),
        ("is there a data science micromasters?", True),
        ("are there any nursing programs", True),
        ("is there a difference between micromasters and professional certificates", False),
        ("is there any point doing a micromasters", False),
        ("is there financial aid for the micromasters", False),  # a topic of its own
        ("do you have any info about pro certs", False),
        ("does harvard do micromasters", True),  # got the worth answer
        ("does it have a capstone course?", False),  # about the programme just discussed
    ],
)
def test_asking_what_is_offered_is_a_search_not_a_question_about_the_credential(text, expected):
    assert asks_what_is_offered(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("which universities accept it", True),
        ("what schools give credit for a micromasters", True),
        ("what are the pathway schools", True),
        ("which universities offer micromasters", False),  # a search
        ("do employers accept it", False),  # recognition
        ("does it count toward a masters", False),  # whether, not where: the credit answer
        ("do pro certs give any college credit at all", False),  # got the MicroMasters pathways
    ],
)
def test_which_universities_accept_it_asks_for_the_pathways(text, expected):
    assert asks_about_pathways(text) is expected


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("is a micromasters recognised in Germany?", "germany"),
        ("do employers in the UK recognise it?", "uk"),
        ("is it recognized by us", None),  # the pronoun, not the country
        ("is it recognised?", None),
    ],
)
def test_the_country_a_recognition_question_asks_about(text, country):
    assert country_named(text) == country


def test_team_or_business_pricing_is_not_taken_for_financial_aid():
    # "is there a group discount?" got "Yes, course by course ... up to a 90% discount" (need-based aid).
    assert label_of(uncovered_topic("is there a group discount or business plan?")) == "prices for teams and businesses"


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("mit dedp micromasters - cost, credit, length?", ("cost", "credit", "duration")),  # commas part them
        ("how long and how much for the scm one and does it count for a masters", ("duration", "cost", "credit")),
        ("how much is it?", ()),
    ],
)
def test_topics_asked_together_in_one_message(text, topics):
    assert topics_asked_together(text) == topics


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("can i get a refund if i drop out", "refunds"),  # got completion rates
        ("is it accredited", "recognition"),
        ("is 2 hours enough for a micromasters", "workload"),  # got the level blurb
        ("how many people drop out", "completion"),
    ],
)
def test_the_topic_of_questions_new_users_asked(text, topic):
    assert topic_named(text) == topic


def test_fields_named_alone_are_none_the_catalogue_has():
    # Each is said to be missing; one the catalogue has would be wrongly denied.
    kb = default_knowledge()
    fields = yaml.safe_load(Path("lexicon/topics.yml").read_text(encoding="utf-8"))["cues"]["field_asked_about"]
    assert fields and not [field for field in fields if resolve_subject(kb, field) or subjects_in(kb, field)]
    assert field_named_alone("nursing?") == "nursing" and field_named_alone("nursing school credit?") is None


def test_having_a_bachelor_s_is_not_asking_about_other_credentials():
    assert topic_named("does a micromasters count toward a bachelors degree?") == "other_credentials"
    assert topic_named("I already have a bachelors in engineering, will a micromasters help") is None
    assert topic_named("can i do a micromasters without a bachelor degree") is None


def test_a_question_about_the_master_s_is_told_from_one_about_the_programme():
    assert asks_about_the_masters("how much is the msc") and asks_about_the_masters("how long on campus")
    assert not asks_about_the_masters("how much is it") and not asks_about_the_masters("is it a masters degree")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("what is edx?", "about_edx"),
        ("what's edx", "about_edx"),
        ("is edx a real university?", "about_edx"),
        ("is edx legit", "about_edx"),
        ("what is edx micromasters", None),
        ("what is edx's micromasters", None),
    ],
)
def test_what_edx_is_is_a_question_about_edx_not_its_credentials(text, topic):
    assert topic_named(text) == topic


@pytest.mark.parametrize("text", ["how much will i earn after", "what income can i expect", "will i earn more with it"])
def test_earnings_are_a_topic_my_sources_do_not_cover(text):
    assert uncovered_topic(text) == "salaries"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("how much does the mit blended master semester cost", "masters_cost"),
        ("whats the tuition for the master's", "masters_cost"),
        ("how much is the msc?", "masters_cost"),
        ("how much does a micro masters cost", "cost"),
        ("how much is the mit supply chain micromasters", "cost"),
    ],
)
def test_the_masters_cost_is_told_apart_from_the_micromasters_cost(text, topic):
    assert topic_named(text) == topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("how much do MicroMasters graduates earn?", "salaries"),
        ("when does the next MITx supply chain course start?", "course schedules, start dates and deadlines"),
    ],
)
def test_graduates_earnings_and_next_start_dates_are_not_covered(text, topic):
    assert label_of(uncovered_topic(text)) == topic
