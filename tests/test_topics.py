"""A comparison or a follow-up is answered on the topic it names."""

import pytest

from advisor.topics import topic_named


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
        ("does financial aid cover the whole cost", "financial_aid"),  # The specific topic wins.
        ("can i get my money back", "refunds"),
    ],
)
def test_one_compared_attribute_is_found(text, topic):
    assert topic_named(text) == topic


@pytest.mark.parametrize(
    "text",
    ["what's the difference", "which one is better", "difference in price and length", "compare them", ""],
)
def test_no_single_attribute_means_the_general_difference(text):
    assert topic_named(text) is None


def test_words_are_matched_whole_not_inside_other_words():
    assert topic_named("which is more creditable") is None
    assert topic_named("which is pricier?") == "cost"
