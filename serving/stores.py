"""Rasa's SQL tracker store and Redis lock store, refusing to start without their database.

Rasa 3.6's ``SQLTrackerStore`` logs "Could not create tables" and starts anyway when the
database is down (every conversation then silently falls back to memory), and with
``login_db`` it retries forever. These subclasses try for ``connect_timeout`` seconds
(default 10) and then stop the server with an error that names the database.

Two more fixes for several servers sharing the stores:

- Rasa's ``RedisLockStore`` changes a conversation's ticket lock with a plain GET then SET,
  so two servers handling the same conversation at once overwrite each other's tickets: a
  finished ticket comes back and blocks the conversation until it expires (60 s), or two
  messages are handled at the same time. ``CheckedRedisLockStore`` makes every change one
  Redis transaction (WATCH/MULTI/EXEC, retried on conflict).
- Servers starting together race to create the tables; here they take turns (a PostgreSQL
  advisory lock) instead of failing and retrying after 5 s.

    tracker_store:
      type: serving.stores.CheckedSQLTrackerStore
      dialect: postgresql
      ...
    lock_store:
      type: serving.stores.CheckedRedisLockStore
      url: 127.0.0.1
      ...
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import sqlalchemy as sa
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.core.tracker_store import SQLTrackerStore
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

DEFAULT_CONNECT_TIMEOUT = 10.0


class StoreUnavailable(SystemExit):
    """The database a store needs cannot be reached: the server stops with this message.

    A ``SystemExit``, because Rasa turns ordinary exceptions from a store into a
    fallback to memory or a warning, and the server would run without its database.
    """

    def __init__(self, message: str) -> None:
        logger.critical(message)
        super().__init__(message)


def _retry(check: Callable[[], None], what: str, timeout: float) -> None:
    """Run ``check`` until it succeeds or ``timeout`` seconds pass; then raise StoreUnavailable."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            check()
            return
        except Exception as error:  # noqa: BLE001 - any failure to connect is reported the same way
            if time.monotonic() >= deadline:
                reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
                raise StoreUnavailable(
                    f"{what} is unavailable after {timeout:.0f} s: {reason}. Start it (or fix the "
                    f"tracker_store/lock_store settings in the endpoints file) and start the server again."
                ) from error
            time.sleep(min(1.0, max(0.0, deadline - time.monotonic())))


def describe_sql(dialect: str, host: Optional[str], port: Optional[int], db: str) -> str:
    """A human name for the database, without credentials."""
    if dialect == "sqlite":
        return f"SQLite tracker store '{db}'"
    name = {"postgresql": "PostgreSQL"}.get(dialect, dialect)
    return f"{name} tracker store at {host or 'localhost'}:{port or 'default port'} (database '{db}')"


class CheckedSQLTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` that fails fast, naming the database, when it cannot be reached."""

    def __init__(
        self,
        domain: Any = None,
        dialect: str = "sqlite",
        host: Optional[str] = None,
        port: Optional[int] = None,
        db: str = "rasa.db",
        username: Optional[str] = None,
        password: Optional[str] = None,
        event_broker: Any = None,
        login_db: Optional[str] = None,
        query: Optional[Dict] = None,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        **kwargs: Any,
    ) -> None:
        """Check the database, then let Rasa's store create its tables."""
        port = int(port) if port not in (None, "") else None
        what = describe_sql(dialect, host, port, db)
        if dialect == "sqlite":
            folder = Path(db).resolve().parent
            folder.mkdir(parents=True, exist_ok=True)
            if not os.access(folder, os.W_OK):
                raise StoreUnavailable(f"{what} cannot be written: {folder} is not writable.")
        else:
            url = self.get_db_url(dialect, host, port, login_db or db, username, password, None, query)
            connect_args = {"connect_timeout": 3} if dialect == "postgresql" else {}
            engine = sa.create_engine(url, connect_args=connect_args, poolclass=sa.pool.NullPool)

            def connect() -> None:
                with engine.connect() as connection:
                    connection.execute(sa.text("SELECT 1"))

            try:
                _retry(connect, what, float(connect_timeout))
                if dialect == "postgresql" and not login_db:
                    with engine.connect() as connection:  # one server at a time creates the tables
                        connection.execute(sa.text("SELECT pg_advisory_lock(2205)"))
                        try:
                            self.Base.metadata.create_all(connection)
                        finally:
                            connection.execute(sa.text("SELECT pg_advisory_unlock(2205)"))
            finally:
                engine.dispose()
        super().__init__(domain, dialect, host, port, db, username, password, event_broker, login_db, query, **kwargs)
        if dialect == "sqlite":
            self._tune_sqlite()
        logger.info("Conversations are stored in the %s.", what)

    def _tune_sqlite(self) -> None:
        """Write-ahead log, synced at checkpoints, on one kept connection.

        A turn's commit no longer waits for the disk twice, nor opens the file anew.

        Nothing is lost when the server is killed (the log is in the file system); the last
        commits can be lost only if the machine itself loses power.
        """

        def tune(connection: Any, _: Any) -> None:
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        # One kept connection instead of Rasa's new one per read or write (SQLAlchemy's NullPool
        # for SQLite files); the server handles one request at a time on one thread.
        self.engine.dispose()
        self.engine = sa.create_engine(
            self.engine.url, poolclass=sa.pool.StaticPool, connect_args={"check_same_thread": False}
        )
        sa.event.listen(self.engine, "connect", tune)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)


class CheckedRedisLockStore(RedisLockStore):
    """Rasa's ``RedisLockStore`` (same settings) that checks Redis answers before the server starts."""

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        """Accept Rasa's custom-store call (``endpoint_config=``) as well as keyword settings."""
        settings: Dict[str, Any] = dict(kwargs)
        if endpoint_config is not None:
            settings = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs}
        timeout = float(settings.pop("connect_timeout", DEFAULT_CONNECT_TIMEOUT))
        settings.pop("type", None)
        if "port" in settings:
            settings["port"] = int(settings["port"])
        if "db" in settings:
            settings["db"] = int(settings["db"])
        super().__init__(**settings)
        what = f"Redis lock store at {settings.get('host', 'localhost')}:{settings.get('port', 6379)}"
        _retry(self.red.ping, what, timeout)
        logger.info("Conversation locks are held in the %s.", what)

    def _atomically(
        self,
        conversation_id: str,
        change: Callable[[Optional[TicketLock]], Tuple[str, Any]],
        create: bool = False,
        lifetime: float = LOCK_LIFETIME,
    ) -> Any:
        """Read the lock, ``change`` it and write it back as one transaction (retried on conflict).

        ``change`` returns ("set", result), ("delete", result) or ("keep", result). With
        ``create`` the change is issuing a ticket (the lock is created if missing).
        """
        key = self.key_prefix + conversation_id
        outcome: List[Any] = [None]

        def transaction(pipe: Any) -> None:
            raw = pipe.get(key)
            lock = TicketLock.from_dict(json.loads(raw)) if raw else None
            if create:
                lock = lock or self.create_lock(conversation_id)
                action, outcome[0] = "set", lock.issue_ticket(lifetime)
            else:
                action, outcome[0] = change(lock)
            pipe.multi()
            if action == "set" and lock is not None:
                pipe.set(key, lock.dumps())
            elif action == "delete":
                pipe.delete(key)

        self.red.transaction(transaction, key)
        return outcome[0]

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """A new ticket in the conversation's queue (the lock is created if none exists)."""
        try:
            return int(self._atomically(conversation_id, lambda _: ("keep", 0), create=True, lifetime=lock_lifetime))
        except Exception as error:  # noqa: BLE001 - Rasa's contract: a LockError
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        """Drop expired tickets."""

        def change(lock: Optional[TicketLock]) -> Tuple[str, None]:
            if lock is None:
                return "keep", None
            lock.remove_expired_tickets()
            return "set", None

        self._atomically(conversation_id, change)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        """Remove a served ticket."""

        def change(lock: Optional[TicketLock]) -> Tuple[str, None]:
            if lock is None:
                return "keep", None
            lock.remove_ticket_for(ticket_number)
            return "set", None

        self._atomically(conversation_id, change)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Remove a served ticket, and the lock once nobody waits: in one transaction."""

        def change(lock: Optional[TicketLock]) -> Tuple[str, None]:
            if lock is None:
                return "keep", None
            lock.remove_ticket_for(ticket_number)
            return ("set" if lock.is_someone_waiting() else "delete"), None

        self._atomically(conversation_id, change)
