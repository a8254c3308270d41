"""Custom actions: thin Rasa glue over the plain-Python ``advisor`` package.

Importing this package loads and validates the knowledge base, so a broken
``knowledge/`` file stops the action server at start-up with a clear error.
"""

from advisor.knowledge import default_knowledge

default_knowledge()
