"""The web chat channel: Rasa's Socket.IO channel plus the chat page, from one origin.

``WebChatInput`` subclasses Rasa's ``SocketIOInput`` (same events, same session
handling) and adds the page and its assets from ``web/``:

    GET /                         web/index.html
    GET /chat.js, /chat.css, ...  the other files in web/ (README files excepted)
    /socket.io/                   the Socket.IO endpoint (Engine.IO 4)

Rasa registers its own ``GET /`` ("Hello from Rasa: <version>") before any
channel; this channel moves that route to ``/hello`` so that the page is at "/".
Enable it in a credentials file::

    channels.webchat.WebChatInput:
      user_message_evt: user_uttered
      bot_message_evt: bot_uttered
      session_persistence: true
      # allowed_origins: ["https://example.org"]   # default: only the page's own origin

Both the socket and the REST channel answer a turn that fails with an apology
(channels/resilience.py) instead of silence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.resilience import resilient

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
ASSET_SUFFIXES = {".css", ".js", ".svg", ".png", ".ico", ".webp", ".woff2"}
HELLO_PATH = "/hello"

# The page loads nothing but its own files; the socket goes to the same origin.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


def asset_paths(web_dir: Path) -> Dict[str, Path]:
    """URL path -> file for every asset in ``web_dir`` (the page itself is served at "/")."""
    return {
        "/" + path.relative_to(web_dir).as_posix(): path
        for path in sorted(web_dir.rglob("*"))
        if path.is_file() and path.suffix in ASSET_SUFFIXES
    }


def move_root_route(app: Sanic, new_path: str = HELLO_PATH) -> None:
    """Move the app's existing ``GET /`` route (Rasa's hello) to ``new_path``.

    Sanic 21.12 cannot overwrite a route, so the route group is taken out of the
    router before it is finalized (routes are finalized when the server starts).
    """
    group = app.router.static_routes.pop(("",), None)
    if group is None:
        return
    for route in group:
        app.router.name_index.pop(route.name, None)
        app.add_route(route.handler, new_path, methods=sorted(route.methods), name=route.name.rsplit(".", 1)[-1])


class WebChatBlueprint(SocketBlueprint):
    """Socket.IO plus the page: takes over "/" from Rasa when it is registered."""

    def register(self, app: Sanic, options: Dict[str, Any]) -> None:
        """Attach Socket.IO and the routes; the channel's prefix "/" means the site root."""
        move_root_route(app)
        options = dict(options)
        if options.get("url_prefix") == "/":
            options["url_prefix"] = None
        super().register(app, options)


class WebChatInput(SocketIOInput):
    """Rasa's Socket.IO channel that also serves the chat page and its assets."""

    @classmethod
    def name(cls) -> str:
        """Channel name, used in credentials lookups and message metadata."""
        return "webchat"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        """Same settings as Rasa's ``socketio`` channel, plus ``web_dir`` and ``allowed_origins``.

        ``allowed_origins``: the origins whose pages may open the socket (a list, or "*" for
        any). By default only the page's own origin (scheme and host the request was made to).
        """
        credentials = credentials or {}
        channel = super().from_credentials(credentials)
        assert isinstance(channel, WebChatInput)
        channel.web_dir = Path(credentials.get("web_dir") or WEB_DIR)
        channel.allowed_origins = credentials.get("allowed_origins")
        return channel

    def __init__(self, *args: Any, web_dir: Optional[Path] = None, **kwargs: Any) -> None:
        """Create the channel; ``web_dir`` holds index.html and the assets."""
        super().__init__(*args, **kwargs)
        self.web_dir = web_dir or WEB_DIR
        self.allowed_origins: Optional[Any] = None

    def url_prefix(self) -> str:
        """An absolute prefix: Rasa mounts the blueprint at the root, not under /webhooks/."""
        return "/"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Socket.IO handlers from Rasa's channel, and routes for the page and assets."""
        # Creates self.sio and registers Rasa's Socket.IO handlers (around the resilient handler).
        super().blueprint(resilient(on_new_message))
        assert self.sio is not None
        # Rasa's channel accepts every origin (cors_allowed_origins=[] turns the check off);
        # None is Engine.IO's same-origin check.
        self.sio.eio.cors_allowed_origins = self.allowed_origins
        web = WebChatBlueprint(self.sio, self.socketio_path or "/socket.io", "webchat", __name__)
        index = self.web_dir / "index.html"
        if not index.is_file():
            raise FileNotFoundError(f"web chat page not found: {index}")

        async def page(_: Request) -> HTTPResponse:
            return await response.file(index, mime_type="text/html; charset=utf-8", headers=SECURITY_HEADERS)

        web.add_route(page, "/", methods=["GET"], name="page")
        for number, (path, file) in enumerate(asset_paths(self.web_dir).items()):
            web.add_route(_asset_handler(file), path, methods=["GET"], name=f"asset_{number}")
        return web


def _asset_handler(file: Path) -> Callable[[Request], Awaitable[HTTPResponse]]:
    """A handler that sends one fixed file (no path comes from the request)."""

    async def asset(_: Request) -> HTTPResponse:
        mime = "text/javascript; charset=utf-8" if file.suffix == ".js" else None
        if file.suffix == ".css":
            mime = "text/css; charset=utf-8"
        return await response.file(file, mime_type=mime, headers=SECURITY_HEADERS)

    return asset
