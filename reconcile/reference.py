"""Reference facts: trusted figures a user supplies, read into the claims table as claims.

Two kinds of file, in the ``reference/`` folder of the rules folder (``rules/reference/``):

- ``*.csv``: one figure a row, with its public source (see ``CSV_COLUMNS`` and README,
  "Reference facts");
- ``*.json``: SEC EDGAR "companyfacts" files (the XBRL API's format,
  ``data.sec.gov/api/xbrl/companyfacts/CIK##########.json``), read from disk: a run never
  goes to the network. Concepts are read as measures by ``reference.toml``; only
  full-year durations are kept, and a figure filed twice (a restatement, or last year's
  figure repeated beside this year's) is the latest filing's.

A reference fact is a :class:`~reconcile.extract.claim.Claim` with ``source_type``
"reference": ``doc`` is its file, ``line`` its line there, ``quote`` that line (for
companyfacts, the fact in words) and ``figure`` its value as written. The rules see them
only as ``Facts.reference`` (rule RC701 compares documents with them). A file that cannot
be read as a reference is a :class:`~reconcile.errors.ConfigError` naming the file, the
line and the column: a reference that silently lost a row would vouch for nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .errors import ConfigError
from .extract.claim import Claim
from .sources import InputStatus

#: The folder of reference files inside the rules folder.
FOLDER = "reference"
#: A reference CSV's columns; ``period`` is the period as the source writes it, ``year`` and
#: ``fiscal_year_end`` (the month it ends, empty for a calendar year) the same normalized.
CSV_COLUMNS = ("entity", "measure", "period", "year", "fiscal_year_end", "value", "unit", "source", "url", "retrieved")
REQUIRED = ("entity", "measure", "year", "value", "unit", "source", "url", "retrieved")
_VALUE = re.compile(r"^\s*(?P<sign>[-−])?\s*(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>[A-Za-z]+)?\s*$")
_PUNCT = re.compile(r"[^\w\s&-]+")


@dataclass
class References:
    """The reference facts of a rules folder, and each file read (for the inputs list)."""

    claims: list[Claim] = field(default_factory=list)
    inputs: list[InputStatus] = field(default_factory=list)


def entity_key(name: str, legal_suffixes=()) -> str:
    """A company's name for comparing: case-folded, without punctuation, a leading "the" or
    trailing legal-form words ("Pfizer Inc." → ``pfizer``, "Illumina, Inc." → ``illumina``)."""
    words = _PUNCT.sub(" ", str(name or "").casefold().replace("&", " and ")).split()
    suffixes = {s.casefold().strip(".") for s in legal_suffixes}
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return " ".join(words)


#: Legal-form words that are one form ("Inc." is "Incorporated").
_SAME_FORM = {"incorporated": "inc", "corporation": "corp", "company": "co", "limited": "ltd"}


def legal_form(name: str, legal_suffixes=()) -> tuple:
    """The legal-form words ending a company's name, as one spelling: "Pfizer Inc." → ``("inc",)``,
    "Pfizer Limited" → ``("ltd",)``, "Pfizer" → ``()``."""
    words = _PUNCT.sub(" ", str(name or "").casefold().replace("&", " and ")).split()
    suffixes = {s.casefold().strip(".") for s in legal_suffixes}
    form = []
    while len(words) > 1 and words[-1] in suffixes:
        form.append(_SAME_FORM.get(words[-1], words[-1]))
        words.pop()
    return tuple(reversed(form))


def same_legal_form(document_name: str, reference_name: str, legal_suffixes=()) -> bool:
    """Whether a document's company name may be the reference's legal entity: it names no legal
    form, or the reference's ("Pfizer" and "Pfizer Inc." are Pfizer Inc.; "Pfizer Ltd" is not)."""
    form = legal_form(document_name, legal_suffixes)
    return not form or form == legal_form(reference_name, legal_suffixes)


def load_references(settings: Settings) -> References:
    """Every reference file in ``<rules folder>/reference/``, in name order.

    Raises
    ------
    ConfigError
        For a file that is not a reference file of its kind: the message names the file,
        the line and what is wrong.
    """
    out = References()
    if not settings.rules_dir:
        return out
    folder = Path(settings.rules_dir) / FOLDER
    if not folder.is_dir():
        return out
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        suffix = path.suffix.lower()
        if path.name.startswith(".") or suffix not in (".csv", ".json") or not path.is_file():
            out.inputs.append(InputStatus(str(path), "skipped", "not a reference file (.csv or .json)"))
            continue
        try:
            data = path.read_bytes()
            text = data.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(path, f"cannot be read: {exc}") from None
        claims = read_csv(path, text, settings) if suffix == ".csv" else read_companyfacts(path, text, settings)
        out.claims += claims
        out.inputs.append(InputStatus(str(path), "ok" if claims else "empty", "" if claims else "no reference facts",
                                      format="reference " + ("csv" if suffix == ".csv" else "companyfacts"),
                                      encoding="utf-8", bytes=len(data), claims=len(claims)))
    _assign_ids(out.claims)
    return out


def _measure(where, measure: str, settings: Settings) -> str:
    """The measure's family (the ``metric`` column), for a measure measures.toml defines."""
    known = settings.measures.get("measures", {})
    if measure not in known:
        raise ConfigError(where, f"measure = {json.dumps(measure)}: expected one of {', '.join(sorted(known))} "
                                 "(measures.toml)")
    return known[measure].get("family", "other")


def _unit(where, unit: str, settings: Settings) -> str:
    if unit in settings.units.get("currencies", {}) or unit == "percent":
        return unit
    raise ConfigError(where, f'unit = {json.dumps(unit)}: expected a currency code of units.toml (like "USD") or "percent"')


def _number(where, text: str, settings: Settings) -> float:
    m = _VALUE.match(text)
    scales = settings.units.get("scales", {})
    scale = m and m.group("scale")
    if not m or (scale and scale.lower() not in scales):
        raise ConfigError(where, f"value = {json.dumps(text)}: expected a number, with a scale word of "
                                 'units.toml if you like ("100,330 million")')
    value = float(m.group("number").replace(",", "")) * (float(scales[scale.lower()]) if scale else 1.0)
    return -value if m.group("sign") else value


def _whole(where, key: str, text: str, lo: int, hi: int) -> int:
    try:
        n = int(text)
    except ValueError:
        n = None
    if n is None or not lo <= n <= hi:
        raise ConfigError(where, f"{key} = {json.dumps(text)}: expected a whole number from {lo} to {hi}")
    return n


def _claim(path: Path, *, line: int, start: int, quote: str, figure: str, entity: str, measure: str, metric: str,
           value: float, unit: str, year: int, fiscal_year_end: int | None, title: str, settings: Settings) -> Claim:
    suffixes = settings.reference.get("names", {}).get("legal_suffixes", [])
    fiscal = fiscal_year_end is not None
    return Claim(doc=str(path), line=line, start=start, end=start + len(quote), quote=quote, figure=figure,
                 metric=metric, subject=entity_key(entity, suffixes), scope="Global", scope_type="global",
                 dimension="", value=value, unit=unit, low=value, high=value, qualifier="exact", year=year,
                 period_start=None, period_end=None, kind="actual", confidence=1.0, entity=entity,
                 entity_type="company", measure=measure, period_label=f"FY{year}" if fiscal else str(year),
                 fiscal=fiscal, fiscal_year_end=fiscal_year_end, sign=-1 if value < 0 else (0 if value == 0 else 1),
                 doc_title=title, source_type="reference", pos=start, doc_id=f"{FOLDER}/{path.name}")


def _csv_records(path: Path, text: str):
    """``(first line index, last line index, cells)`` of each record after the header (checked),
    skipping blank and ``#`` lines; yields nothing for a file with no header."""
    lines = text.splitlines(keepends=True)
    numbered = [i for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")]
    if not numbered:
        return
    reader = csv.reader(io.StringIO("".join(lines[i] for i in numbered)))
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise ConfigError(path, f"not a CSV file: {exc}") from None
    unknown = [h for h in header if h not in CSV_COLUMNS]
    missing = [c for c in REQUIRED if c not in header]
    if unknown or missing:
        what = f"unknown column {json.dumps(unknown[0])}" if unknown else f"no column {json.dumps(missing[0])}"
        raise ConfigError(path, f"line {numbered[0] + 1}: {what}; the columns are {', '.join(CSV_COLUMNS)} "
                                f"({', '.join(c for c in CSV_COLUMNS if c not in REQUIRED)} may be left out)")
    done = reader.line_num  # records read so far, in ``numbered`` lines
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ConfigError(f"{path}:{numbered[done] + 1}", f"not a CSV row: {exc}") from None
        first, last, done = numbered[done], numbered[reader.line_num - 1], reader.line_num
        if len(cells) != len(header):
            raise ConfigError(f"{path}:{first + 1}", f"{len(cells)} cells; the header has {len(header)}")
        yield first, last, {h: c.strip() for h, c in zip(header, cells)}


def read_csv(path: Path, text: str, settings: Settings) -> list[Claim]:
    """A reference CSV's rows as claims (see ``CSV_COLUMNS``); ``#`` lines are comments."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln))
    suffixes = settings.reference.get("names", {}).get("legal_suffixes", [])
    claims, seen = [], {}
    for first, last, row in _csv_records(path, text):
        where = f"{path}:{first + 1}"
        for key in REQUIRED:
            if not row[key]:
                raise ConfigError(where, f"{key} is empty: every reference fact needs {', '.join(REQUIRED)}")
        metric = _measure(where, row["measure"], settings)
        unit = _unit(where, row["unit"], settings)
        value = _number(where, row["value"], settings)
        year = _whole(where, "year", row["year"], 1800, 2200)
        fye = _whole(where, "fiscal_year_end", row["fiscal_year_end"], 1, 12) if row.get("fiscal_year_end") else None
        try:
            dt.date.fromisoformat(row["retrieved"])
        except ValueError:
            raise ConfigError(where, f"retrieved = {json.dumps(row['retrieved'])}: expected a date like 2026-12-01") from None
        key = (entity_key(row["entity"], suffixes), legal_form(row["entity"], suffixes), row["measure"], year, fye or 12,
               unit)
        if key in seen and seen[key][1] != value:
            raise ConfigError(where, f"{row['entity']} {row['measure']} {year} is already {seen[key][2]} "
                                     f"(line {seen[key][0]}): one period, one reference figure")
        seen.setdefault(key, (first + 1, value, row["value"]))
        quote = "".join(lines[first:last + 1]).rstrip("\r\n")
        claims.append(_claim(path, line=first + 1, start=offsets[first], quote=quote, figure=row["value"],
                             entity=row["entity"], measure=row["measure"], metric=metric, value=value, unit=unit,
                             year=year, fiscal_year_end=fye, title=row["source"], settings=settings))
    return claims


def _fiscal_year(end: dt.date) -> tuple[int, int]:
    """``(year, month it ends)`` of a fiscal year ending on ``end``: a 52/53-week year ending
    in the first days of a month ended the month before ("January 1, 2023" is fiscal 2022,
    ending in December)."""
    if end.day <= 7:
        end = end.replace(day=1) - dt.timedelta(days=1)
    return end.year, end.month


def read_companyfacts(path: Path, text: str, settings: Settings) -> list[Claim]:
    """An SEC companyfacts file's full-year figures of the concepts ``reference.toml`` maps."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ConfigError(path, f"not valid JSON: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("facts"), dict) or not isinstance(data.get("entityName"), str):
        raise ConfigError(path, 'not an SEC companyfacts file: expected {"cik": …, "entityName": "…", "facts": {…}}')
    cfg = settings.reference.get("companyfacts", {})
    low, high = cfg.get("year_days_min", 350), cfg.get("year_days_max", 380)
    units = cfg.get("units", {})
    entity, cik = data["entityName"], data.get("cik", "")
    known = settings.measures.get("measures", {})
    best: dict[tuple, tuple] = {}
    for measure, concepts in sorted(cfg.get("concepts", {}).items()):
        if measure not in known:
            where = Path(settings.rules_dir or "", "reference.toml")
            raise ConfigError(where if where.is_file() else "reference.toml",
                              f"[companyfacts.concepts] {measure}: no such measure; expected one of "
                              f"{', '.join(sorted(known))} (measures.toml)")
        metric = known[measure].get("family", "other")
        for rank, concept in enumerate(concepts):
            for taxonomy, xbrl_unit, at, e in _entries(data["facts"], concept, units):
                fact = _full_year(path, e, at, low, high)
                if fact is None:
                    continue
                year, month, value = fact
                key = (measure, year, month, units[xbrl_unit])
                # the most preferred concept, then the latest filing (a restatement), then the accession
                order = (-rank, str(e.get("filed", "")), str(e.get("accn", "")))
                if key not in best or order > best[key][0]:
                    best[key] = (order, metric, concept, taxonomy, e, value)
    claims = []
    for (measure, year, month, unit), (_, metric, concept, taxonomy, e, value) in sorted(best.items()):
        at = text.find(json.dumps(concept))
        line = text.count("\n", 0, max(at, 0)) + 1
        figure = json.dumps(e["val"])
        filed = f"{e.get('form', 'filing')} filed {e.get('filed', '?')}"
        quote = (f"{entity} (CIK {cik}) {taxonomy}:{concept} {e['start']} to {e['end']}: {figure} {unit} "
                 f"({filed}, accession {e.get('accn', '?')})")
        claims.append(_claim(path, line=line, start=max(at, 0), quote=quote, figure=figure, entity=entity,
                             measure=measure, metric=metric, value=value, unit=unit, year=year,
                             fiscal_year_end=month, title=f"SEC EDGAR companyfacts: {entity}, {filed}",
                             settings=settings))
    return claims


def _entries(facts: dict, concept: str, units: dict):
    """``(taxonomy, unit, where, entry)`` for each entry of ``concept`` in a unit ``units`` maps."""
    for taxonomy, by_concept in sorted(facts.items()):
        spec = by_concept.get(concept) if isinstance(by_concept, dict) else None
        if not isinstance(spec, dict) or not isinstance(spec.get("units"), dict):
            continue
        for xbrl_unit, entries in sorted(spec["units"].items()):
            if xbrl_unit in units and isinstance(entries, list):
                for i, e in enumerate(entries):
                    yield taxonomy, xbrl_unit, f"{taxonomy}.{concept} {xbrl_unit} entry {i + 1}", e


def _full_year(path, e, at: str, low: int, high: int) -> tuple[int, int, float] | None:
    """``(fiscal year, month it ends, value)`` of a companyfacts entry lasting a full year, else None."""
    if not isinstance(e, dict) or "start" not in e:
        return None  # an instant (a balance), not a year's flow
    try:
        start, end = dt.date.fromisoformat(str(e["start"])), dt.date.fromisoformat(str(e["end"]))
    except (KeyError, ValueError):
        raise ConfigError(path, f"{at}: expected start and end dates like 2022-12-31") from None
    value = e.get("val")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(path, f"{at}: val = {json.dumps(value)}: expected a number")
    if not low <= (end - start).days + 1 <= high:
        return None
    return (*_fiscal_year(end), float(value))


def _assign_ids(claims: list[Claim]) -> None:
    """Ids as the documents' claims get them: a hash of the file and what the fact says."""
    seen: dict[str, int] = {}
    for c in claims:
        key = "|".join(str(x) for x in ("reference", c.doc_id, c.measure, c.subject, c.year, c.fiscal_year_end, c.unit,
                                        c.figure))
        seen[key] = seen.get(key, 0) + 1
        c.claim_id = "C" + hashlib.sha1(f"{key}|{seen[key]}".encode("utf-8")).hexdigest()[:12]
