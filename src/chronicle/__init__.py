"""chronicle: an open, local news-to-event-data engine."""

__version__ = "0.1.0"
