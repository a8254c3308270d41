"""Custom Rasa input channels of the advisor."""
