"""What the default run exposes: the action server on loopback only, Rasa's HTTP API off (or
behind a token), the web socket for the page's own origin only, and secrets only from the
environment. (That no log line holds a secret is checked where Slack runs: tests/test_cluster.py.)"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import pytest

from scripts import web
from scripts.stack import API_TOKEN_VARIABLE, ROOT, Stack, rasa_command

servers = pytest.mark.servers


def get(url: str, headers: Optional[Dict[str, str]] = None) -> Tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def listening_addresses(port: int) -> List[str]:
    """The local addresses of the sockets listening on ``port`` (from /proc: no traffic sent)."""
    found = []
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                found.append(address if len(address) == width else "?")
    return found


@servers
def test_the_action_server_listens_on_loopback_only(stack: Stack) -> None:
    assert listening_addresses(stack.action_port) == ["0100007F"]  # 127.0.0.1, and no IPv6 socket


@servers
def test_the_chat_port_listens_on_loopback_by_default(stack: Stack) -> None:
    assert listening_addresses(stack.rasa_port) == ["0100007F"]


@servers
def test_rasas_http_api_refuses_requests_without_its_token(stack: Stack) -> None:
    base = f"http://127.0.0.1:{stack.rasa_port}"
    assert get(f"{base}/status")[0] == 401
    assert get(f"{base}/conversations/anyone/tracker?token=wrong")[0] == 401
    assert get(f"{base}/status?token={stack.api_token}")[0] == 200


def test_the_http_api_cannot_be_enabled_without_a_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(API_TOKEN_VARIABLE, raising=False)
    with pytest.raises(ValueError, match=API_TOKEN_VARIABLE):
        rasa_command(5005, tmp_path, enable_api=True)
    assert web.main(["--enable-api", "--port", "0"]) == 1  # `make run` refuses before starting anything
    default = rasa_command(5005, tmp_path, enable_api=False)
    assert "--enable-api" not in default and "--auth-token" not in default


@servers
@pytest.mark.parametrize(
    "origin, accepted",
    [("http://evil.example", False), ("null", False), ("http://127.0.0.1.evil.example", False), (None, True)],
)
def test_the_web_socket_accepts_only_the_pages_own_origin(stack: Stack, origin: Optional[str], accepted: bool) -> None:
    base = f"http://127.0.0.1:{stack.rasa_port}"
    headers = {"Origin": origin or base}
    status, body = get(f"{base}/socket.io/?EIO=4&transport=polling", headers)
    assert (status == 200) is accepted, (status, body[:200])


def test_secrets_come_from_the_environment_only() -> None:
    secret_keys = re.compile(r"^\s*(slack_token|slack_signing_secret|password|token|auth_token)\s*:\s*(.*)$", re.M)
    files = [ROOT / "credentials.yml", ROOT / "endpoints.yml", *sorted((ROOT / "deploy").glob("*.yml"))]
    for path in files:
        for key, value in secret_keys.findall(path.read_text()):
            assert re.fullmatch(r'"?\$\{[A-Z_]+\}"?', value.strip()), f"{path.name}: {key} is not from the environment"
