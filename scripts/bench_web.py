"""Web chat latency in a real browser: send an FAQ question, time until the reply is rendered.

Starts the real stack with the web chat channel (as `python -m scripts.web`) on a
free port, opens the page in headless system chromium (playwright), sends
warm-up messages, then N FAQ questions one after the other. Each timing runs in
the page: from submitting the form to the frame after the bot's first reply
message was added to the transcript. Prints median and p95 and writes
results/bench_web.json.
  python -m scripts.bench_web             # 50 messages
  python -m scripts.bench_web --messages 100
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
from typing import Any, Dict, List

from scripts.bench import FAQ_MESSAGES as REST_FAQ_MESSAGES
from scripts.bench import percentile, write_results
from scripts.stack import ROOT, fresh_db, full_stack
from scripts.web import CHROMIUM, CHROMIUM_ARGS

# The REST benchmark's questions, and a few more.
FAQ_MESSAGES = [
    *REST_FAQ_MESSAGES,
    "how much does a professional certificate cost?",
    "what is a micromasters?",
    "do I need a degree to enrol in a micromasters?",
    "how many hours a week does a professional certificate take?",
    "what's the difference between a micromasters and a professional certificate?",
]
WARM_UP = 5

# Runs in the page: submit like a user would, resolve once the first new bot
# message has been added and a frame has been rendered after it.
TIME_ONE_MESSAGE = """async (text) => {
    const log = document.getElementById('transcript');
    const bots = () => log.querySelectorAll('.msg--bot');
    const before = bots().length;
    const rendered = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
            if (bots().length > before) {
                observer.disconnect();
                requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
            }
        });
        observer.observe(log, {childList: true});
    });
    document.getElementById('message').value = text;
    const start = performance.now();
    document.getElementById('composer').requestSubmit();
    const end = await rendered;
    return {ms: end - start, text: bots()[before].textContent};
}"""


def measure(url: str, messages: int) -> Dict[str, Any]:
    """Time ``messages`` FAQ questions in the browser; ms per reply."""
    from playwright.sync_api import sync_playwright

    timings: List[float] = []
    websockets: List[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 800})
            page.on("websocket", lambda socket: websockets.append(socket.url))
            page.goto(url)
            page.wait_for_selector('html[data-connection="ready"]', timeout=30_000)
            for i in range(WARM_UP + messages):
                question = FAQ_MESSAGES[i % len(FAQ_MESSAGES)]
                result = page.evaluate(TIME_ONE_MESSAGE, question)
                if "Source:" not in result["text"]:  # every FAQ answer names its sources
                    raise RuntimeError(f"unexpected reply to {question!r}: {result['text']!r}")
                if i >= WARM_UP:
                    timings.append(float(result["ms"]))
                page.wait_for_timeout(150)  # let the rest of a multi-part reply arrive before the next question
            version = browser.version
        finally:
            browser.close()
    return {
        "messages": messages,
        "warm_up": WARM_UP,
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "min_ms": round(min(timings), 1),
        "max_ms": round(max(timings), 1),
        "mean_ms": round(statistics.fmean(timings), 1),
        "transport": "websocket" if websockets else "polling",
        "browser": f"chromium {version} (headless)",
        "machine": f"{platform.machine()}, {platform.system()}",
    }


def main() -> int:
    """Run the benchmark and write results/bench_web.json."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=50)
    args = parser.parse_args()
    if not CHROMIUM.exists():
        print(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium", file=sys.stderr)
        return 1
    print("Starting the stack ...", flush=True)
    with full_stack(ROOT / "results" / "logs", log_prefix="web-", conversations=fresh_db("bench-web")) as stack:
        print(f"Timing {args.messages} FAQ questions in the browser at {stack.url} ...", flush=True)
        results = measure(stack.url, args.messages)
    print(
        f"web chat reply latency (send -> reply rendered), {results['messages']} messages: "
        f"median {results['median_ms']} ms, p95 {results['p95_ms']} ms "
        f"(min {results['min_ms']}, max {results['max_ms']}; {results['transport']})",
        flush=True,
    )
    write_results("bench_web", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
