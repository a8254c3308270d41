"""Start the action server in the background and chat in the terminal (rasa shell).

Conversations are stored in state/conversations.sqlite, as with `make run`.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.credentials import effective_credentials
from scripts.stack import (
    BIN,
    CONVERSATIONS_DB,
    MODEL,
    ROOT,
    action_server,
    endpoints_file,
    environment,
    free_port,
    sqlite_store,
)


def _stop(signum: int, frame: object) -> None:
    """A closed terminal (SIGHUP) or SIGTERM still stops the action server."""
    raise SystemExit(128 + signum)


def main() -> int:
    signal.signal(signal.SIGHUP, _stop)
    signal.signal(signal.SIGTERM, _stop)
    port = free_port()
    log_path = ROOT / "logs" / "actions.log"
    log_path.parent.mkdir(exist_ok=True)
    print(f"Starting the action server (log: {log_path.relative_to(ROOT)}) ...", flush=True)
    with open(log_path, "wb") as log, action_server(port, log), tempfile.TemporaryDirectory() as tmp:
        print("Loading the bot; type /stop to quit.", flush=True)
        shell = [
            str(BIN / "rasa"),
            "shell",
            "--model",
            str(MODEL),
            "--port",
            str(free_port()),
            "--endpoints",
            str(endpoints_file(port, Path(tmp), sqlite_store(CONVERSATIONS_DB))),
            "--credentials",
            str(effective_credentials(ROOT / "credentials.yml", Path(tmp))),
        ]
        return subprocess.call(shell, cwd=ROOT, env=environment())


if __name__ == "__main__":
    sys.exit(main())
