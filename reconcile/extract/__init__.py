"""The extraction stage: Documents in, Claims out (see ``document.py``)."""

from .claim import COLUMNS, Claim
from .document import Extractor

__all__ = ["COLUMNS", "Claim", "Extractor"]
