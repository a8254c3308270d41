"""Recommendation rules: each answer moves the decision the way a learner expects."""

from advisor.knowledge import default_knowledge
from advisor.profile import ANY_SUBJECT, LOW_BUDGET, NO_BUDGET_LIMIT
from advisor.recommend import Profile, choose_credential, describe_hours, recommend
from advisor.replies import recommendation_reply

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
    assert [p.id for p in result.programmes] == ["mitx_scm"]
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
    result = recommend(KB, Profile("graduate", True, 10, 1200, "data science"))
    assert {p.id for p in result.programmes[:2]} == {"ucsd_data_science", "mitx_sds"}


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
