"""Messages in another language are told from English, and not answered as if understood."""

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from advisor.language import is_not_words, is_other_language
from components.unreadable_message_gate import UnreadableMessageGate


@pytest.mark.parametrize(
    "text",
    [
        "hola, cuanto cuesta un micromasters?",
        "¿Qué es un MicroMasters y cuánto cuesta?",
        "combien coûte un micromasters",
        "wie viel kostet ein micromasters",
        "quanto custa um micromasters",
        "微硕士多少钱",
        "МикроМастерс сколько стоит",
    ],
)
def test_questions_in_other_languages_are_told_apart(text):
    assert is_other_language(text)


@pytest.mark.parametrize(
    "text",
    [
        "how much does a micromasters cost",
        "is the curso in english?",  # one foreign word in an English question
        "merci beaucoup",  # courtesies are understood
        "muchas gracias",
        "what does MIT offer in data science",  # "mit" is not German here
        "was it worth it for you",
        "",
        "12345",
        "😀🎓",
    ],
)
def test_english_and_courtesies_are_not_taken_for_another_language(text):
    assert not is_other_language(text)


def parsed(text: str, intent: str) -> Message:
    return Message(
        data={
            TEXT: text,
            INTENT: {"name": intent, "confidence": 0.8},
            INTENT_RANKING_KEY: [{"name": intent, "confidence": 0.8}, {"name": "ask_cost", "confidence": 0.1}],
        }
    )


def test_the_gate_makes_a_foreign_question_not_understood_and_keeps_the_ranking_below():
    gate = UnreadableMessageGate(UnreadableMessageGate.get_default_config())
    (message,) = gate.process([parsed("hola, cuanto cuesta un micromasters?", "ask_credit")])
    assert message.get(INTENT) == {"name": "nlu_fallback", "confidence": 1.0}
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)] == ["nlu_fallback", "ask_credit", "ask_cost"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [("ciao ciao, a presto", "goodbye"), ("how much does it cost", "ask_cost"), ("que tal, como estas", "greet")],
)
def test_the_gate_leaves_english_and_foreign_courtesies_alone(text, intent):
    gate = UnreadableMessageGate(UnreadableMessageGate.get_default_config())
    (message,) = gate.process([parsed(text, intent)])
    assert message.get(INTENT)["name"] == intent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12345", True),
        ("!!!!!!", True),
        ("SELECT * FROM users;", True),
        ("def foo(): return 42", True),
        ("<b>hi</b>", True),
        ("ok cool", False),
        ("2nd", False),
        ("i <3 mit", False),
        ("yes :)", False),
        ("日本語", False),  # words of another alphabet: the language gate's business
    ],
)
def test_figures_symbols_and_code_are_not_words(text, expected):
    assert is_not_words(text) is expected


def test_a_foreign_question_that_opens_with_a_greeting_is_not_a_greeting():
    # "Hola, ¿qué es un MicroMasters?" got the greeting, not "I can only answer in English".
    gate = UnreadableMessageGate(UnreadableMessageGate.get_default_config())
    (message,) = gate.process([parsed("Hola, ¿qué es un MicroMasters?", "greet")])
    assert message.get(INTENT)["name"] == "nlu_fallback"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("SELECT * FROM users;", "start_over"), ("console.log(x)", "affirm"), ("<b>yes</b>", "affirm")],
)
def test_the_gate_makes_code_not_understood(text, intent):
    # "SELECT * FROM users;" was read as start_over and began the recommendation's questions.
    gate = UnreadableMessageGate(UnreadableMessageGate.get_default_config())
    (message,) = gate.process([parsed(text, intent)])
    assert message.get(INTENT)["name"] == "nlu_fallback"


@pytest.mark.parametrize(("text", "intent"), [("i <3 mit", "thank"), ("budget = 500", "inform"), ("12345", "inform")])
def test_the_gate_leaves_a_symbol_in_a_sentence_or_a_figure_alone(text, intent):
    gate = UnreadableMessageGate(UnreadableMessageGate.get_default_config())
    (message,) = gate.process([parsed(text, intent)])
    assert message.get(INTENT)["name"] == intent
