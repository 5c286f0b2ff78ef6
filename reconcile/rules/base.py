"""The rule base class: a code, a dotted name, a severity, documentation and options.

A rule's class docstring is its documentation: a one-line summary, then a
*Contradiction* and a *Consistent* example given as claim rows. ``reconcile explain CODE``
prints it. Options (tolerances) live in ``settings.toml`` under ``[rules.CODE]``; the
built-in defaults are in ``reconcile/data/settings.toml``.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Iterable

from ..countries import CountryTable
from ..findings import Finding, claim_identity
from ..regions import RegionTable
from .facts import Bands, Facts


@dataclass(frozen=True)
class RuleContext:
    """What a rule may read besides the facts: its options, the bands, the regions, the
    measure vocabulary (``measures.toml``), how reference facts are read (``reference.toml``),
    the words that end company names (``extract.toml``) and the countries (``countries.toml``)."""

    options: dict
    severity: str
    bands: Bands
    regions: RegionTable
    measures: dict = field(default_factory=dict)
    reference: dict = field(default_factory=dict)
    company_words: tuple = ()
    countries: CountryTable | None = None


class Rule:
    """Base class. Subclasses set ``code``, ``name``, ``severity`` and implement ``check``."""

    code: str = ""
    name: str = ""
    severity: str = "warning"
    #: What a rule's findings read: one market's facts, in however many documents ("market");
    #: one document's facts, whatever their markets ("document"); or facts across the corpus
    #: ("corpus"). Rules run on an executor a bucket of markets or of documents at a time
    #: (see :mod:`reconcile.buckets`); a finding about a market may still read a fact of
    #: another market in the same sentence (a change's amount, a share of the whole).
    reach: str = "market"

    def __init__(self, ctx: RuleContext) -> None:
        self.ctx = ctx
        self.options = ctx.options

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.doc().splitlines()[0] if cls.__doc__ else ""

    def check(self, facts: Facts) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def finding(self, *, subject: str, scope: str, metric: str, message: str, expected: str,
                observed: str, claims: list[dict], focus=None, severity: str | None = None) -> Finding:
        """A finding of this rule; ``focus`` is the fact it is about (the odd one out)."""
        return Finding(rule=self.code, name=self.name, severity=severity or self.ctx.severity, subject=subject,
                       scope=scope, metric=metric, message=message, expected=expected,
                       observed=observed, claims=claims,
                       focus=claim_identity(focus.cite("")) if focus is not None else "")
