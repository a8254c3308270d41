"""Custom Rasa NLU components (thin wrappers around ``advisor``)."""
