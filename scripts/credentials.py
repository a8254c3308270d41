"""The credentials file Rasa should run with: Slack only when its environment variables are set.

credentials.yml configures Slack from ``${SLACK_BOT_TOKEN}`` and ``${SLACK_SIGNING_SECRET}``. Rasa
refuses to start when such a variable is unset (and SlackInput refuses an empty signing secret),
and even ``rasa shell`` reads the whole file. ``effective_credentials`` writes a copy without the
Slack section in that case, so the bot still starts, over the other channels.

    python -m scripts.credentials credentials.yml /tmp/somewhere   # prints the path to pass to --credentials
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import List, Mapping, Optional

SLACK_VARIABLES = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")
_TOP_LEVEL_KEY = re.compile(r"""^(?!-(\s|$))(?P<key>"[^"]*"|'[^']*'|[^\s#'"][^:]*?)\s*:(\s|$)""")


def _is_slack(key: str) -> bool:
    name = key.strip("\"'")
    return name == "slack" or name.rsplit(".", 1)[-1].endswith("SlackInput")


def missing_slack_variables(environ: Optional[Mapping[str, str]] = None) -> List[str]:
    """The Slack variables that are unset or empty (in ``environ``, by default this process's)."""
    environ = os.environ if environ is None else environ
    return [name for name in SLACK_VARIABLES if not environ.get(name, "").strip()]


def without_slack(text: str) -> str:
    """``text`` (a block-style credentials.yml) without its Slack section(s)."""
    kept, skipping = [], False
    for line in text.splitlines(keepends=True):
        match = _TOP_LEVEL_KEY.match(line)
        if match:
            skipping = _is_slack(match.group("key"))
        if not skipping:
            kept.append(line)
    return "".join(kept)


def effective_credentials(source: Path, directory: Path, environ: Optional[Mapping[str, str]] = None) -> Path:
    """Write the credentials Rasa should use into ``directory`` and return that file's path.

    An exact copy when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are both set; otherwise a copy
    without the Slack section, and one line saying Slack is disabled and how to enable it.
    ``environ`` is the environment Rasa will run with (by default this process's).
    """
    text = Path(source).read_text(encoding="utf-8")
    missing = missing_slack_variables(environ)
    if missing:
        trimmed = without_slack(text)
        if trimmed != text:
            print(
                f"Slack channel disabled: set {' and '.join(SLACK_VARIABLES)} to enable it "
                f"(not set: {', '.join(missing)}).",
                file=sys.stderr,
                flush=True,
            )
            text = trimmed
    target = Path(directory) / "credentials.yml"
    if target.resolve() == Path(source).resolve():
        raise ValueError(f"refusing to overwrite {source}: pass another directory")
    target.write_text(text, encoding="utf-8")
    return target


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m scripts.credentials SOURCE_CREDENTIALS_YML OUTPUT_DIRECTORY")
    print(effective_credentials(Path(sys.argv[1]), Path(sys.argv[2])))
