"""One REST conversation per kind of act a message can carry (advisor/reading.py), through the real Rasa
server and action server, typed the way people type: each row is (what was said before, the message,
what the learner must see and what the bot must keep)."""

from typing import Callable, Dict, List, NamedTuple, Tuple

import pytest

from tests.turns import about_kind

pytestmark = [pytest.mark.model, pytest.mark.servers]

Check = Callable[[str, Callable[[str], object]], bool]


class Row(NamedTuple):
    act: str
    before: Tuple[str, ...]
    message: str
    check: Check


GOAL_Q = "What's your main goal"
CREDIT_Q = "Does academic credit toward a master's degree matter to you?"
TIME_Q = "How much time can you give it"
BUDGET_Q = "Roughly what's your budget"
SUBJECT_Q = "Which subject are you interested in?"

ROWS: List[Row] = [
    Row(
        "answer in own words",
        ("help me choose", "a quick job skill", "nah", "5 hours a week"),
        "1500 is fine",
        lambda reply, slot: slot("budget") == 1500 and SUBJECT_Q in reply,
    ),
    Row(
        "answer in own words",
        ("help me choose",),
        "the deeper one, I suppose",
        lambda reply, slot: slot("goal") == "graduate" and CREDIT_Q in reply,
    ),
    Row(
        "answer: a vague answer is an answer",
        ("help me choose", "skills"),
        "would be nice but its not a must",
        lambda reply, slot: slot("wants_credit") is False and TIME_Q in reply,
    ),
    Row(
        "answer: a time horizon",
        ("help me choose", "skills", "no"),
        "about a year",
        lambda reply, slot: slot("horizon_months") == 12 and BUDGET_Q in reply,
    ),
    Row(
        "answer: several at once, before the questions",
        (),
        "I'm an accountant, want to move into data science, maybe 5 hrs a week and ~$400, dont care about a degree",
        lambda reply, slot: slot("weekly_hours") == 5 and slot("budget") == 400 and slot("subject") == "data science",
    ),
    Row(
        "answer with a question attached",
        ("help me choose",),
        "deep knowledge in supply chain. btw how much is the MIT supply chain micromasters?",
        lambda reply, slot: "$1,350" in reply and slot("goal") == "graduate" and GOAL_Q not in reply,
    ),
    Row(
        "correction of an earlier answer",
        ("help me choose", "skills", "no", "15 hours a week"),
        "oh wait sorry not 15, per week its more like 5",
        lambda reply, slot: slot("weekly_hours") == 5 and BUDGET_Q in reply,
    ),
    Row(
        "correction after the recommendation",
        ("help me choose", "skills", "no", "3 hours a week", "under $500", "data science"),
        "actually credit matters and my budget is $2,000",
        lambda reply, slot: "My recommendation: a MicroMasters program." in reply and slot("budget") == 2000,
    ),
    Row(
        "question about a topic",
        (),
        "how much does a micromasters cost?",
        lambda reply, slot: about_kind(reply, "MicroMasters") and "$1,000" in reply,
    ),
    Row(
        "question about a programme",
        (),
        "how long is the mitx supply chain micromasters",
        lambda reply, slot: reply.startswith("MITx MicroMasters Program in Supply Chain Management"),
    ),
    Row(
        "pointing at a listed item",
        ("which data science micromasters are there",),
        "tell me about the second one",
        lambda reply, slot: slot("current_programme") is not None and "MicroMasters" in reply.split("\n")[0],
    ),
    Row(
        "asking why",
        ("help me choose", "skills", "no", "3 hours a week", "under $500", "data science"),
        "why?",
        lambda reply, slot: "because of what you told me" in reply and "about 3 hours a week" in reply,
    ),
    Row(
        "why a question is asked",
        ("help me choose", "skills", "no"),
        "why do you need my budget?",
        lambda reply, slot: TIME_Q in reply and slot("requested_slot") == "weekly_hours",
    ),
    Row(
        "pushing back",
        ("help me choose", "skills", "no", "3 hours a week", "under $500", "data science"),
        "but I really want the credit",
        lambda reply, slot: slot("wants_credit") is True and "My recommendation" in reply,
    ),
    Row(
        "courtesy",
        ("help me choose",),
        "thanks, bye",
        lambda reply, slot: "Goodbye" in reply and slot("requested_slot") is None,
    ),
    Row(
        "stop",
        ("help me choose", "skills"),
        "stop",
        lambda reply, slot: "stopped the questions" in reply and slot("goal") == "skills",
    ),
    Row("not understood", (), "asdfgh qwerty", lambda reply, slot: reply.startswith("Sorry, I didn't understand")),
    Row(
        "not understood, twice, during the questions: never a third ask",
        ("help me choose", "blorp"),
        "zzzz",
        lambda reply, slot: reply.count(GOAL_Q) <= 1 and (CREDIT_Q in reply or "skip" in reply.lower()),
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=[f"{i:02d}-{row.act}" for i, row in enumerate(ROWS)])
def test_each_kind_of_act_over_rest(client, row: Row):
    for said in row.before:
        client.say(said)
    reply = client.text(row.message)
    slots: Dict[str, object] = {}

    def slot(name: str) -> object:
        if name not in slots:
            slots[name] = client.slot(name)
        return slots[name]

    assert row.check(reply, slot), reply
