"""Run the rules over a claims table: findings in a stable order.

This is the ``rules`` arrow of the pipeline. ``check_corpus`` is the whole job behind
``reconcile check``: read, extract, normalize, run the rules, and summarize. Given an
executor, it runs the rules on its workers a bucket of markets at a time
(:mod:`reconcile.buckets`): the same findings.
"""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass, field

import pandas as pd

from .baseline import Baseline, apply_baseline
from .config import Settings, load_settings
from .cache import load_result, result_key, save_result
from .corpus import extract_plan, plan_corpus
from .countries import CountryTable
from .errors import ReconcileError
from .findings import SEVERITIES, SEVERITY_RANK, Finding, cited_table, findings_table, first_of_each, link_roots
from .normalize import claims_frame
from .reference import load_references
from .regions import RegionTable
from .rules import RULES, Rule, RuleContext
from .rules.facts import Bands, Facts
from .rules.references import Comparison, corroborations, reference_comparisons
from .sources import InputStatus
from .specs import rule_defaults
from .waivers import Waiver, apply_waivers

FAIL_ON = (*SEVERITIES, "never")


def rule_options(settings: Settings) -> dict[str, dict]:
    """Each rule's options: the built-in defaults overlaid by the settings' ``[rules.CODE]``.

    The options' shape was checked when the settings were loaded (see :mod:`reconcile.specs`).
    """
    defaults, given = rule_defaults(), settings.settings.get("rules", {})
    return {rule.code: {**defaults.get(rule.code, {}), **given.get(rule.code, {})} for rule in RULES}


def fail_on_from(settings: Settings) -> str:
    """``[check] fail_on``: the lowest severity that fails a run when none is given (checked
    against the severities where settings.toml is loaded)."""
    return settings.settings.get("check", {}).get("fail_on", "warning")


def bands_from(settings: Settings) -> Bands:
    """``[bands]``: how wide a stated figure is read."""
    cfg = settings.settings.get("bands", {})
    return Bands(approx=float(cfg.get("approx", 0.10)), relative=float(cfg.get("relative", 0.01)))


def copy_similarity_from(settings: Settings) -> float:
    """``[sources] copy_similarity``: how alike two documents' figures make them one source."""
    return float(settings.settings.get("sources", {}).get("copy_similarity", 0.9))


class SelectionError(ReconcileError):
    """A ``select`` or ``ignore`` pattern that names no rule."""


def _matches(pattern: str, code: str, name: str) -> bool:
    p = pattern.strip()
    if p.upper().startswith("RC"):
        return code.startswith(p.upper())
    p = p.lower()
    return name == p or name.startswith(p + ".")


def selected_codes(select: list[str] | None = None, ignore: list[str] | None = None) -> list[str]:
    """The codes of the rules ``select`` picks (all when empty) less those ``ignore`` drops.

    A pattern is a code or its prefix (``RC101``, ``RC1``) or a dotted name or its leading
    parts (``cagr.conflict``, ``cagr``), as ruff selects by prefix.

    Raises
    ------
    SelectionError
        For a pattern that matches no rule.
    """
    for option, patterns in (("select", select or []), ("ignore", ignore or [])):
        for p in patterns:
            if not any(_matches(p, r.code, r.name) for r in RULES):
                raise SelectionError(f"{option} {p!r}: no rule has this code or name "
                                     "(a code like RC101 or RC1, a name like cagr or cagr.conflict)")
    return [r.code for r in RULES
            if (not select or any(_matches(p, r.code, r.name) for p in select))
            and not any(_matches(p, r.code, r.name) for p in ignore or [])]


def facts_from(claims: pd.DataFrame, settings: Settings, *, copies: dict[str, list[str]] | None = None) -> Facts:
    """The claims table as the rules read it (see :class:`reconcile.rules.facts.Facts`);
    ``copies``: the copy groups, when found already over the whole corpus."""
    return Facts(claims, bands=bands_from(settings), rates=settings.rates,
                 copy_similarity=copy_similarity_from(settings),
                 partial_year=settings.extract.get("periods", {}).get("partial_year", {}), copies=copies)


def _company_words(settings: Settings) -> tuple:
    return tuple(settings.extract.get("subjects", {}).get("company_name_words", []))


def enabled_codes(settings: Settings, select: list[str] | None = None, ignore: list[str] | None = None) -> list[str]:
    """The codes of the rules that run: those :func:`selected_codes` picks that the settings
    leave enabled, in the registry's order."""
    chosen = set(selected_codes(select, ignore))
    options = rule_options(settings)
    return [rule.code for rule in RULES if rule.code in chosen and options[rule.code].get("enabled", True)]


def rule_set(settings: Settings, codes: list[str]) -> list[Rule]:
    """The rules of ``codes`` (see :func:`enabled_codes`) in the registry's order, each with its
    context: options, severity, bands, regions, measures, reference wording, countries."""
    codes = set(codes)
    options = rule_options(settings)
    bands = bands_from(settings)
    regions = RegionTable(settings.regions)
    countries = CountryTable(settings.countries, regions)
    out = []
    for rule in RULES:
        if rule.code in codes:
            opts = options[rule.code]
            out.append(rule(RuleContext(options=opts, severity=opts.get("severity", rule.severity), bands=bands,
                                        regions=regions, measures=settings.measures, reference=settings.reference,
                                        company_words=_company_words(settings), countries=countries)))
    return out


def run_rules(claims: pd.DataFrame, settings: Settings | None = None, *, select: list[str] | None = None,
              ignore: list[str] | None = None, facts: Facts | None = None) -> list[Finding]:
    """Every enabled rule's findings for a claims table, sorted by subject, severity and rule.

    ``select`` and ``ignore`` narrow the enabled rules by code or name prefix (see
    :func:`selected_codes`); a rule disabled in the settings stays off. ``facts``: the table
    as :func:`facts_from` gives it, when the caller has it already.
    """
    settings = settings or load_settings()
    rules = rule_set(settings, enabled_codes(settings, select, ignore))
    facts = facts if facts is not None else facts_from(claims, settings)
    found = first_of_each(f for rule in rules for f in rule.check(facts))
    link_roots(found)
    return found


def corroborated_by(found: list[Comparison], settings: Settings) -> dict[str, str]:
    """The ``corroborated_by`` column's ids from rule RC701's comparisons (for its measures)."""
    return corroborations(found, set(rule_options(settings)["RC701"]["measures"]))


def _corroborated(facts: Facts, settings: Settings, select, ignore) -> dict[str, str]:
    """The ``corroborated_by`` column's ids: what rule RC701 found a reference agrees with, when
    it runs (enabled, and neither left out by ``select`` nor ``ignore``), for its measures. The
    comparisons are the rule's own (``Facts.memo``): not worked out again."""
    if "RC701" not in enabled_codes(settings, select, ignore):
        return {}
    return corroborated_by(reference_comparisons(facts, settings.measures, settings.reference,
                                                 _company_words(settings)), settings)


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
    #: the lowest severity that fails the run, when ``failing`` and ``exit_code`` are not told
    fail_on: str = "warning"
    #: documents taken from the claims cache, not read again
    cache_hits: int = 0

    @property
    def incomplete(self) -> bool:
        return any(s.unreadable for s in self.inputs)

    def document_claims(self) -> pd.DataFrame:
        """The claims the documents state: the claims table less the reference facts."""
        if "source_type" not in self.claims.columns:
            return self.claims
        return self.claims[self.claims["source_type"] != "reference"]

    def findings_frame(self) -> pd.DataFrame:
        """The findings as a DataFrame, one row per finding (see :func:`findings.findings_table`)."""
        return findings_table(self.findings)

    def cited_frame(self) -> pd.DataFrame:
        """Finding × cited claim, with ``claim_id`` to join the claims table."""
        return cited_table(self.findings)

    def exit_code(self, fail_on: str | None = None) -> int:
        """What ``reconcile check`` exits with: 2 incomplete, 1 something fails, 0 clean."""
        if self.incomplete:
            return 2
        return 1 if self.failing(fail_on) else 0

    def failing(self, fail_on: str | None = None) -> list[Finding]:
        """New findings at or above the ``fail_on`` severity (by default the result's own)."""
        fail_on = fail_on or self.fail_on
        if fail_on == "never":
            return []
        limit = SEVERITY_RANK[fail_on]
        return [f for f in self.findings if f.status == "new" and SEVERITY_RANK[f.severity] <= limit]

    def summary(self, fail_on: str) -> dict:
        statuses = pd.Series([s.status for s in self.inputs], dtype="str").value_counts()
        documents = self.document_claims()
        return {
            "inputs": len(self.inputs),
            "inputs_by_status": {k: int(statuses.get(k, 0)) for k in ("ok", "empty", "skipped", "error")},
            "claims": int(len(documents)),
            "references": int(len(self.claims) - len(documents)),
            "subjects": int(documents["subject"].nunique()) if len(documents) else 0,
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
                 exclude: str | list = (), cache=None, select: list[str] | None = None,
                 ignore: list[str] | None = None, progress=None, executor=None) -> CheckResult:
    """Read, extract and check a corpus (``exclude``: glob patterns of what is not a source;
    ``cache``: a claims-cache folder, see :mod:`reconcile.cache`; ``select``/``ignore``:
    rules by code or name prefix, as for :func:`run_rules`; ``progress``: called with
    ``(documents done, documents in all)`` as documents are read; ``executor``: where to
    read them and run the rules, see :mod:`reconcile.engine` and :mod:`reconcile.buckets`)."""
    selected_codes(select, ignore)  # a bad pattern fails before the corpus is read
    settings = settings or load_settings()
    references = load_references(settings)  # a bad reference file fails before the corpus is read, too
    plan = plan_corpus(paths, settings, exclude=exclude, cache=cache)
    corpus = plan.fingerprint()
    key = result_key(corpus, settings, select, ignore, references) if corpus else None
    if key and (found := load_result(cache, key)) is not None:
        # nothing changed since the run that saved it: its result, without reading anything again
        inputs, claims, findings = found
        if progress:
            progress(len(plan.jobs_list), len(plan.jobs_list))
        return CheckResult(inputs=inputs, claims=claims, findings=findings, cache_hits=len(plan.jobs_list))
    extraction = extract_plan(plan, jobs=jobs, progress=progress, executor=executor)
    claims = claims_frame(extraction.claims + references.claims)
    extraction.claims = []  # the table has them now: a corpus's worth of objects less to keep and scan
    # What extraction leaves alive lives to the end of the run: frozen, the collector stops
    # walking it again while the rules allocate. With the claim objects dropped little is
    # left to walk (3,000 documents: rules within noise of each other, README "Benchmarks"),
    # but a caller holding a large heap gains. Unfrozen after, so later garbage is collected.
    gc.freeze()
    try:
        if executor is None:
            facts = facts_from(claims, settings)
            findings = run_rules(claims, settings, select=select, ignore=ignore, facts=facts)
            agreed = _corroborated(facts, settings, select, ignore)
        else:  # the rules on the executor too, a bucket of markets at a time: the same findings
            from .buckets import run_rules_in_buckets  # (it imports this module)
            findings, agreed = run_rules_in_buckets(claims, settings, executor=executor, select=select, ignore=ignore)
    finally:
        gc.unfreeze()
    if agreed:
        claims["corroborated_by"] = claims["claim_id"].map(agreed).fillna("").astype(claims["corroborated_by"].dtype)
    inputs = extraction.inputs + references.inputs
    if key and not any(s.status == "error" for s in inputs):  # a run with errors is made anew next time
        save_result(cache, key, inputs, claims, findings)
    return CheckResult(inputs=inputs, claims=claims, findings=findings, cache_hits=extraction.cache_hits)
