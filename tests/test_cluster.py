"""The scale-out configuration (`make run-cluster`), started for real on loopback.

PostgreSQL, Redis and HAProxy from Debian (installed if missing), two action servers and two
Rasa servers. Many conversations' messages are interleaved across both servers, some through
the load balancer and some straight to each server, and some conversations get two messages
at once on different servers; then every conversation's events are read from PostgreSQL.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, Iterator, List, Tuple

import pytest

from scripts.cluster import Cluster, cluster
from scripts.conversations import SCRIPTS, Script, reply_text, send
from scripts.stack import BIN
from tests.conftest import ARTIFACTS
from tests.fake_slack import FakeSlack
from tests.test_slack import BOT_TOKEN, SIGNING_SECRET, barrier, event, ids
from tests.test_slack import send as send_slack
from tests.turns import about_kind

pytestmark = [pytest.mark.model, pytest.mark.servers]

CONVERSATIONS = 10  # of each scripted kind, run at once
PAIRS = 4  # conversations that get two messages at once, one on each server
PAIR_ROUNDS = 3


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSlack]:
    with FakeSlack(BOT_TOKEN) as started:
        yield started


@pytest.fixture(scope="module")
def running(fake: FakeSlack) -> Iterator[Cluster]:
    """The cluster with Slack enabled (its secrets in the environment), calling the fake Slack API."""
    secrets = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET}
    entry = [str(BIN / "python"), "-m", "tests.slack_server"]
    with cluster(ARTIFACTS / "logs", env={**secrets, "FAKE_SLACK_API_URL": fake.base_url}, command=entry) as started:
        yield started


def stored_events(running: Cluster) -> Dict[str, List[Tuple[int, str, float, Dict[str, Any]]]]:
    """Every conversation's events in PostgreSQL: (id, type, timestamp, event), in id order."""
    import psycopg2

    with psycopg2.connect(running.database.dsn()) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT id, sender_id, type_name, timestamp, data FROM events ORDER BY id")
        rows = cursor.fetchall()
    events: Dict[str, List[Tuple[int, str, float, Dict[str, Any]]]] = defaultdict(list)
    for event_id, sender, type_name, timestamp, data in rows:
        events[sender].append((event_id, type_name, timestamp, json.loads(data)))
    return events


def check_stored_once_and_in_order(events: List[Tuple[int, str, float, Dict[str, Any]]], sent: List[str]) -> None:
    """Each message once, in the order sent, each one's handling complete before the next begins."""
    users = [data.get("text") for _, type_name, _, data in events if type_name == "user"]
    assert users == sent
    serialised = [json.dumps(data, sort_keys=True) for *_, data in events]
    assert len(serialised) == len(set(serialised)), "an event was stored twice"
    timestamps = [timestamp for _, _, timestamp, _ in events]
    assert timestamps == sorted(timestamps), "events out of order"
    listening = True  # between two user messages the bot must have gone back to listening
    for _, type_name, _, data in events:
        if type_name == "user":
            assert listening, "a message was handled while the previous one still was"
            listening = False
        elif type_name == "action" and data.get("name") == "action_listen":
            listening = True


def test_interleaved_conversations_are_stored_once_in_order_and_reach_their_end(running: Cluster) -> None:
    targets = [running.url, *running.server_urls]  # the load balancer, then each server straight
    plan = [(f"cluster-{script.name}-{n}", script) for n in range(CONVERSATIONS) for script in SCRIPTS]
    sent: Dict[str, List[str]] = defaultdict(list)
    lock = threading.Lock()

    def converse(index: int, sender: str, script: Script) -> List[str]:
        problems = []
        for turn, (message, expected) in enumerate(script.turns):
            target = targets[(index + turn) % len(targets)]
            with lock:
                sent[sender].append(message)
            text = reply_text(send(target, sender, message))
            if not text:
                problems.append(f"{sender} turn {turn}: no reply from {target}")
            if expected and expected not in text:
                problems.append(f"{sender} turn {turn} ({target}): {expected!r} not in {text[:200]!r}")
        return problems

    with ThreadPoolExecutor(max_workers=len(plan)) as pool:
        results = list(pool.map(lambda item: converse(item[0], *item[1]), enumerate(plan)))
    assert [problem for problems in results for problem in problems] == []

    events = stored_events(running)
    for sender, script in plan:
        check_stored_once_and_in_order(events[sender], sent[sender])
        credentials = [
            data["value"]
            for _, t, _, data in events[sender]
            if t == "slot" and data.get("name") == "recommended_credential"
        ]  # noqa: E501
        assert credentials and credentials[-1] == script.credential, sender


def test_two_messages_at_once_on_different_servers_are_handled_one_after_the_other(running: Cluster) -> None:
    first, second = running.server_urls
    questions = ("how much does a micromasters cost?", "do professional certificates give credit?")
    senders = [f"cluster-pair-{n}" for n in range(PAIRS)]

    def both_at_once(sender: str) -> List[str]:
        texts = []
        for _ in range(PAIR_ROUNDS):
            with ThreadPoolExecutor(max_workers=2) as pool:
                replies = list(
                    pool.map(lambda pair: send(pair[0], sender, pair[1]), zip((first, second), questions, strict=False))
                )
            texts.extend(reply_text(reply) for reply in replies)
        return texts

    with ThreadPoolExecutor(max_workers=PAIRS) as pool:
        answered = list(pool.map(both_at_once, senders))
    assert all(all(text for text in texts) for texts in answered), "a message got no reply"

    events = stored_events(running)
    for sender in senders:
        users = [data.get("text") for _, t, _, data in events[sender] if t == "user"]
        assert sorted(users) == sorted(list(questions) * PAIR_ROUNDS)
        check_stored_once_and_in_order(events[sender], users)


def test_a_slack_retry_reaching_the_other_server_is_not_answered_twice(running: Cluster, fake: FakeSlack) -> None:
    first, second = running.rasa_ports
    user, channel = ids()
    original = event("how much does a professional certificate cost?", user, channel)
    assert send_slack(first, original)[0] == 200
    assert about_kind(fake.wait_for_posts(channel, 1)[0]["text"], "Professional Certificate")
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    status, headers, _ = send_slack(second, original, headers=retry)  # Slack's retry, landing on the other server
    assert status == 200 and headers.get("X-Slack-No-Retry") == "1"
    assert len(barrier(second, fake, user, channel, 1)) == 2  # the original answer and the barrier's, nothing else


def test_no_log_line_holds_a_secret(running: Cluster, fake: FakeSlack) -> None:
    secrets = [BOT_TOKEN, SIGNING_SECRET, running.database.password]
    logs = sorted((ARTIFACTS / "logs").glob("cluster-*.log"))
    assert len(logs) >= 7
    for log in logs:
        for number, line in enumerate(log.read_text(errors="replace").splitlines(), 1):
            assert not any(secret in line for secret in secrets), f"{log.name}:{number} holds a secret"
