"""Test-only entry point: ``rasa ...`` with the Slack Web API pointed at a local fake.

    FAKE_SLACK_API_URL=http://127.0.0.1:PORT/api/ python -m tests.slack_server run --credentials ...

Rasa's Slack output channel builds ``AsyncWebClient(token, proxy=proxy)`` from the name in
``rasa.core.channels.slack``; the base URL is not configurable from credentials. Replacing that
name with a partial that sets ``base_url`` sends every Web API call to the fake instead of slack.com.
"""

from __future__ import annotations

import functools
import os
import sys


def point_slack_at(base_url: str) -> None:
    """Make Rasa's Slack channel call the Web API at ``base_url`` (it must end with "/")."""
    import rasa.core.channels.slack as rasa_slack

    if not base_url.endswith("/"):
        raise ValueError(f"base_url must end with '/': {base_url}")
    rasa_slack.AsyncWebClient = functools.partial(rasa_slack.AsyncWebClient, base_url=base_url)  # type: ignore[misc]


def main() -> None:
    point_slack_at(os.environ["FAKE_SLACK_API_URL"])
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *sys.argv[1:]]
    rasa_main()


if __name__ == "__main__":
    main()
