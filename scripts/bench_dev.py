"""Intent accuracy on independently written examples, for choosing pipelines and data.

tests/nlu_holdout.yml is the held-out set the issue's target is measured on; it
must not be used to choose anything, or its figure stops meaning anything. This
benchmark is the one to choose by. It trains the NLU pipeline on every NLU file
in data/ except data/nlu_independent.yml and scores the model on two sets that
model never saw, each written in one batch by a helper that saw neither
tests/nlu_holdout.yml nor the other set:

- data/nlu_independent.yml (471; the shipped model does train on it);
- tests/nlu_dev.yml (474; never trained on).

Five-fold cross-validation (`make bench-gate`, `make bench-cv`) rewards
near-copies inside the training data; this does not. It also parses 30
nonsense messages and counts those the bot answers honestly (the fallback or
`out_of_scope`) rather than with a confident wrong intent.

  python -m scripts.bench_dev                       # the shipped config.yml
  python -m scripts.bench_dev --config other.yml    # any other pipeline
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List

from rasa.shared.nlu.training_data.message import Message

from scripts.bench import nlu_training_files, run_rasa, write_results
from scripts.bench_gate import NONSENSE as GATE_NONSENSE
from scripts.evaluate_nlu import DEV_SET, labelled_examples, parse_all, score
from scripts.stack import ROOT

LEFT_OUT = ROOT / "data" / "nlu_independent.yml"
DEV_SETS = [LEFT_OUT, DEV_SET]
FALLBACK = "nlu_fallback"
HONEST = {FALLBACK, "out_of_scope"}
# The gate benchmark's ten, then twenty more, written before any gate was scored on them.
NONSENSE = GATE_NONSENSE + [
    "jkjkjkjk",
    "zxcvbnm asdf",
    "🍕🍕🍕",
    "!!!!!!",
    "aaaaaaaaaaaa",
    "hjsdf kjhsdf lkjsdf",
    "<script>alert(1)</script>",
    "SELECT * FROM users;",
    "def foo(): return 42",
    "banana phone",
    "purple monkey dishwasher",
    "my fridge is humming again",
    "xyz",
    "0000 1111 2222",
    "ok google play despacito",
    "la la la la",
    "ich bin ein berliner",
    "¿dónde está la biblioteca?",
    "🤖❓",
    ".....",
]


def summary(dev_set: Path, examples: List[Message], parsed: List[Dict[str, Any]]) -> Dict[str, Any]:
    """Intent accuracy on one set, with the fallback's share of the errors."""
    scores = score(examples, parsed)
    return {
        "set": str(dev_set.relative_to(ROOT)),
        "examples": scores.examples,
        "right": scores.examples - len(scores.intent_errors),
        "intent_accuracy": round(scores.intent_accuracy, 4),
        "caught_by_fallback": sum(1 for e in scores.intent_errors if e["predicted"] == FALLBACK),
        "errors_by_expected_intent": dict(Counter(e["expected"] for e in scores.intent_errors).most_common()),
        "errors": scores.intent_errors,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=ROOT / "config.yml")
    args = parser.parse_args()
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="advisor-dev-") as tmp:
        folder = Path(tmp)
        # `rasa train nlu --nlu` takes one file or folder: a folder of the training files.
        nlu = folder / "nlu"
        nlu.mkdir()
        for path in nlu_training_files():
            if path != LEFT_OUT:
                (nlu / path.name).symlink_to(path)
        run_rasa(
            ["train", "nlu", "--config", str(args.config), "--nlu", str(nlu), "--out", str(folder)]
            + ["--fixed-model-name", "dev"],
            folder / "cache",
        )
        # One model load and one pass for both sets and the nonsense.
        examples = {dev_set: labelled_examples(dev_set) for dev_set in DEV_SETS}
        texts = [e.get("text") for labelled in examples.values() for e in labelled] + NONSENSE
        parsed = asyncio.run(parse_all(folder / "dev.tar.gz", texts))
    sets, start_at = [], 0
    for dev_set, labelled in examples.items():
        sets.append(summary(dev_set, labelled, parsed[start_at : start_at + len(labelled)]))
        start_at += len(labelled)
    passed = {
        text: p["intent"]["name"]
        for text, p in zip(NONSENSE, parsed[start_at:], strict=True)
        if p["intent"]["name"] not in HONEST
    }
    total = sum(s["examples"] for s in sets)
    results = {
        "config": str(args.config),
        "intent_accuracy_both_sets": round(sum(s["right"] for s in sets) / total, 4),
        "sets": sets,
        "nonsense_answered_honestly": f"{len(NONSENSE) - len(passed)}/{len(NONSENSE)}",
        "nonsense_given_an_intent": passed,
        "seconds": round(time.monotonic() - start),
    }
    for s in sets:
        print(
            f"{s['set']}: intent accuracy {s['intent_accuracy']} on {s['examples']} examples, "
            f"{s['caught_by_fallback']} caught by the fallback"
        )
        print("  errors by expected intent:", s["errors_by_expected_intent"])
    print(f"both sets: {results['intent_accuracy_both_sets']} on {total} examples")
    print(f"nonsense answered honestly (fallback or out_of_scope): {results['nonsense_answered_honestly']}")
    print(f"({results['seconds']} s)")
    write_results("bench_dev", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
