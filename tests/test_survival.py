"""Conversations survive: a Rasa restart, the action server stopping or stalling, a missing database.

One stack of its own (action server + Rasa server on a SQLite tracker store, as `make run`),
whose real processes the tests kill, stop and start again on the same ports.
"""

from __future__ import annotations

import signal
import subprocess
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Iterator

import pytest

from channels.resilience import APOLOGY
from scripts.conversations import RECOMMENDATION, reply_text
from scripts.stack import (
    action_server,
    free_port,
    rasa_command,
    sqlite_store,
    start,
    stop,
    wait_for,
)
from scripts.web import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import ARTIFACTS, RestClient
from tests.test_web import Chat, sync_playwright

pytestmark = [pytest.mark.model, pytest.mark.servers]

LOGS = ARTIFACTS / "logs"
APOLOGY_WITHIN_SECONDS = 9.0  # the action call's limit is 5 s; the rest is margin for a busy machine


class Survivor:
    """An action server and a Rasa server that the tests may kill and start again."""

    def __init__(self, work: Path, exits: ExitStack) -> None:
        self.work = work
        self.exits = exits
        self.action_port, self.rasa_port = free_port(), free_port()
        self.token = "survival-test-token"
        self.database = work / "conversations.sqlite"
        self.rasa: subprocess.Popen = self.start_rasa()
        self.actions: subprocess.Popen = self.start_actions()

    def log(self, name: str) -> IO[bytes]:
        LOGS.mkdir(parents=True, exist_ok=True)
        return self.exits.enter_context(open(LOGS / f"survival-{name}.log", "ab"))

    def start_rasa(self) -> subprocess.Popen:
        args = rasa_command(
            self.rasa_port,
            self.work,
            self.action_port,
            ["--interface", "127.0.0.1"],
            api_token=self.token,
            tracker_store=sqlite_store(self.database),
        )
        self.rasa = start(args, self.log("rasa"))
        self.exits.callback(stop, self.rasa)
        return self.rasa

    def wait_rasa(self) -> None:
        wait_for(f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/", self.rasa)

    def start_actions(self) -> subprocess.Popen:
        self.actions = self.exits.enter_context(action_server(self.action_port, self.log("actions")))
        return self.actions

    def client(self) -> RestClient:
        return RestClient(self.rasa_port, self.token)


@pytest.fixture(scope="module")
def survivor() -> Iterator[Survivor]:
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as exits:
        running = Survivor(Path(tmp), exits)
        running.wait_rasa()
        yield running


def answer_first_two_questions(client: RestClient) -> None:
    client.say("help me choose")
    client.say('/inform{"goal":"skills"}')
    client.say("/deny")


def test_a_rasa_restart_mid_questions_keeps_the_answers_and_the_web_page_its_session(survivor: Survivor) -> None:
    client = survivor.client()
    answer_first_two_questions(client)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_default_timeout(30_000)
        chat = Chat(page, f"http://localhost:{survivor.rasa_port}/").open()
        chat.say("help me choose", "main goal")
        chat.click_reply("A job skill, quickly", "academic credit")
        transcript = chat.transcript()

        survivor.rasa.send_signal(signal.SIGKILL)  # as hard a stop as there is: nothing is flushed on the way out
        survivor.rasa.wait()
        survivor.start_rasa()
        survivor.wait_rasa()

        assert client.slot("goal") == "skills" and client.slot("wants_credit") is False
        client.say('/inform{"weekly_hours":"4"}')
        client.say('/inform{"budget":"499"}')
        result = client.text('/inform{"subject":"data science"}')
        assert f"{RECOMMENDATION} a Professional Certificate program" in result
        assert "you want a practical job skill quickly" in result and "academic credit" in result
        assert client.slot("recommended_credential") == "professional_certificate"

        page.reload()
        chat.wait_ready()
        assert chat.transcript() == transcript
        reply = chat.click_reply("No, not really", "hours a week")  # the server still has the session
        assert "goal" not in reply
        browser.close()


def test_action_server_down_gets_an_apology_and_the_conversation_goes_on_once_it_is_back(survivor: Survivor) -> None:
    client = survivor.client()
    client.say("help me choose")
    stop(survivor.actions)
    started = time.monotonic()
    replies = client.say('/inform{"goal":"skills"}')
    assert reply_text(replies) == APOLOGY and time.monotonic() - started < APOLOGY_WITHIN_SECONDS
    survivor.start_actions()
    assert "credit" in client.text('/inform{"goal":"skills"}')  # said again once the server is back
    assert client.slot("goal") == "skills"


def test_a_stalled_action_server_gets_an_apology_within_seconds_then_answers_again(survivor: Survivor) -> None:
    client = survivor.client()
    client.say("help me choose")
    survivor.actions.send_signal(signal.SIGSTOP)  # alive, port open, answers nothing
    try:
        started = time.monotonic()
        replies = client.say("how much does a micromasters cost?")
        assert reply_text(replies) == APOLOGY and time.monotonic() - started < APOLOGY_WITHIN_SECONDS
    finally:
        survivor.actions.send_signal(signal.SIGCONT)
    assert "Source" in client.text("do professional certificates give credit?")
    assert "credit" in client.text('/inform{"goal":"skills"}')  # the questions go on where they were


def test_an_unreachable_database_at_start_is_a_clear_error_not_a_hang(tmp_path: Path) -> None:
    closed_port = free_port()  # nothing listens there
    store = {
        "type": "serving.stores.CheckedSQLTrackerStore",
        "dialect": "postgresql",
        "url": "127.0.0.1",
        "port": closed_port,
        "db": "rasa",
        "username": "rasa",
        "password": "unused",
        "connect_timeout": 2,
    }
    log_path = tmp_path / "rasa.log"
    with open(log_path, "wb") as log:
        args = rasa_command(free_port(), tmp_path, free_port(), enable_api=False, tracker_store=store)
        process = start(args, log)
        try:
            code = process.wait(timeout=120)
        finally:
            stop(process)
    output = log_path.read_text(errors="replace")
    assert code != 0
    assert f"PostgreSQL tracker store at 127.0.0.1:{closed_port} (database 'rasa') is unavailable" in output
