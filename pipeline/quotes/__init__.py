"""Quotes: direct, partial and indirect quotes with their cues and speaker phrases (find_quotes)."""

from .context import CONFIDENCE, QuoteSettings
from .find import find_quotes

__all__ = ["CONFIDENCE", "QuoteSettings", "find_quotes"]
