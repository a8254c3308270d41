"""Measure intent and entity accuracy of the trained model on a held-out set.

Used by the accuracy-floor test and by the benchmark. Entities are compared
as (entity, value) pairs, case-insensitively, after Rasa's own synonym mapping:
exactly what the actions receive.

Only the entity types the sets annotate are scored: credential_type,
institution and subject. Duckling's amount-of-money, duration and number
(components/duckling_extractor.py, added 2026-12) are not annotated in the sets,
so each of them would count as a wrong entity; the F1 over every type the model
emits is kept beside it (``entity_f1_all_types``).
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Dict, List, Optional, Set, Tuple

from scripts.stack import MODEL, ROOT

if TYPE_CHECKING:
    from rasa.shared.nlu.training_data.message import Message

HOLDOUT = ROOT / "tests" / "nlu_holdout.yml"
# Independently written examples, never trained on; unlike HOLDOUT, pipelines and
# data may be chosen by them (make bench-dev).
DEV_SET = ROOT / "tests" / "nlu_dev.yml"
# The entity types annotated in the held-out and dev sets.
SCORED_ENTITIES = frozenset({"credential_type", "institution", "subject"})


@dataclass
class NluScores:
    examples: int
    intent_accuracy: float
    entity_precision: float
    entity_recall: float
    entity_f1: float
    entity_accuracy: float  # share of held-out examples whose entities are all exactly right
    entity_f1_all_types: float = 0.0  # Duckling's unannotated numbers, money and durations counted as wrong
    intent_errors: List[Dict[str, str]] = field(default_factory=list)
    entity_errors: List[Dict[str, object]] = field(default_factory=list)
    confusions: Dict[str, int] = field(default_factory=dict)


def _pairs(entities: List[Dict], types: Optional[frozenset] = SCORED_ENTITIES) -> Set[Tuple[str, str]]:
    """(entity, value) pairs of the scored types (every type when ``types`` is None)."""
    return {(e["entity"], str(e.get("value", "")).lower()) for e in entities if types is None or e["entity"] in types}


def _f1(true_pos: int, predicted: int, expected: int) -> Tuple[float, float, float]:
    precision = true_pos / predicted if predicted else 1.0
    recall = true_pos / expected if expected else 1.0
    total = precision + recall
    return precision, recall, (2 * precision * recall / total if total else 0.0)


async def parse_all(model: Path, texts: List[str]) -> List[Dict]:
    import structlog
    from rasa.core.agent import Agent

    # Rasa's structlog logger prints every parsed message at debug level otherwise.
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


def labelled_examples(data: Path) -> List[Message]:
    """The examples of an NLU file, each with its intent and entities."""
    from rasa.shared.nlu.training_data.loading import load_data

    return list(load_data(str(data)).intent_examples)


def evaluate(model: Path = MODEL, data: Path = HOLDOUT) -> NluScores:
    """Load the model once, parse every example of ``data`` and score the results."""
    examples = labelled_examples(data)
    return score(examples, asyncio.run(parse_all(model, [e.get("text") for e in examples])))


def score(examples: List[Message], parsed: List[Dict]) -> NluScores:
    """Compare parse results with the labelled examples they came from, in the same order."""
    correct_intents = 0
    exact_entities = 0
    true_pos = predicted = expected = 0
    all_true_pos = all_predicted = all_expected = 0
    scores = NluScores(len(examples), 0, 0, 0, 0, 0)
    confusions: Counter = Counter()
    for example, result in zip(examples, parsed, strict=False):
        want_intent, got_intent = example.get("intent"), result["intent"]["name"]
        if want_intent == got_intent:
            correct_intents += 1
        else:
            confusions[f"{want_intent} -> {got_intent}"] += 1
            scores.intent_errors.append({"text": example.get("text"), "expected": want_intent, "predicted": got_intent})
        want, got = _pairs(example.get("entities") or []), _pairs(result.get("entities") or [])
        true_pos += len(want & got)
        predicted += len(got)
        expected += len(want)
        want_all, got_all = _pairs(example.get("entities") or [], None), _pairs(result.get("entities") or [], None)
        all_true_pos += len(want_all & got_all)
        all_predicted += len(got_all)
        all_expected += len(want_all)
        if want == got:
            exact_entities += 1
        else:
            scores.entity_errors.append(
                {"text": example.get("text"), "expected": sorted(want), "predicted": sorted(got)}
            )
    scores.intent_accuracy = correct_intents / len(examples)
    scores.entity_precision, scores.entity_recall, scores.entity_f1 = _f1(true_pos, predicted, expected)
    scores.entity_f1_all_types = _f1(all_true_pos, all_predicted, all_expected)[2]
    scores.entity_accuracy = exact_entities / len(examples)
    scores.confusions = dict(confusions.most_common())
    return scores


def main() -> int:
    scores = evaluate()
    print(json.dumps(asdict(scores), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
