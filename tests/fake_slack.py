"""A local fake of the Slack Web API for offline tests.

Serves https://slack.com/api/<method> look-alikes on http://127.0.0.1:<port>/api/<method> from a
thread, answers like Slack ({"ok": true, ...}; {"ok": false, "error": "not_authed" | "invalid_auth"}
without the right bot token) and records every call: method, body (JSON or form) and the
Authorization header.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional
from urllib.parse import parse_qsl

BOT_USER_ID = "UADVISORBOT"


@dataclass(frozen=True)
class Call:
    method: str
    body: Dict[str, Any]
    authorization: str
    content_type: str


class FakeSlack:
    """The fake API; use as a context manager, point the bot at ``base_url``."""

    def __init__(self, token: str) -> None:
        self.token = token
        self._calls: List[Call] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/api/"

    def __enter__(self) -> FakeSlack:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def calls(self, method: Optional[str] = None) -> List[Call]:
        with self._lock:
            return [call for call in self._calls if method is None or call.method == method]

    def posts(self, channel: str) -> List[Dict[str, Any]]:
        """Bodies of the chat.postMessage calls to ``channel``, in order."""
        return [call.body for call in self.calls("chat.postMessage") if call.body.get("channel") == channel]

    def wait_for_posts(self, channel: str, count: int, timeout: float = 60.0) -> List[Dict[str, Any]]:
        """Poll until ``channel`` has at least ``count`` posts; return them all."""
        return self.wait_until(channel, lambda posts: len(posts) >= count, timeout, f"{count} post(s)")

    def wait_until(
        self, channel: str, condition: Callable[[List[Dict[str, Any]]], bool], timeout: float = 60.0, what: str = ""
    ) -> List[Dict[str, Any]]:
        """Poll until ``condition(posts in channel)`` holds; return those posts."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.posts(channel)
            if condition(found):
                return found
            if time.monotonic() > deadline:
                waited = f"{timeout:.0f} s waiting for {what or 'posts'} in {channel}"
                raise AssertionError(f"timed out after {waited}; got {found!r}")
            time.sleep(0.1)

    def _answer(self, method: str, body: Dict[str, Any], authorization: str) -> Dict[str, Any]:
        if not authorization.startswith("Bearer "):
            return {"ok": False, "error": "not_authed"}
        if authorization != f"Bearer {self.token}":
            return {"ok": False, "error": "invalid_auth"}
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://fake.slack.test/",
                "team": "Test",
                "user": "advisor",
                "team_id": "T0TEST",
                "user_id": BOT_USER_ID,
                "bot_id": "B0TEST",
            }
        if method == "chat.postMessage":
            if not body.get("channel") or not (body.get("text") or body.get("blocks") or body.get("attachments")):
                return {"ok": False, "error": "no_text" if body.get("channel") else "channel_not_found"}
            ts = f"{time.time():.6f}"
            message = {"type": "message", "user": BOT_USER_ID, "bot_id": "B0TEST", "ts": ts, "text": body.get("text")}
            return {"ok": True, "channel": body["channel"], "ts": ts, "message": message}
        return {"ok": True}

    def _handler(self) -> type:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                content_type = self.headers.get("Content-Type", "")
                if content_type.startswith("application/json"):
                    body = json.loads(raw or b"{}")
                else:
                    body = dict(parse_qsl(raw.decode("utf-8")))
                method = self.path.rsplit("/", 1)[-1].split("?", 1)[0]
                authorization = self.headers.get("Authorization", "")
                with fake._lock:
                    fake._calls.append(Call(method, body, authorization, content_type))
                payload = json.dumps(fake._answer(method, body, authorization)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *_: Any) -> None:
                pass

        return Handler
