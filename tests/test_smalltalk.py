"""The thank-you reply closes the conversation when the thanks came with a goodbye."""

import pytest

from advisor.smalltalk import THANKS_AND_GOODBYE_REPLY, THANKS_REPLY, says_goodbye, thanks_reply


@pytest.mark.parametrize(
    "text",
    [
        "thanks, bye",
        "Thank you so much. Goodbye!",
        "cheers, see you",
        "ty gtg",
        "thanks, that’s all",
        "thx, good  night",
    ],
)
def test_thanks_with_a_farewell_closes_the_conversation(text):
    assert says_goodbye(text)
    assert thanks_reply(text) == THANKS_AND_GOODBYE_REPLY


@pytest.mark.parametrize("text", ["thanks", "thank you, that helps", "thanks! what about the byelaws", "ta", ""])
def test_plain_thanks_asks_what_else(text):
    assert not says_goodbye(text)
    assert thanks_reply(text) == THANKS_REPLY
