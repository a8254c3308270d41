"""The gated classifier relabels what DIET understood and leaves the fallback alone."""

from pathlib import Path
from typing import Any, Dict, List, Optional

import numpy as np
import pytest
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, INTENT, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.gated_intent_classifier import FallbackGatedLogisticRegression


def message(text: str, vector: List[float], intent: Optional[str] = None) -> Message:
    """A message with a dense sentence feature, as SpacyFeaturizer would add."""
    data = {TEXT: text, **({INTENT: intent} if intent else {})}
    msg = Message(data=data)
    msg.add_features(Features(np.array([vector]), FEATURE_TYPE_SENTENCE, TEXT, "test"))
    return msg


def cost_or_greeting() -> List[Message]:
    return [
        message("price", [1.0, 0.0], "ask_cost"),
        message("cost", [0.9, 0.1], "ask_cost"),
        message("hi", [0.0, 1.0], "greet"),
        message("hello", [0.1, 0.9], "greet"),
    ]


def trained(
    tmp_path: Path,
    config: Optional[Dict[str, Any]] = None,
    resource: str = "gated",
    examples: Optional[List[Message]] = None,
) -> FallbackGatedLogisticRegression:
    component = FallbackGatedLogisticRegression.create(
        config or {}, LocalModelStorage(tmp_path), Resource(resource), ExecutionContext(GraphSchema({}), "test")
    )
    component.train(TrainingData(examples or cost_or_greeting()))
    return component


def said_by_diet(msg: Message, intent: str, confidence: float) -> Message:
    msg.set(INTENT, {"name": intent, "confidence": confidence}, add_to_output=True)
    return msg


def test_an_understood_message_gets_the_logistic_regression_label(tmp_path):
    msg = said_by_diet(message("how much is it", [0.95, 0.05]), "greet", 0.6)
    trained(tmp_path).process([msg])
    assert msg.get(INTENT)["name"] == "ask_cost"
    assert msg.get("intent_ranking")[0]["name"] == "ask_cost"


def test_a_message_the_fallback_caught_keeps_nlu_fallback(tmp_path):
    msg = said_by_diet(message("lorem ipsum", [0.95, 0.05]), "nlu_fallback", 0.3)
    trained(tmp_path).process([msg])
    assert msg.get(INTENT) == {"name": "nlu_fallback", "confidence": 0.3}


def test_training_examples_keep_their_own_intents(tmp_path):
    example = message("price please", [0.0, 1.0], "ask_cost")
    trained(tmp_path).process_training_data(TrainingData([example]))
    assert example.get(INTENT) == "ask_cost"


def test_a_stored_classifier_loads_back_with_the_same_predictions(tmp_path):
    component = trained(tmp_path)
    loaded = FallbackGatedLogisticRegression.load(
        {}, component._model_storage, Resource("gated"), ExecutionContext(GraphSchema({}), "test")
    )
    before = said_by_diet(message("how much", [0.8, 0.2]), "greet", 0.6)
    after = said_by_diet(message("how much", [0.8, 0.2]), "greet", 0.6)
    component.process([before])
    loaded.process([after])
    assert after.get("intent_ranking") == before.get("intent_ranking")
    assert after.get(INTENT)["name"] == "ask_cost"


def test_a_classifier_that_was_never_trained_leaves_messages_alone(tmp_path):
    never_trained = FallbackGatedLogisticRegression.load(
        {}, LocalModelStorage(tmp_path), Resource("missing"), ExecutionContext(GraphSchema({}), "test")
    )
    msg = said_by_diet(message("hello", [0.1, 0.9]), "greet", 0.7)
    never_trained.process([msg])
    assert msg.get(INTENT) == {"name": "greet", "confidence": 0.7}


def diet_ranked(msg: Message, ranking: List[tuple]) -> Message:
    """What DIET and the FallbackClassifier leave on an understood message."""
    msg.set(INTENT, {"name": ranking[0][0], "confidence": ranking[0][1]}, add_to_output=True)
    msg.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking], add_to_output=True)
    return msg


def test_with_a_diet_weight_the_labels_blend_both_rankings(tmp_path):
    alone = trained(tmp_path, resource="alone")
    blended = trained(tmp_path, {"diet_weight": 0.5}, resource="blend")
    # Logistic regression leans to ask_cost; DIET is sure it is a greeting.
    features = [0.55, 0.45]
    by_lr = diet_ranked(message("hm", features), [("greet", 0.99), ("ask_cost", 0.01)])
    by_both = diet_ranked(message("hm", features), [("greet", 0.99), ("ask_cost", 0.01)])
    alone.process([by_lr])
    blended.process([by_both])
    assert by_lr.get(INTENT)["name"] == "ask_cost"
    assert by_both.get(INTENT)["name"] == "greet"
    lr_greet = next(r["confidence"] for r in by_lr.get("intent_ranking") if r["name"] == "greet")
    assert by_both.get(INTENT)["confidence"] == pytest.approx(0.5 * lr_greet + 0.5 * 0.99)


def test_a_caught_message_may_become_an_allowed_intent_only(tmp_path):
    component = trained(tmp_path, {"fallback_may_become": ["greet"]}, resource="may")
    greeting = said_by_diet(message("hiya", [0.05, 0.95]), "nlu_fallback", 0.2)
    question = said_by_diet(message("how much", [0.95, 0.05]), "nlu_fallback", 0.2)
    component.process([greeting, question])
    assert greeting.get(INTENT)["name"] == "greet"
    assert question.get(INTENT) == {"name": "nlu_fallback", "confidence": 0.2}


def test_an_empty_message_without_features_keeps_what_diet_said(tmp_path):
    # Rasa's featurizers add no sentence features to an empty or whitespace-only message.
    empty = said_by_diet(Message(data={TEXT: ""}), "nlu_fallback", 0.0)
    understood = said_by_diet(message("how much", [0.95, 0.05]), "greet", 0.6)
    trained(tmp_path).process([empty, understood])
    assert empty.get(INTENT) == {"name": "nlu_fallback", "confidence": 0.0}
    assert understood.get(INTENT)["name"] == "ask_cost"


def vouching(tmp_path: Path, resource: str = "vouch") -> FallbackGatedLogisticRegression:
    examples = [
        message("price", [1.0, 0.0], "ask_cost"),
        message("how much does it cost", [0.9, 0.1], "ask_cost"),
        message("thanks", [0.0, 1.0], "thank"),
        message("thank you so much", [0.1, 0.9], "thank"),
    ]
    return trained(tmp_path, {"nearest_example_similarity": 0.4}, resource, examples)


def test_a_caught_message_spelled_like_an_example_of_its_label_keeps_the_label(tmp_path):
    # "thnks": DIET hesitated, logistic regression says thank, and "thanks" is a thank example.
    typo = said_by_diet(message("thnks", [0.1, 0.9]), "nlu_fallback", 0.1)
    vouching(tmp_path).process([typo])
    assert typo.get(INTENT)["name"] == "thank"


def test_a_caught_message_unlike_any_example_or_like_another_intent_keeps_nlu_fallback(tmp_path):
    gibberish = said_by_diet(message("qwzx jjkv", [0.1, 0.9]), "nlu_fallback", 0.1)
    # Spelled like "price" (ask_cost), but labelled thank: the two disagree, so no vouching.
    disagreeing = said_by_diet(message("prices", [0.1, 0.9]), "nlu_fallback", 0.1)
    vouching(tmp_path).process([gibberish, disagreeing])
    assert gibberish.get(INTENT) == {"name": "nlu_fallback", "confidence": 0.1}
    assert disagreeing.get(INTENT) == {"name": "nlu_fallback", "confidence": 0.1}


def test_without_the_similarity_setting_a_caught_typo_keeps_nlu_fallback(tmp_path):
    typo = said_by_diet(message("thnks", [0.1, 0.9]), "nlu_fallback", 0.1)
    trained(tmp_path).process([typo])
    assert typo.get(INTENT) == {"name": "nlu_fallback", "confidence": 0.1}


def test_the_training_text_index_is_stored_and_loaded_with_the_weights(tmp_path):
    vouching(tmp_path, "stored")
    loaded = FallbackGatedLogisticRegression.load(
        {"nearest_example_similarity": 0.4},
        LocalModelStorage(tmp_path),
        Resource("stored"),
        ExecutionContext(GraphSchema({}), "test"),
    )
    typo = said_by_diet(message("thnks", [0.1, 0.9]), "nlu_fallback", 0.1)
    loaded.process([typo])
    assert typo.get(INTENT)["name"] == "thank"


def test_the_feature_matrix_has_the_same_columns_as_rasas_own_combination(tmp_path):
    # Two sparse featurizers and one dense, each with per-token and sentence rows.
    msg = Message(data={TEXT: "how much is it"})
    rng = np.random.default_rng(0)
    for origin, width in (("regex", 3), ("words", 5)):
        tokens = scipy.sparse.random(4, width, density=0.5, random_state=1, format="coo")
        sentence = scipy.sparse.random(1, width, density=0.6, random_state=2, format="coo")
        msg.add_features(Features(tokens, FEATURE_TYPE_SEQUENCE, TEXT, origin))
        msg.add_features(Features(sentence, FEATURE_TYPE_SENTENCE, TEXT, origin))
    msg.add_features(Features(rng.random((4, 2)), FEATURE_TYPE_SEQUENCE, TEXT, "vectors"))
    msg.add_features(Features(rng.random((1, 2)), FEATURE_TYPE_SENTENCE, TEXT, "vectors"))
    ours = trained(tmp_path)._create_X([msg, msg]).toarray()
    rasas_row = np.hstack(
        [msg.get_sparse_features(TEXT)[1].features.toarray(), msg.get_dense_features(TEXT)[1].features]
    )
    assert ours.shape == (2, 10)
    np.testing.assert_array_equal(ours, np.vstack([rasas_row, rasas_row]))


def test_the_training_cache_key_changes_when_the_nearest_example_module_changes(tmp_path, monkeypatch):
    # Rasa's cache compares the component class's own source only; the index lives in another module.
    from components import nearest_example

    copy = tmp_path / "nearest_example.py"
    copy.write_text(Path(nearest_example.__file__).read_text())
    monkeypatch.setattr(nearest_example, "__file__", str(copy))
    before = FallbackGatedLogisticRegression.fingerprint_addon({})
    copy.write_text(copy.read_text() + "\n# changed\n")
    assert FallbackGatedLogisticRegression.fingerprint_addon({}) != before
