"""The REST channel (``POST /webhooks/rest/webhook``): Rasa's, with an apology instead of silence."""

from __future__ import annotations

from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint

from channels.resilience import resilient


class AdvisorRestInput(RestInput):
    """Rasa's ``rest`` channel (same name, URL and payload) whose turns never end in silence."""

    @classmethod
    def name(cls) -> str:
        """``rest``, so the webhook stays at /webhooks/rest/webhook."""
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's REST blueprint around the resilient handler."""
        return super().blueprint(resilient(on_new_message))
