"""Slack channel for the advisor: Rasa's SlackInput plus de-duplication and Slack formatting.

Used from credentials.yml as ``channels.slack.AdvisorSlackInput``. Rasa's signature check
(HMAC of the body with the signing secret, 300 s replay window) runs first on every request,
exactly as in ``SlackInput``. ``name()`` stays "slack", so the webhook is /webhooks/slack/webhook.

Retried events are recognised by their event id (and channel + timestamp). One server keeps them
in memory; several servers share them through Redis when the credentials name it
(``dedup_redis_url: ${ADVISOR_DEDUP_REDIS_URL}``, e.g. ``redis://127.0.0.1:6379/2``), so a retry
that reaches another server is not answered twice.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, List, Optional

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.resilience import resilient

logger = logging.getLogger(__name__)

_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^\s)]+)\)|(https?://[^\s<>]*[^\s<>.,;:!?)\]'\"])")
MAX_BUTTONS = 25  # Block Kit's limit for one actions block


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_mrkdwn(text: str) -> str:
    """Convert the bot's plain text (or light Markdown) to Slack mrkdwn.

    Escapes &, < and >, turns URLs into <url> links and [title](url) into <url|title>,
    **bold** into *bold*, and "- " / "* " list items into "• " bullets ("• " is kept).
    """
    parts, last = [], 0
    for match in _LINK.finditer(text):
        parts.append(_escape(text[last : match.start()]))
        title, url, bare = match.groups()
        parts.append(f"<{url}|{_escape(title)}>" if url else f"<{bare}>")
        last = match.end()
    parts.append(_escape(text[last:]))
    converted = re.sub(r"\*\*(.+?)\*\*", r"*\1*", "".join(parts))
    return re.sub(r"(?m)^[-*] ", "• ", converted)


class AdvisorSlackBot(SlackBot):
    """Rasa's SlackBot, posting mrkdwn text and Block Kit buttons as the app's bot user."""

    async def _post_message(self, channel: str, **kwargs: Any) -> None:
        kwargs.pop("as_user", None)  # new (granular) Slack apps reject as_user: invalid_arguments
        kwargs.pop("type", None)  # not a chat.postMessage argument
        kwargs.setdefault("unfurl_links", False)  # source links would otherwise expand into previews
        await super()._post_message(channel, **kwargs)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """Send text as mrkdwn; Rasa posts each paragraph (split on blank lines) separately."""
        await super().send_text_message(recipient_id, to_mrkdwn(text), **kwargs)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        """Send a mrkdwn section and an actions block; a click posts the button's payload back."""
        if len(buttons) > MAX_BUTTONS:
            return await self.send_text_message(recipient_id, text, **kwargs)
        elements = [
            {
                "type": "button",
                "action_id": f"button_{index}",
                "text": {"type": "plain_text", "text": button["title"][:75]},
                "value": button["payload"],
            }
            for index, button in enumerate(buttons)
        ]
        mrkdwn = to_mrkdwn(text)
        blocks = [
            {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn[:3000]}},
            {"type": "actions", "elements": elements},
        ]
        await self._post_message(self.slack_channel or recipient_id, text=mrkdwn, blocks=blocks)


class SeenEvents:
    """Event keys already received, in this process (a bounded LRU)."""

    capacity = 2048

    def __init__(self) -> None:
        self._seen: OrderedDict[str, None] = OrderedDict()

    async def check_and_add(self, keys: List[str]) -> bool:
        """Remember ``keys``; True if any was seen before."""
        seen = any(key in self._seen for key in keys)
        for key in keys:
            self._seen[key] = None
            self._seen.move_to_end(key)
        while len(self._seen) > self.capacity:
            self._seen.popitem(last=False)
        return seen


class RedisSeenEvents(SeenEvents):
    """Event keys already received by any server, shared through Redis (kept for a day)."""

    ttl_seconds = 24 * 3600
    prefix = "advisor:slack:seen:"

    def __init__(self, url: str) -> None:
        super().__init__()
        import redis.asyncio

        self.redis = redis.asyncio.from_url(url, socket_timeout=2)

    async def check_and_add(self, keys: List[str]) -> bool:
        """SET NX each key: a key that already existed was received before (by any server)."""
        pipe = self.redis.pipeline(transaction=False)
        for key in keys:
            pipe.set(self.prefix + key, "1", nx=True, ex=self.ttl_seconds)
        results = await pipe.execute()
        return not all(results)


class AdvisorSlackInput(SlackInput):
    """SlackInput that answers each Slack event once and replies in Slack's formatting."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._seen: SeenEvents = SeenEvents()

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        """Rasa's Slack settings, plus ``dedup_redis_url`` to share seen events between servers."""
        channel = super().from_credentials(credentials)
        assert isinstance(channel, AdvisorSlackInput)
        url = (credentials or {}).get("dedup_redis_url")
        if url:
            channel._seen = RedisSeenEvents(str(url))
        return channel

    async def _already_seen(self, keys: List[str]) -> bool:
        """Remember ``keys``; True if any was seen before (here, or by another server sharing Redis)."""
        try:
            return await self._seen.check_and_add(keys)
        except Exception:  # noqa: BLE001 - Redis down: answer rather than drop the event
            logger.exception("Could not check Slack event %s against Redis; handling it.", keys[0])
            return False

    @staticmethod
    def _event_keys(request: Request) -> List[str]:
        if request.headers.get("content-type") != "application/json":
            return []
        body = request.json or {}
        event = body.get("event") or {}
        keys = [f"event:{body['event_id']}"] if body.get("event_id") else []
        if event.get("channel") and event.get("ts"):
            # The same message can arrive as two events (e.g. message.channels and app_mention).
            keys.append(f"message:{event['channel']}:{event['ts']}")
        return keys

    async def process_message(
        self,
        request: Request,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: str,
        sender_id: Optional[str],
        metadata: Optional[Dict],
    ) -> Any:
        """Acknowledge a repeated event (any Slack retry, any reason) without handling it again."""
        keys = self._event_keys(request)
        if keys and await self._already_seen(keys):
            logger.info(
                "Slack event %s already received (retry #%s, reason %s): acknowledged, not processed.",
                keys[0],
                request.headers.get(self.retry_num_header),
                request.headers.get(self.retry_reason_header),
            )
            return response.text("", status=HTTPStatus.OK, headers={"X-Slack-No-Retry": "1"})
        return await super().process_message(request, on_new_message, text, sender_id, metadata)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's blueprint, answering Slack's URL check with the documented {"challenge": ...} body."""
        slack_webhook = super().blueprint(resilient(on_new_message))

        @slack_webhook.middleware("request")
        async def url_verification(request: Request) -> Optional[HTTPResponse]:
            if request.method != "POST" or request.headers.get("content-type") != "application/json":
                return None
            try:
                body = request.json
            except Exception:  # malformed JSON: Rasa's route answers it
                return None
            # Events go on to Rasa's route, which checks their signature itself.
            if not isinstance(body, dict) or body.get("type") != "url_verification":
                return None
            if not self.is_request_from_slack_authentic(request):
                return None  # Rasa's route rejects it with 400
            return response.json({"challenge": body.get("challenge")})

        return slack_webhook

    def get_output_channel(self, channel: Optional[str] = None, thread_id: Optional[str] = None) -> OutputChannel:
        """Reply through AdvisorSlackBot."""
        return AdvisorSlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.proxy)
