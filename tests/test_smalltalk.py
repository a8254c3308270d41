"""Small talk read from the words, under any intent: thanks with a goodbye closes the conversation, a
complaint is not thanks, "who made you?" is about me and "who created the berkeley one?" is not."""

from typing import List

import pytest
from test_reading import ANY_INTENT, reading, summary

INTENTS = (*ANY_INTENT, "thank", "goodbye")


def kinds(text: str, intent: str) -> List[str]:
    return summary(reading(text, intent))


@pytest.mark.parametrize(
    "text",
    [
        "thanks, bye",
        "Thank you so much. Goodbye!",
        "cheers, see you",
        "ty gtg",
        "thanks, that’s all",
        "thx, good  night",
        "much obliged, take care",
    ],
)
def test_thanks_with_a_farewell_closes_the_conversation(text):
    for intent in INTENTS:
        assert kinds(text, intent) == ["courtesy thanks", "courtesy goodbye"], intent


@pytest.mark.parametrize("text", ["thanks", "thank you, that helps", "ta", "cheers, you've been great"])
def test_plain_thanks_is_thanks_only(text):
    for intent in INTENTS:
        assert kinds(text, intent) == ["courtesy thanks"], intent


@pytest.mark.parametrize("text", ["bye for now", "happy thanksgiving, bye"])
def test_a_farewell_without_thanks_is_a_goodbye(text):
    for intent in INTENTS:
        assert kinds(text, intent) == ["courtesy goodbye"], intent


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
    for intent in (*ANY_INTENT, "bot_challenge", "ask_program_info"):
        assert ("ask who_made_me" in kinds(text, intent)) is about_me, intent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("you're useless", "courtesy complaint"),
        ("worst bot ever", "courtesy complaint"),
        ("that didn't help at all", "courtesy complaint"),
        ("this bot sucks", "courtesy complaint"),
        ("lol ur actually pretty good", "courtesy compliment"),
        ("nice bot", "courtesy compliment"),
        ("you're very helpful", "courtesy compliment"),
    ],
)
def test_complaints_and_praise_are_told_apart_from_thanks(text, expected):
    for intent in INTENTS:
        assert kinds(text, intent) == [expected], intent


@pytest.mark.parametrize(
    "text", ["is a micromasters good for a career change?", "that's a good question, how long is it"]
)
def test_a_question_with_kind_words_is_a_question(text):
    for intent in ANY_INTENT:
        assert not any(kind.startswith("courtesy") for kind in kinds(text, intent)), intent


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("are you sure?", True),
        ("how confident are you in the $1,350 price", True),
        ("I'm not sure which to pick", False),
        ("are you a bot?", False),
    ],
)
def test_asking_how_sure_the_bot_is(text, asks):
    for intent in ANY_INTENT:
        assert ("ask how_sure" in kinds(text, intent)) is asks, intent


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("that's outdated, prices have gone up a lot since 2018", True),
        ("your prices are from 2018, that's old", True),
        ("is the $1,350 still correct today?", True),
        ("is ur info up to date?", True),
        ("is this info still up to date?", True),
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
    for intent in ANY_INTENT:
        assert ("ask how_current" in kinds(text, intent)) is asks, intent
