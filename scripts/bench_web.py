"""Web chat latency in a real browser: send a message, time until the reply is rendered.

Starts the real stack with the web chat channel (as `python -m scripts.web`) on a
free port, opens the page in headless system chromium (playwright), sends the
warm-up messages, then the conversations of tests/latency_conversations.yml (the
REST benchmark's: FAQ-type questions and follow-ups, none repeated), each in a
new browser context, so a new session. Each timing runs in the page: from
submitting the form to the frame after the bot's first reply message was added
to the transcript. Prints median and p95 and writes results/bench_web.json.
  python -m scripts.bench_web
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
from typing import Any, Dict, List

from scripts.bench import LatencyMessages, latency_messages, latency_summary, write_results
from scripts.stack import ROOT, fresh_db, full_stack
from scripts.web import CHROMIUM, CHROMIUM_ARGS

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


def measure(url: str, messages: LatencyMessages) -> Dict[str, Any]:
    """Time every message of every conversation in the browser, each conversation a new session; ms per reply."""
    from playwright.sync_api import sync_playwright

    timings: List[float] = []
    sourced = 0
    websockets: List[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            for number, conversation in enumerate([messages.warm_up, *messages.conversations]):
                timed = number > 0
                # A new context has empty storage: the page starts a new session.
                context = browser.new_context(viewport={"width": 1000, "height": 800})
                try:
                    page = context.new_page()
                    page.on("websocket", lambda socket: websockets.append(socket.url))
                    page.goto(url)
                    page.wait_for_selector('html[data-connection="ready"]', timeout=30_000)
                    for text in conversation:
                        result = page.evaluate(TIME_ONE_MESSAGE, text)
                        if not result["text"].strip():
                            raise RuntimeError(f"empty reply to {text!r}")
                        if timed:
                            timings.append(float(result["ms"]))
                            sourced += "Source:" in result["text"]
                        # let the rest of a multi-part reply arrive before the next message
                        page.wait_for_timeout(150)
                finally:
                    context.close()
            version = browser.version
        finally:
            browser.close()
    return {
        **latency_summary(timings, sourced),
        "conversations": len(messages.conversations),
        "warm_up": len(messages.warm_up),
        "mean_ms": round(statistics.fmean(timings), 1),
        "transport": "websocket" if websockets else "polling",
        "browser": f"chromium {version} (headless)",
        "machine": f"{platform.machine()}, {platform.system()}",
    }


def main() -> int:
    """Run the benchmark and write results/bench_web.json."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args()
    messages = latency_messages()
    if not CHROMIUM.exists():
        print(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium", file=sys.stderr)
        return 1
    print("Starting the stack ...", flush=True)
    with full_stack(ROOT / "results" / "logs", log_prefix="web-", conversations=fresh_db("bench-web")) as stack:
        print(
            f"Timing {messages.timed} messages in {len(messages.conversations)} conversations "
            f"in the browser at {stack.url} ...",
            flush=True,
        )
        results = measure(stack.url, messages)
    print(
        f"web chat reply latency (send -> reply rendered), {results['messages']} messages: "
        f"median {results['median_ms']} ms, p95 {results['p95_ms']} ms "
        f"(min {results['min_ms']}, max {results['max_ms']}; {results['replies_with_a_source']} named a source; "
        f"{results['transport']})",
        flush=True,
    )
    write_results("bench_web", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
