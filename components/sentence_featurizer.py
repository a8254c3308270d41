"""NLU component: the whole message as one all-MiniLM-L6-v2 sentence vector.

A dense sentence-level feature (no per-token features), which both DIET and the
logistic regression read beside the count and word-vector features. The model
folder is named in config.yml (``model``) and built by
``scripts/build_spacy_pipeline.py``; the encoder itself is
``components/sentence_encoder.py``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Dict, List, Optional

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components import sentence_encoder
from components.sentence_encoder import EncoderFilesError, SentenceEncoder


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEncoderFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds the message's sentence vector as a dense sentence feature of its text."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The model folder, and a factor the unit-length vector is multiplied by."""
        return {
            **DenseFeaturizer.get_default_config(),
            "model": "build/sentence-encoder/all-MiniLM-L6-v2",
            # A unit vector's 384 numbers are about 0.05 each, next to counts of 1:
            # the factor lets the classifiers' regularisation weigh them alike.
            "scale": 1.0,
        }

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """Recompute the features when the encoder's code or model files change, not only this class.

        The weights are named by size and their header (tensor names, shapes, offsets), not
        hashed whole: 90 MB on every training run would cost about a third of a second.
        """
        digest = hashlib.sha256(Path(sentence_encoder.__file__).read_bytes())
        folder = Path(config["model"])
        for name in sentence_encoder.MODEL_FILES:
            path = folder / name
            if path.is_file():
                with path.open("rb") as handle:
                    digest.update(name.encode() + str(path.stat().st_size).encode() + handle.read(1 << 16))
        return digest.hexdigest()

    def __init__(self, config: Dict[str, Any], name: str) -> None:
        """Load the encoder once per process: about 0.2 s and 90 MB."""
        super().__init__(name, config)
        try:
            self.encoder = SentenceEncoder(Path(config["model"]))
        except EncoderFilesError as error:
            raise InvalidConfigException(str(error)) from error
        self.scale = float(config["scale"])

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceEncoderFeaturizer:
        """Creates the featurizer (see parent class for full docstring)."""
        return cls(config, execution_context.node_name)

    @classmethod
    def validate_config(cls, config: Dict[str, Any]) -> None:
        """The scale must be a positive number."""
        if float(config.get("scale", 1.0)) <= 0:
            raise InvalidConfigException("SentenceEncoderFeaturizer: 'scale' must be a positive number")

    def process(self, messages: List[Message]) -> List[Message]:
        """Add one sentence vector to each message that has text, encoding them in one batch."""
        with_text = [m for m in messages if (m.get(TEXT) or "").strip()]
        if not with_text:
            return messages
        vectors = self.encoder.encode([m.get(TEXT) for m in with_text]) * np.float32(self.scale)
        for message, vector in zip(with_text, vectors, strict=True):
            self.add_features_to_message(None, vector[None, :], TEXT, message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Featurize the training examples in place."""
        self.process(training_data.training_examples)
        return training_data
