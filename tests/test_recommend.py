"""Recommendation rules: each answer moves the decision the way a learner expects."""

from advisor.knowledge import default_knowledge
from advisor.reading import ANY_SUBJECT
from advisor.recommend import Profile, choose_credential, describe_hours, recommend, weekly_effort
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


def test_programmes_match_subject_and_type():
    result = recommend(KB, Profile("graduate", True, 10, NO_BUDGET_LIMIT, "supply chain"))
    assert result.credential_type == "micromasters"
    assert result.programmes[0].id == "mitx_scm"
    assert all(p.credential_type == "micromasters" and "supply chain" in p.subjects for p in result.programmes)
    assert result.programmes_note is None


def test_subject_without_that_type_says_so_and_offers_the_other():
    result = recommend(KB, Profile("skills", False, 4, 300, "supply chain"))
    assert result.credential_type == "professional_certificate"
    assert result.programmes_note and "no verified" in result.programmes_note
    assert [p.id for p in result.programmes] == ["mitx_scm"]


def test_any_subject_lists_up_to_three_current_programmes():
    result = recommend(KB, Profile("skills", False, 4, 300, ANY_SUBJECT))
    assert 1 <= len(result.programmes) <= 3
    assert all(p.credential_type == "professional_certificate" and p.status != "retired" for p in result.programmes)


def test_programmes_mainly_about_the_subject_come_first():
    # (Not DEDP, whose data science comes after economics; of those mainly about it, the best-sourced first.)
    result = recommend(KB, Profile("graduate", None, 10, 1200, "data science"))
    assert result.programmes[0].id == "mitx_sds"
    assert all(p.subjects[0] == "data science" for p in result.programmes)


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


def test_a_programme_that_asks_more_hours_than_the_learner_has_is_flagged_and_comes_last():
    # 2-3 hours a week, finance: the MITx Finance MicroMasters (10-14 hours a week) came without a word.
    text = recommendation_reply(KB, recommend(KB, Profile("skills", True, 3, 1000, "finance"))).text
    assert (
        "MITx MicroMasters Program in Finance (MMFin) (MIT, MicroMasters, 5 courses) (asks 10-14 hours a week" in text
    )
    roomy = recommendation_reply(KB, recommend(KB, Profile("graduate", True, 15, 1500, "finance"))).text
    assert "more than you have" not in roomy


def test_why_says_when_the_other_answers_outweighed_credit():
    profile = Profile("skills", True, 3, 300, "data science")
    result = recommend(KB, profile)
    assert result.credential_type == "professional_certificate"
    assert "Here your other answers together outweighed credit" in explain_reply(KB, profile, result).text
    graduate = Profile("graduate", True, 10, 1500, "data science")
    assert "outweighed" not in explain_reply(KB, graduate, recommend(KB, graduate)).text


def test_when_credit_matters_programmes_without_a_credit_pathway_come_last_and_are_flagged():
    # Credit matters, AI: the only programme offered was ColumbiaX AI, with no credit pathway, unflagged.
    ai = recommendation_reply(KB, recommend(KB, Profile("graduate", True, 15, 600, "artificial intelligence"))).text
    assert (
        "ColumbiaX MicroMasters Program in Artificial Intelligence" in ai
        and "(no credit pathway found in my sources)" in ai
    )
    data = recommend(KB, Profile("graduate", True, 15, 1500, "data science"))
    assert all(p.credit_pathway for p in data.programmes)  # UC San Diego's (none found) left out
    assert (
        "no credit pathway"
        not in recommendation_reply(KB, recommend(KB, Profile("graduate", False, 15, 1500, "data science"))).text
    )


def test_a_budget_between_small_and_enough_is_weighed_aloud():
    # $600 was neither a reason nor worth weighing.
    _, reasons, against = choose_credential(Profile("graduate", True, 15, 600, "artificial intelligence"))
    assert any("is below what a whole MicroMasters typically cost" in r for r in reasons + against)


def test_a_programme_whose_stated_total_is_over_the_budget_is_flagged():
    # A $1,000 budget "in line with" MIT SCM, listed at "$1,350 in total" without a word.
    text = recommendation_reply(KB, recommend(KB, Profile("graduate", True, 10, 1000, "supply chain"))).text
    assert "($1,350 in total in my sources, more than your budget)" in text
    assert "Your budget (about $1,000) is about what a whole MicroMasters typically cost" in text
    roomy = recommendation_reply(KB, recommend(KB, Profile("graduate", True, 10, NO_BUDGET_LIMIT, "supply chain"))).text
    assert "more than your budget" not in roomy and "You have no fixed budget limit" in roomy


def test_an_estimated_total_over_the_budget_is_flagged_as_an_estimate():
    # "Under $500" was offered HarvardX Data Science (9 courses, $149 known for one) with no word of its cost.
    profile = Profile(goal="skills", wants_credit=False, weekly_hours=4, budget=499, subject="data science")
    text = recommendation_reply(KB, recommend(KB, profile)).text
    line = next(line for line in text.splitlines() if "HarvardX Professional Certificate in Data Science" in line)
    assert "(about $1,341 for all 9 courses by an estimate, not a published total: more than your budget)" in line
    roomy = Profile(goal="skills", wants_credit=False, weekly_hours=4, budget=5000, subject="data science")
    assert "by an estimate" not in recommendation_reply(KB, recommend(KB, roomy)).text
