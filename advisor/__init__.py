"""Plain-Python core of the edX credential advisor.

Nothing in this package imports Rasa: the knowledge base, the matching of
free text to programmes, and the recommendation rules live here so that they
can be unit-tested on their own and reused by any channel.
"""
