"""The Slack channel, offline: the real action server and Rasa (via tests/slack_server.py) talking
to a local fake of the Slack Web API, fed with events signed like Slack signs them."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

from advisor.questions import QUESTIONS
from channels.slack import AdvisorSlackInput, to_mrkdwn
from scripts.credentials import effective_credentials
from scripts.stack import BIN, ROOT, action_server, free_port, rasa_server
from tests.fake_slack import BOT_USER_ID, FakeSlack
from tests.turns import about_kind

BOT_TOKEN = "test-bot-token"  # deliberately not shaped like a real xoxb- token
SIGNING_SECRET = "test-signing-secret"
SLACK_SECTION = (
    "channels.slack.AdvisorSlackInput:\n"
    "  slack_token: ${SLACK_BOT_TOKEN}\n"
    "  slack_signing_secret: ${SLACK_SIGNING_SECRET}\n"
)
LOGS = Path(__file__).resolve().parent / "artifacts" / "logs"
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_ids = itertools.count(1)


# ---------------------------------------------------------------- fast checks, no servers


def test_mrkdwn_keeps_bullets_links_urls_and_escapes_markup():
    text = "Sources:\n• MIT FAQ: https://micromasters.mit.edu/faq/.\n- R&D <b>\n**Note** [edX](https://www.edx.org)"
    assert to_mrkdwn(text) == (
        "Sources:\n• MIT FAQ: <https://micromasters.mit.edu/faq/>.\n• R&amp;D &lt;b&gt;\n*Note* <https://www.edx.org|edX>"
    )


def test_credentials_without_slack_variables_drop_the_slack_section(tmp_path, monkeypatch, capsys):
    source = tmp_path / "source.yml"
    source.write_text("# channels\nrest:\n" + SLACK_SECTION + "socketio:\n  user_message_evt: user_uttered\n")
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "x")
    (tmp_path / "out").mkdir()
    out = effective_credentials(source, tmp_path / "out")
    assert out.read_text() == "# channels\nrest:\nsocketio:\n  user_message_evt: user_uttered\n"
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "Slack channel disabled: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable it (not set: SLACK_BOT_TOKEN)."
    ]

    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    assert effective_credentials(source, tmp_path / "out").read_text() == source.read_text()
    assert capsys.readouterr().err == ""


def test_channel_keeps_the_slack_name_and_refuses_an_empty_secret():
    assert AdvisorSlackInput.name() == "slack"  # so the webhook is /webhooks/slack/webhook
    channel = AdvisorSlackInput.from_credentials({"slack_token": BOT_TOKEN, "slack_signing_secret": SIGNING_SECRET})
    assert (channel.slack_token, channel.slack_signing_secret) == (BOT_TOKEN, SIGNING_SECRET)
    with pytest.raises(Exception, match="signing secret"):
        AdvisorSlackInput.from_credentials({"slack_token": BOT_TOKEN, "slack_signing_secret": ""})


# ---------------------------------------------------------------- the real servers


def servers(test: Any) -> Any:
    """Mark a test as needing the trained model and the real servers (like tests/test_e2e_rest.py)."""
    return pytest.mark.model(pytest.mark.servers(test))


@pytest.fixture(scope="module")
def slack(tmp_path_factory) -> Iterator[Tuple[int, FakeSlack]]:
    """Action server + Rasa with the Slack channel, its Web API calls going to the fake."""
    secrets = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET}
    shipped = effective_credentials(ROOT / "credentials.yml", tmp_path_factory.mktemp("slack"), secrets)
    assert "AdvisorSlackInput" in shipped.read_text(), "credentials.yml has no Slack channel"
    LOGS.mkdir(parents=True, exist_ok=True)
    action_port, rasa_port = free_port(), free_port()
    with (
        FakeSlack(BOT_TOKEN) as fake,
        open(LOGS / "slack-actions.log", "wb") as action_log,
        open(LOGS / "slack-rasa.log", "wb") as rasa_log,
        action_server(action_port, action_log),
        # The shipped credentials.yml, so a broken Slack section there fails these tests.
        rasa_server(
            rasa_port,
            action_port,
            rasa_log,
            extra_args=["--interface", "127.0.0.1"],
            enable_api=False,
            env={**secrets, "FAKE_SLACK_API_URL": fake.base_url},
            command=[str(BIN / "python"), "-m", "tests.slack_server"],
        ),
    ):
        yield rasa_port, fake


def sign(body: bytes, timestamp: int, secret: str = SIGNING_SECRET) -> str:
    return "v0=" + hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()


def post(
    port: int,
    body: bytes,
    content_type: str = "application/json",
    *,
    secret: str = SIGNING_SECRET,
    age: int = 0,
    signature: Optional[str] = None,
    headers: Optional[Dict[str, str]] = None,
) -> Tuple[int, Dict[str, str], bytes]:
    """POST ``body`` to the webhook, signed like Slack signs it (unless told otherwise)."""
    timestamp = int(time.time()) - age
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/slack/webhook",
        data=body,
        method="POST",
        headers={
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": str(timestamp),
            "X-Slack-Signature": signature if signature is not None else sign(body, timestamp, secret),
            **(headers or {}),
        },
    )
    try:
        with NO_PROXY.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def event(text: str, user: str, channel: str, kind: str = "message", **extra: Any) -> Dict[str, Any]:
    """An Events API event_callback, shaped like Slack's, with a fresh event_id and ts."""
    ts = f"{time.time():.6f}"
    inner = {"type": kind, "user": user, "text": text, "ts": ts, "channel": channel, "event_ts": ts, **extra}
    if kind == "message":
        inner.setdefault("channel_type", "im")
    return {
        "token": "unused-verification-token",
        "team_id": "T0TEST",
        "api_app_id": "A0TEST",
        "event": inner,
        "type": "event_callback",
        "event_id": f"Ev{next(_ids):04d}{uuid.uuid4().hex[:8].upper()}",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": "T0TEST", "user_id": BOT_USER_ID, "is_bot": True}],
    }


def send(port: int, payload: Dict[str, Any], **kwargs: Any) -> Tuple[int, Dict[str, str], bytes]:
    return post(port, json.dumps(payload).encode(), **kwargs)


def ids() -> Tuple[str, str]:
    """A fresh user and DM channel, so each test has its own conversation."""
    n = uuid.uuid4().hex[:8].upper()
    return f"U{n}", f"D{n}"


def barrier(port: int, fake: FakeSlack, user: str, channel: str, expected_before: int) -> List[Dict[str, Any]]:
    """Send a fresh "thanks" in the same conversation and wait for its reply.

    Rasa handles one conversation's messages in order, so once this reply is posted, any reply to
    an earlier request in that conversation would have been posted too.
    """
    assert send(port, event("thanks", user, channel))[0] == 200
    return fake.wait_until(channel, lambda posts: any("welcome" in p["text"] for p in posts[expected_before:]))


@servers
def test_url_verification_answers_the_challenge(slack):
    port, _ = slack
    challenge = {"token": "unused", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gm", "type": "url_verification"}
    status, _, body = send(port, challenge)
    assert status == 200 and json.loads(body) == {"challenge": challenge["challenge"]}
    assert send(port, challenge, secret="not-the-secret")[0] == 400


@servers
def test_direct_message_gets_exactly_one_cost_answer_with_its_source(slack):
    port, fake = slack
    user, channel = ids()
    status, _, _ = send(port, event("how much does a micromasters cost?", user, channel))
    assert status == 200
    answer = fake.wait_for_posts(channel, 1)[0]
    assert answer["channel"] == channel and "thread_ts" not in answer
    text = answer["text"]
    assert about_kind(text, "MicroMasters") and "$1,000" in text and "Source:" in text
    posts = barrier(port, fake, user, channel, 1)
    assert len(posts) == 2  # nothing else was posted for the question


@servers
def test_channel_mention_is_answered_in_that_channel(slack):
    port, fake = slack
    user, _ = ids()
    channel = "C" + user[1:]
    mention = event(f"<@{BOT_USER_ID}> which supply chain programmes are there?", user, channel, kind="app_mention")
    assert send(port, mention)[0] == 200
    reply = fake.wait_for_posts(channel, 1)[0]
    # use_threads is off (Rasa's default): the reply goes to the channel itself, not into a thread
    assert reply["channel"] == channel and "thread_ts" not in reply
    assert "Supply Chain" in reply["text"] and "<@" not in reply["text"]


@servers
def test_help_me_choose_sends_block_kit_buttons_and_a_click_continues(slack):
    port, fake = slack
    user, channel = ids()
    assert send(port, event("help me choose", user, channel))[0] == 200
    intro, question = fake.wait_for_posts(channel, 2)
    assert intro["text"].startswith("Let's find the right fit")
    assert "main goal" in question["text"]
    section, actions = question["blocks"]
    assert section == {"type": "section", "text": {"type": "mrkdwn", "text": question["text"]}}
    assert actions["type"] == "actions"
    buttons = {b["text"]["text"]: b for b in actions["elements"]}
    assert buttons["A job skill, quickly"]["value"] == '/inform{"goal":"skills"}'

    def click(title: str, message: Dict[str, Any]) -> None:
        button = dict(buttons[title], block_id="b1", action_ts=f"{time.time():.6f}")
        payload = {
            "type": "block_actions",
            "user": {"id": user, "username": "learner", "team_id": "T0TEST"},
            "api_app_id": "A0TEST",
            "container": {"type": "message", "message_ts": "1700000000.000100", "channel_id": channel},
            "trigger_id": uuid.uuid4().hex,
            "team": {"id": "T0TEST"},
            "channel": {"id": channel, "name": "directmessage"},
            "message": {"type": "message", "user": BOT_USER_ID, "ts": "1700000000.000100", "text": message["text"]},
            "response_url": "https://hooks.slack.com/actions/T0TEST/1/fake",
            "actions": [button],
        }
        body = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()
        assert post(port, body, "application/x-www-form-urlencoded")[0] == 200

    click("A job skill, quickly", question)
    credit = fake.wait_for_posts(channel, 3)[2]
    assert credit["text"] == "Does academic credit toward a master's degree matter to you?"
    buttons = {b["text"]["text"]: b for b in credit["blocks"][1]["elements"]}
    assert {b["value"] for b in buttons.values()} == {"/affirm", "/deny"}
    click("No, not really", credit)
    assert fake.wait_for_posts(channel, 4)[3]["text"] == QUESTIONS["weekly_hours"].text


@servers
def test_a_retry_of_a_handled_event_is_acknowledged_without_a_second_reply(slack):
    port, fake = slack
    user, channel = ids()
    original = event("how much does a professional certificate cost?", user, channel)
    assert send(port, original)[0] == 200
    assert about_kind(fake.wait_for_posts(channel, 1)[0]["text"], "Professional Certificate")

    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}
    status, headers, _ = send(port, original, headers=retry)  # re-signed now, as Slack does
    assert status == 200 and headers.get("X-Slack-No-Retry") == "1"
    assert send(port, original)[0] == 200  # the same event_id again, without retry headers
    assert len(barrier(port, fake, user, channel, 1)) == 2  # the original answer and the barrier's

    # a retry of an event this process never saw is handled normally
    unseen = event("what is a micromasters?", user, channel)
    assert send(port, unseen, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"})[0] == 200
    assert "MicroMasters" in fake.wait_for_posts(channel, 3)[2]["text"]


@servers
@pytest.mark.parametrize(
    "forgery",
    [{"signature": "v0=" + "0" * 64}, {"secret": "the-wrong-secret"}, {"age": 301}, {"signature": ""}],
    ids=["bad-signature", "wrong-secret", "older-than-5-minutes", "unsigned"],
)
def test_requests_not_signed_by_slack_are_rejected_and_not_answered(slack, forgery):
    port, fake = slack
    user, channel = ids()
    status, _, _ = send(port, event("hi", user, channel), **forgery)
    assert 400 <= status < 500
    posts = barrier(port, fake, user, channel, 0)
    assert len(posts) == 1 and posts[0]["text"].startswith("You're welcome")


@servers
def test_the_bots_own_messages_are_not_answered(slack):
    port, fake = slack
    user, channel = ids()
    echo = event("Hi! I'm the edX credential advisor.", BOT_USER_ID, channel, bot_id="B0TEST")
    assert send(port, echo)[0] == 200
    assert len(barrier(port, fake, user, channel, 0)) == 1


@servers
def test_every_api_call_carried_the_bot_token_and_only_arguments_new_apps_accept(slack):
    port, fake = slack
    user, channel = ids()
    assert send(port, event("hi", user, channel))[0] == 200
    fake.wait_for_posts(channel, 1)
    calls = fake.calls()
    assert calls and {call.method for call in calls} == {"chat.postMessage"}
    for call in calls:
        assert call.authorization == f"Bearer {BOT_TOKEN}"
        assert "as_user" not in call.body and "type" not in call.body
