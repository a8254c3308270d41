"""NLU component: numbers, amounts of money and durations from Duckling, run in-process.

Duckling is the extractor behind Rasa's own ``DucklingEntityExtractor``, which
calls a Duckling server over HTTP; its Haskell server cannot be installed here,
so this runs the same engine from the ``pyduckling-native-phihos`` wheel. It
emits Rasa's standard entities ``amount-of-money``, ``duration`` and ``number``
in the shape ``DucklingEntityExtractor`` gives them (``value``, and Duckling's
whole value, intervals included, as ``additional_info``); the reading in
``advisor/values.py`` turns them into budgets, hours a week and time horizons.
"""

from __future__ import annotations

import functools
import time
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

DIMENSIONS = ("amount-of-money", "duration", "number")
ZONEINFO = "/usr/share/zoneinfo"
# Messages longer than this are read only up to it: a parse of 10,000 characters takes seconds.
MAX_CHARS = 1000


@functools.lru_cache(maxsize=1)
def _engine() -> Any:
    """Duckling's time zones and dimensions, loaded once per process (about 0.3 s)."""
    import duckling  # the native extension; imported here so that importing this module stays cheap

    zones = duckling.load_time_zones(ZONEINFO)
    return duckling, zones, duckling.parse_dimensions(list(DIMENSIONS))


def duckling_entities(text: str) -> List[Dict[str, Any]]:
    """Duckling's numbers, amounts and durations in ``text``, as Rasa entities (character offsets)."""
    duckling, zones, dimensions = _engine()
    context = duckling.Context(
        duckling.parse_ref_time(zones, "UTC", int(time.time())),
        duckling.default_locale_lang(duckling.parse_lang("EN")),
    )
    found = duckling.parse(text[:MAX_CHARS], context, dimensions, False)
    return [
        {
            "entity": match["dim"],
            "start": match["start"],
            "end": match["end"],
            # Duckling's body is mis-decoded for non-ASCII symbols ("£" as "Â£"); the offsets are right.
            "text": text[match["start"] : match["end"]],
            "value": match["value"].get("value"),
            "confidence": 1.0,
            "additional_info": match["value"],
            "extractor": DucklingInProcess.__name__,
        }
        for match in found
    ]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class DucklingInProcess(GraphComponent, EntityExtractorMixin):
    """Add Duckling's ``amount-of-money``, ``duration`` and ``number`` entities to each message."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DucklingInProcess:
        _engine()  # fail at load time, not on the first message, if the wheel is missing
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):  # a button's payload carries its own entities
                continue
            message.set(ENTITIES, [*message.get(ENTITIES, []), *duckling_entities(text)], add_to_output=True)
        return messages
