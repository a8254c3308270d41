"""The answer benchmark's question files (make bench-answers) and its scoring, without servers."""

import pytest

from scripts.bench_answers import DEVELOPMENT, HALVES, count_sources, load_questions, score


@pytest.fixture(scope="module")
def halves():
    # Loading compiles every `must` and `must_not` regex and checks each question's keys.
    return {half: load_questions(half) for half in dict.fromkeys(HALVES + DEVELOPMENT)}


def test_each_half_has_at_least_60_questions(halves):
    for half, questions in halves.items():
        assert len(questions) >= 60, half


def test_question_ids_are_unique_across_all_sets(halves):
    ids = [q.id for questions in halves.values() for q in questions]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_no_question_is_asked_in_two_sets(halves):
    asks = [" ".join(q.ask.lower().split()) for questions in halves.values() for q in questions]
    assert len(asks) == len(set(asks)), sorted({a for a in asks if asks.count(a) > 1})


def test_every_question_needs_a_fact(halves):
    for questions in halves.values():
        for question in questions:
            assert question.must and all(question.must), question.id


def test_verdicts():
    question = load_questions("dev")[0]  # dev-001: a MicroMasters cost about $1,000, not "tens of thousands"
    assert score(question, "A typical program cost about $1,000 in 2017-18.").verdict == "correct"
    assert score(question, "Hello! What would you like to know?").verdict == "off-target"
    assert score(question, "MicroMasters programs cost tens of thousands of dollars.").verdict == "wrong"


def test_sources_named_on_the_source_line_are_counted():
    line = "(As of 2018. Source: Kyoto University (2018); NexEdX, undated and 3 more. Ask for links.)"
    assert count_sources(f"It cost about $1,000.\n{line}") == 5
    assert count_sources("(Date unknown. Source: edX help centre: Can I get a refund? (older versions).)") == 1
    assert count_sources("Hi! What would you like to know?") is None
