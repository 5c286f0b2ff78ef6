"""The rules on an executor's workers, a bucket of markets at a time.

With an executor (``check_corpus(..., executor=...)``, ``--engine dask``) the rules run on
its workers and the driver holds only the claims table and the findings. The findings, their
order and the ``corroborated_by`` column are those of :func:`reconcile.check.run_rules` over
the whole table, byte for byte, whatever the number of buckets: what a finding reads beyond
one market's claims is worked out over the whole corpus and handed to the buckets.

Most rules compare one market's facts (``subject``) across documents. Three things read more:

- **Near-duplicate copies** are found from each document's figures, and a document's figures
  span its markets: a bucket of markets alone would pair other documents.
- **A whole document across its markets**: a company's share of another market's size (RC406),
  regional lists whose items are read under several markets (RC601–RC603); and within a
  sentence, a share of the whole beside a value (``Facts``: an unnamed part) or the amount of
  a change beside a rate (RC104), which may be read under another market.
- **The reference facts** (RC701, ``corroborated_by``): which company a figure's sentence names
  is settled over every company name in the corpus (``canonical_companies``).

So the rules run in two passes of :func:`check_documents` and :func:`check_markets` tasks:

1. **Documents**, bucketed by a stable hash of their path, each whole: their facts with no copy
   known yet give each document's figures (:func:`.rules.copies.document_figures`), the
   findings of the rules of ``reach = "document"``, and the company figures RC701 may compare.
   On the driver, the copy groups are found from all documents' figures; a copy's document
   findings are dropped (a document's facts do not depend on the others', only whether it
   counts); and the company figures of all documents are compared with the reference facts.
2. **Markets**, bucketed by a stable hash of the market: a bucket gets every document, whole,
   that states a claim about one of its markets (copies left out), reads them with the copy
   groups, runs the market rules and keeps the findings about its own markets; the other
   markets' claims in those documents are there for the sentences they share.

   Claims of no market belong to no bucket: they come with their documents (a share of the
   whole needs no market), and no market rule finds anything about them.

Findings are merged as ``run_rules`` merges rules' findings: the first of each fingerprint, in
the registry's order of rules, sorted by :meth:`Finding.sort_key`. Only one case would not
be the same, and no rule makes it: one rule citing the very same claims in findings about two
markets (two buckets), where the whole table keeps the one its rule found first and the
buckets the first bucket's. A finding about a market cites that market's claims (RC104 also
the amount of a change in their sentence) and a claim's identity names its market, so the two
findings would each cite the other's market's claims.

Hashes are hashlib's, never Python's salted ``hash()``: a market goes to the same bucket in
every process. Each document's claims are read twice (once per pass); the driver reads the
reference facts only (a few rows) and merges.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from .check import bands_from, copy_similarity_from, corroborated_by, enabled_codes, facts_from, rule_set, \
    _company_words
from .config import Settings, load_settings
from .engine import workers_of
from .findings import Finding, first_of_each, link_roots
from .rules import RULES
from .rules.copies import copy_groups_of, document_figures
from .rules.references import compare_with_references, reference_candidates

#: Buckets per worker: enough that a large market's bucket does not keep the others waiting.
BUCKETS_PER_WORKER = 4
#: Each rule's reach (see :attr:`reconcile.rules.base.Rule.reach`), in the registry's order.
_REACH = {rule.code: rule.reach for rule in RULES}


def stable_bucket(key: str, buckets: int) -> int:
    """Which of ``buckets`` a market (or a document's path) goes to: the same in every process."""
    digest = hashlib.blake2b(key.encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % buckets


def bucket_count(workers: int, items: int) -> int:
    """``BUCKETS_PER_WORKER`` buckets per worker, never more than there are markets (documents)."""
    return max(1, min(BUCKETS_PER_WORKER * workers, items))


@dataclass
class DocumentsChecked:
    """What a bucket of whole documents gives the driver (see :func:`check_documents`)."""

    #: each document's figures, as near-duplicate copies are found by
    figures: dict[str, set]
    #: the findings of the document rules, in the order each rule gave them
    findings: list[Finding]
    #: the company figures RC701 may compare: ``(fact, name as written, its key)``, in document order
    companies: list[tuple]


def check_documents(settings: Settings, claims: pd.DataFrame, codes: list[str],
                    reference_names: set | None) -> DocumentsChecked:
    """Whole documents' figures, document-rule findings and company figures (pass 1).

    ``codes``: the rules that run (:func:`reconcile.check.enabled_codes`); ``reference_names``:
    the reference facts' companies, or None when RC701 does not run or there are none."""
    facts = facts_from(claims, settings, copies={})  # copies are found on the driver, from every document
    figures = document_figures(facts.all + facts.periodic + facts.unnamed_parts)
    findings = [f for rule in rule_set(settings, codes) if rule.reach == "document" for f in rule.check(facts)]
    companies = (reference_candidates(facts, reference_names, settings.measures, settings.reference,
                                      _company_words(settings)) if reference_names else [])
    return DocumentsChecked(figures, findings, companies)


def check_markets(settings: Settings, claims: pd.DataFrame, markets: frozenset, copies: dict[str, list[str]],
                  codes: list[str]) -> list[Finding]:
    """The market rules' findings about ``markets``, from the whole documents that state their
    claims (pass 2), in the order each rule gave them. ``copies``: the corpus's copy groups."""
    facts = facts_from(claims, settings, copies=copies)
    return [f for rule in rule_set(settings, codes) if rule.reach == "market"
            for f in rule.check(facts) if f.subject in markets]


class BucketedRules(NamedTuple):
    """The rules' findings and the ``corroborated_by`` ids, as ``run_rules`` and ``check`` give them."""

    findings: list[Finding]
    corroborated: dict[str, str]


def run_rules_in_buckets(claims: pd.DataFrame, settings: Settings | None = None, *, executor: Executor,
                         select: list[str] | None = None, ignore: list[str] | None = None,
                         buckets: int | None = None) -> BucketedRules:
    """:func:`reconcile.check.run_rules` (and the ``corroborated_by`` ids) with the rules on
    ``executor``'s workers: documents and markets in ``buckets`` buckets each (by default
    :func:`bucket_count` of the executor's workers). The same findings in the same order."""
    settings = settings or load_settings()
    codes = enabled_codes(settings, select, ignore)
    if not codes:
        return BucketedRules([], {})
    reference = (claims["source_type"] == "reference").fillna(False).astype(bool) \
        if "source_type" in claims.columns else pd.Series(False, index=claims.index)
    documents = claims[~reference]
    workers = workers_of(executor) if buckets is None else 0
    # what RC701 compares with: the reference facts, read here (a few rows, no document's)
    refs = facts_from(claims[reference], settings, copies={}).reference if "RC701" in codes else []

    checked = _documents_pass(documents, settings, codes, {r.subject for r in refs} or None, executor,
                              buckets or bucket_count(workers, documents["doc"].nunique()))
    similarity = copy_similarity_from(settings)
    figures = {doc: sigs for c in checked for doc, sigs in c.figures.items()}
    copies = copy_groups_of(figures, similarity=similarity) if similarity <= 1 else {}
    dropped = {d for group in copies.values() for d in group}
    # a document's findings do not depend on the other documents, only whether it counts
    found = [f for c in checked for f in c.findings if not dropped.intersection(f.docs)]
    corroborated: dict[str, str] = {}
    if refs:
        companies = sorted((x for c in checked for x in c.companies if x[0].doc not in dropped),
                           key=lambda x: x[0].doc)  # stable: each document's figures in their order
        comparisons = compare_with_references(companies, refs, relative=bands_from(settings).relative,
                                              reference_settings=settings.reference,
                                              company_words=_company_words(settings))
        (rc701,) = rule_set(settings, ["RC701"])
        found += rc701.conflicts(comparisons)
        corroborated = corroborated_by(comparisons, settings)
    if any(_REACH[code] == "market" for code in codes):
        found += _markets_pass(documents[~documents["doc"].isin(dropped)], settings, codes, copies, executor,
                               buckets, workers)
    order = {code: i for i, code in enumerate(_REACH)}
    found.sort(key=lambda f: order[f.rule])  # stable: a rule's findings in the order they were found
    found = first_of_each(found)
    link_roots(found)
    return BucketedRules(found, corroborated)


def _documents_pass(documents: pd.DataFrame, settings: Settings, codes: list[str], reference_names: set | None,
                    executor: Executor, buckets: int) -> list[DocumentsChecked]:
    """Pass 1: :func:`check_documents` on whole documents, bucketed by their paths."""
    bucket = documents["doc"].map({d: stable_bucket(d, buckets) for d in pd.unique(documents["doc"])})
    parts = [part for _, part in documents.groupby(bucket, sort=True)]  # each in the table's order
    n = len(parts)
    return list(executor.map(check_documents, [settings] * n, parts, [codes] * n,
                             [reference_names] * n))


def _markets_pass(documents: pd.DataFrame, settings: Settings, codes: list[str], copies: dict,
                  executor: Executor, buckets: int | None, workers: int) -> list[Finding]:
    """Pass 2: :func:`check_markets` on each bucket of markets, with every document (whole)
    that states a claim about one of them."""
    stating = documents[["doc", "subject"]].dropna().drop_duplicates()
    stating = stating[stating["subject"] != ""]
    markets = pd.unique(stating["subject"])
    n = buckets or bucket_count(workers, len(markets))
    stating = stating.assign(bucket=stating["subject"].map({m: stable_bucket(m, n) for m in markets}))
    parts, owned = [], []
    for _, held in stating.groupby("bucket", sort=True):
        parts.append(documents[documents["doc"].isin(set(held["doc"]))])
        owned.append(frozenset(held["subject"]))
    n = len(parts)
    return [f for found in executor.map(check_markets, [settings] * n, parts, owned,
                                        [copies] * n, [codes] * n) for f in found]
