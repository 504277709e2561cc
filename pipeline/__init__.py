"""Quotes, speakers and numeric claims from English news articles."""

__version__ = "0.2.0"
