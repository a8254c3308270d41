"""The rule that decides whether a held-out or development message is new to the
training data (scripts/overlap.py), table by table. The real files are checked by
tests/test_rasa_project.py::test_no_held_out_message_is_a_training_example_or_a_near_copy."""

import pytest

from scripts.overlap import (
    compact,
    near_copy,
    normalise,
    not_new,
    one_word_apart,
    same_message,
    similarity,
    why_not_new,
)


@pytest.mark.parametrize(
    "text, normalised",
    [
        ("Sure, why not?!", "sure why not"),
        ("what's the reason", "whats the reason"),
        ("what’s the reason", "whats the reason"),  # a typographic apostrophe
        ("explain micro-masters to me", "explain micromasters to me"),
        ("supply-chain management", "supplychain management"),
        ("  MicroMasters   vs   Pro Cert ", "micromasters vs pro cert"),
        ("$1,500 budget", "1 500 budget"),
        ("i'd rather not", "id rather not"),
        ("under_score", "under score"),
    ],
)
def test_normalise_ignores_case_punctuation_apostrophes_and_hyphens(text, normalised):
    assert normalise(text) == normalised


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("yes that's correct", "yes thats correct", True),
        ("whats the reason", "What's the reason?", True),
        ("explain micro-masters to me", "explain micromasters to me", True),
        ("supply chain management", "supply-chain management", True),
        ("goodnight", "good night", True),  # spaces are ignored too
        ("Sure, why not", "sure why not", True),
        ("yes thats correct", "yes that is correct", False),
        ("good day", "good night", False),
    ],
)
def test_the_same_message(a, b, same):
    assert same_message(a, b) is same
    assert (compact(a) == compact(b)) is same


@pytest.mark.parametrize(
    "a, b, apart",
    [
        # one word changed, added or removed, the shorter message four words or more
        ("credits toward a degree?", "count toward a degree?", True),
        ("is there a time limit to complete everything", "is there a time limit to complete it", True),
        ("nope, that's not what i meant", "thats not what i meant", True),
        ("i'd rather not answer", "i'd rather not answer these", True),
        ("what are the options", "what are the fees", True),  # the label does not matter
        # two words apart
        ("is a micromasters worth it", "is a micromasters worth it at all", False),
        ("is the micromasters worth it for me", "is a micromasters worth it to me", False),
        # three words or fewer: one word is a third of the message
        ("is this ai", "is this legit", False),
        ("thanks so much", "ty so much", False),
        ("good day", "good night", False),
        # the same words in another order are not one word apart
        ("worth it is the micromasters", "is the micromasters worth it", False),
    ],
)
def test_one_word_apart(a, b, apart):
    assert one_word_apart(a, b) is apart
    assert one_word_apart(b, a) is apart


@pytest.mark.parametrize(
    "a, b, at_least",
    [
        ("hey bot", "heya bot", True),  # 0.93
        ("hi advisor", "hiya advisor", True),  # 0.91
        ("reset the conversation", "restart the conversation", True),  # 0.91
        ("yes that is correct", "yes thats correct", True),  # 0.94
        ("heyyy", "heyy", False),  # 0.89
        ("sounds great", "ok sounds great", False),  # 0.89
        ("alright", "all right", False),  # 0.88 (normalised "alright" / "all right")
        ("thanks a bunch", "thanks a lot", False),
        ("how much does a micromasters cost", "how long does a micromasters take", False),
    ],
)
def test_spelled_alike_at_a_ratio_of_at_least_0_9(a, b, at_least):
    assert (similarity(a, b) >= 0.9) is at_least
    assert similarity(a, b) == similarity(b, a)


@pytest.mark.parametrize(
    "text, training_text, why",
    [
        ("Explain micro-masters to me!", "explain micromasters to me", "the same message"),
        ("credits toward a degree?", "count toward a degree?", "one word apart"),
        ("hey bot", "heya bot", "spelled alike (0.93)"),
        ("what are my options", "show me the cheapest programs", None),
        ("good day", "good night", None),
    ],
)
def test_why_a_message_is_not_new(text, training_text, why):
    assert why_not_new(text, training_text) == why
    assert near_copy(text, training_text) is (why is not None)


def test_not_new_finds_every_kind_and_lets_new_messages_through():
    training = ["explain micromasters to me", "count toward a degree?", "heya bot", "how much does it cost"]
    messages = ["explain micro-masters to me", "credits toward a degree?", "hey bot", "what are you good at"]
    assert not_new(messages, training) == [
        ("explain micro-masters to me", "explain micromasters to me", "the same message"),
        ("credits toward a degree?", "count toward a degree?", "one word apart"),
        ("hey bot", "heya bot", "spelled alike (0.93)"),
    ]
