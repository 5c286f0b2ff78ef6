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

Findings are merged as ``run_rules`` merges rules' findings: the first of each fingerprint, in
the registry's order of rules, sorted by :meth:`Finding.sort_key`. Hashes are hashlib's,
never Python's salted ``hash()``: a market goes to the same bucket in every process.
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
from .findings import Finding, first_of_each
from .rules import RULES
from .rules.copies import copy_groups_of, document_figures
from .rules.references import compare_with_references, reference_candidates

#: Buckets per worker: enough that a large market's bucket does not keep the others waiting.
BUCKETS_PER_WORKER = 4


def stable_bucket(key: str, buckets: int) -> int:
    """Which of ``buckets`` a market (or a document's path) goes to: the same in every process."""
    digest = hashlib.blake2b(key.encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % buckets


def workers_of(executor: Executor) -> int:
    """How many tasks ``executor`` runs at once: a Dask client's threads, a pool's workers,
    else this machine's CPUs."""
    client = getattr(executor, "_client", None)  # distributed's ClientExecutor
    if client is not None and hasattr(client, "nthreads"):
        return max(1, sum(client.nthreads().values()))
    workers = getattr(executor, "_max_workers", None)  # concurrent.futures' pools
    if isinstance(workers, int) and workers > 0:
        return workers
    from .corpus import usable_cpus
    return usable_cpus()


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
    by_code = {rule.code: rule for rule in RULES}
    if not codes:
        return BucketedRules([], {})
    reference = claims["source_type"] == "reference" if "source_type" in claims.columns else \
        pd.Series(False, index=claims.index)
    documents = claims[~reference.fillna(False).astype(bool)]
    workers = workers_of(executor) if buckets is None else 0
    # what RC701 compares with: the reference facts, read here (a few rows; never a document's)
    refs = facts_from(claims[reference.fillna(False).astype(bool)], settings, copies={}).reference \
        if "RC701" in codes else []
    names = {r.subject for r in refs} or None

    # Pass 1: whole documents
    docs = pd.unique(documents["doc"])
    n = buckets or bucket_count(workers, len(docs))
    parts = _parts(documents, documents["doc"].map({d: stable_bucket(d, n) for d in docs}))
    checked = list(executor.map(check_documents, [settings] * len(parts), parts, [codes] * len(parts),
                                [names] * len(parts)))
    figures = {doc: sigs for c in checked for doc, sigs in c.figures.items()}
    similarity = copy_similarity_from(settings)
    copies = copy_groups_of(figures, similarity=similarity) if similarity <= 1 else {}
    dropped = {d for group in copies.values() for d in group}
    found: list[Finding] = [f for c in checked for f in c.findings if not dropped.intersection(f.docs)]

    # RC701 and corroborated_by, over every document's company figures
    corroborated: dict[str, str] = {}
    if refs:
        companies = sorted((x for c in checked for x in c.companies if x[0].doc not in dropped),
                           key=lambda x: x[0].doc)  # stable: each document's own order kept
        comparisons = compare_with_references(companies, refs, relative=bands_from(settings).relative,
                                              reference_settings=settings.reference,
                                              company_words=_company_words(settings))
        (rc701,) = rule_set(settings, ["RC701"])
        found += rc701.conflicts(comparisons)
        corroborated = corroborated_by(comparisons, settings)

    # Pass 2: markets, with the documents that state their claims
    if any(by_code[code].reach == "market" for code in codes):
        kept = documents[~documents["doc"].isin(dropped)]
        pairs = kept[["doc", "subject"]].dropna().drop_duplicates()
        pairs = pairs[pairs["subject"] != ""]
        markets = pd.unique(pairs["subject"])
        n = buckets or bucket_count(workers, len(markets))
        owner = {m: stable_bucket(m, n) for m in markets}
        pairs = pairs.assign(bucket=pairs["subject"].map(owner))
        tasks = []
        for b, held in pairs.groupby("bucket", sort=True):
            tasks.append((kept[kept["doc"].isin(set(held["doc"]))], frozenset(held["subject"])))
        for findings in executor.map(check_markets, [settings] * len(tasks), [t[0] for t in tasks],
                                     [t[1] for t in tasks], [copies] * len(tasks), [codes] * len(tasks)):
            found += findings

    order = {code: i for i, code in enumerate(by_code)}
    found.sort(key=lambda f: order[f.rule])  # stable: a rule's findings in the order they were found
    return BucketedRules(first_of_each(found), corroborated)


def _parts(table: pd.DataFrame, bucket: pd.Series) -> list[pd.DataFrame]:
    """The table's rows by bucket (each bucket's rows in the table's order), empty ones left out."""
    return [part for _, part in table.groupby(bucket, sort=True)]
