"""Each question's buttons, read back when the learner names one ("the first one")."""

import pytest

from advisor.questions import QUESTIONS, option_value


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
