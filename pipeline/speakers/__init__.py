"""Speakers: phrases that speak quotes resolved to canonical speakers (resolve_speakers)."""

from .canonical import SPEAKER_CONFIDENCE, resolve_speakers, speaker_rule
from .names import clean_name

__all__ = ["SPEAKER_CONFIDENCE", "clean_name", "resolve_speakers", "speaker_rule"]
