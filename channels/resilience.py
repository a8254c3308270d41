"""Never silence: an apology when a turn ends without a reply, and a time limit on the action server.

Rasa 3.6 waits up to 5 minutes for the action server and, when a custom action fails
(server stopped, slow or broken), logs the error and sends nothing. Every channel of the
advisor wraps its message handler with :func:`resilient`:

- the action server's calls get a time limit (``ADVISOR_ACTION_TIMEOUT`` seconds, default 5)
  and share one pooled HTTP session (Rasa opens a new one for every call);
- a message longer than ``ADVISOR_MAX_MESSAGE_CHARS`` (default 2,000) is read as its first
  2,000 characters: reading 20,000 took over 4 s of the server's single thread, during which
  every other conversation waited;
- control characters (other than tab and line breaks) are dropped before the message is read:
  a NUL made Duckling's native code panic, which no ``except Exception`` catches, and the
  request was dropped without a reply;
- a turn that sent no message (the action failed, timed out, or Rasa raised) gets
  :data:`APOLOGY`, so the user hears something within a few seconds. The conversation is
  not changed: once the action server is back, the next message is answered as usual.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from typing import Any, Awaitable, Callable, Dict, Optional

import aiohttp
from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.utils.endpoints import EndpointConfig
from sanic import Sanic

from serving import speedups

logger = logging.getLogger(__name__)

APOLOGY = (
    "Sorry, I can't answer that right now: part of me is not responding. "
    "Please try again in a moment; what you told me so far is kept."
)
DEFAULT_ACTION_TIMEOUT = 5.0
ACTION_TIMEOUT_VARIABLE = "ADVISOR_ACTION_TIMEOUT"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CHECK_EVERY = 0.25  # seconds between checks of an action call
DEFAULT_MAX_MESSAGE_CHARS = 2000
MAX_MESSAGE_CHARS_VARIABLE = "ADVISOR_MAX_MESSAGE_CHARS"


def _number(variable: str, default: float, minimum: float) -> float:
    try:
        return max(minimum, float(os.environ.get(variable, default)))
    except ValueError:
        return default


def action_timeout() -> float:
    """Seconds to wait for the action server (``ADVISOR_ACTION_TIMEOUT``, default 5)."""
    return _number(ACTION_TIMEOUT_VARIABLE, DEFAULT_ACTION_TIMEOUT, 0.1)


def max_message_chars() -> int:
    """How much of a message is read (``ADVISOR_MAX_MESSAGE_CHARS``, default 2,000)."""
    return int(_number(MAX_MESSAGE_CHARS_VARIABLE, DEFAULT_MAX_MESSAGE_CHARS, 1))


class _Borrowed:
    """``async with`` a shared session without closing it afterwards."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self.session

    async def __aexit__(self, *_: Any) -> None:
        return None


class TimedEndpointConfig(EndpointConfig):
    """An endpoint whose requests time out after ``timeout`` seconds over one pooled session."""

    def __init__(self, source: EndpointConfig, timeout: float) -> None:
        """Copy ``source`` (URL, headers, auth, token) and add the time limit."""
        super().__init__(
            url=source.url,
            params=source.params,
            headers=source.headers,
            basic_auth=source.basic_auth,
            token=source.token,
            token_name=source.token_name,
            cafile=source.cafile,
            **source.kwargs,
        )
        self.type = source.type
        self.timeout = timeout
        self._session: Optional[aiohttp.ClientSession] = None

    def session(self) -> Any:
        """One keep-alive session per endpoint (created in the server's event loop)."""
        if self._session is None or self._session.closed:
            self._session = super().session()
        return _Borrowed(self._session)

    async def request(self, *args: Any, **kwargs: Any) -> Optional[Any]:
        """Rasa's request, given up after ``timeout`` seconds of waiting for the action server.

        Only time the server's own event loop was free to notice a reply counts: each check
        (every 0.25 s) adds at most 0.3 s, however late it runs. Under load, Rasa's loop is
        busy reading other messages for seconds at a time, and a plain timer then fired before
        the reply that had already arrived was read: the user got the apology instead of the
        answer. A stalled action server on an idle server is still given up after ``timeout``.
        """
        kwargs["timeout"] = aiohttp.ClientTimeout(total=max(60.0, 10 * self.timeout))  # a hard cap
        call = asyncio.ensure_future(super().request(*args, **kwargs))
        loop = asyncio.get_running_loop()
        waited, last = 0.0, loop.time()
        try:
            while True:
                done, _ = await asyncio.wait({call}, timeout=CHECK_EVERY)
                if done or call.done():
                    return call.result()
                now = loop.time()
                waited += min(now - last, CHECK_EVERY + 0.05)
                last = now
                if waited >= self.timeout:
                    raise asyncio.TimeoutError(f"no reply from {self.url} in {self.timeout:.0f} s")
        finally:
            if not call.done():
                call.cancel()


def limit_action_calls(agent: Any, timeout: Optional[float] = None) -> None:
    """Give ``agent``'s action endpoint (and its processor's) the time limit; idempotent.

    Also checks the action server's replies with a validator built once (serving/speedups.py).
    """
    speedups.install()
    endpoint = getattr(agent, "action_endpoint", None)
    if endpoint is None or isinstance(endpoint, TimedEndpointConfig):
        return
    timed = TimedEndpointConfig(endpoint, action_timeout() if timeout is None else timeout)
    agent.action_endpoint = timed
    processor = getattr(agent, "processor", None)
    if processor is not None:
        processor.action_endpoint = timed


def _current_agent() -> Any:
    try:
        return getattr(Sanic.get_app().ctx, "agent", None)
    except Exception:  # noqa: BLE001 - no app (e.g. unit tests): nothing to configure
        return None


class CountingOutput(OutputChannel):
    """Passes every message on to ``inner`` and counts them."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner
        self.sent = 0

    def name(self) -> str:  # type: ignore[override]
        """The wrapped channel's name (Rasa picks channel-specific responses by it)."""
        return self.inner.name()

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        """Forward one bot message."""
        self.sent += 1
        await self.inner.send_response(recipient_id, message)

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.inner, attribute)


async def apologise(output: OutputChannel, recipient_id: Optional[str]) -> None:
    """Send :data:`APOLOGY`; a channel that cannot send is only logged."""
    try:
        await output.send_text_message(recipient_id or "default", APOLOGY)
    except Exception:  # noqa: BLE001 - the channel itself is down: nothing more to do
        logger.exception("Could not send the apology to %s.", recipient_id)


def resilient(on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Callable[[UserMessage], Awaitable[Any]]:
    """Wrap a channel's message handler so that no turn ends in silence."""

    async def handle(message: UserMessage) -> Any:
        agent = _current_agent()
        if agent is not None:
            limit_action_calls(agent)
        if isinstance(message.text, str):
            message.text = _CONTROL.sub("", message.text)
        limit = max_message_chars()
        if isinstance(message.text, str) and len(message.text) > limit:
            logger.info(
                "A %d-character message from %s is read as its first %d.", len(message.text), message.sender_id, limit
            )
            message.text = message.text[:limit]
        inner = message.output_channel
        counting = CountingOutput(inner)
        message.output_channel = counting
        try:
            result = await on_new_message(message)
        except (asyncio.CancelledError, KeyboardInterrupt, SystemExit, GeneratorExit):
            raise
        except BaseException:  # noqa: BLE001 - a native library's panic too; logged, answered with the apology
            logger.exception("Handling a message from %s failed.", message.sender_id)
            result = None
        if counting.sent == 0:
            logger.warning("No reply to %s's message: sending the apology.", message.sender_id)
            await apologise(inner, message.sender_id)
        return result

    return handle
