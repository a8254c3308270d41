"""Five-fold cross-validation of the intent classifier on the training data.

Cross-validation compares classifiers without touching the held-out set, so a
choice made from it does not tune the model on the figures it is judged by.
Entity components are left out of the pipeline (they do not change the intent).

  python -m scripts.bench_cv                       # shipped: DIET + fallback, then logistic regression (~15 min)
  python -m scripts.bench_cv --classifier diet     # DIET alone (~14 min)
  python -m scripts.bench_cv --classifier logreg   # Rasa's LogisticRegressionClassifier alone (~5 min)

Rasa's evaluation counts a message the fallback caught with the intent ranked
below ``nlu_fallback``, so for the shipped pipeline such messages count with DIET's label.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List

import yaml

from scripts.bench import run_rasa, write_results
from scripts.stack import ROOT

ENTITY_PARTS = {"CRFEntityExtractor", "EntitySynonymMapper", "components.canonical_entities.CanonicalEntityValues"}
FALLBACK = "FallbackClassifier"
GATED = "components.gated_intent_classifier.FallbackGatedLogisticRegression"
LOGREG = {"name": "LogisticRegressionClassifier", "solver": "liblinear", "max_iter": 1000}
CLASSIFIERS = ["shipped", "diet", "logreg"]


def intent_pipeline(classifier: str) -> List[Dict[str, Any]]:
    """config.yml's pipeline without the entity parts; one intent classifier alone if asked."""
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    pipeline = [c for c in config["pipeline"] if c["name"] not in ENTITY_PARTS]
    if classifier == "shipped":
        return pipeline
    pipeline = [c for c in pipeline if c["name"] not in {FALLBACK, GATED}]
    if classifier == "logreg":
        pipeline = [LOGREG if c["name"] == "DIETClassifier" else c for c in pipeline]
    return pipeline


def cross_validate(classifier: str, folds: int, folder: Path) -> Dict[str, Any]:
    """Run `rasa test nlu --cross-validation` and read back the intent report."""
    config = folder / "config.yml"
    config.write_text(
        yaml.safe_dump({"recipe": "default.v1", "language": "en", "pipeline": intent_pipeline(classifier)}),
        encoding="utf-8",
    )
    out = folder / "report"
    start = time.monotonic()
    run_rasa(
        ["test", "nlu", "--nlu", "data", "--config", str(config), "--cross-validation"]
        + ["--folds", str(folds), "--out", str(out)],
        folder / "cache",
    )
    report = json.loads((out / "intent_report.json").read_text(encoding="utf-8"))
    per_intent = {
        name: round(row["f1-score"], 3)
        for name, row in sorted(report.items())
        if isinstance(row, dict) and "f1-score" in row and not name.endswith("avg")
    }
    return {
        "classifier": classifier,
        "folds": folds,
        "intent_accuracy": round(report["accuracy"], 4),
        "macro_f1": round(report["macro avg"]["f1-score"], 4),
        "per_intent_f1": per_intent,
        "seconds": round(time.monotonic() - start),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--classifier", choices=CLASSIFIERS, default="shipped")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="advisor-cv-") as folder:
        result = cross_validate(args.classifier, args.folds, Path(folder))
    print(
        f"{args.classifier}: {args.folds}-fold intent accuracy {result['intent_accuracy']}, "
        f"macro F1 {result['macro_f1']} ({result['seconds']} s)"
    )
    write_results(f"bench_cv_{args.classifier}", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
