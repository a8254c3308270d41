"""Each question's buttons, read back when the learner names one ("the first one")."""

import pytest
from test_reading import ANY_INTENT, reading

from advisor.questions import QUESTIONS, option_titled, option_value
from advisor.reading import Ask


@pytest.mark.parametrize(
    ("slot", "position", "value"),
    [
        ("goal", 0, "skills"),
        ("goal", -1, "graduate"),
        ("wants_credit", 0, True),
        ("wants_credit", 1, False),
        ("weekly_hours", 2, "12"),
        ("budget", 2, "1000000"),
        ("subject", 3, "any"),
    ],
)
def test_a_position_gives_that_buttons_answer(slot, position, value):
    assert option_value(slot, position) == value


@pytest.mark.parametrize("slot", sorted(QUESTIONS))
def test_a_position_past_the_buttons_gives_nothing(slot):
    assert option_value(slot, len(QUESTIONS[slot].buttons)) is None
    assert option_value(slot, -len(QUESTIONS[slot].buttons) - 1) is None


@pytest.mark.parametrize(
    ("slot", "typed", "value"),
    [
        ("budget", "$500 to $1,500", "1499"),  # read as free text it was $500
        ("budget", "no fixed limit", "1000000"),
        ("weekly_hours", "More than 10 hours", "12"),
        ("wants_credit", "no, not really", False),
        ("goal", "a job skill, quickly", "skills"),
        ("goal", "job skills", None),  # not a title: left to the free-text reading
        ("budget", "500", None),
    ],
)
def test_a_buttons_title_typed_gives_that_buttons_answer(slot, typed, value):
    assert option_titled(slot, typed) == value


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("why do you need my budget?", "budget"),
        ("why do you ask about credit", "wants_credit"),
        ("why do you need to know my hours", "weekly_hours"),
        ("why do you need a deadline", "horizon_months"),
        ("why do you ask?", "goal"),  # none named: the question asked is meant
        ("why credit and budget?", "goal"),  # two named: the question asked is meant
    ],
)
def test_why_do_you_ask_names_its_question(text, slot):
    for intent in (*ANY_INTENT, "ask_why"):
        acts = reading(text, intent, asked="goal", in_questions=True).acts
        assert [(a.kind, a.slot) for a in acts if isinstance(a, Ask)] == [("why_asked", slot)], intent


def test_every_question_says_why_it_is_asked():
    assert all(question.why.strip() for question in QUESTIONS.values())


def test_a_question_answered_around_twice_is_left_out_not_asked_a_third_time():
    # "nah dont need credit", then "maybe 10 hrs a week", each said to the goal question: the goal was asked
    # five times in a row.
    from rasa_sdk.executor import CollectingDispatcher

    from actions.recommendation import passed_over

    dispatcher = CollectingDispatcher()
    first = passed_over(dispatcher, "goal", ["wants_credit"], {})
    assert first == [{"event": "slot", "timestamp": None, "name": "misses", "value": {"goal": 1}}]
    assert dispatcher.messages == []
    second = passed_over(dispatcher, "goal", ["weekly_hours"], {"goal": 1})
    assert {"name": "goal", "value": "unsure"}.items() <= second[0].items()
    assert dispatcher.messages[0]["text"].startswith("I still didn't catch your goal")
    # The time question answered by how long one can give it is answered, not passed over.
    assert passed_over(CollectingDispatcher(), "weekly_hours", ["horizon_months"], {}) == []
