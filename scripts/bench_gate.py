"""Choose the fallback gate on the training data: five folds, every gate setting at once.

DIET and the FallbackClassifier decide whether a message was understood at all;
logistic regression then names the intent. Rasa's own cross-validation undoes
fallback predictions, so it cannot show how many real messages a gate rejects.
This script trains the shipped NLU pipeline on four fifths of the NLU training data
(stratified by intent, fixed shuffle), parses the fifth, and keeps DIET's top two
confidences next to logistic regression's label. Each gate (threshold,
ambiguity) is then scored offline: accuracy with caught messages counted wrong,
the share of real messages caught, and how many of a fixed list of nonsense
messages (parsed by the fold-5 model) are caught. The held-out set is not used.

  python -m scripts.bench_gate     # about 12 minutes on 2 cores
"""

from __future__ import annotations

import asyncio
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List, Tuple

import yaml
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from scripts.bench import nlu_training_files, run_rasa, write_results
from scripts.evaluate_nlu import parse_all
from scripts.stack import ROOT

FOLDS = 5
DIET_RANKING = "diet_ranking"
GATED = "components.gated_intent_classifier.FallbackGatedLogisticRegression"
GATES = [(threshold, ambiguity) for threshold in (0.3, 0.25, 0.2) for ambiguity in (0.05, 0.0)]
NONSENSE = [
    "lorem ipsum dolor sit amet",
    "🙂🙂",
    "I like turtles",
    "asdfgh qwerty",
    "<b>hi</b>",
    "qwertyuiop",
    "blah blah blah",
    "the cat sat on the mat",
    "12345",
    "???",
]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class KeepDietRanking(GraphComponent):
    """Copies DIET's ranking aside before logistic regression replaces it (benchmark only)."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> KeepDietRanking:
        """No state: nothing to configure or train."""
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Keep the full DIET ranking in the parse result under ``diet_ranking``."""
        for message in messages:
            message.set(DIET_RANKING, message.get(INTENT_RANKING_KEY), add_to_output=True)
        return messages


def gate_config(folder: Path) -> Path:
    """config.yml without the fallback (applied offline), DIET's ranking kept, full length."""
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    pipeline = [c for c in config["pipeline"] if c["name"] != "FallbackClassifier"]
    names = [c["name"] for c in pipeline]
    pipeline.insert(names.index(GATED), {"name": "scripts.bench_gate.KeepDietRanking"})
    for component in pipeline:
        if component["name"] == "DIETClassifier":
            component["ranking_length"] = 0
    path = folder / "config.yml"
    path.write_text(yaml.safe_dump({"recipe": "default.v1", "language": "en", "pipeline": pipeline}), encoding="utf-8")
    return path


def stratified_folds(data: TrainingData) -> List[List[Message]]:
    """Every intent's examples dealt round-robin over the folds after a fixed shuffle."""
    by_intent: Dict[str, List[Message]] = defaultdict(list)
    for message in data.intent_examples:
        by_intent[message.get("intent")].append(message)
    shuffle = random.Random(0)
    folds: List[List[Message]] = [[] for _ in range(FOLDS)]
    for _, messages in sorted(by_intent.items()):
        messages = list(messages)
        shuffle.shuffle(messages)
        for index, message in enumerate(messages):
            folds[index % FOLDS].append(message)
    return folds


def top_two(parsed: Dict[str, Any]) -> Tuple[float, float]:
    ranking = parsed[DIET_RANKING]
    return ranking[0]["confidence"], ranking[1]["confidence"] if len(ranking) > 1 else 0.0


def caught(confidences: Tuple[float, float], threshold: float, ambiguity: float) -> bool:
    """What the FallbackClassifier would do with these DIET confidences."""
    first, second = confidences
    return first < threshold or first - second < ambiguity


def main() -> int:
    data = TrainingData().merge(*(load_data(str(path)) for path in nlu_training_files()))
    folds = stratified_folds(data)
    rows: List[Dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="advisor-gate-") as tmp:
        folder = Path(tmp)
        config = gate_config(folder)
        for k, test in enumerate(folds):
            train = [m for j, fold in enumerate(folds) if j != k for m in fold]
            split = TrainingData(train, entity_synonyms=data.entity_synonyms, lookup_tables=data.lookup_tables)
            (folder / "train.yml").write_text(split.nlu_as_yaml(), encoding="utf-8")
            run_rasa(
                ["train", "nlu", "--config", str(config), "--nlu", str(folder / "train.yml")]
                + ["--out", str(folder), "--fixed-model-name", f"fold{k}"],
                folder / "cache",
            )
            parsed = asyncio.run(parse_all(folder / f"fold{k}.tar.gz", [m.get("text") for m in test]))
            rows += [
                {
                    "gold": m.get("intent"),
                    "label": p["intent"]["name"],
                    "diet_label": p[DIET_RANKING][0]["name"],
                    "diet": top_two(p),
                }
                for m, p in zip(test, parsed, strict=True)
            ]
            print(f"fold {k + 1}/{FOLDS} done", flush=True)
        nonsense = [top_two(p) for p in asyncio.run(parse_all(folder / f"fold{FOLDS - 1}.tar.gz", NONSENSE))]
    results = {"examples": len(rows), "gates": []}
    for threshold, ambiguity in GATES:
        passed = [r for r in rows if not caught(r["diet"], threshold, ambiguity)]
        gate = {
            "threshold": threshold,
            "ambiguity_threshold": ambiguity,
            "intent_accuracy": round(sum(r["label"] == r["gold"] for r in passed) / len(rows), 4),
            "real_messages_caught": round(1 - len(passed) / len(rows), 4),
            "nonsense_caught": f"{sum(caught(c, threshold, ambiguity) for c in nonsense)}/{len(NONSENSE)}",
        }
        results["gates"].append(gate)
        print(gate)
    for name, key in (("logistic_regression_without_gate", "label"), ("diet_without_gate", "diet_label")):
        results[name] = round(sum(r[key] == r["gold"] for r in rows) / len(rows), 4)
        print(f"{name}: {results[name]}")
    write_results("bench_gate", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
