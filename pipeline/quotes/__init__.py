"""Quotes: direct, partial and indirect quotes with their cues and speaker phrases (find_quotes)."""

from .context import QuoteSettings
from .find import find_quotes
from .rules import CONFIDENCE, QUOTE_RULES

__all__ = ["CONFIDENCE", "QUOTE_RULES", "QuoteSettings", "find_quotes"]
