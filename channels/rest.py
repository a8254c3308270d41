"""The REST channel (``POST /webhooks/rest/webhook``): Rasa's, with an apology instead of silence.

A request whose body is not a JSON object with a string ``message`` (and, if given, a string
``sender``) is refused with 400 and the reason, before Rasa sees it: Rasa's own channel answers
some of those with a server error.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.resilience import resilient


def payload_problem(request: Request) -> Optional[str]:
    """Why a webhook request cannot be a user message, or None when it can."""
    try:
        body = request.json
    except SanicException:
        return "the body is not valid JSON"
    if not isinstance(body, dict):
        return 'the body must be a JSON object: {"sender": "...", "message": "..."}'
    if not isinstance(body.get("message"), str):
        return '"message" must be a string'
    sender = body.get("sender")
    if sender is not None and (not isinstance(sender, str) or not sender.strip()):
        return '"sender" must be a non-empty string'
    return None


class AdvisorRestInput(RestInput):
    """Rasa's ``rest`` channel (same name, URL and payload) whose turns never end in silence."""

    @classmethod
    def name(cls) -> str:
        """``rest``, so the webhook stays at /webhooks/rest/webhook."""
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's REST blueprint around the resilient handler, behind a check of the payload."""
        webhook = super().blueprint(resilient(on_new_message))

        @webhook.middleware("request")
        async def refuse_malformed(request: Request) -> Optional[HTTPResponse]:
            if request.method != "POST" or not request.path.endswith("/webhook"):
                return None
            problem = payload_problem(request)
            return response.json({"error": problem}, status=400) if problem else None

        return webhook
