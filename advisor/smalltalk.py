"""The words of small talk: greetings, thanks, goodbyes, what the bot is.

Which of them a message calls for is the reading's call (``advisor/reading.py``,
with the cues in ``lexicon/conversation.yml``); these are only the replies.
"""

from __future__ import annotations

GREETING = (
    "Hi! I'm the edX credential advisor. I explain edX Professional Certificates and MicroMasters programs in "
    "plain words, with sources, and I can help you choose. What would you like to know?"
)
GREETING_BUTTONS = (
    ("Help me choose", "/request_recommendation"),
    ("What's the difference?", "/ask_difference"),
    ("Find programmes", "/search_programs"),
)
GOODBYE_REPLY = "Goodbye, and good luck with your studies! Come back any time."
THANKS_REPLY = "You're welcome! Anything else about MicroMasters or Professional Certificates?"
THANKS_AND_GOODBYE_REPLY = "You're welcome! Goodbye, and good luck with your studies. Come back any time."
THANKS_IN_QUESTIONS_REPLY = "You're welcome!"
COMPLAINT_REPLY = (
    "Sorry that wasn't helpful. I only answer from my sources, so some answers are short, and some are an honest "
    "'I don't know'. "
    'Try asking in other words, type "help" for examples, or say "help me choose".'
)
COMPLIMENT_REPLY = 'Thank you! What else would you like to know? Ask me anything, or say "help me choose".'
BOT_IDENTITY = (
    "I'm a bot: the edX credential advisor. I'm not affiliated with edX, and I answer only from a curated "
    "knowledge base with sources."
)
YES_OR_NO_REPLY = (
    "I can't honestly give one yes or no for everyone: it depends on whether you'd use the credit toward a "
    "master's, and on your goal, time and budget. Say \"help me choose\" and I'll give you a straight "
    "recommendation after a few quick questions."
)
