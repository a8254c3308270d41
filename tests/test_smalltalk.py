"""Small talk read from the words: thanks with a goodbye closes the conversation; "who made you?"."""

import pytest

from advisor.smalltalk import (
    COMPLAINT_REPLY,
    GOODBYE_REPLY,
    THANKS_AND_GOODBYE_REPLY,
    THANKS_REPLY,
    asks_how_sure,
    asks_if_current,
    asks_who_made_me,
    complains,
    compliments,
    goodbye_reply,
    says_goodbye,
    thanks_reply,
)


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


@pytest.mark.parametrize(
    ("text", "about_me"),
    [
        ("who made you", True),
        ("Who created you?", True),
        ("which company built this bot", True),
        ("who programmed this chatbot", True),
        ("who created the berkeley blockchain pro cert", False),
        ("what made you choose that for me", False),
        ("who are micromasters for", False),
        ("who designed the course you recommended", False),
    ],
)
def test_who_made_me_is_told_from_questions_about_programmes(text, about_me):
    assert asks_who_made_me(text) is about_me


@pytest.mark.parametrize("text", ["you're useless", "worst bot ever", "that didn't help at all", "this bot sucks"])
def test_a_complaint_read_as_thanks_gets_an_apology(text):
    assert complains(text)
    assert thanks_reply(text) == COMPLAINT_REPLY


@pytest.mark.parametrize("text", ["thanks, that helps", "thank you, very helpful", "cheers, you've been great"])
def test_thanks_are_not_taken_for_complaints(text):
    assert not complains(text)


@pytest.mark.parametrize(
    ("text", "praise"),
    [
        ("lol ur actually pretty good", True),
        ("nice bot", True),
        ("you're very helpful", True),
        ("is a micromasters good for a career change?", False),
        ("that's a good question", False),
    ],
)
def test_praise_of_the_bot_is_told_apart(text, praise):
    assert compliments(text) is praise


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("are you sure?", True),
        ("how confident are you in the $1,350 price", True),
        ("is this info still up to date?", True),
        ("I'm not sure which to pick", False),
        ("are you a bot?", False),
    ],
)
def test_asking_how_sure_the_bot_is(text, asks):
    assert asks_how_sure(text) is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("that's outdated, prices have gone up a lot since 2018", True),
        ("your prices are from 2018, that's old", True),
        ("is the $1,350 still correct today?", True),
        ("is ur info up to date?", True),
        ("when was your information last checked?", True),
        ("are these prices still valid", True),
        ("how old is this info", True),
        ("is it still on edx?", False),
        ("how much does it cost today", False),
        ("I read the price is $1,000 now, is that still right?", False),
        ("am I too old for a micromasters?", False),
        ("how old is the oldest person alive", False),
    ],
)
def test_asking_whether_my_facts_are_current(text, asks):
    assert asks_if_current(text) is asks


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("thanks, bye", THANKS_AND_GOODBYE_REPLY),
        ("ty, gtg", THANKS_AND_GOODBYE_REPLY),
        ("much obliged, take care", THANKS_AND_GOODBYE_REPLY),
        ("bye for now", GOODBYE_REPLY),
        ("happy thanksgiving, bye", GOODBYE_REPLY),
    ],
)
def test_a_farewell_that_thanks_gets_the_thanks_too(text, reply):
    assert goodbye_reply(text) == reply
