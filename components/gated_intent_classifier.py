"""NLU component: logistic regression names the intent once DIET has understood the message.

Five-fold cross-validation on the training data (docs/benchmarks.md) showed Rasa's
logistic regression labelling unseen messages about 4 points better than DIET over
the same features, but giving confident labels to messages unlike any training
example ("lorem ipsum" as ``stop``, emoji as ``affirm``), where DIET's confidence
falls under the fallback threshold. This component runs after the
FallbackClassifier: a message DIET did not understand keeps ``nlu_fallback``
(unless its label would be one of ``fallback_may_become``, such as
``out_of_scope``, whose reply is as honest, or a training example of that same
intent is spelled almost like it, ``nearest_example_similarity``: DIET
hesitates on "thnks" and "bbye"); every other message gets logistic
regression's intent and ranking, optionally blended with DIET's
(``diet_weight``: the two make different mistakes, and the blend scored better
on independently written examples, ``make bench-dev``).

Two things differ from Rasa's class only to keep ``rasa train`` under two minutes:
the feature matrix is built from the sentence features alone and stacked once
instead of row by row, and the fitted weights are stored as plain arrays
(``.npz``) instead of through skops, whose import and dump took about 6 s of a
training run.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import RANKING_LENGTH

from components import nearest_example
from components.nearest_example import NearestExample

FALLBACK_INTENT = "nlu_fallback"
WEIGHTS_FILE = "weights.npz"


def _sentence_features(message: Message) -> Tuple[List[Any], List[np.ndarray]]:
    """The text's sentence-level feature matrices, sparse and dense, in the order the featurizers added them."""
    sentence = [f for f in message.features if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE]
    return [f.features for f in sentence if f.is_sparse()], [f.features for f in sentence if f.is_dense()]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class FallbackGatedLogisticRegression(LogisticRegressionClassifier):
    """Rasa's logistic regression, leaving messages the fallback caught alone."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Rasa's defaults plus the blend weight and the intents a caught message may still get."""
        return {
            **LogisticRegressionClassifier.get_default_config(),
            # DIET's share when its ranking is blended with logistic regression's.
            "diet_weight": 0.0,
            # Intents that may replace ``nlu_fallback`` when they rank first anyway:
            # ``out_of_scope`` is as honest a reply as the fallback's and says more.
            "fallback_may_become": [],
            # A caught message keeps its label when the training example most like
            # it (character n-gram cosine, components/nearest_example.py) is at least
            # this similar and has that same intent. 0 turns the check off.
            "nearest_example_similarity": 0.0,
        }

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """Retrain when this module or the nearest-example index changes: Rasa's training
        cache compares the source of this class only, not the helpers it calls."""
        sources = (Path(__file__), Path(nearest_example.__file__))
        return hashlib.sha256(b"".join(path.read_bytes() for path in sources)).hexdigest()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Rasa's classifier, plus the index of training texts (built by ``train``)."""
        super().__init__(*args, **kwargs)
        self.nearest: NearestExample | None = None

    def train(self, training_data: TrainingData) -> Resource:
        """Fit logistic regression and, when the check is on, index the training texts."""
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if examples and self.config["nearest_example_similarity"] > 0:
            self.nearest = NearestExample.fit([e.get(TEXT) for e in examples], [e.get(INTENT) for e in examples])
        return super().train(training_data)

    def process(self, messages: List[Message]) -> List[Message]:
        """Relabel understood messages; keep ``nlu_fallback`` where the fallback fired, unless the
        label would be one of ``fallback_may_become`` or a close training example vouches for it."""
        # An empty or whitespace-only message reaches this component without any
        # sentence feature, so it would have no row in _create_X: it keeps what DIET said.
        featurized = [m for m in messages if any(_sentence_features(m))]
        if not featurized or not hasattr(self.clf, "classes_"):
            return messages
        rankings = self._blended_rankings(featurized)
        caught = [(m.get(INTENT) or {}).get(INTENT_NAME_KEY) == FALLBACK_INTENT for m in featurized]
        vouched = self._vouched_by_nearest_example(featurized, rankings, caught)
        may_become = set(self.config["fallback_may_become"])
        for message, ranking, was_caught, is_vouched in zip(featurized, rankings, caught, vouched, strict=True):
            if was_caught and ranking[0]["name"] not in may_become and not is_vouched:
                continue
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking[: self.config[RANKING_LENGTH]], add_to_output=True)
        return messages

    def _vouched_by_nearest_example(
        self, messages: List[Message], rankings: List[List[Dict[str, Any]]], caught: List[bool]
    ) -> List[bool]:
        """Whether each caught message's label is also that of a training example spelled almost like it."""
        threshold = float(self.config["nearest_example_similarity"])
        vouched = [False] * len(messages)
        if self.nearest is None or threshold <= 0:
            return vouched
        positions = [i for i, was_caught in enumerate(caught) if was_caught]
        nearest = self.nearest.nearest([messages[i].get(TEXT) or "" for i in positions])
        for i, (intent, similarity) in zip(positions, nearest, strict=True):
            vouched[i] = intent == rankings[i][0]["name"] and similarity >= threshold
        return vouched

    def _blended_rankings(self, messages: List[Message]) -> List[List[Dict[str, Any]]]:
        """Each message's intents, best first: logistic regression's probability blended with DIET's."""
        weight = float(self.config["diet_weight"])
        probabilities = self.clf.predict_proba(self._create_X(messages))
        rankings = []
        for message, lr_row in zip(messages, probabilities, strict=True):
            diet = {r["name"]: r["confidence"] for r in message.get(INTENT_RANKING_KEY) or []}
            blended = [
                {"name": str(name), "confidence": float((1 - weight) * p + weight * diet.get(name, 0.0))}
                for name, p in zip(self.clf.classes_, lr_row, strict=True)
            ]
            rankings.append(sorted(blended, key=lambda entry: -entry["confidence"]))
        return rankings

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Leave the training examples' own intents untouched (the parent overwrites them)."""
        return training_data

    def _create_X(self, messages: List[Message]) -> scipy.sparse.csr_matrix:
        """Sentence features (sparse counts, then dense vectors) of all messages, one row each.

        The same columns as Rasa's ``get_sparse_features``/``get_dense_features``, read
        straight from the sentence features: Rasa's methods also copy and join every
        message's per-token features, which took about 5 s of each training run.
        """
        sparse_rows, dense_rows = [], []
        for message in messages:
            sparse, dense = _sentence_features(message)
            if sparse:
                sparse_rows.append(scipy.sparse.hstack(sparse, format="csr"))
            if dense:
                dense_rows.append(np.hstack(dense))
        blocks = []
        if sparse_rows:
            blocks.append(scipy.sparse.vstack(sparse_rows))
        if dense_rows:
            blocks.append(scipy.sparse.csr_matrix(np.vstack(dense_rows)))
        return scipy.sparse.hstack(blocks).tocsr()

    def persist(self) -> None:
        """Store the fitted weights, class names and training-text index as plain arrays (no pickled objects)."""
        with self._model_storage.write_to(self._resource) as model_dir:
            np.savez(
                model_dir / WEIGHTS_FILE,
                coef=self.clf.coef_,
                intercept=self.clf.intercept_,
                classes=np.asarray(self.clf.classes_, dtype=str),
                **(self.nearest.to_arrays() if self.nearest else {}),
            )

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> FallbackGatedLogisticRegression:
        """Rebuild the classifier from the stored arrays; an untrained one if there are none."""
        component = cls(config, execution_context.node_name, model_storage, resource)
        try:
            with (
                model_storage.read_from(resource) as model_dir,
                np.load(model_dir / WEIGHTS_FILE, allow_pickle=False) as weights,
            ):
                component.clf.coef_ = weights["coef"]
                component.clf.intercept_ = weights["intercept"]
                component.clf.classes_ = weights["classes"]
                if "nearest_terms" in weights:
                    component.nearest = NearestExample.from_arrays(dict(weights))
        except (ValueError, FileNotFoundError):
            # Rasa asks to load components that were never trained (e.g. NLU data
            # without intents); they stay unfitted and ``process`` leaves messages alone.
            pass
        return component
