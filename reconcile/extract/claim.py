"""The claim record extraction produces, and the claims-table columns it becomes."""

from __future__ import annotations

from dataclasses import dataclass, field

#: The claims table's columns, in order. This is a public contract (see README).
COLUMNS = [
    "claim_id", "doc", "line", "start", "end", "quote", "figure", "metric", "subject", "scope",
    "scope_type", "dimension", "value", "unit", "low", "high", "qualifier", "year",
    "period_start", "period_end", "kind", "confidence",
    # The claim model (added after the first release; see README): who, what, when exactly.
    "entity", "entity_type", "measure", "period_label", "fiscal", "fiscal_year_end", "quarter", "month",
    "basis", "sign", "accounting", "converted_value", "converted_unit",
    # The document's title for people (metadata.toml, else its first heading or title line).
    "doc_title",
    # Qualitative claims (no figure): what the words say ("largest", "fastest_growing"…); see README.
    "statement",
    # Reference facts (rules/reference/): "document" or "reference", and the reference fact a
    # document's figure agrees with (filled in by `check`); see README.
    "source_type", "corroborated_by",
    # The document's id: its path relative to the folder given; claim ids and fingerprints
    # are made from it, so they do not depend on where the corpus is read from.
    "doc_id",
    # Whose estimate the figure is: the firm its sentence names, else the document's publisher.
    "attributed_to",
]

#: The ``metric`` of a claim that states no figure: a rank, a superlative, a trend, a listing.
#: Its ``value`` is the rank it states (1 for "largest"), or empty; rules on figures skip it.
QUALITATIVE = "qualitative"


@dataclass
class Claim:
    doc: str
    line: int
    start: int
    end: int
    quote: str
    figure: str
    metric: str
    subject: str
    scope: str
    scope_type: str
    dimension: str
    value: float
    unit: str
    low: float | None
    high: float | None
    qualifier: str
    year: int | None
    period_start: int | None
    period_end: int | None
    kind: str
    confidence: float
    entity: str = ""
    entity_type: str = ""
    measure: str = ""
    period_label: str = ""
    fiscal: bool = False
    fiscal_year_end: int | None = None
    quarter: int | None = None
    month: int | None = None
    basis: str = ""
    sign: int = 1
    accounting: str = "reported"
    converted_value: float | None = None
    converted_unit: str = ""
    doc_title: str = ""
    statement: str = ""
    source_type: str = "document"
    corroborated_by: str = ""
    claim_id: str = ""
    doc_id: str = ""
    attributed_to: str = ""
    # Position of the figure in the visible text, for ordering; not a column.
    pos: int = field(default=0, repr=False)

    def row(self) -> dict:
        return {c: getattr(self, c) for c in COLUMNS}
