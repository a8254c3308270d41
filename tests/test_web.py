"""The web chat in a real browser: Debian's chromium driven by Python playwright.

The real stack (action server + Rasa server with the web chat channel, as
`python -m scripts.web` starts it) runs once for this module on free ports.
No browser is downloaded: chromium must be installed (`apt-get install -y chromium`).
"""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest

from scripts.stack import Stack
from scripts.web import CHROMIUM, CHROMIUM_ARGS
from tests.turns import about_kind

try:
    from playwright.sync_api import (
        Browser,
        BrowserContext,
        Dialog,
        Locator,
        Page,
        WebSocketRoute,
        expect,
        sync_playwright,
    )
except ImportError:  # reported by the `browser` fixture as a failure, not a skip
    sync_playwright = None  # type: ignore[assignment]

pytestmark = [pytest.mark.model, pytest.mark.servers]

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
REPLY_TIMEOUT_MS = 30_000
MARKUP = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless system chromium; a clear failure when it (or playwright) is missing."""
    if sync_playwright is None:
        pytest.fail("Python playwright is not installed: .venv/bin/pip install playwright==1.65.2 -c constraints.txt")
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. Install Debian's package: "
            "`sudo apt-get update && sudo apt-get install -y chromium` (the tests never download a browser)."
        )
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def webstack(browser: Browser, stack: Stack) -> Stack:
    """The session's real stack, which also serves the web chat (browser checked first)."""
    return stack


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile (empty localStorage) per test."""
    ctx = browser.new_context(viewport={"width": 1000, "height": 800})
    ctx.set_default_timeout(REPLY_TIMEOUT_MS)
    yield ctx
    ctx.close()


class Chat:
    """Drives the chat page like a person: type, press Enter, click, read."""

    def __init__(self, page: Page, url: str) -> None:
        self.page = page
        self.url = url
        self.dialogs: List[str] = []
        self.console_errors: List[str] = []
        self.requests: List[str] = []
        page.on("dialog", self._on_dialog)
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("request", lambda request: self.requests.append(request.url))

    def _on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self) -> Chat:
        """Load the page and wait until the socket has joined the session."""
        self.page.goto(self.url)
        self.wait_ready()
        return self

    def wait_ready(self) -> None:
        """Wait for session_confirm (the page marks <html data-connection="ready">)."""
        expect(self.page.locator("html")).to_have_attribute("data-connection", "ready")

    @property
    def bot(self) -> Locator:
        """The bot's messages in the transcript."""
        return self.page.locator("#transcript .msg--bot")

    @property
    def user(self) -> Locator:
        """The user's messages in the transcript."""
        return self.page.locator("#transcript .msg--user")

    def say(self, text: str, expect_text: str = "") -> str:
        """Type ``text``, press Enter, wait for a reply (showing ``expect_text``); return the new bot text."""
        before = self.bot.count()
        box = self.page.locator("#message")
        box.fill(text)
        box.press("Enter")
        return self.wait_reply(before, expect_text)

    def wait_reply(self, before: int, expect_text: str = "") -> str:
        """Wait for bot messages after the first ``before`` until the transcript contains ``expect_text``."""
        expect(self.bot.nth(before)).to_be_visible()
        if expect_text:
            expect(self.page.locator("#transcript")).to_contain_text(expect_text)
        bubbles = [self.bot.nth(i).locator(".bubble").all_inner_texts() for i in range(before, self.bot.count())]
        return "\n".join(text for texts in bubbles for text in texts)

    def click_reply(self, title: str, expect_text: str) -> str:
        """Click the quick reply named ``title``; wait for ``expect_text``."""
        before = self.bot.count()
        self.page.get_by_role("button", name=title, exact=True).click()
        return self.wait_reply(before, expect_text)

    def quick_replies(self) -> List[str]:
        """Titles of the quick-reply buttons on the page."""
        return [text.strip() for text in self.page.locator("#transcript .quick-reply").all_inner_texts()]

    def session_id(self) -> str:
        """The Rasa session id the page keeps in localStorage."""
        return str(self.page.evaluate("() => localStorage.getItem('edx-advisor.session-id')"))

    def transcript(self) -> List[str]:
        """Every message's text, in order."""
        return [text.strip() for text in self.page.locator("#transcript .msg").all_inner_texts()]


@pytest.fixture
def chat(context: BrowserContext, webstack: Stack) -> Chat:
    """The chat page, opened and connected, in a fresh profile."""
    return Chat(context.new_page(), webstack.url).open()


def tracker_events(webstack: Stack, session_id: str) -> List[Dict[str, Any]]:
    """The conversation's events as Rasa stores them (HTTP API)."""
    url = f"http://127.0.0.1:{webstack.rasa_port}/conversations/{session_id}/tracker?token={webstack.api_token}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return list(json.loads(response.read())["events"])


def user_texts(webstack: Stack, session_id: str) -> List[str]:
    """What the user said in this Rasa conversation, in order."""
    return [e.get("text") or "" for e in tracker_events(webstack, session_id) if e["event"] == "user"]


def test_page_is_served_at_the_root_with_only_its_own_files(webstack: Stack, context: BrowserContext) -> None:
    with urllib.request.urlopen(webstack.url, timeout=10) as response:
        assert response.headers.get_content_type() == "text/html"
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        assert b'<script src="chat.js">' in response.read()
    with urllib.request.urlopen(f"http://127.0.0.1:{webstack.rasa_port}/hello", timeout=10) as response:
        assert response.read().startswith(b"Hello from Rasa")  # Rasa's own "/" moved aside
    chat = Chat(context.new_page(), webstack.url).open()
    origin = webstack.url.rstrip("/")
    assert chat.requests and all(url.startswith(origin) for url in chat.requests), chat.requests
    assert chat.page.title() == "edX credential advisor"
    assert chat.page.locator("#empty-state").is_visible()
    assert not chat.console_errors, chat.console_errors


def test_greeting_gets_a_reply_with_quick_replies_and_a_typing_indicator(chat: Chat) -> None:
    # Record whether the typing indicator was ever shown (the reply may come within milliseconds).
    chat.page.evaluate(
        """() => {
            const typing = document.getElementById('typing');
            window.typingSeen = false;
            new MutationObserver(() => { if (!typing.hidden) window.typingSeen = true; })
                .observe(typing, {attributes: true, attributeFilter: ['hidden']});
        }"""
    )
    reply = chat.say("hi", "edX credential advisor")
    assert "What would you like to know?" in reply
    assert chat.quick_replies() == ["Help me choose", "What's the difference?", "Find programmes"]
    assert chat.page.evaluate("() => window.typingSeen") is True
    expect(chat.page.locator("#typing")).to_be_hidden()
    # user and bot messages look different
    user_bg = chat.user.first.locator(".bubble").evaluate("el => getComputedStyle(el).backgroundColor")
    bot_bg = chat.bot.first.locator(".bubble").evaluate("el => getComputedStyle(el).backgroundColor")
    assert user_bg != bot_bg
    assert chat.page.locator("#empty-state").is_hidden()


def test_faq_answer_is_shown_with_its_source(chat: Chat) -> None:
    answer = chat.say("how much does a micromasters cost?", "$1,000")
    assert about_kind(answer, "MicroMasters") and "Source:" in answer
    sources = chat.say("where is that from?", "That came from")
    assert "https://" in sources
    # "• " lines are a list, URLs are links made with DOM APIs
    last = chat.bot.last
    assert last.locator("ul.bot-list > li").count() >= 2
    link = last.locator("a").first
    assert re.match(r"https?://", link.get_attribute("href") or "")
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert link.inner_text() == link.get_attribute("href")


def test_quick_reply_sends_its_payload_and_shows_its_title(chat: Chat, webstack: Stack) -> None:
    chat.say("hello", "What would you like to know?")
    reply = chat.click_reply("Help me choose", "main goal")
    assert "Let's find the right fit" in reply
    assert chat.user.last.locator(".bubble").inner_text() == "Help me choose"
    assert "A job skill, quickly" in chat.quick_replies()
    assert "Find programmes" not in chat.quick_replies()  # the old question's buttons are gone
    assert "/request_recommendation" in user_texts(webstack, chat.session_id())


def test_reload_keeps_the_transcript_and_continues_the_same_session(chat: Chat, webstack: Stack) -> None:
    chat.say("hi", "What would you like to know?")
    chat.click_reply("Help me choose", "main goal")
    session_id, transcript = chat.session_id(), chat.transcript()

    chat.page.reload()
    chat.wait_ready()
    assert chat.session_id() == session_id
    assert chat.transcript() == transcript
    assert "A job skill, quickly" in chat.quick_replies()  # the pending question can still be answered
    reply = chat.click_reply("A job skill, quickly", "academic credit")  # the form goes on: same Rasa session
    assert "credit" in reply
    assert user_texts(webstack, session_id)[0] == "hi"


def test_markup_is_shown_literally_and_never_run(chat: Chat) -> None:
    assert chat.say(MARKUP).strip()  # whatever the bot answers, it answers
    assert chat.user.last.locator(".bubble").inner_text() == MARKUP
    assert chat.page.locator("#transcript img").count() == 0
    chat.page.wait_for_timeout(500)
    assert chat.dialogs == []
    chat.page.reload()  # re-rendered from localStorage: still text
    chat.wait_ready()
    assert chat.user.last.locator(".bubble").inner_text() == MARKUP
    assert chat.page.locator("#transcript img").count() == 0
    assert chat.dialogs == []


def test_restart_clears_the_transcript_and_starts_a_new_session(chat: Chat, webstack: Stack) -> None:
    chat.say("hi", "What would you like to know?")
    old_session = chat.session_id()
    chat.page.get_by_role("button", name="Restart").click()
    expect(chat.page.locator("#transcript .msg")).to_have_count(0)
    expect(chat.page.locator("#empty-state")).to_be_visible()
    new_session = chat.session_id()
    assert new_session != old_session
    assert chat.page.evaluate("() => JSON.parse(localStorage.getItem('edx-advisor.transcript'))") == []
    chat.wait_ready()
    chat.say("how long does a micromasters take?", "For a MicroMasters")
    assert user_texts(webstack, new_session) == ["how long does a micromasters take?"]
    assert chat.page.locator("#message").evaluate("el => el === document.activeElement")
    chat.page.reload()
    chat.wait_ready()
    assert chat.session_id() == new_session and len(chat.transcript()) >= 2


def test_keyboard_only(chat: Chat) -> None:
    page = chat.page
    assert page.evaluate("() => document.activeElement.id") == "message"
    log = page.locator("#transcript")
    assert log.get_attribute("role") == "log" and log.get_attribute("aria-live") == "polite"
    page.keyboard.type("hi")
    page.keyboard.press("Enter")
    chat.wait_reply(0, "What would you like to know?")
    # Shift+Tab from the input walks back into the quick replies (last one first).
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.textContent]")
    assert focused == ["quick-reply", "Help me choose"]
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    before = chat.bot.count()
    page.keyboard.press("Enter")
    chat.wait_reply(before, "main goal")
    assert chat.user.last.locator(".bubble").inner_text() == "Help me choose"
    assert page.evaluate("() => document.activeElement.id") == "message"


def test_phone_screen_has_no_horizontal_scroll(browser: Browser, webstack: Stack) -> None:
    ctx = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    ctx.set_default_timeout(REPLY_TIMEOUT_MS)
    try:
        chat = Chat(ctx.new_page(), webstack.url).open()
        chat.say("x" * 300)  # one very long word
        chat.say("hi", "What would you like to know?")
        chat.say("how much does a micromasters cost?", "$1,000")
        chat.say("where is that from?", "That came from")  # long lines and long URLs
        widths = chat.page.evaluate(
            """() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,
                      document.getElementById('transcript').scrollWidth,
                      document.getElementById('transcript').clientWidth]"""
        )
        assert widths[0] <= widths[1] and widths[2] <= widths[3], widths
        composer = chat.page.locator("#composer").bounding_box()
        assert composer and composer["x"] >= 0 and composer["x"] + composer["width"] <= 360
        assert composer["y"] + composer["height"] <= 640
        ARTIFACTS.mkdir(exist_ok=True)
        chat.page.screenshot(path=str(ARTIFACTS / "web-chat-phone.png"))
    finally:
        ctx.close()


def test_unreachable_banner_and_automatic_reconnection(chat: Chat) -> None:
    """Cut the socket (playwright routes), see the banner, restore it, see it reconnect and chat on."""
    page = chat.page
    down = {"value": False}
    sockets: List[WebSocketRoute] = []

    def on_socket(route: WebSocketRoute) -> None:
        if down["value"]:
            route.close()
        else:
            sockets.append(route)
            route.connect_to_server()

    page.route("**/socket.io/**", lambda route: route.abort() if down["value"] else route.continue_())
    page.route_web_socket(re.compile(r".*/socket\.io/.*"), on_socket)
    page.reload()  # so that the socket goes through the routes
    chat.wait_ready()
    chat.say("hi", "What would you like to know?")

    down["value"] = True
    for route in sockets:
        route.close()
    banner = page.locator("#banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("Reconnecting...")
    expect(page.locator("html")).to_have_attribute("data-connection", "offline")
    # a message typed while offline is kept and sent once the socket is back
    before = chat.bot.count()
    page.locator("#message").fill("how much does a micromasters cost?")
    page.locator("#message").press("Enter")
    expect(chat.user.last.locator(".bubble")).to_have_text("how much does a micromasters cost?")

    down["value"] = False
    chat.wait_ready()
    expect(banner).to_have_text("Connected")
    assert "$1,000" in chat.wait_reply(before, "$1,000")
    expect(banner).to_be_hidden(timeout=10_000)
    chat.say("and for a professional certificate?", "For a Professional Certificate")  # same session, context kept


def test_screenshot(chat: Chat) -> None:
    chat.say("hi", "What would you like to know?")
    chat.say("how much does a micromasters cost?", "$1,000")
    chat.say("help me choose", "main goal")
    ARTIFACTS.mkdir(exist_ok=True)
    chat.page.screenshot(path=str(ARTIFACTS / "web-chat.png"))
    assert (ARTIFACTS / "web-chat.png").stat().st_size > 10_000
