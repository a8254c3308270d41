"""The scale-out configuration on one machine: `make run-cluster` (and the cluster test and benchmark).

Rasa's production design, with Debian's servers on loopback:

    users --> HAProxy :8000 --> Rasa server 1 --+--> HAProxy (actions) --> action server 1
                            \\-> Rasa server 2 --+                      \\-> action server 2
              both Rasa servers: PostgreSQL (tracker store), Redis (lock store, Slack seen events)

Every file a server reads is the deployment's own: deploy/endpoints.cluster.yml,
deploy/credentials.cluster.yml and deploy/haproxy.cfg, filled from environment variables.
Missing Debian packages (postgresql, redis-server, haproxy) are installed with apt-get
(as root, or with sudo). Ctrl-C stops everything.

    python -m scripts.cluster [--port 8000] [--data state/cluster]
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Dict, Iterator, List, Optional

from scripts.stack import ROOT, action_server, free_port, rasa_command, start, stop, wait_for

DEPLOY = ROOT / "deploy"
ENDPOINTS = DEPLOY / "endpoints.cluster.yml"
CREDENTIALS = DEPLOY / "credentials.cluster.yml"
HAPROXY_CFG = DEPLOY / "haproxy.cfg"
APT_PACKAGES = {
    "postgresql": "/usr/lib/postgresql/*/bin/postgres",
    "redis-server": "redis-server",
    "haproxy": "haproxy",
}
DB_NAME, DB_USER = "rasa", "rasa"


def _found(binary: str) -> bool:
    return bool(glob.glob(binary)) if "/" in binary else shutil.which(binary, path=_path()) is not None


def _path() -> str:
    return os.environ.get("PATH", "") + os.pathsep + "/usr/sbin:/sbin"


def ensure_packages() -> None:
    """Install the Debian packages the cluster runs on, if missing (as root, or with sudo)."""
    missing = [package for package, binary in APT_PACKAGES.items() if not _found(binary)]
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    print(f"Installing {' '.join(missing)} with apt-get ...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True, env=env)
    # Debian starts the services it installs; the cluster runs its own on other ports.
    for service in ("postgresql", "redis-server", "haproxy"):
        subprocess.run([*sudo, "service", service, "stop"], capture_output=True, check=False)


def _postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(p.split("/")[4]))
    if not found:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    return Path(found[-1]).parent


def _as_postgres() -> Dict[str, Any]:
    """PostgreSQL refuses to run as root: run it as Debian's postgres user then (Popen's user/group)."""
    return {"user": "postgres", "group": "postgres", "extra_groups": []} if os.geteuid() == 0 else {}


def _wait_port(port: int, process: subprocess.Popen, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with code {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{what} did not listen on port {port} within {timeout:.0f} s")


@dataclass
class Database:
    """Where the PostgreSQL tracker store is."""

    host: str
    port: int
    name: str
    user: str
    password: str

    def dsn(self) -> str:
        """A libpq connection string."""
        return f"host={self.host} port={self.port} dbname={self.name} user={self.user} password={self.password}"


@contextmanager
def postgres(data: Path, log: IO[bytes], port: Optional[int] = None) -> Iterator[Database]:
    """A PostgreSQL server on 127.0.0.1 with its data in ``data`` (created on first use)."""
    bin_dir, port = _postgres_bin(), port or free_port()
    data.mkdir(parents=True, exist_ok=True)
    password_file = data / "rasa-password"
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
        data.chmod(0o700)
    cluster = data / "pgdata"
    if not (cluster / "PG_VERSION").exists():
        subprocess.run(
            [str(bin_dir / "initdb"), "-D", str(cluster), "-U", "postgres", "--auth-local=trust",
             "--auth-host=scram-sha-256", "-E", "UTF8"],
            check=True, stdout=log, stderr=subprocess.STDOUT, cwd="/", **_as_postgres(),
        )  # fmt: skip
    sockets = data / "run"
    sockets.mkdir(exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(sockets, "postgres", "postgres")
    process = subprocess.Popen(
        [str(bin_dir / "postgres"), "-D", str(cluster), "-p", str(port), "-k", str(sockets),
         "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=100"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd="/", **_as_postgres(),
    )  # fmt: skip
    try:
        _wait_port(port, process, "PostgreSQL")
        psql = [str(bin_dir / "psql"), "-h", str(sockets), "-p", str(port), "-U", "postgres", "-qtA"]
        as_postgres = {"cwd": "/", **_as_postgres()}
        for _ in range(50):  # accepting TCP before it accepts logins
            if subprocess.run([*psql, "-c", "SELECT 1"], capture_output=True, **as_postgres).returncode == 0:
                break
            time.sleep(0.2)
        if not password_file.exists():
            password_file.write_text(os.urandom(12).hex())
            password_file.chmod(0o600)
        password = password_file.read_text().strip()

        def sql(statement: str) -> str:
            done = subprocess.run([*psql, "-c", statement], capture_output=True, text=True, check=True, **as_postgres)
            return done.stdout.strip()

        verb = "ALTER" if sql(f"SELECT 1 FROM pg_roles WHERE rolname = '{DB_USER}'") else "CREATE"
        sql(f"{verb} ROLE {DB_USER} LOGIN PASSWORD '{password}'")
        if not sql(f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}'"):
            sql(f"CREATE DATABASE {DB_NAME} OWNER {DB_USER}")
        yield Database("127.0.0.1", port, DB_NAME, DB_USER, password)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)  # PostgreSQL's fast shutdown
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def redis(log: IO[bytes], port: Optional[int] = None) -> Iterator[int]:
    """A Redis server on 127.0.0.1 that keeps nothing on disk (locks and seen events only)."""
    port = port or free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        _wait_port(port, process, "Redis")
        yield port
    finally:
        stop(process)


@contextmanager
def haproxy(env: Dict[str, str], log: IO[bytes], chat_port: int, actions_port: int) -> Iterator[subprocess.Popen]:
    """HAProxy with deploy/haproxy.cfg, in the foreground (-db)."""
    binary = shutil.which("haproxy", path=_path()) or "haproxy"
    process = subprocess.Popen(
        [binary, "-f", str(HAPROXY_CFG), "-db"], env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    try:
        _wait_port(chat_port, process, "HAProxy")
        _wait_port(actions_port, process, "HAProxy")
        yield process
    finally:
        stop(process)


@dataclass
class Cluster:
    """The running cluster and where to reach it."""

    chat_port: int
    rasa_ports: List[int]
    action_ports: List[int]
    database: Database
    redis_port: int
    rasa: List[subprocess.Popen] = field(default_factory=list)
    actions: List[subprocess.Popen] = field(default_factory=list)

    @property
    def url(self) -> str:
        """The load balancer: the chat page and every webhook."""
        return f"http://127.0.0.1:{self.chat_port}"

    @property
    def server_urls(self) -> List[str]:
        """Each Rasa server, straight (bypassing the load balancer)."""
        return [f"http://127.0.0.1:{port}" for port in self.rasa_ports]

    def dead(self) -> Optional[str]:
        """The name of a server that has exited, if any."""
        for name, processes in (("Rasa server", self.rasa), ("action server", self.actions)):
            if any(process.poll() is not None for process in processes):
                return name
        return None


def server_environment(database: Database, redis_port: int, actions_url: str) -> Dict[str, str]:
    """The variables deploy/endpoints.cluster.yml and deploy/credentials.cluster.yml read."""
    return {
        "ACTION_SERVER_URL": actions_url,
        "DB_HOST": database.host,
        "DB_PORT": str(database.port),
        "DB_NAME": database.name,
        "DB_USER": database.user,
        "DB_PASSWORD": database.password,
        "REDIS_HOST": "127.0.0.1",
        "REDIS_PORT": str(redis_port),
        "ADVISOR_DEDUP_REDIS_URL": f"redis://127.0.0.1:{redis_port}/2",
    }


@contextmanager
def cluster(
    log_dir: Path,
    data: Optional[Path] = None,
    chat_port: Optional[int] = None,
    servers: int = 2,
    env: Optional[Dict[str, str]] = None,
    command: Optional[List[str]] = None,
) -> Iterator[Cluster]:
    """Start PostgreSQL, Redis, the action servers, the Rasa servers and HAProxy; stop them all on exit.

    ``env`` adds to the Rasa servers' environment (Slack's secrets); ``command`` replaces
    their ``rasa`` executable (the tests' Slack entry point).
    """
    ensure_packages()
    log_dir.mkdir(parents=True, exist_ok=True)
    with ExitStack() as exits:
        work = Path(exits.enter_context(tempfile.TemporaryDirectory()))
        work.chmod(0o711)  # PostgreSQL's own user must reach its data folder inside

        def log(name: str) -> IO[bytes]:
            return exits.enter_context(open(log_dir / f"cluster-{name}.log", "wb"))

        if data is None:
            data = work / "data"
        database = exits.enter_context(postgres(data / "postgresql", log("postgresql")))
        redis_port = exits.enter_context(redis(log("redis")))
        chat_port, actions_lb = chat_port or free_port(), free_port()
        rasa_ports = [free_port() for _ in range(servers)]
        action_ports = [free_port() for _ in range(servers)]
        env = {**server_environment(database, redis_port, f"http://127.0.0.1:{actions_lb}/webhook"), **(env or {})}
        actions = [
            exits.enter_context(action_server(port, log(f"actions{number}")))
            for number, port in enumerate(action_ports, 1)
        ]
        rasa = []
        for number, port in enumerate(rasa_ports, 1):
            folder = work / f"rasa{number}"
            folder.mkdir()
            args = rasa_command(
                port, folder, extra_args=["--interface", "127.0.0.1"], enable_api=False, env=env,
                command=command, endpoints=ENDPOINTS, credentials=CREDENTIALS,
            )  # fmt: skip
            process = start(args, log(f"rasa{number}"), env)
            exits.callback(stop, process)
            rasa.append(process)
        for port, process in zip(rasa_ports, rasa, strict=False):
            wait_for(f"http://127.0.0.1:{port}/webhooks/rest/", process)
        balancer_env = {
            "CHAT_BIND": f"127.0.0.1:{chat_port}",
            "ACTIONS_BIND": f"127.0.0.1:{actions_lb}",
            "RASA1": f"127.0.0.1:{rasa_ports[0]}",
            "RASA2": f"127.0.0.1:{rasa_ports[-1]}",
            "ACTIONS1": f"127.0.0.1:{action_ports[0]}",
            "ACTIONS2": f"127.0.0.1:{action_ports[-1]}",
        }
        exits.enter_context(haproxy(balancer_env, log("haproxy"), chat_port, actions_lb))
        wait_for(f"http://127.0.0.1:{chat_port}/webhooks/rest/", rasa[0])
        yield Cluster(chat_port, rasa_ports, action_ports, database, redis_port, rasa, actions)


def main(argv: Optional[List[str]] = None) -> int:
    """Run the cluster until Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8000, help="the load balancer's port (default 8000)")
    parser.add_argument("--data", type=Path, default=ROOT / "state" / "cluster", help="PostgreSQL's data folder")
    args = parser.parse_args(argv)
    for stop_signal in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop_signal, signal.default_int_handler)
    logs = ROOT / "logs"
    print("Starting PostgreSQL, Redis, 2 action servers, 2 Rasa servers and HAProxy (logs: logs/cluster-*.log) ...")
    try:
        with cluster(logs, args.data, args.port) as running:
            print(f"\nChat with the advisor at {running.url}/ (Rasa servers: {', '.join(running.server_urls)})")
            database = f"{running.database.host}:{running.database.port}"
            print(f"Conversations: PostgreSQL {database}; locks: Redis :{running.redis_port}")
            print("Press Ctrl-C to stop.\n", flush=True)
            while (dead := running.dead()) is None:
                time.sleep(1)
            print(f"A {dead} stopped unexpectedly; see logs/cluster-*.log", file=sys.stderr)
            return 1
    except KeyboardInterrupt:
        print("\nStopped the cluster.")
        return 0
    except (RuntimeError, TimeoutError, subprocess.CalledProcessError) as error:
        print(f"Could not start the cluster: {error}. See logs/cluster-*.log", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
