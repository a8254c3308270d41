"""Scripted conversations shared by the survival and cluster tests and `make bench-load`.

Each is what a user sends, in order, with the text one reply must contain. The answers to
the recommendation's questions are the questions' own button payloads, so the scripts hold
whatever wording the bot uses for its questions.
"""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

RECOMMENDATION = "My recommendation:"
SOURCE = "Source"


@dataclass(frozen=True)
class Script:
    """A conversation: (message, text expected in the reply or None) pairs and the credential it ends with."""

    name: str
    turns: Tuple[Tuple[str, Optional[str]], ...]
    credential: str


CERTIFICATE = Script(
    "certificate",
    (
        ("hi", None),
        ("help me choose", None),
        ('/inform{"goal":"skills"}', None),
        ("/deny", None),
        ("how much does a micromasters cost?", SOURCE),
        ('/inform{"weekly_hours":"4"}', None),
        ('/inform{"budget":"499"}', None),
        ('/inform{"subject":"data science"}', f"{RECOMMENDATION} a Professional Certificate program"),
        ("do professional certificates give credit?", SOURCE),
    ),
    "professional_certificate",
)

MICROMASTERS = Script(
    "micromasters",
    (
        ("hello", None),
        ("how long does a micromasters take", SOURCE),
        ("help me choose", None),
        ('/inform{"goal":"graduate"}', None),
        ("/affirm", None),
        ('/inform{"weekly_hours":"12"}', None),
        ('/inform{"budget":"1499"}', None),
        ('/inform{"subject":"supply chain"}', f"{RECOMMENDATION} a MicroMasters program"),
        ("are edx certificates recognised by employers", SOURCE),
    ),
    "micromasters",
)

SCRIPTS = (CERTIFICATE, MICROMASTERS)


def send(base_url: str, sender: str, message: Any, timeout: float = 60.0) -> List[Dict[str, Any]]:
    """POST one message to the REST webhook at ``base_url``; the bot's replies."""
    body = json.dumps({"sender": sender, "message": message}).encode()
    request = urllib.request.Request(
        f"{base_url.rstrip('/')}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return list(json.loads(response.read()))


def reply_text(replies: List[Dict[str, Any]]) -> str:
    """The replies' texts, one per line."""
    return "\n".join(str(reply.get("text", "")) for reply in replies)
