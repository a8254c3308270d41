"""Recommendation rules: each answer moves the decision the way a learner expects."""

import re

import pytest

from advisor.knowledge import default_knowledge
from advisor.reading import ANY_SUBJECT
from advisor.recommend import (
    Profile,
    choose_credential,
    describe_hours,
    programme_cost,
    programme_length,
    recommend,
    weekly_effort,
)
from advisor.replies import explain_reply, recommendation_reply
from advisor.values import LOW_BUDGET, NO_BUDGET_LIMIT

KB = default_knowledge()


def test_credit_and_graduate_goal_mean_micromasters():
    chosen, reasons, against = choose_credential(Profile("graduate", True, 10, 1500, "supply chain"))
    assert chosen == "micromasters"
    assert any("credit" in r for r in reasons) and any("graduate" in r for r in reasons)
    assert against == ()


def test_quick_skill_without_credit_means_professional_certificate():
    chosen, reasons, _ = choose_credential(Profile("skills", False, 3, 400, "data science"))
    assert chosen == "professional_certificate"
    assert any("about 3 hours a week" in r for r in reasons)
    assert any("$400" in r for r in reasons)


def test_a_budget_given_as_cheap_is_called_small_not_a_made_up_figure():
    _, reasons, _ = choose_credential(Profile("skills", False, 4, LOW_BUDGET, "data science"))
    assert any("your budget is small" in r for r in reasons)
    assert not any("$" in r for r in reasons)


def test_credit_and_graduate_goal_outweigh_little_time_and_money():
    chosen, _, against = choose_credential(Profile("graduate", True, 4, 400, None))
    assert chosen == "micromasters"
    assert len(against) == 2  # the time and budget concerns are stated, not hidden


def test_conflicting_answers_are_named_in_the_trade_off():
    chosen, _, against = choose_credential(Profile("skills", True, 4, 400, None))
    assert chosen == "professional_certificate"
    assert any("credit" in reason for reason in against)


def test_tie_goes_to_the_smaller_commitment_unless_graduate_goal():
    assert choose_credential(Profile())[0] == "professional_certificate"
    assert choose_credential(Profile(goal="graduate", wants_credit=False))[0] == "micromasters"


def test_a_tight_budget_is_told_about_financial_aid_with_its_source():
    tight = recommendation_reply(KB, recommend(KB, Profile("graduate", True, 2, 0, "data science")))
    assert "On a tight budget, financial aid: Up to 90% off verified certificates" in tight.text
    assert any(c.source_id in KB.faq["financial_aid"]["micromasters"].fact.sources for c in tight.citations)
    ample = recommendation_reply(KB, recommend(KB, Profile("graduate", True, 10, 1500, "data science")))
    assert "financial aid" not in ample.text


def test_hours_from_a_button_are_said_in_the_buttons_words():
    # "More than 10 hours" clicked read back as "about 12 hours a week", a figure the learner never gave.
    assert describe_hours(12) == "more than 10 hours a week"
    assert describe_hours(4) == "under 5 hours a week"
    assert describe_hours(6) == "about 6 hours a week"


def test_a_programme_s_weekly_effort_is_read_from_its_sources():
    assert weekly_effort(KB.programme("mitx_finance")) == (10.0, 14.0)
    assert weekly_effort(KB.programme("harvardx_data_science")) == (2.0, 3.0)
    assert weekly_effort(KB.programme("mitx_sds")) is None  # "18-24 months" is no weekly figure


def test_why_says_when_the_other_answers_outweighed_credit():
    profile = Profile("skills", True, 3, 300, "data science")
    result = recommend(KB, profile)
    assert result.credential_type == "professional_certificate"
    assert "Here your other answers together outweighed credit" in explain_reply(KB, profile, result).text
    graduate = Profile("graduate", True, 10, 1500, "data science")
    assert "outweighed" not in explain_reply(KB, graduate, recommend(KB, graduate)).text


def test_a_budget_between_small_and_enough_is_weighed_aloud():
    # $600 was neither a reason nor worth weighing.
    _, reasons, against = choose_credential(Profile("graduate", True, 15, 600, "artificial intelligence"))
    assert any("is below what a whole MicroMasters typically cost" in r for r in reasons + against)


PC, MM = "professional_certificate", "micromasters"
# (learner, profile, the examples' kind, the subject every example has (None: any), first example,
# programmes never named, what the examples' heading says)
EXAMPLES = [
    # An IT helpdesk technician after a SOC job got Blockchain, AI in Practice and HarvardX Data Science.
    (
        "helpdesk into a SOC job in 2 months",
        Profile("skills", False, 6, NO_BUDGET_LIMIT, "cybersecurity", 2),
        PC,
        "cybersecurity",
        "linuxfoundationx_secure_software_development",
        ("berkeleyx_blockchain", "delftx_ai_in_practice", "harvardx_data_science"),
        "Cybersecurity Professional Certificate programs to look at",
    ),
    # "Python" got "Leading Educational Innovation".
    (
        "python, 3 hours, $300",
        Profile("skills", False, 3, 300, "python"),
        PC,
        "python",
        "gtx_introduction_to_computing",
        ("michiganx_educational_innovation",),
        "Python Professional Certificate programs to look at",
    ),
    # "AI literacy in 2-3 months, $1,000" got the 9-course HarvardX Data Science (about 17 months).
    (
        "AI literacy in 2-3 months, $1,000",
        Profile("skills", None, None, 1000, "artificial intelligence", 3),
        PC,
        "artificial intelligence",
        "delftx_ai_in_practice",
        ("harvardx_data_science", "aws_generative_ai_developers"),
        "(my sources don't say how long they take or what they cost in total)",
    ),
    # Data science in 2 months: not HarvardX Data Science (about 17 months), nor the retired Microsoft programme.
    (
        "data science in 2 months",
        Profile("skills", False, 4, 1500, "data science", 2),
        PC,
        "data science",
        "berkeleyx_foundations_of_data_science",
        ("harvardx_data_science", "microsoft_mpp_data_science", "ibm_python_data_science"),
        "Data science Professional Certificate programs to look at",
    ),
    # Its budget: HarvardX Data Science (about $1,341 by an estimate) is left out under $500.
    (
        "data science under $500",
        Profile("skills", False, 4, 499, "data science"),
        PC,
        "data science",
        "berkeleyx_foundations_of_data_science",
        ("harvardx_data_science", "ibm_data_science"),
        "Data science Professional Certificate programs to look at",
    ),
    # Graduate data science within a year: not MITx SDS (18-24 months).
    (
        "graduate data science within a year",
        Profile("graduate", True, 10, 1500, "data science", 12),
        MM,
        "data science",
        "ucsd_data_science",
        ("mitx_sds",),
        "Data science MicroMasters programs to look at",
    ),
    # A budget under UBC's $832.50 total leaves it out; the others' prices are not known.
    (
        "graduate software development on $500",
        Profile("graduate", True, 10, 500, "software development"),
        MM,
        "software development",
        "ucsd_algorithms_data_structures",
        ("ubcx_software_development",),
        "Software development MicroMasters programs to look at",
    ),
    # 3 hours a week: not MITx Finance (10-14 hours a week).
    (
        "finance at 3 hours a week",
        Profile("skills", True, 3, 1000, "finance"),
        MM,
        "finance",
        "iux_accounting",
        ("mitx_finance",),
        "Finance MicroMasters programs to look at",
    ),
    # No Professional Certificate in the subject: the MicroMasters in it, said so.
    (
        "project management on a small budget",
        Profile("skills", False, 5, 250, "project management"),
        MM,
        "project management",
        "ritx_project_management",
        (),
        "I know no project management Professional Certificate programs; project management MicroMasters programs",
    ),
    # Thinly described programmes (existence only, low confidence) come after the well-described one.
    (
        "blockchain",
        Profile("skills", False, 10, NO_BUDGET_LIMIT, "blockchain"),
        PC,
        "blockchain",
        "berkeleyx_blockchain",
        (),
        "Blockchain Professional Certificate programs to look at",
    ),
    # No subject (or one my catalogue lacks): the recommended kind from any subject, none retired.
    (
        "any subject",
        Profile("skills", False, 4, 300, ANY_SUBJECT),
        PC,
        None,
        "linuxfoundationx_secure_software_development",
        ("microsoft_mpp_data_science",),
        "Professional Certificate programs to look at, from any subject",
    ),
    # None fits: said plainly, with the closest and why.
    (
        "railway engineering in 2 months",
        Profile("skills", False, 5, NO_BUDGET_LIMIT, "railway engineering", 2),
        PC,
        "railway engineering",
        "tudelft_railway_engineering",
        (),
        "None of the railway engineering Professional Certificate programs I know fits 2 months; the closest:",
    ),
    (
        "supply chain master's track in a year on $1,000",
        Profile("graduate", True, 10, 1000, "supply chain", 12),
        MM,
        "supply chain",
        "mitx_scm",
        (),
        "None of the supply chain MicroMasters programs I know fits 12 months and a budget of about $1,000;",
    ),
    (
        "supply chain basics, quick and cheap",
        Profile("skills", False, 5, 300, "supply chain", 3),
        MM,
        "supply chain",
        "mitx_scm",
        (),
        "I know no supply chain Professional Certificate programs, and none of the supply chain MicroMasters",
    ),
]


@pytest.mark.parametrize(
    ("profile", "kind", "subject", "first", "never", "heading"),
    [row[1:] for row in EXAMPLES],
    ids=[row[0] for row in EXAMPLES],
)
def test_example_programmes_match_the_subject_and_kind_and_fit_time_and_budget(
    profile, kind, subject, first, never, heading
):
    result = recommend(KB, profile)
    text = recommendation_reply(KB, result).text
    programmes = result.programmes
    assert 1 <= len(programmes) <= 3 and programmes[0].id == first
    assert all(p.credential_type == kind and p.status != "retired" for p in programmes)
    assert subject is None or all(subject in p.subjects for p in programmes)
    assert not {p.id for p in programmes} & set(never)
    assert heading in text
    # Each example is one line, after its heading.
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if heading in line) + 1
    assert [line.split(" (")[0] for line in lines[start : start + len(programmes)]] == [
        f"• {p.title}".split(" (")[0] for p in programmes
    ]
    # Thinly described programmes never come before a well-described one.
    thin = [p.existence_only or p.confidence == "low" for p in programmes]
    assert thin == sorted(thin)
    # What my sources know to miss the learner's time or budget is said; when none fits, only the closest is named.
    for fit in result.examples.fits:
        assert all(miss.said in text for miss in fit.misses)
    assert bool(result.examples.none_fit) == (len(programmes) == 1 and bool(result.examples.fits[0].misses))


def test_the_closest_programme_when_none_fits_says_why():
    text = recommendation_reply(
        KB, recommend(KB, Profile("skills", False, 5, NO_BUDGET_LIMIT, "railway engineering", 2))
    ).text
    line = next(line for line in text.splitlines() if line.startswith("• TU Delft Professional Certificate"))
    assert line.endswith(
        ": takes about 4 months (3 courses of 6 weeks, one after another), more than the 2 months you have"
    )
    fits = recommendation_reply(
        KB, recommend(KB, Profile("skills", False, 5, NO_BUDGET_LIMIT, "railway engineering", 6))
    ).text
    assert "within 6 months" in fits and "None of" not in fits


def test_a_programme_s_hours_and_price_are_said_against_the_learner_s():
    scm = recommendation_reply(KB, recommend(KB, Profile("graduate", True, 5, 1000, "supply chain"))).text
    assert "asks 8-12 hours a week, and you have about 5 hours a week" in scm
    assert "costs $1,350 in total in my sources: more than your budget" in scm
    ubc = recommendation_reply(KB, recommend(KB, Profile("graduate", True, 10, 1000, "software development"))).text
    assert "costs $832.50 in total in my sources: within your budget" in ubc
    assert "None of these has a credit pathway in my sources" in ubc


def test_every_length_and_price_the_catalogue_states_is_read():
    # A duration giving months, weeks per course, hours in total or the dates one learner took is a length;
    # a price in total, per course (with the number of courses) or estimated is a whole price.
    for programme in KB.programmes:
        duration = programme.duration or ""
        if re.search(r"\d+ (?:years?|months|weeks)|hours in total|\b(?:May|August|March) \d{4}", duration):
            assert programme_length(programme) is not None, programme.id
        price = programme.price or ""
        if re.search(r"in total|per course\b", price) and programme.courses or programme.estimated_total:
            assert programme_cost(programme) is not None, programme.id
    assert programme_length(KB.programme("harvardx_data_science")).said == "about 17 months at 2-3 hours a week"
    assert programme_length(KB.programme("mitx_sds")).months == (18, 24)


def test_why_gives_each_answer_s_whole_reason_and_which_way_it_points():
    profile = Profile("skills", False, 4, 1500, "data science", 2)
    text = explain_reply(KB, profile, recommend(KB, profile)).text
    assert (
        "• Time: you have under 5 hours a week, and graduate-level MicroMasters courses usually ask for more;" in text
    )
    assert (
        "covers what a whole MicroMasters typically cost" in text and "(this points to a MicroMasters program)" in text
    )
    assert "• Subject: data science." in text
    middle = Profile("skills", False, 7, 300, "data science")
    assert (
        "• Time: about 7 hours a week, which points neither way."
        in explain_reply(KB, middle, recommend(KB, middle)).text
    )


def test_the_recommendation_is_short():
    # 15 lines and more, with every reason's justification and the whole cost fact.
    for profile in (row[1] for row in EXAMPLES):
        result = recommend(KB, profile)
        lines = recommendation_reply(KB, result).text.splitlines()
        assert len(lines) - len(result.programmes) <= 9, lines
