"""NLU component: a message in another language, or code, is not understood, whatever the classifiers guessed.

The classifiers know English sentences only. A foreign question that contains
one word they know gets a confident intent: "hola, cuanto cuesta un
micromasters?" was answered as a question about credit. Pasted code gets one
too: "SELECT * FROM users;" was read as "start over" (its "FROM" is near
"from the top"). After the classifiers, this sets such a message's intent to
``nlu_fallback`` (the bot then says it answers in English, or that it did not
understand: ``actions/fallback.py: ActionNotUnderstood``). Courtesies keep
their intent (``keep_intents``): "ciao ciao" is still a goodbye.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME as FALLBACK_INTENT
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from advisor.language import is_code, is_other_language


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class UnreadableMessageGate(GraphComponent):
    """Turn the intent of a message in another language, or of code, into ``nlu_fallback``."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Intents a foreign message keeps: courtesies need no English."""
        return {"keep_intents": ["greet", "goodbye", "thank", "affirm", "deny"]}

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> UnreadableMessageGate:
        return cls(config)

    def __init__(self, config: Dict[str, Any]) -> None:
        self._keep = frozenset(config["keep_intents"])

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            text = message.get(TEXT) or ""
            # A courtesy is short ("merci beaucoup"); "Hola, ¿qué es un MicroMasters?" is a question, not a greeting.
            courtesy = intent in self._keep and (len(text.split()) <= 3 or "?" not in text)
            if intent == FALLBACK_INTENT:
                continue
            if not is_code(text) and (courtesy or not is_other_language(text)):
                continue
            fallback = {INTENT_NAME_KEY: FALLBACK_INTENT, "confidence": 1.0}
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != FALLBACK_INTENT]
            message.set(INTENT, fallback, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [fallback, *ranking], add_to_output=True)
        return messages
