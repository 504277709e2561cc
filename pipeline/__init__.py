"""Quotes, speakers and numeric claims from English news articles."""

__version__ = "0.1.0"
