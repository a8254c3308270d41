"""Smoke test of `rasa shell` (what `make chat` opens), driven through tmux
like a person at a terminal: a greeting, an FAQ, and a recommendation chosen
with the shell's button menus."""

import shutil
import subprocess
import time
import uuid

import pytest

from scripts.stack import ROOT

pytestmark = [pytest.mark.model, pytest.mark.servers]


class Terminal:
    def __init__(self) -> None:
        self.name = f"advisor-{uuid.uuid4().hex[:6]}"
        command = f"cd {ROOT} && .venv/bin/python -m scripts.chat"
        subprocess.run(["tmux", "new-session", "-d", "-s", self.name, "-x", "220", "-y", "80", command], check=True)

    def screen(self) -> str:
        result = subprocess.run(
            ["tmux", "capture-pane", "-p", "-J", "-S", "-300", "-t", self.name], capture_output=True, text=True
        )
        return result.stdout

    def wait_for(self, text: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.5)
        raise AssertionError(f"{text!r} did not appear; screen:\n{self.screen()[-3000:]}")

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def type(self, text: str) -> None:
        self.keys("-l", text)
        self.keys("Enter")

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def terminal():
    if not shutil.which("tmux"):
        pytest.fail("tmux is needed for the rasa shell test (make test installs it)")
    term = Terminal()
    yield term
    term.close()


def test_shell_greeting_faq_and_recommendation(terminal):
    terminal.wait_for("Your input", timeout=300)
    terminal.type("hello")
    terminal.wait_for("Type out your own message")
    terminal.keys("Down", "Down", "Down", "Enter")  # past the 3 buttons to free text
    terminal.type("how much does a micromasters cost?")
    terminal.wait_for("For a MicroMasters, a typical program")
    terminal.type("help me choose")
    terminal.wait_for("What's your main goal")
    terminal.keys("Enter")  # "A job skill, quickly"
    terminal.wait_for("Does academic credit")
    terminal.keys("Down", "Enter")  # "No, not really"
    terminal.wait_for("How much time can you give it")
    terminal.keys("Enter")  # "Under 5 hours"
    terminal.wait_for("your budget")
    terminal.keys("Enter")  # "Under $500"
    terminal.wait_for("Which subject")
    terminal.keys("Enter")  # "Data science"
    screen = terminal.wait_for("My recommendation: a Professional Certificate program.")
    assert "Data science Professional Certificate programs to look at" in screen  # examples in the subject
    terminal.type("/stop")
