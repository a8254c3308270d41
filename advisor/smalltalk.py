"""The reply to thanks, which depends on whether the message also says goodbye.

The classifier gives each message one intent, and "thanks, bye" is read as a
thank-you. Its reply should then close the conversation rather than ask
"anything else?". Farewells are few and fixed, so a word list is enough.
"""

from __future__ import annotations

import re

THANKS_REPLY = "You're welcome! Anything else about MicroMasters or Professional Certificates?"
THANKS_AND_GOODBYE_REPLY = "You're welcome! Goodbye, and good luck with your studies. Come back any time."

# Whole words or phrases; "bye" also covers "bye bye" and "good bye".
FAREWELLS = (
    "bye",
    "byee",
    "bbye",
    "goodbye",
    "cya",
    "see ya",
    "see you",
    "see u",
    "ttyl",
    "gtg",
    "got to go",
    "gotta go",
    "have to go",
    "good night",
    "goodnight",
    "gnight",
    "ciao",
    "adios",
    "farewell",
    "take care",
    "signing off",
    "that's all",
    "thats all",
    "that is all",
)

_FAREWELL = re.compile(
    r"(?<![\w'])(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in FAREWELLS) + r")(?![\w'])",
    re.IGNORECASE,
)


def says_goodbye(text: str) -> bool:
    """True when ``text`` contains a farewell as whole words ("thanks, bye!", not "byelaw")."""
    return bool(_FAREWELL.search(text.replace("\u2019", "'")))


def thanks_reply(text: str) -> str:
    """ "You're welcome", closing the conversation when the thanks came with a goodbye."""
    return THANKS_AND_GOODBYE_REPLY if says_goodbye(text) else THANKS_REPLY
