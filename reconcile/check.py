"""Run the rules over a claims table: settings validated, findings in a stable order.

This is the ``rules`` arrow of the pipeline. ``check_corpus`` is the whole job behind
``reconcile check``: read, extract, normalize, run the rules, and summarize.
"""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .baseline import Baseline, apply_baseline
from .config import Settings, _default_text, load_settings
from .corpus import extract_corpus
from .errors import ConfigError
from .findings import SEVERITIES, SEVERITY_RANK, Finding
from .normalize import claims_frame
from .regions import RegionTable
from .rules import RULES, RuleContext
from .rules.facts import Bands, Facts
from .sources import InputStatus
from .waivers import Waiver, apply_waivers

FAIL_ON = (*SEVERITIES, "never")


def _settings_file(settings: Settings) -> Path:
    if settings.rules_dir and (Path(settings.rules_dir) / "settings.toml").is_file():
        return Path(settings.rules_dir) / "settings.toml"
    return Path("<builtin>/settings.toml")


def _same_kind(default, value) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and math.isfinite(value)
    return type(default) is type(value)


def rule_options(settings: Settings) -> dict[str, dict]:
    """Each rule's merged options, checked against the built-in defaults.

    Raises
    ------
    ConfigError
        For an unknown rule code or option, a bad severity, or a value of the wrong type.
    """
    where = _settings_file(settings)
    defaults = tomllib.loads(_default_text("settings")).get("rules", {})
    given = settings.settings.get("rules", {})
    if not isinstance(given, dict):
        raise ConfigError(where, "[rules] must be a table of [rules.CODE] tables")
    known = {r.code for r in RULES}
    for code in sorted(given):
        if code not in known:
            raise ConfigError(where, f"[rules.{code}]: no such rule (see `reconcile rules`)")
    out = {}
    for rule in RULES:
        opts = given.get(rule.code, {})
        base = defaults.get(rule.code, {})
        if not isinstance(opts, dict):
            raise ConfigError(where, f"[rules.{rule.code}] must be a table")
        for key, value in sorted(opts.items()):
            if key not in base:
                raise ConfigError(where, f"[rules.{rule.code}] has no option {key!r}; it has {', '.join(sorted(base))}")
            if not _same_kind(base[key], value):
                raise ConfigError(where, f"[rules.{rule.code}] {key} = {value!r}: expected a value like {base[key]!r}")
        for key in sorted(k for k in base if k.endswith("severity")):
            if opts.get(key, base[key]) not in SEVERITIES:
                raise ConfigError(where, f"[rules.{rule.code}] {key} must be one of {', '.join(SEVERITIES)}")
        out[rule.code] = {**base, **opts}
    return out


def bands_from(settings: Settings) -> Bands:
    cfg = settings.settings.get("bands", {})
    try:
        bands = Bands(approx=float(cfg.get("approx", 0.10)), relative=float(cfg.get("relative", 0.01)))
    except (TypeError, ValueError):
        raise ConfigError(_settings_file(settings), "[bands] approx and relative must be numbers") from None
    if not (0 <= bands.approx < 1 and 0 <= bands.relative < 1):
        raise ConfigError(_settings_file(settings), "[bands] approx and relative must be fractions from 0 to 1")
    return bands


def copy_similarity_from(settings: Settings) -> float:
    """``[sources] copy_similarity``: how alike two documents' figures make them one source."""
    value = settings.settings.get("sources", {}).get("copy_similarity", 0.9)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1.01:
        raise ConfigError(_settings_file(settings),
                          f"[sources] copy_similarity = {value!r}: expected a fraction from 0 to 1 (above 1 turns it off)")
    return float(value)


def validate_rates(settings: Settings) -> dict:
    rates = settings.rates
    where = Path(settings.rules_dir or "<builtin>") / "rates.toml"
    years = rates.get("years", {})
    if years and not isinstance(rates.get("base"), str):
        raise ConfigError(where, 'rates need a base currency: base = "USD"')
    for year, table in years.items():
        if not (str(year).isdigit() and isinstance(table, dict)):
            raise ConfigError(where, f"[years.{year}] must be a year with a table of CURRENCY = rate")
        for cur, rate in table.items():
            if not (isinstance(rate, (int, float)) and not isinstance(rate, bool) and rate > 0):
                raise ConfigError(where, f"[years.{year}] {cur} = {rate!r}: a rate must be a positive number")
    return rates


def run_rules(claims: pd.DataFrame, settings: Settings | None = None, *, select: list[str] | None = None) -> list[Finding]:
    """Every enabled rule's findings for a claims table, sorted by subject, severity and rule."""
    settings = settings or load_settings()
    options = rule_options(settings)
    bands = bands_from(settings)
    facts = Facts(claims, bands=bands, rates=validate_rates(settings),
                  copy_similarity=copy_similarity_from(settings),
                  partial_year=settings.extract.get("periods", {}).get("partial_year", {}))
    regions = RegionTable(settings.regions)
    findings: dict[str, Finding] = {}
    for rule in RULES:
        opts = options[rule.code]
        if not opts.get("enabled", True) or (select and rule.code not in select):
            continue
        ctx = RuleContext(options=opts, severity=opts.get("severity", rule.severity), bands=bands, regions=regions,
                          measures=settings.measures)
        for f in rule(ctx).check(facts):
            findings.setdefault(f.fingerprint, f)
    return sorted(findings.values(), key=Finding.sort_key)


@dataclass
class CheckResult:
    """A checked corpus: inputs, claims table and findings.

    After ``gate`` (baseline and waivers), ``fixed`` lists baseline entries that no longer
    occur and ``notes`` says which waivers expired or matched nothing.
    """

    inputs: list[InputStatus]
    claims: pd.DataFrame
    findings: list[Finding]
    fixed: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    baseline: str | None = None

    @property
    def incomplete(self) -> bool:
        return any(s.unreadable for s in self.inputs)

    def failing(self, fail_on: str) -> list[Finding]:
        """Findings at or above the ``fail_on`` severity."""
        if fail_on == "never":
            return []
        limit = SEVERITY_RANK[fail_on]
        return [f for f in self.findings if f.status == "new" and SEVERITY_RANK[f.severity] <= limit]

    def summary(self, fail_on: str) -> dict:
        statuses = pd.Series([s.status for s in self.inputs], dtype="str").value_counts()
        return {
            "inputs": len(self.inputs),
            "inputs_by_status": {k: int(statuses.get(k, 0)) for k in ("ok", "empty", "skipped", "error")},
            "claims": int(len(self.claims)),
            "subjects": int(self.claims["subject"].nunique()) if len(self.claims) else 0,
            "findings": len(self.findings),
            "by_severity": {s: sum(f.severity == s for f in self.findings) for s in SEVERITIES},
            "by_rule": {code: n for code, n in sorted(pd.Series([f.rule for f in self.findings], dtype="str")
                                                      .value_counts().items())},
            "by_status": {k: sum(f.status == k for f in self.findings) for k in ("new", "baseline", "waived")},
            "baseline": self.baseline,
            "fixed": self.fixed,
            "notes": self.notes,
            "fail_on": fail_on,
            "failing": len(self.failing(fail_on)),
            "incomplete": self.incomplete,
        }

    def gate(self, *, baseline: Baseline | None = None, waivers: list[Waiver] = (),
             today: dt.date | None = None) -> "CheckResult":
        """Apply waivers, then a baseline: what remains "new" is what fails a run."""
        self.notes = apply_waivers(self.findings, list(waivers), today=today)
        if baseline is not None:
            self.fixed = apply_baseline(self.findings, baseline)
            self.baseline = baseline.path
        return self


def check_corpus(paths: list[str], settings: Settings | None = None, *, jobs: int | None = None,
                 exclude: list[str] = ()) -> CheckResult:
    """Read, extract and check a corpus (``exclude``: glob patterns of what is not a source)."""
    settings = settings or load_settings()
    rule_options(settings), bands_from(settings), validate_rates(settings)  # fail fast on bad config
    extraction = extract_corpus(paths, settings, jobs=jobs, exclude=exclude)
    claims = claims_frame(extraction.claims)
    return CheckResult(inputs=extraction.inputs, claims=claims, findings=run_rules(claims, settings))
