"""The review site (site.py builds it from pages.py and html.py; assets/ holds its script and style)."""

from .html import CSP, confidence_class, escape, highlight
from .site import CHROMIUM_FLAGS, build_review, chromium, screenshot

__all__ = ["CHROMIUM_FLAGS", "CSP", "build_review", "chromium", "confidence_class", "escape", "highlight", "screenshot"]
