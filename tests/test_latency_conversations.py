"""The latency benchmarks' messages (tests/latency_conversations.yml) never repeat,
so no timed reply is one the servers have just computed for the same words."""

from scripts.bench import latency_messages
from scripts.overlap import compact


def test_there_are_at_least_50_timed_messages_in_several_conversations():
    messages = latency_messages()
    assert messages.timed >= 50
    assert len(messages.conversations) >= 10
    assert all(conversation for conversation in messages.conversations)


def test_no_message_repeats_spelling_aside_warm_up_included():
    messages = latency_messages()
    every = [*messages.warm_up, *(text for conversation in messages.conversations for text in conversation)]
    keys = [compact(text) for text in every]
    repeated = sorted({text for text, key in zip(every, keys, strict=True) if keys.count(key) > 1})
    assert not repeated, repeated
