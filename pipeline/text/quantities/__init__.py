"""Quantities in plain text: where a number is written, its normalised value, kind and unit.

Pure text functions (no parse): `scan_quantities(text)` (scan.py) and `parse_number(words)`
(numbers.py); each kind of number is read in read.py with the patterns of patterns.py, and joined
into ranges and changes in join.py.
"""

from .numbers import Quantity, Value, parse_number
from .scan import scan_quantities

__all__ = ["Quantity", "Value", "parse_number", "scan_quantities"]
