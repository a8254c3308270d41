"""Load benchmark: `make bench-load` (a benchmark that reports figures, not a timed test).

In one run, on this machine, one configuration at a time:

- stock:   Rasa's own `rasa init` bot, created and trained in build/bench-load/stock (not committed),
           served by `rasa run` as it comes (in-memory tracker store, no action server);
- advisor: this advisor as `make run` serves it (action server + Rasa server, SQLite tracker store);
- cluster: `make run-cluster` (HAProxy, 2 Rasa servers, 2 action servers, PostgreSQL, Redis),
           every request through the load balancer.

At 1, 8, 32 and 64 concurrent conversations, each conversation completes a recommendation and
asks a few FAQ questions (scripts/conversations.py; the stock bot gets as many turns of its own
small talk). Reported per level: median/p95/p99 latency, throughput, failed requests (an error,
no reply, the apology or an unexpected reply), and events lost or stored twice (read back from
each configuration's tracker store), with ratios against the stock bot.

    python -m scripts.bench_load [--levels 1,8,32,64] [--configs stock,advisor,cluster]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from channels.resilience import APOLOGY
from scripts.cluster import cluster
from scripts.conversations import SCRIPTS, Script, reply_text, send
from scripts.stack import BIN, ROOT, environment, free_port, fresh_db, full_stack, stop, wait_for

STOCK_DIR = ROOT / "build" / "bench-load" / "stock"
STOCK_TOKEN = "bench-load-stock"
LOGS = ROOT / "results" / "logs"
# The stock bot's own small talk, as many turns as the advisor's scripts (its replies are fixed texts).
STOCK_SCRIPT = Script(
    "stock",
    (
        ("hello", "Hey"),
        ("I am sad", None),
        ("yes", None),
        ("are you a bot?", "bot"),
        ("good morning", "Hey"),
        ("great", None),
        ("are you a human?", "bot"),
        ("no", None),
        ("bye", "Bye"),
    ),
    "",
)
EventsOf = Callable[[str], List[Tuple[str, Dict[str, Any]]]]  # a conversation's stored events: (type, event)
MIN_CONVERSATIONS = 4  # at 1 concurrent conversation, still this many one after the other


@dataclass
class Level:
    """What one concurrency level measured."""

    concurrency: int
    conversations: int = 0
    latencies: List[float] = field(default_factory=list)
    failures: List[str] = field(default_factory=list)
    seconds: float = 0.0
    senders: Dict[str, List[str]] = field(default_factory=dict)
    lost: int = 0
    duplicated: int = 0
    unfinished: int = 0

    def summary(self) -> Dict[str, Any]:
        ordered = sorted(self.latencies)

        def pick(share: float) -> float:
            return 1000 * ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else 0.0

        return {
            "concurrency": self.concurrency,
            "conversations": self.conversations,
            "requests": len(self.latencies),
            "median_ms": round(1000 * statistics.median(ordered), 1) if ordered else 0.0,
            "p95_ms": round(pick(0.95), 1),
            "p99_ms": round(pick(0.99), 1),
            "throughput_per_s": round(len(self.latencies) / self.seconds, 2) if self.seconds else 0.0,
            "failed": len(self.failures),
            "lost_events": self.lost,
            "duplicated_events": self.duplicated,
            "conversations_not_at_their_end": self.unfinished,
            "failure_examples": self.failures[:3],
        }


def run_level(url: str, scripts: Tuple[Script, ...], concurrency: int, tag: str) -> Level:
    """``concurrency`` conversations at once (at least MIN_CONVERSATIONS in all), every turn timed."""
    level = Level(concurrency, conversations=max(concurrency, MIN_CONVERSATIONS))
    lock = threading.Lock()

    def converse(number: int) -> None:
        script = scripts[number % len(scripts)]
        sender = f"load-{tag}-{concurrency}-{number}-{uuid.uuid4().hex[:6]}"
        sent: List[str] = []
        with lock:
            level.senders[sender] = sent
        for message, expected in script.turns:
            sent.append(message)
            started = time.perf_counter()
            try:
                text = reply_text(send(url, sender, message, timeout=120))
                problem = (
                    "no reply" if not text.strip() else
                    "apology" if APOLOGY in text else
                    f"expected {expected!r}" if expected and expected not in text else None
                )  # fmt: skip
            except Exception as error:  # noqa: BLE001 - every failure is counted, none stops the run
                problem = f"{type(error).__name__}: {error}"
            elapsed = time.perf_counter() - started
            with lock:
                level.latencies.append(elapsed)
                if problem:
                    level.failures.append(f"{sender} {message!r}: {problem}")

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(converse, range(level.conversations)))
    level.seconds = time.perf_counter() - started
    return level


def check_events(level: Level, events_of: EventsOf, scripts: Tuple[Script, ...]) -> None:
    """Compare what each conversation sent with the user events stored; count conversations not at their end."""
    for sender, sent in level.senders.items():
        events = events_of(sender)
        users = [data.get("text") for kind, data in events if kind == "user"]
        level.lost += max(0, len(sent) - len(users)) + sum(1 for text in sent if text not in users)
        serialised = [json.dumps(data, sort_keys=True) for _, data in events]
        level.duplicated += len(serialised) - len(set(serialised)) + max(0, len(users) - len(sent))
        number = int(sender.split("-")[3])
        credential = scripts[number % len(scripts)].credential
        if credential:
            slots = [data for kind, data in events if kind == "slot" and data.get("name") == "recommended_credential"]
            if not slots or slots[-1].get("value") != credential:
                level.unfinished += 1


def sqlite_events(database: Path) -> EventsOf:
    def events_of(sender: str) -> List[Tuple[str, Dict[str, Any]]]:
        with sqlite3.connect(database) as connection:
            rows = connection.execute("SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id", (sender,))
            return [(kind, json.loads(data)) for kind, data in rows]

    return events_of


def postgres_events(dsn: str) -> EventsOf:
    import psycopg2

    def events_of(sender: str) -> List[Tuple[str, Dict[str, Any]]]:
        with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
            cursor.execute("SELECT type_name, data FROM events WHERE sender_id = %s ORDER BY id", (sender,))
            return [(kind, json.loads(data)) for kind, data in cursor.fetchall()]

    return events_of


def api_events(base: str, token: str) -> EventsOf:
    def events_of(sender: str) -> List[Tuple[str, Dict[str, Any]]]:
        query = urllib.parse.urlencode({"token": token})
        with urllib.request.urlopen(f"{base}/conversations/{sender}/tracker?{query}", timeout=60) as response:
            events = json.loads(response.read())["events"]
        return [(event["event"], event) for event in events]

    return events_of


def stock_bot() -> Path:
    """Rasa's `rasa init` project, created and trained once in build/bench-load/stock."""
    models = STOCK_DIR / "models"
    if models.is_dir() and any(models.glob("*.tar.gz")):
        return STOCK_DIR
    shutil.rmtree(STOCK_DIR, ignore_errors=True)
    STOCK_DIR.mkdir(parents=True)
    print("Creating and training Rasa's stock `rasa init` bot in build/bench-load/stock ...", flush=True)
    subprocess.run(
        [str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(STOCK_DIR)],
        cwd=STOCK_DIR, env=environment(), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return STOCK_DIR


@contextmanager
def stock_server() -> Iterator[str]:
    directory = stock_bot()
    port = free_port()
    args = [str(BIN / "rasa"), "run", "--model", "models", "--port", str(port), "--interface", "127.0.0.1",
            "--credentials", "credentials.yml", "--enable-api", "--auth-token", STOCK_TOKEN]  # fmt: skip
    LOGS.mkdir(parents=True, exist_ok=True)
    with open(LOGS / "load-stock.log", "wb") as log:
        process = subprocess.Popen(args, cwd=directory, env=environment(), stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_for(f"http://127.0.0.1:{port}/webhooks/rest/", process)
            yield f"http://127.0.0.1:{port}"
        finally:
            stop(process)


def measure(
    name: str, url: str, scripts: Tuple[Script, ...], levels: List[int], events_of: Any
) -> List[Dict[str, Any]]:
    for message, _ in scripts[0].turns[:3]:  # warm-up, not counted
        send(url, f"warm-{name}", message)
    results = []
    for concurrency in levels:
        level = run_level(url, scripts, concurrency, name)
        check_events(level, events_of, scripts)
        summary = level.summary()
        results.append(summary)
        print(
            f"  {name:8} x{concurrency:<3} "
            + json.dumps({k: v for k, v in summary.items() if k != "failure_examples"}),
            flush=True,
        )
    return results


def ratios(results: Dict[str, List[Dict[str, Any]]]) -> Dict[str, List[Dict[str, Any]]]:
    """Each configuration's figures as multiples of the stock bot's at the same level."""
    stock = {row["concurrency"]: row for row in results.get("stock", [])}
    out: Dict[str, List[Dict[str, Any]]] = {}
    for name, rows in results.items():
        if name == "stock":
            continue
        out[name] = []
        for row in rows:
            base = stock.get(row["concurrency"])
            if not base:
                continue
            out[name].append({
                "concurrency": row["concurrency"],
                **{f"{key}_x_stock": round(row[key] / base[key], 2) if base[key] else None
                   for key in ("median_ms", "p95_ms", "p99_ms", "throughput_per_s")},
            })  # fmt: skip
    return out


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--levels", default="1,8,32,64")
    parser.add_argument("--configs", default="stock,advisor,cluster")
    args = parser.parse_args(argv)
    levels = [int(level) for level in args.levels.split(",")]
    configs = args.configs.split(",")
    results: Dict[str, List[Dict[str, Any]]] = {}
    started = time.monotonic()
    if "stock" in configs:
        print("Rasa's stock `rasa init` bot:", flush=True)
        with stock_server() as url:
            results["stock"] = measure("stock", url, (STOCK_SCRIPT,), levels, api_events(url, STOCK_TOKEN))
    if "advisor" in configs:
        print("The advisor (make run: one action server, one Rasa server, SQLite):", flush=True)
        database = fresh_db("bench-load")
        with full_stack(LOGS, enable_api=False, log_prefix="load-", conversations=database) as stack:
            url = f"http://127.0.0.1:{stack.rasa_port}"
            results["advisor"] = measure("advisor", url, SCRIPTS, levels, sqlite_events(database))
    if "cluster" in configs:
        print("The cluster (make run-cluster: HAProxy, 2 Rasa servers, 2 action servers, PostgreSQL, Redis):")
        with cluster(LOGS) as running:
            results["cluster"] = measure(
                "cluster", running.url, SCRIPTS, levels, postgres_events(running.database.dsn())
            )
    report = {
        "measured_at": time.strftime("%Y-%m-%d %H:%M"),
        "seconds": round(time.monotonic() - started),
        "results": results,
        "ratios_to_stock": ratios(results),
    }
    if "advisor" in results and "cluster" in results:
        single = {row["concurrency"]: row["throughput_per_s"] for row in results["advisor"]}
        report["cluster_throughput_x_single"] = {
            row["concurrency"]: round(row["throughput_per_s"] / single[row["concurrency"]], 2)
            for row in results["cluster"] if single.get(row["concurrency"])
        }  # fmt: skip
    out = ROOT / "results" / "bench-load.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "results"}, indent=2))
    print(f"written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
