"""Shared fixtures: the real action server and Rasa server, started once per run."""

import json
import urllib.parse
import urllib.request
import uuid
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest

from scripts.stack import Stack, full_stack

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


class RestClient:
    """Talks to the bot like the REST channel's users do, one sender per client."""

    def __init__(self, port: int, api_token: Optional[str] = None) -> None:
        self.port = port
        self.api_token = api_token
        self.sender = f"test-{uuid.uuid4().hex[:8]}"

    def say(self, text: str) -> List[Dict[str, Any]]:
        body = json.dumps({"sender": self.sender, "message": text}).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/webhooks/rest/webhook",
            data=body,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    def text(self, message: str) -> str:
        return "\n".join(m.get("text", "") for m in self.say(message))

    def slot(self, name: str) -> Any:
        return self.tracker()["slots"].get(name)

    def tracker(self) -> Dict[str, Any]:
        """The conversation's tracker, read through Rasa's HTTP API (with its token)."""
        query = urllib.parse.urlencode({"token": self.api_token or ""})
        url = f"http://127.0.0.1:{self.port}/conversations/{self.sender}/tracker?{query}"
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.loads(response.read())


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    """One action server and one Rasa server (REST and web chat) for the whole run.

    Conversations go to a fresh SQLite file, as in `make run`.
    """
    database = ARTIFACTS / "conversations.sqlite"
    database.parent.mkdir(parents=True, exist_ok=True)
    database.unlink(missing_ok=True)
    with full_stack(ARTIFACTS / "logs", conversations=database) as running:
        yield running


@pytest.fixture
def client(stack: Stack) -> RestClient:
    return RestClient(stack.rasa_port, stack.api_token)
