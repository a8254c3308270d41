"""Tolerant matching of what users type to the catalogue."""

import re
from pathlib import Path

import pytest
import yaml

from advisor.knowledge import default_knowledge
from advisor.lexicon import default_lexicon
from advisor.matching import (
    Query,
    build_query,
    compared,
    employer_named,
    find_programme,
    listed_pair,
    listed_position,
    mention_asked,
    mentions,
    narrow,
    normalise,
    other_institution_named,
    programme_in_question,
    relaxed_search,
    resolve_credential_type,
    resolve_institution,
    resolve_subject,
    search_programmes,
    subjects_in,
    subjects_partly_named,
    unknown_topic,
)

KB = default_knowledge()
ROOT = Path(__file__).resolve().parents[1]


def ids(programmes):
    return [p.id for p in programmes]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("micro masters", "micromasters"),
        ("MM", "micromasters"),
        ("micromasteres", "micromasters"),
        ("pro cert", "professional_certificate"),
        ("PC", "professional_certificate"),
        ("certificate", "professional_certificate"),
        ("profesional certificate", "professional_certificate"),
        ("pizza", None),
    ],
)
def test_credential_synonyms(value, expected):
    assert resolve_credential_type(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("ML", "machine learning"),  # its own subject: data science programmes with an ML course too
        ("machine learning", "machine learning"),
        ("deep learning", "artificial intelligence"),
        ("supply-chain", "supply chain"),
        ("Logistics", "supply chain"),
        ("cyber security", "cybersecurity"),
        ("data sceince", "data science"),
    ],
)
def test_subject_synonyms_and_typos(value, expected):
    assert resolve_subject(KB, value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [("MITx", "MIT"), ("umich", "University of Michigan"), ("HarvardX", "Harvard"), ("delft", "TU Delft")],
)
def test_institution_aliases(value, expected):
    assert resolve_institution(KB, value) == expected


def test_normalise_treats_hyphens_and_case_alike():
    assert normalise("Supply-Chain  PROGRAMS!") == "supply chain programs"


def test_ml_search_finds_the_programmes_with_a_machine_learning_course():
    # "ML certs" found only DelftX's non-technical AI in Practice.
    found = ids(search_programmes(KB, build_query(KB, "any ML programs?")))
    assert {"columbiax_ai", "mitx_sds", "ucsd_data_science", "harvardx_data_science"} <= set(found)
    assert "delftx_ai_in_practice" not in found
    assert "delftx_ai_in_practice" in ids(search_programmes(KB, build_query(KB, "any AI programs?")))


def test_supply_chain_search_with_hyphen():
    assert "mitx_scm" in ids(search_programmes(KB, build_query(KB, "supply-chain programmes")))


def test_search_by_institution_and_type():
    found = search_programmes(KB, build_query(KB, "which MIT micromasters are there"))
    assert found and all(p.institution == "MIT" and p.credential_type == "micromasters" for p in found)


def test_search_without_a_match_relaxes_to_the_nearest():
    # (Cybersecurity has Professional Certificates since the catalogue additions; project management has none.)
    query = build_query(KB, "project management professional certificates")
    assert search_programmes(KB, query) == []
    assert "ritx_project_management" in ids(relaxed_search(KB, query))


def test_named_programme_is_found_tolerantly():
    match = find_programme(KB, build_query(KB, "tell me about the mitx supply-chain micro masters"))
    assert match.programme and match.programme.id == "mitx_scm"


def test_michigan_data_science_micromasters_is_an_honest_not_verified():
    match = find_programme(KB, build_query(KB, "Michigan data science MicroMasters"))
    assert match.programme is None
    assert match.claim and match.claim.id == "michigan_data_science_micromasters"
    assert {"ucsd_data_science", "mitx_sds"} <= set(ids(match.nearest))


def test_fintech_is_not_passed_off_as_mitx_finance():
    match = find_programme(KB, build_query(KB, "the fintech micromasters"))
    assert match.programme is None and match.claim and "mitx_finance" in ids(match.nearest)


def test_unknown_programme_is_not_guessed():
    match = find_programme(KB, build_query(KB, "stanford quantum computing micromasters"))
    assert match.programme is None and match.claim is None


def test_everyday_words_are_not_read_as_typos_of_subjects():
    query = build_query(KB, "which supply chain programmes are there?")
    found = search_programmes(KB, query)
    assert query.subjects == ("supply chain",) and ids(found)[0] == "mitx_scm"
    assert all("supply chain" in p.subjects for p in found)


def test_a_very_long_message_still_finds_the_subject_it_opens_with():
    query = build_query(KB, "tell me about supply chain programmes " + "and many more words here " * 2000)
    assert query.subjects == ("supply chain",)


DATA_SCIENCE = build_query(KB, "data science programmes")


@pytest.mark.parametrize(
    "text, subjects, institutions, credential_types",
    [
        ("which ones are micromasters", ("data science",), (), ("micromasters",)),
        ("and which are professional certificates?", ("data science",), (), ("professional_certificate",)),
        ("any of those from Harvard?", ("data science",), ("Harvard",), ()),
        ("only the pro certs please", ("data science",), (), ("professional_certificate",)),
        ("which of them are in supply chain", ("supply chain",), (), ()),
    ],
)
def test_a_follow_up_narrows_the_programmes_just_listed(text, subjects, institutions, credential_types):
    narrowed = narrow(DATA_SCIENCE, text, build_query(KB, text))
    assert narrowed is not None
    assert (narrowed.subjects, narrowed.institutions, narrowed.credential_types) == (
        subjects,
        institutions,
        credential_types,
    )


@pytest.mark.parametrize(
    "text",
    [
        "what is a micromasters",  # a new question, not about the list
        "which ones are good",  # refers back but names no filter
        "harvard programmes",  # a new search
    ],
)
def test_a_new_question_does_not_narrow_the_previous_list(text):
    assert narrow(DATA_SCIENCE, text, build_query(KB, text)) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # (Healthcare, psychology and quantum computing are in the catalogue since its additions.)
        ("are there any programs in nursing", "nursing"),
        ("do you have anything on marine biology", "marine biology"),
        ("any philosophy micromasters", "philosophy"),
        ("astrophysics micromasters from stanford", "astrophysics"),
        ("any nursing or midwifery programs?", "nursing or midwifery"),  # not "or midwifery"
        # Known subjects, institutions, or no subject at all.
        ("any programs in supply chain", None),
        ("any data sci micromaster options", None),
        ("MIT programs", None),
        ("which programs are there", None),
        ("show me all the micromasters", None),
        ("cheap programs for beginners", None),
        ("list all programmes", None),
        # The topic before the programme words stops at a preposition: no "laptop" subject.
        ("can u recommend a good laptop for doing online courses", None),
        ("a desk for taking micromasters courses", None),
        ("tips for marine biology courses", "marine biology"),
    ],
)
def test_a_subject_the_catalogue_lacks_is_named(text, expected):
    assert unknown_topic(KB, build_query(KB, text)) == expected


def test_no_training_example_of_a_search_is_read_as_a_missing_subject():
    # Each would get "I couldn't find any verified programmes in <words>" instead of its results.
    misread = []
    for path in (ROOT / "data").glob("nlu*.yml"):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if item.get("intent") != "search_programs":
                continue
            for line in item["examples"].splitlines():
                text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", line.strip()[2:])
                missing = unknown_topic(KB, build_query(KB, text))
                if missing and not subjects_partly_named(KB, missing):  # "the data ones": data science and others
                    misread.append(text)
    assert misread == []


@pytest.mark.parametrize(
    "text, position",
    [
        ("tell me about the first one", 0),
        ("the second one", 1),
        ("more about the 2nd", 1),
        ("what about number 3", 2),
        ("#2", 1),
        ("option 1", 0),
        ("the last one please", -1),
        ("second", 1),
        # Ordinal words that point at no list.
        ("my first degree was in history", None),
        ("what is the first step", None),
        ("no, not really", None),
    ],
)
def test_a_message_pointing_at_a_listed_item(text, position):
    assert listed_position(text) == position


@pytest.mark.parametrize(
    "text, programme, claim",
    [
        ("how much is the mitx supply chain micromasters", "mitx_scm", None),
        ("how long is the harvard data science certificate", "harvardx_data_science", None),
        ("how much is the michigan data science micromasters", None, "michigan_data_science_micromasters"),
        ("whats the price of the fintech micromasters", None, "fintech_micromasters"),
        # A kind of programme, not one programme: the general answer.
        ("how much are data science micromasters", None, None),
        ("how much does a micromasters cost", None, None),
        # Of MIT's two data-science programmes, the one whose main subject it is.
        ("how much is the mit data science micromasters", "mitx_sds", None),
    ],
)
def test_a_question_names_one_programme_or_none(text, programme, claim):
    match = programme_in_question(KB, build_query(KB, text))
    assert (match.programme.id if match.programme else None, match.claim.id if match.claim else None) == (
        programme,
        claim,
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("tell me more about it", True),
        ("tell me about the first one", True),
        ("details?", True),
        ("more info please", True),
        ("what does it cover?", True),
        ("what's in it", True),
        ("what topics?", True),
        ("what does a micromasters cover", False),
        ("ok", False),
        ("the first one", False),
    ],
)
def test_asking_for_details(text, expected):
    assert default_lexicon().has("details", normalise(text)) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "compare the mitx supply chain micromasters with the harvard data science certificate",
            ("mitx_scm", "harvardx_data_science"),
        ),
        ("mitx sds vs ucsd data science micromasters", ("mitx_sds", "ucsd_data_science")),
        ("which is better, the UCSD or the MIT data science micromasters", ("ucsd_data_science", "mitx_sds")),
        # The subject named once applies to both sides.
        (
            "difference between the columbia and gtx analytics programs",
            ("columbiax_business_analytics", "gtx_analytics"),
        ),
        # Kinds of programme, not two programmes.
        ("what is the difference between a micromasters and a professional certificate", None),
        ("mitx or harvard", None),
        ("data science or supply chain programs", None),
    ],
)
def test_two_programmes_compared_by_name(text, expected):
    pair = compared(KB, text).pair
    assert (tuple(p.id for p in pair) if pair else None) == expected


@pytest.mark.parametrize(
    ("topic", "subjects"),
    [
        ("business", ("business analytics", "business management")),
        ("management", ("project management", "business management", "product management")),
        ("computer science", ()),
        ("nursing", ()),
    ],
)
def test_a_word_of_some_subject_names_means_those_subjects(topic, subjects):
    assert subjects_partly_named(KB, topic) == subjects


@pytest.mark.parametrize(
    ("text", "programme_id"),
    [
        ("i have a bachelor in biology, could i do the mitx sds micromasters", "mitx_sds"),
        ("tell me about MMFin", "mitx_finance"),
        ("the mit scm one", "mitx_scm"),
    ],
)
def test_a_programme_is_found_by_its_short_name(text, programme_id):
    assert find_programme(KB, build_query(KB, text)).programme == KB.programme(programme_id)


@pytest.mark.parametrize(
    ("text", "listed", "pair"),
    [
        ("compare the first two", 5, (0, 1)),
        ("compare the last two", 4, (-2, -1)),
        ("which is better, the first or the third?", 5, (0, 2)),
        ("compare them", 2, (0, 1)),
        ("compare them", 3, None),  # which two?
        ("compare them", 0, None),  # no list just shown
        ("tell me about the first two", 5, None),  # not a comparison
    ],
)
def test_a_comparison_points_at_two_listed_programmes(text, listed, pair):
    assert listed_pair(text, listed) == pair


@pytest.mark.parametrize(
    ("text", "each"),
    [
        ("which one gives credit?", True),
        ("do they have exams?", True),
        ("which of them is self-paced?", True),
        ("are both on edX?", True),
        ("which gives credit", True),
        ("does a micromasters give credit?", False),  # a kind of credential, not the list
        ("how long does it take?", False),
    ],
)
def test_a_question_about_each_programme_just_shown_is_told_apart(text, each):
    assert default_lexicon().has("each_listed", normalise(text)) is each


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("which one uses python?", "python"),
        ("does it teach SQL?", "sql"),
        ("do any of them cover machine learning", "machine learning"),
        ("which one has a capstone?", "capstone"),
        ("does it use c++ at all?", "c++"),
        ("which one uses it?", None),
        ("how much does it cost?", None),
        ("uses python?", "python"),
        # About someone else, or a kind of credential: not a word to look for in a description.
        ("does stanford have a micromasters", None),
        ("does it have a micromasters?", None),
        ("does harvard teach python?", None),
    ],
)
def test_the_word_a_question_looks_for_in_descriptions(text, term):
    assert mention_asked(text) == term


def test_a_programme_mentions_a_word_where_its_description_has_it():
    sds = KB.programme("mitx_sds")
    assert mentions(sds, "python") == "6.86x Machine Learning with Python"
    assert mentions(KB.programme("harvardx_data_science"), "python") is None
    assert mentions(sds, "pyth") is None  # whole words only


@pytest.mark.parametrize(
    ("text", "employer"),
    [
        ("can i get a job at google with this", "google"),
        ("will amazon hire me after a micromasters", "amazon"),
        ("I want to work for Deloitte", "deloitte"),
        ("can I get a job at a big company", None),
        ("do employers hire people with these?", None),
        ("is the google certificate on edx", None),
    ],
)
def test_a_company_named_as_an_employer(text, employer):
    assert employer_named(text) == employer


def test_financial_aid_names_no_subject():
    # "does financial aid work for micromasters too" named international development ("aid work").
    assert build_query(KB, "does financial aid work for micromasters too").subjects == ()


def test_new_users_words_that_were_misread():
    # "who teaches it?" named education ("teachers" misspelled), "supplychain" no subject.
    assert build_query(KB, "how many courses is it and who teaches it?").subjects == ()
    assert build_query(KB, "supplychain programs?").subjects == ("supply chain",)


def test_being_a_teacher_is_not_a_subject_but_programmes_for_teachers_are():
    # "teacher salary lol. 700 max" was noted as "your subject is education".
    assert subjects_in(KB, "teacher salary lol. 700 max") == []
    assert subjects_in(KB, "anything for teachers") == ["education"]


def test_a_doubtful_programme_named_by_its_word_is_found_after_a_micromasters():
    # "is there a micromasters in fintech" got "Sorry, I didn't understand"; "fintech micromasters?" did not.
    query = Query((), (), ("micromasters",), "is there a micromasters in fintech")
    assert programme_in_question(KB, query).claim.id == "fintech_micromasters"


def test_a_university_outside_the_catalogue_is_named_unless_a_catalogued_one_is():
    assert other_institution_named(KB, "does stanford have a micromasters").name == "Stanford"
    assert other_institution_named(KB, "MIT in cambridge") is None
    assert other_institution_named(KB, "tell me about the mit one") is None


@pytest.mark.parametrize(
    "text",
    [
        "tell me about the MITx MicroMasters in Quantum Cooking",
        "tell me about the HarvardX Professional Certificate in Quantum Cooking",
        "Columbia Professional Certificate in Astrology",
    ],
)
def test_a_programme_in_a_subject_none_has_is_not_found_not_swapped_for_another(text):
    # They got DEDP's card, HarvardX Data Science's card and the Columbia AI certificate's claim.
    match = find_programme(KB, build_query(KB, text))
    assert match.programme is None and match.claim is None and match.nearest


def test_a_kind_the_university_does_not_offer_is_not_found_but_its_other_kind_is_nearest():
    # "what about the Harvard MicroMasters in data science?" got the HarvardX Professional Certificate's card.
    match = find_programme(KB, build_query(KB, "what about the Harvard MicroMasters in data science?"))
    assert match.programme is None and [p.id for p in match.nearest][:1] == ["harvardx_data_science"]


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        # A word inside a name spelled exactly is no typo of another name.
        ("what about machine learning ones?", ("machine learning",)),
        ("machine lerning", ("machine learning",)),
        ("any e-learnign courses", ("education",)),
    ],
)
def test_a_word_of_an_exactly_spelled_name_is_no_typo_of_another(text, subjects):
    assert build_query(KB, text).subjects == subjects
