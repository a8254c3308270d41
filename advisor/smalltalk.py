"""Small talk whose reply depends on the words, not only on the intent.

The classifier gives each message one intent, and "thanks, bye" is read as a
thank-you. Its reply should then close the conversation rather than ask
"anything else?". Farewells are few and fixed, so a word list is enough.
"Who made you?" is spread over several intents (`ask_why`, `ask_source`, a
FAQ); its words say it is about the bot.
"""

from __future__ import annotations

import re

GOODBYE_REPLY = "Goodbye, and good luck with your studies! Come back any time."
THANKS_REPLY = "You're welcome! Anything else about MicroMasters or Professional Certificates?"
THANKS_AND_GOODBYE_REPLY = "You're welcome! Goodbye, and good luck with your studies. Come back any time."
THANKS_IN_QUESTIONS_REPLY = "You're welcome!"
COMPLAINT_REPLY = (
    "Sorry that wasn't helpful. I only answer from my sources, so some answers are short, and some are an honest "
    "'I don't know'. "
    'Try asking in other words, type "help" for examples, or say "help me choose".'
)

# A complaint about the bot is read as thanks ("you're useless") or a "no" ("worst bot
# ever"), and "You're welcome!" or "OK. What else?" is the wrong reply to it.
_COMPLAINT = re.compile(
    r"\b(useless|stupid|dumb|idiot|sucks?|terrible|awful|rubbish|garbage|pointless|worst|unhelpful"
    r"|not (very )?helpful|(did|does|do)n'?t help|(did|does|do) not help|not helping)\b",
    re.IGNORECASE,
)

# Praise read as a question ("lol ur actually pretty good" was given the worth answer).
COMPLIMENT_REPLY = 'Thank you! What else would you like to know? Ask me anything, or say "help me choose".'
_COMPLIMENT = re.compile(
    r"\b(you'?re|you are|ur|u r|u are|this bot is)\b(?: \w+){0,2} "
    r"(good|great|helpful|awesome|amazing|smart|brilliant|clever|cool|nice|fantastic|excellent|the best)\b"
    r"|\b(that was|that's|thats) (very |really |so |super )?(helpful|useful|great|awesome|amazing|brilliant)\b"
    r"|\b(good|great|nice|smart|helpful) (bot|job|work|answers?)\b|\bwell done\b",
    re.IGNORECASE,
)


def compliments(text: str) -> bool:
    """True for praise of the bot or its answers ("ur actually pretty good", "nice bot")."""
    return bool(_COMPLIMENT.search(text.replace("\u2019", "'")))


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
    # Leaving for now: "ok thank you, I will talk to him tonight", "gotta jump on a call".
    "talk to him",
    "talk to her",
    "talk to them",
    "talk to my",
    "think it over",
    "think about it",
    "jump on a call",
    "hop on a call",
    "that's it for now",
    "thats it for now",
    "for now",
    "gracias",
)

_FAREWELL = re.compile(
    r"(?<![\w'])(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in FAREWELLS) + r")(?![\w'])",
    re.IGNORECASE,
)


# "nah im good", "no thanks, i'm all set": nothing more wanted, at the end of a message.
_ALL_SET = re.compile(r"\b(?:i'?m|i am|we'?re) (?:good|fine|all good|all set|set|done)\W*$", re.IGNORECASE)


def says_goodbye(text: str) -> bool:
    """True when ``text`` contains a farewell as whole words ("thanks, bye!", not "byelaw"), or ends
    saying nothing more is wanted ("nah im good")."""
    text = text.replace("\u2019", "'")
    return bool(_FAREWELL.search(text) or _ALL_SET.search(text))


def complains(text: str) -> bool:
    """True for a complaint about the bot or its answers ("you're useless", "that didn't help")."""
    return bool(_COMPLAINT.search(text.replace("\u2019", "'")))


# Thanks inside a farewell ("thanks, bye", "cheers, see you"): the classifier reads
# such a message as either intent, and the reply should not depend on which.
_THANKS = re.compile(
    r"(?<![\w'])(?:thanks?|thank\s+(?:you|u)|thx|thnx|thanx|tnx|ty|ta|cheers|much\s+obliged|appreciate\w*|grateful"
    r"|gracias|merci|danke)(?![\w'])",
    re.IGNORECASE,
)


def thanks(text: str) -> bool:
    """True when ``text`` thanks, as whole words ("thanks, bye", not "thanksgiving")."""
    return bool(_THANKS.search(text.replace("\u2019", "'")))


def goodbye_reply(text: str) -> str:
    """The reply to a farewell, with "You're welcome" when it also thanks."""
    return THANKS_AND_GOODBYE_REPLY if thanks(text) else GOODBYE_REPLY


def thanks_reply(text: str, in_questions: bool = False) -> str:
    """ "You're welcome", closing the conversation when the thanks came with a goodbye.

    ``in_questions``: said during the recommendation's questions, which go on after
    plain thanks and end with a goodbye.
    """
    if complains(text):
        return COMPLAINT_REPLY
    if says_goodbye(text):
        return THANKS_AND_GOODBYE_REPLY
    return THANKS_IN_QUESTIONS_REPLY if in_questions else THANKS_REPLY


# "Are you a bot?" and "who made you?" (kept out of the domain: the action that says
# it first checks whether "who runs edX?" was meant).
BOT_IDENTITY = (
    "I'm a bot: the edX credential advisor. I'm not affiliated with edX, and I answer only from a curated "
    "knowledge base with sources."
)

_WHO_MADE_ME = re.compile(
    r"\b(who|which company|what company)\b.*\b(made|built|created|programmed|developed|designed|wrote|owns|runs)"
    r"\s+(you|this (bot|chatbot|assistant|thing))\b",
    re.IGNORECASE,
)


def asks_who_made_me(text: str) -> bool:
    """True for "who made you?", "which company built this bot?"."""
    return bool(_WHO_MADE_ME.search(text))


# "Are you sure?", "how confident are you in that price?": read as a bot challenge,
# a request for sources or help, each got another reply.
_HOW_SURE = re.compile(
    r"\b(are you (sure|certain|confident)|r u sure|you sure|how (sure|certain|confident|accurate|reliable)"
    r"|can i (trust|rely on) (you|this|that|it)|is (this|that|it|the info|this info|your info|the information)"
    r" (still )?(accurate|correct|true|right|reliable|up to date|current))\b",
    re.IGNORECASE,
)


# "I read that a MicroMasters costs tens of thousands. Is that right?" checks what was read, not my answer.
_HEARD_ELSEWHERE = re.compile(
    r"\b(i (read|heard|saw|was told)|an article|the article|someone (said|told)|they say|people say"
    r"|i've read|ive read)\b",
    re.IGNORECASE,
)


def asks_how_sure(text: str) -> bool:
    """True for "are you sure?" or "how confident are you in the price?", not "I read X. Is that right?"."""
    text = text.replace("\u2019", "'")
    return bool(_HOW_SURE.search(text)) and not _HEARD_ELSEWHERE.search(text)


# "Your prices are from 2018, that's old", "is the $1,350 still correct today?", "is ur info up to date?":
# whether my facts still hold. It got "Goodbye", "outside what I cover" or a list of sources.
_IF_CURRENT = re.compile(
    r"\b(out ?of ?date|outdated|up ?to ?date|(gone|went) up|last (checked|updated|verified|refreshed)"
    r"|how (old|recent|current|fresh|new) (is|are) (your|ur|the|this|these|that|those) "
    r"(info|information|data|prices?|facts?|sources?|figures?|knowledge|numbers?)"
    r"|(still|currently) (correct|right|true|valid|accurate|the same|the (price|cost|fee))"
    r"|(correct|right|true|valid|accurate|the price|the cost) (today|now|these days|in 20\d\d)"
    r"|(prices?|fees?|costs?|figures?|numbers?|info|information|data|facts|sources?) (are|is|r) "
    r"(all |so |really |too |very |pretty |kinda |a bit )?(old|from 20\d\d|dated|stale)"
    r"|(that'?s|thats|so|too|very|really) (old|dated|stale)\b.{0,20}\b(info|information|data|prices?|figures?)"
    r"|old (info|information|data|prices?|figures?|numbers?))",
    re.IGNORECASE,
)


def asks_if_current(text: str) -> bool:
    """True for "is that price still correct today?" or "your prices are from 2018, that's old"."""
    text = text.replace("\u2019", "'")
    return bool(_IF_CURRENT.search(text)) and not _HEARD_ELSEWHERE.search(text)


# "is it worth it, yes or no?", "just yes or no please": a verdict the sources can't give for everyone.
_YES_OR_NO = re.compile(r"\byes or no\b|\b(one|single) word\b|\bjust tell me (yes|no)\b", re.IGNORECASE)
YES_OR_NO_REPLY = (
    "I can't honestly give one yes or no for everyone: it depends on whether you'd use the credit toward a "
    "master's, and on your goal, time and budget. Say \"help me choose\" and I'll give you a straight "
    "recommendation after five quick questions."
)


def wants_yes_or_no(text: str) -> bool:
    """True for "just yes or no please": the learner wants a verdict, not the reasons."""
    return bool(_YES_OR_NO.search(text))
