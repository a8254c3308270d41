"""NLU component: map extracted entity values onto the knowledge base's names.

Rasa's EntitySynonymMapper only knows spellings seen in training. Users write
"micromasteres", "cybersec" or "harvardX"; this maps such values onto the
canonical credential types, subjects and institutions with the same tolerant
matcher the actions use, so every consumer of the NLU output sees one name.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from advisor.knowledge import default_knowledge
from advisor.matching import resolve_credential_type, resolve_institution, resolve_subject


def _resolvers() -> Dict[str, Callable[[str], Optional[str]]]:
    kb = default_knowledge()
    return {
        "credential_type": resolve_credential_type,
        "subject": lambda value: resolve_subject(kb, value),
        "institution": lambda value: resolve_institution(kb, value),
    }


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class CanonicalEntityValues(GraphComponent):
    """Replace entity values by their canonical names when the matcher knows them."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CanonicalEntityValues:
        return cls()

    def __init__(self) -> None:
        self._resolvers = _resolvers()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            for entity in message.get(ENTITIES, []):
                resolve = self._resolvers.get(entity.get("entity", ""))
                value = entity.get("value")
                canonical = resolve(str(value)) if resolve and value is not None else None
                if canonical and canonical != value:
                    entity["value"] = canonical
                    entity.setdefault("processors", []).append(type(self).__name__)
        return messages
