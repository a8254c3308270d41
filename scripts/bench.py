"""Benchmarks: training time, held-out NLU accuracy, REST reply latency.

Prints the figures and writes them to results/bench.json; docs/benchmarks.md
records the figures measured on the reference 2-core machine.
  python -m scripts.bench               # everything (trains a fresh model: ~2 min)
  python -m scripts.bench --skip-train  # accuracy and latency only
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from scripts.evaluate_nlu import evaluate
from scripts.stack import BIN, ROOT, environment, fresh_db, full_stack

# FAQ-type questions and follow-ups, none repeated, in conversations (tests/test_latency_conversations.py).
LATENCY_CONVERSATIONS = ROOT / "tests" / "latency_conversations.yml"


@dataclass
class LatencyMessages:
    warm_up: List[str]  # one conversation, not timed
    conversations: List[List[str]]  # each in a conversation of its own, every message timed

    @property
    def timed(self) -> int:
        return sum(len(c) for c in self.conversations)


def latency_messages(path: Path = LATENCY_CONVERSATIONS) -> LatencyMessages:
    import yaml

    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    return LatencyMessages(list(document["warm_up"]), [list(c) for c in document["conversations"]])


def nlu_training_files() -> List[Path]:
    """The NLU training files: data/nlu.yml and any other data/nlu*.yml."""
    return sorted((ROOT / "data").glob("nlu*.yml"))


def run_rasa(args: List[str], cache: Path) -> None:
    """Run a `rasa` command in the project with its own empty cache (nothing reused)."""
    subprocess.run(
        [str(BIN / "rasa"), *args],
        cwd=ROOT,
        env=environment({"RASA_CACHE_DIRECTORY": str(cache)}),
        check=True,
        capture_output=True,
    )


def train(out: Path, name: str, config: Optional[Path] = None) -> Path:
    """`rasa train` from scratch into ``out``, with an empty cache of its own there."""
    config_args = ["--config", str(config)] if config else []
    run_rasa(["train", "--force", *config_args, "--out", str(out), "--fixed-model-name", name], out / "cache")
    return out / f"{name}.tar.gz"


def time_training() -> float:
    """Seconds for `rasa train` from scratch (no cache) into a temporary folder."""
    with tempfile.TemporaryDirectory() as out:
        start = time.monotonic()
        train(Path(out), "bench")
        return time.monotonic() - start


def write_results(name: str, results: Dict[str, object]) -> Path:
    """Save a benchmark's figures as results/<name>.json (not committed) and say where."""
    out = ROOT / "results" / f"{name}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written to {out.relative_to(ROOT)}")
    return out


def percentile(values: List[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def latency_summary(timings: List[float], sourced: int) -> Dict[str, float]:
    """Median, p95 and the rest of a latency run; ``sourced``: replies that named a source."""
    return {
        "messages": len(timings),
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "min_ms": round(min(timings), 1),
        "max_ms": round(max(timings), 1),
        "replies_with_a_source": sourced,
    }


def rest_latency(port: int, messages: Optional[LatencyMessages] = None) -> Dict[str, float]:
    """ms per reply over the REST channel, every message sent once, each conversation a new sender.

    Messages that don't repeat: a reply is never one the servers just computed for
    the same words. Every reply must be non-empty; how many named a source (an
    answer from the knowledge base, through the custom action) is counted.
    """
    import urllib.request

    messages = messages or latency_messages()

    def send(sender: str, text: str) -> Tuple[float, List[Dict]]:
        body = json.dumps({"sender": sender, "message": text}).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
        )
        start = time.perf_counter()
        with urllib.request.urlopen(request, timeout=60) as response:
            replies = json.loads(response.read())
        elapsed = (time.perf_counter() - start) * 1000
        if not any(reply.get("text") for reply in replies):
            raise RuntimeError(f"no reply to {text!r}: {replies!r}")
        return elapsed, replies

    warm_up_sender = f"bench-warm-up-{uuid.uuid4().hex[:8]}"
    for text in messages.warm_up:
        send(warm_up_sender, text)
    timings: List[float] = []
    sourced = 0
    for conversation in messages.conversations:
        sender = f"bench-{uuid.uuid4().hex[:8]}"
        for text in conversation:
            elapsed, replies = send(sender, text)
            timings.append(elapsed)
            sourced += any("Source:" in (reply.get("text") or "") for reply in replies)
    return latency_summary(timings, sourced)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-train", action="store_true")
    args = parser.parse_args()
    results: Dict[str, object] = {}
    if not args.skip_train:
        results["train_seconds"] = round(time_training(), 1)
        print(f"rasa train from scratch: {results['train_seconds']} s", flush=True)
    scores = evaluate()
    results["nlu"] = {
        "examples": scores.examples,
        "intent_accuracy": round(scores.intent_accuracy, 4),
        "entity_f1": round(scores.entity_f1, 4),
        "entity_f1_all_types": round(scores.entity_f1_all_types, 4),
        "entity_precision": round(scores.entity_precision, 4),
        "entity_recall": round(scores.entity_recall, 4),
        "entity_exact_per_message": round(scores.entity_accuracy, 4),
    }
    print(f"held-out NLU: {json.dumps(results['nlu'])}", flush=True)
    with full_stack(ROOT / "results" / "logs", conversations=fresh_db("bench")) as stack:
        results["rest_faq_latency"] = rest_latency(stack.rasa_port)
    print(f"REST reply latency, messages that don't repeat: {json.dumps(results['rest_faq_latency'])}", flush=True)
    write_results("bench", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
