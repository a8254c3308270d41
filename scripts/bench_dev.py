"""Intent accuracy on independently written examples, for choosing pipelines and data.

tests/nlu_holdout.yml is the held-out set the issue's target is measured on; it
must not be used to choose anything, or its figure stops meaning anything. This
benchmark is the one to choose by: it trains the NLU pipeline on every NLU file
in data/ except data/nlu_independent.yml and scores the model on that file,
whose examples were written in one batch by someone who saw neither the other
rest of the training data nor tests/. Five-fold cross-validation
(`make bench-gate`, `make bench-cv`) rewards near-copies inside the training
data; this does not.

  python -m scripts.bench_dev                       # the shipped config.yml
  python -m scripts.bench_dev --config other.yml    # any other pipeline
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from scripts.bench import nlu_training_files, run_rasa, write_results
from scripts.evaluate_nlu import evaluate
from scripts.stack import ROOT

DEV_SET = ROOT / "data" / "nlu_independent.yml"
FALLBACK = "nlu_fallback"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=ROOT / "config.yml")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="advisor-dev-") as tmp:
        folder = Path(tmp)
        start = time.monotonic()
        # `rasa train nlu --nlu` takes one file or folder: a folder of the training files.
        nlu = folder / "nlu"
        nlu.mkdir()
        for path in nlu_training_files():
            if path == DEV_SET:
                continue
            (nlu / path.name).symlink_to(path)
        run_rasa(
            ["train", "nlu", "--config", str(args.config), "--nlu", str(nlu), "--out", str(folder)]
            + ["--fixed-model-name", "dev"],
            folder / "cache",
        )
        scores = evaluate(folder / "dev.tar.gz", DEV_SET)
    caught = sum(1 for e in scores.intent_errors if e["predicted"] == FALLBACK)
    results = {
        "config": str(args.config),
        "examples": scores.examples,
        "intent_accuracy": round(scores.intent_accuracy, 4),
        "caught_by_fallback": caught,
        "errors_by_expected_intent": dict(Counter(e["expected"] for e in scores.intent_errors).most_common()),
        "errors": scores.intent_errors,
        "seconds": round(time.monotonic() - start),
    }
    print(
        f"independent set: intent accuracy {results['intent_accuracy']} on {scores.examples} examples, "
        f"{caught} caught by the fallback ({results['seconds']} s)"
    )
    print("errors by expected intent:", results["errors_by_expected_intent"])
    write_results("bench_dev", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
