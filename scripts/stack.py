"""Start and stop the real servers: the action server and the Rasa server.

Used by `make run`, `make chat`, the end-to-end and browser tests and the benchmarks, so that all of
them run the bot exactly the same way.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Dict, Iterator, List, Optional, Union

import yaml

from scripts.credentials import effective_credentials

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MODEL = ROOT / "models" / "advisor.tar.gz"
# Where `make run` and `make chat` keep conversations (ignored by git): they survive a restart.
CONVERSATIONS_DB = ROOT / "state" / "conversations.sqlite"
TRACKER_STORE_CLASS = "serving.stores.CheckedSQLTrackerStore"
LOCK_STORE_CLASS = "serving.stores.CheckedRedisLockStore"
# Rasa's HTTP API, when enabled, takes this token (`?token=...`); without one it is refused.
API_TOKEN_VARIABLE = "RASA_AUTH_TOKEN"


# Serving processes run NumPy's BLAS and TensorFlow on one thread each: a turn's matrices are
# small, and with requests (or servers) running side by side on 2 cores, more threads only
# contend (the sentence encoder took 21.6 ms a message with OpenBLAS's 2 threads on a busy
# machine, 10.7 ms with one; docs/benchmarks.md). Set any of them to override.
SERVING_THREADS = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "TF_INTRA_OP_PARALLELISM_THREADS": "1",
    "TF_INTER_OP_PARALLELISM_THREADS": "1",
}


def sqlite_store(path: Path) -> Dict[str, Any]:
    """The tracker store settings for Rasa's SQL store on a SQLite file."""
    return {"type": TRACKER_STORE_CLASS, "dialect": "sqlite", "db": str(path)}


def fresh_db(name: str) -> Path:
    """An empty SQLite file results/<name>-conversations.sqlite for a benchmark's conversations."""
    path = ROOT / "results" / f"{name}-conversations.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    return path


def environment(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    env = dict(os.environ)
    env.update(
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="2",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        PYTHONUNBUFFERED="1",
        PYTHONWARNINGS="ignore::DeprecationWarning",
    )
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        env.pop(proxy, None)
    env.update(extra or {})
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, process: subprocess.Popen, timeout: float = 180.0) -> None:
    """Poll ``url`` until it answers; fail early if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


def _start(args: List[str], log: IO[bytes], env: Optional[Dict[str, str]] = None) -> subprocess.Popen:
    threads = {name: value for name, value in SERVING_THREADS.items() if name not in os.environ}
    return subprocess.Popen(
        args, cwd=ROOT, env=environment({**threads, **(env or {})}), stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def endpoints_file(
    action: Union[int, str],
    directory: Path,
    tracker_store: Optional[Dict[str, Any]] = None,
    lock_store: Optional[Dict[str, Any]] = None,
) -> Path:
    """Write an endpoints file: the action server (a port on loopback, or a URL) and the stores.

    Without ``tracker_store`` conversations are kept in memory only (``rasa shell`` in the tests).
    """
    url = action if isinstance(action, str) else f"http://127.0.0.1:{action}/webhook"
    config: Dict[str, Any] = {"action_endpoint": {"url": url}}
    if tracker_store:
        config["tracker_store"] = tracker_store
    if lock_store:
        config["lock_store"] = lock_store
    path = directory / "endpoints.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


@contextmanager
def action_server(
    port: int, log: IO[bytes], env: Optional[Dict[str, str]] = None, host: str = "127.0.0.1"
) -> Iterator[subprocess.Popen]:
    """The action server on ``host:port`` (loopback by default: only the Rasa server calls it)."""
    process = _start(
        [str(BIN / "rasa"), "run", "actions", "--port", str(port)], log, {"SANIC_HOST": host, **(env or {})}
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/health", process)
        yield process
    finally:
        stop(process)


def rasa_command(
    port: int,
    directory: Path,
    action_port: int = 0,
    extra_args: Optional[List[str]] = None,
    enable_api: bool = True,
    env: Optional[Dict[str, str]] = None,
    command: Optional[List[str]] = None,
    tracker_store: Optional[Dict[str, Any]] = None,
    api_token: Optional[str] = None,
    endpoints: Optional[Path] = None,
    credentials: Optional[Path] = None,
) -> List[str]:
    """The `rasa run` command line; its endpoints and credentials files are written into ``directory``.

    ``env`` is what the server will run with (it decides whether Slack is enabled);
    ``command`` replaces the ``rasa`` executable (the Slack tests' entry point);
    ``tracker_store`` is where conversations are kept (default: in memory);
    ``endpoints`` replaces the generated endpoints file, ``credentials`` credentials.yml.
    With ``enable_api`` the HTTP API requires ``api_token`` (or $RASA_AUTH_TOKEN).
    """
    if enable_api:
        api_token = api_token or os.environ.get(API_TOKEN_VARIABLE)
        if not api_token:
            raise ValueError(f"Rasa's HTTP API needs a token: set {API_TOKEN_VARIABLE}")
    return [
        *(command or [str(BIN / "rasa")]),
        "run",
        "--model",
        str(MODEL),
        "--port",
        str(port),
        *(["--enable-api", "--auth-token", str(api_token)] if enable_api else []),
        "--endpoints",
        str(endpoints or endpoints_file(action_port, directory, tracker_store)),
        "--credentials",
        str(effective_credentials(credentials or ROOT / "credentials.yml", directory, environment(env))),
        *(extra_args or []),
    ]


def start(args: List[str], log: IO[bytes], env: Optional[Dict[str, str]] = None) -> subprocess.Popen:
    """Start a server process in the project folder, in its own session, logging to ``log``."""
    return _start(args, log, env)


@contextmanager
def rasa_server(
    port: int,
    action_port: int,
    log: IO[bytes],
    extra_args: Optional[List[str]] = None,
    enable_api: bool = True,
    env: Optional[Dict[str, str]] = None,
    command: Optional[List[str]] = None,
    tracker_store: Optional[Dict[str, Any]] = None,
    api_token: Optional[str] = None,
    endpoints: Optional[Path] = None,
    credentials: Optional[Path] = None,
) -> Iterator[subprocess.Popen]:
    """Rasa server on ``port`` (see :func:`rasa_command`); ready when the REST channel answers."""
    with tempfile.TemporaryDirectory() as tmp:
        args = rasa_command(
            port,
            Path(tmp),
            action_port,
            extra_args,
            enable_api,
            env,
            command,
            tracker_store,
            api_token,
            endpoints,
            credentials,
        )
        process = _start(args, log, env)
        try:
            wait_for(f"http://127.0.0.1:{port}/webhooks/rest/", process)
            yield process
        finally:
            stop(process)


@dataclass
class Stack:
    """The running servers and where to reach them."""

    rasa_port: int
    action_port: int
    rasa: subprocess.Popen
    actions: subprocess.Popen
    api_token: Optional[str] = None

    @property
    def url(self) -> str:
        """The web chat page (channels/webchat.py serves it at the root)."""
        return f"http://localhost:{self.rasa_port}/"

    def dead(self) -> Optional[str]:
        """The name of a server that has exited, if any."""
        for name, process in (("Rasa server", self.rasa), ("action server", self.actions)):
            if process.poll() is not None:
                return name
        return None


@contextmanager
def full_stack(
    log_dir: Path,
    port: Optional[int] = None,
    host: str = "127.0.0.1",
    enable_api: bool = True,
    log_prefix: str = "",
    conversations: Optional[Path] = CONVERSATIONS_DB,
    api_token: Optional[str] = None,
) -> Iterator[Stack]:
    """Action server plus Rasa server with every channel in credentials.yml; stops both on exit.

    Conversations are kept in the SQLite file ``conversations`` (None: in memory).
    The tests read the tracker through Rasa's HTTP API, with a token made up for the
    run; `make run` turns the API off so that the chat port serves only the page,
    the socket and the webhooks.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    action_port, rasa_port = free_port(), port or free_port()
    token = (api_token or os.environ.get(API_TOKEN_VARIABLE) or secrets.token_hex(16)) if enable_api else None
    store = sqlite_store(conversations) if conversations else None
    with (
        open(log_dir / f"{log_prefix}actions.log", "wb") as action_log,
        open(log_dir / f"{log_prefix}rasa.log", "wb") as rasa_log,
        action_server(action_port, action_log) as actions,
        rasa_server(
            rasa_port,
            action_port,
            rasa_log,
            extra_args=["--interface", host],
            enable_api=enable_api,
            tracker_store=store,
            api_token=token,
        ) as rasa,
    ):
        yield Stack(rasa_port, action_port, rasa, actions, token)
