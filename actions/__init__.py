"""Custom actions: thin rasa-sdk glue over the plain-Python ``advisor`` package.

Importing this package loads and validates the knowledge base and the lexicon,
so a broken ``knowledge/`` or ``lexicon/`` file stops the action server at
start-up with a clear error.
"""

from advisor.knowledge import default_knowledge
from advisor.lexicon import default_lexicon

default_knowledge()
default_lexicon()
