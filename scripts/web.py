"""Start the whole stack and serve the web chat: `.venv/bin/python -m scripts.web`.

Starts the action server and the Rasa server with the web chat channel
(channels/webchat.py: the page at "/", Socket.IO at /socket.io) and prints the
URL. Ctrl-C (or SIGTERM) stops both servers. Logs go to logs/web-*.log.
Conversations are kept in state/conversations.sqlite, so a restart loses none.
The action server listens on 127.0.0.1 only; Rasa's HTTP API is off unless
--enable-api is given, and then it requires the token in $RASA_AUTH_TOKEN.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Optional

from scripts.stack import API_TOKEN_VARIABLE, CONVERSATIONS_DB, ROOT, full_stack

DEFAULT_PORT = 8000
DEFAULT_HOST = "127.0.0.1"

# Headless system chromium for the browser tests and the web benchmark (no browser download).
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def port_is_free(port: int, host: str = DEFAULT_HOST) -> bool:
    """True when nothing listens on ``host:port``.

    SO_REUSEADDR as the servers themselves bind: connections of a stopped server
    linger in TIME_WAIT for a minute, and without it the port looked taken.
    """
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
        return True


# Ctrl-C, SIGTERM and a closed terminal (SIGHUP): the servers run in their own
# session, so they never see the terminal's signals and must be stopped here.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _interrupt(signum: int, frame: Optional[FrameType]) -> None:
    """First stop signal: stop the servers; further ones are ignored so the cleanup finishes."""
    for stop_signal in STOP_SIGNALS:
        signal.signal(stop_signal, signal.SIG_IGN)
    raise KeyboardInterrupt


def main(argv: Optional[list[str]] = None) -> int:
    """Run until Ctrl-C; return 1 if a server dies or the port is taken."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port of the chat page (default 8000)")
    parser.add_argument("--host", default=DEFAULT_HOST, help="interface of the chat page (default 127.0.0.1)")
    parser.add_argument(
        "--enable-api",
        action="store_true",
        help=f"also serve Rasa's HTTP API on the chat port; requires the token in ${API_TOKEN_VARIABLE}",
    )
    args = parser.parse_args(argv)
    if args.enable_api and not os.environ.get(API_TOKEN_VARIABLE, "").strip():
        print(f"--enable-api needs a token: set {API_TOKEN_VARIABLE} (e.g. $(openssl rand -hex 16)).", file=sys.stderr)
        return 1
    if not port_is_free(args.port, args.host):
        print(f"Port {args.port} is already in use; stop what runs there or pass --port.", file=sys.stderr)
        return 1
    for stop_signal in STOP_SIGNALS:
        signal.signal(stop_signal, _interrupt)
    log_dir = ROOT / "logs"
    logs = f"{log_dir.relative_to(ROOT)}/web-*.log"
    print(f"Starting the action server and the Rasa server (logs: {logs}) ...", flush=True)
    try:
        with full_stack(
            log_dir, args.port, args.host, enable_api=args.enable_api, log_prefix="web-", conversations=CONVERSATIONS_DB
        ) as stack:
            stored = CONVERSATIONS_DB.relative_to(ROOT)
            print(f"\nChat with the advisor at {stack.url}\nConversations are kept in {stored}.", flush=True)
            print("Press Ctrl-C to stop.\n", flush=True)
            while (dead := stack.dead()) is None:
                time.sleep(1)
            print(f"The {dead} stopped unexpectedly; see {logs}", file=sys.stderr)
            return 1
    except KeyboardInterrupt:
        print("\nStopped both servers.", flush=True)
        return 0
    except (RuntimeError, TimeoutError) as error:
        print(f"Could not start the stack: {error}. See {logs}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
