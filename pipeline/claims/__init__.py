"""Numeric claims: `find_claims` finds them (find.py), reading what a number counts (counted.py),
what happened to it (predicate.py), who states it (claimant.py), and passing over numbers that are
not claims with a named reason (filters.py)."""

from .confidence import CLAIM_CONFIDENCE, claim_confidence
from .filters import PASSED_OVER
from .find import PassedOver, find_claims

__all__ = ["CLAIM_CONFIDENCE", "PASSED_OVER", "PassedOver", "claim_confidence", "find_claims"]
