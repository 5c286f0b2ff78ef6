"""Numbers for people: amounts, percentages and periods as a report prints them.

Rule messages and reports share these so the arithmetic reads the same everywhere:
``USD 616.26B``, ``11.37%``, ``2025–2034``.
"""

from __future__ import annotations

import math
import re

_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _digits(x: float, places: int = 2) -> str:
    text = f"{x:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def is_percent(unit: str) -> bool:
    return unit in ("percent", "percentage_point")


def format_amount(value: float, unit: str, *, places: int = 2, scale: float | None = None) -> str:
    """``USD 1,094.83B`` for money, ``28.72%`` for percentages, ``3.5 pp`` for points.

    ``scale`` (1e9 for a figure written in billions) keeps a quoted figure in its own
    scale, so "USD 1,094.83 billion" is not shown as "USD 1.09T".
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "?"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if unit == "percent":
        return f"{_digits(value, places)}%"
    if unit == "percentage_point":
        return f"{_digits(value, places)} pp"
    sign = "−" if value < 0 else ""
    mag = abs(value)
    for size, suffix in _SCALES:
        if scale and math.isclose(size, scale, rel_tol=1e-6):
            return f"{unit} {sign}{_digits(mag / size, places)}{suffix}".strip()
    for size, suffix in _SCALES:
        if mag >= size:
            return f"{unit} {sign}{_digits(mag / size, places)}{suffix}".strip()
    return f"{unit} {sign}{_digits(mag, places)}".strip()


def format_rate(rate: float, *, places: int = 2) -> str:
    """A growth rate given as a fraction (0.0659) as a percentage (``6.59%``)."""
    if math.isinf(rate):
        return "∞%"
    return f"{'−' if rate < 0 else ''}{abs(rate) * 100:.{places}f}%"


def plural(n: int, word: str) -> str:
    """``1 finding``, ``2 findings``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def format_period(start: int | None, end: int | None) -> str:
    """``2025–2034``, ``to 2028`` (end only), ``from 2025`` (start only) or ``no period stated``."""
    if start is None and end is None:
        return "no period stated"
    if start is None:
        return f"to {end}"
    if end is None:
        return f"from {start}"
    return f"{start}–{end}"


def figure_scale(figure: str, value: float) -> float | None:
    """The power of ten a figure's number was multiplied by: 1e9 for "USD 578.14 billion"."""
    m = _NUMBER.search(figure or "")
    if not m or not value:
        return None
    try:
        number = float(m.group(0).replace(",", ""))
    except ValueError:
        return None
    if number == 0:
        return None
    exponent = math.log10(abs(value) / number)
    return 10.0 ** round(exponent) if abs(exponent - round(exponent)) < 1e-6 else None


def figure_half_unit(figure: str, value: float) -> float:
    """Half the last stated digit of a figure, in base units: the rounding it allows.

    "USD 578.14 billion" is any value in 578.135–578.145 billion, so this returns
    0.005e9. A figure without a readable number allows no rounding.
    """
    m = _NUMBER.search(figure or "")
    if not m or not value:
        return 0.0
    text = m.group(0).replace(",", "")
    try:
        number = float(text)
    except ValueError:
        return 0.0
    if number == 0:
        return 0.0
    decimals = len(text.split(".")[1]) if "." in text else 0
    scale = abs(value) / number
    return 0.5 * 10.0 ** (-decimals) * scale
