"""Units: a small pint registry of currencies and scale words, built from ``units.toml``.

Currencies are separate pint dimensions, so converting euros to dollars raises instead of
silently mixing them; scale words (million, bn, crore…) are dimensionless factors.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import pint
import pycountry

PERCENT = "percent"
PERCENTAGE_POINT = "percentage_point"


@lru_cache(maxsize=8)
def _registry(currencies: tuple[str, ...], scales: tuple[tuple[str, float], ...]) -> pint.UnitRegistry:
    # An empty registry: the default one misreads short tokens such as "B", "M" and "pt".
    ureg = pint.UnitRegistry(None)
    for code in currencies:
        ureg.define(f"{code} = [currency_{code}]")
    for word, factor in scales:
        ureg.define(f"scale_{word} = {factor!r}")
    ureg.define("percent = [percent]")
    ureg.define("percentage_point = [percentage_point]")
    return ureg


class UnitTable:
    """Currencies and scale factors, with conversion to base units through pint."""

    def __init__(self, units: dict) -> None:
        self.currencies: dict[str, dict] = dict(units.get("currencies", {}))
        iso = units.get("iso", {})
        if iso.get("codes", True):
            # every ISO 4217 code written before or after a number ("NOK 3.4 billion", "ZAR 12m"),
            # but those that are also words or names ("TOP 10", "CVE 2024-1234", "PHP 8.2")
            skip = set(iso.get("not_codes", []))
            for cur in pycountry.currencies:
                code = cur.alpha_3
                if code not in self.currencies and code not in skip:
                    self.currencies[code] = {"prefix": [code], "suffix": [code]}
        raw_scales = {str(k).lower(): float(v) for k, v in units.get("scales", {}).items()}
        self.scales = raw_scales
        self._ureg = _registry(tuple(sorted(self.currencies)), tuple(sorted(raw_scales.items())))
        self._known_units: set[str] = set()  # units pint has accepted, so not parsed again per figure

    def is_currency(self, unit: str) -> bool:
        return unit in self.currencies

    @lru_cache(maxsize=256)
    def scale_factor(self, word: str | None) -> int:
        """The factor a scale word multiplies by (1 when there is none)."""
        if not word:
            return 1
        key = word.strip().lower().rstrip(".")
        if key not in self.scales:
            raise KeyError(word)
        q = self._ureg.Quantity(1, f"scale_{key}").to("dimensionless")
        return int(round(q.magnitude))

    def to_base(self, number: str, scale: str | None, unit: str) -> float:
        """Convert a written number (``"1,094.83"``) with its scale to base units.

        Arithmetic is decimal so ``578.14 billion`` is exactly ``578140000000``. Pint
        defines the scale factors and checks the unit (once per unit); the figure itself
        is a plain Decimal times the factor, as a pint Quantity would hold it, which is
        many times cheaper than building one per figure.
        """
        value = Decimal(number.replace(",", "").replace("−", "-"))
        factor = self.scale_factor(scale)
        if unit not in self._known_units:
            self._ureg.Quantity(1, unit)  # an unknown unit raises here, as it always did
            self._known_units.add(unit)
        return float(value * factor)

    def comparable(self, unit_a: str, unit_b: str) -> bool:
        """Whether two units measure the same thing (different currencies do not)."""
        try:
            self._ureg.Quantity(1, unit_a).to(unit_b)
            return True
        except (pint.DimensionalityError, pint.UndefinedUnitError):
            return False
