"""The serving parts in isolation: the apology wrapper, the message cap, the action reply check."""

from __future__ import annotations

import asyncio
from typing import Any, List

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from channels.resilience import APOLOGY, resilient
from serving.speedups import validate_action_result


def run_turn(handler: Any, text: str = "hi") -> List[str]:
    collector = CollectingOutputChannel()
    asyncio.run(resilient(handler)(UserMessage(text, collector, "someone")))
    return [message.get("text", "") for message in collector.messages]


def test_a_turn_that_says_nothing_gets_the_apology() -> None:
    async def silent(message: UserMessage) -> None:
        return None

    assert run_turn(silent) == [APOLOGY]


def test_a_turn_that_fails_gets_the_apology() -> None:
    async def broken(message: UserMessage) -> None:
        raise RuntimeError("the tracker store is gone")

    assert run_turn(broken) == [APOLOGY]


def test_a_turn_that_answers_gets_no_apology_and_long_messages_are_cut() -> None:
    seen: List[str] = []

    async def echo(message: UserMessage) -> None:
        seen.append(message.text or "")
        await message.output_channel.send_response(message.sender_id, {"text": "hello"})

    assert run_turn(echo, "x" * 5000) == ["hello"]
    assert len(seen[0]) == 2000


def test_action_replies_are_still_checked_against_rasas_schema() -> None:
    action = RemoteAction("action_answer_faq", None)
    assert validate_action_result(action, {"events": [], "responses": [{"text": "hi"}]})
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        validate_action_result(action, {"events": "not a list"})


def test_control_characters_are_dropped_and_a_native_panic_gets_the_apology() -> None:
    seen: List[str] = []

    class Panic(BaseException):
        """What pyo3 raises when Rust code panics: not an Exception."""

    async def fragile(message: UserMessage) -> None:
        seen.append(message.text or "")
        raise Panic("CString::new failed")

    assert run_turn(fragile, "hi\x00 there\x07\nyes") == [APOLOGY]
    assert seen == ["hi there\nyes"]
