"""Rasa-level checks on the trained model: data validation, conversation tests,
and the held-out NLU accuracy floor. They use the model `make train` built."""

import asyncio
import subprocess

import pytest

from scripts.bench import nlu_training_files
from scripts.evaluate_nlu import DEV_SET, HOLDOUT, evaluate, parse_all
from scripts.overlap import not_new
from scripts.stack import BIN, MODEL, ROOT, environment

# Regression floors. The targets (0.95 intent accuracy, 0.90 entity F1) are
# tracked by `make bench` and `make bench-seeds`. On the held-out set as renewed on
# 2026-12-07 (near-copies of training examples replaced; docs/benchmarks.md): 0.947
# for the shipped model (250 of 264), 0.936-0.947 over 5 seeds, entity F1 0.991.
# The training seed alone moves intent accuracy by about a point, so the floor sits
# below the lowest seed: it catches real regressions, not such noise.
INTENT_FLOOR = 0.93
ENTITY_FLOOR = 0.90

pytestmark = pytest.mark.model


def rasa(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "rasa"), *args], cwd=ROOT, env=environment(), capture_output=True, text=True, timeout=timeout
    )


def test_model_exists():
    assert MODEL.exists(), "run `make train` first (make test does it)"


def test_data_validates_without_warnings():
    result = rasa("data", "validate", "--fail-on-warnings")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "UserWarning" not in output, output[-3000:]


def test_conversation_stories_pass(tmp_path):
    result = rasa(
        "test",
        "core",
        "--model",
        str(MODEL),
        "--stories",
        "tests/test_stories.yml",
        "--fail-on-prediction-errors",
        "--out",
        str(tmp_path),
    )
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:] + details


def test_no_held_out_message_is_a_training_example_or_a_near_copy():
    # scripts/overlap.py has the rule (tested in tests/test_overlap.py): case,
    # punctuation, apostrophes, hyphens and spaces ignored, and near-copies (one word
    # apart, or spelled alike at a ratio of 0.9 or more) count as copies.
    from rasa.shared.nlu.training_data.loading import load_data

    def texts(path) -> list:
        return [m.get("text") for m in load_data(str(path)).intent_examples]

    training = [text for training_file in nlu_training_files() for text in texts(training_file)]
    # tests/nlu_dev.yml (make bench-dev) is never trained on either.
    for unseen in (HOLDOUT, DEV_SET):
        found = not_new(texts(unseen), training)
        listing = "\n".join(f"{text!r} ~ {example!r}: {why}" for text, example, why in found)
        assert not found, f"{len(found)} messages of {unseen.name} are not new to the training data:\n{listing}"


def test_held_out_nlu_accuracy_floor():
    scores = evaluate()
    errors = "\n".join(f"{e['text']!r}: {e['expected']} -> {e['predicted']}" for e in scores.intent_errors)
    assert scores.intent_accuracy >= INTENT_FLOOR, f"intent accuracy {scores.intent_accuracy:.3f}\n{errors}"
    assert scores.entity_f1 >= ENTITY_FLOOR, f"entity F1 {scores.entity_f1:.3f}: {scores.entity_errors}"


def test_messages_unlike_any_training_example_get_an_honest_reply_not_a_guess():
    # Nonsense must not become `stop` (ending a recommendation) or `affirm` (a "yes"):
    # the fallback ("I didn't understand") or out_of_scope ("outside what I cover").
    nonsense = ["lorem ipsum dolor sit amet", "🙂🙂", "I like turtles", "asdfgh qwerty"]
    parsed = asyncio.run(parse_all(MODEL, nonsense))
    intents = {text: result["intent"]["name"] for text, result in zip(nonsense, parsed, strict=True)}
    assert set(intents.values()) <= {"nlu_fallback", "out_of_scope"}, intents
