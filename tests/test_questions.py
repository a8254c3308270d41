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
