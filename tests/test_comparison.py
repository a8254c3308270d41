"""A comparative question is answered on the attribute it compares."""

import pytest

from advisor.comparison import compared_topic


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
    ],
)
def test_one_compared_attribute_is_found(text, topic):
    assert compared_topic(text) == topic


@pytest.mark.parametrize(
    "text",
    ["what's the difference", "which one is better", "difference in price and length", "compare them", ""],
)
def test_no_single_attribute_means_the_general_difference(text):
    assert compared_topic(text) is None


def test_words_are_matched_whole_not_inside_other_words():
    assert compared_topic("which is more creditable") is None
    assert compared_topic("which is pricier?") == "cost"
