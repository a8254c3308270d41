"""Where one turn's time goes: `make bench-profile`.

Loads the advisor in this process exactly as `rasa run` does (the model, the SQLite tracker
store of `make run`, the real action server started on loopback) and times every part of
each turn over the scripted conversations: each NLU component and policy (Rasa's graph
nodes), the action server calls, the tracker store's reads and writes, and the whole turn.
The timers wrap Rasa's own methods in this process only; nothing is changed for `rasa run`.

    python -m scripts.profile_turn [--rounds 6]
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Dict, List

from scripts.conversations import SCRIPTS
from scripts.stack import MODEL, ROOT, SERVING_THREADS, action_server, environment, free_port, sqlite_store

TIMINGS: Dict[str, List[float]] = defaultdict(list)


def _timed_sync(name: Callable[..., str], function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            TIMINGS[name(*args)].append(time.perf_counter() - start)

    return wrapper


def _timed_async(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return await function(*args, **kwargs)
        finally:
            TIMINGS[name].append(time.perf_counter() - start)

    return wrapper


def instrument() -> None:
    """Wrap Rasa's graph nodes, action calls, tracker store and turn handling with timers."""
    from rasa.core.actions.action import RemoteAction
    from rasa.core.processor import MessageProcessor
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.engine.graph import GraphNode

    GraphNode.__call__ = _timed_sync(lambda node, *_: f"graph: {node._node_name}", GraphNode.__call__)
    RemoteAction.run = _timed_async("action server call (RemoteAction.run)", RemoteAction.run)
    SQLTrackerStore.retrieve = _timed_async("tracker store: retrieve", SQLTrackerStore.retrieve)
    SQLTrackerStore.save = _timed_async("tracker store: save", SQLTrackerStore.save)
    MessageProcessor.parse_message = _timed_async("NLU: parse_message (all components)", MessageProcessor.parse_message)
    MessageProcessor.handle_message = _timed_async("whole turn (handle_message)", MessageProcessor.handle_message)


async def run(rounds: int, action_port: int, database: Path) -> int:
    """Load the agent and send the scripted conversations ``rounds`` times; return the turns timed."""
    import logging

    from rasa.core.agent import load_agent
    from rasa.core.utils import AvailableEndpoints
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.INFO)  # as `rasa run` logs: no debug lines
    configure_structlog(logging.INFO)

    from channels.resilience import limit_action_calls

    endpoints = AvailableEndpoints(
        action=EndpointConfig(url=f"http://127.0.0.1:{action_port}/webhook"),
        tracker_store=EndpointConfig(**sqlite_store(database)),
    )
    agent = await load_agent(model_path=str(MODEL), endpoints=endpoints)
    limit_action_calls(agent)  # as the channels do: the pooled, time-limited action endpoint
    for script in SCRIPTS:  # warm-up, not timed
        for message, _ in script.turns:
            await agent.handle_text(message, sender_id=f"warm-{script.name}")
    TIMINGS.clear()
    turns = 0
    for round_number in range(rounds):
        for script in SCRIPTS:
            for message, _ in script.turns:
                await agent.handle_text(message, sender_id=f"profile-{round_number}-{script.name}")
                turns += 1
    return turns


def report(turns: int) -> Dict[str, Any]:
    """Mean milliseconds per turn for each part, largest first."""
    rows = []
    for name, values in TIMINGS.items():
        rows.append({"part": name, "ms_per_turn": 1000 * sum(values) / turns, "calls_per_turn": len(values) / turns,
                     "median_ms_per_call": 1000 * statistics.median(values)})  # fmt: skip
    rows.sort(key=lambda row: -row["ms_per_turn"])
    return {"turns": turns, "parts": rows}


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args(argv)
    # The server's environment, its one-thread settings included (set before NumPy and TensorFlow load).
    served = {**SERVING_THREADS, **environment()}
    os.environ.update({key: value for key, value in served.items() if key not in os.environ})
    instrument()
    logs = ROOT / "results" / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with (
        tempfile.TemporaryDirectory() as tmp,
        open(logs / "profile-actions.log", "wb") as log,
        action_server(port, log),
    ):
        turns = asyncio.run(run(args.rounds, port, Path(tmp) / "conversations.sqlite"))
    result = report(turns)
    print(f"{'part':60} {'ms/turn':>8} {'calls/turn':>10} {'median ms/call':>15}")
    for row in result["parts"]:
        figures = f"{row['ms_per_turn']:8.2f} {row['calls_per_turn']:10.2f} {row['median_ms_per_call']:15.2f}"
        print(f"{row['part'][:60]:60} {figures}")
    out = ROOT / "results" / "profile.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
